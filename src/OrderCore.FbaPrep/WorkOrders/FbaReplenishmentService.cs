using NodaTime;
using OrderCore.FbaPrep.Internal;
using OrderCore.Inventory;

namespace OrderCore.FbaPrep;

/// <summary>Units of a SKU to take from the warehouse for FBA.</summary>
/// <param name="Sku">The SKU with its profile.</param>
/// <param name="Quantity">Units wanted, ≥ 1.</param>
public sealed record FbaTakeRequest(FbaSku Sku, Quantity Quantity);

/// <summary>Fewer units were taken than requested, and why.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Requested">Units requested.</param>
/// <param name="Taken">Units taken.</param>
/// <param name="Reason">Why not all.</param>
public sealed record FbaTakeShortfall(Sku Sku, int Requested, int Taken, string Reason);

/// <summary>The result of <see cref="FbaReplenishmentService.TakeAsync"/>: the units moved <c>Sellable → FbaBound</c>, by lot, and the shortfalls.</summary>
/// <param name="WorkOrderId">The work order the units were taken for (the ledger reference).</param>
/// <param name="Warehouse">The warehouse.</param>
/// <param name="Lines">The units taken, per SKU and lot.</param>
/// <param name="Shortfalls">SKUs with fewer units than requested.</param>
public sealed record FbaTakeResult(PrepWorkOrderId WorkOrderId, LocationId Warehouse, IReadOnlyList<ReplenishmentLine> Lines, IReadOnlyList<FbaTakeShortfall> Shortfalls)
{
    /// <summary>Units taken.</summary>
    public int TakenUnits => Lines.Sum(l => l.Quantity.Units);
}

/// <summary>The result of <see cref="FbaReplenishmentService.ShipAsync"/>.</summary>
/// <param name="Shipped">True when the units left (transferred to the FBA location).</param>
/// <param name="Units">Units transferred.</param>
/// <param name="Destination">The FBA location.</param>
/// <param name="Blockers">Why not, when not shipped.</param>
public sealed record FbaShipResult(bool Shipped, int Units, LocationId Destination, IReadOnlyList<string> Blockers);

/// <summary>
/// Runs FBA replenishment on the shared inventory pool: <c>Sellable → FbaBound</c> (taken for the work order, invisible to
/// DTC ATP) → <c>InPrep</c> → <c>Prepped</c> (per closed carton) → transferred to the FBA location; cancellation returns
/// every unit not shipped to <c>Sellable</c>. Every step is a ledger movement with the work order id as reference.
/// </summary>
/// <remarks>
/// <para>
/// In transit to FBA is status <c>Prepped</c> at the marketplace fulfilment location (e.g. <c>FBA-IN</c>): a transfer keeps
/// the status, the default status graph needs no custom status, and DTC channels never draw on that location. When
/// Amazon reports the shipment received, the Amazon adapter moves or adjusts those units.
/// </para>
/// <para>
/// The pool moves one balance atomically; a step over several balances is a series of moves. The work order records each
/// completed move, so calling a step again after a failure continues where it stopped and never moves a unit twice.
/// Conservation: for each SKU and lot, FbaBound + InPrep + Prepped + Shipped + Returned = Taken, on the work order and in
/// the pool's balances.
/// </para>
/// </remarks>
/// <threadsafety>Safe to use concurrently for different work orders; a work order itself is not thread-safe.</threadsafety>
public sealed class FbaReplenishmentService
{
    /// <summary>Ledger reason of <c>Sellable → FbaBound</c>.</summary>
    public const string ReasonTake = "fba-replenishment-take";

    /// <summary>Ledger reason of units taken but not planned into a carton, going back to <c>Sellable</c>.</summary>
    public const string ReasonUnplanned = "fba-unplanned-return";

    /// <summary>Ledger reason of <c>FbaBound → InPrep</c>.</summary>
    public const string ReasonStartPrep = "fba-prep-start";

