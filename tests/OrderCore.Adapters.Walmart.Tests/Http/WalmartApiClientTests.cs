using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NodaTime;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbound;
using OrderCore.Adapters.Walmart.Tests.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Tests.Http;

/// <summary>The typed client against the in-process fake Walmart replaying the spec examples.</summary>
public sealed class WalmartApiClientTests
{
    private const string AllOrdersCursor = "?limit=10&hasMoreElements=true&soIndex=31&poIndex=10&partnerId=100009&sellerId=8&createdStartDate=2013-08-16&createdEndDate=2019-09-17T18:47:03.703Z";

    private static string WithoutCursor(string json)
    {
        var root = JsonNode.Parse(json)!;
        root["list"]!["meta"]!["nextCursor"] = null;
        return root.ToJsonString();
    }

    [WalmartDataFact]
    public async Task GetOrdersAsync_FollowsNextCursorExactlyAsReceived()
    {
        var (client, server, _) = Kit.Client();
        server.On(HttpMethod.Get, "/v3/orders", r => FakeWalmartServer.Json(HttpStatusCode.OK,
            r.PathAndQuery == "/v3/orders" + AllOrdersCursor
                ? WithoutCursor(SharedData.ReadExample("orders", "getAllReleasedOrders__response200__example.json"))
                : SharedData.ReadExample("orders", "getAllOrders__response200__example.json")));

        var pages = new List<WalmartOrderBatch>();
        await foreach (var page in client.GetOrdersAsync(new WalmartOrderQuery { CreatedStart = Instant.FromUtc(2019, 9, 1, 0, 0) })) pages.Add(page);

        Assert.Equal(2, pages.Count);
        Assert.Equal(20, pages.Sum(p => p.Orders.Count));
        var requests = server.ApiRequests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("/v3/orders?limit=200&createdStartDate=2019-09-01T00%3A00%3A00Z&shipNodeType=SellerFulfilled&replacementInfo=true", requests[0].PathAndQuery);
        Assert.Equal("/v3/orders" + AllOrdersCursor, requests[1].PathAndQuery);
    }

    [Fact]
    public async Task GetOrdersAsync_CursorWithEscapes_IsNotDecodedOrReEncoded()
    {
        const string cursor = "?limit=2&cursor=a%2Bb%3D%3D&token=x+y&createdEndDate=2019-09-17T18:47:03.703Z";
        var (client, server, _) = Kit.Client();
        server.On(HttpMethod.Get, "/v3/orders", r => FakeWalmartServer.Json(HttpStatusCode.OK, r.PathAndQuery.Contains("cursor=", StringComparison.Ordinal)
            ? """{"list":{"meta":{"totalCount":1,"limit":2},"elements":{"order":[]}}}"""
            : """{"list":{"meta":{"totalCount":1,"limit":2,"nextCursor":"?limit=2&cursor=a%2Bb%3D%3D&token=x+y&createdEndDate=2019-09-17T18:47:03.703Z"},"elements":{"order":[{"purchaseOrderId":"1"}]}}}"""));

        await foreach (var _ in client.GetOrdersAsync(new WalmartOrderQuery()))
        {
        }

        Assert.Equal("/v3/orders" + cursor, server.ApiRequests[1].PathAndQuery);
    }

