using System.Text;
using Sylvan.Data.Csv;

namespace OrderCore.Cli.Input;

/// <summary>
/// A CSV file read row by row with columns found by header name after trimming, ignoring case (a spreadsheet export's
/// <c>Sales Channel </c> is <c>Sales Channel</c>). Extra columns are ignored; a missing required column is a
/// <see cref="DataFileException"/> naming the file and the column. Row numbers count the header as row 1.
/// </summary>
/// <remarks>
/// A row may hold up to <see cref="MaxRowChars"/> characters (a longer one is a file error naming the row). Bytes that
/// are not valid UTF-8 are decoded as U+FFFD; <see cref="FindInvalidText"/> finds them so that the readers reject the
/// row (a U+FFFD written literally in the file is treated the same way).
/// </remarks>
internal sealed class CsvTable : IDisposable
{
    private readonly CsvDataReader _csv;
    private readonly Dictionary<string, int> _ordinals;

    private CsvTable(string fileName, CsvDataReader csv, Dictionary<string, int> ordinals)
    {
        FileName = fileName;
        _csv = csv;
        _ordinals = ordinals;
    }

    /// <summary>The most characters one row may hold (8 Mi): Sylvan's buffer grows up to this.</summary>
    public const int MaxRowChars = 8 * 1024 * 1024;

    private const string MaxRowCharsText = "8,388,608";

    /// <summary>The file name used in messages.</summary>
    public string FileName { get; }

    /// <summary>The current row number (header = 1); 1 before the first <see cref="Read"/>.</summary>
    public int RowNumber { get; private set; } = 1;

    /// <summary>Opens a file and checks that every required column is present.</summary>
    /// <exception cref="DataFileException">The file is missing or unreadable, has no header, or lacks a required column.</exception>
    public static CsvTable Open(string path, params string[] requiredColumns)
    {
        var fileName = Path.GetFileName(path);
        TextReader text;
        try
        {
            text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 64 * 1024, Options = FileOptions.SequentialScan });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var what = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot be read: " + ex.Message;
            throw new DataFileException(fileName, null, $"{path}: {what}", ex);
        }
        return Open(text, fileName, requiredColumns);
    }

    /// <summary>Reads CSV text (owned and disposed by the table).</summary>
    /// <exception cref="DataFileException">No header, or a required column is missing.</exception>
    public static CsvTable Open(TextReader text, string fileName, params string[] requiredColumns)
    {
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = ',',
                OwnsReader = true,
                BufferSize = 64 * 1024,
                MaxBufferSize = MaxRowChars,
            });
        }
        catch (CsvMissingHeadersException ex)
        {
            text.Dispose();
            throw new DataFileException(fileName, null, $"'{fileName}' is empty: it has no header row", ex);
        }
        catch (CsvRecordTooLargeException ex)
        {
            text.Dispose();
            throw new DataFileException(fileName, null, $"{fileName}: row 1 (the header) is longer than {MaxRowCharsText} characters", ex);
        }
        catch (Exception ex) when (IsCsvError(ex))
        {
            text.Dispose();
            throw new DataFileException(fileName, null, $"{fileName}: not a readable CSV file with a header row ({ex.Message})", ex);
        }
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetName(i)?.Trim();
            if (!string.IsNullOrEmpty(name)) ordinals.TryAdd(name, i);
        }
        foreach (var column in requiredColumns)
        {
            if (!ordinals.ContainsKey(column))
            {
                csv.Dispose();
                throw new DataFileException(fileName, column, $"{fileName}: required column '{column}' is missing from the header");
            }
        }
        return new CsvTable(fileName, csv, ordinals);
    }

    /// <summary>Moves to the next data row.</summary>
    /// <exception cref="DataFileException">The CSV structure is broken (e.g. an unterminated quote).</exception>
    public bool Read()
    {
        try
        {
            if (!_csv.Read()) return false;
        }
        catch (CsvRecordTooLargeException ex)
        {
            throw new DataFileException(FileName, null, $"{FileName}: row {RowNumber + 1} is longer than {MaxRowCharsText} characters, the most one row may hold", ex);
        }
        catch (Exception ex) when (IsCsvError(ex))
        {
            throw new DataFileException(FileName, null, $"{FileName}: the CSV is malformed near row {RowNumber + 1} ({ex.Message})", ex);
        }
        RowNumber++;
        return true;
    }

    /// <summary>True when the table has <paramref name="column"/>.</summary>
    public bool Has(string column) => _ordinals.ContainsKey(column);

    /// <summary>The trimmed cell of <paramref name="column"/> in the current row; null when blank or when the column is absent.</summary>
    public string? Get(string column)
    {
        if (!_ordinals.TryGetValue(column, out var i) || i >= _csv.RowFieldCount) return null;
        var value = _csv.GetString(i).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// When the current row has fewer cells than the header: the reason (<c>row has 5 cells, the header has 24</c>) and
    /// the first column it lacks. Null when the row is complete.
    /// </summary>
    public (string Column, string Reason)? ShortRow()
    {
        if (_csv.RowFieldCount >= _csv.FieldCount) return null;
        var missing = _csv.GetName(_csv.RowFieldCount)?.Trim();
        var cells = _csv.RowFieldCount;
        return (string.IsNullOrEmpty(missing) ? $"column {cells + 1}" : missing,
            $"row has {cells} cell{(cells == 1 ? "" : "s")}, the header has {_csv.FieldCount}");
    }

    /// <summary>
    /// The first of <paramref name="columns"/> whose cell in the current row holds bytes that are not valid UTF-8 (decoded
    /// as U+FFFD), or null.
    /// </summary>
    public string? FindInvalidText(IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            if (!_ordinals.TryGetValue(column, out var i) || i >= _csv.RowFieldCount) continue;
            if (_csv.GetString(i).Contains('\uFFFD', StringComparison.Ordinal)) return column;
        }
        return null;
    }

    /// <summary>The reason of a row rejected by <see cref="FindInvalidText"/>.</summary>
    public static string InvalidTextReason(string column) => $"field '{column}' holds bytes that are not valid UTF-8";

    /// <summary>True when every cell of the current row is blank, ignoring <paramref name="except"/> (e.g. a pandas <c>index</c> column).</summary>
    public bool IsBlankRow(params string[] except)
    {
        for (var i = 0; i < _csv.RowFieldCount; i++)
        {
            var name = i < _csv.FieldCount ? _csv.GetName(i)?.Trim() : null;
            if (name is not null && except.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            if (!string.IsNullOrWhiteSpace(_csv.GetString(i))) return false;
        }
        return true;
    }

    public void Dispose() => _csv.Dispose();

    private static bool IsCsvError(Exception ex)
        => ex is CsvFormatException or CsvInvalidCharacterException or CsvRecordTooLargeException or CsvMissingHeadersException;
}
