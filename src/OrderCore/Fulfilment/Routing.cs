using OrderCore.Inventory;
using OrderCore.Orders;

namespace OrderCore.Fulfilment;

/// <summary>Units of one SKU an order line needs. Kit lines are expanded into one demand line per component.</summary>
/// <param name="Line">The order line.</param>
/// <param name="Sku">The SKU to draw (a component SKU for kits).</param>
/// <param name="Quantity">Units, ≥ 1.</param>
public readonly record struct DemandLine(OrderLineId Line, Sku Sku, int Quantity);

/// <summary>What a router needs to know about an order. Pure data.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Owner">The owner: only this owner's balances may be drawn.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Account">The channel account.</param>
/// <param name="FulfilmentChannel">Merchant or marketplace.</param>
/// <param name="ServiceLevel">The service level.</param>
/// <param name="ShipTo">The destination, if known.</param>
/// <param name="Tags">Order tags.</param>
/// <param name="Lines">The demand, in line order.</param>
public sealed record RoutingRequest(
    OrderId OrderId, OwnerId Owner, ChannelId Channel, ChannelAccountId Account, FulfilmentChannel FulfilmentChannel,
    ServiceLevel ServiceLevel, Address? ShipTo, IReadOnlyList<string> Tags, IReadOnlyList<DemandLine> Lines);

/// <summary>Units of one balance a decision draws for one order line.</summary>
/// <param name="Line">The order line.</param>
/// <param name="Key">The balance (location, status, lot) drawn from.</param>
/// <param name="Quantity">Units, ≥ 1.</param>
public readonly record struct RoutedLine(OrderLineId Line, BalanceKey Key, int Quantity);

/// <summary>A SKU the router could not cover.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Requested">Units the order needs in total (summed over its lines).</param>
/// <param name="BestAvailable">The most any eligible location could offer.</param>
public sealed record RoutingShortage(Sku Sku, int Requested, int BestAvailable);

/// <summary>
/// Where each unit of an order comes from, or why it cannot be routed, with a trace of the reasoning. The reservation
/// reserves exactly <see cref="Lines"/>: the check and the reservation are one computation.
/// </summary>
/// <param name="IsRouted">True when every unit has a source.</param>
/// <param name="Lines">The sources, when routed.</param>
/// <param name="Shortages">What is missing, when not routed.</param>
/// <param name="Trace">Human-readable steps: each location considered and why it was taken or passed over.</param>
public sealed record RoutingDecision(bool IsRouted, IReadOnlyList<RoutedLine> Lines, IReadOnlyList<RoutingShortage> Shortages, IReadOnlyList<string> Trace)
{
    /// <summary>The first location drawn from, when routed.</summary>
    public LocationId? PrimaryLocation => IsRouted && Lines.Count > 0 ? Lines[0].Key.Location : null;
}

/// <summary>
/// Decides where an order's units come from. Implementations are pure and deterministic: equal inputs give equal
/// decisions (DESIGN invariant 7). The <c>OrderCore.Routing</c> package provides them.
/// </summary>
public interface IOrderRouter
{
    /// <summary>Routes <paramref name="request"/> against <paramref name="balances"/> (every balance of each demanded SKU of the request's owner).</summary>
    RoutingDecision Route(RoutingRequest request, IReadOnlyDictionary<Sku, IReadOnlyList<InventoryBalance>> balances);
}