    [WalmartDataFact]
    public async Task Requests_CarryWalmartAuthHeaders_AndTheTokenIsCachedUntilExpiry()
    {
        var (client, server, clock) = Kit.Client();
        server.OnJson(HttpMethod.Get, "/v3/orders/1815367951431", SharedData.ReadExample("orders", "getAnOrder__response200__ORDER.json"));

        for (var i = 0; i < 3; i++) await client.GetOrderAsync("1815367951431");

        Assert.Equal(1, server.TokensIssued);
        var token = server.Requests[0];
        Assert.Equal("/v3/token", token.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeWalmartServer.ClientId}:{FakeWalmartServer.ClientSecret}")), token.Header("Authorization"));
        Assert.Equal("grant_type=client_credentials", token.Body);
        var api = server.ApiRequests;
        Assert.All(api, r =>
        {
            Assert.Equal("token-1", r.Header("WM_SEC.ACCESS_TOKEN"));
            Assert.Equal("OrderCore Tests", r.Header("WM_SVC.NAME"));
            Assert.True(Guid.TryParse(r.Header("WM_QOS.CORRELATION_ID"), out _));
            Assert.Null(r.Header("Authorization"));
        });
        Assert.Equal(3, api.Select(r => r.Header("WM_QOS.CORRELATION_ID")).Distinct().Count());

        clock.Advance(Duration.FromMinutes(15));
        await client.GetOrderAsync("1815367951431");

        Assert.Equal(2, server.TokensIssued);
        Assert.Equal("token-2", server.ApiRequests[^1].Header("WM_SEC.ACCESS_TOKEN"));
    }

