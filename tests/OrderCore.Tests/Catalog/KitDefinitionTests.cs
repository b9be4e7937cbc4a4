using OrderCore.Catalog;
using OrderCore.Testing;

namespace OrderCore.Tests.Catalog;

public sealed class KitDefinitionTests
{
    private static readonly KitDefinition Kit = new(TestIds.Owner, Sku.From("GIFT-SET"),
        [new KitComponent(Sku.From("MUG"), 2), new KitComponent(Sku.From("TEA"), 3)]);

    [Theory]
    [InlineData(10, 9, 3)]  // min(10/2, 9/3) = min(5, 3)
    [InlineData(7, 100, 3)] // floor(7/2) = 3
    [InlineData(1, 100, 0)]
    [InlineData(-4, 100, 0)] // negative availability counts as none
    [InlineData(0, 0, 0)]
    public void Availability_ComponentStock_IsMinOverComponentsOfFlooredQuotient(int mugs, int tea, int expected)
    {
        Assert.Equal(expected, Kit.Availability(s => s == Sku.From("MUG") ? mugs : tea));
    }

    [Property(MaxTest = 200)]
    public bool Availability_AnyStock_IsLargestBuildableCount(NonNegativeInt mugs, NonNegativeInt tea)
    {
        var kits = Kit.Availability(s => s == Sku.From("MUG") ? mugs.Get : tea.Get);
        bool CanBuild(int n) => (long)n * 2 <= mugs.Get && (long)n * 3 <= tea.Get;
        return CanBuild(kits) && !CanBuild(kits + 1);
    }

    [Fact]
    public void Constructor_BadComponents_Throw()
    {
        var sku = Sku.From("K");
        Assert.Throws<ArgumentException>(() => new KitDefinition(TestIds.Owner, sku, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KitDefinition(TestIds.Owner, sku, [new KitComponent(Sku.From("A"), 0)]));
        Assert.Throws<ArgumentException>(() => new KitDefinition(TestIds.Owner, sku, [new KitComponent(sku, 1)]));
        Assert.Throws<ArgumentException>(() => new KitDefinition(TestIds.Owner, sku, [new KitComponent(Sku.From("A"), 1), new KitComponent(Sku.From("A"), 2)]));
    }

    [Fact]
    public async Task AllocateAsync_KitLine_ReservesComponentsTimesKitQuantity()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("MUG", "TEA");
        await h.AddKitAsync("GIFT-SET", ("MUG", 2), ("TEA", 3));
        await h.ReceiveAsync("MUG", 10);
        await h.ReceiveAsync("TEA", 9);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("GIFT-SET", 3));

        Assert.True(placed.IsAllocated);
        Assert.Equal(6, (await h.BalanceAsync("MUG")).Reserved);
        Assert.Equal(9, (await h.BalanceAsync("TEA")).Reserved);
    }
}
