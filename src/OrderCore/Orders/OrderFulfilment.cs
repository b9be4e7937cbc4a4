using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Events;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Ports;

namespace OrderCore.Orders;

/// <summary>The result of <see cref="OrderFulfilment.AllocateAsync"/>.</summary>
/// <param name="Order">The order after the attempt.</param>
/// <param name="Decision">The routing decision (null when the order was not eligible for allocation).</param>
/// <param name="Exception">The InsufficientInventory entry raised when the order could not be covered.</param>
public sealed record AllocationResult(Order Order, RoutingDecision? Decision, OrderExceptionEntry? Exception)
{
    /// <summary>True when the order is now allocated.</summary>
    public bool Allocated => Order.Status == OrderStatus.Allocated && Exception is null;
}

/// <summary>
/// Moves orders through allocation, release, shipping, delivery, cancellation and return, keeping the inventory pool
/// and the order in step. Merchant-fulfilled orders reserve all their units or none (routing decision and reservation
/// are one computation); marketplace-fulfilled orders reserve nothing and are recorded for demand and KPIs.
/// </summary>
/// <remarks>
/// Errors: <see cref="NotFoundException"/> for an unknown order; <see cref="InvalidStatusTransitionException"/> for a
/// move the order's status does not allow; <see cref="InvalidOperationException"/> for a merchant order that would
/// ship without an allocation or with open exceptions.
/// </remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class OrderFulfilment
{
    private readonly IOrderStore _orders;
    private readonly ICatalogStore _catalog;
    private readonly InventoryPool _pool;
    private readonly IOrderRouter _router;
    private readonly DomainEventHub _events;
    private readonly IClock _clock;
    private readonly int _attempts;

    /// <summary>Creates the service.</summary>
    public OrderFulfilment(IOrderStore orders, ICatalogStore catalog, InventoryPool pool, IOrderRouter router, DomainEventHub events, IClock clock, IOptions<OrderCoreOptions> options)
    {
        _orders = Guard.NotNull(orders);
        _catalog = Guard.NotNull(catalog);
        _pool = Guard.NotNull(pool);
        _router = Guard.NotNull(router);
        _events = Guard.NotNull(events);
        _clock = Guard.NotNull(clock);
        _attempts = Guard.NotNull(options).Value.AllocationAttempts;
    }

    /// <summary>
    /// Allocates a merchant-fulfilled order in Received status with no open exception: routes its open lines (kits
    /// expanded into components, demand for one SKU summed across lines) and reserves exactly what the decision chose,
    /// all or nothing. When the stock cannot cover it, the decision's <see cref="RoutingDecision.Outcome"/> says what
    /// happens: <see cref="RoutingOutcome.Exception"/> (the default) raises an
    /// <see cref="OrderExceptionReason.InsufficientInventory"/> entry; <see cref="RoutingOutcome.Backorder"/> leaves the
    /// order in Received with no entry; <see cref="RoutingOutcome.Hold"/> places a hold with the decision's reason (unless
    /// one with that reason is already on). Nothing is reserved in any of these cases.
    /// </summary>
    /// <returns>The outcome; <see cref="AllocationResult.Decision"/> is null when the order is marketplace-fulfilled, not in Received, has open exceptions, or has no open units to reserve.</returns>
    public async Task<AllocationResult> AllocateAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order.FulfilmentChannel != FulfilmentChannel.Merchant || order.Status != OrderStatus.Received) return new AllocationResult(order, null, null);
        var open = await _orders.GetExceptionsAsync(orderId, true, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        foreach (var stale in open.Where(e => e.Reason == OrderExceptionReason.InsufficientInventory))
        {
            await ResolveAsync(stale, "reallocating", now, cancellationToken).ConfigureAwait(false);
        }
        if (open.Any(e => e.Reason != OrderExceptionReason.InsufficientInventory)) return new AllocationResult(order, null, null);
        if (order.OpenLines.Any(l => l.Sku is null)) throw new InvalidOperationException($"Order {orderId} has unmapped open lines: validate it before allocating.");

        IReadOnlyList<DemandLine> demand;
        try
        {
            demand = await ExpandDemandAsync(order, cancellationToken).ConfigureAwait(false);
            if (demand.GroupBy(d => d.Sku).Any(g => g.Sum(d => (long)d.Quantity) > int.MaxValue)) throw new OverflowException();
        }
        catch (OverflowException)
        {
            var tooMany = await RaiseAsync(order.Id, OrderExceptionReason.InvalidQuantity, "lines",
                "the order's units of one SKU (kits expanded) exceed the 2,147,483,647 a balance can hold", now, cancellationToken).ConfigureAwait(false);
            return new AllocationResult(order, null, tooMany);
        }
        if (demand.Count == 0) return new AllocationResult(order, null, null); // every line cancelled: nothing to reserve
        var request = await BuildRequestAsync(order, demand, now, null, cancellationToken).ConfigureAwait(false);
        RoutingDecision? decision = null;
        for (var attempt = 0; attempt < _attempts; attempt++)
        {
            var balances = await ReadBalancesAsync(order.Owner, demand, null, cancellationToken).ConfigureAwait(false);
            decision = _router.Route(request, balances);
            if (!decision.IsRouted) break;
            var reservationId = ReservationId.From($"{order.Id.Value}#{order.AllocationCount + 1}");
            var lines = decision.Lines.Select(l => new ReservationLine(l.Key, l.Quantity, l.Line)).ToArray();
            var reserved = await _pool.ReserveAsync(new ReservationRequest(reservationId, order.Owner, order.Id.Value, lines, "order-allocation"), cancellationToken).ConfigureAwait(false);
            if (!reserved.Succeeded)
            {
                // Another caller allocated this order meanwhile (same reservation id): that is not a stock problem.
                if (reserved.Shortages.Any(s => s.Kind == GuardKind.ReservationExists)) return new AllocationResult(await LoadAsync(orderId, cancellationToken).ConfigureAwait(false), decision, null);
                continue;
            }
            order.Allocate(reservationId, decision.PrimaryLocation!.Value, now);
            try
            {
                await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await _pool.ReleaseAsync(reservationId, "allocation-save-failed", order.Id.Value, null, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            return new AllocationResult(order, decision, null);
        }
        var detail = decision is { IsRouted: false }
            ? string.Join("; ", decision.Shortages.Select(s => $"SKU '{s.Sku}' needs {s.Requested}, best location has {s.BestAvailable}"))
            : "stock changed while reserving";
        if (decision is { IsRouted: false, Reason: { Length: > 0 } why }) detail = detail.Length == 0 ? why : $"{why}: {detail}";
        if (detail.Length == 0) detail = "no eligible stock";
        switch (decision)
        {
            case { IsRouted: false, Outcome: RoutingOutcome.Backorder }:
                return new AllocationResult(order, decision, null);
            case { IsRouted: false, Outcome: RoutingOutcome.Hold }:
                var hold = decision.HoldReason ?? HoldReason.Inventory;
                if (!order.Holds.Any(h => h.Reason == hold))
                {
                    order.PlaceHold(hold, detail, now);
                    await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
                }
                return new AllocationResult(order, decision, null);
        }
        var field = FieldOfFirstShortage(order, demand, decision);
        var entry = await RaiseAsync(order.Id, OrderExceptionReason.InsufficientInventory, field, detail, now, cancellationToken).ConfigureAwait(false);
        return new AllocationResult(order, decision, entry);
    }

    /// <summary>
    /// Re-routes an allocated order, e.g. because a location rejected it: routes its open lines again with
    /// <paramref name="rejectedLocations"/> excluded (units its current reservation holds count as available to it), then
    /// releases the old reservation and reserves the new one in one atomic change (<see cref="InventoryPool.ReplaceReservationAsync"/>).
    /// When no new route exists, nothing changes: the order keeps its reservation and the result carries the decision.
    /// </summary>
    /// <returns>The outcome: <see cref="AllocationResult.Allocated"/> stays true either way; compare
    /// <see cref="Order.ReservationId"/> or check <see cref="RoutingDecision.IsRouted"/> to see whether it moved.</returns>
    /// <exception cref="InvalidOperationException">The order is not Allocated with a reservation.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public async Task<AllocationResult> RerouteAsync(OrderId orderId, IReadOnlyCollection<LocationId> rejectedLocations, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(rejectedLocations);
        Guard.NotBlank(reason);
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order.Status != OrderStatus.Allocated || order.ReservationId is not { } oldId) throw new InvalidOperationException($"Order {orderId} is {order.Status}: only an allocated order can be re-routed.");
        var now = _clock.GetCurrentInstant();
        var demand = await ExpandDemandAsync(order, cancellationToken).ConfigureAwait(false);
        var request = await BuildRequestAsync(order, demand, now, rejectedLocations, cancellationToken).ConfigureAwait(false);
        RoutingDecision? decision = null;
        for (var attempt = 0; attempt < _attempts; attempt++)
        {
            var current = await _pool.Store.GetReservationAsync(oldId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Order {orderId} has lost its reservation {oldId}.");
            var balances = await ReadBalancesAsync(order.Owner, demand, current, cancellationToken).ConfigureAwait(false);
            decision = _router.Route(request, balances);
            if (!decision.IsRouted) return new AllocationResult(order, decision, null);
            var newId = ReservationId.From($"{order.Id.Value}#{order.AllocationCount + 1}");
            var lines = decision.Lines.Select(l => new ReservationLine(l.Key, l.Quantity, l.Line)).ToArray();
            var replaced = await _pool.ReplaceReservationAsync(current, new ReservationRequest(newId, order.Owner, order.Id.Value, lines, "order-reroute"), reason, cancellationToken).ConfigureAwait(false);
            if (!replaced.Succeeded) continue;
            order.Reroute(newId, decision.PrimaryLocation!.Value, reason, now);
            await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
            return new AllocationResult(order, decision, null);
        }
        return new AllocationResult(order, decision, null);
    }

    /// <summary>Releases an allocated order's reservation and returns it to Received, e.g. to re-route it.</summary>
    public async Task<Order> DeallocateAsync(OrderId orderId, string reason, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order.ReservationId is { } res) await _pool.ReleaseAsync(res, reason, order.Id.Value, null, cancellationToken).ConfigureAwait(false);
        order.Deallocate(_clock.GetCurrentInstant());
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>Releases an allocated order to the floor (pick and pack).</summary>
    /// <exception cref="OrderHeldException">The order is held.</exception>
    public async Task<Order> ReleaseToFloorAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        order.ReleaseToFloor(_clock.GetCurrentInstant());
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>
    /// Ships the order's open lines. For a merchant-fulfilled order the reserved units leave on hand; for a
    /// marketplace-fulfilled order only the status is recorded.
    /// </summary>
    /// <exception cref="InvalidStatusTransitionException">The order's status cannot move to Shipped (already shipped, cancelled, returned).</exception>
    /// <exception cref="OrderNotAllocatedException">A merchant order that is not allocated.</exception>
    /// <exception cref="OrderHeldException">The order is held.</exception>
    public async Task<Order> ShipAsync(OrderId orderId, string reference, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(reference);
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        OrderStatusMachine.EnsureCanMove(order.Status, OrderStatus.Shipped, $"order {orderId}");
        if (order.FulfilmentChannel == FulfilmentChannel.Merchant)
        {
            if (order.ReservationId is not { } res) throw new OrderNotAllocatedException(orderId.Value);
            if (order.IsHeld) throw new OrderHeldException(orderId.Value, order.Holds[0].Reason.ToString());
            await _pool.ShipAsync(res, "order-shipped", reference, null, cancellationToken).ConfigureAwait(false);
        }
        order.Ship(_clock.GetCurrentInstant());
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>
    /// Ships some open lines of an order (a partial shipment). For a merchant-fulfilled order each line's reserved units
    /// leave on hand; the rest of the reservation stays.
    /// </summary>
    /// <exception cref="OrderNotAllocatedException">A merchant order that is not allocated.</exception>
    /// <exception cref="OrderHeldException">The order is held.</exception>
    /// <exception cref="InvalidOperationException">A line that is not open.</exception>
    public async Task<Order> ShipLinesAsync(OrderId orderId, IReadOnlyCollection<OrderLineId> lineIds, string reference, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(reference);
        Guard.NotNull(lineIds);
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        var reservation = order.ReservationId;
        order.ShipLines(lineIds, _clock.GetCurrentInstant());
        if (order.FulfilmentChannel == FulfilmentChannel.Merchant)
        {
            if (reservation is not { } res) throw new OrderNotAllocatedException(orderId.Value);
            if (order.IsHeld) throw new OrderHeldException(orderId.Value, order.Holds[0].Reason.ToString());
            await _pool.ShipLinesAsync(res, lineIds, "order-shipped", reference, cancellationToken).ConfigureAwait(false);
        }
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>Records delivery of a shipped order.</summary>
    public async Task<Order> DeliverAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        order.Deliver(_clock.GetCurrentInstant());
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>
    /// Records that a shipped order came back. For a merchant-fulfilled order the shipped units are received into
    /// <see cref="InventoryStatus.ReturnPending"/> at <paramref name="returnLocation"/> (default: the location it shipped
    /// from), awaiting inspection and a disposition.
    /// </summary>
    /// <returns>The order and the units received back.</returns>
    public async Task<(Order Order, int UnitsReceived)> ReturnAsync(OrderId orderId, string reason, LocationId? returnLocation = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(reason);
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        order.MarkReturned(now);
        var units = 0;
        if (order.FulfilmentChannel == FulfilmentChannel.Merchant && (returnLocation ?? order.AllocatedLocation) is { } location)
        {
            foreach (var group in order.Lines.Where(l => l.Status == OrderLineStatus.Shipped && l.Sku is not null).GroupBy(l => l.Sku!.Value))
            {
                var qty = group.Sum(l => l.BaseUnits);
                if (qty == 0) continue;
                var key = new BalanceKey(order.Owner, group.Key, location, InventoryStatus.ReturnPending);
                await _pool.ReturnAsync(key, Quantity.Of(qty), reason, order.Id.Value, cancellationToken).ConfigureAwait(false);
                units += qty;
            }
        }
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return (order, units);
    }

    /// <summary>Cancels the order: releases any reservation and resolves its open exceptions.</summary>
    public async Task<Order> CancelAsync(OrderId orderId, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(reason);
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        if (order.ReservationId is { } res) await _pool.ReleaseAsync(res, reason, order.Id.Value, null, cancellationToken).ConfigureAwait(false);
        order.Cancel(now);
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        foreach (var e in await _orders.GetExceptionsAsync(orderId, true, cancellationToken).ConfigureAwait(false))
        {
            await ResolveAsync(e, "order-cancelled", now, cancellationToken).ConfigureAwait(false);
        }
        return order;
    }

    /// <summary>Cancels one open line and releases its reserved units. The last open line cancels the order.</summary>
    public async Task<Order> CancelLineAsync(OrderId orderId, OrderLineId lineId, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(reason);
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order.ReservationId is { } res) await _pool.ReleaseAsync(res, reason, order.Id.Value, lineId, cancellationToken).ConfigureAwait(false);
        order.CancelLine(lineId, _clock.GetCurrentInstant());
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>
    /// Lowers an open line by <paramref name="units"/> channel units (a partial cancellation) and releases the matching
    /// reserved units, keeping the rest of the reservation; removing every unit cancels the line as
    /// <see cref="CancelLineAsync"/> does.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is below 1 or above the line's quantity.</exception>
    /// <exception cref="InvalidOperationException">The line is not open.</exception>
    /// <exception cref="NotFoundException">The order or the line does not exist.</exception>
    public async Task<Order> ReduceLineAsync(OrderId orderId, OrderLineId lineId, int units, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(reason);
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        var line = order.Lines.FirstOrDefault(l => l.Id == lineId) ?? throw new NotFoundException(nameof(OrderLine), lineId.ToString());
        if (line.Status != OrderLineStatus.Open) throw new InvalidOperationException($"Line {lineId} is {line.Status}: only an open line can be reduced.");
        if (units < 1 || units > line.Quantity) throw new ArgumentOutOfRangeException(nameof(units), units, $"Line {lineId} has {line.Quantity} units; remove between 1 and {line.Quantity}.");
        if (units == line.Quantity) return await CancelLineAsync(orderId, lineId, reason, cancellationToken).ConfigureAwait(false);
        var before = line.BaseUnits;
        var after = checked((line.Quantity - units) * line.UnitsPerChannelUnit);
        if (order.ReservationId is { } res) await _pool.ReleasePartOfLineAsync(res, lineId, before, after, reason, order.Id.Value, cancellationToken).ConfigureAwait(false);
        order.ReduceLine(lineId, units, _clock.GetCurrentInstant());
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>Places a typed hold on an order.</summary>
    public async Task<Order> HoldAsync(OrderId orderId, HoldReason reason, string note, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        order.PlaceHold(reason, note, _clock.GetCurrentInstant());
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>Lifts the holds with <paramref name="reason"/>.</summary>
    public async Task<Order> ReleaseHoldAsync(OrderId orderId, HoldReason reason, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order.ReleaseHold(reason, _clock.GetCurrentInstant())) await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>Records the channel's status text on an order without changing its lifecycle.</summary>
    public async Task<Order> RecordChannelStatusAsync(OrderId orderId, string? channelStatus, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        order.RecordChannelStatus(channelStatus);
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>
    /// Releases the reserved units of every cancelled line of an order that keeps its reservation (e.g. released to the
    /// floor when the channel cancels a line); cancels the order when no line is left to fulfil and none has shipped.
    /// </summary>
    internal async Task<Order> ReleaseCancelledLinesAsync(OrderId orderId, string reason, CancellationToken ct)
    {
        var order = await LoadAsync(orderId, ct).ConfigureAwait(false);
        if (order.ReservationId is not { } res) return order;
        foreach (var line in order.Lines.Where(l => l.Status == OrderLineStatus.Cancelled))
        {
            await _pool.ReleaseAsync(res, reason, order.Id.Value, line.Id, ct).ConfigureAwait(false);
        }
        if (!order.OpenLines.Any() && order.Lines.All(l => l.Status != OrderLineStatus.Shipped)) return await CancelAsync(orderId, reason, ct).ConfigureAwait(false);
        return order;
    }

    internal async Task<OrderExceptionEntry> RaiseAsync(OrderId orderId, OrderExceptionReason reason, string field, string detail, Instant now, CancellationToken ct)
    {
        var entry = await _orders.AddExceptionAsync(new OrderExceptionEntry(0, orderId, reason, field, detail, now), ct).ConfigureAwait(false);
        await _events.PublishAsync([new OrderExceptionRaised(orderId, entry.Id, reason, field, detail, now)], ct).ConfigureAwait(false);
        return entry;
    }

    internal async Task ResolveAsync(OrderExceptionEntry entry, string resolution, Instant now, CancellationToken ct)
    {
        await _orders.ResolveExceptionAsync(entry.Id, resolution, now, ct).ConfigureAwait(false);
        await _events.PublishAsync([new OrderExceptionResolved(entry.OrderId, entry.Id, entry.Reason, resolution, now)], ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DemandLine>> ExpandDemandAsync(Order order, CancellationToken ct)
    {
        var demand = new List<DemandLine>();
        foreach (var line in order.OpenLines)
        {
            if (line.BaseUnits == 0) continue;
            var kit = await _catalog.GetKitAsync(order.Owner, line.Sku!.Value, ct).ConfigureAwait(false);
            if (kit is null) demand.Add(new DemandLine(line.Id, line.Sku.Value, line.BaseUnits));
            else foreach (var c in kit.Components) demand.Add(new DemandLine(line.Id, c.Sku, checked(c.Quantity * line.BaseUnits), kit.Kit));
        }
        return demand;
    }

    /// <summary>The routing request of an order: its header, demand, the decision instant, ship-by, value and line count, and SKU attributes when the router reads them.</summary>
    private async Task<RoutingRequest> BuildRequestAsync(Order order, IReadOnlyList<DemandLine> demand, Instant now, IReadOnlyCollection<LocationId>? excluded, CancellationToken ct)
    {
        Money? value = null;
        var lineCount = 0;
        var mixed = false;
        foreach (var line in order.OpenLines)
        {
            if (line.BaseUnits == 0) continue;
            lineCount++;
            if (line.Amount is not { } amount) continue;
            if (value is null) value = amount;
            else if (value.Value.Currency == amount.Currency) value = value.Value + amount;
            else mixed = true;
        }
        Dictionary<Sku, IReadOnlyDictionary<string, string>>? attributes = null;
        if (_router.RequiresSkuAttributes)
        {
            attributes = new Dictionary<Sku, IReadOnlyDictionary<string, string>>();
            foreach (var sku in demand.Select(d => d.Sku).Concat(demand.Where(d => d.Kit is not null).Select(d => d.Kit!.Value)).Distinct())
            {
                var product = await _catalog.GetProductAsync(order.Owner, sku, ct).ConfigureAwait(false);
                if (product is null) continue;
                var map = new Dictionary<string, string>(product.Attributes, StringComparer.Ordinal);
                if (product.Category is { } category && !map.ContainsKey("category")) map["category"] = category;
                attributes[sku] = map;
            }
        }
        return new RoutingRequest(order.Id, order.Owner, order.Channel, order.Account, order.FulfilmentChannel, order.ServiceLevel, order.ShipTo, order.Tags, demand)
        {
            AsOf = now,
            ShipBy = order.ShipBy,
            OrderValue = mixed ? null : value,
            LineCount = lineCount,
            SkuAttributes = attributes,
            ExcludedLocations = excluded,
        };
    }

    /// <summary>
    /// Every balance of each demanded SKU. With <paramref name="ownReservation"/>, the units it holds are taken out of
    /// reserved, since a re-route releases them in the same change that reserves the new lines.
    /// </summary>
    private async Task<Dictionary<Sku, IReadOnlyList<InventoryBalance>>> ReadBalancesAsync(OwnerId owner, IReadOnlyList<DemandLine> demand, Reservation? ownReservation, CancellationToken ct)
    {
        var balances = new Dictionary<Sku, IReadOnlyList<InventoryBalance>>();
        foreach (var sku in demand.Select(d => d.Sku).Distinct())
        {
            var list = await _pool.GetBalancesAsync(owner, sku, ct).ConfigureAwait(false);
            if (ownReservation is not null)
            {
                list = list.Select(b =>
                {
                    var held = ownReservation.Lines.Where(l => l.Key == b.Key).Sum(l => l.Quantity);
                    return held == 0 ? b : b with { Reserved = b.Reserved - held };
                }).ToArray();
            }
            balances[sku] = list;
        }
        return balances;
    }

    private static string FieldOfFirstShortage(Order order, IReadOnlyList<DemandLine> demand, RoutingDecision? decision)
    {
        // Match on the demand (kit lines are expanded into their components), then name the order line it came from.
        var shortSku = decision?.Shortages.FirstOrDefault()?.Sku;
        var line = demand.FirstOrDefault(d => d.Sku == shortSku).Line;
        for (var i = 0; i < order.Lines.Count; i++)
        {
            if (!line.IsDefault && order.Lines[i].Id == line) return $"lines[{i}].quantity";
        }
        return "lines";
    }

    private async Task<Order> LoadAsync(OrderId orderId, CancellationToken ct)
        => await _orders.GetAsync(orderId, ct).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), orderId.ToString());

    private async Task SaveAndPublishAsync(Order order, CancellationToken ct)
    {
        await _orders.SaveAsync(order, ct).ConfigureAwait(false);
        await _events.PublishAsync(order.DequeueEvents(), ct).ConfigureAwait(false);
    }
}
