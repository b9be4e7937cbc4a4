using NodaTime;

namespace OrderCore.Adapters.Walmart.Returns;

/// <summary>
/// A Walmart return order (RMA) from <c>GET /v3/returns</c>, in OrderCore's terms: the lines returned against which
/// purchase orders, why, how many units and for how much.
/// </summary>
/// <remarks>
/// OrderCore's core has no RMA model yet; this adapter-level record is what the core's returns flow will receive: each
/// line names the OrderCore order (<see cref="WalmartReturnLine.OrderId"/>) and the Walmart line it returns.
/// Dates in the returns API are ISO 8601 text (unlike orders, which use epoch milliseconds).
/// </remarks>
public sealed record WalmartReturn
{
    /// <summary>The return order id (<c>returnOrderId</c>): Walmart's RMA number.</summary>
    public required string ReturnOrderId { get; init; }

    /// <summary>The customer order returned against (<c>customerOrderId</c>).</summary>
    public required string CustomerOrderId { get; init; }

    /// <summary>When the return was created (<c>returnOrderDate</c>).</summary>
    public Instant? ReturnOrderDate { get; init; }

    /// <summary>The date by which the customer must send the items (<c>returnByDate</c>).</summary>
    public Instant? ReturnByDate { get; init; }

    /// <summary><c>refundMode</c>, e.g. <c>POST_DELIVERY</c>.</summary>
    public string? RefundMode { get; init; }

    /// <summary><c>returnType</c>: <c>REFUND</c> or <c>REPLACEMENT</c>.</summary>
    public string? ReturnType { get; init; }

    /// <summary>The replacement customer order, for a replacement return.</summary>
    public string? ReplacementCustomerOrderId { get; init; }

    /// <summary>The total to refund (<c>totalRefundAmount</c>), if given.</summary>
    public Money? TotalRefundAmount { get; init; }

    /// <summary>Where the customer returns it (<c>returnChannel.channelName</c>, e.g. <c>IN_STORE</c>).</summary>
    public string? ReturnChannel { get; init; }

    /// <summary>The returned lines.</summary>
    public required IReadOnlyList<WalmartReturnLine> Lines { get; init; }

    /// <summary>The return labels' carriers and tracking numbers, per line group.</summary>
    public required IReadOnlyList<WalmartReturnTracking> Tracking { get; init; }
}

/// <summary>A returned line.</summary>
public sealed record WalmartReturnLine
{
    /// <summary>The line of the return order (<c>returnOrderLineNumber</c>); refunds through the returns API name it.</summary>
    public required int ReturnOrderLineNumber { get; init; }

    /// <summary>The purchase order of the item (<c>purchaseOrderId</c>).</summary>
    public required string PurchaseOrderId { get; init; }

    /// <summary>The purchase order line (<c>purchaseOrderLineNumber</c>), as the text of Walmart's order line number.</summary>
    public string? PurchaseOrderLineNumber { get; init; }

    /// <summary>The OrderCore order of the purchase order (same id as <c>OrderIntake.IdFor</c> gives it).</summary>
    public required OrderId OrderId { get; init; }

    /// <summary>The seller SKU returned.</summary>
    public required string Sku { get; init; }

    /// <summary>The product name, if given.</summary>
    public string? ProductName { get; init; }

    /// <summary>Walmart's return reason code, e.g. <c>ARRIVED_LATE</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Units returned (<c>quantity.measurementValue</c>, a whole number).</summary>
    public required int Quantity { get; init; }

    /// <summary>Units already refunded (<c>refundedQty</c>).</summary>
    public int RefundedQuantity { get; init; }

    /// <summary>Price of one unit (<c>unitPrice</c>).</summary>
    public Money? UnitPrice { get; init; }

    /// <summary>The line total to refund, taxes included (<c>chargeTotals</c> <c>lineTotal</c>).</summary>
    public Money? RefundAmount { get; init; }

    /// <summary>The line's taxes (<c>chargeTotals</c> <c>lineTotalTaxes</c>).</summary>
    public Money? TaxAmount { get; init; }

    /// <summary>The return line status, e.g. <c>INITIATED</c>, <c>DELIVERED</c>, <c>COMPLETED</c>.</summary>
    public string? Status { get; init; }

    /// <summary>When the status last changed.</summary>
    public Instant? StatusTime { get; init; }

    /// <summary><c>currentDeliveryStatus</c>, e.g. <c>NOT_SHIPPED</c>.</summary>
    public string? CurrentDeliveryStatus { get; init; }

    /// <summary><c>currentRefundStatus</c>, e.g. <c>REFUND_INITIATED</c>.</summary>
    public string? CurrentRefundStatus { get; init; }

    /// <summary>True for a return handled as an exception (hazmat, freight…).</summary>
    public bool IsReturnForException { get; init; }
}

/// <summary>A return label's carrier and tracking for a group of lines.</summary>
/// <param name="GroupNumber">The line group.</param>
/// <param name="ReturnOrderLineNumbers">The return lines in the group.</param>
/// <param name="Carrier">The carrier name, e.g. <c>FEDEX</c>.</param>
/// <param name="ServiceType">The service, e.g. <c>FedEx Ground</c>.</param>
/// <param name="TrackingNumber">The tracking number.</param>
public sealed record WalmartReturnTracking(int? GroupNumber, IReadOnlyList<int> ReturnOrderLineNumbers, string? Carrier, string? ServiceType, string? TrackingNumber);

/// <summary>The returns of one <c>GET /v3/returns</c> page, the ones that could not be mapped, and the paging cursor.</summary>
/// <param name="Returns">The mapped returns.</param>
/// <param name="Rejections">One entry per return that could not be mapped, naming the field.</param>
/// <param name="NextCursor"><c>meta.nextCursor</c> exactly as received, or null on the last page.</param>
/// <param name="TotalCount"><c>meta.totalCount</c>, if given.</param>
public sealed record WalmartReturnBatch(IReadOnlyList<WalmartReturn> Returns, IReadOnlyList<Orders.WalmartOrderRejection> Rejections, string? NextCursor, int? TotalCount);
