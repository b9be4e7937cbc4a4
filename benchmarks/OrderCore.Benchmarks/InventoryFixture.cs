using Microsoft.Extensions.DependencyInjection;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Routing;

namespace OrderCore.Benchmarks;

/// <summary>One pre-generated order: three distinct SKUs, 1 to 3 units each.</summary>
/// <param name="Id">The reservation id: unique within an iteration, and every iteration starts from a fresh store.</param>
/// <param name="OrderId">The order id.</param>
/// <param name="Reference">The reference document recorded on the ledger.</param>
/// <param name="Lines">The reservation lines, for reserving directly.</param>
/// <param name="Demand">The same lines as routing demand, for the router path.</param>
public sealed record OrderPlan(ReservationId Id, OrderId OrderId, string Reference, ReservationLine[] Lines, DemandLine[] Demand);

/// <summary>
/// Builds the data the inventory benchmarks run on: <see cref="SkuCount"/> SKUs of one owner at one location, all
/// <see cref="InventoryStatus.Sellable"/>, and a deterministic stream of 3-line orders over them.
/// </summary>
public static class InventoryFixture
{
    /// <summary>SKUs seeded into the pool.</summary>
    public const int SkuCount = 100_000;

    /// <summary>Lines per order.</summary>
    public const int LinesPerOrder = 3;

    /// <summary>Units received per SKU: far more than one measured iteration can draw.</summary>
    public const int OnHandPerSku = 1_000_000;

    /// <summary>Seed of the order generator, so every run sees the same orders.</summary>
    public const int RandomSeed = 20261129;

    public static OwnerId Owner { get; } = OwnerId.From("bench-owner");

    public static LocationId Location { get; } = LocationId.From("DC-1");

    public static ChannelId Channel { get; } = ChannelId.From("shopify");

    public static ChannelAccountId Account { get; } = ChannelAccountId.From("bench-store");

    public static BalanceKey[] CreateKeys()
    {
        var keys = new BalanceKey[SkuCount];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new BalanceKey(Owner, Sku.From($"SKU-{i:D6}"), Location, InventoryStatus.Sellable);
        }
        return keys;
    }

    /// <summary><paramref name="count"/> orders of <see cref="LinesPerOrder"/> distinct random SKUs, from a seeded generator.</summary>
    public static OrderPlan[] CreateOrders(BalanceKey[] keys, int count)
    {
        var random = new Random(RandomSeed);
        var lineIds = Enumerable.Range(1, LinesPerOrder).Select(n => OrderLineId.From($"L{n}")).ToArray();
        var orders = new OrderPlan[count];
        Span<int> picked = stackalloc int[LinesPerOrder];
        for (var o = 0; o < count; o++)
        {
            for (var l = 0; l < LinesPerOrder; l++)
            {
                int candidate;
                do candidate = random.Next(keys.Length);
                while (picked[..l].Contains(candidate));
                picked[l] = candidate;
            }
            var lines = new ReservationLine[LinesPerOrder];
            var demand = new DemandLine[LinesPerOrder];
            for (var l = 0; l < LinesPerOrder; l++)
            {
                var quantity = random.Next(1, 4);
                lines[l] = new ReservationLine(keys[picked[l]], quantity, lineIds[l]);
                demand[l] = new DemandLine(lineIds[l], keys[picked[l]].Sku, quantity);
            }
            var reference = $"ORD-{o:D6}";
            orders[o] = new OrderPlan(ReservationId.From(reference), OrderId.From(reference), reference, lines, demand);
        }
        return orders;
    }

    /// <summary>
    /// A fresh container wired as a host wires it, <c>services.AddOrderCore().AddPriorityRouting(...)</c> (in-memory
    /// store, system clock, no event handlers, the seed router over the one location), with every SKU received.
    /// Disposing the provider drops the store and its ledger.
    /// </summary>
    public static ServiceProvider CreateSeededServices(BalanceKey[] keys)
    {
        var services = new ServiceCollection();
        services.AddOrderCore().AddPriorityRouting(o => o.Locations.Add(Location));
        var provider = services.BuildServiceProvider();
        var pool = provider.GetRequiredService<InventoryPool>();
        foreach (var key in keys)
        {
            // The in-memory store completes synchronously; no thread-pool hop happens here.
            pool.ReceiveAsync(key, Quantity.Of(OnHandPerSku), "initial-stock", "bench-seed").GetAwaiter().GetResult();
        }
        return provider;
    }
}
