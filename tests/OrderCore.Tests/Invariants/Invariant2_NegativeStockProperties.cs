using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;
using OrderCore.Tests.Support;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 2: on hand never goes negative unless a documented policy allows it, and negative stock at one
/// location never hides stock at another (ATP and routing).
/// </summary>
public sealed class Invariant2_NegativeStockProperties
{
    private static readonly ChannelAtpPolicy AllSellable = new(
        TestIds.Channel,
        InventoryUniverse.Default.Locations.Select(l => new LocationStatus(l, InventoryStatus.Sellable)).ToArray());

    [Property(MaxTest = 200)]
    public Property Apply_AnyScriptUnderDefaultPolicy_OnHandNeverNegative() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create();
            var runner = new InventoryOperationRunner(f.Pool);
            foreach (var op in script.Operations)
            {
                await runner.ApplyAsync(op);
                foreach (var b in await f.Store.GetAllBalancesAsync())
                {
                    Assert.True(b.OnHand >= 0, $"{b.Key}: on hand {b.OnHand} after {op}");
                }
            }
        });

    [Property(MaxTest = 200)]
    public Property Apply_AnyScriptWithNegativeAllowed_AgreesWithReferenceModel() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create(allowNegativeOnHand: true);
            var model = new InventoryModel(allowNegative: true);
            var runner = new InventoryOperationRunner(f.Pool);
            foreach (var op in script.Operations)
            {
                var actual = await runner.ApplyAsync(op);
                Assert.Equal(model.Apply(op), actual.Result);
            }
            var balances = (await f.Store.GetAllBalancesAsync()).ToDictionary(b => b.Key, b => (b.OnHand, b.Reserved));
            Assert.Equal(model.Balances.Count, balances.Count);
            foreach (var (key, expected) in model.Balances) Assert.Equal(expected, balances[key]);
        });

    [Property(MaxTest = 200)]
    public Property GetAtpAsync_NegativeBalanceSomewhere_NeverHidesStockElsewhere() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create(allowNegativeOnHand: true);
            await new InventoryOperationRunner(f.Pool).RunAsync(script);
            foreach (var owner in InventoryUniverse.Default.Owners)
            {
                foreach (var sku in InventoryUniverse.Default.Skus)
                {
                    var balances = await f.Pool.GetBalancesAsync(owner, sku);
                    var atp = await f.Pool.GetAtpAsync(owner, sku, AllSellable);
                    var sellable = balances.Where(b => b.Key.Status == InventoryStatus.Sellable).ToArray();
                    // Each non-negative balance counts in full; a negative one counts 0 and is reported on its own.
                    Assert.Equal(sellable.Sum(b => Math.Max(b.Available, 0)), atp.Atp);
                    Assert.Equal(sellable.Where(b => b.Available < 0).Select(b => b.Key).Order(BalanceOrder.Instance), atp.NegativeBalances.Select(t => t.Key).Order(BalanceOrder.Instance));
                    foreach (var b in sellable.Where(b => b.Available > 0)) Assert.True(atp.Atp >= b.Available);
                }
            }
        });

    [Fact]
    public async Task AdjustAsync_BelowZeroUnderDefaultPolicy_ThrowsAndChangesNothing()
    {
        var f = InventoryPoolFixture.Create();
        var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        await f.ReceiveAsync(key, 3);

        var e = await Assert.ThrowsAsync<InsufficientInventoryException>(() => f.Pool.AdjustAsync(key, -4, "cycle-count", "CC-1"));

        var failure = Assert.Single(e.Failures);
        Assert.Equal(GuardKind.OnHandNotNegative, failure.Kind);
        Assert.Equal(key, failure.Key);
        Assert.Equal(4, failure.Requested);
        Assert.Equal(3, failure.Available);
        Assert.Equal(3, (await f.BalanceAsync(key)).OnHand);
        Assert.Single(await f.LedgerAsync());
    }

    [Fact]
    public async Task AdjustAsync_BelowZeroWhenPolicyAllows_GoesNegativeAndIsReportedSeparatelyByAtp()
    {
        var f = InventoryPoolFixture.Create(allowNegativeOnHand: true);
        var a = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        var b = a.AtLocation(TestIds.SecondWarehouse);
        await f.Pool.AdjustAsync(a, -2, "cycle-count", "CC-1");
        await f.ReceiveAsync(b, 2);

        var atp = await f.Pool.GetAtpAsync(a.Owner, a.Sku, new ChannelAtpPolicy(TestIds.Channel, [new(a.Location, InventoryStatus.Sellable), new(b.Location, InventoryStatus.Sellable)]));

        Assert.Equal(-2, (await f.BalanceAsync(a)).OnHand);
        Assert.Equal(2, atp.Atp);
        Assert.Equal(2, atp.SumAvailable);
        var negative = Assert.Single(atp.NegativeBalances);
        Assert.Equal(a, negative.Key);
        Assert.Equal(0, negative.Contribution);
        Assert.Contains("1 negative balance(s) counted as 0", atp.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReserveAsync_OnNegativeBalance_IsRefusedEvenWhenPolicyAllowsNegative()
    {
        var f = InventoryPoolFixture.Create(allowNegativeOnHand: true);
        var a = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        await f.Pool.AdjustAsync(a, -2, "cycle-count", "CC-1");

        var result = await f.ReserveAsync("R1", (a, 1));

        Assert.False(result.Succeeded);
        Assert.Equal(GuardKind.ReservedWithinOnHand, Assert.Single(result.Shortages).Kind);
        Assert.Equal(0, (await f.BalanceAsync(a)).Reserved);
    }

    [Fact]
    public async Task AllocateAsync_NegativeAtFirstLocationAndStockAtSecond_RoutesToSecond()
    {
        await using var h = OrderCoreHarness.Create(o => o.ConfigureCore = c => c.AllowNegativeOnHand = true);
        await h.AddProductAsync("SKU-1");
        await h.Pool.AdjustAsync(h.Key("SKU-1", TestIds.Warehouse), -2, "cycle-count", "CC-1");
        await h.ReceiveAsync("SKU-1", 2, TestIds.SecondWarehouse);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2));

        Assert.True(placed.IsAllocated);
        Assert.Equal(TestIds.SecondWarehouse, placed.Order.AllocatedLocation);
        Assert.Equal(2, (await h.BalanceAsync("SKU-1", TestIds.SecondWarehouse)).Reserved);
        Assert.Equal(-2, (await h.BalanceAsync("SKU-1", TestIds.Warehouse)).OnHand);
        Assert.Equal(OrderStatus.Allocated, placed.Order.Status);
    }
}
