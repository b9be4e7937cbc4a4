using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Routing;
using OrderCore.Testing;

namespace OrderCore.Routing.Tests;

public sealed class PriorityOrderRouterTests
{
    internal static readonly LocationId A = LocationId.From("WH-A");
    internal static readonly LocationId B = LocationId.From("WH-B");
    internal static readonly LocationId C = LocationId.From("WH-C");
    internal static readonly Sku Sku1 = Sku.From("SKU-1");
    internal static readonly Sku Sku2 = Sku.From("SKU-2");

    internal static InventoryBalance Balance(LocationId location, int onHand, int reserved = 0, string sku = "SKU-1", InventoryStatus? status = null, OwnerId? owner = null, string? lot = null)
        => new(new BalanceKey(owner ?? TestIds.Owner, Sku.From(sku), location, status ?? InventoryStatus.Sellable, lot is null ? null : new Lot(lot)), onHand, reserved, 1);

    internal static RoutingRequest Request(params (string Sku, int Quantity)[] lines)
        => new(OrderId.From("o-1"), TestIds.Owner, TestIds.Channel, TestIds.Account, FulfilmentChannel.Merchant, ServiceLevel.Standard, TestIds.ShipTo, [],
            lines.Select((l, i) => new DemandLine(OrderLineId.From($"o-1/{i + 1}"), Sku.From(l.Sku), l.Quantity)).ToArray());

    internal static IReadOnlyDictionary<Sku, IReadOnlyList<InventoryBalance>> BySku(params InventoryBalance[] balances)
        => balances.GroupBy(b => b.Key.Sku).ToDictionary(g => g.Key, g => (IReadOnlyList<InventoryBalance>)g.ToArray());

    [Fact]
    public void Route_StockAtEveryLocation_TakesTheFirstInPreferenceOrder()
    {
        var router = new PriorityOrderRouter([B, A]);

        var d = router.Route(Request(("SKU-1", 2)), BySku(Balance(A, 5), Balance(B, 5)));

        Assert.True(d.IsRouted);
        Assert.Equal(B, d.PrimaryLocation);
        Assert.Equal([new RoutedLine(OrderLineId.From("o-1/1"), Balance(B, 5).Key, 2)], d.Lines);
        Assert.Equal(["WH-B: chosen (covers all 1 SKU(s))"], d.Trace);
    }

    [Fact]
    public void Route_FirstLocationShortOfOneSku_PassesItOverForTheNext()
    {
        var router = new PriorityOrderRouter([A, B]);

        var d = router.Route(Request(("SKU-1", 2), ("SKU-2", 1)), BySku(Balance(A, 5), Balance(A, 0, sku: "SKU-2"), Balance(B, 2), Balance(B, 1, sku: "SKU-2")));

        Assert.Equal(B, d.PrimaryLocation);
        Assert.Equal(["WH-A: passed over (SKU-2 needs 1, has 0)", "WH-B: chosen (covers all 2 SKU(s))"], d.Trace);
        Assert.All(d.Lines, l => Assert.Equal(B, l.Key.Location));
    }

    [Fact]
    public void Route_EachSkuOnlyAtADifferentLocation_IsUnfillableWithoutSplitting()
    {
        var router = new PriorityOrderRouter([A, B]);

        var d = router.Route(Request(("SKU-1", 1), ("SKU-2", 1)), BySku(Balance(A, 5), Balance(B, 5, sku: "SKU-2")));

        Assert.False(d.IsRouted);
        Assert.Empty(d.Lines);
        Assert.Null(d.PrimaryLocation);
        Assert.Equal([new RoutingShortage(Sku1, 1, 5), new RoutingShortage(Sku2, 1, 5)], d.Shortages);
        Assert.Equal("no single eligible location covers the order; splitting is not allowed", d.Trace[^1]);
    }

    [Fact]
    public void Route_DemandAboveBestLocation_ReportsShortageWithBestAvailable()
    {
        var router = new PriorityOrderRouter([A, B, C]);

        var d = router.Route(Request(("SKU-1", 9), ("SKU-2", 1)), BySku(Balance(A, 3), Balance(B, 7, 1), Balance(C, 2), Balance(A, 1, sku: "SKU-2")));

        Assert.False(d.IsRouted);
        Assert.Equal([new RoutingShortage(Sku1, 9, 6)], d.Shortages);
    }

    [Fact]
    public void Route_SameSkuOnTwoLines_IsSummedBeforeTheCheck()
    {
        var router = new PriorityOrderRouter([A]);

        var d = router.Route(Request(("SKU-1", 2), ("SKU-1", 2)), BySku(Balance(A, 3)));

        Assert.False(d.IsRouted);
        Assert.Equal([new RoutingShortage(Sku1, 4, 3)], d.Shortages);
    }

