using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Testing;
using OrderCore.Tests.Support;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2 by <c>Invariant1_ConcurrencyTests</c>): when another caller shipped or released a
/// reservation between this caller's read and write, the store reported the stale reservation together with the
/// consequence (reserved would go below zero), and the pool retried only when every failure was
/// <see cref="GuardKind.ReservationChanged"/>: it threw <see cref="InsufficientInventoryException"/> instead of reading
/// again and finding the reservation gone.
/// </summary>
public sealed class Issue_2_ConcurrentShipOfOneReservation
{
    private static readonly BalanceKey Key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");

    private static async Task<(InventoryPoolFixture Racer, InventoryPoolFixture Competitor, InterleavingInventoryStore Store)> ArrangeAsync()
    {
        var store = new InterleavingInventoryStore(new InMemoryInventoryStore());
        var racer = InventoryPoolFixture.Create(store: store);
        var competitor = InventoryPoolFixture.Create(store: store.Inner);
        await racer.ReceiveAsync(Key, 10);
        Assert.True((await racer.ReserveAsync("R1", (Key, 4))).Succeeded);
        return (racer, competitor, store);
    }

    [Fact]
    public async Task ShipAsync_ReservationShippedByAnotherCallerMidway_ThrowsNotFoundAndShipsOnce()
    {
        var (racer, competitor, store) = await ArrangeAsync();
        store.BeforeNextApply(() => competitor.Pool.ShipAsync(ReservationId.From("R1"), "ship", "S-OTHER"));

        var e = await Assert.ThrowsAsync<NotFoundException>(() => racer.Pool.ShipAsync(ReservationId.From("R1"), "ship", "S-1"));

        Assert.Equal("Reservation", e.Kind);
        var balance = await racer.BalanceAsync(Key);
        Assert.Equal(6, balance.OnHand);
        Assert.Equal(0, balance.Reserved);
        Assert.Empty(await racer.VerifyLedgerAsync());
    }

    [Fact]
    public async Task ReleaseAsync_ReservationShippedByAnotherCallerMidway_ReturnsNullAndChangesNothingMore()
    {
        var (racer, competitor, store) = await ArrangeAsync();
        store.BeforeNextApply(() => competitor.Pool.ShipAsync(ReservationId.From("R1"), "ship", "S-OTHER"));

        var entry = await racer.Pool.ReleaseAsync(ReservationId.From("R1"), "cancel", "O-1");

        Assert.Null(entry);
        var balance = await racer.BalanceAsync(Key);
        Assert.Equal(6, balance.OnHand);
        Assert.Equal(0, balance.Reserved);
    }
}
