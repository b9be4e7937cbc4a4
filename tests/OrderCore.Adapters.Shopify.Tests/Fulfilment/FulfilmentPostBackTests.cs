using System.Net;
using OrderCore.Adapters.Shopify.Fulfilment;
using OrderCore.Adapters.Shopify.Http;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Tests.Fulfilment;

/// <summary>When OrderCore ships a Shopify order, the outbox posts the fulfilment for the right fulfilment order and location, with tracking.</summary>
public sealed class FulfilmentPostBackTests
{
    private const string Api = "/admin/api/2026-07/";

    private static async Task<Order> ShippableOrder1001Async(ShopifyHost host)
    {
        await host.H.AddProductsAsync("IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK");
        await host.H.ReceiveAsync("IPOD2008RED", 5);
        var imported = await host.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order("order__test_1.json"))); // only 1 × red (518995019) left open
        var allocated = await host.H.Fulfilment.AllocateAsync(imported.Order.Id);
        Assert.True(allocated.Allocated);
        await host.H.Fulfilment.ReleaseToFloorAsync(imported.Order.Id);
        return allocated.Order;
    }

    [SharedDataFact]
    public async Task Ship_PostsTheFulfilmentForTheAssignedFulfilmentOrder_WithTracking()
    {
        await using var host = ShopifyHost.Create();
        var order = await ShippableOrder1001Async(host);
        host.Fake
            .OnExample("GET", Api + "orders/450789469/fulfillment_orders.json", "fulfillment_order__test_1.json")
            .OnExample("POST", Api + "fulfillments.json", "fulfillment__test_9.json");

        var (shipped, message) = await host.Outbox.ShipAsync(order.Id, new ShopifyTracking("UPS", "1Z001985YW99744790", "https://www.ups.com/track?tracknum=1Z001985YW99744790"));
        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal((ShopifyOutbox.FulfilmentKind, 1L), (message.Kind, message.Sequence));

        var report = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(new ShopifyDispatchReport(1, 0, 0, 0), report);
        var post = host.Fake.Requests.Single(r => r.Method == "POST").Json.GetProperty("fulfillment");
        var byFo = post.GetProperty("line_items_by_fulfillment_order")[0];
        Assert.Equal(1046000780, byFo.GetProperty("fulfillment_order_id").GetInt64()); // the open FO assigned to 24826418 (= WH-1)
        var foLine = byFo.GetProperty("fulfillment_order_line_items")[0];
        Assert.Equal((1072503277L, 1), (foLine.GetProperty("id").GetInt64(), foLine.GetProperty("quantity").GetInt32()));
        Assert.Equal("UPS", post.GetProperty("tracking_info").GetProperty("company").GetString());
        Assert.Equal("1Z001985YW99744790", post.GetProperty("tracking_info").GetProperty("number").GetString());
        Assert.Equal("https://www.ups.com/track?tracknum=1Z001985YW99744790", post.GetProperty("tracking_info").GetProperty("url").GetString());
        Assert.True(post.GetProperty("notify_customer").GetBoolean());
        Assert.Empty(await host.OutboxStore.GetPendingAsync(10));
    }

    [SharedDataFact]
    public async Task NotifyCustomer_IsAsConfigured_AndNothingLeftToFulfil_IsTreatedAsDelivered()
    {
        await using var host = ShopifyHost.Create(o => o.NotifyCustomer = false);
        var order = await ShippableOrder1001Async(host);
        var fo = SharedData.ResponseBody("fulfillment_order__test_1.json").GetRawText().Replace("\"fulfillable_quantity\": 1", "\"fulfillable_quantity\": 0", StringComparison.Ordinal);
        host.Fake.On("GET", Api + "orders/450789469/fulfillment_orders.json", HttpStatusCode.OK, fo);

        await host.Outbox.ShipAsync(order.Id, new ShopifyTracking(null, "MS1562678", null));
        var report = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(1, report.Delivered);
        Assert.DoesNotContain(host.Fake.Requests, r => r.Method == "POST");
    }

    [SharedDataFact]
    public async Task FulfilmentOrderAtAnotherLocation_IsNotUsed_AndTheFailureIsRecordedForRetry()
    {
        await using var host = ShopifyHost.Create();
        var order = await ShippableOrder1001Async(host);
        var fo = SharedData.ResponseBody("fulfillment_order__test_1.json").GetRawText().Replace("\"assigned_location_id\": 24826418", "\"assigned_location_id\": 655441491", StringComparison.Ordinal);
        host.Fake.On("GET", Api + "orders/450789469/fulfillment_orders.json", HttpStatusCode.OK, fo);
        await host.Outbox.ShipAsync(order.Id, new ShopifyTracking("UPS", "1Z", null));

        var report = await host.Dispatcher.DispatchPendingAsync();

        // WH-1 maps to 24826418; the only open FO is at 655441491, so nothing is posted from the wrong location.
        Assert.Equal(1, report.Delivered); // nothing left to fulfil at that location: treated as already posted
        Assert.DoesNotContain(host.Fake.Requests, r => r.Method == "POST");
    }

    [SharedDataFact]
    public async Task TrackingUpdate_PostsUpdateTrackingOnTheFulfilmentThatCarriesTheOldNumber()
    {
        await using var host = ShopifyHost.Create();
        var order = await ShippableOrder1001Async(host);
        await host.H.Fulfilment.ShipAsync(order.Id, "shipment-1");
        host.Fake
            .OnExample("GET", Api + "orders/450789469/fulfillments.json", "fulfillment__test_1.json") // 255858046, tracking 1Z1234512345123456
            .OnExample("POST", Api + "fulfillments/255858046/update_tracking.json", "fulfillment__test_11.json");

        await host.Outbox.EnqueueTrackingUpdateAsync(order.Id, new ShopifyTracking("UPS", "1Z001985YW99744790", null), previousTrackingNumber: "1Z1234512345123456");
        var report = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(1, report.Delivered);
        var body = host.Fake.Requests.Single(r => r.Method == "POST").Json.GetProperty("fulfillment");
        Assert.True(body.GetProperty("notify_customer").GetBoolean());
        Assert.Equal("UPS", body.GetProperty("tracking_info").GetProperty("company").GetString());
        Assert.Equal("1Z001985YW99744790", body.GetProperty("tracking_info").GetProperty("number").GetString());
    }

    [SharedDataFact]
    public async Task ShopifyError_IsRecordedOnTheMessage_AndItStaysPending()
    {
        await using var host = ShopifyHost.Create();
        var order = await ShippableOrder1001Async(host);
        host.Fake
            .OnExample("GET", Api + "orders/450789469/fulfillment_orders.json", "fulfillment_order__test_1.json")
            .On("POST", Api + "fulfillments.json", (HttpStatusCode)422, """{"errors":["Fulfillment order is not in an open state"]}""", ("X-Request-Id", "r-1"));
        await host.Outbox.ShipAsync(order.Id, new ShopifyTracking("UPS", "1Z", null));

        var report = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(1, report.Failed);
        var pending = Assert.Single(await host.OutboxStore.GetPendingAsync(10));
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("422", pending.LastError, StringComparison.Ordinal);
    }
}
