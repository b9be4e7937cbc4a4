using NodaTime;
using OrderCore.Inventory;
using OrderCore.Orders;

namespace OrderCore.Routing.Rules;

/// <summary>A channel (and optionally one account on it) a rule applies to.</summary>
/// <param name="Channel">The channel, e.g. <c>shopify</c>.</param>
/// <param name="Account">The account; null for every account of the channel.</param>
public readonly record struct ChannelMatch(ChannelId Channel, ChannelAccountId? Account = null);

/// <summary>A condition on SKU attributes (<see cref="Catalog.Product.Attributes"/>, with the product's category under <c>category</c>).</summary>
/// <param name="Name">The attribute name, compared ordinally (e.g. <c>hazmat</c>, <c>oversize</c>, <c>category</c>).</param>
/// <param name="Values">The values that match, compared ordinally; empty means "the attribute is present with any value".</param>
/// <param name="Match">Which lines it must hold for. A line holds it when its SKU or, for a kit component, its kit has a matching value.</param>
public sealed record SkuAttributeCondition(string Name, IReadOnlyList<string> Values, AttributeMatch Match = AttributeMatch.Any);

/// <summary>An inclusive range of order value in one currency.</summary>
/// <param name="Currency">The currency; an order in another currency, or of unknown value, does not match.</param>
/// <param name="Min">The least value that matches, or null for no lower bound.</param>
/// <param name="Max">The greatest value that matches, or null for no upper bound.</param>
public sealed record OrderValueRange(CurrencyCode Currency, decimal? Min = null, decimal? Max = null);

/// <summary>
/// The conditions of a rule. Every condition that is set must hold (AND); an unset condition (null or empty list)
/// always holds. Text comparisons of countries, regions, postal prefixes and tags ignore case; SKU attributes are ordinal.
/// </summary>
public sealed record RoutingConditions
{
    /// <summary>Conditions that always hold.</summary>
    public static RoutingConditions Always { get; } = new();

    /// <summary>The order's channel (and account) must be one of these. JSON <c>when.channels</c>.</summary>
    public IReadOnlyList<ChannelMatch> Channels { get; init; } = [];

    /// <summary>The fulfilment channel must be this. JSON <c>when.fulfilment_channel</c>.</summary>
    public FulfilmentChannel? FulfilmentChannel { get; init; }

    /// <summary>The destination country (ISO 3166-1 alpha-2) must be one of these. JSON <c>when.destination.countries</c>.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>
    /// The destination region must be one of these: <c>CC-RR</c> (country-qualified, e.g. <c>US-CA</c>) or a bare
    /// region as the address carries it (<c>MAHARASHTRA</c>). JSON <c>when.destination.regions</c>.
    /// </summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The destination postal code must start with one of these. JSON <c>when.destination.postal_prefixes</c>.</summary>
    public IReadOnlyList<string> PostalPrefixes { get; init; } = [];

    /// <summary>The service level must be one of these. JSON <c>when.service_levels</c>.</summary>
    public IReadOnlyList<ServiceLevel> ServiceLevels { get; init; } = [];

    /// <summary>The order must carry every one of these tags. JSON <c>when.tags.all</c>.</summary>
    public IReadOnlyList<string> TagsAll { get; init; } = [];

    /// <summary>The order must carry at least one of these tags. JSON <c>when.tags.any</c>.</summary>
    public IReadOnlyList<string> TagsAny { get; init; } = [];

    /// <summary>The order must carry none of these tags. JSON <c>when.tags.none</c>.</summary>
    public IReadOnlyList<string> TagsNone { get; init; } = [];

    /// <summary>Conditions on SKU attributes; each must hold. JSON <c>when.sku_attributes</c>.</summary>
    public IReadOnlyList<SkuAttributeCondition> SkuAttributes { get; init; } = [];

    /// <summary>The order's value must be in this range. JSON <c>when.order_value</c>.</summary>
    public OrderValueRange? OrderValue { get; init; }

    /// <summary>The order must have at least this many lines. JSON <c>when.line_count.min</c>.</summary>
    public int? MinLines { get; init; }

    /// <summary>The order must have at most this many lines. JSON <c>when.line_count.max</c>.</summary>
    public int? MaxLines { get; init; }

    /// <summary>The order's ship-by must be at most this far after the decision instant (orders without a ship-by do not match). JSON <c>when.ship_by_within</c> (ISO 8601, e.g. <c>PT24H</c>).</summary>
    public Duration? ShipByWithin { get; init; }
}

/// <summary>What a matching rule does.</summary>
public sealed record RoutingActions
{
    /// <summary>Eligible locations, in preference order. Empty together with <see cref="LocationGroups"/> means every location of the rule set. JSON <c>then.locations</c>.</summary>
    public IReadOnlyList<LocationId> Locations { get; init; } = [];

