using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Routing.Geo;
using OrderCore.Routing.Rules;

namespace OrderCore.Routing.Engine;

/// <summary>Options of a <see cref="RoutingEngine"/>.</summary>
public sealed class RoutingEngineOptions
{
    /// <summary>Whether decisions carry a trace unless the call says otherwise.</summary>
    /// <value>Default true: every decision can say why. Turn it off on hot paths; <see cref="RoutingEngine.Route(RoutingRequest, RoutingInventory, bool)"/> overrides it per call.</value>
    public bool Trace { get; set; } = true;

    /// <summary>Places destinations for the nearest strategy and distance limits.</summary>
    /// <value>Default <see cref="CentroidGeoResolver.Default"/>.</value>
    public IGeoResolver GeoResolver { get; set; } = CentroidGeoResolver.Default;
}

/// <summary>
/// The rule-based router: evaluates a <see cref="RoutingRuleSet"/> against an order and an inventory snapshot and
/// returns where each unit ships from, in which shipment, work queue and status, with the expected ship date and, when
/// tracing, why. It implements the core's <see cref="IOrderRouter"/>, so <see cref="OrderFulfilment.AllocateAsync"/>
/// reserves exactly what it decides.
/// </summary>
/// <remarks>
/// <para>Pure and deterministic: equal inputs give equal decisions (the tie-break is documented on
/// <see cref="RoutingRuleSet"/>). It never draws more than a (location, status, lot) balance has usable, never a status
/// the matching rule does not list, and sums demand per SKU (kit components included) before checking a location.</para>
/// <para>The fast entry point is <see cref="Route(RoutingRequest, RoutingInventory, bool)"/> over an indexed
/// <see cref="RoutingInventory"/>: with tracing off it allocates only the returned decision. The
/// <see cref="IOrderRouter"/> entry point indexes the balances it is given first.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to route with from many threads at once.</threadsafety>
public sealed partial class RoutingEngine : IOrderRouter
{
    private readonly IGeoResolver _geo;

    /// <summary>Creates the engine.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public RoutingEngine(RoutingRuleSet ruleSet, RoutingEngineOptions? options = null)
    {
        RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        options ??= new RoutingEngineOptions();
        TraceByDefault = options.Trace;
        _geo = options.GeoResolver ?? CentroidGeoResolver.Default;
    }

    /// <summary>The rule set.</summary>
    public RoutingRuleSet RuleSet { get; }

    /// <summary>Whether decisions carry a trace when the call does not say.</summary>
    public bool TraceByDefault { get; }

    /// <summary>True when a rule has a SKU attribute condition: callers must fill <see cref="RoutingRequest.SkuAttributes"/>.</summary>
    public bool RequiresSkuAttributes => RuleSet.RequiresSkuAttributes;

