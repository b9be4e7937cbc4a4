using Microsoft.Extensions.DependencyInjection;
using OrderCore.Events;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Events;

public sealed class DomainEventTests
{
    private sealed class RecordingHandler : IDomainEventHandler
    {
        public List<IDomainEvent> Events { get; } = new();

        public ValueTask HandleAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
        {
            Events.Add(domainEvent);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Lifecycle_ImportAllocateShip_PublishesEventsInOrder()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 5);
        h.ClearEvents();

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2));
        await h.Fulfilment.ShipAsync(placed.Order.Id, "S-1");

        var kinds = h.PublishedEvents.Select(e => e.GetType().Name).ToArray();
        Assert.Equal(["OrderImported", "InventoryReserved", "OrderStatusChanged", "InventoryMoved", "OrderStatusChanged"], kinds);
        var imported = h.PublishedEventsOf<OrderImported>().Single();
        Assert.Equal((placed.Order.Id, "1001", FulfilmentChannel.Merchant, 1), (imported.OrderId, imported.ExternalOrderId, imported.FulfilmentChannel, imported.LineCount));
        Assert.Equal(
            [(OrderStatus.Received, OrderStatus.Allocated), (OrderStatus.Allocated, OrderStatus.Shipped)],
            h.PublishedEventsOf<OrderStatusChanged>().Select(e => (e.From, e.To)));
        Assert.All(h.PublishedEvents, e => Assert.Equal(TestIds.Start, e.OccurredAt));
    }

    [Fact]
    public async Task Validation_Problems_PublishExceptionRaisedWithFieldAndReason()
    {
        await using var h = OrderCoreHarness.Create();

        await h.PlaceAsync(h.NewOrder().WithLine("NOPE", 1));

        var raised = Assert.Single(h.PublishedEventsOf<OrderExceptionRaised>());
        Assert.Equal((OrderExceptionReason.UnmappedSku, "lines[0].sku"), (raised.Reason, raised.Field));
    }

    [Fact]
    public async Task Holds_AndLineCancellation_PublishTheirEvents()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-2", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1));
        h.ClearEvents();

        await h.Fulfilment.HoldAsync(placed.Order.Id, HoldReason.Payment, "card declined");
        await h.Fulfilment.ReleaseHoldAsync(placed.Order.Id, HoldReason.Payment);
        await h.Fulfilment.CancelLineAsync(placed.Order.Id, placed.Order.Lines[1].Id, "oos");

        Assert.Equal("card declined", h.PublishedEventsOf<OrderHeld>().Single().Note);
        Assert.Equal(HoldReason.Payment, h.PublishedEventsOf<OrderHoldReleased>().Single().Reason);
        Assert.Equal(placed.Order.Lines[1].Id, h.PublishedEventsOf<OrderLineCancelled>().Single().LineId);
        Assert.Equal(1, h.PublishedEventsOf<InventoryReleased>().Single().Units);
    }

    [Fact]
    public async Task PublishAsync_HandlerRegisteredInDi_ReceivesEveryEvent()
    {
        var handler = new RecordingHandler();
        await using var h = OrderCoreHarness.Create(o => o.ConfigureServices = s => s.AddSingleton<IDomainEventHandler>(handler));

        await h.ImportAsync(h.NewOrder().WithLine("SKU-1", 1).Build());

        Assert.IsType<OrderImported>(Assert.Single(handler.Events));
    }

    [Fact]
    public async Task Subscribe_DisposedSubscription_StopsReceiving()
    {
        var hub = new DomainEventHub();
        var seen = new List<IDomainEvent>();
        var subscription = hub.Subscribe(seen.Add);
        var e1 = new OrderUpdated(OrderId.From("o"), 2, TestIds.Start);

        await hub.PublishAsync([e1]);
        subscription.Dispose();
        subscription.Dispose();
        await hub.PublishAsync([new OrderUpdated(OrderId.From("o"), 3, TestIds.Start)]);

        Assert.Equal([e1], seen);
    }
}
