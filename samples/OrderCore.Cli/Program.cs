using System.CommandLine;
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
        "       ordercore route simulate --rules FILE --inventory FILE --orders FILE [--explain] [--json OUT]";

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
            var root = BuildCommandLine(stdout, stderr, interactive);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) await stderr.WriteLineAsync("error: " + OneLine(error.Message)).ConfigureAwait(false);
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

    private static RootCommand BuildCommandLine(TextWriter stdout, TextWriter stderr, bool interactive)
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
            Description = "Amazon order report; repeat for several (overrides those in --data). When an Order ID is in several files, the file whose name sorts last wins.",
            AllowMultipleArgumentsPerToken = false,
        };
        var wholesale = new Option<string?>("--wholesale") { HelpName = "FILE", Description = "Wholesale sales file (overrides the one in --data)." };
        var from = new Option<string?>("--from") { HelpName = "YYYY-MM-DD", Description = "First day to replay (inclusive). Default: the first date in the Amazon files." };
        var to = new Option<string?>("--to") { HelpName = "YYYY-MM-DD", Description = "Last day to replay (inclusive). Default: the last date in the Amazon files." };
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
                parse.GetValue(data),
                parse.GetValue(stock),
                parse.GetValue(amazon) ?? [],
                parse.GetValue(wholesale),
                ParseDate(parse.GetValue(from), "--from"),
                ParseDate(parse.GetValue(to), "--to"),
                parse.GetValue(summaryJson));
            if (request.From is { } f && request.To is { } t && f > t)
            {
                throw new UsageException($"--from {Iso(f)} is after --to {Iso(t)}");
            }
            return await ReplayAsync(request, stdout, interactive, ct).ConfigureAwait(false);
        });
        return new RootCommand("ordercore: the OrderCore console host.") { replay, Routing.RouteCommand.Build(stdout) };
    }

    private static async Task<int> ReplayAsync(ReplayRequest request, TextWriter stdout, bool interactive, CancellationToken ct)
    {
        var inputs = ReplayInputs.Resolve(request);
        if (request.SummaryJsonPath is { } target && Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
        {
            throw new DataFileException(target, null, $"{target}: cannot write the summary (folder {folder} not found)");
        }
        var console = new SummaryConsole(stdout, interactive);
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

    private static LocalDate? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : throw new UsageException($"{option} '{text}' is not a date in YYYY-MM-DD form");
    }

    private static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Bad arguments found after parsing (a malformed date, --from after --to).</summary>
    private sealed class UsageException(string message) : Exception(message);
}
