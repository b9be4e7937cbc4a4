using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Invariants;

/// <summary>DESIGN invariant 8: one owner's orders never draw another owner's stock, even when SKU codes collide.</summary>
public sealed class Invariant8_OwnerIsolationProperties
{
    [Property(MaxTest = 200)]
    public Property Apply_AnyOperationOfOneOwner_LeavesOtherOwnersBalancesUnchanged() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create();
            var runner = new InventoryOperationRunner(f.Pool);
            foreach (var op in script.Operations)
            {
                var before = await f.Store.GetAllBalancesAsync();
                var outcome = await runner.ApplyAsync(op);
                var after = await f.Store.GetAllBalancesAsync();
                var touched = (await f.LedgerAsync()).LastOrDefault();
                if (outcome.Result != InventoryOperationResult.Applied || touched is null) continue;
                var owners = touched.Deltas.Select(d => d.Key.Owner).Distinct().ToArray();
                Assert.Single(owners);
                Assert.Equal(
                    before.Where(b => b.Key.Owner != owners[0]).Select(b => (b.Key, b.OnHand, b.Reserved)),
                    after.Where(b => b.Key.Owner != owners[0]).Select(b => (b.Key, b.OnHand, b.Reserved)));
            }
        });

    [Property(MaxTest = 50)]
    public Property AllocateAsync_SkuCodeSharedWithAnotherOwner_DrawsOnlyTheOrderOwnersStock() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 6)), Arb.From(Gen.Choose(0, 6)), Arb.From(Gen.Choose(1, 6)), async (mine, theirs, wanted) =>
        {
            await using var h = OrderCoreHarness.Create();
            await h.AddProductAsync("SKU-1");
            await h.AddProductAsync("SKU-1", owner: TestIds.OtherOwner);
            if (mine > 0) await h.ReceiveAsync("SKU-1", mine);
            if (theirs > 0) await h.ReceiveAsync("SKU-1", theirs, owner: TestIds.OtherOwner);

            var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", wanted));

            Assert.Equal(wanted <= mine, placed.IsAllocated);
            var other = await h.BalanceAsync("SKU-1", owner: TestIds.OtherOwner);
            Assert.Equal(theirs, other.OnHand);
            Assert.Equal(0, other.Reserved);
            Assert.Equal(placed.IsAllocated ? wanted : 0, (await h.BalanceAsync("SKU-1")).Reserved);
            if (placed.IsAllocated)
            {
                var reservation = await h.Inventory.GetReservationAsync(placed.Order.ReservationId!.Value);
                Assert.All(reservation!.Lines, l => Assert.Equal(TestIds.Owner, l.Key.Owner));
            }
        });

    [Fact]
    public void ReservationRequest_LineOfAnotherOwner_ThrowsArgumentException()
    {
        var theirs = InventoryPoolFixture.Key("globex", "SKU-1", "WH-1");

        var e = Assert.Throws<ArgumentException>(() => new ReservationRequest(ReservationId.From("R1"), TestIds.Owner, "O-1", [new ReservationLine(theirs, 1)]));

        Assert.Equal("lines", e.ParamName);
    }

    [Fact]
    public async Task ValidateAsync_SkuOnlyInAnotherOwnersCatalog_RaisesUnmappedSku()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1", owner: TestIds.OtherOwner);
        await h.ReceiveAsync("SKU-1", 5, owner: TestIds.OtherOwner);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal(OrderExceptionReason.UnmappedSku, entry.Reason);
        Assert.Equal("lines[0].sku", entry.Field);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1", owner: TestIds.OtherOwner)).Reserved);
    }

    [Fact]
    public async Task GetBalancesAsync_SameSkuCodeForTwoOwners_KeepsSeparateBalances()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(InventoryPoolFixture.Key("acme", "SKU-1", "WH-1"), 3);
        await f.ReceiveAsync(InventoryPoolFixture.Key("globex", "SKU-1", "WH-1"), 7);

        var acme = Assert.Single(await f.Pool.GetBalancesAsync(TestIds.Owner, Sku.From("SKU-1")));
        var globex = Assert.Single(await f.Pool.GetBalancesAsync(TestIds.OtherOwner, Sku.From("SKU-1")));

        Assert.Equal(3, acme.OnHand);
        Assert.Equal(7, globex.OnHand);
    }
}
