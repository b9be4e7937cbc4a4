using NodaTime;

namespace OrderCore.Orders;

/// <summary>
/// The canonical form of an order as a channel sent it. Adapters map Shopify, Amazon, Walmart and wholesale payloads to
/// this; <see cref="OrderIntake"/> imports it idempotently on (owner, channel, account, external id).
/// </summary>
/// <remarks>
/// <see cref="Version"/> orders versions of the same order: a higher version replaces a lower one, an equal one is a
/// no-op and a lower one is ignored. Adapters use the channel's version counter or its last-updated time in
/// milliseconds since the Unix epoch. Each line's <see cref="ChannelOrderLine.IsCancelled"/> marks a line-level
/// cancellation; <see cref="IsCancelled"/> marks the whole order.
/// </remarks>
public sealed record ChannelOrder
{
    /// <summary>The merchant the order belongs to.</summary>
    public required OwnerId Owner { get; init; }

    /// <summary>The channel, e.g. <c>amazon</c>.</summary>
    public required ChannelId Channel { get; init; }

    /// <summary>The account on the channel.</summary>
    public required ChannelAccountId Account { get; init; }

    /// <summary>The channel's order id, e.g. <c>408-3526661-0965957</c>.</summary>
    public required string ExternalOrderId { get; init; }

    /// <summary>Version of this payload; higher is newer (see remarks).</summary>
    public long Version { get; init; }

    /// <summary>When the buyer placed the order.</summary>
    public required Instant PlacedAt { get; init; }

    /// <summary>Who fulfils it.</summary>
    public required FulfilmentChannel FulfilmentChannel { get; init; }

    /// <summary>The service level.</summary>
    public ServiceLevel ServiceLevel { get; init; } = ServiceLevel.Standard;

    /// <summary>Where to ship; may be null for marketplace-fulfilled orders.</summary>
    public Address? ShipTo { get; init; }

    /// <summary>The latest time the order may ship, if the channel sets one.</summary>
    public Instant? ShipBy { get; init; }

    /// <summary>The channel's own status text, recorded as-is (e.g. <c>Shipped - Delivered to Buyer</c>).</summary>
    public string? ChannelStatus { get; init; }

    /// <summary>True when the channel cancelled the whole order.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>Tags for routing and reporting.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The lines, in the channel's order.</summary>
    public required IReadOnlyList<ChannelOrderLine> Lines { get; init; }
}

/// <summary>A line of a <see cref="ChannelOrder"/>.</summary>
public sealed record ChannelOrderLine
{
    /// <summary>The channel's line id, if it has one.</summary>
    public string? ExternalLineId { get; init; }

    /// <summary>The channel's SKU (listing SKU, seller SKU); blank when the channel only gives an alternate key.</summary>
    public string? ExternalSku { get; init; }

    /// <summary>Style or design number, used with <see cref="Size"/> to resolve a SKU when <see cref="ExternalSku"/> is blank.</summary>
    public string? Style { get; init; }

    /// <summary>Size, used with <see cref="Style"/>.</summary>
    public string? Size { get; init; }

    /// <summary>Units ordered, in the SKU's base unit, ≥ 0 (a cancelled line may carry 0).</summary>
    public required int Quantity { get; init; }

    /// <summary>Price of one unit, if known.</summary>
    public Money? UnitPrice { get; init; }

    /// <summary>The line's total amount as the channel states it, if known; otherwise unit price × quantity when that is known.</summary>
    public Money? Amount { get; init; }

    /// <summary>True when this line alone was cancelled.</summary>
    public bool IsCancelled { get; init; }
}
