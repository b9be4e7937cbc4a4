using NodaTime;
using OrderCore.Events;

namespace OrderCore.Orders;

/// <summary>
/// An order inside OrderCore: the channel order, its mapped lines, its lifecycle status, holds and reservation.
/// State changes only through behaviour methods that follow <see cref="OrderStatusMachine"/>; each change records a
/// domain event in <see cref="PendingEvents"/>, which the service layer publishes once the order is saved.
/// </summary>
/// <threadsafety>Not thread-safe: load, change and save one instance per use case. Stores keep their own copies.</threadsafety>
public sealed class Order
{
    private List<OrderLine> _lines;
    private List<OrderHold> _holds;
    private List<IDomainEvent> _pendingEvents = new();

    private Order(OrderId id, ChannelOrder source, List<OrderLine> lines)
    {
        Id = id;
        Owner = source.Owner;
        Channel = source.Channel;
        Account = source.Account;
        ExternalOrderId = source.ExternalOrderId.Trim();
        _lines = lines;
        _holds = new List<OrderHold>();
        ApplyHeader(source);
    }

    /// <summary>The OrderCore id.</summary>
    public OrderId Id { get; }

    /// <summary>The merchant.</summary>
    public OwnerId Owner { get; }

    /// <summary>The channel.</summary>
    public ChannelId Channel { get; }

    /// <summary>The channel account.</summary>
    public ChannelAccountId Account { get; }

    /// <summary>The channel's order id, trimmed (the idempotency key is looked up trimmed).</summary>
    public string ExternalOrderId { get; }

    /// <summary>The channel version last applied.</summary>
    public long ExternalVersion { get; private set; }

    /// <summary>When the buyer placed it.</summary>
    public Instant PlacedAt { get; private set; }

    /// <summary>Who fulfils it.</summary>
    public FulfilmentChannel FulfilmentChannel { get; private set; }

    /// <summary>The service level.</summary>
    public ServiceLevel ServiceLevel { get; private set; }

    /// <summary>Ship-to address, if any.</summary>
    public Address? ShipTo { get; private set; }

    /// <summary>Ship-by deadline, if any.</summary>
    public Instant? ShipBy { get; private set; }

    /// <summary>The channel's status text as last recorded.</summary>
    public string? ChannelStatus { get; private set; }

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The lifecycle status.</summary>
    public OrderStatus Status { get; private set; }

    /// <summary>The lines in channel order.</summary>
    public IReadOnlyList<OrderLine> Lines => _lines;

    /// <summary>Active holds.</summary>
    public IReadOnlyList<OrderHold> Holds => _holds;

    /// <summary>True while any hold is active.</summary>
    public bool IsHeld => _holds.Count > 0;

    /// <summary>The reservation holding this order's units, while allocated.</summary>
    public ReservationId? ReservationId { get; private set; }

    /// <summary>The location the order was allocated to (the first shipment's location), while allocated or after shipping.</summary>
    public LocationId? AllocatedLocation { get; private set; }

    /// <summary>How many times the order has been allocated (used to name reservations).</summary>
    public int AllocationCount { get; private set; }

    /// <summary>The store version: 0 until first saved, then incremented by each save.</summary>
    public long Version { get; internal set; }

    /// <summary>Events recorded since the order was loaded; published and cleared by the service after saving.</summary>
    public IReadOnlyList<IDomainEvent> PendingEvents => _pendingEvents;

    /// <summary>The lines that are neither cancelled nor shipped.</summary>
    public IEnumerable<OrderLine> OpenLines => _lines.Where(l => l.Status == OrderLineStatus.Open);

    /// <summary>The lines that are not cancelled.</summary>
    public IEnumerable<OrderLine> LiveLines => _lines.Where(l => l.Status != OrderLineStatus.Cancelled);

    /// <summary>Creates an order from a channel order.</summary>
    /// <exception cref="ArgumentException">The channel order has no lines, a blank external id, or a negative line quantity.</exception>
    public static Order Import(OrderId id, ChannelOrder source, Instant now)
    {
        if (id.IsDefault) throw new ArgumentException("An order id is required.", nameof(id));
        Validate(source);
        var lines = source.Lines.Select((l, i) => OrderLine.From(id, i + 1, l)).ToList();
        var order = new Order(id, source, lines) { Status = OrderStatus.Received };
        order._pendingEvents.Add(new OrderImported(id, source.Owner, source.Channel, source.Account, source.ExternalOrderId, source.FulfilmentChannel, lines.Count, now));
        foreach (var l in lines.Where(l => l.Status == OrderLineStatus.Cancelled))
        {
            order._pendingEvents.Add(new OrderLineCancelled(id, l.Id, now));
        }
        return order;
    }

