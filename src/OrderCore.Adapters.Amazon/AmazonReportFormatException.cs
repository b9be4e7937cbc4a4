namespace OrderCore.Adapters.Amazon;

/// <summary>
/// Thrown when a whole order report cannot be read: a required column is absent, the header is missing, or the CSV
/// structure is broken (e.g. an unterminated quote). A single malformed row is not an error of this kind: it is
/// reported in <see cref="AmazonOrderReport.RejectedRows"/> and the rest of the file is read.
/// </summary>
public sealed class AmazonReportFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file (or source name) that could not be read.</param>
    /// <param name="column">The required column that is absent, if that is the problem.</param>
    /// <param name="rowNumber">The row where the structure broke, if known (header = row 1).</param>
    /// <param name="message">What is wrong, naming the file (and column).</param>
    /// <param name="inner">The underlying parser error, if any.</param>
    public AmazonReportFormatException(string fileName, string? column, int? rowNumber, string message, Exception? inner = null)
        : base(message, inner)
    {
        FileName = fileName;
        Column = column;
        RowNumber = rowNumber;
    }

    /// <summary>The file (or source name given to the reader).</summary>
    public string FileName { get; }

    /// <summary>The required column that is absent, or null when the problem is not a missing column.</summary>
    public string? Column { get; }

    /// <summary>The row where the file's structure broke, counting the header as row 1; null when not row-specific.</summary>
    public int? RowNumber { get; }
}
