using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbound;
using OrderCore.Adapters.Walmart.Outbox;
using OrderCore.Adapters.Walmart.Tests.Support;
using OrderCore.Inventory;

namespace OrderCore.Adapters.Walmart.Tests.Flow;

/// <summary>Ship, cancel, refund and stock through the outbox: idempotent per (purchase order, line, action), newest stock wins.</summary>
public sealed class OutboundEffectsTests
{
    private static readonly Instant Created = Kit.Po1796277083022Created;

    private static WalmartShipment Shipment(string tracking) => new()
    {
        Lines = [new WalmartLineQuantity("4", 1)],
        Carrier = WalmartCarrier.Known("FedEx"),
        MethodCode = WalmartMethodCode.Standard,
        TrackingNumber = tracking,
        TrackingUrl = "https://www.fedex.com/fedextrack/?trknbr=" + tracking,
        ShipDateTime = Created + Duration.FromHours(20),
    };

    [WalmartDataFact]
    public async Task Shipment_IsEnqueuedOncePerLineAndTrackingNumber_AndDelivered()
    {
        await using var h = WalmartHarness.Create(Created + Duration.FromDays(1));
        var order = h.Mapper.ParseSingle(SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json"));

        var first = await h.Outbox.EnqueueShipmentAsync(order, Shipment("7489"));
        var second = await h.Outbox.EnqueueShipmentAsync(order, Shipment("7489"));

        Assert.Equal(WalmartEnqueueOutcome.Enqueued, first.Outcome);
        Assert.Equal(WalmartEnqueueOutcome.Duplicate, second.Outcome);
        var message = Assert.Single(await h.PendingAsync(WalmartChannel.ShipKind));
        Assert.Equal("1796277083022", message.Key);

        h.Server.OnJson(HttpMethod.Post, "/v3/orders/1796277083022/shipping", SharedData.ReadExample("orders", "shippingUpdates__response200__example.json"));
        var report = await h.Dispatcher.DispatchPendingAsync();

        Assert.Equal(1, report.Delivered);
        var body = JsonNode.Parse(h.Server.ApiRequests.Single().Body!)!;
        var status = body["orderShipment"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!["orderLineStatus"]![0]!;
        Assert.Equal("7489", (string)status["trackingInfo"]!["trackingNumber"]!);
        Assert.Equal((Created + Duration.FromHours(20)).ToUnixTimeMilliseconds(), (long)status["trackingInfo"]!["shipDateTime"]!);

        // A fresh snapshot already shows the line shipped with that tracking number: still a duplicate.
        var shipped = h.Mapper.ParseSingle(SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json").Replace("\"Created\"", "\"Shipped\"").Replace("001792410114462199", "7489"));
        Assert.Equal(WalmartEnqueueOutcome.Duplicate, (await h.Outbox.EnqueueShipmentAsync(shipped, Shipment("7489"))).Outcome);
    }

    [WalmartDataFact]
    public async Task Shipment_OfMoreThanTheOpenUnits_OrOfAWfsOrder_IsRefused()
    {
        await using var h = WalmartHarness.Create(Created + Duration.FromDays(1));
        var order = h.Mapper.ParseSingle(SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json"));
        var wfs = order with { ShipNodeType = WalmartShipNodeType.WalmartFulfilled };

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Outbox.EnqueueShipmentAsync(order, Shipment("1") with { Lines = [new WalmartLineQuantity("4", 2)] }));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Outbox.EnqueueShipmentAsync(order, Shipment("1") with { Lines = [new WalmartLineQuantity("99", 1)] }));
        await Assert.ThrowsAsync<WalmartFulfilledOrderException>(() => h.Outbox.EnqueueShipmentAsync(wfs, Shipment("1")));
        await Assert.ThrowsAsync<WalmartFulfilledOrderException>(() => h.Outbox.EnqueueCancellationAsync(wfs, new WalmartCancellation([new WalmartLineQuantity("4", 1)], WalmartCancellationReason.SellerCancelOutOfStock)));
        Assert.Equal(WalmartEnqueueOutcome.NotApplicable, (await h.Outbox.EnqueueAcknowledgementAsync(wfs)).Outcome);
        Assert.Empty(await h.PendingAsync());

        // A valid shipment after a refused one is not mistaken for a duplicate.
        Assert.Equal(WalmartEnqueueOutcome.Enqueued, (await h.Outbox.EnqueueShipmentAsync(order, Shipment("1"))).Outcome);
    }

