using System.Collections.Frozen;
using NodaTime;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Routing.Geo;

namespace OrderCore.Routing.Rules;

/// <summary>
/// An immutable, validated, ordered set of routing rules over a fixed list of locations. Build one with
/// <see cref="RoutingRuleSetBuilder"/> or load one with <see cref="Json.RoutingRulesJson"/>; route with
/// <see cref="Engine.RoutingEngine"/>.
/// </summary>
/// <remarks>
/// <para><b>Evaluation.</b> Rules are tried in order. The first whose conditions all hold plans the order with its
/// actions; if it cannot fill the order, its unfillable action decides (<c>next_rule</c> tries the following rules).
/// When no rule matches, the order is not routed (outcome exception, reason <c>no routing rule matched</c>).</para>
/// <para><b>Ranking and tie-break.</b> Eligible locations are ranked by, in order: (1) the earliest expected ship date,
/// only when the rule sets <see cref="RoutingActions.PreferEarliestShipDate"/>; (2) the strategy's key (priority rank;
/// most usable units of the demanded SKUs; shortest distance, unknown distance last; for fewest shipments, whether the
/// location fills the whole order); (3) the rule's preference order (its listed locations, then its groups' members in
/// group order, then the rule set's location order); (4) the location id, ordinally. Rank (3) is unique per location, so
/// equal inputs always give the same plan.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads and to route with concurrently.</threadsafety>
public sealed class RoutingRuleSet
{
    /// <summary>The version of the JSON format this library reads and writes.</summary>
    public const int FormatVersion = 1;

    internal RoutingRuleSet(string? name, RoutingLocation[] locations, RoutingRule[] rules, InventoryStatus[] customStatuses, IGeoResolver geo)
    {
        Name = name;
        Locations = locations;
        Rules = rules;
        CustomStatuses = customStatuses;
        var statusTable = new List<InventoryStatus>();
        var statusIndex = new Dictionary<InventoryStatus, int>();
        void AddStatus(InventoryStatus s)
        {
            if (statusIndex.TryAdd(s, statusTable.Count)) statusTable.Add(s);
        }
        AddStatus(InventoryStatus.Sellable);
        foreach (var r in rules) foreach (var s in r.Then.Statuses) AddStatus(s);
        StatusTable = statusTable.ToArray();
        StatusIndex = statusIndex.ToFrozenDictionary();
        Compiled = new CompiledLocation[locations.Length];
        var index = new Dictionary<LocationId, int>();
        for (var i = 0; i < locations.Length; i++)
        {
            Compiled[i] = new CompiledLocation(locations[i], i, geo);
            index[locations[i].Id] = i;
        }
        LocationIndex = index.ToFrozenDictionary();
        CompiledRules = rules.Select(r => new CompiledRule(r, this)).ToArray();
        // Per (fulfilment channel, service level), the rules those two conditions let through: the engine skips the
        // rest without looking at them.
        var words = (CompiledRules.Length + 63) / 64;
        AllRules = new ulong[words];
        for (var i = 0; i < CompiledRules.Length; i++) AllRules[i >> 6] |= 1UL << (i & 63);
        RulesByChannelAndLevel = new ulong[FilterFulfilmentChannels * FilterServiceLevels][];
        for (var fc = 0; fc < FilterFulfilmentChannels; fc++)
        {
            for (var sl = 0; sl < FilterServiceLevels; sl++)
            {
                var bits = new ulong[words];
                for (var i = 0; i < CompiledRules.Length; i++)
                {
                    var r = CompiledRules[i];
                    if ((r.FcMask == 0 || (r.FcMask & (1 << fc)) != 0) && (r.ServiceMask == 0 || (r.ServiceMask & (1 << sl)) != 0)) bits[i >> 6] |= 1UL << (i & 63);
                }
                RulesByChannelAndLevel[fc * FilterServiceLevels + sl] = bits;
            }
        }
        RequiresSkuAttributes = rules.Any(r => r.When.SkuAttributes.Count > 0);
        UsesTags = rules.Any(r => r.When.TagsAll.Count + r.When.TagsAny.Count + r.When.TagsNone.Count > 0);
        StatusesInRules = StatusTable;
    }

    /// <summary>The rule set's name, if any.</summary>
    public string? Name { get; }

    /// <summary>The locations, in the rule set's order (the last tie-break before the id).</summary>
    public IReadOnlyList<RoutingLocation> Locations { get; }

