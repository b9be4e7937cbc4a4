using BenchmarkDotNet.Attributes;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Routing.Engine;
using OrderCore.Routing.Rules;

namespace OrderCore.Benchmarks;

/// <summary>How demand and stock are spread in a routing benchmark.</summary>
public enum RoutingDemand
{
    /// <summary>SKUs drawn uniformly from 100k; every SKU stocked (100 units) at all 50 locations.</summary>
    Uniform,
    /// <summary>SKUs drawn Zipf(s = 1) from 100k (a few hot SKUs take most orders); each SKU stocked at about a quarter of the locations, 1 to 40 units, some negative.</summary>
    Skewed,
}

/// <summary>
/// The routing engine's public entry point, <see cref="RoutingEngine.Route(RoutingRequest, RoutingInventory, bool)"/>, over
/// 100k SKUs × 50 locations × 32 rules: 31 rules that do not match the orders (channel, tag, destination, service-level
/// and SKU-attribute conditions) and a last one that routes by priority over all 50 locations, splitting only when no
/// single location fills. Every order evaluates all 32 rules. <c>Mean</c> is ns/order and <c>Allocated</c> bytes/order
/// (<see cref="BenchmarkAttribute.OperationsPerInvoke"/>); the decision (its lines, shipments and trace) is the only
/// allocation.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RoutingBenchmarks
{
    private const int Skus = 100_000;
    private const int Locations = 50;
    private const int OrdersPerInvoke = 1_024;

    private RoutingEngine _engine = null!;
    private RoutingInventory _inventory = null!;
    private RoutingRequest[] _orders = [];

    /// <summary>Lines per order.</summary>
    [Params(1, 3, 10)]
    public int Lines { get; set; }

    /// <summary>How demand and stock are spread.</summary>
    [Params(RoutingDemand.Uniform, RoutingDemand.Skewed)]
    public RoutingDemand Demand { get; set; }

    /// <summary>Whether the decision carries a trace.</summary>
    [Params(false, true)]
    public bool Trace { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = RoutingFixture.RuleSet(Locations);
        _engine = new RoutingEngine(rules);
        _inventory = RoutingInventory.Create(rules, RoutingFixture.Owner, RoutingFixture.Balances(Skus, Locations, Demand));
        _orders = RoutingFixture.Orders(OrdersPerInvoke, Lines, Skus, Demand);
    }

    /// <summary>Routes 1,024 different orders (no reservation: the snapshot is read-only here).</summary>
    [Benchmark(OperationsPerInvoke = OrdersPerInvoke)]
    public int Route()
    {
        var routed = 0;
        var orders = _orders;
        for (var i = 0; i < orders.Length; i++)
        {
            if (_engine.Route(orders[i], _inventory, Trace).IsRouted) routed++;
        }
        return routed;
    }
}

/// <summary>
/// The same engine through the core's <see cref="IOrderRouter"/> port, as <c>OrderFulfilment.AllocateAsync</c> calls it:
/// the balances of the order's SKUs (50 per SKU) are indexed per call before routing. 3-line orders, uniform demand.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RoutingPortBenchmarks
{
    private const int Skus = 100_000;
    private const int Locations = 50;
    private const int OrdersPerInvoke = 256;

    private IOrderRouter _router = null!;
    private RoutingRequest[] _orders = [];
    private Dictionary<Sku, IReadOnlyList<InventoryBalance>>[] _balances = [];

    /// <summary>Whether the decision carries a trace.</summary>
    [Params(false, true)]
    public bool Trace { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = RoutingFixture.RuleSet(Locations);
        _router = new RoutingEngine(rules, new RoutingEngineOptions { Trace = Trace });
        _orders = RoutingFixture.Orders(OrdersPerInvoke, 3, Skus, RoutingDemand.Uniform);
        _balances = _orders.Select(o => o.Lines.Select(l => l.Sku).Distinct().ToDictionary(
            s => s,
            s => (IReadOnlyList<InventoryBalance>)Enumerable.Range(0, Locations)
                .Select(l => new InventoryBalance(new BalanceKey(RoutingFixture.Owner, s, RoutingFixture.Location(l), InventoryStatus.Sellable), 100, 0, 1)).ToArray())).ToArray();
    }

    /// <summary>Routes 256 different 3-line orders through <see cref="IOrderRouter.Route"/>.</summary>
    [Benchmark(OperationsPerInvoke = OrdersPerInvoke)]
    public int RouteViaPort()
    {
        var routed = 0;
        for (var i = 0; i < _orders.Length; i++)
        {
            if (_router.Route(_orders[i], _balances[i]).IsRouted) routed++;
        }
        return routed;
    }
}

