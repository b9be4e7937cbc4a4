#if ORDERCORE_FBAPREP
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Events;
using OrderCore.FbaPrep;
using OrderCore.FbaPrep.Inbound;
using OrderCore.InMemory;
using OrderCore.Inventory;

namespace OrderCore.Cli.Fba;

/// <summary>What <c>fba plan</c> produced.</summary>
internal sealed record FbaPlanResult(
    FbaPlanInput Input,
    PrepWorkOrderId WorkOrderId,
    FbaTakeResult Take,
    CartonPlan Plan,
    PrepComplianceReport Compliance,
    PrepWorkOrder? WorkOrder,
    CreateInboundPlanBody? CreateInboundPlan,
    SetPackingInformationBody? SetPackingInformation,
    IReadOnlyList<string> BodyErrors,
    IReadOnlyList<LedgerEntry> Ledger);

/// <summary>
/// Runs the replenishment on an in-memory OrderCore pool: load the warehouse stock as <c>Sellable</c>, take the units
/// (<c>Sellable → FbaBound</c>, never more than available), plan cartons, check compliance, create the prep work order
/// (returning unplannable units to <c>Sellable</c>), and build the two inbound plan bodies.
/// </summary>
internal static class FbaPlanRunner
{
    public static async Task<FbaPlanResult> RunAsync(FbaPlanInput input, CancellationToken cancellationToken)
    {
        var pool = new InventoryPool(
            new InMemoryInventoryStore(),
            new FixedClock(input.ShipDate.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()),
            new DomainEventHub(),
            Options.Create(new OrderCoreOptions()));
        foreach (var (sku, lot, units) in input.Stock)
        {
            await pool.ReceiveAsync(new BalanceKey(input.Owner, sku, input.Warehouse, InventoryStatus.Sellable, lot), Quantity.Of(units), "stock-snapshot", input.Mode == "replay" ? ReplaySellerInput.StockFileName : "quantities", cancellationToken).ConfigureAwait(false);
        }
        var service = new FbaReplenishmentService(pool);
        var id = PrepWorkOrderId.From($"FBA-{input.Requirements.MarketplaceCode}-{input.ShipDate:yyyyMMdd}");
        var take = await service.TakeAsync(id, input.Warehouse, input.Requests, input.Requirements, input.ShipDate, cancellationToken).ConfigureAwait(false);
        var plan = CartonPlanner.Plan(take.Lines, input.Requirements);
        var compliance = new PrepComplianceChecker(input.Requirements).Check(new PrepComplianceInput(take.Lines, plan.Cartons, input.ShipDate));
        var workOrder = await service.CreateWorkOrderAsync(take, plan, input.Skus, input.ShipDate, compliance, cancellationToken).ConfigureAwait(false);

        CreateInboundPlanBody? create = null;
        SetPackingInformationBody? packing = null;
        var bodyErrors = new List<string>();
        if (plan.Cartons.Count > 0)
        {
            create = InboundPlanBodies.CreateInboundPlan(plan, input.Skus, input.ShipFrom, $"OrderCore {id}");
            packing = InboundPlanBodies.SetPackingInformation(plan, input.Skus);
            bodyErrors.AddRange(InboundPlanBodies.Validate(create));
            bodyErrors.AddRange(InboundPlanBodies.Validate(packing));
            bodyErrors.AddRange(InboundPlanBodies.CrossCheck(create, packing));
        }
        var ledger = new List<LedgerEntry>();
        await foreach (var e in pool.Store.ReadLedgerAsync(0, cancellationToken).ConfigureAwait(false)) ledger.Add(e);
        return new FbaPlanResult(input, id, take, plan, compliance, workOrder, create, packing, bodyErrors, ledger);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
#endif
