using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using OrderCore.Adapters.Amazon;
using OrderCore.Cli.Input;
using OrderCore.Cli.Output;
using OrderCore.Cli.Replay;

namespace OrderCore.Cli;

/// <summary>
/// The <c>ordercore</c> console host. Exit codes: 0 success, 1 data error (a whole input file is missing, unreadable
/// or lacks a required column) or unexpected failure, 2 usage error (bad arguments). Errors are one line on stderr,
/// never a stack trace.
/// </summary>
public static class Program
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>A data error or an unexpected failure.</summary>
    public const int ExitDataError = 1;

    /// <summary>A usage error: bad arguments.</summary>
    public const int ExitUsage = 2;

    internal const string Usage =
        "usage: ordercore replay [--data DIR] [--stock FILE] [--amazon-orders FILE]... [--wholesale FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--store memory] [--summary-json FILE]\n" +
        "       ordercore route simulate --rules FILE --inventory FILE --orders FILE [--explain] [--json OUT]\n" +
        "       ordercore fba plan --data DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--top N] [--days-of-cover D] [--json OUT]\n" +
        "       ordercore fba plan --profiles FILE --quantities FILE [--json OUT]\n" +
        "       ordercore amazon import FILE|DIR [--store memory] [--owner ID] [--account ID] [--seed-catalog]\n" +
        "       ordercore shopify import FILE|DIR [--store memory] [--owner ID] [--shop DOMAIN]\n" +
        "       ordercore walmart import FILE|DIR... [--store memory] [--owner ID] [--account ID] [--ship-node NODE=LOCATION]... [--register-skus] [--now ISO-INSTANT]";

    /// <summary>The process entry point: runs <see cref="RunAsync(string[], TextWriter, TextWriter)"/> on the console.</summary>
    public static Task<int> Main(string[] args)
        => RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected, CancellationToken.None);

    /// <summary>
    /// Runs the command line <paramref name="args"/> writing to <paramref name="stdout"/> and <paramref name="stderr"/>
    /// (plain text: no ANSI codes, no progress bar). Returns the exit code; never throws.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
        => RunAsync(args, stdout, stderr, interactive: false, CancellationToken.None);

    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken)
    {
        try
        {
            // Commands with their own argument parsers (each returns 0 ok, 1 data error, 2 usage error; never throws).
            if (args is ["fba", "plan", ..]) return await Fba.FbaPlanCommand.RunAsync(args, stdout, stderr, cancellationToken).ConfigureAwait(false);
            if (args is ["amazon", ..]) return await Amazon.AmazonImportCommand.RunAsync(args, stdout, stderr, cancellationToken).ConfigureAwait(false);
            if (args is ["shopify", "import", ..]) return await Shopify.ShopifyImportCommand.RunAsync(args[2..], stdout, stderr, cancellationToken).ConfigureAwait(false);
            if (args is ["walmart", ..]) return await Walmart.WalmartImportCommand.RunAsync(args[1..], stdout, stderr, cancellationToken).ConfigureAwait(false);
            var root = BuildCommandLine(stdout, stderr, interactive);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One error line: System.CommandLine often reports one mistake several ways (`ordercore frob`: no command
                // and an unknown token); the one naming the first unknown token is the most useful.
                var first = parse.UnmatchedTokens.Count > 0
                    ? parse.Errors.FirstOrDefault(e => e.Message.Contains($"'{parse.UnmatchedTokens[0]}'", StringComparison.Ordinal)) ?? parse.Errors[0]
                    : parse.Errors[0];
                await stderr.WriteLineAsync("error: " + OneLine(first.Message)).ConfigureAwait(false);
                await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
                return ExitUsage;
            }
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var (code, message) = Describe(ex);
            await stderr.WriteLineAsync("error: " + OneLine(message)).ConfigureAwait(false);
            if (code == ExitUsage) await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return code;
        }
    }

    /// <summary>The exit code and the one-line message of a failure.</summary>
    private static (int Code, string Message) Describe(Exception ex) => ex switch
    {
        UsageException u => (ExitUsage, u.Message),
        DataFileException d => (ExitDataError, d.Message),
        AmazonReportFormatException a => (ExitDataError, a.Message),
        ReplayException r => (ExitDataError, "replay failed at " + r.Message),
        OrderCore.Routing.Rules.RoutingRuleSetException rr => (ExitDataError, rr.Message),
        OperationCanceledException => (ExitDataError, "cancelled"),
        _ => (ExitDataError, $"unexpected failure ({ex.GetType().Name}): {ex.Message}"),
    };

    /// <summary>Collapses a message to one line (System.CommandLine puts the allowed values of an option on their own lines).</summary>
    private static string OneLine(string message)
        => string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static Command BuildCommandLine(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var data = new Option<string?>("--data")
        {
            HelpName = "DIR",
            Description = "Folder with 'Sale Report.csv', every 'Amazon Sale Report*.csv' and 'International sale Report.csv'. Default: the bundled demo data when no input option is given.",
        };
        var stock = new Option<string?>("--stock") { HelpName = "FILE", Description = "Stock snapshot (overrides the one in --data)." };
        var amazon = new Option<string[]>("--amazon-orders")
        {
            HelpName = "FILE",
            Description = "Amazon order report; repeat for several (overrides those in --data). When an Order ID is in several files, the file whose name (without its folder, ordinal) sorts last wins.",
            AllowMultipleArgumentsPerToken = false,
        };
        var wholesale = new Option<string?>("--wholesale") { HelpName = "FILE", Description = "Wholesale sales file (overrides the one in --data)." };
        var from = new Option<string?>("--from") { HelpName = "YYYY-MM-DD", Description = "First day to replay (inclusive), 1900-01-01 to 2999-12-31. Default: the first date in the Amazon files." };
        var to = new Option<string?>("--to") { HelpName = "YYYY-MM-DD", Description = "Last day to replay (inclusive), 1900-01-01 to 2999-12-31. Default: the last date in the Amazon files." };
        var store = new Option<string>("--store")
        {
            HelpName = "memory",
            Description = "Store: 'memory' (the only one for now).",
            DefaultValueFactory = _ => "memory",
        };
        store.AcceptOnlyFromAmong("memory");
        var summaryJson = new Option<string?>("--summary-json") { HelpName = "FILE", Description = "Also write the summary as JSON to FILE." };

        var replay = new Command("replay", "Replay a seller's stock, Amazon order reports and wholesale sales through OrderCore, day by day, and print a summary.")
        {
            data, stock, amazon, wholesale, from, to, store, summaryJson,
        };
        replay.SetAction(async (parse, ct) =>
        {
            var request = new ReplayRequest(
                PathArgument(parse.GetValue(data), "--data", "a folder path"),
                PathArgument(parse.GetValue(stock), "--stock", "a file path"),
                (parse.GetValue(amazon) ?? []).Select(f => PathArgument(f, "--amazon-orders", "a file path")!).ToArray(),
                PathArgument(parse.GetValue(wholesale), "--wholesale", "a file path"),
                ParseDate(parse.GetValue(from), "--from"),
                ParseDate(parse.GetValue(to), "--to"),
                PathArgument(parse.GetValue(summaryJson), "--summary-json", "a file path"));
            if (request.From is { } f && request.To is { } t && f > t)
            {
                throw new UsageException($"--from {Iso(f)} is after --to {Iso(t)}");
            }
            return await ReplayAsync(request, stdout, stderr, interactive, ct).ConfigureAwait(false);
        });
        // A plain command named "ordercore" rather than a RootCommand, whose name is the executable's
        // ("OrderCore.Cli" under dotnet run): help then shows "ordercore replay". Help and version as a RootCommand has them.
        return new Command("ordercore", "ordercore: the OrderCore console host.")
        {
            replay, Routing.RouteCommand.Build(stdout), new HelpOption(), new VersionOption(),
        };
    }

    private static async Task<int> ReplayAsync(ReplayRequest request, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken ct)
    {
        if (request.SummaryJsonPath is { } target) CheckSummaryWritable(target);
        var inputs = ReplayInputs.Resolve(request);
        var console = new SummaryConsole(stdout, interactive, stderr);
        var summary = await console.WithProgressAsync(progress => ReplayRunner.RunAsync(inputs, request.From, request.To, progress, ct)).ConfigureAwait(false);
        console.Render(summary);
        if (request.SummaryJsonPath is { } path)
        {
            try
            {
                await SummaryJson.WriteFileAsync(path, summary, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DataFileException(path, null, $"{path}: cannot write the summary ({ex.Message})", ex);
            }
            await stdout.WriteLineAsync($"Summary written to {path}").ConfigureAwait(false);
        }
        return ExitOk;
    }

    /// <summary>
    /// Checks before replaying that the summary can be written: its folder exists, it is not a folder, and it can be
    /// opened for writing (a file created for the check is deleted again).
    /// </summary>
    /// <exception cref="DataFileException">It cannot be written.</exception>
    private static void CheckSummaryWritable(string target)
    {
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full)) throw new DataFileException(target, null, $"{target}: cannot write the summary (it is a folder)");
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new DataFileException(target, null, $"{target}: cannot write the summary (folder {folder} not found)");
        }
        try
        {
            using var probe = File.Exists(full)
                ? new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
                : new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(target, null, $"{target}: cannot write the summary ({ex.Message})", ex);
        }
    }

    /// <summary>A path option's value; a blank one is a usage error (<c>--data ""</c>).</summary>
    private static string? PathArgument(string? text, string option, string what)
        => text is null || !string.IsNullOrWhiteSpace(text) ? text : throw new UsageException($"{option} needs {what}");

    /// <summary>The earliest and latest dates <c>--from</c>/<c>--to</c> accept: anything outside is a typo.</summary>
    internal static readonly LocalDate EarliestDate = new(1900, 1, 1), LatestDate = new(2999, 12, 31);

    private static LocalDate? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!result.Success) throw new UsageException($"{option} '{text}' is not a date in YYYY-MM-DD form");
        if (result.Value < EarliestDate || result.Value > LatestDate)
        {
            throw new UsageException($"{option} {text.Trim()} is out of range: give a date from {Iso(EarliestDate)} to {Iso(LatestDate)}");
        }
        return result.Value;
    }

    private static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Bad arguments found after parsing (a malformed date, --from after --to, an empty window): exit code 2.</summary>
    internal sealed class UsageException(string message) : Exception(message);
}
