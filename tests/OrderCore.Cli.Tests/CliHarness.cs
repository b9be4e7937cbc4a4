using System.Text.Json.Nodes;

namespace OrderCore.Cli.Tests;

/// <summary>Runs the <c>ordercore</c> command line in-process and captures its output.</summary>
internal static class CliHarness
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Program.RunAsync(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>replay</c> with <c>--summary-json</c> to a temporary file and returns the parsed summary.</summary>
    public static async Task<(Result Result, JsonObject Summary)> ReplayAsync(params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ordercore-summary-{Guid.NewGuid():N}.json");
        try
        {
            var result = await RunAsync(["replay", .. args, "--summary-json", path]);
            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
            return (result, JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Asserts that <paramref name="actual"/> has exactly the keys and values of <paramref name="expectedJson"/> (plus any key in <paramref name="ignored"/>).</summary>
    public static void AssertJsonEqual(string expectedJson, JsonObject actual, params string[] ignored)
    {
        var trimmed = actual.DeepClone().AsObject();
        foreach (var key in ignored) trimmed.Remove(key);
        var expected = JsonNode.Parse(expectedJson)!;
        Assert.True(JsonNode.DeepEquals(expected, trimmed), $"expected:\n{expected.ToJsonString()}\nactual:\n{trimmed.ToJsonString()}");
    }

    /// <summary>A fresh temporary folder, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder() => Path = Directory.CreateTempSubdirectory("ordercore-cli-").FullName;

        public string Path { get; }

        public string Write(string fileName, string content)
        {
            var file = System.IO.Path.Combine(Path, fileName);
            File.WriteAllText(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>True when the text has an ANSI escape sequence.</summary>
    public static bool HasAnsi(string text) => text.Contains('\u001b', StringComparison.Ordinal);

    /// <summary>True when the text looks like a .NET stack trace.</summary>
    public static bool HasStackTrace(string text)
        => text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal) || text.Contains("--- End of", StringComparison.Ordinal);
}
