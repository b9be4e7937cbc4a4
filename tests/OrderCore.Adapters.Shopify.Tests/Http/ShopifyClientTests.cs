using System.Net;
using OrderCore.Adapters.Shopify.Http;
using OrderCore.Adapters.Shopify.Tests.Support;

namespace OrderCore.Adapters.Shopify.Tests.Http;

/// <summary>The client against an in-process fake replaying the recorded responses, with injected 429s, pages and throttles.</summary>
public sealed class ShopifyClientTests
{
    private const string Api = "/admin/api/2026-07/";

    [SharedDataFact]
    public async Task ListOrders_FollowsTheLinkHeaderPageInfoCursorsVerbatim_UntilNoNext()
    {
        var time = new ManualTime();
        var fake = new FakeShopify()
            .OnExample("GET", Api + "orders.json?status=any&limit=1", "order__test_1.json",
                ("Link", "<https://test-shop.myshopify.io/admin/api/2026-07/orders.json?limit=1&page_info=eyJsYXN0X2lkIjo0NTA3ODk0Njl9>; rel=\"next\""))
            .OnExample("GET", Api + "orders.json?limit=1&page_info=eyJsYXN0X2lkIjo0NTA3ODk0Njl9", "order__test_6.json",
                ("Link", "<https://test-shop.myshopify.io/admin/api/2026-07/orders.json?limit=1&page_info=cHJldg>; rel=\"previous\""));
        var client = fake.Client(time);

        var orders = new List<ReadOnlyMemory<byte>>();
        await foreach (var o in client.ListOrderPayloadsAsync("status=any&limit=1")) orders.Add(o);

        Assert.Equal(2, orders.Count);
        Assert.Equal(2, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Equal("shpat_test", r.Headers["X-Shopify-Access-Token"]));
        var mapper = new OrderCore.Adapters.Shopify.Orders.ShopifyOrderMapper(OrderCore.Testing.TestIds.Owner, ChannelAccountId.From("test-shop.myshopify.io"));
        Assert.Equal(["450789469", "1073459969"], orders.Select(o => mapper.MapOrder(o.Span).Order.ExternalOrderId));
    }

    [SharedDataFact]
    public async Task Http429_WaitsRetryAfter_ThenRetries()
    {
        var time = new ManualTime();
        var fake = new FakeShopify()
            .On("GET", Api + "orders/450789469/fulfillments.json", HttpStatusCode.TooManyRequests, """{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}""", ("Retry-After", "2.0"))
            .OnExample("GET", Api + "orders/450789469/fulfillments.json", "fulfillment__test_1.json");
        var client = fake.Client(time);

        var fulfilments = await client.GetFulfillmentsAsync(450789469);

        Assert.Equal(255858046, Assert.Single(fulfilments).FulfillmentId);
        Assert.Equal(2, fake.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(2), time.Delays);
    }

