using OrderCore.Catalog;
using OrderCore.Testing;

namespace OrderCore.Tests.Catalog;

public sealed class SkuResolverTests
{
    [Fact]
    public async Task ResolveAsync_ListingWithPackMultiplier_MapsAndMultipliesUnits()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SOCK");
        await h.AddListingAsync("SOCK-3PK", "SOCK", packMultiplier: 3);
        await h.ReceiveAsync("SOCK", 10);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SOCK-3PK", 2));

        Assert.True(placed.IsAllocated);
        Assert.Equal(Sku.From("SOCK"), placed.Order.Lines[0].Sku);
        Assert.Equal(6, placed.Order.Lines[0].BaseUnits);
        Assert.Equal(6, (await h.BalanceAsync("SOCK")).Reserved);
    }

    [Fact]
    public async Task ResolveAlternateKeyAsync_StyleAndSizeCaseInsensitive_ResolvesExactlyOne()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("JNE3798-KR-XL", p => p with { Style = "JNE3798", Size = "XL" });
        await h.AddProductAsync("JNE3798-KR-L", p => p with { Style = "JNE3798", Size = "L" });
        var resolver = new SkuResolver(h.Catalog, Microsoft.Extensions.Options.Options.Create(new OrderCoreOptions()));

        var r = await resolver.ResolveAlternateKeyAsync(TestIds.Owner, " jne3798 ", "xl");

        Assert.Equal(SkuResolutionKind.Resolved, r.Kind);
        Assert.Equal(Sku.From("JNE3798-KR-XL"), r.Sku);
        Assert.Equal("style+size", r.Field);
    }

    [Fact]
    public async Task ResolveAsync_UnlistedCodeWithMappingByCodeOff_IsNone()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        var resolver = new SkuResolver(h.Catalog, Microsoft.Extensions.Options.Options.Create(new OrderCoreOptions { MapUnlistedSkusByCode = false }));

        var r = await resolver.ResolveAsync(TestIds.Owner, TestIds.Channel, TestIds.Account, "SKU-1", null, null);

        Assert.Equal(SkuResolutionKind.None, r.Kind);
        Assert.Equal("sku", r.Field);
    }
}
