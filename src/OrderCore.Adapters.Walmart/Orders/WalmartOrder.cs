using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Orders;

/// <summary>
/// A Walmart purchase order as the adapter understands it: every line with its per-quantity statuses, its charges and
/// refunds as <see cref="Money"/>, the derived order state, the acknowledgement and auto-cancel deadlines, and the
/// canonical <see cref="OrderCore.Orders.ChannelOrder"/> that OrderCore imports.
/// </summary>
/// <remarks>Produced by <see cref="WalmartOrderMapper"/>; immutable. The customer's e-mail and phone are not kept.</remarks>
public sealed record WalmartOrder
{
    /// <summary>Walmart's purchase order id (<c>purchaseOrderId</c>): the OrderCore external order id.</summary>
    public required string PurchaseOrderId { get; init; }

    /// <summary>The customer order id (<c>customerOrderId</c>); one customer order can hold several purchase orders. Returns refer to it.</summary>
    public required string CustomerOrderId { get; init; }

    /// <summary>When the order was created (<c>orderDate</c>, epoch milliseconds).</summary>
    public required Instant OrderDate { get; init; }

    /// <summary>Who fulfils it (<c>shipNode.type</c>, or the type the query asked for when the payload has none).</summary>
    public required WalmartShipNodeType ShipNodeType { get; init; }

    /// <summary>The ship node id (<c>shipNode.id</c>), if given.</summary>
    public string? ShipNodeId { get; init; }

    /// <summary>The OrderCore location of the ship node, from <see cref="WalmartOptions.ShipNodes"/>; null when unmapped.</summary>
    public LocationId? ShipNodeLocation { get; init; }

    /// <summary><c>REGULAR</c> or <c>REPLACEMENT</c>, when Walmart says.</summary>
    public string? OrderType { get; init; }

    /// <summary>The method code as sent (<c>shippingInfo.methodCode</c>), if any.</summary>
    public string? MethodCode { get; init; }

    /// <summary>When Walmart expects it to ship (<c>estimatedShipDate</c>): OrderCore's ship-by.</summary>
    public Instant? EstimatedShipDate { get; init; }

    /// <summary>When Walmart promised delivery (<c>estimatedDeliveryDate</c>).</summary>
    public Instant? EstimatedDeliveryDate { get; init; }

    /// <summary>The ship-to address (ISO alpha-2 country); null when the payload has none.</summary>
    public Address? ShipTo { get; init; }

    /// <summary>The lines in payload order.</summary>
    public required IReadOnlyList<WalmartOrderLine> Lines { get; init; }

    /// <summary>The order's state, derived from its lines (see <see cref="WalmartOrderState"/>).</summary>
    public required WalmartOrderState State { get; init; }

    /// <summary>The order's currency (all charges share it).</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>
    /// The acknowledgement deadline: <see cref="OrderDate"/> + <see cref="WalmartOptions.AcknowledgementWindow"/> while a
    /// line quantity is <c>Created</c>; null when nothing waits for acknowledgement, and always null for WFS orders (which
    /// cannot be acknowledged by the seller).
    /// </summary>
    public Instant? AcknowledgeBy { get; init; }

    /// <summary>
    /// When Walmart cancels what is still unshipped: <see cref="OrderDate"/> + <see cref="WalmartOptions.AutoCancelWindow"/>
    /// while a quantity is Created or Acknowledged; null otherwise and for WFS orders.
    /// </summary>
    public Instant? AutoCancelAt { get; init; }

    /// <summary>The canonical order OrderCore imports (external id = purchase order id, version = latest line status date).</summary>
    public required ChannelOrder ChannelOrder { get; init; }

    /// <summary>True for WFS orders: the seller can neither acknowledge, ship nor cancel them.</summary>
    public bool IsWalmartFulfilled => ShipNodeType == WalmartShipNodeType.WalmartFulfilled;

    /// <summary>True when a quantity is <c>Created</c> and the seller may acknowledge it (not WFS).</summary>
    public bool NeedsAcknowledgement => !IsWalmartFulfilled && Lines.Any(l => l.QuantityIn(WalmartLineStatus.Created) > 0);

    /// <summary>The line with <paramref name="lineNumber"/>, or null.</summary>
    public WalmartOrderLine? FindLine(string lineNumber) => Lines.FirstOrDefault(l => string.Equals(l.LineNumber, lineNumber?.Trim(), StringComparison.Ordinal));

    /// <summary>Sum of the lines' product charges.</summary>
    public Money ProductTotal => Lines.Aggregate(Money.Zero(Currency), (s, l) => s + l.ProductAmount);

    /// <summary>Sum of the lines' shipping charges.</summary>
    public Money ShippingTotal => Lines.Aggregate(Money.Zero(Currency), (s, l) => s + l.ShippingAmount);

    /// <summary>Sum of the lines' taxes (a null tax counts as zero).</summary>
    public Money TaxTotal => Lines.Aggregate(Money.Zero(Currency), (s, l) => s + l.TaxAmount);
}

/// <summary>A line of a <see cref="WalmartOrder"/>.</summary>
public sealed record WalmartOrderLine
{
    /// <summary>Walmart's line number (<c>lineNumber</c>, a string such as <c>"4"</c>): the OrderCore external line id.</summary>
    public required string LineNumber { get; init; }

    /// <summary>The seller SKU (<c>item.sku</c>).</summary>
    public required string Sku { get; init; }

    /// <summary>The product name, if given.</summary>
    public string? ProductName { get; init; }

    /// <summary>Units ordered, parsed from the string <c>orderLineQuantity.amount</c>.</summary>
    public required int OrderedQuantity { get; init; }

