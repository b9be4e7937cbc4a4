using System.Text;
using System.Text.Json;
using OrderCore.Cli.Tests.RealData;

namespace OrderCore.Cli.Tests;

/// <summary>
/// Runs <c>ordercore replay</c> over the real seller data in <c>../shared/data/datasets/amazon-in</c> and checks every
/// figure of <c>--summary-json</c> against <see cref="IndependentReplay"/>, a re-computation over the CSV rows that
/// does not use the library.
/// </summary>
public sealed class RealDataReplayTests
{
    [RealDataFact]
    public Task Replay_of_the_whole_window_matches_the_independent_figures() => AssertReplayMatches(from: null, to: null);

    [RealDataFact]
    public Task Replay_of_one_day_matches_the_independent_figures() =>
        AssertReplayMatches(from: new DateOnly(2022, 4, 28), to: new DateOnly(2022, 4, 28));

    private static async Task AssertReplayMatches(DateOnly? from, DateOnly? to)
    {
        string data = RealDataLocation.RequireDirectory();
        var expected = IndependentReplay.Compute(data, from, to);

        string summaryFile = Path.Combine(Path.GetTempPath(), $"ordercore-realdata-{Guid.NewGuid():N}.json");
        var args = new List<string> { "replay", "--data", data, "--summary-json", summaryFile };
        if (from is { } f) args.AddRange(["--from", f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        if (to is { } t) args.AddRange(["--to", t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        try
        {
            var (exit, output) = await Cli.RunAsync([.. args]);
            Assert.True(exit == 0, $"ordercore {string.Join(' ', args)} exited with {exit}.\n{output}");
            Assert.True(File.Exists(summaryFile), $"ordercore replay wrote no summary JSON.\n{output}");

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile));
            var actual = Flatten(json.RootElement);

            // Every figure on its own line, so a failure names each figure that differs.
            var mismatches = new List<string>();
            foreach (var (key, value) in expected)
            {
                if (!actual.TryGetValue(key, out string? got)) mismatches.Add($"{key}: expected {value}, missing from the summary");
                else if (got != value) mismatches.Add($"{key}: expected {value}, CLI wrote {got}");
            }
            // exceptions_open lists only non-zero reasons and by_status only statuses holding units: no extra keys there.
            foreach (var key in actual.Keys.Where(k => k.StartsWith("exceptions_open.", StringComparison.Ordinal)
                                                       || k.StartsWith("inventory_end.by_status.", StringComparison.Ordinal)
                                                       || k.StartsWith("gross_sales.", StringComparison.Ordinal)))
            {
                if (!expected.ContainsKey(key)) mismatches.Add($"{key}: expected absent, CLI wrote {actual[key]}");
            }
            Assert.True(mismatches.Count == 0,
                $"{mismatches.Count} figure(s) differ from the independent re-computation:\n  " + string.Join("\n  ", mismatches)
                + "\n\nindependent figures:\n  " + string.Join("\n  ", expected.Select(kv => $"{kv.Key} = {kv.Value}")));
        }
        finally
        {
            File.Delete(summaryFile);
        }
    }

    /// <summary>The JSON as <c>path = literal</c> pairs: numbers as written, strings quoted, booleans as true/false.</summary>
    private static Dictionary<string, string> Flatten(JsonElement root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "");
        return result;

        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
            }
            else
            {
                result[path] = e.ValueKind == JsonValueKind.String ? $"\"{e.GetString()}\"" : e.GetRawText();
            }
        }
    }

    /// <summary>Calls the CLI in-process through <c>Program.RunAsync(args, stdout, stderr)</c>, capturing its output.</summary>
    private static class Cli
    {
        public static async Task<(int Exit, string Output)> RunAsync(string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int exit = await global::OrderCore.Cli.Program.RunAsync(args, stdout, stderr);
            return (exit, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        }
    }
}

/// <summary>Where the real data lives: <c>../shared/data/datasets/amazon-in</c> beside the repository root.</summary>
internal static class RealDataLocation
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The expected location (whether or not it exists), or null when the repository root cannot be found.</summary>
    public static string? ExpectedDirectory { get; } = Locate();

    public static bool IsPresent =>
        ExpectedDirectory is not null && File.Exists(Path.Combine(ExpectedDirectory, "Sale Report.csv"));

    /// <summary>The data directory; a loud failure when it is missing (which under CI is never skipped).</summary>
    public static string RequireDirectory()
    {
        if (!IsPresent)
        {
            Assert.Fail($"The real-data folder is missing: expected '{ExpectedDirectory ?? "<no OrderCore.sln above " + AppContext.BaseDirectory + ">"}' "
                        + "with 'Sale Report.csv', 'Amazon Sale Report*.csv' and 'International sale Report.csv'. "
                        + "CI must check out ../shared beside the repository (CI=true turns this skip into a failure).");
        }
        return ExpectedDirectory!;
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderCore.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "datasets", "amazon-in"));
        }
        return null;
    }
}

/// <summary>
/// A fact over the real data. Outside CI it is skipped, with the reason, when the data folder is missing;
/// under CI (<c>CI=true</c>) it always runs, so a missing folder fails loudly.
/// </summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (!RealDataLocation.IsPresent && !RealDataLocation.IsCi)
        {
            var reason = new StringBuilder("Real data not found at '")
                .Append(RealDataLocation.ExpectedDirectory ?? "../shared/data/datasets/amazon-in")
                .Append("'; skipped outside CI (with CI=true this test fails instead).");
            Skip = reason.ToString();
        }
    }
}
