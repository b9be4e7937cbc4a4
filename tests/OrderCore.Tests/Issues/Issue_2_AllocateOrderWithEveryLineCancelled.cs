using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): allocating an order whose every line the channel had cancelled routed an empty
/// demand and then threw <see cref="ArgumentException"/> ("A reservation needs at least one line"). There is nothing to
/// reserve: the allocation now reports no decision and reserves nothing.
/// </summary>
public sealed class Issue_2_AllocateOrderWithEveryLineCancelled
{
    [Fact]
    public async Task AllocateAsync_EveryLineCancelled_ReservesNothingAndDoesNotThrow()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 5);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2, cancelled: true));

        Assert.True(placed.Validation.IsValid);
        Assert.NotNull(placed.Allocation);
        Assert.Null(placed.Allocation!.Decision);
        Assert.Null(placed.Allocation.Exception);
        Assert.False(placed.Allocation.Allocated);
        Assert.Equal(OrderStatus.Received, placed.Order.Status);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
    }
}
