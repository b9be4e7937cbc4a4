using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Orders;

public sealed class OrderFulfilmentTests
{
    private static async Task<OrderCoreHarness> StockedAsync(int sku1 = 10, int sku2 = 10)
    {
        var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        if (sku1 > 0) await h.ReceiveAsync("SKU-1", sku1);
        if (sku2 > 0) await h.ReceiveAsync("SKU-2", sku2);
        return h;
    }

    [Fact]
    public async Task AllocateAsync_EnoughStock_ReservesEveryLineAtFirstLocation()
    {
        await using var h = await StockedAsync();

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1).WithLine("SKU-1", 3));

        Assert.True(placed.Allocation!.Allocated);
        Assert.Equal(OrderStatus.Allocated, placed.Order.Status);
        Assert.Equal(TestIds.Warehouse, placed.Order.AllocatedLocation);
        Assert.Equal(ReservationId.From("acme:shopify:acme-store:1001#1"), placed.Order.ReservationId);
        Assert.Equal(5, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(1, (await h.BalanceAsync("SKU-2")).Reserved);
        var reservation = await h.Inventory.GetReservationAsync(placed.Order.ReservationId!.Value);
        Assert.Equal(placed.Order.Lines.Select(l => (OrderLineId?)l.Id), reservation!.Lines.Select(l => l.OrderLine));
    }

    [Fact]
    public async Task AllocateAsync_SameSkuOnTwoLinesExceedingStock_FailsAndReservesNothing()
    {
        await using var h = await StockedAsync(sku1: 3);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-1", 2));

        Assert.False(placed.IsAllocated);
        Assert.Equal("SKU 'SKU-1' needs 4, best location has 3", placed.Allocation!.Exception!.Detail);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Empty(await h.Inventory.ReadLedgerAsync().Where(e => e.Type == MovementType.Reserve).ToListAsync());
    }

    [Fact]
    public async Task AllocateAsync_MarketplaceOrder_ReservesNothingAndStaysReceived()
    {
        await using var h = await StockedAsync();

        var placed = await h.PlaceAsync(h.NewMarketplaceOrder().WithLine("SKU-1", 2));

        Assert.Null(placed.Allocation!.Decision);
        Assert.Equal(OrderStatus.Received, placed.Order.Status);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);

        var shipped = await h.Fulfilment.ShipAsync(placed.Order.Id, "AFN");
        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal(10, (await h.BalanceAsync("SKU-1")).OnHand);
    }

    [Fact]
    public async Task ShipAsync_AllocatedOrder_TakesUnitsOffOnHand()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2));
        await h.Fulfilment.ReleaseToFloorAsync(placed.Order.Id);

        var shipped = await h.Fulfilment.ShipAsync(placed.Order.Id, "shipment-1");

        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Null(shipped.ReservationId);
        var b = await h.BalanceAsync("SKU-1");
        Assert.Equal((8, 0), (b.OnHand, b.Reserved));
        Assert.Empty(await h.VerifyLedgerAsync());
    }

    [Fact]
    public async Task ShipAsync_MerchantOrderNotAllocated_ThrowsOrderNotAllocated()
    {
        await using var h = await StockedAsync(sku1: 1);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 5));

        var e = await Assert.ThrowsAsync<OrderNotAllocatedException>(() => h.Fulfilment.ShipAsync(placed.Order.Id, "S-1"));

        Assert.Contains("cannot ship what it has not allocated", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await h.BalanceAsync("SKU-1")).OnHand);
    }

    [Fact]
    public async Task ShipLinesAsync_OneOfTwoLines_ShipsThatLineAndKeepsTheRestReserved()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1));

        var order = await h.Fulfilment.ShipLinesAsync(placed.Order.Id, [placed.Order.Lines[0].Id], "S-1");

        Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
        Assert.Equal((8, 0), ((await h.BalanceAsync("SKU-1")).OnHand, (await h.BalanceAsync("SKU-1")).Reserved));
        Assert.Equal(1, (await h.BalanceAsync("SKU-2")).Reserved);
    }

    [Fact]
    public async Task CancelAsync_AllocatedOrder_ReleasesReservationAndClosesOpenExceptions()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1));

        var cancelled = await h.Fulfilment.CancelAsync(placed.Order.Id, "customer-request");

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.All(cancelled.Lines, l => Assert.Equal(OrderLineStatus.Cancelled, l.Status));
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(0, (await h.BalanceAsync("SKU-2")).Reserved);
        Assert.Null(await h.Inventory.GetReservationAsync(placed.Order.ReservationId!.Value));
    }

    [Fact]
    public async Task CancelAsync_OrderWithOpenException_ResolvesItAsOrderCancelled()
    {
        await using var h = await StockedAsync(sku1: 1);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 5));

        await h.Fulfilment.CancelAsync(placed.Order.Id, "channel-cancelled");

        Assert.Empty(await h.Exceptions.ListOpenAsync(placed.Order.Id));
        var all = await h.Orders.GetExceptionsAsync(placed.Order.Id, openOnly: false);
        Assert.Equal("order-cancelled", Assert.Single(all).Resolution);
    }

    [Fact]
    public async Task CancelAsync_ShippedOrder_ThrowsInvalidStatusTransition()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1));
        await h.Fulfilment.ShipAsync(placed.Order.Id, "S-1");

        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => h.Fulfilment.CancelAsync(placed.Order.Id, "late"));
        Assert.Equal(9, (await h.BalanceAsync("SKU-1")).OnHand);
    }

    [Fact]
    public async Task CancelLineAsync_OneLineOfAllocatedOrder_ReleasesOnlyItsUnits()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 3));

        var order = await h.Fulfilment.CancelLineAsync(placed.Order.Id, placed.Order.Lines[1].Id, "out-of-policy");

        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.Equal([OrderLineStatus.Open, OrderLineStatus.Cancelled], order.Lines.Select(l => l.Status));
        Assert.Equal(2, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(0, (await h.BalanceAsync("SKU-2")).Reserved);

        await h.Fulfilment.ShipAsync(order.Id, "S-1");
        Assert.Equal(10, (await h.BalanceAsync("SKU-2")).OnHand);
        Assert.Equal(8, (await h.BalanceAsync("SKU-1")).OnHand);
    }

    [Fact]
    public async Task CancelLineAsync_LastOpenLine_CancelsTheOrderAndReleasesEverything()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2));

        var order = await h.Fulfilment.CancelLineAsync(placed.Order.Id, placed.Order.Lines[0].Id, "oos");

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
    }

    [Fact]
    public async Task ReturnAsync_ShippedMerchantOrder_ReceivesUnitsIntoReturnPendingWhereItShippedFrom()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1));
        await h.Fulfilment.ShipAsync(placed.Order.Id, "S-1");

        var (order, units) = await h.Fulfilment.ReturnAsync(placed.Order.Id, "returned-to-seller");

        Assert.Equal(OrderStatus.Returned, order.Status);
        Assert.Equal(3, units);
        Assert.Equal(2, (await h.BalanceAsync("SKU-1", status: InventoryStatus.ReturnPending)).OnHand);
        Assert.Equal(1, (await h.BalanceAsync("SKU-2", status: InventoryStatus.ReturnPending)).OnHand);
        Assert.Equal(8, (await h.BalanceAsync("SKU-1")).OnHand);
        var last = (await h.LedgerAsync())[^1];
        Assert.Equal((MovementType.Return, "returned-to-seller"), (last.Type, last.Reason));
    }

    [Fact]
    public async Task ReturnAsync_MarketplaceOrder_ReceivesNoLocalUnits()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewMarketplaceOrder().WithLine("SKU-1", 2));
        await h.Fulfilment.ShipAsync(placed.Order.Id, "AFN");

        var (order, units) = await h.Fulfilment.ReturnAsync(placed.Order.Id, "customer-return");

        Assert.Equal((OrderStatus.Returned, 0), (order.Status, units));
        Assert.Equal(0, (await h.BalanceAsync("SKU-1", status: InventoryStatus.ReturnPending)).OnHand);
    }

    [Fact]
    public async Task ReturnAsync_OrderNotShipped_ThrowsInvalidStatusTransition()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2));

        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => h.Fulfilment.ReturnAsync(placed.Order.Id, "x"));
    }

    [Fact]
    public async Task DeliverAsync_ShippedOrder_MovesToDelivered()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1));
        await h.Fulfilment.ShipAsync(placed.Order.Id, "S-1");

        Assert.Equal(OrderStatus.Delivered, (await h.Fulfilment.DeliverAsync(placed.Order.Id)).Status);
    }

    [Fact]
    public async Task HoldAsync_AllocatedOrder_BlocksReleaseAndShipUntilLifted()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1));

        var held = await h.Fulfilment.HoldAsync(placed.Order.Id, HoldReason.AddressVerification, "check unit number");

        var hold = Assert.Single(held.Holds);
        Assert.Equal((HoldReason.AddressVerification, "check unit number", TestIds.Start), (hold.Reason, hold.Note, hold.PlacedAt));
        await Assert.ThrowsAsync<OrderHeldException>(() => h.Fulfilment.ReleaseToFloorAsync(placed.Order.Id));
        await Assert.ThrowsAsync<OrderHeldException>(() => h.Fulfilment.ShipAsync(placed.Order.Id, "S-1"));
        Assert.Equal(1, (await h.BalanceAsync("SKU-1")).Reserved);

        var lifted = await h.Fulfilment.ReleaseHoldAsync(placed.Order.Id, HoldReason.AddressVerification);
        Assert.False(lifted.IsHeld);
        Assert.Equal(OrderStatus.Released, (await h.Fulfilment.ReleaseToFloorAsync(placed.Order.Id)).Status);
    }

    [Fact]
    public async Task ReleaseHoldAsync_OtherReason_KeepsTheHold()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1));
        await h.Fulfilment.HoldAsync(placed.Order.Id, HoldReason.Fraud, "score 97");

        var order = await h.Fulfilment.ReleaseHoldAsync(placed.Order.Id, HoldReason.Payment);

        Assert.Equal(HoldReason.Fraud, Assert.Single(order.Holds).Reason);
    }

    [Fact]
    public async Task DeallocateAsync_AllocatedOrder_ReleasesAndReallocationUsesANewReservationId()
    {
        await using var h = await StockedAsync();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2));

        var back = await h.Fulfilment.DeallocateAsync(placed.Order.Id, "re-route");
        var again = await h.Fulfilment.AllocateAsync(placed.Order.Id);

        Assert.Equal(OrderStatus.Received, back.Status);
        Assert.True(again.Allocated);
        Assert.Equal(ReservationId.From("acme:shopify:acme-store:1001#2"), again.Order.ReservationId);
        Assert.Equal(2, (await h.BalanceAsync("SKU-1")).Reserved);
    }

    [Fact]
    public async Task AllocateAsync_FirstLocationShortSecondCovers_RoutesWholeOrderToSecond()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-1", 5, TestIds.SecondWarehouse);
        await h.ReceiveAsync("SKU-2", 5, TestIds.SecondWarehouse);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1));

        Assert.Equal(TestIds.SecondWarehouse, placed.Order.AllocatedLocation);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(1, (await h.BalanceAsync("SKU-1", TestIds.SecondWarehouse)).Reserved);
        Assert.Contains("WH-1: passed over (SKU-2 needs 1, has 0)", placed.Allocation!.Decision!.Trace);
    }

    [Fact]
    public async Task Operations_UnknownOrder_ThrowNotFound()
    {
        await using var h = OrderCoreHarness.Create();
        var id = OrderId.From("missing");

        var e = await Assert.ThrowsAsync<NotFoundException>(() => h.Fulfilment.AllocateAsync(id));
        Assert.Equal(("Order", "missing"), (e.Kind, e.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Intake.ValidateAsync(id));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Fulfilment.CancelAsync(id, "x"));
    }
}
