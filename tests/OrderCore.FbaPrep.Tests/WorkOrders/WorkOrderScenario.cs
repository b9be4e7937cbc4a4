using NodaTime;
using OrderCore.Catalog;
using OrderCore.FbaPrep.Tests.Support;
using OrderCore.Inventory;
using static OrderCore.FbaPrep.Tests.Support.Fixtures;

namespace OrderCore.FbaPrep.Tests.WorkOrders;

/// <summary>A replenishment taken, planned and turned into a work order on a fresh pool.</summary>
public sealed class WorkOrderScenario
{
    public required InventoryPool Pool { get; init; }
    public required FbaReplenishmentService Service { get; init; }
    public required FbaTakeResult Take { get; init; }
    public required CartonPlan Plan { get; init; }
    public required PrepWorkOrder WorkOrder { get; init; }
    public required IReadOnlyList<FbaSku> Skus { get; init; }

    public static PrepWorkOrderId Id { get; } = PrepWorkOrderId.From("WO-1");

    public static async Task<WorkOrderScenario> CreateAsync(FbaPrepRequirements requirements, params (FbaSku Sku, int Stock, int Take, Lot? Lot)[] lines)
    {
        var pool = Pools.Create();
        foreach (var l in lines)
        {
            if (l.Stock > 0) await pool.ReceiveAsync(new BalanceKey(Owner, l.Sku.Sku, Warehouse, InventoryStatus.Sellable, l.Lot), Quantity.Of(l.Stock), "receipt", "PO-1");
        }
        var service = new FbaReplenishmentService(pool);
        var skus = lines.Select(l => l.Sku).DistinctBy(s => s.Sku).ToArray();
        var requests = lines.GroupBy(l => l.Sku.Sku).Select(g => new FbaTakeRequest(g.First().Sku, Quantity.Of(g.Max(x => x.Take)))).ToArray();
        var take = await service.TakeAsync(Id, Warehouse, requests, requirements, ShipDate);
        var plan = CartonPlanner.Plan(take.Lines, requirements);
        var compliance = new PrepComplianceChecker(requirements).Check(new PrepComplianceInput(take.Lines, plan.Cartons, ShipDate));
        var wo = await service.CreateWorkOrderAsync(take, plan, skus, ShipDate, compliance) ?? throw new InvalidOperationException("nothing planned");
        return new WorkOrderScenario { Pool = pool, Service = service, Take = take, Plan = plan, WorkOrder = wo, Skus = skus };
    }

    public FbaSku Sku(string code) => Skus.First(s => s.Sku.Value == code);

    /// <summary>Counts every unit in, does every task, passes every inspection.</summary>
    public void PrepEverything()
    {
        foreach (var u in WorkOrder.Units.GroupBy(u => u.Sku)) WorkOrder.RecordReceipt(u.Key, u.Sum(x => x.Taken));
        foreach (var t in WorkOrder.Tasks.Where(t => t.Kind != PrepTaskKind.Inspect)) WorkOrder.CompleteTask(t.Id);
        foreach (var s in WorkOrder.Skus) WorkOrder.RecordInspection(s.Sku, passed: true);
    }

    /// <summary>Scans every planned unit of a carton.</summary>
    public void ScanAll(string cartonId, LocalDate? on = null)
    {
        var carton = WorkOrder.Cartons.First(c => c.Id == cartonId);
        foreach (var c in carton.Contents)
        {
            var barcode = Skus.First(s => s.Sku == c.Sku).Fnsku!.Value.Value;
            for (var i = 0; i < c.Quantity; i++)
            {
                var r = WorkOrder.Scan(cartonId, barcode, c.Lot, on ?? ShipDate);
                if (!r.Accepted) throw new InvalidOperationException(r.Message);
            }
        }
    }

    public async Task<int> OnHandAsync(Sku sku, InventoryStatus status, Lot? lot = null, LocationId? location = null)
        => (await Pool.Store.GetBalanceAsync(new BalanceKey(Owner, sku, location ?? Warehouse, status, lot)))?.OnHand ?? 0;

    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync()
    {
        var list = new List<LedgerEntry>();
        await foreach (var e in Pool.Store.ReadLedgerAsync()) list.Add(e);
        return list;
    }
}
