using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderCore.Fulfilment;
using OrderCore.Inventory;

namespace OrderCore.Routing;

/// <summary>Options of <see cref="PriorityOrderRouter"/>.</summary>
public sealed class PriorityRoutingOptions
{
    /// <summary>The eligible locations in order of preference. Required: at least one.</summary>
    public IList<LocationId> Locations { get; } = new List<LocationId>();

    /// <summary>The inventory statuses a merchant-fulfilled order may draw, in order of preference.</summary>
    /// <value>Default <see cref="InventoryStatus.Sellable"/> only: FBA-bound, in-prep, prepped, held, damaged, quarantined and return-pending units are never drawn unless listed here.</value>
    public IList<InventoryStatus> Statuses { get; } = new List<InventoryStatus> { InventoryStatus.Sellable };
}

/// <summary>
/// The seed router: sends the whole order to the first location, in preference order, whose eligible statuses cover
/// every SKU's total demand; no splitting. Within that location, each line draws from statuses in preference order,
/// then lots in lot-code order. A balance with negative availability contributes 0 and never hides stock elsewhere.
/// </summary>
/// <remarks>Pure and deterministic: equal inputs give equal decisions. Lines of the same SKU are summed before the check.</remarks>
/// <threadsafety>Immutable after construction; safe to share.</threadsafety>
public sealed class PriorityOrderRouter : IOrderRouter
{
    private readonly LocationId[] _locations;
    private readonly InventoryStatus[] _statuses;

    /// <summary>Creates the router.</summary>
    /// <exception cref="ArgumentException">No location or no status, or a default value among them.</exception>
    public PriorityOrderRouter(IEnumerable<LocationId> locations, IEnumerable<InventoryStatus>? statuses = null)
    {
        ArgumentNullException.ThrowIfNull(locations);
        _locations = locations.Distinct().ToArray();
        _statuses = (statuses ?? [InventoryStatus.Sellable]).Distinct().ToArray();
        if (_locations.Length == 0 || _locations.Any(l => l.IsDefault)) throw new ArgumentException("At least one eligible location is required.", nameof(locations));
        if (_statuses.Length == 0 || _statuses.Any(s => s.IsDefault)) throw new ArgumentException("At least one eligible status is required.", nameof(statuses));
    }

    /// <summary>Creates the router from options.</summary>
    public PriorityOrderRouter(IOptions<PriorityRoutingOptions> options)
        : this(options.Value.Locations, options.Value.Statuses) { }

    /// <summary>The eligible locations in preference order.</summary>
    public IReadOnlyList<LocationId> Locations => _locations;

    /// <summary>The eligible statuses in preference order.</summary>
    public IReadOnlyList<InventoryStatus> Statuses => _statuses;

    /// <inheritdoc />
    public RoutingDecision Route(RoutingRequest request, IReadOnlyDictionary<Sku, IReadOnlyList<InventoryBalance>> balances)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(balances);
        var totals = new Dictionary<Sku, int>();
        var skuOrder = new List<Sku>();
        foreach (var d in request.Lines)
        {
            if (!totals.ContainsKey(d.Sku)) skuOrder.Add(d.Sku);
            totals[d.Sku] = checked(totals.GetValueOrDefault(d.Sku) + d.Quantity);
        }
        var trace = new List<string>();
        var best = skuOrder.ToDictionary(s => s, _ => 0);
        foreach (var location in _locations)
        {
            var sources = new Dictionary<Sku, List<(BalanceKey Key, int Usable)>>();
            string? shortOf = null;
            foreach (var sku in skuOrder)
            {
                var list = Eligible(request.Owner, sku, location, balances);
                var usable = list.Sum(x => x.Usable);
                best[sku] = Math.Max(best[sku], usable);
                sources[sku] = list;
                if (usable < totals[sku] && shortOf is null) shortOf = $"{sku} needs {totals[sku]}, has {usable}";
            }
            if (shortOf is not null)
            {
                trace.Add($"{location}: passed over ({shortOf})");
                continue;
            }
            trace.Add($"{location}: chosen (covers all {skuOrder.Count} SKU(s))");
            var lines = new List<RoutedLine>();
            var remaining = sources.ToDictionary(s => s.Key, s => s.Value.Select(x => x.Usable).ToArray());
            foreach (var d in request.Lines)
            {
                var need = d.Quantity;
                var src = sources[d.Sku];
                var rem = remaining[d.Sku];
                for (var i = 0; i < src.Count && need > 0; i++)
                {
                    var take = Math.Min(need, rem[i]);
                    if (take == 0) continue;
                    lines.Add(new RoutedLine(d.Line, src[i].Key, take));
                    rem[i] -= take;
                    need -= take;
                }
            }
            return new RoutingDecision(true, lines, [], trace);
        }
        var shortages = skuOrder.Where(s => best[s] < totals[s]).Select(s => new RoutingShortage(s, totals[s], best[s])).ToArray();
        if (shortages.Length == 0)
        {
            // Every SKU is covered somewhere, but no single location covers them all.
            shortages = skuOrder.Select(s => new RoutingShortage(s, totals[s], best[s])).ToArray();
        }
        trace.Add("no single eligible location covers the order; splitting is not allowed");
        return new RoutingDecision(false, [], shortages, trace);
    }

    private List<(BalanceKey Key, int Usable)> Eligible(OwnerId owner, Sku sku, LocationId location, IReadOnlyDictionary<Sku, IReadOnlyList<InventoryBalance>> balances)
    {
        var result = new List<(BalanceKey, int)>();
        if (!balances.TryGetValue(sku, out var list)) return result;
        foreach (var status in _statuses)
        {
            foreach (var b in list.Where(b => b.Key.Owner == owner && b.Key.Location == location && b.Key.Status == status).OrderBy(b => b.Key.Lot?.Code, StringComparer.Ordinal))
            {
                if (b.UsableAvailable > 0) result.Add((b.Key, b.UsableAvailable));
            }
        }
        return result;
    }
}

/// <summary>Registers the seed router.</summary>
public static class RoutingOrderCoreBuilderExtensions
{
    /// <summary>Registers <see cref="PriorityOrderRouter"/> as the <see cref="IOrderRouter"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IOrderCoreBuilder AddPriorityRouting(this IOrderCoreBuilder builder, Action<PriorityRoutingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PriorityRoutingOptions>().Configure(configure)
            .Validate(o => o.Locations.Count > 0, "PriorityRoutingOptions.Locations needs at least one location.")
            .Validate(o => o.Statuses.Count > 0, "PriorityRoutingOptions.Statuses needs at least one status.")
            .ValidateOnStart();
        // A factory, not the type: the container can satisfy both public constructors (IEnumerable<LocationId> resolves to
        // an empty sequence) and refuses to pick one.
        builder.Services.Replace(ServiceDescriptor.Singleton<IOrderRouter>(sp => new PriorityOrderRouter(sp.GetRequiredService<IOptions<PriorityRoutingOptions>>())));
        return builder;
    }
}