    /// <summary>Ledger reason of <c>InPrep → Prepped</c> when a carton closes.</summary>
    public const string ReasonCartonClosed = "fba-carton-closed";

    /// <summary>Ledger reason of the transfer of <c>Prepped</c> units to the FBA location.</summary>
    public const string ReasonShip = "fba-inbound-shipment";

    /// <summary>Ledger reason of units going back to <c>Sellable</c> when a replenishment is cancelled.</summary>
    public const string ReasonCancel = "fba-replenishment-cancelled";

    private readonly InventoryPool _pool;

    /// <summary>Creates the service over the shared pool.</summary>
    public FbaReplenishmentService(InventoryPool pool) => _pool = Check.NotNull(pool);

    /// <summary>
    /// Moves up to the requested units of each SKU <c>Sellable → FbaBound</c> at <paramref name="warehouse"/>, never more
    /// than available. Lot-tracked stock is taken first-expiry-first among the lots with enough shelf life left at
    /// <paramref name="expectedReceipt"/>; shorter-dated lots are left and reported.
    /// </summary>
    /// <exception cref="ArgumentException">The id or warehouse is the default value, a request is not positive, or requests mix owners.</exception>
    public async Task<FbaTakeResult> TakeAsync(PrepWorkOrderId workOrderId, LocationId warehouse, IReadOnlyList<FbaTakeRequest> requests, FbaPrepRequirements requirements, LocalDate expectedReceipt, CancellationToken cancellationToken = default)
    {
        if (workOrderId.IsDefault) throw new ArgumentException("A work order id is required.", nameof(workOrderId));
        Check.Location(warehouse);
        Check.NotNull(requests);
        Check.NotNull(requirements);
        if (requests.Select(r => r.Sku.Owner).Distinct().Count() > 1) throw new ArgumentException("A replenishment takes one owner's units.", nameof(requests));
        var merged = requests.GroupBy(r => r.Sku.Sku).Select(g => new FbaTakeRequest(g.First().Sku, Quantity.Of(g.Sum(r => r.Quantity.Units)))).ToArray();
        if (merged.FirstOrDefault(r => r.Quantity.IsZero) is { } empty) throw new ArgumentException($"Request for {empty.Sku.Sku} has no units.", nameof(requests));
        var lines = new List<ReplenishmentLine>();
        var shortfalls = new List<FbaTakeShortfall>();
        foreach (var request in merged)
        {
            var sku = request.Sku;
            var need = request.Quantity.Units;
            var minLife = requirements.MinRemainingShelfLifeDays(sku.Prep);
            var balances = await _pool.GetBalancesAsync(sku.Owner, sku.Sku, cancellationToken).ConfigureAwait(false);
            var candidates = balances
                .Where(b => b.Key.Location == warehouse && b.Key.Status == InventoryStatus.Sellable && b.UsableAvailable > 0)
                .OrderBy(b => b.Key.Lot?.Expiry ?? LocalDate.MaxIsoValue)
                .ThenBy(b => b.Key.Lot?.Code, StringComparer.Ordinal)
                .ToArray();
            var skipped = 0;
            var taken = 0;
            foreach (var b in candidates)
            {
                if (need == 0) break;
                if (b.Key.Lot?.Expiry is { } expiry && Period.Between(expectedReceipt, expiry, PeriodUnits.Days).Days < minLife)
                {
                    skipped += b.UsableAvailable;
                    continue;
                }
                var q = Math.Min(need, b.UsableAvailable);
                try
                {
                    await _pool.MoveStatusAsync(b.Key, InventoryStatus.FbaBound, Quantity.Of(q), ReasonTake, workOrderId.Value, cancellationToken).ConfigureAwait(false);
                }
                catch (InsufficientInventoryException)
                {
                    continue; // stock changed since it was read: take nothing from this balance rather than more than available
                }
                lines.Add(new ReplenishmentLine(sku, Quantity.Of(q), b.Key.Lot));
                need -= q;
                taken += q;
            }
            if (need > 0)
            {
                var why = taken == 0 && candidates.Length == 0 ? $"no Sellable units at {warehouse}"
                    : $"only {taken} Sellable unit(s) available at {warehouse}";
                if (skipped > 0) why += $"; {skipped} unit(s) in lots with less than {minLife} days of shelf life at receipt were left";
                shortfalls.Add(new FbaTakeShortfall(sku.Sku, request.Quantity.Units, taken, why));
            }
        }
        return new FbaTakeResult(workOrderId, warehouse, lines, shortfalls);
    }