    [WalmartDataFact]
    public async Task RevokedToken_IsRenewedOnceAndTheCallResent()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Get, "/v3/orders/1815367951431", SharedData.ReadExample("orders", "getAnOrder__response200__ORDER.json"));
        await client.GetOrderAsync("1815367951431");
        server.Revoke();

        var order = await client.GetOrderAsync("1815367951431");

        Assert.Equal("1815367951431", order.PurchaseOrderId);
        Assert.Equal(2, server.TokensIssued);
    }

    [Fact]
    public async Task WrongSecret_ThrowsAuthenticationErrorWithoutTheSecret()
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2019, 9, 20, 12, 0));
        var server = new FakeWalmartServer(clock);
        var client = WalmartApiClient.Create(Kit.Options(o => o.ClientSecret = "wrong-secret-value"), clock, server);

        var ex = await Assert.ThrowsAsync<WalmartAuthenticationException>(() => client.GetOrderAsync("1"));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("INVALID_CLIENT", ex.Errors[0].Code);
        Assert.NotNull(ex.CorrelationId);
        Assert.DoesNotContain("wrong-secret-value", ex.ToString(), StringComparison.Ordinal);
    }

    [WalmartDataFact]
    public async Task Throttled429_IsRetriedAfterTheReplenishmentTime_WithANewCorrelationIdPerAttempt()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Get, "/v3/orders/1815367951431", SharedData.ReadExample("orders", "getAnOrder__response200__ORDER.json"));
        server.Inject(r => r.Path == "/v3/orders/1815367951431", _ => server.TooManyRequests(Duration.FromMilliseconds(20)));
        server.Inject(r => r.Path == "/v3/orders/1815367951431", _ => server.TooManyRequests(Duration.FromMilliseconds(20)));

        var order = await client.GetOrderAsync("1815367951431");

        Assert.Equal("1815367951431", order.PurchaseOrderId);
        var api = server.ApiRequests;
        Assert.Equal(3, api.Count);
        Assert.Equal(3, api.Select(r => r.Header("WM_QOS.CORRELATION_ID")).Distinct().Count());
    }

    [Fact]
    public async Task Throttled429_AfterTheBoundedRetries_ThrowsRateLimitedWithBodyAndCorrelationId()
    {
        var (client, server, clock) = Kit.Client();
        server.On(HttpMethod.Get, "/v3/orders/9", _ => server.TooManyRequests(Duration.FromMilliseconds(10)));

        var ex = await Assert.ThrowsAsync<WalmartRateLimitedException>(() => client.GetOrderAsync("9"));

        var api = server.ApiRequests;
        Assert.Equal(4, api.Count); // 1 + MaxRetryAttempts (3)
        Assert.Equal((HttpStatusCode)429, ex.StatusCode);
        Assert.Equal(api[^1].Header("WM_QOS.CORRELATION_ID"), ex.CorrelationId);
        Assert.Equal("TOO_MANY_REQUESTS", Assert.Single(ex.Errors).Code);
        Assert.Contains("TOO_MANY_REQUESTS", ex.RawBody);
        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMilliseconds(10), ex.RetryAt);
        Assert.Equal(0, ex.TokensLeft);
        Assert.Equal("GET /v3/orders/{purchaseOrderId}", ex.Operation);
    }

    [Fact]
    public async Task Throttled429_ReplenishingBeyondTheAllowedWait_IsNotRetried_AndTheNextCallIsNotSent()
    {
        var (client, server, _) = Kit.Client();
        server.On(HttpMethod.Get, "/v3/orders/9", _ => server.TooManyRequests(Duration.FromMinutes(20)));

        await Assert.ThrowsAsync<WalmartRateLimitedException>(() => client.GetOrderAsync("9"));
        Assert.Single(server.ApiRequests);

        // The bucket is known to be empty for 20 minutes: the client refuses without calling Walmart.
        var ex = await Assert.ThrowsAsync<WalmartRateLimitedException>(() => client.GetOrderAsync("9"));
        Assert.Null(ex.StatusCode);
        Assert.Single(server.ApiRequests);
    }

    [WalmartDataFact]
    public async Task EmptyBucket_FromHeadersOfASuccess_MakesTheNextCallWaitForReplenishment()
    {
        var (client, server, clock) = Kit.Client();
        server.On(HttpMethod.Get, "/v3/orders/1815367951431", _ =>
        {
            var r = FakeWalmartServer.Json(HttpStatusCode.OK, SharedData.ReadExample("orders", "getAnOrder__response200__ORDER.json"));
            r.Headers.TryAddWithoutValidation("X-Current-Token-Count", "0");
            r.Headers.TryAddWithoutValidation("X-Next-Replenishment-Time", (clock.GetCurrentInstant() + Duration.FromMilliseconds(150)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return r;
        });
        await client.GetOrderAsync("1815367951431");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await client.GetOrderAsync("1815367951431");

        Assert.True(watch.ElapsedMilliseconds >= 120, $"waited {watch.ElapsedMilliseconds} ms");
        Assert.Equal(2, server.ApiRequests.Count);
    }

    [Fact]
    public async Task PayloadTooLarge413_IsNotRetried_AndIsTyped()
    {
        var (client, server, _) = Kit.Client();
        server.On(HttpMethod.Post, "/v3/feeds", _ => FakeWalmartServer.Json(HttpStatusCode.RequestEntityTooLarge, """{"errors":[{"code":"REQUEST_ENTITY_TOO_LARGE","description":"file too large"}]}"""));

        var ex = await Assert.ThrowsAsync<WalmartPayloadTooLargeException>(() => client.SubmitInventoryFeedAsync([new WalmartInventoryFeedItem("S1", [new WalmartNodeQuantity("10001", 5)])]));

        Assert.Single(server.ApiRequests);
        Assert.Equal("REQUEST_ENTITY_TOO_LARGE", ex.Errors[0].Code);
        Assert.True(ex.RequestBytes > 0);
        Assert.NotNull(ex.CorrelationId);
    }

    [Fact]
    public async Task BadRequest_ThrowsRequestExceptionWithWalmartsErrors()
    {
        var (client, server, _) = Kit.Client();
        server.On(HttpMethod.Get, "/v3/orders/9", _ => FakeWalmartServer.Json(HttpStatusCode.BadRequest, """{"errors":{"error":[{"code":"INVALID_REQUEST_PARAM.GMP_ORDER_API","field":"purchaseOrderId","description":"Invalid purchaseOrderId","info":"x","severity":"ERROR","category":"DATA","causes":[]}]}}"""));

        var ex = await Assert.ThrowsAsync<WalmartRequestException>(() => client.GetOrderAsync("9"));

        Assert.Single(server.ApiRequests);
        var e = Assert.Single(ex.Errors);
        Assert.Equal(("INVALID_REQUEST_PARAM.GMP_ORDER_API", "purchaseOrderId", "Invalid purchaseOrderId", "DATA"), (e.Code, e.Field, e.Description, e.Category));
        Assert.Equal(server.ApiRequests[0].Header("WM_QOS.CORRELATION_ID"), ex.CorrelationId);
        Assert.Contains(ex.CorrelationId!, ex.Message);
    }

    [WalmartDataFact]
    public async Task ServerError_IsRetriedForReads_ButNotForShipNotices()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Get, "/v3/orders/1796277083022", SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json"));
        server.On(HttpMethod.Post, "/v3/orders/1796277083022/shipping", _ => FakeWalmartServer.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        server.Inject(r => r.Method == HttpMethod.Get, _ => FakeWalmartServer.Json(HttpStatusCode.ServiceUnavailable, "{}"));

        var order = await client.GetOrderAsync("1796277083022");
        Assert.Equal(2, server.ApiRequests.Count);

        var shipment = new WalmartShipment { Lines = [new WalmartLineQuantity("4", 1)], Carrier = WalmartCarrier.Known("ups"), MethodCode = WalmartMethodCode.Standard, TrackingNumber = "1Z", ShipDateTime = Instant.FromUtc(2019, 9, 20, 10, 0) };
        var ex = await Assert.ThrowsAsync<WalmartRequestException>(() => client.ShipAsync(order, shipment));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, server.ApiRequests.Count); // the POST went out once
    }

    [Fact]
    public async Task Queries_OutsideWalmartsLimits_AreRefusedBeforeAnyCall()
    {
        var (client, server, clock) = Kit.Client();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => { await foreach (var _ in client.GetOrdersAsync(new WalmartOrderQuery { Limit = 201 })) { } });
        var tooOld = clock.GetCurrentInstant() - Duration.FromDays(181);
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => { await foreach (var _ in client.GetReleasedOrdersAsync(new WalmartOrderQuery { CreatedStart = tooOld })) { } });
        Assert.Contains("180 days", ex.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task LastModifiedWindowOnly_SetsCreatedStartToThe180DayWindow_AndPassesShipNodeType()
    {
        var (client, server, clock) = Kit.Client();
        server.OnJson(HttpMethod.Get, "/v3/orders", """{"list":{"meta":{"totalCount":0,"limit":200},"elements":{"order":[]}}}""");

        await foreach (var _ in client.GetOrdersAsync(new WalmartOrderQuery { LastModifiedStart = clock.GetCurrentInstant() - Duration.FromHours(1), ShipNodeType = WalmartShipNodeType.WalmartFulfilled, Status = WalmartLineStatus.Created }))
        {
        }

        var q = server.ApiRequests[0].PathAndQuery;
        Assert.Contains("createdStartDate=2019-03-24T12%3A05%3A00Z", q);
        Assert.Contains("lastModifiedStartDate=2019-09-20T11%3A00%3A00Z", q);
        Assert.Contains("shipNodeType=WFSFulfilled", q);
        Assert.Contains("status=Created", q);
    }

    [WalmartDataFact]
    public async Task WfsOrders_AreMarketplaceFulfilled_AndAreNeverAcknowledgedShippedOrCancelled()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Get, "/v3/orders/released", WithoutCursor(SharedData.ReadExample("orders", "getAllReleasedOrders__response200__example.json")));

        var orders = new List<WalmartOrder>();
        await foreach (var page in client.GetReleasedOrdersAsync(new WalmartOrderQuery { ShipNodeType = WalmartShipNodeType.WalmartFulfilled })) orders.AddRange(page.Orders);

        Assert.Contains("shipNodeType=WFSFulfilled", server.ApiRequests[0].PathAndQuery);
        Assert.DoesNotContain("status=", server.ApiRequests[0].PathAndQuery);
        var wfs = orders[0];
        Assert.Equal(FulfilmentChannel.Marketplace, wfs.ChannelOrder.FulfilmentChannel);
        await Assert.ThrowsAsync<WalmartFulfilledOrderException>(() => client.AcknowledgeAsync(wfs));
        await Assert.ThrowsAsync<WalmartFulfilledOrderException>(() => client.ShipAsync(wfs, new WalmartShipment { Lines = [new WalmartLineQuantity(wfs.Lines[0].LineNumber, 1)], Carrier = WalmartCarrier.Known("UPS"), MethodCode = WalmartMethodCode.Express, TrackingNumber = "1", ShipDateTime = wfs.OrderDate }));
        await Assert.ThrowsAsync<WalmartFulfilledOrderException>(() => client.CancelAsync(wfs, new WalmartCancellation([new WalmartLineQuantity(wfs.Lines[0].LineNumber, 1)], WalmartCancellationReason.SellerCancelOutOfStock)));
        Assert.Single(server.ApiRequests);
    }

    [WalmartDataFact]
    public async Task AcknowledgeAsync_PostsWithoutBody_AndReturnsTheAcknowledgedOrder()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Post, "/v3/orders/1796277083022/acknowledge", SharedData.ReadExample("orders", "acknowledgeOrders__response200__example.json"));
        var created = Kit.Single("orders", "getAnOrder__response200__ATTRIBUTES.json") with { ShipNodeType = WalmartShipNodeType.SellerFulfilled };

        var acked = await client.AcknowledgeAsync(created);

        Assert.Equal(WalmartOrderState.Acknowledged, acked.State);
        Assert.Null(server.ApiRequests[0].Body);
    }

    [WalmartDataFact]
    public async Task ShipAsync_SendsTheSpecShape_WithStringQuantityAndEpochMillis()
    {
        var (client, server, _) = Kit.Client(now: Instant.FromUtc(2019, 9, 15, 0, 0));
        server.OnJson(HttpMethod.Post, "/v3/orders/1796277083022/shipping", SharedData.ReadExample("orders", "shippingUpdates__response200__example.json"));
        var order = Kit.Single("orders", "getAnOrder__response200__ATTRIBUTES.json");
        var example = JsonNode.Parse(SharedData.ReadExample("orders", "shippingUpdates__request__example.json"))!["orderShipment"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!["orderLineStatus"]![0]!;
        var tracking = example["trackingInfo"]!;

        await client.ShipAsync(order, new WalmartShipment
        {
            Lines = [new WalmartLineQuantity("4", 1)],
            Carrier = WalmartCarrier.Known((string)tracking["carrierName"]!["carrier"]!),
            MethodCode = Enum.Parse<WalmartMethodCode>((string)tracking["methodCode"]!),
            TrackingNumber = (string)tracking["trackingNumber"]!,
            TrackingUrl = (string)tracking["trackingURL"]!,
            ShipDateTime = Instant.FromUnixTimeMilliseconds((long)tracking["shipDateTime"]!),
        });

        var sent = JsonNode.Parse(server.ApiRequests[0].Body!)!["orderShipment"]!["orderLines"]!["orderLine"]![0]!;
        Assert.Equal("4", (string)sent["lineNumber"]!);
        var status = sent["orderLineStatuses"]!["orderLineStatus"]![0]!;
        Assert.Equal("Shipped", (string)status["status"]!);
        Assert.Equal("1", status["statusQuantity"]!["amount"]!.GetValue<string>());
        Assert.Equal("EACH", (string)status["statusQuantity"]!["unitOfMeasurement"]!);
        Assert.Equal(tracking.ToJsonString(), status["trackingInfo"]!.ToJsonString());
        Assert.Equal("application/json", server.ApiRequests[0].ContentType);
    }

    [WalmartDataFact]
    public async Task ShipAsync_OtherCarrierWithoutTrackingUrl_IsRefused()
    {
        var (client, server, _) = Kit.Client(now: Instant.FromUtc(2019, 9, 15, 0, 0));
        var order = Kit.Single("orders", "getAnOrder__response200__ATTRIBUTES.json");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.ShipAsync(order, new WalmartShipment { Lines = [new WalmartLineQuantity("4", 1)], Carrier = WalmartCarrier.Parse("Pony Express"), MethodCode = WalmartMethodCode.Value, TrackingNumber = "P1", ShipDateTime = Instant.FromUtc(2019, 9, 15, 0, 0) }));

        Assert.Contains("TrackingUrl is mandatory", ex.Message);
        Assert.Empty(server.Requests);
    }

    [WalmartDataFact]
    public async Task CancelAsync_SendsTheDocumentedReason()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Post, "/v3/orders/1796277083022/cancel", SharedData.ReadExample("orders", "cancelOrderLines__response200__example.json"));
        var order = Kit.Single("orders", "getAnOrder__response200__ATTRIBUTES.json");

        var result = await client.CancelAsync(order, new WalmartCancellation([new WalmartLineQuantity("4", 1)], WalmartReasons.CancellationFromOrderCore("out-of-stock")));

        Assert.Equal(WalmartOrderState.Cancelled, result.State);
        var example = JsonNode.Parse(SharedData.ReadExample("orders", "cancelOrderLines__request__example.json"))!;
        var sent = JsonNode.Parse(server.ApiRequests[0].Body!)!;
        var s = sent["orderCancellation"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!["orderLineStatus"]![0]!;
        var e = example["orderCancellation"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!["orderLineStatus"]![0]!;
        Assert.Equal((string)e["status"]!, (string)s["status"]!);
        Assert.Equal("SELLER_CANCEL_OUT_OF_STOCK", (string)s["cancellationReason"]!);
        Assert.Equal((string)e["statusQuantity"]!["amount"]!, (string)s["statusQuantity"]!["amount"]!);
    }

    [WalmartDataFact]
    public async Task RefundAsync_SendsNegativeAmounts_AndNeverMoreThanWhatRemains()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Post, "/v3/orders/1577684050862/refund", SharedData.ReadExample("orders", "refundOrderLines__response200__example.json"));
        var order = Kit.Mapper().ParseSingle(File.ReadAllText(SharedData.CapturedOrder)); // 19.99 + 1.70 tax, 0.01 already refunded

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.RefundAsync(order, new WalmartRefund { LineNumber = "1", Reference = "RMA-1", Reason = WalmartRefundReason.DamagedItem, Product = new Money(19.99m, CurrencyCode.Usd), ProductTax = new Money(1.70m, CurrencyCode.Usd) }));
        Assert.Empty(server.ApiRequests);

        await client.RefundAsync(order, new WalmartRefund { LineNumber = "1", Reference = "RMA-1", Reason = WalmartRefundReason.ShippingAndDeliveryDamaged, Comments = "box crushed", Product = new Money(19.98m, CurrencyCode.Usd), ProductTax = new Money(1.70m, CurrencyCode.Usd) });

        var refund = JsonNode.Parse(server.ApiRequests[0].Body!)!["orderRefund"]!;
        Assert.Equal("1577684050862", (string)refund["purchaseOrderId"]!);
        var line = refund["orderLines"]!["orderLine"]![0]!;
        Assert.Equal("1", (string)line["lineNumber"]!);
        var charge = line["refunds"]!["refund"]![0]!["refundCharges"]!["refundCharge"]![0]!;
        Assert.Equal("Shipping & Delivery -> Damaged", (string)charge["refundReason"]!);
        Assert.Equal(-19.98m, (decimal)charge["charge"]!["chargeAmount"]!["amount"]!);
        Assert.Equal("ItemPrice", (string)charge["charge"]!["chargeName"]!);
        Assert.Equal(-1.70m, (decimal)charge["charge"]!["tax"]!["taxAmount"]!["amount"]!);
        Assert.Equal("box crushed", (string)line["refunds"]!["refund"]![0]!["refundComments"]!);
    }

    [WalmartDataFact]
    public async Task UpdateInventoryAsync_EncodesTheSku_AndSendsNodes()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Put, "/v3/inventories/AB%20C%2F1%2B2%40x%21", SharedData.ReadExample("inventory", "updateMultiNodeInventory__response200__example.json"));
        var example = JsonNode.Parse(SharedData.ReadExample("inventory", "updateMultiNodeInventory__request__example.json"))!;
        var nodes = example["inventories"]!["nodes"]!.AsArray().Select(n => new WalmartNodeQuantity((string)n!["shipNode"]!, (int)n["inputQty"]!["amount"]!)).ToArray();

        var result = await client.UpdateInventoryAsync("AB C/1+2@x!", nodes);

        Assert.Equal("/v3/inventories/AB%20C%2F1%2B2%40x%21", server.ApiRequests[0].PathAndQuery);
        Assert.Equal(example.ToJsonString(), JsonNode.Parse(server.ApiRequests[0].Body!)!.ToJsonString());
        Assert.Equal("00757642886669_test_01", result.Sku);
        Assert.All(result.Nodes, n => Assert.Equal("Success", n.Status));
    }

    [WalmartDataFact]
    public async Task SubmitInventoryFeedAsync_PostsAnMpInventoryJsonFile_AndFeedStatusIsRead()
    {
        var (client, server, _) = Kit.Client();
        server.OnJson(HttpMethod.Post, "/v3/feeds", SharedData.ReadExample("inventory", "updateBulkInventory__response200__example.json"), "?feedType=MP_INVENTORY");
        server.OnJson(HttpMethod.Get, "/v3/feeds/FFE538D9B25A4000AD2A067ACEDCF4C4%40AUoBAQA", """{"feedId":"FFE538D9B25A4000AD2A067ACEDCF4C4@AUoBAQA","feedStatus":"PROCESSED","itemsReceived":3,"itemsSucceeded":3,"itemsFailed":0,"itemsProcessing":0}""", "?includeDetails=false");
        var example = JsonNode.Parse(SharedData.ReadExample("inventory", "updateBulkInventory__request__MultiNode_Bulk_Inventory_Update_Request.txt"))!;
        var items = example["inventory"]!.AsArray().Select(i => new WalmartInventoryFeedItem((string)i!["sku"]!, i["shipNodes"]!.AsArray().Select(n => new WalmartNodeQuantity((string)n!["shipNode"]!, (int)n!["quantity"]!["amount"]!)).ToArray())).ToArray();

        var feedId = await client.SubmitInventoryFeedAsync(items);
        var status = await client.GetFeedStatusAsync(feedId);

        Assert.Equal("FFE538D9B25A4000AD2A067ACEDCF4C4@AUoBAQA", feedId);
        var post = server.ApiRequests[0];
        Assert.Equal("multipart/form-data", post.ContentType);
        var body = post.Body!;
        var fileJson = body[body.IndexOf('{')..(body.LastIndexOf('}') + 1)];
        Assert.Equal(example.ToJsonString(), JsonNode.Parse(fileJson)!.ToJsonString());
        Assert.Equal(WalmartFeedState.Processed, status.State);
        Assert.True(status.IsFinal);
        Assert.Equal(3, status.ItemsSucceeded);
    }

    [Fact]
    public async Task Logs_NeverContainTheSecretOrTheToken()
    {
        var logger = new CapturingLogger();
        var (client, server, _) = Kit.Client(logger: logger);
        server.OnJson(HttpMethod.Get, "/v3/orders/9", """{"order":{"purchaseOrderId":"9","customerOrderId":"1","orderDate":1568466571000,"orderLines":{"orderLine":[{"lineNumber":"1","item":{"sku":"S"},"orderLineQuantity":{"amount":"1"},"orderLineStatuses":{"orderLineStatus":[{"status":"Created","statusQuantity":{"amount":"1"}}]}}]}}}""");
        server.Inject(r => true, _ => server.TooManyRequests(Duration.FromMilliseconds(5)));

        await client.GetOrderAsync("9");

        Assert.NotEmpty(logger.Lines);
        var all = string.Join("\n", logger.Lines);
        Assert.DoesNotContain(FakeWalmartServer.ClientSecret, all, StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeWalmartServer.ClientId}:{FakeWalmartServer.ClientSecret}")), all, StringComparison.Ordinal);
        Assert.Contains("429", all);
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