    /// <summary>The rules, in evaluation order.</summary>
    public IReadOnlyList<RoutingRule> Rules { get; }

    /// <summary>Custom inventory statuses declared by the rule set (beyond <see cref="InventoryStatus.WellKnown"/>).</summary>
    public IReadOnlyList<InventoryStatus> CustomStatuses { get; }

    /// <summary>The statuses any rule may draw, <see cref="InventoryStatus.Sellable"/> first.</summary>
    public IReadOnlyList<InventoryStatus> StatusesInRules { get; }

    /// <summary>True when some rule has a SKU attribute condition, so requests need <see cref="Fulfilment.RoutingRequest.SkuAttributes"/>.</summary>
    public bool RequiresSkuAttributes { get; }

    internal bool UsesTags { get; }

    private const int FilterFulfilmentChannels = 2;

    private const int FilterServiceLevels = 6;

    internal ulong[] AllRules { get; }

    internal ulong[][] RulesByChannelAndLevel { get; }

    /// <summary>Bits of the rules whose fulfilment-channel and service-level conditions let this pair through.</summary>
    internal ulong[] RuleFilter(FulfilmentChannel fc, ServiceLevel level)
        => (uint)fc < FilterFulfilmentChannels && (uint)level < FilterServiceLevels ? RulesByChannelAndLevel[(int)fc * FilterServiceLevels + (int)level] : AllRules;

    internal InventoryStatus[] StatusTable { get; }

    internal FrozenDictionary<InventoryStatus, int> StatusIndex { get; }

    internal CompiledLocation[] Compiled { get; }

    internal FrozenDictionary<LocationId, int> LocationIndex { get; }

    internal CompiledRule[] CompiledRules { get; }

    /// <summary>The index of a location in <see cref="Locations"/>, or −1.</summary>
    public int IndexOf(LocationId location) => LocationIndex.TryGetValue(location, out var i) ? i : -1;
}

/// <summary>A location ready for routing: coordinates resolved, working days as a bit mask.</summary>
internal sealed class CompiledLocation
{
    private NodaTime.TimeZones.ZoneInterval? _interval;

    public CompiledLocation(RoutingLocation source, int index, IGeoResolver geo)
    {
        Source = source;
        Id = source.Id;
        Index = index;
        Zone = source.TimeZone;
        Cutoff = source.Cutoff;
        foreach (var d in source.WorkingDays) WorkingMask |= 1 << (int)d;
        if (source.Coordinates is { } p) Point = p;
        else if (source.Address is { } a && geo.TryResolve(a, out var r)) Point = r.Point;
    }

    public RoutingLocation Source { get; }

    public LocationId Id { get; }

    public int Index { get; }

    public DateTimeZone Zone { get; }

    public LocalTime? Cutoff { get; }

    public int WorkingMask { get; }

    public GeoPoint? Point { get; }

    public bool IsWorkingDay(IsoDayOfWeek day) => (WorkingMask & (1 << (int)day)) != 0;

    /// <summary>The local date an order decided at <paramref name="asOf"/> ships: today when a working day before cutoff, else the next working day.</summary>
    public LocalDate ShipDate(Instant asOf)
    {
        // The zone interval (offset) around the last instant asked for is cached: most calls fall in it and skip the
        // time zone lookup. ZoneInterval is immutable, so a racing write only costs a lookup.
        var interval = Volatile.Read(ref _interval);
        if (interval is null || !interval.Contains(asOf))
        {
            interval = Zone.GetZoneInterval(asOf);
            Volatile.Write(ref _interval, interval);
        }
        var local = asOf.WithOffset(interval.WallOffset).LocalDateTime;
        var date = local.Date;
        if (IsWorkingDay(date.DayOfWeek) && (Cutoff is not { } c || local.TimeOfDay < c)) return date;
        do date = date.PlusDays(1);
        while (!IsWorkingDay(date.DayOfWeek));
        return date;
    }

    /// <summary>The instant a shipment of <paramref name="date"/> leaves: the cutoff that day, or the end of the day.</summary>
    public Instant LeavesAt(LocalDate date)
        => Cutoff is { } c ? (date + c).InZoneLeniently(Zone).ToInstant() : date.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant() - Duration.Epsilon;
}

