using OrderCore.Events;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Issue 6 (Shopify refunds): a channel refund of some units of a line that never shipped (Shopify restock_type
/// <c>cancel</c> / <c>no_restock</c> on unfulfilled units) lowers the line and releases exactly those units; the rest of
/// the reservation stays, whether the order is allocated or already on the floor.
/// </summary>
public sealed class Issue_6_ReduceLineReleasesPartOfReservation
{
    [Fact]
    public async Task ReduceLineAsync_AllocatedOrder_ReleasesOnlyTheRemovedUnits()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-2", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 3, unitPrice: 10m).WithLine("SKU-2", 1));
        Assert.True(placed.IsAllocated);

        var order = await h.Fulfilment.ReduceLineAsync(placed.Order.Id, placed.Order.Lines[0].Id, 2, "refund-cancel");

        Assert.Equal(1, order.Lines[0].Quantity);
        Assert.Equal(10m, order.Lines[0].Amount!.Value.Amount);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal(1, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(1, (await h.BalanceAsync("SKU-2")).Reserved);
        Assert.Single(h.PublishedEventsOf<OrderLineReduced>());
        await h.Fulfilment.ReleaseToFloorAsync(order.Id);
        await h.Fulfilment.ShipAsync(order.Id, "shipment-1");
        Assert.Equal(4, (await h.BalanceAsync("SKU-1")).OnHand);
        Assert.Empty(await h.VerifyLedgerAsync());
    }

    [Fact]
    public async Task ReduceLineAsync_EveryUnit_CancelsTheLine()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-2", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1));

        var order = await h.Fulfilment.ReduceLineAsync(placed.Order.Id, placed.Order.Lines[0].Id, 2, "refund-cancel");

        Assert.Equal(OrderLineStatus.Cancelled, order.Lines[0].Status);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(1, (await h.BalanceAsync("SKU-2")).Reserved);
    }

    [Fact]
    public async Task ReduceLineAsync_UnallocatedOrder_LowersTheLine_AndRejectsTooMany()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1");
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 3));
        Assert.False(placed.IsAllocated);

        var order = await h.Fulfilment.ReduceLineAsync(placed.Order.Id, placed.Order.Lines[0].Id, 1, "refund-cancel");

        Assert.Equal(2, order.Lines[0].Quantity);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Fulfilment.ReduceLineAsync(order.Id, order.Lines[0].Id, 3, "refund-cancel"));
    }
}
