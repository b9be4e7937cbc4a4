using NodaTime;
using OrderCore.Inventory;
using OrderCore.Orders;

namespace OrderCore.Fulfilment;

/// <summary>Units of one SKU an order line needs. Kit lines are expanded into one demand line per component.</summary>
/// <param name="Line">The order line.</param>
/// <param name="Sku">The SKU to draw (a component SKU for kits).</param>
/// <param name="Quantity">Units, ≥ 1.</param>
/// <param name="Kit">
/// The kit SKU the line ordered when <paramref name="Sku"/> is one of its components; null for a plain line. Demand lines
/// with the same <paramref name="Line"/> and <paramref name="Kit"/> form one kit group, which a router ships from one
/// location unless its rules say otherwise.
/// </param>
public readonly record struct DemandLine(OrderLineId Line, Sku Sku, int Quantity, Sku? Kit = null);

/// <summary>What a router needs to know about an order. Pure data.</summary>
/// <remarks>
/// The init-only properties after the constructor parameters are optional context for rule-based routers; a router
/// treats a null value as "not known" (a condition on it does not match).
/// </remarks>
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
    ServiceLevel ServiceLevel, Address? ShipTo, IReadOnlyList<string> Tags, IReadOnlyList<DemandLine> Lines)
{
    /// <summary>The instant the decision is made, used for cutoffs and the expected ship date; null when unknown (no ship date is computed).</summary>
    public Instant? AsOf { get; init; }

    /// <summary>The latest instant the order may ship, if the channel sets one.</summary>
    public Instant? ShipBy { get; init; }

    /// <summary>The value of the order's open lines, when known and in one currency.</summary>
    public Money? OrderValue { get; init; }

    /// <summary>The number of order lines being routed (not demand lines); null means the number of distinct <see cref="DemandLine.Line"/> values.</summary>
    public int? LineCount { get; init; }

    /// <summary>
    /// Attributes of the SKUs of the order (ordered SKUs, kits and components), for attribute conditions: each SKU maps to
    /// name → value, compared ordinally. A product's category is given under the name <c>category</c>. Null when the
    /// caller did not load them.
    /// </summary>
    public IReadOnlyDictionary<Sku, IReadOnlyDictionary<string, string>>? SkuAttributes { get; init; }

    /// <summary>Locations the router must not use for this request (e.g. a location that rejected the order on a re-route). Null or empty for none.</summary>
    public IReadOnlyCollection<LocationId>? ExcludedLocations { get; init; }

    /// <summary>The number of order lines: <see cref="LineCount"/>, or the number of distinct demand lines' order lines.</summary>
    public int EffectiveLineCount
    {
        get
        {
            if (LineCount is { } n) return n;
            var count = 0;
            for (var i = 0; i < Lines.Count; i++)
            {
                var seen = false;
                for (var j = 0; j < i && !seen; j++) seen = Lines[j].Line == Lines[i].Line;
                if (!seen) count++;
            }
            return count;
        }
    }
}

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

/// <summary>What a routing decision says should happen to the order.</summary>
public enum RoutingOutcome
{
    /// <summary>Every unit has a source: reserve <see cref="RoutingDecision.Lines"/>.</summary>
    Routed,
    /// <summary>The order cannot be covered and should go to the exception queue (the default for an unfillable order).</summary>
    Exception,
    /// <summary>The order cannot be covered now and waits for stock, without an exception entry.</summary>
    Backorder,
    /// <summary>The order cannot be covered now and is put on hold with <see cref="RoutingDecision.HoldReason"/>.</summary>
    Hold,
}

/// <summary>One shipment of a routed order: the units one location sends, and how.</summary>
/// <param name="Location">The location that ships.</param>
/// <param name="WorkQueue">The work queue the shipment goes to (e.g. <c>parcel</c>, <c>wholesale</c>, <c>fba-prep</c>, <c>dropship</c>).</param>
/// <param name="ShipMethod">A ship method hint for the floor, if the rule gives one.</param>
/// <param name="ExpectedShipDate">The location's local date the shipment is expected to leave (its next working day before cutoff), when the request has <see cref="RoutingRequest.AsOf"/>.</param>
/// <param name="Lines">The units drawn, a subset of <see cref="RoutingDecision.Lines"/>.</param>
public sealed record RoutedShipment(LocationId Location, string WorkQueue, string? ShipMethod, LocalDate? ExpectedShipDate, IReadOnlyList<RoutedLine> Lines);

/// <summary>How one rule of a rule set fared for one request.</summary>
/// <param name="Rule">The rule name.</param>
/// <param name="Matched">True when every condition held.</param>
/// <param name="Detail">The condition that failed (e.g. <c>when.service_levels: Standard not in [Expedited]</c>), or what the matching rule did (<c>unfillable: next rule</c>, <c>chosen</c>).</param>
public sealed record RuleTrace(string Rule, bool Matched, string Detail);

