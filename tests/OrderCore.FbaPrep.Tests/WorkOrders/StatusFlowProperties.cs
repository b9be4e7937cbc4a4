using OrderCore.FbaPrep.Tests.Support;
using OrderCore.Inventory;
using static OrderCore.FbaPrep.Tests.Support.Fixtures;

namespace OrderCore.FbaPrep.Tests.WorkOrders;

/// <summary>Status-flow conservation: FbaBound + InPrep + Prepped + shipped = taken, on the work order and in the pool, after every step.</summary>
public sealed class StatusFlowProperties
{
    public sealed record Script(IReadOnlyList<(int Stock, int Request, int WeightTenthsLb)> Skus, IReadOnlyList<int> Ops, int CartonPick)
    {
        public override string ToString() => $"skus [{string.Join(", ", Skus)}] ops [{string.Join(",", Ops)}] pick {CartonPick}";
    }

    private static readonly Arbitrary<Script> Scripts = Arb.From(
        from n in Gen.Choose(1, 4)
        from skus in Gen.ArrayOf(from stock in Gen.Choose(0, 60) from request in Gen.Choose(1, 80) from w in Gen.Choose(1, 200) select (stock, request, w), n)
        from ops in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3))), 12)
        from pick in Gen.Choose(0, 100)
        select new Script(skus, ops, pick));

    [Property(MaxTest = 150)]
    public Property UnitsAreConserved_AfterEveryStep() => Prop.ForAll(Scripts, async script =>
    {
        var skus = script.Skus.Select((x, i) => Plain($"P{i}", x.WeightTenthsLb / 10m, 10, 8, 3)).ToArray();
        var pool = Pools.Create();
        for (var i = 0; i < skus.Length; i++)
        {
            if (script.Skus[i].Stock > 0) await pool.ReceiveAsync(new BalanceKey(Owner, skus[i].Sku, Warehouse, InventoryStatus.Sellable), Quantity.Of(script.Skus[i].Stock), "receipt", "PO-1");
        }
        var service = new FbaReplenishmentService(pool);
        var requirements = FbaMarketplaces.UnitedStates;
        var id = PrepWorkOrderId.From("WO-P");
        var take = await service.TakeAsync(id, Warehouse, skus.Select((s, i) => new FbaTakeRequest(s, Quantity.Of(script.Skus[i].Request))).ToArray(), requirements, ShipDate);
        for (var i = 0; i < skus.Length; i++)
        {
            Assert.Equal(Math.Min(script.Skus[i].Stock, script.Skus[i].Request), take.Lines.Where(l => l.Sku.Sku == skus[i].Sku).Sum(l => l.Quantity.Units));
        }
        var plan = CartonPlanner.Plan(take.Lines, requirements);
        var wo = await service.CreateWorkOrderAsync(take, plan, skus, ShipDate);
        await AssertConservedAsync(pool, skus, script, wo);
        if (wo is null) return;

        var prepared = false;
        foreach (var op in script.Ops)
        {
            switch (op)
            {
                case 0 when wo.Status == PrepWorkOrderStatus.Open:
                    await service.StartPrepAsync(wo);
                    break;
                case 1 when wo.Status == PrepWorkOrderStatus.InPrep:
                    if (!prepared)
                    {
                        foreach (var g in wo.Units.GroupBy(u => u.Sku)) wo.RecordReceipt(g.Key, g.Sum(u => u.Taken));
                        foreach (var t in wo.Tasks.Where(t => t.Kind != PrepTaskKind.Inspect)) wo.CompleteTask(t.Id);
                        foreach (var s in wo.Skus) wo.RecordInspection(s.Sku, true);
                        prepared = true;
                    }
                    var open = wo.Cartons.Where(c => !wo.IsClosed(c.Id)).ToArray();
                    if (open.Length == 0) break;
                    var carton = open[script.CartonPick % open.Length];
                    foreach (var c in carton.Contents)
                    {
                        for (var k = 0; k < c.Quantity; k++) Assert.True(wo.Scan(carton.Id, skus.First(s => s.Sku == c.Sku).Fnsku!.Value.Value, c.Lot, ShipDate).Accepted);
                    }
                    Assert.True((await service.CloseCartonAsync(wo, carton.Id)).Closed);
                    break;
                case 2:
                    var shipped = await service.ShipAsync(wo, FbaInbound);
                    Assert.Equal(wo.Status == PrepWorkOrderStatus.Shipped, shipped.Shipped || wo.Status == PrepWorkOrderStatus.Shipped);
                    break;
                case 3 when wo.Status is PrepWorkOrderStatus.Open or PrepWorkOrderStatus.InPrep:
                    await service.CancelAsync(wo);
                    break;
            }
            await AssertConservedAsync(pool, skus, script, wo);
        }
    });

    private static async Task AssertConservedAsync(InventoryPool pool, FbaSku[] skus, Script script, PrepWorkOrder? wo)
    {
        for (var i = 0; i < skus.Length; i++)
        {
            var sku = skus[i].Sku;
            async Task<int> At(InventoryStatus status, LocationId? location = null)
                => (await pool.Store.GetBalanceAsync(new BalanceKey(Owner, sku, location ?? Warehouse, status)))?.OnHand ?? 0;
            var units = wo?.Units.Where(u => u.Sku == sku).ToArray() ?? [];
            var taken = units.Sum(u => u.Taken);
            var returned = units.Sum(u => u.Returned);
            var fbaBound = await At(InventoryStatus.FbaBound);
            var inPrep = await At(InventoryStatus.InPrep);
            var prepped = await At(InventoryStatus.Prepped);
            var shipped = await At(InventoryStatus.Prepped, FbaInbound);
            // In the pool: FbaBound + InPrep + Prepped + shipped = taken (less what a cancellation returned).
            Assert.Equal(taken - returned, fbaBound + inPrep + prepped + shipped);
            // On the work order, step by step, and equal to the pool's balances.
            Assert.Equal(units.Sum(u => u.FbaBound), fbaBound);
            Assert.Equal(units.Sum(u => u.InPrep), inPrep);
            Assert.Equal(units.Sum(u => u.Prepped), prepped);
            Assert.Equal(units.Sum(u => u.Shipped), shipped);
            Assert.All(units, u => Assert.Equal(u.Taken, u.FbaBound + u.InPrep + u.Prepped + u.Shipped + u.Returned));
            // Nothing created or lost: Sellable + the work order's units in flight = the stock received.
            Assert.Equal(script.Skus[i].Stock, await At(InventoryStatus.Sellable) + fbaBound + inPrep + prepped + shipped);
        }
        Assert.Empty(await pool.VerifyLedgerAsync());
    }
}
