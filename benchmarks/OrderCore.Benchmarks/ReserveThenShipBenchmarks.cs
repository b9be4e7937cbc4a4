using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;

namespace OrderCore.Benchmarks;

/// <summary>
/// The inventory hot path, in memory: a 3-line order reserved through <see cref="InventoryPool.ReserveAsync"/> and
/// shipped through <see cref="InventoryPool.ShipAsync"/>, against 100k SKUs. Every figure is per order
/// (<see cref="BenchmarkAttribute.OperationsPerInvoke"/>), so <c>Mean</c> is ns/order, <c>Op/s</c> is orders/s and
/// <c>Allocated</c> is bytes/order.
/// </summary>
/// <remarks>
/// Each iteration starts from a freshly seeded store (<see cref="IterationSetup"/>, not measured) and replays the same
/// seeded order stream, so the append-only ledger never grows past one iteration's orders and every run sees the same
/// work. The ledger growth within an iteration (a <see cref="List{T}"/> append per entry) is part of the measured cost.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[OperationsPerSecond]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: InvocationsPerIteration)]
public class ReserveThenShipBenchmarks
{
    private const int OrdersPerInvoke = 1_000;
    private const int InvocationsPerIteration = 64;
    private const int OrdersPerIteration = OrdersPerInvoke * InvocationsPerIteration;

    private BalanceKey[] _keys = [];
    private OrderPlan[] _orders = [];
    private ServiceProvider? _services;
    private InventoryPool _pool = null!;
    private IOrderRouter _router = null!;
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _keys = InventoryFixture.CreateKeys();
        _orders = InventoryFixture.CreateOrders(_keys, OrdersPerIteration);
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _services?.Dispose();
        _services = InventoryFixture.CreateSeededServices(_keys);
        _pool = _services.GetRequiredService<InventoryPool>();
        _router = _services.GetRequiredService<IOrderRouter>();
        _next = 0;
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _services?.Dispose();

    /// <summary>Reserve the order's three lines, then ship the whole reservation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = OrdersPerInvoke)]
    public async Task ReserveThenShip()
    {
        for (var i = 0; i < OrdersPerInvoke; i++)
        {
            var order = NextOrder();
            await ReserveAsync(order, order.Lines).ConfigureAwait(false);
            await _pool.ShipAsync(order.Id, "order-shipped", order.Reference).ConfigureAwait(false);
        }
    }

    /// <summary>Reserve the order's three lines, then release them (a cancelled order): reserved − only, on hand untouched.</summary>
    [Benchmark(OperationsPerInvoke = OrdersPerInvoke)]
    public async Task ReserveThenRelease()
    {
        for (var i = 0; i < OrdersPerInvoke; i++)
        {
            var order = NextOrder();
            await ReserveAsync(order, order.Lines).ConfigureAwait(false);
            await _pool.ReleaseAsync(order.Id, "order-cancelled", order.Reference).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What <see cref="OrderFulfilment.AllocateAsync"/> does with the inventory, without the order store: read each
    /// SKU's balances, route with <c>PriorityOrderRouter</c>, reserve exactly the routed lines, then ship.
    /// </summary>
    [Benchmark(OperationsPerInvoke = OrdersPerInvoke)]
    public async Task RouteReserveThenShip()
    {
        for (var i = 0; i < OrdersPerInvoke; i++)
        {
            var order = NextOrder();
            var balances = new Dictionary<Sku, IReadOnlyList<InventoryBalance>>(order.Demand.Length);
            foreach (var d in order.Demand)
            {
                balances[d.Sku] = await _pool.GetBalancesAsync(InventoryFixture.Owner, d.Sku).ConfigureAwait(false);
            }
            var request = new RoutingRequest(order.OrderId, InventoryFixture.Owner, InventoryFixture.Channel, InventoryFixture.Account, FulfilmentChannel.Merchant, ServiceLevel.Standard, null, [], order.Demand);
            var decision = _router.Route(request, balances);
            if (!decision.IsRouted) throw new InvalidOperationException($"Order {order.OrderId} was not routed: the benchmark ran out of stock.");
            var lines = new ReservationLine[decision.Lines.Count];
            for (var l = 0; l < lines.Length; l++)
            {
                var routed = decision.Lines[l];
                lines[l] = new ReservationLine(routed.Key, routed.Quantity, routed.Line);
            }
            await ReserveAsync(order, lines).ConfigureAwait(false);
            await _pool.ShipAsync(order.Id, "order-shipped", order.Reference).ConfigureAwait(false);
        }
    }

    private OrderPlan NextOrder() => _orders[_next++ % _orders.Length];

    private async Task ReserveAsync(OrderPlan order, ReservationLine[] lines)
    {
        var result = await _pool.ReserveAsync(new ReservationRequest(order.Id, InventoryFixture.Owner, order.Reference, lines, "order-allocation")).ConfigureAwait(false);
        if (!result.Succeeded) throw new InvalidOperationException($"Order {order.OrderId} was not reserved: the benchmark ran out of stock.");
    }
}
