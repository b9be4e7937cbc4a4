using System.Text;

namespace OrderCore.Adapters.Walmart.Tests.Support;

/// <summary>Finds <c>../shared/data/walmart</c> beside the repository (never copied into it).</summary>
public static class SharedData
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The expected <c>../shared/data</c> folder, or null when the repository root (the folder with OrderCore.sln) cannot be found.</summary>
    public static string? Root { get; } = Locate();

    public static bool IsPresent => Root is not null && Directory.Exists(Path.Combine(Root, "walmart"));

    public static string Walmart => Path.Combine(Require(), "walmart");

    public static string Example(string folder, string file) => Path.Combine(Walmart, "examples", folder, file);

    public static string ReadExample(string folder, string file) => File.ReadAllText(Example(folder, file));

    public static string CapturedOrder => Path.Combine(Walmart, "captured-ventmere", "test_order.json");

    /// <summary>Every order document the issue requires to map: <c>examples/orders/*.json</c> holding orders, and the captured order.</summary>
    public static IEnumerable<string> OrderFiles()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(Walmart, "examples", "orders"), "*.json").Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(f).Contains("__request__", StringComparison.Ordinal)) yield return f;
        }
        yield return CapturedOrder;
    }

    /// <summary>The data folder; a loud failure when it is missing.</summary>
    public static string Require()
    {
        if (!IsPresent)
        {
            Assert.Fail($"The shared data folder is missing: expected '{Root ?? "../shared/data beside OrderCore.sln"}/walmart'. CI must have ../shared beside the repository.");
        }
        return Root!;
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderCore.sln"))) return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        return null;
    }

    internal static string? SkipReason()
        => IsPresent || IsCi
            ? null
            : new StringBuilder("Shared data not found at '").Append(Root ?? "../shared/data").Append("/walmart'; skipped outside CI (with CI=true this test fails instead).").ToString();
}

/// <summary>A fact over <c>../shared/data/walmart</c>: skipped with a message outside CI when the folder is missing; under <c>CI=true</c> it runs and fails.</summary>
public sealed class WalmartDataFactAttribute : FactAttribute
{
    public WalmartDataFactAttribute()
    {
        if (SharedData.SkipReason() is { } reason) Skip = reason;
    }
}

/// <summary>A theory over <c>../shared/data/walmart</c>, skipped like <see cref="WalmartDataFactAttribute"/>.</summary>
public sealed class WalmartDataTheoryAttribute : TheoryAttribute
{
    public WalmartDataTheoryAttribute()
    {
        if (SharedData.SkipReason() is { } reason) Skip = reason;
    }
}
