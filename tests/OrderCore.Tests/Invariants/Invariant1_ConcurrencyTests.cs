using System.Collections.Concurrent;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 1 under concurrent callers: many tasks reserving the same SKUs through
/// <see cref="InventoryPool.ReserveAsync"/> on the in-memory store never over-promise, and the successful reservations sum
/// exactly to what the balances say is reserved.
/// </summary>
public sealed class Invariant1_ConcurrencyTests
{
    private const int Tasks = 8;
    private const int ReservationsPerTask = 200;

    private static readonly BalanceKey[] Keys =
    [
        InventoryPoolFixture.Key("acme", "SKU-1", "WH-1"),
        InventoryPoolFixture.Key("acme", "SKU-2", "WH-1"),
        InventoryPoolFixture.Key("acme", "SKU-3", "WH-2"),
    ];

    [Fact]
    public async Task ReserveAsync_ManyTasksOnTheSameSkus_NeverOverPromisesAndSuccessesSumToReserved()
    {
        var f = InventoryPoolFixture.Create();
        // Demand: 8 × 200 reservations of 1..3 lines × 1..3 units ≈ 6,400 units over 3 balances; supply 1,500: most fail late.
        foreach (var k in Keys) await f.ReceiveAsync(k, 500);
        var succeeded = new ConcurrentBag<ReservationRequest>();
        var failures = 0;
        using var start = new ManualResetEventSlim(false);

        var workers = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var random = new Random(1000 + t);
            start.Wait();
            for (var i = 0; i < ReservationsPerTask; i++)
            {
                var lines = Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => new ReservationLine(Keys[random.Next(Keys.Length)], random.Next(1, 4)))
                    .ToArray();
                var request = new ReservationRequest(ReservationId.From($"T{t}-{i}"), Keys[0].Owner, $"order-{t}-{i}", lines);
                var result = await f.Pool.ReserveAsync(request);
                if (result.Succeeded) succeeded.Add(request);
                else Interlocked.Increment(ref failures);
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(Tasks * ReservationsPerTask, succeeded.Count + failures);
        Assert.True(failures > 0, "the workload must exhaust the stock, or it proves nothing about over-promising");
        foreach (var k in Keys)
        {
            var balance = await f.BalanceAsync(k);
            var promised = succeeded.SelectMany(r => r.Lines).Where(l => l.Key == k).Sum(l => l.Quantity);
            Assert.Equal(500, balance.OnHand);
            Assert.Equal(promised, balance.Reserved);
            Assert.True(balance.Reserved <= balance.OnHand, $"{k}: reserved {balance.Reserved} > on hand {balance.OnHand}");
        }
        Assert.Empty(await f.VerifyLedgerAsync());
        var ledger = await f.LedgerAsync();
        Assert.Equal(Keys.Length + succeeded.Count, ledger.Count);
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ReserveReleaseShip_InterleavedAcrossTasks_KeepReservedWithinOnHandAndLedgerConsistent()
    {
        var f = InventoryPoolFixture.Create();
        foreach (var k in Keys) await f.ReceiveAsync(k, 300);
        var shipped = new ConcurrentDictionary<BalanceKey, int>();
        var live = new ConcurrentDictionary<ReservationId, ReservationRequest>();

        var workers = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var random = new Random(2000 + t);
            for (var i = 0; i < ReservationsPerTask; i++)
            {
                var key = Keys[random.Next(Keys.Length)];
                var request = new ReservationRequest(ReservationId.From($"T{t}-{i}"), key.Owner, $"order-{t}-{i}", [new ReservationLine(key, random.Next(1, 4))]);
                var result = await f.Pool.ReserveAsync(request);
                if (!result.Succeeded) continue;
                switch (random.Next(3))
                {
                    case 0:
                        await f.Pool.ReleaseAsync(request.Id, "cancel", request.Reference);
                        break;
                    case 1:
                        await f.Pool.ShipAsync(request.Id, "ship", request.Reference);
                        shipped.AddOrUpdate(key, request.Lines[0].Quantity, (_, v) => v + request.Lines[0].Quantity);
                        break;
                    default:
                        live[request.Id] = request;
                        break;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        foreach (var k in Keys)
        {
            var balance = await f.BalanceAsync(k);
            Assert.Equal(300 - shipped.GetValueOrDefault(k), balance.OnHand);
            Assert.Equal(live.Values.Where(r => r.Lines[0].Key == k).Sum(r => r.Lines[0].Quantity), balance.Reserved);
            Assert.InRange(balance.Reserved, 0, balance.OnHand);
        }
        Assert.Empty(await f.VerifyLedgerAsync());
    }

    [Fact]
    public async Task ShipAsync_SameReservationFromTwoTasksAtOnce_ShipsTheUnitsExactlyOnce()
    {
        for (var round = 0; round < 50; round++)
        {
            var f = InventoryPoolFixture.Create();
            var key = Keys[0];
            await f.ReceiveAsync(key, 10);
            var reserved = await f.ReserveAsync("R1", (key, 4));
            Assert.True(reserved.Succeeded);

            async Task<bool> TryShip()
            {
                try
                {
                    await f.Pool.ShipAsync(ReservationId.From("R1"), "ship", "S1");
                    return true;
                }
                catch (NotFoundException)
                {
                    return false;
                }
            }

            var results = await Task.WhenAll(Task.Run(TryShip), Task.Run(TryShip));
            Assert.Equal(1, results.Count(r => r));
            var balance = await f.BalanceAsync(key);
            Assert.Equal(6, balance.OnHand);
            Assert.Equal(0, balance.Reserved);
        }
    }

    [Fact]
    public async Task AllocateAsync_ManyOrdersCompetingConcurrently_AllocatedOrdersHoldExactlyTheReservedUnits()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 60);
        await h.ReceiveAsync("SKU-1", 30, TestIds.SecondWarehouse);
        await h.ReceiveAsync("SKU-2", 20);
        await h.ReceiveAsync("SKU-2", 20, TestIds.SecondWarehouse);
        var ids = new List<OrderId>();
        for (var i = 0; i < Tasks * 10; i++)
        {
            var imported = await h.ImportAsync(h.NewOrder($"C-{i}").WithLine("SKU-1", 1 + i % 3).WithLine("SKU-2", 1 + i % 2).Build());
            await h.Intake.ValidateAsync(imported.Order.Id);
            ids.Add(imported.Order.Id);
        }

        await Task.WhenAll(ids.Chunk(10).Select(chunk => Task.Run(async () =>
        {
            foreach (var id in chunk) await h.Fulfilment.AllocateAsync(id);
        })));

        var allocated = new List<Order>();
        foreach (var id in ids)
        {
            var o = await h.GetOrderAsync(id);
            if (o.Status == OrderStatus.Allocated) allocated.Add(o);
        }
        Assert.NotEmpty(allocated);
        Assert.True(allocated.Count < ids.Count, "the stock must run out for the test to mean anything");
        foreach (var b in await h.Inventory.GetAllBalancesAsync())
        {
            var promised = 0;
            foreach (var o in allocated)
            {
                var r = await h.Inventory.GetReservationAsync(o.ReservationId!.Value);
                promised += r!.Lines.Where(l => l.Key == b.Key).Sum(l => l.Quantity);
            }
            Assert.Equal(promised, b.Reserved);
            Assert.InRange(b.Reserved, 0, b.OnHand);
        }
        Assert.Empty(await h.VerifyLedgerAsync());
    }
}
