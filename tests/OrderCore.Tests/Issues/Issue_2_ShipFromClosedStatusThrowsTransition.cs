using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): <see cref="Order.Ship"/> on a cancelled, shipped, delivered or returned order threw
/// a plain <see cref="InvalidOperationException"/> ("no open line to ship") instead of the status machine's
/// <see cref="InvalidStatusTransitionException"/> (convention 12: an illegal transition always throws the typed exception).
/// </summary>
public sealed class Issue_2_ShipFromClosedStatusThrowsTransition
{
    [Fact]
    public void Ship_CancelledOrder_ThrowsInvalidStatusTransitionException()
    {
        var order = Order.Import(OrderId.From("o-1"), ChannelOrderBuilder.Marketplace().WithLine("SKU-1", 1).Build(), TestIds.Start);
        order.Cancel(TestIds.Start);

        var e = Assert.Throws<InvalidStatusTransitionException>(() => order.Ship(TestIds.Start));

        Assert.Equal("OrderStatus", e.Machine);
        Assert.Equal("Cancelled", e.From);
        Assert.Equal("Shipped", e.To);
    }

    [Fact]
    public void Ship_AlreadyShippedOrder_ThrowsInvalidStatusTransitionException()
    {
        var order = Order.Import(OrderId.From("o-1"), ChannelOrderBuilder.Marketplace().WithLine("SKU-1", 1).Build(), TestIds.Start);
        order.Ship(TestIds.Start);

        var e = Assert.Throws<InvalidStatusTransitionException>(() => order.Ship(TestIds.Start));

        Assert.Equal("Shipped", e.From);
    }
}
