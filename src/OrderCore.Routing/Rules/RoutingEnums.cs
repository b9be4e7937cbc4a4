using OrderCore.Orders;

namespace OrderCore.Routing.Rules;

/// <summary>How a rule ranks the eligible locations. Ties are broken as <see cref="RoutingRuleSet"/> documents.</summary>
public enum RoutingStrategy
{
    /// <summary>The rule's preference order: its <c>locations</c> in the order listed, then its groups' members, then the rule set's location order. JSON <c>priority</c>.</summary>
    Priority,
    /// <summary>Most usable units of the demanded SKUs first (Saleor's <c>PRIORITIZE_HIGH_STOCK</c>). JSON <c>most_available</c>.</summary>
    MostAvailable,
    /// <summary>Shortest great-circle distance from the location to the destination first, via <see cref="Geo.IGeoResolver"/>. JSON <c>nearest</c>.</summary>
    Nearest,
    /// <summary>As few shipments as possible: a location that fills the whole order first, else a greedy cover taking the location that covers the most remaining units each time. JSON <c>fewest_shipments</c>.</summary>
    FewestShipments,
}

/// <summary>Whether and how an order may ship from several locations.</summary>
public enum SplitKind
{
    /// <summary>One location or unfillable. JSON <c>never</c>.</summary>
    Never,
    /// <summary>Units spill over locations in rank order: each line takes what the best-ranked location has left, then the next. JSON <c>allowed</c>.</summary>
    Allowed,
    /// <summary>Like <see cref="WhenNoSingleLocation"/>, but unfillable when the split needs more than <see cref="SplitPolicy.MaxShipments"/> shipments. JSON <c>at_most</c>.</summary>
    AtMost,
    /// <summary>One location when any can fill the whole order; otherwise a split as for <see cref="Allowed"/>. JSON <c>when_no_single_location</c>.</summary>
    WhenNoSingleLocation,
}

/// <summary>A split policy: its kind and, for <see cref="SplitKind.AtMost"/>, the most shipments allowed.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="MaxShipments">For <see cref="SplitKind.AtMost"/>, the most shipments (≥ 1); otherwise 0 and ignored.</param>
public readonly record struct SplitPolicy(SplitKind Kind, int MaxShipments = 0)
{
    /// <summary>One location or unfillable.</summary>
    public static SplitPolicy Never => new(SplitKind.Never);

    /// <summary>Units spill over locations in rank order.</summary>
    public static SplitPolicy Allowed => new(SplitKind.Allowed);

    /// <summary>Split only when no single location can fill.</summary>
    public static SplitPolicy WhenNoSingleLocation => new(SplitKind.WhenNoSingleLocation);

    /// <summary>At most <paramref name="shipments"/> shipments (validated by the builder: ≥ 1).</summary>
    public static SplitPolicy AtMost(int shipments) => new(SplitKind.AtMost, shipments);

    /// <summary>The JSON form: <c>never</c>, <c>allowed</c>, <c>when_no_single_location</c>, <c>at_most 2</c>.</summary>
    public override string ToString() => Kind switch
    {
        SplitKind.Never => "never",
        SplitKind.Allowed => "allowed",
        SplitKind.WhenNoSingleLocation => "when_no_single_location",
        _ => $"at_most {MaxShipments}",
    };
}

/// <summary>What a matching rule does when it cannot fill the order.</summary>
public enum UnfillableKind
{
    /// <summary>Try the next rule. JSON <c>next_rule</c>.</summary>
    NextRule,
    /// <summary>Backorder: the order waits for stock, no exception entry. JSON <c>backorder</c>.</summary>
    Backorder,
    /// <summary>Put the order on hold with a reason. JSON <c>hold</c>.</summary>
    Hold,
    /// <summary>Raise an exception-queue entry (the default). JSON <c>exception</c>.</summary>
    Exception,
}

/// <summary>What a matching rule does when it cannot fill the order, with the reason recorded on the decision.</summary>
/// <param name="Kind">The action.</param>
/// <param name="Reason">Free text for the operator (recorded as <see cref="Fulfilment.RoutingDecision.Reason"/>), or null.</param>
/// <param name="HoldReason">For <see cref="UnfillableKind.Hold"/>, the typed hold; null means <see cref="Orders.HoldReason.Inventory"/>.</param>
public sealed record UnfillableAction(UnfillableKind Kind, string? Reason = null, HoldReason? HoldReason = null)
{
    /// <summary>Try the next rule.</summary>
    public static UnfillableAction NextRule { get; } = new(UnfillableKind.NextRule);

    /// <summary>Raise an exception-queue entry.</summary>
    public static UnfillableAction Exception { get; } = new(UnfillableKind.Exception);

    /// <summary>Backorder.</summary>
    public static UnfillableAction Backorder { get; } = new(UnfillableKind.Backorder);

    /// <summary>Hold with <paramref name="reason"/> (default <see cref="Orders.HoldReason.Inventory"/>) and a note.</summary>
    public static UnfillableAction Hold(HoldReason reason = Orders.HoldReason.Inventory, string? note = null) => new(UnfillableKind.Hold, note, reason);
}

/// <summary>How a rule treats the order's ship-by deadline.</summary>
public enum ShipByPolicy
{
    /// <summary>Ship-by does not exclude locations. JSON <c>ignore</c>.</summary>
    Ignore,
    /// <summary>A location whose next cutoff is after the order's ship-by is excluded. Orders without a ship-by, or requests without <see cref="Fulfilment.RoutingRequest.AsOf"/>, exclude nothing. JSON <c>exclude_late</c>.</summary>
    ExcludeLate,
}

/// <summary>Which lines a SKU attribute condition must hold for.</summary>
public enum AttributeMatch
{
    /// <summary>At least one demanded SKU (or its kit) has the attribute. JSON <c>any</c>.</summary>
    Any,
    /// <summary>Every demand line's SKU (or its kit) has the attribute. JSON <c>all</c>.</summary>
    All,
    /// <summary>No demanded SKU (nor its kit) has the attribute. JSON <c>none</c>.</summary>
    None,
}