    /// <summary>Routes against the balances of the request's owner (balances of other owners are ignored), tracing per <see cref="TraceByDefault"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RoutingDecision Route(RoutingRequest request, IReadOnlyDictionary<Sku, IReadOnlyList<InventoryBalance>> balances)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(balances);
        var own = new List<InventoryBalance>();
        foreach (var (_, list) in balances)
        {
            foreach (var b in list)
            {
                if (b.Key.Owner == request.Owner) own.Add(b);
            }
        }
        return Route(request, RoutingInventory.Create(RuleSet, request.Owner, own), TraceByDefault);
    }

    /// <summary>Routes against an indexed snapshot, tracing per <see cref="TraceByDefault"/>.</summary>
    public RoutingDecision Route(RoutingRequest request, RoutingInventory inventory) => Route(request, inventory, TraceByDefault);

    /// <summary>
    /// Routes <paramref name="request"/> against <paramref name="inventory"/>. The snapshot is not changed (see
    /// <see cref="RoutingInventory.Apply"/>).
    /// </summary>
    /// <param name="request">The order. Demand lines need a quantity ≥ 1.</param>
    /// <param name="inventory">The owner's stock indexed for this engine's rule set.</param>
    /// <param name="trace">Whether to record <see cref="RoutingDecision.Trace"/> and <see cref="RoutingDecision.Explanation"/>.</param>
    /// <returns>A routed decision (lines, shipments, expected ship dates), or an unrouted one whose <see cref="RoutingDecision.Outcome"/> says what to do.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The snapshot was indexed for another rule set or belongs to another owner, or a demand line's quantity is below 1.</exception>
    public RoutingDecision Route(RoutingRequest request, RoutingInventory inventory, bool trace)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inventory);
        if (!ReferenceEquals(inventory.RuleSet, RuleSet)) throw new ArgumentException("The inventory was indexed for another rule set.", nameof(inventory));
        if (inventory.Owner != request.Owner) throw new ArgumentException($"The inventory belongs to {inventory.Owner}, the order to {request.Owner}.", nameof(inventory));
        var ws = Workspace.Current;
        var t = trace ? new Tracer() : null;
        var k = PrepareDemand(request, inventory, ws, t);

        var facts = new RequestFacts(request, RuleSet.UsesTags, ws);
        string? lastUnfillable = null;
        var anyMatched = false;
        RoutingShortage[]? lastShortages = null;
        var rules = RuleSet.CompiledRules;
        var filter = RuleSet.RuleFilter(request.FulfilmentChannel, request.ServiceLevel);
        for (var ri = 0; ri < rules.Length; ri++)
        {
            var rule = rules[ri];
            if (((filter[ri >> 6] >> (ri & 63)) & 1) == 0 || !Matches(rule, request, in facts, ws))
            {
                t?.Rules.Add(new RuleTrace(rule.Name, false, Explain(rule, request) ?? "no match"));
                continue;
            }
            anyMatched = true;
            var decision = Plan(rule, request, inventory, ws, k, t, out var shortages);
            if (decision is not null)
            {
                t?.Rules.Add(new RuleTrace(rule.Name, true, "chosen"));
                return t is null ? decision : decision with { Trace = t.Flatten(), Explanation = t.Explain() };
            }
            var action = rule.Then.WhenUnfillable;
            lastShortages = shortages;
            lastUnfillable = rule.Name;
            if (action.Kind == UnfillableKind.NextRule)
            {
                t?.Rules.Add(new RuleTrace(rule.Name, true, "unfillable: next rule"));
                continue;
            }
            var outcome = action.Kind switch
            {
                UnfillableKind.Backorder => RoutingOutcome.Backorder,
                UnfillableKind.Hold => RoutingOutcome.Hold,
                _ => RoutingOutcome.Exception,
            };
            t?.Rules.Add(new RuleTrace(rule.Name, true, $"unfillable: {outcome.ToString().ToLowerInvariant()}{(action.Reason is null ? "" : " (" + action.Reason + ")")}"));
            t?.SetPlan($"unfillable under rule '{rule.Name}': {DescribeShortages(shortages)}");
            return new RoutingDecision(false, [], shortages, t?.Flatten() ?? [])
            {
                Outcome = outcome,
                Reason = action.Reason,
                HoldReason = outcome == RoutingOutcome.Hold ? action.HoldReason ?? HoldReason.Inventory : null,
                Rule = rule.Name,
                Explanation = t?.Explain(),
            };
        }
        var reason = anyMatched ? $"unfillable under every matching rule (last: '{lastUnfillable}')" : "no routing rule matched";
        t?.SetPlan(reason);
        return new RoutingDecision(false, [], lastShortages ?? [], t?.Flatten() ?? [])
        {
            Outcome = RoutingOutcome.Exception,
            Reason = reason,
            Rule = lastUnfillable,
            Explanation = t?.Explain(),
        };
    }

    /// <summary>Sums demand per SKU and groups kit lines; returns the number of distinct SKUs.</summary>
    /// <remarks>
    /// The SKU lookups are done in phases over all lines (hash every SKU, then probe every slot, then compare keys), so
    /// the cache misses of different lines overlap instead of queueing one behind the other: with 100k SKUs they, not
    /// the arithmetic, are most of the cost.
    /// </remarks>
    private static int PrepareDemand(RoutingRequest request, RoutingInventory inventory, Workspace ws, Tracer? t)
    {
        var lines = request.Lines;
        var d = lines.Count;
        ws.EnsureDemand(d);
        for (var i = 0; i < d; i++)
        {
            var line = lines[i];
            if (line.Quantity < 1) throw new ArgumentException($"Demand line {i} ({line.Sku}) needs a quantity of at least 1, not {line.Quantity}.", nameof(request));
            ws.LineHash[i] = line.Sku.GetHashCode();
        }
        var k = 0;
        var items = 0;
        for (var i = 0; i < d; i++)
        {
            var line = lines[i];
            var hash = ws.LineHash[i];
            var s = -1;
            for (var j = 0; j < k; j++)
            {
                if (ws.SkuHash[j] == hash && ws.Skus[j] == line.Sku)
                {
                    s = j;
                    break;
                }
            }
            if (s < 0)
            {
                s = k++;
                ws.Skus[s] = line.Sku;
                ws.SkuHash[s] = hash;
                ws.Need[s] = 0;
            }
            ws.Need[s] = checked(ws.Need[s] + line.Quantity);
            ws.LineSku[i] = s;
            // Kit group: same order line and same kit as an earlier demand line.
            var item = -1;
            if (line.Kit is not null)
            {
                for (var j = 0; j < i; j++)
                {
                    if (lines[j].Kit == line.Kit && lines[j].Line == line.Line)
                    {
                        item = ws.LineItem[j];
                        break;
                    }
                }
            }
            ws.LineItem[i] = item < 0 ? items++ : item;
        }
        ws.Touch = inventory.Prefetch(ws.SkuHash, k);
        for (var s = 0; s < k; s++)
        {
            var index = inventory.Lookup(ws.Skus[s], ws.SkuHash[s], out var hasLots);
            ws.SkuIdx[s] = index;
            ws.SkuBase[s] = index < 0 ? -1 : index * inventory.CellsPerSku;
            ws.SkuLots[s] = hasLots ? inventory.StockAt(index).Lots : null;
        }
        if (t is not null)
        {
            for (var s = 0; s < k; s++)
            {
                var count = 0;
                for (var i = 0; i < d; i++) if (ws.LineSku[i] == s) count++;
                if (count > 1) t.Notes.Add($"demand for {ws.Skus[s]} summed over {count} lines: {ws.Need[s]} units");
            }
        }
        return k;
    }

    /// <summary>
    /// True when every condition of <paramref name="rule"/> holds. The hot path: no strings are built (the same checks as
    /// <see cref="Explain"/>, which explains a failure for traces; tests compare the two).
    /// </summary>
    private static bool Matches(CompiledRule rule, RoutingRequest r, in RequestFacts facts, Workspace ws)
    {
        if (rule.FcMask != 0 && (rule.FcMask & facts.FcBit) == 0) return false;
        if (rule.ServiceMask != 0 && (rule.ServiceMask & facts.ServiceBit) == 0) return false;
        var w = rule.When;
        if (rule.Channels.Length > 0)
        {
            var ok = false;
            var channels = rule.Channels;
            var hashes = rule.ChannelHashes;
            for (var i = 0; i < channels.Length; i++)
            {
                if (hashes[i] == facts.ChannelHash && channels[i].Channel == r.Channel && (channels[i].Account is null || channels[i].Account == r.Account))
                {
                    ok = true;
                    break;
                }
            }
            if (!ok) return false;
        }
        if (rule.Countries.Length > 0 && !ContainsIgnoreCase(rule.Countries, r.ShipTo?.CountryCode)) return false;
        if (rule.Regions.Length > 0 && !RegionMatches(rule.Regions, r.ShipTo)) return false;
        if (rule.PostalPrefixes.Length > 0)
        {
            var postal = r.ShipTo?.PostalCode;
            if (postal is null) return false;
            var ok = false;
            foreach (var p in rule.PostalPrefixes)
            {
                if (postal.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                {
                    ok = true;
                    break;
                }
            }
            if (!ok) return false;
        }
        for (var i = 0; i < rule.TagsAll.Length; i++)
        {
            if (!facts.HasTag(r.Tags, rule.TagsAll[i], rule.TagsAllHashes[i], ws)) return false;
        }
        if (rule.TagsAny.Length > 0)
        {
            var ok = false;
            for (var i = 0; i < rule.TagsAny.Length && !ok; i++) ok = facts.HasTag(r.Tags, rule.TagsAny[i], rule.TagsAnyHashes[i], ws);
            if (!ok) return false;
        }
        for (var i = 0; i < rule.TagsNone.Length; i++)
        {
            if (facts.HasTag(r.Tags, rule.TagsNone[i], rule.TagsNoneHashes[i], ws)) return false;
        }
        if (w.OrderValue is { } range)
        {
            if (r.OrderValue is not { } value || value.Currency != range.Currency) return false;
            if ((range.Min is { } min && value.Amount < min) || (range.Max is { } max && value.Amount > max)) return false;
        }
        if (w.MinLines is not null || w.MaxLines is not null)
        {
            var n = r.EffectiveLineCount;
            if ((w.MinLines is { } lo && n < lo) || (w.MaxLines is { } hi && n > hi)) return false;
        }
        if (w.ShipByWithin is { } within)
        {
            if (r.ShipBy is not { } shipBy || r.AsOf is not { } asOf || shipBy - asOf > within) return false;
        }
        foreach (var a in rule.Attributes)
        {
            if (!AttributeHolds(a, r)) return false;
        }
        return true;
    }

    /// <summary>For traces: the first condition of <paramref name="rule"/> that fails for the request, in words, or null when all hold (the cold twin of <see cref="Matches"/>).</summary>
    private static string? Explain(CompiledRule rule, RoutingRequest r)
    {
        var w = rule.When;
        if (rule.Channels.Length > 0)
        {
            var ok = false;
            foreach (var c in rule.Channels)
            {
                if (c.Channel == r.Channel && (c.Account is null || c.Account == r.Account))
                {
                    ok = true;
                    break;
                }
            }
            if (!ok) return $"when.channels: {r.Channel}/{r.Account} not in [{string.Join(", ", rule.Channels.Select(c => c.Account is null ? c.Channel.ToString() : $"{c.Channel}/{c.Account}"))}]";
        }
        if (w.FulfilmentChannel is { } fc && fc != r.FulfilmentChannel) return $"when.fulfilment_channel: {r.FulfilmentChannel} is not {fc}";
        if (rule.ServiceMask != 0 && !CompiledRule.HasServiceLevel(rule.ServiceMask, r.ServiceLevel))
        {
            return $"when.service_levels: {r.ServiceLevel} not in [{string.Join(", ", w.ServiceLevels)}]";
        }
        if (rule.Countries.Length > 0 && !ContainsIgnoreCase(rule.Countries, r.ShipTo?.CountryCode))
        {
            return $"when.destination.countries: {r.ShipTo?.CountryCode ?? "(none)"} not in [{string.Join(", ", rule.Countries)}]";
        }
        if (rule.Regions.Length > 0 && !RegionMatches(rule.Regions, r.ShipTo))
        {
            return $"when.destination.regions: {r.ShipTo?.CountryCode ?? "?"}/{r.ShipTo?.Region ?? "(none)"} not in [{string.Join(", ", w.Regions)}]";
        }
        if (rule.PostalPrefixes.Length > 0)
        {
            var postal = r.ShipTo?.PostalCode;
            var ok = false;
            if (postal is not null)
            {
                foreach (var p in rule.PostalPrefixes)
                {
                    if (postal.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                    {
                        ok = true;
                        break;
                    }
                }
            }
            if (!ok) return $"when.destination.postal_prefixes: {postal ?? "(none)"} starts with none of [{string.Join(", ", rule.PostalPrefixes)}]";
        }
        if (rule.TagsAll.Length > 0)
        {
            foreach (var tag in rule.TagsAll)
            {
                if (!HasTag(r.Tags, tag)) return $"when.tags.all: tag '{tag}' missing";
            }
        }
        if (rule.TagsAny.Length > 0)
        {
            var ok = false;
            foreach (var tag in rule.TagsAny)
            {
                if (HasTag(r.Tags, tag))
                {
                    ok = true;
                    break;
                }
            }
            if (!ok) return $"when.tags.any: none of [{string.Join(", ", rule.TagsAny)}]";
        }
        foreach (var tag in rule.TagsNone)
        {
            if (HasTag(r.Tags, tag)) return $"when.tags.none: has tag '{tag}'";
        }
        if (w.OrderValue is { } range)
        {
            if (r.OrderValue is not { } value || value.Currency != range.Currency) return $"when.order_value: value {(r.OrderValue?.ToString() ?? "unknown")} is not in {range.Currency}";
            if ((range.Min is { } min && value.Amount < min) || (range.Max is { } max && value.Amount > max))
            {
                return $"when.order_value: {value} outside [{range.Min?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {range.Max?.ToString(CultureInfo.InvariantCulture) ?? "-"}]";
            }
        }
        if (w.MinLines is not null || w.MaxLines is not null)
        {
            var n = r.EffectiveLineCount;
            if ((w.MinLines is { } lo && n < lo) || (w.MaxLines is { } hi && n > hi)) return $"when.line_count: {n} lines outside [{w.MinLines?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {w.MaxLines?.ToString(CultureInfo.InvariantCulture) ?? "-"}]";
        }
        if (w.ShipByWithin is { } within)
        {
            if (r.ShipBy is not { } shipBy || r.AsOf is not { } asOf) return "when.ship_by_within: the order has no ship-by (or the request no as-of instant)";
            if (shipBy - asOf > within) return $"when.ship_by_within: ship-by is {Hours(shipBy - asOf)} h away, more than {Hours(within)} h";
        }
        foreach (var a in rule.Attributes)
        {
            if (!AttributeHolds(a, r)) return $"when.sku_attributes: {a.Match.ToString().ToLowerInvariant()} line(s) with {a.Name}{(a.Values.Count == 0 ? "" : " in [" + string.Join(", ", a.Values) + "]")} does not hold";
        }
        return null;
    }

    private static string Hours(Duration d) => d.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool AttributeHolds(SkuAttributeCondition a, RoutingRequest r)
    {
        var any = false;
        var all = true;
        for (var i = 0; i < r.Lines.Count; i++)
        {
            var line = r.Lines[i];
            var has = SkuHas(r, line.Sku, a) || (line.Kit is { } kit && SkuHas(r, kit, a));
            any |= has;
            all &= has;
        }
        return a.Match switch
        {
            AttributeMatch.All => all && r.Lines.Count > 0,
            AttributeMatch.None => !any,
            _ => any,
        };
    }

    private static bool SkuHas(RoutingRequest r, Sku sku, SkuAttributeCondition a)
    {
        if (r.SkuAttributes is null || !r.SkuAttributes.TryGetValue(sku, out var attributes) || !attributes.TryGetValue(a.Name, out var value)) return false;
        if (a.Values.Count == 0) return true;
        for (var i = 0; i < a.Values.Count; i++)
        {
            if (string.Equals(a.Values[i], value, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool HasTag(IReadOnlyList<string> tags, string tag)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] is { } t && t.AsSpan().Trim().Equals(tag, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool ContainsIgnoreCase(string[] values, string? value)
    {
        if (value is null) return false;
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool RegionMatches((string? Country, string Region)[] regions, Address? to)
    {
        if (to?.Region is not { } region) return false;
        foreach (var (country, name) in regions)
        {
            if (country is not null)
            {
                if (!string.Equals(country, to.CountryCode, StringComparison.OrdinalIgnoreCase)) continue;
                // "US-CA" matches a region written "CA" or "US-CA".
                if (string.Equals(name, region, StringComparison.OrdinalIgnoreCase)) return true;
                if (region.Length == name.Length + 3 && region.EndsWith(name, StringComparison.OrdinalIgnoreCase) && region.StartsWith(country, StringComparison.OrdinalIgnoreCase)) return true;
            }
            else if (string.Equals(name, region, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static string DescribeShortages(RoutingShortage[] shortages)
        => shortages.Length == 0 ? "no eligible location" : string.Join("; ", shortages.Select(s => $"{s.Sku} needs {s.Requested}, best location has {s.BestAvailable}"));
}

/// <summary>Facts of a request computed once per routing call, for cheap rule rejection.</summary>
internal readonly struct RequestFacts
{
    public RequestFacts(RoutingRequest request, bool hashTags, Workspace ws)
    {
        FcBit = 1 << (int)request.FulfilmentChannel;
        ServiceBit = 1 << (int)request.ServiceLevel;
        ChannelHash = request.Channel.GetHashCode();
        TagCount = 0;
        if (!hashTags) return;
        var tags = request.Tags;
        Workspace.Grow(ref ws.TagHashes, tags.Count);
        for (var i = 0; i < tags.Count; i++) ws.TagHashes[i] = tags[i] is { } t ? CompiledRule.TagHash(t) : 0;
        TagCount = tags.Count;
    }

    public int FcBit { get; }

    public int ServiceBit { get; }

    public int ChannelHash { get; }

    public int TagCount { get; }

    /// <summary>True when the request carries <paramref name="tag"/> (trimmed, case-insensitive).</summary>
    public bool HasTag(IReadOnlyList<string> tags, string tag, int hash, Workspace ws)
    {
        for (var i = 0; i < TagCount; i++)
        {
            if (ws.TagHashes[i] == hash && tags[i].AsSpan().Trim().Equals(tag, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
