using System.Text;

namespace OrderCore.FbaPrep.Tests.Support;

/// <summary>Finds <c>../shared/data</c> beside the repository (never copied into it).</summary>
public static class SharedData
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The expected <c>../shared/data</c> folder, or null when the repository root cannot be found.</summary>
    public static string? Root { get; } = Locate();

    public static bool IsPresent => Root is not null && Directory.Exists(Root);

    public static string InboundModelPath => Path.Combine(Require(), "amazon-sp-api", "fulfillmentInbound_2024-03-20.json");

    public static string FbaPrepDirectory => Path.Combine(Require(), "amazon-fba-prep");

    public static string AmazonInDirectory => Path.Combine(Require(), "datasets", "amazon-in");

    /// <summary>The data folder; a loud failure when it is missing.</summary>
    public static string Require()
    {
        if (!IsPresent)
        {
            Assert.Fail($"The shared data folder is missing: expected '{Root ?? "../shared/data beside OrderCore.sln"}'. CI must check out ../shared beside the repository.");
        }
        return Root!;
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderCore.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        return null;
    }
}

/// <summary>
/// A fact over <c>../shared/data</c>. Outside CI it is skipped, with the reason, when the folder is missing; under CI
/// (<c>CI=true</c>) it always runs, so a missing folder fails the test.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsPresent && !SharedData.IsCi)
        {
            Skip = new StringBuilder("Shared data not found at '")
                .Append(SharedData.Root ?? "../shared/data")
                .Append("'; skipped outside CI (with CI=true this test fails instead).")
                .ToString();
        }
    }
}
