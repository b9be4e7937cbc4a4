using NodaTime;
using OrderCore.Adapters.Walmart.Orders;

namespace OrderCore.Adapters.Walmart;

/// <summary>Filters of <c>GET /v3/orders</c> and <c>GET /v3/orders/released</c>.</summary>
/// <remarks>
/// Walmart serves only orders created in the last 180 days, at most 200 per page and 20,000 per query. When only a
/// last-modified window is given, the client sets <c>createdStartDate</c> to the start of the 180-day window, because
/// Walmart otherwise defaults it to 7 days ago and would hide older orders that changed.
/// </remarks>
public sealed record WalmartOrderQuery
{
    /// <summary>Orders created at or after this instant (<c>createdStartDate</c>); must lie within <see cref="WalmartOptions.OrderLookback"/>.</summary>
    public Instant? CreatedStart { get; init; }

    /// <summary>Orders created before this instant (<c>createdEndDate</c>).</summary>
    public Instant? CreatedEnd { get; init; }

    /// <summary>Orders modified at or after this instant (<c>lastModifiedStartDate</c>).</summary>
    public Instant? LastModifiedStart { get; init; }

    /// <summary>Orders modified before this instant (<c>lastModifiedEndDate</c>).</summary>
    public Instant? LastModifiedEnd { get; init; }

    /// <summary>Which fulfilment the orders have (<c>shipNodeType</c>).</summary>
    /// <value>Default <see cref="WalmartShipNodeType.SellerFulfilled"/> (Walmart's default).</value>
    public WalmartShipNodeType ShipNodeType { get; init; } = WalmartShipNodeType.SellerFulfilled;

    /// <summary>Only orders with a line in this status (<c>status</c>); not sent for released orders.</summary>
    public WalmartLineStatus? Status { get; init; }

    /// <summary>Only orders with this SKU (<c>sku</c>).</summary>
    public string? Sku { get; init; }

    /// <summary>Only this customer order (<c>customerOrderId</c>).</summary>
    public string? CustomerOrderId { get; init; }

    /// <summary>Page size (<c>limit</c>), 1 to 200; null uses <see cref="WalmartOptions.PageSize"/>.</summary>
    public int? Limit { get; init; }
}

/// <summary>Filters of <c>GET /v3/returns</c>.</summary>
public sealed record WalmartReturnQuery
{
    /// <summary>Returns created at or after this instant (<c>returnCreationStartDate</c>).</summary>
    public Instant? CreatedStart { get; init; }

    /// <summary>Returns created before this instant (<c>returnCreationEndDate</c>).</summary>
    public Instant? CreatedEnd { get; init; }

    /// <summary>Returns modified at or after this instant (<c>returnLastModifiedStartDate</c>).</summary>
    public Instant? LastModifiedStart { get; init; }

    /// <summary>Returns modified before this instant (<c>returnLastModifiedEndDate</c>).</summary>
    public Instant? LastModifiedEnd { get; init; }

    /// <summary><c>INITIATED</c>, <c>DELIVERED</c> or <c>COMPLETED</c> (<c>status</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Only this return (<c>returnOrderId</c>).</summary>
    public string? ReturnOrderId { get; init; }

    /// <summary>Only this customer order (<c>customerOrderId</c>).</summary>
    public string? CustomerOrderId { get; init; }

    /// <summary>Page size (<c>limit</c>), 1 to 200; null uses <see cref="WalmartOptions.PageSize"/>.</summary>
    public int? Limit { get; init; }
}