    [Fact]
    public void Route_NegativeBalanceAtFirstAndStockAtSecond_RoutesToSecond()
    {
        var router = new PriorityOrderRouter([A, B]);

        var d = router.Route(Request(("SKU-1", 2)), BySku(Balance(A, -2), Balance(B, 2)));

        Assert.True(d.IsRouted);
        Assert.Equal(B, d.PrimaryLocation);
        Assert.Equal(2, Assert.Single(d.Lines).Quantity);
        Assert.Equal("WH-A: passed over (SKU-1 needs 2, has 0)", d.Trace[0]);
    }

    [Fact]
    public void Route_NegativeLotAndPositiveLotAtOneLocation_NegativeLotHidesNothing()
    {
        var router = new PriorityOrderRouter([A]);

        var d = router.Route(Request(("SKU-1", 3)), BySku(Balance(A, -5, lot: "L1"), Balance(A, 3, lot: "L2")));

        Assert.True(d.IsRouted);
        Assert.Equal("L2", Assert.Single(d.Lines).Key.Lot!.Value.Code);
    }

    public static TheoryData<string> NonSellable() => new(InventoryStatus.WellKnown.Where(s => s != InventoryStatus.Sellable).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(NonSellable))]
    public void Route_DefaultStatusesWhenOnlyStockIsNonSellable_NeverDrawsIt(string status)
    {
        var router = new PriorityOrderRouter([A, B]);

        var d = router.Route(Request(("SKU-1", 1)), BySku(Balance(A, 50, status: InventoryStatus.From(status)), Balance(B, 50, status: InventoryStatus.From(status))));

        Assert.False(d.IsRouted);
        Assert.Equal([new RoutingShortage(Sku1, 1, 0)], d.Shortages);
    }

    [Fact]
    public void Route_StatusesListedExplicitly_DrawsInStatusPreferenceOrder()
    {
        var router = new PriorityOrderRouter([A], [InventoryStatus.Sellable, InventoryStatus.FbaBound]);

        var d = router.Route(Request(("SKU-1", 5)), BySku(Balance(A, 3, status: InventoryStatus.FbaBound), Balance(A, 2)));

        Assert.Equal([(InventoryStatus.Sellable, 2), (InventoryStatus.FbaBound, 3)], d.Lines.Select(l => (l.Key.Status, l.Quantity)));
    }

    [Fact]
    public void Route_LotTrackedStock_DrawsLotsInLotCodeOrderAcrossLines()
    {
        var router = new PriorityOrderRouter([A]);

        var d = router.Route(Request(("SKU-1", 2), ("SKU-1", 3)), BySku(Balance(A, 4, lot: "L2"), Balance(A, 2, lot: "L1")));

        Assert.Equal(
            [("o-1/1", "L1", 2), ("o-1/2", "L2", 3)],
            d.Lines.Select(l => (l.Line.Value, l.Key.Lot!.Value.Code, l.Quantity)));
    }

    [Fact]
    public void Route_AnotherOwnersStockUnderTheSameSkuCode_IsIgnored()
    {
        var router = new PriorityOrderRouter([A, B]);

        var d = router.Route(Request(("SKU-1", 2)), BySku(Balance(A, 50, owner: TestIds.OtherOwner), Balance(B, 2)));

        Assert.Equal(B, d.PrimaryLocation);
        Assert.All(d.Lines, l => Assert.Equal(TestIds.Owner, l.Key.Owner));
    }

    [Fact]
    public void Route_ReservedUnits_AreNotOfferedAgain()
    {
        var router = new PriorityOrderRouter([A]);

        var d = router.Route(Request(("SKU-1", 3)), BySku(Balance(A, 5, reserved: 3)));

        Assert.Equal([new RoutingShortage(Sku1, 3, 2)], d.Shortages);
    }

    [Fact]
    public void Constructor_NoLocationOrDefaultValues_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new PriorityOrderRouter([]));
        Assert.Throws<ArgumentException>(() => new PriorityOrderRouter([default(LocationId)]));
        Assert.Throws<ArgumentException>(() => new PriorityOrderRouter([A], []));
        Assert.Throws<ArgumentException>(() => new PriorityOrderRouter([A], [default(InventoryStatus)]));
    }

    [Fact]
    public void Constructor_DuplicateLocations_KeepsFirstOccurrenceOrder()
    {
        var router = new PriorityOrderRouter([B, A, B]);

        Assert.Equal([B, A], router.Locations);
        Assert.Equal([InventoryStatus.Sellable], router.Statuses);
    }
}