/// <summary>How one location fared under one matching rule.</summary>
/// <param name="Rule">The rule the location was considered under.</param>
/// <param name="Location">The location.</param>
/// <param name="Eligible">True when the location could take part in the plan.</param>
/// <param name="Reason">Why it was excluded (<c>excluded by rule</c>, <c>not in rule's locations</c>, <c>no stock in eligible statuses</c>, <c>cutoff: ships 2026-12-01, after ship-by</c>…), or a summary of what it could offer when eligible.</param>
/// <param name="Score">The strategy's score (priority rank, units available, kilometres, or units covered); lower ranks first for rank and distance, higher first for units. NaN when not scored.</param>
/// <param name="Units">Usable units of the demanded SKUs at the location, in the rule's eligible statuses.</param>
/// <param name="ExpectedShipDate">The date it would ship, when computed.</param>
public sealed record LocationTrace(string Rule, LocationId Location, bool Eligible, string Reason, double Score, int Units, LocalDate? ExpectedShipDate);

/// <summary>The structured explanation of a decision: every rule considered, every location weighed, and the plan chosen.</summary>
/// <param name="Rules">Each rule in order, up to the one that decided.</param>
/// <param name="Locations">Each location considered under each matching rule.</param>
/// <param name="Plan">The chosen plan, in words (e.g. <c>WH-1: SKU-A×2[Sellable]; 1 shipment</c>), or why none.</param>
/// <param name="Notes">Other facts: negative balances counted as zero, destination resolution, summed demand.</param>
public sealed record RoutingExplanation(IReadOnlyList<RuleTrace> Rules, IReadOnlyList<LocationTrace> Locations, string Plan, IReadOnlyList<string> Notes);

/// <summary>
/// Where each unit of an order comes from, or why it cannot be routed, with a trace of the reasoning. The reservation
/// reserves exactly <see cref="Lines"/>: the check and the reservation are one computation.
/// </summary>
/// <param name="IsRouted">True when every unit has a source.</param>
/// <param name="Lines">The sources, when routed.</param>
/// <param name="Shortages">What is missing, when not routed.</param>
/// <param name="Trace">Human-readable steps: each location considered and why it was taken or passed over. Empty when tracing is off.</param>
public sealed record RoutingDecision(bool IsRouted, IReadOnlyList<RoutedLine> Lines, IReadOnlyList<RoutingShortage> Shortages, IReadOnlyList<string> Trace)
{
    private readonly RoutingOutcome? _outcome;

    /// <summary>The first location drawn from, when routed.</summary>
    public LocationId? PrimaryLocation => IsRouted && Lines.Count > 0 ? Lines[0].Key.Location : null;

    /// <summary>What should happen to the order. Defaults to <see cref="RoutingOutcome.Routed"/> when <see cref="IsRouted"/>, else <see cref="RoutingOutcome.Exception"/>.</summary>
    /// <exception cref="ArgumentException">On init: <see cref="RoutingOutcome.Routed"/> for a decision that is not routed, or another outcome for one that is.</exception>
    public RoutingOutcome Outcome
    {
        get => _outcome ?? (IsRouted ? RoutingOutcome.Routed : RoutingOutcome.Exception);
        init
        {
            if ((value == RoutingOutcome.Routed) != IsRouted) throw new ArgumentException($"Outcome {value} contradicts IsRouted = {IsRouted}.", nameof(value));
            _outcome = value;
        }
    }

    /// <summary>Why the order was not routed, in words (the rule's reason for a hold, backorder or exception), if the router gives one.</summary>
    public string? Reason { get; init; }

    /// <summary>The hold to place when <see cref="Outcome"/> is <see cref="RoutingOutcome.Hold"/>.</summary>
    public HoldReason? HoldReason { get; init; }

    /// <summary>The rule that decided, for rule-based routers.</summary>
    public string? Rule { get; init; }

    /// <summary>The shipments, one per location, when routed; empty when the router does not group them.</summary>
    public IReadOnlyList<RoutedShipment> Shipments { get; init; } = [];

    /// <summary>The structured trace, when the router records one and tracing is on.</summary>
    public RoutingExplanation? Explanation { get; init; }

    /// <summary>The earliest expected ship date over the shipments, if any has one.</summary>
    public LocalDate? ExpectedShipDate
    {
        get
        {
            LocalDate? best = null;
            foreach (var s in Shipments)
            {
                if (s.ExpectedShipDate is { } d && (best is null || d < best)) best = d;
            }
            return best;
        }
    }
}

/// <summary>
/// Decides where an order's units come from. Implementations are pure and deterministic: equal inputs give equal
/// decisions (DESIGN invariant 7). The <c>OrderCore.Routing</c> package provides them.
/// </summary>
public interface IOrderRouter
{
    /// <summary>Routes <paramref name="request"/> against <paramref name="balances"/> (every balance of each demanded SKU of the request's owner).</summary>
    RoutingDecision Route(RoutingRequest request, IReadOnlyDictionary<Sku, IReadOnlyList<InventoryBalance>> balances);

    /// <summary>
    /// True when the router reads <see cref="RoutingRequest.SkuAttributes"/>, so callers load product attributes before
    /// routing. Default false.
    /// </summary>
    bool RequiresSkuAttributes => false;
}
