using NodaTime;
using OrderCore.Events;
using OrderCore.Inventory;
using OrderCore.Testing;

namespace OrderCore.Tests.Inventory;

public sealed class InventoryPoolTests
{
    private static readonly BalanceKey Key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
    private static readonly BalanceKey Other = InventoryPoolFixture.Key("acme", "SKU-2", "WH-1");

    [Fact]
    public async Task ReserveAsync_SameSkuOnTwoLinesExceedingOnHand_FailsAndReservesNothing()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 3);

        var result = await f.ReserveAsync("R1", (Key, 2), (Key, 2));

        Assert.False(result.Succeeded);
        var shortage = Assert.Single(result.Shortages);
        Assert.Equal((GuardKind.ReservedWithinOnHand, 4, 3), (shortage.Kind, shortage.Requested, shortage.Available));
        Assert.Equal(0, (await f.BalanceAsync(Key)).Reserved);
        Assert.Null(await f.Store.GetReservationAsync(ReservationId.From("R1")));
        Assert.Single(await f.LedgerAsync());
    }

    [Fact]
    public async Task ReserveAsync_OneOfTwoSkusShort_ReservesNeitherLine()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 5);
        await f.ReceiveAsync(Other, 1);

        var result = await f.ReserveAsync("R1", (Key, 2), (Other, 2));

        Assert.False(result.Succeeded);
        Assert.Equal(Other, Assert.Single(result.Shortages).Key);
        Assert.Equal(0, (await f.BalanceAsync(Key)).Reserved);
        Assert.Equal(0, (await f.BalanceAsync(Other)).Reserved);
    }

    [Fact]
    public async Task ReserveAsync_SameSkuOnTwoLinesWithinOnHand_ReservesTheSum()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 4);

        var result = await f.ReserveAsync("R1", (Key, 2), (Key, 2));

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.Reservation!.TotalUnits);
        Assert.Equal(MovementType.Reserve, result.Entry!.Type);
        Assert.Equal(4, (await f.BalanceAsync(Key)).Reserved);
        Assert.Equal(0, (await f.BalanceAsync(Key)).Available);
    }

    [Fact]
    public async Task ReserveAsync_SameIdTwice_SecondIsRefusedAsExisting()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 10);
        await f.ReserveAsync("R1", (Key, 1));

        var again = await f.ReserveAsync("R1", (Key, 1));

        Assert.False(again.Succeeded);
        Assert.Contains(again.Shortages, s => s.Kind == GuardKind.ReservationExists);
        Assert.Equal(1, (await f.BalanceAsync(Key)).Reserved);
    }

    [Fact]
    public async Task ReleaseAsync_OneOrderLine_KeepsTheRestReservedAndBumpsVersion()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 10);
        var id = ReservationId.From("R1");
        var lines = new[] { new ReservationLine(Key, 2, OrderLineId.From("o/1")), new ReservationLine(Key, 3, OrderLineId.From("o/2")) };
        await f.Pool.ReserveAsync(new ReservationRequest(id, Key.Owner, "o", lines));

        var entry = await f.Pool.ReleaseAsync(id, "line-cancelled", "o", OrderLineId.From("o/1"));

        Assert.Equal(MovementType.Release, entry!.Type);
        Assert.Equal([new BalanceDelta(Key, 0, -2)], entry.Deltas);
        var rest = await f.Store.GetReservationAsync(id);
        Assert.Equal(2, rest!.Version);
        Assert.Equal(OrderLineId.From("o/2"), Assert.Single(rest.Lines).OrderLine);
        Assert.Equal(3, (await f.BalanceAsync(Key)).Reserved);
    }

    [Fact]
    public async Task ReleaseAsync_UnknownReservation_ReturnsNullAndWritesNothing()
    {
        var f = InventoryPoolFixture.Create();

        Assert.Null(await f.Pool.ReleaseAsync(ReservationId.From("nope"), "cancel", "o"));
        Assert.Empty(await f.LedgerAsync());
    }

    [Fact]
    public async Task ShipAsync_WholeReservation_TakesUnitsOffOnHandAndRemovesReservation()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 10);
        await f.ReserveAsync("R1", (Key, 4));

        var entry = await f.Pool.ShipAsync(ReservationId.From("R1"), "order-shipped", "S-1");

        Assert.Equal([new BalanceDelta(Key, -4, -4)], entry.Deltas);
        Assert.Equal(ReservationId.From("R1"), entry.Reservation);
        var b = await f.BalanceAsync(Key);
        Assert.Equal((6, 0), (b.OnHand, b.Reserved));
        Assert.Null(await f.Store.GetReservationAsync(ReservationId.From("R1")));
    }

    [Fact]
    public async Task ShipAsync_UnknownReservation_ThrowsNotFound()
    {
        var f = InventoryPoolFixture.Create();

        var e = await Assert.ThrowsAsync<NotFoundException>(() => f.Pool.ShipAsync(ReservationId.From("R9"), "ship", "S-1"));

        Assert.Equal(("Reservation", "R9"), (e.Kind, e.Id));
    }

    [Fact]
    public async Task TransferAsync_UnreservedUnits_MovesThemKeepingStatus()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 5);

        await f.Pool.TransferAsync(Key, TestIds.SecondWarehouse, Quantity.Of(3), "rebalance", "T-1");

        Assert.Equal(2, (await f.BalanceAsync(Key)).OnHand);
        Assert.Equal(3, (await f.BalanceAsync(Key.AtLocation(TestIds.SecondWarehouse))).OnHand);
    }

    [Fact]
    public async Task TransferAsync_ToSameLocation_ThrowsArgumentException()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 5);

        await Assert.ThrowsAsync<ArgumentException>(() => f.Pool.TransferAsync(Key, Key.Location, Quantity.Of(1), "x", "T-1"));
    }

    [Fact]
    public async Task TransferAsync_ReservedUnits_ThrowsInsufficientInventory()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key, 5);
        await f.ReserveAsync("R1", (Key, 4));

        await Assert.ThrowsAsync<InsufficientInventoryException>(() => f.Pool.TransferAsync(Key, TestIds.SecondWarehouse, Quantity.Of(2), "x", "T-1"));
        Assert.Equal(5, (await f.BalanceAsync(Key)).OnHand);
    }

    [Fact]
    public async Task DisposeAsync_AfterReturn_AdjustsOnHandWithTheirMovementTypes()
    {
        var f = InventoryPoolFixture.Create();
        var pending = Key.WithStatus(InventoryStatus.ReturnPending);

        var ret = await f.Pool.ReturnAsync(pending, Quantity.Of(2), "customer-return", "RMA-1");
        var dispose = await f.Pool.DisposeAsync(pending, Quantity.Of(1), "damaged-beyond-repair", "RMA-1");

        Assert.Equal((MovementType.Return, MovementType.Dispose), (ret.Type, dispose.Type));
        Assert.Equal(1, (await f.BalanceAsync(pending)).OnHand);
        await Assert.ThrowsAsync<InsufficientInventoryException>(() => f.Pool.DisposeAsync(pending, Quantity.Of(2), "x", "y"));
    }

    [Fact]
    public async Task Movements_ZeroQuantityOrIncompleteKey_ThrowArgumentExceptions()
    {
        var f = InventoryPoolFixture.Create();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => f.Pool.ReceiveAsync(Key, Quantity.Zero, "r", "p"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => f.Pool.AdjustAsync(Key, 0, "r", "p"));
        await Assert.ThrowsAsync<ArgumentException>(() => f.Pool.ReceiveAsync(Key with { Location = default }, Quantity.Of(1), "r", "p"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReservationRequest(ReservationId.From("R"), Key.Owner, "o", [new ReservationLine(Key, 0)]));
        Assert.Throws<ArgumentException>(() => new ReservationRequest(ReservationId.From("R"), Key.Owner, "o", []));
    }

    [Fact]
    public async Task Movements_FakeClockAdvanced_PublishEventsWithTheClocksInstant()
    {
        var f = InventoryPoolFixture.Create();
        f.Clock.Advance(Duration.FromMinutes(5));
        var at = TestIds.Start + Duration.FromMinutes(5);

        await f.ReceiveAsync(Key, 5);
        await f.ReserveAsync("R1", (Key, 2));
        await f.Pool.ReleaseAsync(ReservationId.From("R1"), "cancel", "o");

        Assert.Collection(f.PublishedEvents,
            e => Assert.Equal(MovementType.Receive, Assert.IsType<InventoryMoved>(e).Entry.Type),
            e => Assert.Equal(2, Assert.IsType<InventoryReserved>(e).Lines.Sum(l => l.Quantity)),
            e => Assert.Equal(2, Assert.IsType<InventoryReleased>(e).Units));
        Assert.All(f.PublishedEvents, e => Assert.Equal(at, e.OccurredAt));
        Assert.All(await f.LedgerAsync(), e => Assert.Equal(at, e.OccurredAt));
    }

    [Fact]
    public async Task GetBalancesAsync_SeveralLocationsAndStatuses_OrderedByLocationThenStatus()
    {
        var f = InventoryPoolFixture.Create();
        await f.ReceiveAsync(Key.AtLocation(TestIds.SecondWarehouse), 1);
        await f.ReceiveAsync(Key.WithStatus(InventoryStatus.Hold), 1);
        await f.ReceiveAsync(Key, 1);

        var balances = await f.Pool.GetBalancesAsync(Key.Owner, Key.Sku);

        Assert.Equal(["WH-1/Hold", "WH-1/Sellable", "WH-2/Sellable"], balances.Select(b => $"{b.Key.Location}/{b.Key.Status}"));
    }
}