    /// <summary>Applies a newer version of the channel order: header fields and line-level cancellations.</summary>
    /// <returns>True when the set of live lines or their quantities changed, so an allocation must be redone.</returns>
    /// <exception cref="ArgumentException">The version is not newer or the payload is invalid.</exception>
    /// <exception cref="InvalidOperationException">The order is in a terminal status.</exception>
    public bool ApplyChannelUpdate(ChannelOrder newer, Instant now)
    {
        Validate(newer);
        if (newer.Version <= ExternalVersion) throw new ArgumentException($"Version {newer.Version} is not newer than {ExternalVersion}.", nameof(newer));
        if (OrderStatusMachine.IsTerminal(Status)) throw new InvalidOperationException($"Order {Id} is {Status} and takes no further channel updates.");
        var before = LiveSignature();
        ApplyHeader(newer);
        var changed = false;
        if (Status == OrderStatus.Received)
        {
            _lines.Clear();
            _lines.AddRange(newer.Lines.Select((l, i) => OrderLine.From(Id, i + 1, l)));
        }
        else
        {
            for (var i = 0; i < Math.Min(_lines.Count, newer.Lines.Count); i++)
            {
                if (newer.Lines[i].IsCancelled && _lines[i].Status == OrderLineStatus.Open)
                {
                    _lines[i].Cancel();
                    _pendingEvents.Add(new OrderLineCancelled(Id, _lines[i].Id, now));
                }
            }
        }
        changed = before != LiveSignature();
        _pendingEvents.Add(new OrderUpdated(Id, ExternalVersion, now));
        return changed;
    }

    /// <summary>Records the SKU a line maps to.</summary>
    /// <param name="lineId">The line.</param>
    /// <param name="sku">The merchant SKU.</param>
    /// <param name="unitsPerChannelUnit">Base units per channel unit (a listing's pack multiplier), ≥ 1.</param>
    /// <exception cref="NotFoundException">No such line.</exception>
    public void MapLine(OrderLineId lineId, Sku sku, int unitsPerChannelUnit = 1)
    {
        if (sku.IsDefault) throw new ArgumentException("A SKU is required.", nameof(sku));
        var line = FindLine(lineId);
        line.Sku = sku;
        line.UnitsPerChannelUnit = Guard.Positive(unitsPerChannelUnit);
    }

    /// <summary>
    /// Removes the recipient's personal data from the ship-to (name and street lines), keeping city, region, postal code
    /// and country for reporting. Channel adapters call it when a channel's data-protection policy limits how long
    /// personal data may be kept (e.g. Amazon's, once the order is closed and the retention period has passed).
    /// </summary>
    /// <returns>True when something was removed; false when there was nothing to remove.</returns>
    public bool RedactPersonalData()
    {
        if (ShipTo is null || (ShipTo.Name is null && ShipTo.Line1 is null && ShipTo.Line2 is null)) return false;
        ShipTo = ShipTo with { Name = null, Line1 = null, Line2 = null };
        return true;
    }

    /// <summary>Records the channel's status text.</summary>
    public void RecordChannelStatus(string? channelStatus) => ChannelStatus = string.IsNullOrWhiteSpace(channelStatus) ? null : channelStatus.Trim();

    /// <summary>Marks the order allocated under <paramref name="reservation"/>.</summary>
    /// <exception cref="InvalidStatusTransitionException">Not in Received.</exception>
    /// <exception cref="InvalidOperationException">The order is marketplace-fulfilled (no local stock is reserved for it).</exception>
    public void Allocate(ReservationId reservation, LocationId location, Instant now)
    {
        if (FulfilmentChannel == FulfilmentChannel.Marketplace) throw new InvalidOperationException($"Order {Id} is marketplace-fulfilled: it reserves no local stock.");
        Move(OrderStatus.Allocated, now);
        ReservationId = reservation;
        AllocatedLocation = location;
        AllocationCount++;
    }