    /// <summary>
    /// Creates the work order for the planned cartons and returns units that were taken but not planned (unplannable units,
    /// case-pack exclusions) <c>FbaBound → Sellable</c>. Returns null, with every taken unit returned, when the plan has no carton.
    /// </summary>
    /// <exception cref="ArgumentException">The plan holds units of a SKU and lot that were not taken.</exception>
    public async Task<PrepWorkOrder?> CreateWorkOrderAsync(FbaTakeResult take, CartonPlan plan, IEnumerable<FbaSku> skus, LocalDate expectedReceipt, PrepComplianceReport? compliance = null, CancellationToken cancellationToken = default)
    {
        Check.NotNull(take);
        Check.NotNull(plan);
        Check.NotNull(skus);
        var taken = take.Lines.GroupBy(l => (l.Sku.Sku, l.Lot)).ToDictionary(g => g.Key, g => (Sku: g.First().Sku, Units: g.Sum(l => l.Quantity.Units)));
        var planned = plan.UnitsBySkuAndLot();
        foreach (var (key, units) in planned)
        {
            var have = taken.TryGetValue(key, out var t) ? t.Units : 0;
            if (units > have) throw new ArgumentException($"The plan holds {units} unit(s) of {key.Sku}{(key.Lot is { } l ? " lot " + l.Code : "")} but {have} were taken.", nameof(plan));
        }
        foreach (var (key, t) in taken)
        {
            var extra = t.Units - planned.GetValueOrDefault(key);
            if (extra <= 0) continue;
            var from = new BalanceKey(t.Sku.Owner, key.Sku, take.Warehouse, InventoryStatus.FbaBound, key.Lot);
            await _pool.MoveStatusAsync(from, InventoryStatus.Sellable, Quantity.Of(extra), ReasonUnplanned, take.WorkOrderId.Value, cancellationToken).ConfigureAwait(false);
        }
        return plan.Cartons.Count == 0 ? null : PrepWorkOrder.Create(take.WorkOrderId, take.Warehouse, plan, skus, expectedReceipt, compliance);
    }

    /// <summary>Starts prep: every <c>FbaBound</c> unit of the work order moves to <c>InPrep</c>.</summary>
    /// <exception cref="InvalidStatusTransitionException">The work order is not open.</exception>
    public async Task StartPrepAsync(PrepWorkOrder workOrder, CancellationToken cancellationToken = default)
    {
        Check.NotNull(workOrder);
        workOrder.EnsureTransition(PrepWorkOrderStatus.InPrep);
        foreach (var (key, c) in workOrder.AllCounts().ToArray())
        {
            if (c.FbaBound == 0) continue;
            var n = c.FbaBound;
            await _pool.MoveStatusAsync(workOrder.Key(key.Sku, key.Lot, InventoryStatus.FbaBound), InventoryStatus.InPrep, Quantity.Of(n), ReasonStartPrep, workOrder.Id.Value, cancellationToken).ConfigureAwait(false);
            c.FbaBound -= n;
            c.InPrep += n;
        }
        workOrder.MarkInPrep();
    }

