using System.Text;

namespace OrderCore.Adapters.Amazon.Tests.SpApi.Support;

/// <summary>Finds <c>../shared/data/amazon-sp-api</c> beside the repository (read in place, never copied into it).</summary>
public static class SharedData
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The expected <c>../shared/data</c> folder, or null when no folder above the test binaries holds OrderCore.sln.</summary>
    public static string? Root { get; } = Locate();

    public static bool IsPresent => Root is not null && Directory.Exists(Path.Combine(Root, "amazon-sp-api"));

    /// <summary><c>../shared/data/amazon-sp-api</c>; a loud failure when it is missing (under CI the tests run and fail here).</summary>
    public static string SpApi
    {
        get
        {
            if (!IsPresent) Assert.Fail($"The shared data folder is missing: expected '{Root ?? "../shared/data beside OrderCore.sln"}/amazon-sp-api'. CI must lay ../shared beside the repository.");
            return Path.Combine(Root!, "amazon-sp-api");
        }
    }

    public static string Example(string relative) => Path.Combine(SpApi, "examples", relative);

    public static string ReadExample(string relative) => File.ReadAllText(Example(relative));

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderCore.sln"))) return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        return null;
    }

    internal static string? SkipReason()
        => !IsPresent && !IsCi
            ? new StringBuilder("Shared data not found at '").Append(Root ?? "../shared/data").Append("/amazon-sp-api'; skipped outside CI (with CI=true this test fails instead).").ToString()
            : null;
}

/// <summary>A fact over the SP-API models and examples: skipped with a message outside CI when they are missing; under CI=true it runs and fails.</summary>
public sealed class SpApiDataFactAttribute : FactAttribute
{
    public SpApiDataFactAttribute()
    {
        if (SharedData.SkipReason() is { } why) Skip = why;
    }
}

/// <summary>The theory form of <see cref="SpApiDataFactAttribute"/>.</summary>
public sealed class SpApiDataTheoryAttribute : TheoryAttribute
{
    public SpApiDataTheoryAttribute()
    {
        if (SharedData.SkipReason() is { } why) Skip = why;
    }
}