    /// <summary>
    /// Records that an allocated order now holds <paramref name="reservation"/> instead of its old reservation (the caller
    /// swapped them atomically in the inventory store). The status stays Allocated.
    /// </summary>
    /// <exception cref="InvalidOperationException">The order is not Allocated or holds no reservation.</exception>
    public void Reroute(ReservationId reservation, LocationId location, string reason, Instant now)
    {
        if (Status != OrderStatus.Allocated || ReservationId is not { } old) throw new InvalidOperationException($"Order {Id} is {Status}: only an allocated order can be re-routed.");
        if (reservation.IsDefault) throw new ArgumentException("A reservation id is required.", nameof(reservation));
        ReservationId = reservation;
        AllocatedLocation = location;
        AllocationCount++;
        _pendingEvents.Add(new OrderRerouted(Id, old, reservation, location, reason, now));
    }

    /// <summary>Returns an allocated order to Received (its reservation must be released by the caller).</summary>
    public void Deallocate(Instant now)
    {
        Move(OrderStatus.Received, now);
        ReservationId = null;
        AllocatedLocation = null;
    }

    /// <summary>Releases the order to the floor.</summary>
    /// <exception cref="OrderHeldException">The order is held.</exception>
    public void ReleaseToFloor(Instant now)
    {
        if (IsHeld) throw new OrderHeldException(Id.Value, _holds[0].Reason.ToString());
        Move(OrderStatus.Released, now);
    }

    /// <summary>Ships every open line.</summary>
    /// <exception cref="InvalidStatusTransitionException">The order cannot ship from its status.</exception>
    /// <exception cref="OrderNotAllocatedException">A merchant-fulfilled order that was never allocated.</exception>
    /// <exception cref="InvalidOperationException">An order with no open line.</exception>
    public void Ship(Instant now)
    {
        OrderStatusMachine.EnsureCanMove(Status, OrderStatus.Shipped, $"order {Id}");
        if (FulfilmentChannel == FulfilmentChannel.Merchant && Status == OrderStatus.Received)
        {
            throw new OrderNotAllocatedException(Id.Value);
        }
        if (!OpenLines.Any()) throw new InvalidOperationException($"Order {Id} has no open line to ship.");
        Move(OrderStatus.Shipped, now);
        foreach (var l in OpenLines.ToArray()) l.MarkShipped();
        ReservationId = null;
    }

    /// <summary>Ships some open lines. The order becomes PartiallyShipped, or Shipped when no open line is left.</summary>
    /// <exception cref="ArgumentException">No line ids were given.</exception>
    /// <exception cref="NotFoundException">A line does not exist.</exception>
    /// <exception cref="OrderNotAllocatedException">A merchant-fulfilled order is not allocated.</exception>
    /// <exception cref="InvalidOperationException">A line is not open.</exception>
    public void ShipLines(IReadOnlyCollection<OrderLineId> lineIds, Instant now)
    {
        Guard.NotNull(lineIds);
        if (lineIds.Count == 0) throw new ArgumentException("Name at least one line to ship.", nameof(lineIds));
        if (FulfilmentChannel == FulfilmentChannel.Merchant && Status == OrderStatus.Received)
        {
            throw new OrderNotAllocatedException(Id.Value);
        }
        var lines = lineIds.Distinct().Select(FindLine).ToArray();
        foreach (var l in lines)
        {
            if (l.Status != OrderLineStatus.Open) throw new InvalidOperationException($"Line {l.Id} is {l.Status}: only an open line can ship.");
        }
        var remaining = OpenLines.Count() - lines.Length;
        var target = remaining == 0 ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
        if (Status != target) Move(target, now);
        foreach (var l in lines) l.MarkShipped();
        if (remaining == 0) ReservationId = null;
    }

    /// <summary>Records delivery.</summary>
    public void Deliver(Instant now) => Move(OrderStatus.Delivered, now);

    /// <summary>Records that the shipment came back.</summary>
    public void MarkReturned(Instant now) => Move(OrderStatus.Returned, now);

    /// <summary>Cancels the order; open lines become cancelled. The caller releases the reservation.</summary>
    public void Cancel(Instant now)
    {
        Move(OrderStatus.Cancelled, now);
        foreach (var l in OpenLines.ToArray()) l.Cancel();
        ReservationId = null;
    }

    /// <summary>Cancels one open line. Cancelling the last open line of an order with nothing shipped cancels the order.</summary>
    /// <exception cref="InvalidOperationException">The line is not open.</exception>
    public void CancelLine(OrderLineId lineId, Instant now)
    {
        var line = FindLine(lineId);
        if (line.Status != OrderLineStatus.Open) throw new InvalidOperationException($"Line {lineId} is {line.Status}: only an open line can be cancelled.");
        line.Cancel();
        _pendingEvents.Add(new OrderLineCancelled(Id, lineId, now));
        CloseWhenNothingOpen(now);
    }