    /// <summary>The line's quantities by status (<c>orderLineStatuses.orderLineStatus</c>), in payload order.</summary>
    public required IReadOnlyList<WalmartStatusQuantity> Statuses { get; init; }

    /// <summary>
    /// The line's status: <see cref="WalmartLineStatus.Cancelled"/> when every quantity is cancelled, otherwise the least
    /// advanced status of its live quantities (Created, Acknowledged, Shipped, Delivered, Refund in that order).
    /// </summary>
    public required WalmartLineStatus Status { get; init; }

    /// <summary>The charges (<c>charges.charge</c>).</summary>
    public required IReadOnlyList<WalmartCharge> Charges { get; init; }

    /// <summary>Sum of the <c>PRODUCT</c> charges: the line amount as Walmart states it.</summary>
    public required Money ProductAmount { get; init; }

    /// <summary>Sum of the <c>SHIPPING</c> charges.</summary>
    public required Money ShippingAmount { get; init; }

    /// <summary>Sum of the taxes of every charge; a null tax counts as zero.</summary>
    public required Money TaxAmount { get; init; }

    /// <summary>Refunds already recorded on the line (<c>refund.refundCharges</c>); empty when <c>refund</c> is null.</summary>
    public required IReadOnlyList<WalmartRefundCharge> Refunds { get; init; }

    /// <summary>The latest status change (<c>statusDate</c>), if given.</summary>
    public Instant? StatusDate { get; init; }

    /// <summary><c>fulfillment.shippingProgramType</c> (e.g. <c>TWO_DAY</c>), if given.</summary>
    public string? ShippingProgramType { get; init; }

    /// <summary>The acknowledgement deadline while a quantity of this line is <c>Created</c> (null for WFS orders).</summary>
    public Instant? AcknowledgeBy { get; init; }

    /// <summary>Product + shipping + tax.</summary>
    public Money Total => ProductAmount + ShippingAmount + TaxAmount;

    /// <summary>What was refunded already: the absolute amounts of the refund charges and their taxes.</summary>
    public Money RefundedAmount => Refunds.Aggregate(Money.Zero(Total.Currency), (s, r) => s + new Money(Math.Abs(r.Amount.Amount), r.Amount.Currency) + (r.Tax is { } t ? new Money(Math.Abs(t.Amount), t.Currency) : Money.Zero(Total.Currency)));

    /// <summary>What may still be refunded: <see cref="Total"/> − <see cref="RefundedAmount"/>, never below zero.</summary>
    public Money RefundableAmount
    {
        get
        {
            var left = Total - RefundedAmount;
            return left.Amount < 0 ? Money.Zero(left.Currency) : left;
        }
    }

    /// <summary>Units in <paramref name="status"/>.</summary>
    public int QuantityIn(WalmartLineStatus status) => Statuses.Where(s => s.Status == status).Sum(s => s.Quantity);

    /// <summary>Units not cancelled: <see cref="OrderedQuantity"/> − cancelled, never below zero.</summary>
    public int LiveQuantity => Math.Max(OrderedQuantity - QuantityIn(WalmartLineStatus.Cancelled), 0);

    /// <summary>Units the seller may still ship or cancel: those in Created or Acknowledged.</summary>
    public int OpenQuantity => QuantityIn(WalmartLineStatus.Created) + QuantityIn(WalmartLineStatus.Acknowledged);
}

/// <summary>A quantity of a line in one status.</summary>
/// <param name="Status">The status.</param>
/// <param name="Quantity">Units, parsed from the string <c>statusQuantity.amount</c>.</param>
/// <param name="CancellationReason">Walmart's <c>cancellationReason</c>, if any.</param>
/// <param name="Tracking">The tracking of a shipped quantity, if any.</param>
public sealed record WalmartStatusQuantity(WalmartLineStatus Status, int Quantity, string? CancellationReason, WalmartTracking? Tracking);

/// <summary>Tracking of a shipped quantity (<c>trackingInfo</c>).</summary>
/// <param name="ShipDateTime">When it shipped (epoch milliseconds on the wire).</param>
/// <param name="Carrier">The carrier from Walmart's list (<c>carrierName.carrier</c>).</param>
/// <param name="OtherCarrier">A carrier outside the list (<c>carrierName.otherCarrier</c>).</param>
/// <param name="MethodCode">The method code of the shipment.</param>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="TrackingUrl">The tracking URL.</param>
public sealed record WalmartTracking(Instant? ShipDateTime, string? Carrier, string? OtherCarrier, string? MethodCode, string? TrackingNumber, string? TrackingUrl);

/// <summary>A charge of a line (<c>charges.charge</c>).</summary>
/// <param name="ChargeType"><c>PRODUCT</c> or <c>SHIPPING</c>.</param>
/// <param name="ChargeName">E.g. <c>ItemPrice</c>, <c>Shipping</c>.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Tax">The tax on it; null when Walmart sent no tax (or a null one).</param>
/// <param name="TaxName">The tax name, if any.</param>
public sealed record WalmartCharge(string ChargeType, string? ChargeName, Money Amount, Money? Tax, string? TaxName);

/// <summary>A refund recorded on a line (<c>refund.refundCharges.refundCharge</c>); amounts are negative on the wire and kept as sent.</summary>
/// <param name="RefundReason">Walmart's reason text, as sent.</param>
/// <param name="ChargeType"><c>PRODUCT</c> or <c>SHIPPING</c>.</param>
/// <param name="ChargeName">The charge name.</param>
/// <param name="Amount">The amount (negative for a refund).</param>
/// <param name="Tax">The tax refunded, if any.</param>
public sealed record WalmartRefundCharge(string? RefundReason, string ChargeType, string? ChargeName, Money Amount, Money? Tax);
