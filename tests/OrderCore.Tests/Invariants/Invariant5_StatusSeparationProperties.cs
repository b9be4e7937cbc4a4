using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 5: FBA-bound, in-prep, prepped, held, damaged, quarantined and return-pending units are never
/// available to a DTC or merchant-fulfilled marketplace order unless a rule explicitly says so.
/// </summary>
public sealed class Invariant5_StatusSeparationProperties
{
    public static TheoryData<string> NonSellable() => new(InventoryStatus.WellKnown.Where(s => s != InventoryStatus.Sellable).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(NonSellable))]
    public async Task AllocateAsync_OnlyStockIsInNonSellableStatus_RaisesInsufficientInventoryAndLeavesItUntouched(string status)
    {
        await using var h = OrderCoreHarness.Create();
        var st = InventoryStatus.From(status);
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 10, status: st);
        await h.ReceiveAsync("SKU-1", 10, TestIds.SecondWarehouse, st);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1));

        Assert.False(placed.IsAllocated);
        Assert.Equal(OrderExceptionReason.InsufficientInventory, placed.Allocation!.Exception!.Reason);
        Assert.Equal("lines[0].quantity", placed.Allocation.Exception.Field);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1", status: st)).Reserved);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1", TestIds.SecondWarehouse, st)).Reserved);
    }

    [Property(MaxTest = 60)]
    public Property AllocateAsync_AnyMixOfStatuses_ReservesOnlySellableUnits() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, 4).ArrayOf(InventoryStatus.WellKnown.Count * 2)),
            Arb.From(Gen.Choose(1, 6)),
            async (units, wanted) =>
            {
                await using var h = OrderCoreHarness.Create();
                await h.AddProductAsync("SKU-1");
                var i = 0;
                foreach (var location in h.Locations)
                {
                    foreach (var status in InventoryStatus.WellKnown)
                    {
                        if (units[i] > 0) await h.ReceiveAsync("SKU-1", units[i], location, status);
                        i++;
                    }
                }
                var sellablePerLocation = h.Locations.Select((_, li) => units[li * InventoryStatus.WellKnown.Count]).ToArray();

                var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", wanted));

                Assert.Equal(sellablePerLocation.Any(u => u >= wanted), placed.IsAllocated);
                foreach (var b in await h.Pool.GetBalancesAsync(h.Owner, Sku.From("SKU-1")))
                {
                    if (b.Key.Status != InventoryStatus.Sellable) Assert.Equal(0, b.Reserved);
                }
            });

    [Fact]
    public async Task Atp_DtcPolicyOverEveryStatusOfStock_CountsOnlySellable()
    {
        var f = InventoryPoolFixture.Create();
        foreach (var status in InventoryStatus.WellKnown)
        {
            await f.ReceiveAsync(InventoryPoolFixture.Key("acme", "SKU-1", "WH-1", status), 5);
        }
        var dtc = new ChannelAtpPolicy(TestIds.Channel, [new LocationStatus(TestIds.Warehouse, InventoryStatus.Sellable)]);

        var atp = await f.Pool.GetAtpAsync(TestIds.Owner, Sku.From("SKU-1"), dtc);

        Assert.Equal(5, atp.Atp);
        var term = Assert.Single(atp.Terms);
        Assert.Equal(InventoryStatus.Sellable, term.Key.Status);
    }

    [Fact]
    public async Task AllocateAsync_RuleExplicitlyAllowsFbaBound_DrawsItAfterSellable()
    {
        await using var h = OrderCoreHarness.Create(o =>
        {
            o.RoutingStatuses.Add(InventoryStatus.FbaBound);
        });
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 1);
        await h.ReceiveAsync("SKU-1", 5, status: InventoryStatus.FbaBound);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 3));

        Assert.True(placed.IsAllocated);
        Assert.Equal(1, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(2, (await h.BalanceAsync("SKU-1", status: InventoryStatus.FbaBound)).Reserved);
    }
}