    /// <summary>
    /// Closes a carton when nothing blocks it (every unit scanned, prep done, inspection passed): its units move
    /// <c>InPrep → Prepped</c>. Otherwise returns the blockers and moves nothing.
    /// </summary>
    public async Task<CartonCloseResult> CloseCartonAsync(PrepWorkOrder workOrder, string cartonId, CancellationToken cancellationToken = default)
    {
        Check.NotNull(workOrder);
        var blockers = workOrder.CartonCloseBlockers(cartonId);
        if (blockers.Count > 0) return new CartonCloseResult(cartonId, false, blockers);
        var carton = workOrder.Cartons.First(c => c.Id == cartonId);
        foreach (var content in carton.Contents)
        {
            var n = content.Quantity - workOrder.PreppedInCarton(cartonId, content);
            if (n <= 0) continue;
            await _pool.MoveStatusAsync(workOrder.Key(content.Sku, content.Lot, InventoryStatus.InPrep), InventoryStatus.Prepped, Quantity.Of(n), ReasonCartonClosed, workOrder.Id.Value, cancellationToken).ConfigureAwait(false);
            workOrder.RecordPrepped(cartonId, content, n);
        }
        workOrder.MarkCartonClosed(cartonId);
        return new CartonCloseResult(cartonId, true, []);
    }

    /// <summary>
    /// Ships the work order when <see cref="PrepWorkOrder.ShipReadiness"/> allows it: every <c>Prepped</c> unit is
    /// transferred to <paramref name="fbaLocation"/> (status kept: in transit to FBA). Otherwise returns the blockers.
    /// </summary>
    public async Task<FbaShipResult> ShipAsync(PrepWorkOrder workOrder, LocationId fbaLocation, CancellationToken cancellationToken = default)
    {
        Check.NotNull(workOrder);
        Check.Location(fbaLocation);
        if (fbaLocation == workOrder.Warehouse) throw new ArgumentException("The FBA location must differ from the warehouse.", nameof(fbaLocation));
        var readiness = workOrder.ShipReadiness();
        if (!readiness.CanShip) return new FbaShipResult(false, 0, fbaLocation, readiness.Blockers);
        var units = 0;
        foreach (var (key, c) in workOrder.AllCounts().ToArray())
        {
            if (c.Prepped == 0) continue;
            var n = c.Prepped;
            await _pool.TransferAsync(workOrder.Key(key.Sku, key.Lot, InventoryStatus.Prepped), fbaLocation, Quantity.Of(n), ReasonShip, workOrder.Id.Value, cancellationToken).ConfigureAwait(false);
            c.Prepped -= n;
            c.Shipped += n;
            units += n;
        }
        workOrder.MarkShipped();
        return new FbaShipResult(true, units, fbaLocation, []);
    }

    /// <summary>Cancels the replenishment: every unit not shipped goes back to <c>Sellable</c> (from FbaBound, InPrep or Prepped).</summary>
    /// <exception cref="InvalidStatusTransitionException">The work order is shipped or already cancelled.</exception>
    public async Task CancelAsync(PrepWorkOrder workOrder, CancellationToken cancellationToken = default)
    {
        Check.NotNull(workOrder);
        workOrder.EnsureTransition(PrepWorkOrderStatus.Cancelled);
        foreach (var (key, c) in workOrder.AllCounts().ToArray())
        {
            foreach (var status in new[] { InventoryStatus.FbaBound, InventoryStatus.InPrep, InventoryStatus.Prepped })
            {
                var n = status == InventoryStatus.FbaBound ? c.FbaBound : status == InventoryStatus.InPrep ? c.InPrep : c.Prepped;
                if (n == 0) continue;
                await _pool.MoveStatusAsync(workOrder.Key(key.Sku, key.Lot, status), InventoryStatus.Sellable, Quantity.Of(n), ReasonCancel, workOrder.Id.Value, cancellationToken).ConfigureAwait(false);
                if (status == InventoryStatus.FbaBound) c.FbaBound -= n;
                else if (status == InventoryStatus.InPrep) c.InPrep -= n;
                else c.Prepped -= n;
                c.Returned += n;
            }
        }
        workOrder.MarkCancelled();
    }
}