/// <summary>A rule ready for routing: candidate locations resolved in preference order, statuses as indices.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(RoutingRule rule, RoutingRuleSet set)
    {
        Source = rule;
        Name = rule.Name;
        var when = rule.When;
        var then = rule.Then;
        Channels = when.Channels.ToArray();
        Countries = when.Countries.Select(c => c.Trim()).ToArray();
        Regions = when.Regions.Select(r =>
        {
            var t = r.Trim();
            return t.Length > 3 && t[2] == '-' ? (Country: (string?)t[..2], Region: t[3..]) : (Country: null, Region: t);
        }).ToArray();
        PostalPrefixes = when.PostalPrefixes.Select(p => Address.NormalizePostalCode(p) ?? "").ToArray();
        foreach (var s in when.ServiceLevels) ServiceMask |= 1 << (int)s;
        FcMask = when.FulfilmentChannel is { } fc ? 1 << (int)fc : 0;
        ChannelHashes = Channels.Select(c => c.Channel.GetHashCode()).ToArray();
        TagsAll = when.TagsAll.Select(t => t.Trim()).ToArray();
        TagsAny = when.TagsAny.Select(t => t.Trim()).ToArray();
        TagsNone = when.TagsNone.Select(t => t.Trim()).ToArray();
        TagsAllHashes = TagsAll.Select(TagHash).ToArray();
        TagsAnyHashes = TagsAny.Select(TagHash).ToArray();
        TagsNoneHashes = TagsNone.Select(TagHash).ToArray();
        Attributes = when.SkuAttributes.ToArray();

        var n = set.Compiled.Length;
        var order = new List<int>();
        var seen = new bool[n];
        void Add(int i)
        {
            if (i >= 0 && !seen[i])
            {
                seen[i] = true;
                order.Add(i);
            }
        }
        foreach (var l in then.Locations) Add(set.IndexOf(l));
        foreach (var g in then.LocationGroups)
        {
            for (var i = 0; i < n; i++)
            {
                if (set.Locations[i].Groups.Contains(g, StringComparer.Ordinal)) Add(i);
            }
        }
        if (then.Locations.Count == 0 && then.LocationGroups.Count == 0) for (var i = 0; i < n; i++) Add(i);
        var excluded = new bool[n];
        foreach (var l in then.ExcludedLocations)
        {
            var i = set.IndexOf(l);
            if (i >= 0) excluded[i] = true;
        }
        Candidates = order.Where(i => !excluded[i]).ToArray();
        NotCandidateReason = new string?[n];
        for (var i = 0; i < n; i++)
        {
            if (excluded[i]) NotCandidateReason[i] = "excluded by rule";
            else if (!seen[i]) NotCandidateReason[i] = "not in the rule's locations";
        }
        Statuses = then.Statuses.Select(s => set.StatusIndex[s]).ToArray();
        NeedsShipDate = then.ShipBy == ShipByPolicy.ExcludeLate || then.PreferEarliestShipDate;
        NeedsDistance = then.Strategy == RoutingStrategy.Nearest || then.MaxDistanceKm is not null;
    }

    public RoutingRule Source { get; }

    public string Name { get; }

    public ChannelMatch[] Channels { get; }

    public string[] Countries { get; }

    public (string? Country, string Region)[] Regions { get; }

    public string[] PostalPrefixes { get; }

    public int ServiceMask { get; }

    /// <summary>The bit of the required fulfilment channel, or 0 for any.</summary>
    public int FcMask { get; }

    public int[] ChannelHashes { get; }

    public int[] TagsAllHashes { get; }

    public int[] TagsAnyHashes { get; }

    public int[] TagsNoneHashes { get; }

    /// <summary>The hash tags are compared by: trimmed, case-insensitive.</summary>
    public static int TagHash(string tag) => string.GetHashCode(tag.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

    public string[] TagsAll { get; }

    public string[] TagsAny { get; }

    public string[] TagsNone { get; }

    public SkuAttributeCondition[] Attributes { get; }

    public int[] Candidates { get; }

    public string?[] NotCandidateReason { get; }

    public int[] Statuses { get; }

    public bool NeedsShipDate { get; }

    public bool NeedsDistance { get; }

    public RoutingActions Then => Source.Then;

    public RoutingConditions When => Source.When;

    public static bool HasServiceLevel(int mask, ServiceLevel level) => (mask & (1 << (int)level)) != 0;
}
