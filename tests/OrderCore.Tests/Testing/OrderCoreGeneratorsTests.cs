using OrderCore.Inventory;
using OrderCore.Testing;

namespace OrderCore.Tests.Testing;

public sealed class OrderCoreGeneratorsTests
{
    [Fact]
    public void InventoryScript_Sample_CoversEveryOperationKindAndCollidingOwners()
    {
        var scripts = OrderCoreGenerators.InventoryScript(maxLength: 40).Sample(200, 100);
        var ops = scripts.SelectMany(s => s.Operations).ToArray();

        var kinds = ops.Select(o => o.GetType()).Distinct().ToArray();
        Assert.Equal(9, kinds.Length);
        Assert.All(scripts, s => Assert.InRange(s.Operations.Count, 0, 40));
        var keys = ops.OfType<ReceiveOperation>().Select(r => r.Key).ToArray();
        Assert.Contains(keys, k => k.Owner == TestIds.Owner && k.Sku == Sku.From("SKU-1"));
        Assert.Contains(keys, k => k.Owner == TestIds.OtherOwner && k.Sku == Sku.From("SKU-1"));
        Assert.Contains(ops.OfType<ReserveOperation>(), r => r.Lines.Count > 1 && r.Lines.Select(l => l.Key).Distinct().Count() < r.Lines.Count);
        Assert.All(ops.OfType<ReserveOperation>(), r => Assert.All(r.Lines, l => Assert.Equal(r.Owner, l.Key.Owner)));
        Assert.All(ops.OfType<TransferOperation>(), t => Assert.NotEqual(t.From.Location, t.To));
    }

    [Fact]
    public async Task RunAsync_SampledScripts_ApplyRefuseAndSkip()
    {
        var results = new List<InventoryOperationResult>();
        foreach (var script in OrderCoreGenerators.InventoryScript().Sample(100, 50))
        {
            var f = InventoryPoolFixture.Create();
            results.AddRange((await new InventoryOperationRunner(f.Pool).RunAsync(script)).Select(o => o.Result));
        }

        Assert.Contains(InventoryOperationResult.Applied, results);
        Assert.Contains(InventoryOperationResult.Refused, results);
        Assert.Contains(InventoryOperationResult.Skipped, results);
        Assert.True(results.Count(r => r == InventoryOperationResult.Applied) > results.Count / 3, "most operations should do something, or the properties test little");
    }

    [Fact]
    public void ShrinkScript_LongScript_DropsOperations()
    {
        var script = OrderCoreGenerators.InventoryScript().Where(s => s.Operations.Count >= 4).Sample(20, 1)[0];

        var shrunk = OrderCoreGenerators.ShrinkScript(script).ToArray();

        Assert.All(shrunk, s => Assert.True(s.Operations.Count < script.Operations.Count));
        Assert.Contains(shrunk, s => s.Operations.Count == script.Operations.Count - 1);
        Assert.Empty(OrderCoreGenerators.ShrinkScript(new InventoryScript([])));
    }

    [Fact]
    public void ToString_Script_NumbersOneOperationPerLine()
    {
        var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        var script = new InventoryScript([new ReceiveOperation(key, 3), new ReserveOperation(key.Owner, [new ReserveLine(key, 2)]), new ShipOperation(0, null)]);

        Assert.Equal(
            "  1. Receive 3 → acme/SKU-1@WH-1[Sellable]" + Environment.NewLine +
            "  2. Reserve [2×acme/SKU-1@WH-1[Sellable]]" + Environment.NewLine +
            "  3. Ship reservation #0",
            script.ToString());
    }

    [Property(Arbitrary = [typeof(OrderCoreArbitraries)], MaxTest = 100)]
    public async Task<bool> RunAsync_ReadmeAsyncProperty_ReservedNeverExceedsOnHand(InventoryScript script)
    {
        var f = InventoryPoolFixture.Create();
        await new InventoryOperationRunner(f.Pool).RunAsync(script);
        var balances = await f.Store.GetAllBalancesAsync();
        return balances.All(b => b.Reserved <= Math.Max(b.OnHand, 0)) && (await f.VerifyLedgerAsync()).Count == 0;
    }

    [Property(Arbitrary = [typeof(OrderCoreArbitraries)], MaxTest = 100)]
    public bool Arbitraries_RegisteredTypes_GenerateValidValues(Sku sku, OwnerId owner, LocationId location, Quantity quantity, InventoryStatus status, NodaTime.Instant instant)
        => !sku.IsDefault && !owner.IsDefault && !location.IsDefault && quantity.Units is >= 0 and <= 1_000
           && InventoryStatus.WellKnown.Contains(status)
           && instant >= NodaTime.Instant.FromUtc(2000, 1, 1, 0, 0) && instant < NodaTime.Instant.FromUtc(2100, 1, 2, 0, 0);

    [Fact]
    public void Map_MergedArbMap_GeneratesOrderCoreTypes()
    {
        var skus = OrderCoreArbitraries.Map.ArbFor<Sku>().Generator.Sample(50, 10);

        Assert.All(skus, s => Assert.False(s.IsDefault));
    }
}
