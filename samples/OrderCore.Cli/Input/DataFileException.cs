namespace OrderCore.Cli.Input;

/// <summary>
/// A whole input file (or folder) cannot be used: it is missing, unreadable, has no header, or lacks a required column.
/// The replay stops with exit code 1 and prints <see cref="Exception.Message"/>, which names the file (and the column).
/// </summary>
internal sealed class DataFileException : Exception
{
    public DataFileException(string fileName, string? column, string message, Exception? inner = null)
        : base(message, inner)
    {
        FileName = fileName;
        Column = column;
    }

    /// <summary>The file or folder.</summary>
    public string FileName { get; }

    /// <summary>The missing required column, when that is the problem.</summary>
    public string? Column { get; }
}
