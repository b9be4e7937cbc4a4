using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): when a newer channel payload cancelled a line of an order already released to the
/// floor, intake tried to de-allocate it: the whole reservation was released, then Released → Received threw
/// <see cref="InvalidStatusTransitionException"/>, leaving an order on the floor with no units reserved (other orders
/// could take them: DESIGN invariant 1) and a reservation id that no longer existed. Now only the cancelled line's units
/// are released and the rest stays reserved.
/// </summary>
public sealed class Issue_2_ChannelLineCancelOnReleasedOrder
{
    private static async Task<(OrderCoreHarness H, PlacedOrder Placed)> ReleasedOrderAsync()
    {
        var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-2", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1));
        Assert.True(placed.IsAllocated);
        await h.Fulfilment.ReleaseToFloorAsync(placed.Order.Id);
        return (h, placed);
    }

    [Fact]
    public async Task ImportAsync_NewerVersionCancelsOneLineOfReleasedOrder_ReleasesOnlyThatLine()
    {
        var (h, placed) = await ReleasedOrderAsync();
        await using var _ = h;

        var updated = await h.ImportAsync(h.NewOrder().WithVersion(2).WithLine("SKU-1", 2).WithLine("SKU-2", 1, cancelled: true).Build());

        Assert.Equal(IntakeOutcome.Updated, updated.Outcome);
        var stored = await h.GetOrderAsync(placed.Order.Id);
        Assert.Equal(OrderStatus.Released, stored.Status);
        Assert.Equal(OrderLineStatus.Cancelled, stored.Lines[1].Status);
        Assert.Equal(2, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(0, (await h.BalanceAsync("SKU-2")).Reserved);

        await h.Fulfilment.ShipAsync(stored.Id, "shipment-1");
        Assert.Equal(3, (await h.BalanceAsync("SKU-1")).OnHand);
        Assert.Equal(5, (await h.BalanceAsync("SKU-2")).OnHand);
        Assert.Empty(await h.VerifyLedgerAsync());
    }

    [Fact]
    public async Task ImportAsync_NewerVersionCancelsEveryLineOfReleasedOrder_CancelsOrderAndReleasesAll()
    {
        var (h, placed) = await ReleasedOrderAsync();
        await using var _ = h;

        await h.ImportAsync(h.NewOrder().WithVersion(2).WithLine("SKU-1", 2, cancelled: true).WithLine("SKU-2", 1, cancelled: true).Build());

        var stored = await h.GetOrderAsync(placed.Order.Id);
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.Null(stored.ReservationId);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(0, (await h.BalanceAsync("SKU-2")).Reserved);
    }
}