    [WalmartDataFact]
    public async Task Cancellation_FromOrderCoresOutOfStock_IsEnqueuedOnce()
    {
        await using var h = WalmartHarness.Create(Created + Duration.FromHours(2));
        var order = h.Mapper.ParseSingle(SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json"));
        var cancel = new WalmartCancellation([new WalmartLineQuantity("4", 1)], WalmartReasons.CancellationFor(OrderCore.Orders.OrderExceptionReason.InsufficientInventory)!.Value);

        Assert.Equal(WalmartEnqueueOutcome.Enqueued, (await h.Outbox.EnqueueCancellationAsync(order, cancel)).Outcome);
        Assert.Equal(WalmartEnqueueOutcome.Duplicate, (await h.Outbox.EnqueueCancellationAsync(order, cancel)).Outcome);

        var payload = JsonNode.Parse(Assert.Single(await h.PendingAsync(WalmartChannel.CancelKind)).Payload)!;
        var body = JsonNode.Parse((string)payload["body"]!)!;
        Assert.Equal("SELLER_CANCEL_OUT_OF_STOCK", (string)body["orderCancellation"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!["orderLineStatus"]![0]!["cancellationReason"]!);
        Assert.Equal(WalmartCancellationReason.SellerCancelFraudStopShipment, WalmartReasons.CancellationFromOrderCore("Fraud"));
        Assert.Throws<ArgumentException>(() => WalmartReasons.CancellationFromOrderCore("because"));
    }

    [WalmartDataFact]
    public async Task Refunds_PendingInTheOutbox_CountAgainstWhatRemainsRefundable()
    {
        await using var h = WalmartHarness.Create(Instant.FromUtc(2017, 2, 24, 0, 0));
        var order = h.Mapper.ParseSingle(File.ReadAllText(SharedData.CapturedOrder)); // 21.69 charged, 0.01 refunded
        WalmartRefund Refund(string reference, decimal product) => new() { LineNumber = "1", Reference = reference, Reason = WalmartRefundReason.DamagedItem, Product = new Money(product, CurrencyCode.Usd) };

        Assert.Equal(WalmartEnqueueOutcome.Enqueued, (await h.Outbox.EnqueueRefundAsync(order, Refund("RMA-1", 15m))).Outcome);
        Assert.Equal(WalmartEnqueueOutcome.Duplicate, (await h.Outbox.EnqueueRefundAsync(order, Refund("RMA-1", 15m))).Outcome);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Outbox.EnqueueRefundAsync(order, Refund("RMA-2", 7m)));
        Assert.Contains("pending USD 15", ex.Message);
        Assert.Equal(WalmartEnqueueOutcome.Enqueued, (await h.Outbox.EnqueueRefundAsync(order, Refund("RMA-2", 6.68m))).Outcome);
        Assert.Equal(2, (await h.PendingAsync(WalmartChannel.RefundKind)).Count);
    }

    [Fact]
    public async Task Stock_OnlyTheNewestSequencePerSku_IsSent()
    {
        await using var h = WalmartHarness.Create(Created);
        h.Server.On(HttpMethod.Put, "/v3/inventories/SKU-1", _ => FakeWalmartServer.Json(HttpStatusCode.OK, """{"sku":"SKU-1","nodes":[{"shipNode":"10001","status":"Success"}]}"""));

        var older = await h.Outbox.EnqueueStockAsync("SKU-1", [new WalmartNodeQuantity("10001", 5)]);
        var newer = await h.Outbox.EnqueueStockAsync("SKU-1", [new WalmartNodeQuantity("10001", 7)]);
        var report = await h.Dispatcher.DispatchPendingAsync();

        Assert.True(newer.Sequence > older.Sequence);
        Assert.Equal((1, 1), (report.Delivered, report.Superseded));
        var put = Assert.Single(h.Server.ApiRequests);
        Assert.Equal(7, (int)JsonNode.Parse(put.Body!)!["inventories"]!["nodes"]![0]!["inputQty"]!["amount"]!);
        Assert.Empty(await h.PendingAsync());

        await h.Outbox.EnqueueStockAsync("SKU-1", [new WalmartNodeQuantity("10001", 3)]);
        await h.Dispatcher.DispatchPendingAsync();
        Assert.Equal(3, (int)JsonNode.Parse(h.Server.ApiRequests[^1].Body!)!["inventories"]!["nodes"]![0]!["inputQty"]!["amount"]!);
    }

    [WalmartDataFact]
    public async Task Stock_ForManySkus_GoesOutAsOneMpInventoryFeed_SplitOn413_AndTheFeedIsPolled()
    {
        await using var h = WalmartHarness.Create(Created, o => o.BulkInventoryThreshold = 2);
        var feedNumber = 0;
        h.Server.On(HttpMethod.Post, "/v3/feeds", r =>
        {
            var text = r.Body!;
            var skus = JsonNode.Parse(text[text.IndexOf('{')..(text.LastIndexOf('}') + 1)])!["inventory"]!.AsArray().Count;
            return skus > 2
                ? FakeWalmartServer.Json(HttpStatusCode.RequestEntityTooLarge, """{"errors":[{"code":"REQUEST_ENTITY_TOO_LARGE"}]}""")
                : FakeWalmartServer.Json(HttpStatusCode.OK, $$"""{"feedId":"FEED{{++feedNumber}}@AUoBAQA"}""");
        }, "?feedType=MP_INVENTORY");
        h.Server.On(HttpMethod.Get, "/v3/feeds/FEED1%40AUoBAQA", _ => FakeWalmartServer.Json(HttpStatusCode.OK, """{"feedId":"FEED1@AUoBAQA","feedStatus":"INPROGRESS"}"""));
        h.Server.On(HttpMethod.Get, "/v3/feeds/FEED2%40AUoBAQA", _ => FakeWalmartServer.Json(HttpStatusCode.OK, """{"feedId":"FEED2@AUoBAQA","feedStatus":"PROCESSED","itemsReceived":2,"itemsSucceeded":2,"itemsFailed":0}"""));
        foreach (var sku in new[] { "A", "B", "C", "D" }) await h.Outbox.EnqueueStockAsync(sku, [new WalmartNodeQuantity("10001", 4)]);

        var report = await h.Dispatcher.DispatchPendingAsync();

        Assert.Equal(4, report.Delivered);
        Assert.Equal(["FEED1@AUoBAQA", "FEED2@AUoBAQA"], report.FeedIds);
        Assert.Equal(3, h.Server.ApiRequests.Count); // 413 once, then two halves
        Assert.Empty(await h.PendingAsync());

        var monitor = h.Get<WalmartFeedMonitor>();
        var client = h.Get<WalmartApiClient>();
        Assert.Empty(await monitor.PollDueAsync(client)); // not due before 15 minutes
        h.Core.Clock.Advance(Duration.FromMinutes(15));
        var statuses = await monitor.PollDueAsync(client);
        Assert.Equal(2, statuses.Count);
        var left = Assert.Single(monitor.Feeds);
        Assert.Equal("FEED1@AUoBAQA", left.FeedId);
        Assert.Equal(Created + Duration.FromMinutes(15) + Duration.FromHours(1), left.NextPollAt);
    }

    [Fact]
    public async Task InventorySync_PushesAtpPerShipNode_FromSellableStockOnly()
    {
        await using var h = WalmartHarness.Create(Created, o =>
        {
            o.ShipNodes["20002"] = "WH-2";
            o.SafetyStock = 1;
        });
        await h.Core.AddProductAsync("SKU-1");
        await h.Core.ReceiveAsync("SKU-1", 10);
        await h.Core.ReceiveAsync("SKU-1", 4, status: InventoryStatus.FbaBound);
        await h.Core.ReceiveAsync("SKU-1", 3, location: LocationId.From("WH-2"));

        var pushes = await h.Get<WalmartInventorySync>().EnqueueAtpAsync([new WalmartSkuMapping(Sku.From("SKU-1"), "WM-SKU-1")]);

        var push = Assert.Single(pushes);
        Assert.Equal([new WalmartNodeQuantity("10001", 9), new WalmartNodeQuantity("20002", 2)], push.Nodes);
        Assert.Equal(10, push.Explanations[0].SumAvailable);
        var message = Assert.Single(await h.PendingAsync(WalmartChannel.StockKind));
        Assert.Equal("WM-SKU-1", message.Key);
        Assert.Equal(push.Sequence, message.Sequence);
    }
}
