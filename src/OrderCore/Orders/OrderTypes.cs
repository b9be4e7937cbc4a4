using NodaTime;

namespace OrderCore.Orders;

/// <summary>Who fulfils an order.</summary>
public enum FulfilmentChannel
{
    /// <summary>The merchant (or its 3PL) picks, packs and ships from its own stock (Amazon MFN, Walmart seller-fulfilled).</summary>
    Merchant,
    /// <summary>The marketplace fulfils from its own network (Amazon AFN/FBA, Walmart WFS). No local stock is reserved; the order counts for demand and KPIs.</summary>
    Marketplace,
}

/// <summary>The delivery speed the buyer paid for.</summary>
public enum ServiceLevel
{
    /// <summary>Standard shipping.</summary>
    Standard,
    /// <summary>Expedited shipping.</summary>
    Expedited,
    /// <summary>Priority shipping.</summary>
    Priority,
    /// <summary>Next-day delivery.</summary>
    NextDay,
    /// <summary>Second-day delivery.</summary>
    SecondDay,
    /// <summary>Scheduled delivery (a buyer-chosen window).</summary>
    Scheduled,
}

/// <summary>The state of a line.</summary>
public enum OrderLineStatus
{
    /// <summary>Live: to be fulfilled.</summary>
    Open,
    /// <summary>Shipped.</summary>
    Shipped,
    /// <summary>Cancelled on its own or with the order; takes no part in mapping, allocation, shipping or sales.</summary>
    Cancelled,
}

/// <summary>Why an order is in the exception queue.</summary>
public enum OrderExceptionReason
{
    /// <summary>A line's channel SKU maps to no product.</summary>
    UnmappedSku,
    /// <summary>A line's alternate key (style, size) maps to several products.</summary>
    AmbiguousSku,
    /// <summary>A merchant-fulfilled order lacks a field needed to ship (city, region, postal code, country).</summary>
    MissingAddress,
    /// <summary>The eligible stock cannot cover the order's units.</summary>
    InsufficientInventory,
    /// <summary>A line has a quantity OrderCore cannot fulfil (zero on a live line).</summary>
    InvalidQuantity,
    /// <summary>A line's SKU is blocked from sale (recall, compliance).</summary>
    BlockedSku,
}

/// <summary>Why an order is held. A held order is not released to the floor.</summary>
public enum HoldReason
{
    /// <summary>Suspected fraud.</summary>
    Fraud,
    /// <summary>Payment not captured.</summary>
    Payment,
    /// <summary>Address needs verification.</summary>
    AddressVerification,
    /// <summary>The customer asked to wait or change the order.</summary>
    CustomerRequest,
    /// <summary>Waiting for stock.</summary>
    Inventory,
    /// <summary>Compliance check (hazmat, export, age).</summary>
    Compliance,
    /// <summary>Placed by an operator.</summary>
    Manual,
}

/// <summary>A hold on an order.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Note">Free text for the operator.</param>
/// <param name="PlacedAt">When.</param>
public sealed record OrderHold(HoldReason Reason, string Note, Instant PlacedAt);

/// <summary>An entry of the exception queue: an order that cannot proceed, the field concerned and why.</summary>
/// <param name="Id">Store-assigned id, ≥ 1.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">The typed reason.</param>
/// <param name="Field">The field path, e.g. <c>lines[2].sku</c> or <c>ship_to.postal_code</c>.</param>
/// <param name="Detail">A human-readable explanation naming the value.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="ResolvedAt">When it was resolved; null while open.</param>
/// <param name="Resolution">How it was resolved (operator note, <c>redrive-passed</c>, <c>order-cancelled</c>).</param>
public sealed record OrderExceptionEntry(long Id, OrderId OrderId, OrderExceptionReason Reason, string Field, string Detail, Instant RaisedAt, Instant? ResolvedAt = null, string? Resolution = null)
{
    /// <summary>True while unresolved.</summary>
    public bool IsOpen => ResolvedAt is null;
}