    /// <summary>Eligible location groups; their members follow <see cref="Locations"/> in preference order. JSON <c>then.location_groups</c>.</summary>
    public IReadOnlyList<string> LocationGroups { get; init; } = [];

    /// <summary>Locations never used by this rule, even when listed or in a group. JSON <c>then.exclude_locations</c>.</summary>
    public IReadOnlyList<LocationId> ExcludedLocations { get; init; } = [];

    /// <summary>
    /// Inventory statuses the rule may draw, in preference order. Default <see cref="InventoryStatus.Sellable"/> only: a
    /// rule never draws FBA-bound, in-prep, prepped, held, damaged, quarantined or return-pending units unless it lists
    /// them. JSON <c>then.statuses</c>.
    /// </summary>
    public IReadOnlyList<InventoryStatus> Statuses { get; init; } = [InventoryStatus.Sellable];

    /// <summary>How to rank eligible locations. Default <see cref="RoutingStrategy.Priority"/>. JSON <c>then.strategy</c>.</summary>
    public RoutingStrategy Strategy { get; init; } = RoutingStrategy.Priority;

    /// <summary>The split policy. Default <see cref="SplitPolicy.Never"/>. JSON <c>then.split</c>.</summary>
    public SplitPolicy Split { get; init; } = SplitPolicy.Never;

    /// <summary>Whether each kit line's components ship together from one location. Default true. JSON <c>then.kits_ship_together</c>.</summary>
    public bool KitsShipTogether { get; init; } = true;

    /// <summary>The work queue of the shipments. Default <c>parcel</c>. JSON <c>then.work_queue</c>.</summary>
    public string WorkQueue { get; init; } = "parcel";

    /// <summary>A ship method hint, or null. JSON <c>then.ship_method</c>.</summary>
    public string? ShipMethod { get; init; }

    /// <summary>What to do when the rule cannot fill the order. Default <see cref="UnfillableAction.Exception"/>. JSON <c>then.when_unfillable</c>.</summary>
    public UnfillableAction WhenUnfillable { get; init; } = UnfillableAction.Exception;

    /// <summary>Whether locations that cannot ship before the order's ship-by are excluded. Default <see cref="ShipByPolicy.Ignore"/>. JSON <c>then.ship_by</c>.</summary>
    public ShipByPolicy ShipBy { get; init; } = ShipByPolicy.Ignore;

    /// <summary>When true, locations that ship earlier rank first, before the strategy's own key (for expedited service). Default false. JSON <c>then.prefer_earliest_ship_date</c>.</summary>
    public bool PreferEarliestShipDate { get; init; }

    /// <summary>Locations farther than this from the destination, in kilometres, are excluded; null for no limit. Needs a resolvable destination: when it cannot be placed, no location is excluded for distance. JSON <c>then.max_distance_km</c>.</summary>
    public double? MaxDistanceKm { get; init; }
}

/// <summary>A routing rule: a name, conditions and actions. Rules are evaluated in order; the first that matches decides unless its unfillable action is <see cref="UnfillableKind.NextRule"/>.</summary>
/// <param name="Name">A name unique within the rule set (1–100 characters), used in traces.</param>
/// <param name="When">The conditions.</param>
/// <param name="Then">The actions.</param>
public sealed record RoutingRule(string Name, RoutingConditions When, RoutingActions Then);

/// <summary>A fulfilment location as routing sees it: where it is, when it ships, and the groups it belongs to.</summary>
/// <param name="Id">The location id, as in inventory balances.</param>
public sealed record RoutingLocation(LocationId Id)
{
    /// <summary>Group names (e.g. <c>east</c>, <c>stores</c>), compared ordinally. JSON <c>locations[i].groups</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The location's time zone. Default UTC. JSON <c>time_zone</c> (a TZDB id such as <c>America/New_York</c>).</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>The daily cutoff, local time: an order decided before it ships that working day, after it the next. Null means no cutoff (any time of a working day ships that day). JSON <c>cutoff</c> (<c>HH:mm</c>).</summary>
    public LocalTime? Cutoff { get; init; }

    /// <summary>The days the location ships. Default Monday to Friday. JSON <c>working_days</c> (<c>Mon</c>…<c>Sun</c>).</summary>
    public IReadOnlyList<IsoDayOfWeek> WorkingDays { get; init; } =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    /// <summary>Coordinates, for the nearest strategy and distance limits; when null they come from <see cref="Address"/> through the geo resolver. JSON <c>latitude</c>/<c>longitude</c>.</summary>
    public Geo.GeoPoint? Coordinates { get; init; }

    /// <summary>The location's address, used for coordinates when <see cref="Coordinates"/> is null. JSON <c>address</c>.</summary>
    public Address? Address { get; init; }
}