/// <summary>Deterministic rule set, stock and orders for the routing benchmarks (seeded, no wall clock).</summary>
internal static class RoutingFixture
{
    public static readonly OwnerId Owner = OwnerId.From("bench");
    private static readonly ChannelId Channel = ChannelId.From("shopify");
    private static readonly ChannelAccountId Account = ChannelAccountId.From("bench-us");
    private static readonly NodaTime.Instant AsOf = NodaTime.Instant.FromUtc(2026, 1, 5, 15, 0);
    private static readonly Dictionary<int, LocationId> LocationIds = new();

    public static LocationId Location(int i)
    {
        lock (LocationIds)
        {
            if (!LocationIds.TryGetValue(i, out var id)) LocationIds[i] = id = LocationId.From($"L{i:00}");
            return id;
        }
    }

    public static Sku SkuOf(int i) => Sku.From($"SKU-{i:000000}");

    /// <summary>50 locations (5 groups of 10) and 32 rules; only the last matches the benchmark orders.</summary>
    public static RoutingRuleSet RuleSet(int locations)
    {
        var b = new RoutingRuleSetBuilder { Name = "bench" };
        var zones = new[] { "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London" };
        for (var i = 0; i < locations; i++)
        {
            b.AddLocation(new RoutingLocation(Location(i))
            {
                Groups = [$"g{i / 10}"],
                TimeZone = NodaTime.DateTimeZoneProviders.Tzdb[zones[i % zones.Length]],
                Cutoff = new NodaTime.LocalTime(14 + i % 4, 0),
                Coordinates = new Routing.Geo.GeoPoint(30 + i % 15, -120 + i),
            });
        }
        for (var r = 0; r < 31; r++)
        {
            var when = (r % 5) switch
            {
                0 => new RoutingConditions { Channels = [new ChannelMatch(ChannelId.From($"marketplace-{r}"))] },
                1 => new RoutingConditions { TagsAny = [$"campaign-{r}"] },
                2 => new RoutingConditions { Countries = ["CA", "GB"], ServiceLevels = [ServiceLevel.NextDay] },
                3 => new RoutingConditions { FulfilmentChannel = FulfilmentChannel.Marketplace },
                _ => new RoutingConditions { ServiceLevels = [ServiceLevel.Priority, ServiceLevel.Scheduled], Regions = ["US-AK"] },
            };
            b.AddRule($"rule-{r:00}", when, new RoutingActions { LocationGroups = [$"g{r % 5}"], Strategy = (RoutingStrategy)(r % 4), Split = SplitPolicy.Allowed, WorkQueue = "parcel" });
        }
        b.AddRule("dtc", new RoutingConditions { FulfilmentChannel = FulfilmentChannel.Merchant, Channels = [new ChannelMatch(Channel)] },
            new RoutingActions { Split = SplitPolicy.WhenNoSingleLocation, WorkQueue = "parcel" });
        return b.Build();
    }

    public static IEnumerable<InventoryBalance> Balances(int skus, int locations, RoutingDemand demand)
    {
        var rng = new Random(42);
        for (var s = 0; s < skus; s++)
        {
            var sku = SkuOf(s);
            for (var l = 0; l < locations; l++)
            {
                int units;
                if (demand == RoutingDemand.Uniform) units = 100;
                else
                {
                    if (rng.Next(4) != 0) continue;
                    units = rng.Next(10) == 0 ? -rng.Next(1, 3) : rng.Next(1, 41);
                }
                yield return new InventoryBalance(new BalanceKey(Owner, sku, Location(l), InventoryStatus.Sellable), units, 0, 1);
            }
        }
    }

    public static RoutingRequest[] Orders(int count, int lines, int skus, RoutingDemand demand)
    {
        var rng = new Random(7);
        // Zipf(1) by inverse CDF over ranks: the k-th most popular SKU has weight 1/k.
        var harmonic = 0.0;
        for (var k = 1; k <= skus; k++) harmonic += 1.0 / k;
        int Pick()
        {
            if (demand == RoutingDemand.Uniform) return rng.Next(skus);
            var target = rng.NextDouble() * harmonic;
            var acc = 0.0;
            for (var k = 1; k <= skus; k++)
            {
                acc += 1.0 / k;
                if (acc >= target) return (k * 7_919) % skus; // spread the hot SKUs over the key space
            }
            return skus - 1;
        }
        var result = new RoutingRequest[count];
        for (var o = 0; o < count; o++)
        {
            var id = OrderId.From($"B{o}");
            var demandLines = new DemandLine[lines];
            for (var l = 0; l < lines; l++) demandLines[l] = new DemandLine(OrderLineId.From($"B{o}/{l + 1}"), SkuOf(Pick()), 1 + rng.Next(2));
            result[o] = new RoutingRequest(id, Owner, Channel, Account, FulfilmentChannel.Merchant, ServiceLevel.Standard,
                Address.Create("Austin", "TX", "78701", "US"), ["vip"], demandLines) { AsOf = AsOf };
        }
        return result;
    }
}
