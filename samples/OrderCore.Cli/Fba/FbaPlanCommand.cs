#if ORDERCORE_FBAPREP
using System.Text.Json;
using OrderCore.Adapters.Amazon;

namespace OrderCore.Cli.Fba;

/// <summary>
/// <c>ordercore fba plan</c>: sizes an FBA replenishment from marketplace-fulfilled demand (or takes a user's own SKU
/// profiles and quantities), takes the units <c>Sellable → FbaBound</c> on an OrderCore inventory pool, applies the prep
/// profiles and the marketplace's rules, plans cartons, and prints the compliance report, the prep work order and the
/// SP-API inbound plan bodies (<c>--json</c> writes all of it).
/// </summary>
/// <remarks>Exit codes: 0 success, 1 data error (a file is missing, unreadable or malformed), 2 usage error. Errors are one line on stderr.</remarks>
internal static class FbaPlanCommand
{
    public const int ExitOk = 0;
    public const int ExitDataError = 1;
    public const int ExitUsage = 2;

    /// <summary>Parses the words after <c>fba plan</c> (a leading <c>fba plan</c> is skipped). See <see cref="FbaPlanArguments.Usage"/>.</summary>
    public static bool TryParse(string[] args, out FbaPlanArguments arguments, out string error)
        => FbaPlanArgumentParser.TryParse(args, out arguments, out error);

    /// <summary>Parses and runs; returns the exit code, never throws.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var arguments, out var error))
        {
            await stderr.WriteLineAsync("error: " + error).ConfigureAwait(false);
            await stderr.WriteLineAsync(FbaPlanArguments.Usage).ConfigureAwait(false);
            return ExitUsage;
        }
        return await RunAsync(arguments, stdout, stderr, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the command; returns the exit code, never throws.</summary>
    public static async Task<int> RunAsync(FbaPlanArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var input = args.IsProfilesMode ? ProfilesInput.Load(args) : ReplaySellerInput.Load(args);
            var result = await FbaPlanRunner.RunAsync(input, cancellationToken).ConfigureAwait(false);
            await FbaPlanOutput.WriteTextAsync(result, stdout).ConfigureAwait(false);
            if (args.JsonPath is { } path)
            {
                try
                {
                    var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                    if (dir is not null) Directory.CreateDirectory(dir);
                    await File.WriteAllTextAsync(path, FbaPlanOutput.ToJson(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new FbaPlanDataException($"{path}: cannot write the JSON ({ex.Message})", ex);
                }
                await stdout.WriteLineAsync($"JSON written to {path}").ConfigureAwait(false);
            }
            return ExitOk;
        }
        catch (FbaPlanDataException ex)
        {
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return ExitDataError;
        }
        catch (AmazonReportFormatException ex)
        {
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return ExitDataError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitDataError;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"error: unexpected failure ({ex.GetType().Name}): {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitDataError;
        }
    }

    private static string OneLine(string message) => string.Join(" ", message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
#endif