    [Fact]
    public async Task Http429_BeyondTheRetries_IsATypedError()
    {
        var time = new ManualTime();
        var fake = new FakeShopify().On("GET", Api + "orders/1/fulfillments.json", HttpStatusCode.TooManyRequests, """{"errors":"Exceeded"}""", ("Retry-After", "1"), ("X-Request-Id", "req-429"));
        var client = fake.Client(time, o => o.MaxThrottleRetries = 2);

        var ex = await Assert.ThrowsAsync<ShopifyApiException>(() => client.GetFulfillmentsAsync(1));

        Assert.Equal((429, "req-429"), (ex.StatusCode, ex.RequestId));
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task ErrorResponse_IsTypedWithStatusRequestIdAndShopifysBody()
    {
        var fake = new FakeShopify().On("POST", Api + "fulfillments/9/update_tracking.json", (HttpStatusCode)422, """{"errors":{"tracking_number":["is invalid"]}}""", ("X-Request-Id", "abc-123"));
        var client = fake.Client(new ManualTime());

        var ex = await Assert.ThrowsAsync<ShopifyApiException>(() => client.UpdateTrackingAsync(9, new ShopifyTracking("UPS", "x", null), true));

        Assert.Equal(422, ex.StatusCode);
        Assert.Equal("abc-123", ex.RequestId);
        Assert.Equal("POST", ex.Method);
        Assert.Contains("tracking_number", ex.ErrorBody, StringComparison.Ordinal);
        Assert.Contains("is invalid", ex.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task RestBucket_NearlyFull_WaitsForItToLeakBeforeTheNextCall()
    {
        var time = new ManualTime();
        var fake = new FakeShopify().OnExample("GET", Api + "orders/450789469/fulfillments.json", "fulfillment__test_1.json", ("X-Shopify-Shop-Api-Call-Limit", "39/40"));
        var client = fake.Client(time); // 2 requests/s leak, headroom 2

        await client.GetFulfillmentsAsync(450789469);
        Assert.Empty(time.Delays);
        await client.GetFulfillmentsAsync(450789469);

        // 39 used, limit 40 − 2 = 38: wait until 2 requests leaked, (39 − 38 + 1) / 2 = 1 s.
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(time.Delays));
    }

    [Fact]
    public async Task GraphQlThrottled_WaitsTheRestoreTime_ThenRetries()
    {
        var time = new ManualTime();
        const string throttled = """
        {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],
         "extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":1000.0,"currentlyAvailable":4,"restoreRate":50.0}}}}
        """;
        const string ok = """
        {"data":{"inventoryItem":{"inventoryLevel":{"quantities":[{"name":"available","quantity":7}]}}},
         "extensions":{"cost":{"requestedQueryCost":2,"actualQueryCost":2,"throttleStatus":{"maximumAvailable":1000.0,"currentlyAvailable":998,"restoreRate":50.0}}}}
        """;
        var fake = new FakeShopify()
            .On("POST", Api + "graphql.json", HttpStatusCode.OK, throttled)
            .On("POST", Api + "graphql.json", HttpStatusCode.OK, ok);
        var client = fake.Client(time);

        var available = await client.GetAvailableAsync(808950810, 655441491);

        Assert.Equal(7, available);
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds((10 - 4) / 50.0), Assert.Single(time.Delays)); // (requested − available) / restore rate
        var sent = fake.Requests[0].Json;
        Assert.Equal("gid://shopify/InventoryItem/808950810", sent.GetProperty("variables").GetProperty("item").GetString());
        Assert.Equal("gid://shopify/Location/655441491", sent.GetProperty("variables").GetProperty("location").GetString());
    }

    [Fact]
    public async Task GraphQlBucketLow_WaitsBeforeSending()
    {
        var time = new ManualTime();
        const string low = """{"data":{"inventoryItem":null},"extensions":{"cost":{"requestedQueryCost":2,"throttleStatus":{"maximumAvailable":100.0,"currentlyAvailable":0,"restoreRate":10.0}}}}""";
        var fake = new FakeShopify().On("POST", Api + "graphql.json", HttpStatusCode.OK, low);
        var client = fake.Client(time);

        Assert.Null(await client.GetAvailableAsync(1, 2));
        Assert.Null(await client.GetAvailableAsync(1, 2));

        Assert.Equal(TimeSpan.FromSeconds(0.2), Assert.Single(time.Delays)); // 2 points at 10/s
    }

    [Fact]
    public void ApiVersion_IsConfigurable_AndDefaultsTo2026_07()
    {
        Assert.Equal("2026-07", ShopifyOptions.DefaultApiVersion);
        var client = new FakeShopify().Client(new ManualTime(), o => o.ApiVersion = "2026-10");
        Assert.Equal(new Uri("https://test-shop.myshopify.io/admin/api/2026-10/"), client.ApiRoot);
    }

    [SharedDataFact]
    public async Task RestInventoryLevelSet_ReplaysTheExample()
    {
        var fake = new FakeShopify().OnExample("POST", Api + "inventory_levels/set.json", "inventory_level__test_7.json");
        var available = await fake.Client(new ManualTime()).SetInventoryLevelRestAsync(808950810, 655441491, 42);
        Assert.Equal(42, available);
        var body = fake.Requests[0].Json;
        Assert.Equal((655441491L, 808950810L, 42), (body.GetProperty("location_id").GetInt64(), body.GetProperty("inventory_item_id").GetInt64(), body.GetProperty("available").GetInt32()));
    }
}
