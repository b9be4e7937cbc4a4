using NodaTime;
using OrderCore.Events;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Orders;

/// <summary>
/// The order status machine on every (from, to) pair: the transition table itself (<see cref="OrderStatusMachine"/>),
/// and the <see cref="Order"/> behaviour methods that move it.
/// </summary>
public sealed partial class OrderStatusMachineTests
{
    /// <summary>The table as documented on <see cref="OrderStatusMachine"/>, written out independently of the code.</summary>
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Documented = new()
    {
        [OrderStatus.Received] = [OrderStatus.Allocated, OrderStatus.Shipped, OrderStatus.Cancelled],
        [OrderStatus.Allocated] = [OrderStatus.Received, OrderStatus.Released, OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Cancelled],
        [OrderStatus.Released] = [OrderStatus.Allocated, OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Cancelled],
        [OrderStatus.PartiallyShipped] = [OrderStatus.Shipped, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Returned],
        [OrderStatus.Delivered] = [OrderStatus.Returned],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Returned] = [],
    };

    private static readonly Instant Now = TestIds.Start;

    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>()) data.Add(from, to);
        }
        return data;
    }

    private static bool Allowed(OrderStatus from, OrderStatus to) => Documented[from].Contains(to);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void EnsureCanMove_EveryPair_SucceedsExactlyWhenTheTableAllowsIt(OrderStatus from, OrderStatus to)
    {
        Assert.Equal(Allowed(from, to), OrderStatusMachine.CanMove(from, to));
        if (Allowed(from, to))
        {
            OrderStatusMachine.EnsureCanMove(from, to);
            return;
        }
        var e = Assert.Throws<InvalidStatusTransitionException>(() => OrderStatusMachine.EnsureCanMove(from, to, "order 42"));
        Assert.Equal(("OrderStatus", from.ToString(), to.ToString(), "order 42"), (e.Machine, e.From, e.To, e.Subject));
    }

    [Property(MaxTest = 200)]
    public bool CanMove_AnyPair_AgreesWithTargetsAndTerminal(OrderStatus from, OrderStatus to)
        => OrderStatusMachine.CanMove(from, to) == OrderStatusMachine.Targets(from).Contains(to)
           && OrderStatusMachine.IsTerminal(from) == (Documented[from].Length == 0);

    [Fact]
    public void Targets_EveryStatus_EqualTheDocumentedTable()
    {
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            Assert.Equal(Documented[from].Order(), OrderStatusMachine.Targets(from).Order());
        }
    }

    /// <summary>A two-line merchant order brought to <paramref name="status"/> through its own methods.</summary>
    private static Order OrderIn(OrderStatus status, FulfilmentChannel fulfilment = FulfilmentChannel.Merchant)
    {
        var builder = (fulfilment == FulfilmentChannel.Merchant ? ChannelOrderBuilder.Merchant() : ChannelOrderBuilder.Marketplace())
            .WithLine("SKU-1", 1).WithLine("SKU-2", 1);
        var order = Order.Import(OrderId.From("o-1"), builder.Build(), Now);
        var reservation = ReservationId.From("o-1#1");
        switch (status)
        {
            case OrderStatus.Received:
                break;
            case OrderStatus.Allocated:
                order.Allocate(reservation, TestIds.Warehouse, Now);
                break;
            case OrderStatus.Released:
                order.Allocate(reservation, TestIds.Warehouse, Now);
                order.ReleaseToFloor(Now);
                break;
            case OrderStatus.PartiallyShipped:
                order.Allocate(reservation, TestIds.Warehouse, Now);
                order.ShipLines([order.Lines[0].Id], Now);
                break;
            case OrderStatus.Shipped:
                order.Allocate(reservation, TestIds.Warehouse, Now);
                order.Ship(Now);
                break;
            case OrderStatus.Delivered:
                order.Allocate(reservation, TestIds.Warehouse, Now);
                order.Ship(Now);
                order.Deliver(Now);
                break;
            case OrderStatus.Cancelled:
                order.Cancel(Now);
                break;
            case OrderStatus.Returned:
                order.Allocate(reservation, TestIds.Warehouse, Now);
                order.Ship(Now);
                order.MarkReturned(Now);
                break;
        }
        Assert.Equal(status, order.Status);
        order.DequeueEvents();
        return order;
    }

    /// <summary>The behaviour method whose only precondition is the transition to <paramref name="to"/>.</summary>
    private static Action<Order> MethodFor(OrderStatus to) => to switch
    {
        OrderStatus.Received => o => o.Deallocate(Now),
        OrderStatus.Allocated => o => o.Allocate(ReservationId.From("o-1#2"), TestIds.Warehouse, Now),
        OrderStatus.Released => o => o.ReleaseToFloor(Now),
        OrderStatus.Shipped => o => o.Ship(Now),
        OrderStatus.Delivered => o => o.Deliver(Now),
        OrderStatus.Cancelled => o => o.Cancel(Now),
        OrderStatus.Returned => o => o.MarkReturned(Now),
        _ => throw new ArgumentOutOfRangeException(nameof(to)),
    };

    public static TheoryData<OrderStatus, OrderStatus> MethodPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>().Where(t => t != OrderStatus.PartiallyShipped)) data.Add(from, to);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MethodPairs))]
    public void BehaviourMethod_EveryPair_MovesWhenAllowedElseThrowsInvalidStatusTransition(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);
        var move = MethodFor(to);

        if (from == OrderStatus.Received && to == OrderStatus.Shipped)
        {
            // Allowed by the table for marketplace orders only: a merchant order cannot ship what it has not allocated.
            Assert.Throws<OrderNotAllocatedException>(() => move(order));
            Assert.Equal(OrderStatus.Received, order.Status);
            return;
        }
        if (Allowed(from, to))
        {
            move(order);
            Assert.Equal(to, order.Status);
            var changed = Assert.Single(order.PendingEvents.OfType<OrderStatusChanged>());
            Assert.Equal((from, to), (changed.From, changed.To));
            return;
        }
        var e = Assert.Throws<InvalidStatusTransitionException>(() => move(order));
        Assert.Equal((from.ToString(), to.ToString()), (e.From, e.To));
        Assert.Equal(from, order.Status);
        Assert.Empty(order.PendingEvents);
    }

    [Fact]
    public void Ship_MarketplaceOrderInReceived_MovesToShippedWithoutAllocation()
    {
        var order = OrderIn(OrderStatus.Received, FulfilmentChannel.Marketplace);

        order.Ship(Now);

        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.All(order.Lines, l => Assert.Equal(OrderLineStatus.Shipped, l.Status));
    }

    [Fact]
    public void Allocate_MarketplaceOrder_ThrowsInvalidOperation()
    {
        var order = OrderIn(OrderStatus.Received, FulfilmentChannel.Marketplace);

        Assert.Throws<InvalidOperationException>(() => order.Allocate(ReservationId.From("r"), TestIds.Warehouse, Now));
        Assert.Equal(OrderStatus.Received, order.Status);
    }

    [Theory]
    [InlineData(OrderStatus.Allocated)]
    [InlineData(OrderStatus.Released)]
    public void ShipLines_SomeLinesFromAllocatedOrReleased_MovesToPartiallyShippedThenShipped(OrderStatus from)
    {
        var order = OrderIn(from);

        order.ShipLines([order.Lines[0].Id], Now);
        Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
        Assert.Equal([OrderLineStatus.Shipped, OrderLineStatus.Open], order.Lines.Select(l => l.Status));

        order.ShipLines([order.Lines[1].Id], Now);
        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Null(order.ReservationId);
    }

    [Theory]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Returned)]
    public void ShipLines_FromClosedStatus_ThrowsAndStaysPut(OrderStatus from)
    {
        var order = OrderIn(from);

        Assert.ThrowsAny<InvalidOperationException>(() => order.ShipLines([order.Lines[0].Id], Now));
        Assert.Equal(from, order.Status);
    }

    [Fact]
    public void ReleaseToFloor_HeldOrder_ThrowsOrderHeldAndStaysAllocated()
    {
        var order = OrderIn(OrderStatus.Allocated);
        order.PlaceHold(HoldReason.Fraud, "manual review", Now);

        var e = Assert.Throws<OrderHeldException>(() => order.ReleaseToFloor(Now));

        Assert.Contains("held (Fraud)", e.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Allocated, order.Status);
    }

    [Fact]
    public void CancelLine_LastOpenLineWithNothingShipped_CancelsTheOrder()
    {
        var order = OrderIn(OrderStatus.Allocated);

        order.CancelLine(order.Lines[0].Id, Now);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        order.CancelLine(order.Lines[1].Id, Now);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Null(order.ReservationId);
    }

    [Fact]
    public void CancelLine_LastOpenLineAfterPartialShipment_MovesOrderToShipped()
    {
        var order = OrderIn(OrderStatus.PartiallyShipped);

        order.CancelLine(order.Lines[1].Id, Now);

        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Equal([OrderLineStatus.Shipped, OrderLineStatus.Cancelled], order.Lines.Select(l => l.Status));
    }

    [Fact]
    public void CancelLine_AlreadyCancelledLine_ThrowsInvalidOperation()
    {
        var order = OrderIn(OrderStatus.Allocated);
        order.CancelLine(order.Lines[0].Id, Now);

        Assert.Throws<InvalidOperationException>(() => order.CancelLine(order.Lines[0].Id, Now));
    }

    [Theory]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Returned)]
    [InlineData(OrderStatus.Cancelled)]
    public void PlaceHold_ClosedOrder_ThrowsInvalidOperation(OrderStatus from)
    {
        var order = OrderIn(from);

        Assert.Throws<InvalidOperationException>(() => order.PlaceHold(HoldReason.Manual, "late", Now));
        Assert.False(order.IsHeld);
    }
}
