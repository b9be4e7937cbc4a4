using OrderCore.FbaPrep.Tests.Support;
using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Ports;
using static OrderCore.FbaPrep.Tests.Support.Fixtures;

namespace OrderCore.FbaPrep.Tests.WorkOrders;

/// <summary>A step over several balances that fails half-way resumes without moving a unit twice.</summary>
public sealed class InterruptedStepTests
{
    private sealed class FlakyStore : IInventoryStore
    {
        private readonly InMemoryInventoryStore _inner = new();

        /// <summary>When ≥ 0, the apply with this index (from now) throws instead of applying.</summary>
        public int FailAfter { get; set; } = -1;

        public Task<ChangeSetResult> ApplyAsync(InventoryChangeSet changeSet, CancellationToken cancellationToken = default)
        {
            if (FailAfter == 0)
            {
                FailAfter = -1;
                throw new IOException("store connection lost");
            }
            if (FailAfter > 0) FailAfter--;
            return _inner.ApplyAsync(changeSet, cancellationToken);
        }

        public Task<InventoryBalance?> GetBalanceAsync(BalanceKey key, CancellationToken cancellationToken = default) => _inner.GetBalanceAsync(key, cancellationToken);
        public Task<IReadOnlyList<InventoryBalance>> GetBalancesAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default) => _inner.GetBalancesAsync(owner, sku, cancellationToken);
        public Task<IReadOnlyList<InventoryBalance>> GetAllBalancesAsync(OwnerId? owner = null, CancellationToken cancellationToken = default) => _inner.GetAllBalancesAsync(owner, cancellationToken);
        public Task<Reservation?> GetReservationAsync(ReservationId id, CancellationToken cancellationToken = default) => _inner.GetReservationAsync(id, cancellationToken);
        public IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(long afterSequence = 0, CancellationToken cancellationToken = default) => _inner.ReadLedgerAsync(afterSequence, cancellationToken);
    }

    [Fact]
    public async Task StartPrep_FailingHalfWay_ResumesWithoutMovingAUnitTwice()
    {
        var store = new FlakyStore();
        var pool = new InventoryPool(store, new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 5, 1, 9, 0)), new OrderCore.Events.DomainEventHub(), Microsoft.Extensions.Options.Options.Create(new OrderCoreOptions()));
        FbaSku[] skus = [Textile("A", "X00AAAA001"), Textile("B", "X00BBBB001"), Textile("C", "X00CCCC001")];
        foreach (var s in skus) await pool.ReceiveAsync(new BalanceKey(Owner, s.Sku, Warehouse, InventoryStatus.Sellable), Quantity.Of(10), "receipt", "PO-1");
        var service = new FbaReplenishmentService(pool);
        var take = await service.TakeAsync(PrepWorkOrderId.From("WO-R"), Warehouse, skus.Select(s => new FbaTakeRequest(s, Quantity.Of(4))).ToArray(), FbaMarketplaces.UnitedStates, ShipDate);
        var wo = (await service.CreateWorkOrderAsync(take, CartonPlanner.Plan(take.Lines, FbaMarketplaces.UnitedStates), skus, ShipDate))!;

        store.FailAfter = 1; // the second of three moves fails
        await Assert.ThrowsAsync<IOException>(() => service.StartPrepAsync(wo));
        Assert.Equal(PrepWorkOrderStatus.Open, wo.Status);
        Assert.Equal(4, wo.Units.Sum(u => u.InPrep));

        await service.StartPrepAsync(wo);
        Assert.Equal(PrepWorkOrderStatus.InPrep, wo.Status);
        foreach (var s in skus)
        {
            Assert.Equal(4, (await pool.Store.GetBalanceAsync(new BalanceKey(Owner, s.Sku, Warehouse, InventoryStatus.InPrep)))!.OnHand);
            Assert.Equal(0, (await pool.Store.GetBalanceAsync(new BalanceKey(Owner, s.Sku, Warehouse, InventoryStatus.FbaBound)))!.OnHand);
        }
        Assert.Empty(await pool.VerifyLedgerAsync());
    }
}
