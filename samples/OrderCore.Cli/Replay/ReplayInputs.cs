using NodaTime;
using OrderCore.Cli.Input;

namespace OrderCore.Cli.Replay;

/// <summary>What the user asked to replay, after argument parsing.</summary>
/// <param name="DataDirectory"><c>--data DIR</c>.</param>
/// <param name="StockFile"><c>--stock FILE</c>.</param>
/// <param name="AmazonFiles"><c>--amazon-orders FILE</c>, repeatable.</param>
/// <param name="WholesaleFile"><c>--wholesale FILE</c>.</param>
/// <param name="From"><c>--from</c>: first day replayed (inclusive).</param>
/// <param name="To"><c>--to</c>: last day replayed (inclusive).</param>
/// <param name="SummaryJsonPath"><c>--summary-json FILE</c>.</param>
internal sealed record ReplayRequest(
    string? DataDirectory, string? StockFile, IReadOnlyList<string> AmazonFiles, string? WholesaleFile,
    LocalDate? From, LocalDate? To, string? SummaryJsonPath);

/// <summary>The files a replay reads.</summary>
/// <param name="StockFile">The stock snapshot, or null for none.</param>
/// <param name="AmazonFiles">The Amazon order reports (any order; the reader sorts them by file name, ordinal).</param>
/// <param name="WholesaleFile">The wholesale file, or null for none.</param>
/// <param name="Source">Where they come from, for the summary: the data folder, "demo data" or "files".</param>
internal sealed record ReplayInputs(string? StockFile, IReadOnlyList<string> AmazonFiles, string? WholesaleFile, string Source)
{
    public const string StockFileName = "Sale Report.csv";
    public const string AmazonFilePattern = "Amazon Sale Report*.csv";
    public const string WholesaleFileName = "International sale Report.csv";

    /// <summary>The demo data set shipped next to the executable.</summary>
    public static string DemoDirectory => Path.Combine(AppContext.BaseDirectory, "demo");

    /// <summary>
    /// Resolves the files: each explicit file option wins; otherwise the file of that kind in <c>--data DIR</c>. With
    /// no input option at all, the demo data set is used. Without <c>--data</c>, a kind not given explicitly is not read.
    /// </summary>
    /// <exception cref="DataFileException">The data folder does not exist (or is a file), or holds no <c>Amazon Sale Report*.csv</c>.</exception>
    public static ReplayInputs Resolve(ReplayRequest request)
    {
        var anyInput = request.DataDirectory is not null || request.StockFile is not null || request.AmazonFiles.Count > 0 || request.WholesaleFile is not null;
        if (!anyInput)
        {
            // The demo files carry their own names (they are the project's own data, in the seller's formats).
            if (!Directory.Exists(DemoDirectory)) throw new DataFileException(DemoDirectory, null, $"{DemoDirectory}: data folder not found");
            return new ReplayInputs(
                Path.Combine(DemoDirectory, "demo-stock.csv"),
                [Path.Combine(DemoDirectory, "demo-amazon-orders.csv")],
                Path.Combine(DemoDirectory, "demo-wholesale.csv"),
                "demo data");
        }
        var directory = request.DataDirectory ?? (anyInput ? null : DemoDirectory);
        var source = request.DataDirectory ?? (anyInput ? "files" : "demo data");
        if (directory is not null && File.Exists(directory))
        {
            throw new DataFileException(directory, null, $"'{directory}' is a file, not a data folder");
        }
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DataFileException(directory, null, $"{directory}: data folder not found");
        }
        IReadOnlyList<string> amazon = request.AmazonFiles;
        if (amazon.Count == 0 && directory is not null)
        {
            amazon = Directory.GetFiles(directory, AmazonFilePattern)
                .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray(); // as AmazonOrderReportReader.ReadFiles: by file name
            if (amazon.Count == 0)
            {
                throw new DataFileException(directory, null, $"{Path.Combine(directory, AmazonFilePattern)}: no Amazon order report found");
            }
        }
        return new ReplayInputs(
            request.StockFile ?? (directory is null ? null : Path.Combine(directory, StockFileName)),
            amazon,
            request.WholesaleFile ?? (directory is null ? null : Path.Combine(directory, WholesaleFileName)),
            source);
    }
}