    /// <summary>
    /// Lowers an open line by <paramref name="units"/> channel units (a partial cancellation, e.g. a channel refund of some
    /// units that never shipped). Removing every unit cancels the line instead, as <see cref="CancelLine"/> does.
    /// The caller releases the matching reserved units.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is below 1 or above the line's quantity.</exception>
    /// <exception cref="InvalidOperationException">The line is not open.</exception>
    /// <exception cref="NotFoundException">No such line.</exception>
    public void ReduceLine(OrderLineId lineId, int units, Instant now)
    {
        var line = FindLine(lineId);
        if (line.Status != OrderLineStatus.Open) throw new InvalidOperationException($"Line {lineId} is {line.Status}: only an open line can be reduced.");
        if (units < 1 || units > line.Quantity) throw new ArgumentOutOfRangeException(nameof(units), units, $"Line {lineId} has {line.Quantity} units; remove between 1 and {line.Quantity}.");
        if (units == line.Quantity)
        {
            CancelLine(lineId, now);
            return;
        }
        var from = line.Quantity;
        line.Reduce(from - units);
        _pendingEvents.Add(new OrderLineReduced(Id, lineId, from, line.Quantity, now));
    }

    /// <summary>
    /// After line cancellations: an order with no open line left is Cancelled when nothing shipped, or Shipped when it was
    /// partially shipped (the rest was cancelled).
    /// </summary>
    private void CloseWhenNothingOpen(Instant now)
    {
        if (OpenLines.Any()) return;
        if (!_lines.Any(l => l.Status == OrderLineStatus.Shipped)) Cancel(now);
        else if (Status == OrderStatus.PartiallyShipped)
        {
            Move(OrderStatus.Shipped, now);
            ReservationId = null;
        }
    }

    /// <summary>Places a hold.</summary>
    /// <exception cref="InvalidOperationException">The order is already shipped, delivered, returned or cancelled.</exception>
    public void PlaceHold(HoldReason reason, string note, Instant now)
    {
        if (Status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Returned or OrderStatus.Cancelled)
        {
            throw new InvalidOperationException($"Order {Id} is {Status}: too late to hold.");
        }
        _holds.Add(new OrderHold(reason, note ?? string.Empty, now));
        _pendingEvents.Add(new OrderHeld(Id, reason, note ?? string.Empty, now));
    }

    /// <summary>Lifts every hold with <paramref name="reason"/>.</summary>
    /// <returns>True when a hold was lifted.</returns>
    public bool ReleaseHold(HoldReason reason, Instant now)
    {
        var removed = _holds.RemoveAll(h => h.Reason == reason) > 0;
        if (removed) _pendingEvents.Add(new OrderHoldReleased(Id, reason, now));
        return removed;
    }

    /// <summary>Removes and returns the pending events.</summary>
    public IReadOnlyList<IDomainEvent> DequeueEvents()
    {
        var events = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return events;
    }

    /// <summary>A deep copy, used by stores so that callers never alias stored state.</summary>
    public Order Clone()
    {
        var copy = (Order)MemberwiseClone();
        copy._lines = _lines.Select(l => l.Clone()).ToList();
        copy._holds = new List<OrderHold>(_holds);
        copy._pendingEvents = new List<IDomainEvent>();
        return copy;
    }

    private void Move(OrderStatus to, Instant now)
    {
        OrderStatusMachine.EnsureCanMove(Status, to, $"order {Id}");
        var from = Status;
        Status = to;
        _pendingEvents.Add(new OrderStatusChanged(Id, from, to, now));
    }

    private OrderLine FindLine(OrderLineId lineId)
        => _lines.FirstOrDefault(l => l.Id == lineId) ?? throw new NotFoundException(nameof(OrderLine), lineId.ToString());

    private string LiveSignature() => string.Join('|', _lines.Select(l => $"{l.ExternalSku}:{l.Quantity}:{l.Status}"));

    private void ApplyHeader(ChannelOrder source)
    {
        ExternalVersion = source.Version;
        PlacedAt = source.PlacedAt;
        FulfilmentChannel = source.FulfilmentChannel;
        ServiceLevel = source.ServiceLevel;
        ShipTo = source.ShipTo;
        ShipBy = source.ShipBy;
        ChannelStatus = string.IsNullOrWhiteSpace(source.ChannelStatus) ? null : source.ChannelStatus.Trim();
        Tags = source.Tags.ToArray();
    }

