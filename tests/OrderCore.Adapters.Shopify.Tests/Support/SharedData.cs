using System.Text.Json;

namespace OrderCore.Adapters.Shopify.Tests.Support;

/// <summary>
/// Finds <c>../shared/data</c> beside the repository root (the folder holding OrderCore.sln, found by walking up from
/// the test binaries). The data is never copied into the repository.
/// </summary>
public static class SharedData
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The expected <c>../shared/data</c> folder, or null when the repository root cannot be found.</summary>
    public static string? Root { get; } = Locate();

    public static bool IsPresent => Root is not null && Directory.Exists(Path.Combine(Root, "shopify"));

    /// <summary>The reason a shared-data test is skipped outside CI, or null when the data is there (or under CI, where it must fail instead).</summary>
    public static string? SkipReason => IsPresent || IsCi
        ? null
        : $"Shared data not found at '{Root ?? "../shared/data beside OrderCore.sln"}'; skipped outside CI (with CI=true this test fails instead).";

    public static string ShopifyDirectory => Path.Combine(Require(), "shopify");

    public static string ExamplesDirectory => Path.Combine(ShopifyDirectory, "rest-admin-2026-07-examples");

    public static string HmacVectorPath => Path.Combine(ShopifyDirectory, "webhook-hmac-vector.json");

    /// <summary>The data folder; a loud failure when it is missing.</summary>
    public static string Require()
    {
        if (!IsPresent)
        {
            Assert.Fail($"The shared data folder is missing: expected '{Path.Combine(Root ?? "../shared/data", "shopify")}'. CI must lay ../shared beside the repository.");
        }
        return Root!;
    }

    public static string Example(string name) => Path.Combine(ExamplesDirectory, name);

    public static byte[] ExampleBytes(string name) => File.ReadAllBytes(Example(name));

    /// <summary>The <c>response_body</c> of an example file.</summary>
    public static JsonElement ResponseBody(string name)
    {
        using var doc = JsonDocument.Parse(ExampleBytes(name));
        return doc.RootElement.GetProperty("response_body").Clone();
    }

    /// <summary>Every order object in the examples: <c>response_body.order</c> and <c>response_body.orders[]</c>, with the file and index.</summary>
    public static IEnumerable<(string File, int Index, JsonElement Order)> ExampleOrders()
    {
        foreach (var path in Directory.GetFiles(ExamplesDirectory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("response_body", out var body) || body.ValueKind != JsonValueKind.Object) continue;
            if (body.TryGetProperty("order", out var one)) yield return (Path.GetFileName(path), 0, one.Clone());
            if (body.TryGetProperty("orders", out var many))
            {
                var i = 0;
                foreach (var o in many.EnumerateArray()) yield return (Path.GetFileName(path), i++, o.Clone());
            }
        }
    }

    public static byte[] Bytes(JsonElement element) => JsonSerializer.SerializeToUtf8Bytes(element);

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
/// A fact over <c>../shared/data</c>: skipped with the reason outside CI when the folder is missing; under CI
/// (<c>CI=true</c>) it always runs, so a missing folder fails the test. (xunit 2 has no dynamic skip, hence the attribute.)
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory over <c>../shared/data</c>; see <see cref="SharedDataFactAttribute"/>.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.SkipReason is { } reason) Skip = reason;
    }
}
