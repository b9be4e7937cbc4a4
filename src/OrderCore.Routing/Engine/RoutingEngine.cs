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
    private const string Failed = "";
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

        string? lastUnfillable = null;
        var anyMatched = false;
        RoutingShortage[]? lastShortages = null;
        foreach (var rule in RuleSet.CompiledRules)
        {
            var fails = Fails(rule, request, t is not null);
            if (fails is not null)
            {
                t?.Rules.Add(new RuleTrace(rule.Name, false, fails));
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
    private static int PrepareDemand(RoutingRequest request, RoutingInventory inventory, Workspace ws, Tracer? t)
    {
        var lines = request.Lines;
        var d = lines.Count;
        ws.EnsureDemand(d);
        var k = 0;
        var items = 0;
        for (var i = 0; i < d; i++)
        {
            var line = lines[i];
            if (line.Quantity < 1) throw new ArgumentException($"Demand line {i} ({line.Sku}) needs a quantity of at least 1, not {line.Quantity}.", nameof(request));
            var s = -1;
            for (var j = 0; j < k; j++)
            {
                if (ws.Skus[j] == line.Sku)
                {
                    s = j;
                    break;
                }
            }
            if (s < 0)
            {
                s = k++;
                ws.Skus[s] = line.Sku;
                ws.Stocks[s] = inventory.Find(line.Sku);
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

    /// <summary>The first condition of <paramref name="rule"/> that fails for the request, or null when all hold.</summary>
    private static string? Fails(CompiledRule rule, RoutingRequest r, bool explain)
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
            if (!ok) return explain ? $"when.channels: {r.Channel}/{r.Account} not in [{string.Join(", ", rule.Channels.Select(c => c.Account is null ? c.Channel.ToString() : $"{c.Channel}/{c.Account}"))}]" : Failed;
        }
        if (w.FulfilmentChannel is { } fc && fc != r.FulfilmentChannel) return explain ? $"when.fulfilment_channel: {r.FulfilmentChannel} is not {fc}" : Failed;
        if (rule.ServiceMask != 0 && !CompiledRule.HasServiceLevel(rule.ServiceMask, r.ServiceLevel))
        {
            return explain ? $"when.service_levels: {r.ServiceLevel} not in [{string.Join(", ", w.ServiceLevels)}]" : Failed;
        }
        if (rule.Countries.Length > 0 && !ContainsIgnoreCase(rule.Countries, r.ShipTo?.CountryCode))
        {
            return explain ? $"when.destination.countries: {r.ShipTo?.CountryCode ?? "(none)"} not in [{string.Join(", ", rule.Countries)}]" : Failed;
        }
        if (rule.Regions.Length > 0 && !RegionMatches(rule.Regions, r.ShipTo))
        {
            return explain ? $"when.destination.regions: {r.ShipTo?.CountryCode ?? "?"}/{r.ShipTo?.Region ?? "(none)"} not in [{string.Join(", ", w.Regions)}]" : Failed;
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
            if (!ok) return explain ? $"when.destination.postal_prefixes: {postal ?? "(none)"} starts with none of [{string.Join(", ", rule.PostalPrefixes)}]" : Failed;
        }
        if (rule.TagsAll.Length > 0)
        {
            foreach (var tag in rule.TagsAll)
            {
                if (!HasTag(r.Tags, tag)) return explain ? $"when.tags.all: tag '{tag}' missing" : Failed;
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
            if (!ok) return explain ? $"when.tags.any: none of [{string.Join(", ", rule.TagsAny)}]" : Failed;
        }
        foreach (var tag in rule.TagsNone)
        {
            if (HasTag(r.Tags, tag)) return explain ? $"when.tags.none: has tag '{tag}'" : Failed;
        }
        if (w.OrderValue is { } range)
        {
            if (r.OrderValue is not { } value || value.Currency != range.Currency) return explain ? $"when.order_value: value {(r.OrderValue?.ToString() ?? "unknown")} is not in {range.Currency}" : Failed;
            if ((range.Min is { } min && value.Amount < min) || (range.Max is { } max && value.Amount > max))
            {
                return explain ? $"when.order_value: {value} outside [{range.Min?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {range.Max?.ToString(CultureInfo.InvariantCulture) ?? "-"}]" : Failed;
            }
        }
        if (w.MinLines is not null || w.MaxLines is not null)
        {
            var n = r.EffectiveLineCount;
            if ((w.MinLines is { } lo && n < lo) || (w.MaxLines is { } hi && n > hi)) return explain ? $"when.line_count: {n} lines outside [{w.MinLines?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {w.MaxLines?.ToString(CultureInfo.InvariantCulture) ?? "-"}]" : Failed;
        }
        if (w.ShipByWithin is { } within)
        {
            if (r.ShipBy is not { } shipBy || r.AsOf is not { } asOf) return explain ? "when.ship_by_within: the order has no ship-by (or the request no as-of instant)" : Failed;
            if (shipBy - asOf > within) return explain ? $"when.ship_by_within: ship-by is {Hours(shipBy - asOf)} h away, more than {Hours(within)} h" : Failed;
        }
        foreach (var a in rule.Attributes)
        {
            if (!AttributeHolds(a, r)) return explain ? $"when.sku_attributes: {a.Match.ToString().ToLowerInvariant()} line(s) with {a.Name}{(a.Values.Count == 0 ? "" : " in [" + string.Join(", ", a.Values) + "]")} does not hold" : Failed;
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
            if (string.Equals(tags[i]?.Trim(), tag, StringComparison.OrdinalIgnoreCase)) return true;
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