    private static void Validate(ChannelOrder source)
    {
        Guard.NotNull(source);
        if (source.Owner.IsDefault) throw new ArgumentException("The channel order needs an owner.", nameof(source));
        if (source.Channel.IsDefault) throw new ArgumentException("The channel order needs a channel.", nameof(source));
        if (source.Account.IsDefault) throw new ArgumentException("The channel order needs an account.", nameof(source));
        if (string.IsNullOrWhiteSpace(source.ExternalOrderId)) throw new ArgumentException("The channel order needs an external order id.", nameof(source));
        if (source.Lines is null || source.Lines.Count == 0) throw new ArgumentException($"Channel order {source.ExternalOrderId} has no lines.", nameof(source));
        for (var i = 0; i < source.Lines.Count; i++)
        {
            if (source.Lines[i].Quantity < 0) throw new ArgumentException($"lines[{i}].quantity is negative ({source.Lines[i].Quantity}).", nameof(source));
        }
    }
}

/// <summary>A line of an <see cref="Order"/>.</summary>
/// <threadsafety>Not thread-safe; owned by its order.</threadsafety>
public sealed class OrderLine
{
    private OrderLine(OrderLineId id, int lineNumber)
    {
        Id = id;
        LineNumber = lineNumber;
    }

    /// <summary>The line id: <c>{order id}/{line number}</c>.</summary>
    public OrderLineId Id { get; }

    /// <summary>1-based position in the order.</summary>
    public int LineNumber { get; }

    /// <summary>The channel's line id.</summary>
    public string? ExternalLineId { get; private init; }

    /// <summary>The channel SKU, trimmed; null when blank.</summary>
    public string? ExternalSku { get; private init; }

    /// <summary>Style/design number from the channel.</summary>
    public string? Style { get; private init; }

    /// <summary>Size from the channel.</summary>
    public string? Size { get; private init; }

    /// <summary>The mapped SKU, once validation resolved it.</summary>
    public Sku? Sku { get; internal set; }

    /// <summary>Units ordered, in channel units (equal to base units unless the listing is a multi-pack); lowered by <see cref="Order.ReduceLine"/>.</summary>
    public int Quantity { get; private set; }

    /// <summary>Base units per channel unit, from the listing's pack multiplier; 1 until mapped.</summary>
    public int UnitsPerChannelUnit { get; internal set; } = 1;

    /// <summary>Units in the SKU's base unit: <see cref="Quantity"/> × <see cref="UnitsPerChannelUnit"/>.</summary>
    public int BaseUnits => checked(Quantity * UnitsPerChannelUnit);

    /// <summary>Unit price, if known.</summary>
    public Money? UnitPrice { get; private init; }

    /// <summary>Line amount, if known.</summary>
    public Money? Amount { get; private set; }

    /// <summary>The line's state.</summary>
    public OrderLineStatus Status { get; private set; }

    internal static OrderLine From(OrderId orderId, int number, ChannelOrderLine l) => new(OrderLineId.From($"{orderId.Value}/{number}"), number)
    {
        ExternalLineId = l.ExternalLineId,
        ExternalSku = string.IsNullOrWhiteSpace(l.ExternalSku) ? null : l.ExternalSku.Trim(),
        Style = string.IsNullOrWhiteSpace(l.Style) ? null : l.Style.Trim(),
        Size = string.IsNullOrWhiteSpace(l.Size) ? null : l.Size.Trim(),
        Quantity = l.Quantity,
        UnitPrice = l.UnitPrice,
        Amount = l.Amount ?? (l.UnitPrice is { } p ? p * l.Quantity : null),
        Status = l.IsCancelled ? OrderLineStatus.Cancelled : OrderLineStatus.Open,
    };

    internal void Cancel() => Status = OrderLineStatus.Cancelled;

    /// <summary>Lowers the quantity to <paramref name="quantity"/> (≥ 1) and the amount with it: unit price × quantity, or the old amount pro rata.</summary>
    internal void Reduce(int quantity)
    {
        var old = Quantity;
        Quantity = quantity;
        Amount = UnitPrice is { } p ? p * quantity : Amount is { } a ? new Money(a.Amount / old * quantity, a.Currency) : null;
    }

    internal void MarkShipped() => Status = OrderLineStatus.Shipped;

    internal OrderLine Clone() => (OrderLine)MemberwiseClone();
}
