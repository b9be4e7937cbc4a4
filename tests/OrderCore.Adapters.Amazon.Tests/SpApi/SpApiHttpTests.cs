using System.Net;
using System.Text.Json;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Adapters.Amazon.Tests.SpApi.Support;

namespace OrderCore.Adapters.Amazon.Tests.SpApi;

/// <summary>LWA auth, usage plans, 429 backoff, typed errors and pagination against the in-process fake SP-API.</summary>
public sealed class SpApiHttpTests
{
    private const string EmptyOrders = """{"payload":{"Orders":[]}}""";

    [Fact]
    public async Task AccessToken_IsExchangedOnceAndCachedUntilShortlyBeforeExpiry()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"payload":{"AmazonOrderId":"1","OrderItems":[]}}""");
        for (var i = 0; i < 3; i++) await f.Client.Orders.GetOrderItemsV0Async("111-0000000-0000001");
        Assert.Equal(1, f.Server.TokenExchanges);
        Assert.All(f.Server.ApiRequests, r => Assert.Equal(FakeSpApi.AccessTokenValue(1), r.AccessToken));

        f.Clock.Advance(Duration.FromSeconds(3600 - 59)); // inside the 60 s refresh margin
        await f.Client.Orders.GetOrderItemsV0Async("111-0000000-0000001");
        Assert.Equal(2, f.Server.TokenExchanges);
        Assert.Equal(FakeSpApi.AccessTokenValue(2), f.Server.ApiRequests[^1].AccessToken);
    }

    [Fact]
    public async Task Secrets_NeverAppearInLogsExceptionsOrOptionsText()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"errors":[{"code":"InvalidInput","message":"Invalid Input"}]}""", HttpStatusCode.BadRequest);
        var ex = await Assert.ThrowsAsync<AmazonSpApiCallException>(() => f.Client.Orders.GetOrderItemsV0Async("111-0000000-0000001"));
        var texts = f.Logger.Lines.Append(ex.ToString()).Append(f.Options.ToString()).ToArray();
        Assert.NotEmpty(f.Logger.Lines);
        foreach (var secret in new[] { FakeSpApi.ClientSecret, FakeSpApi.RefreshToken, FakeSpApi.AccessTokenValue(1), "ACCESS-TOKEN" })
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
        Assert.Contains("ClientSecret = ***", f.Options.ToString());

        var bad = new SpApiFixture();
        bad.Server.TokenError = "invalid_grant";
        var auth = await Assert.ThrowsAsync<AmazonAuthenticationException>(() => bad.Client.GetAccessTokenAsync());
        Assert.Equal("invalid_grant", auth.Error);
        Assert.DoesNotContain(FakeSpApi.RefreshToken, auth.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bad.Logger.Lines, l => l.Contains(FakeSpApi.RefreshToken, StringComparison.Ordinal) || l.Contains(FakeSpApi.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenEndpointAndRegionalEndpoint_AreConfigurable()
    {
        Assert.Equal("https://sellingpartnerapi-eu.amazon.com/", new AmazonSpApiOptions { Region = AmazonRegion.Europe }.ResolveEndpoint().ToString());
        Assert.Equal("https://api.amazon.co.jp/auth/o2/token", new AmazonSpApiOptions { Region = AmazonRegion.FarEast }.ResolveTokenEndpoint().ToString());
        var f = new SpApiFixture(o => o.TokenEndpoint = new Uri("http://127.0.0.1:5599/custom/auth/o2/token"));
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"payload":{"AmazonOrderId":"1","OrderItems":[]}}""");
        await f.Client.Orders.GetOrderItemsV0Async("1");
        Assert.Contains(f.Server.Requests, r => r.Path == "/custom/auth/o2/token");
        Assert.All(f.Server.ApiRequests, r => Assert.Equal("127.0.0.1", r.Uri.Host));
    }

    [Fact]
    public async Task ErrorResponse_ThrowsTypedErrorWithErrorsAndRequestId()
    {
        var f = new SpApiFixture();
        f.Server.On(HttpMethod.Get, "/orders/v0/orders/*", _ =>
            FakeSpApi.Json("""{"errors":[{"code":"InvalidInput","message":"Invalid Input","details":"orderId"}]}""", HttpStatusCode.BadRequest, new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-42" }));
        var ex = await Assert.ThrowsAsync<AmazonSpApiCallException>(() => f.Client.Orders.GetOrderItemsV0Async("bad"));
        Assert.Equal("getOrderItems", ex.Operation);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Equal(new AmazonApiError("InvalidInput", "Invalid Input", "orderId"), Assert.Single(ex.Errors));
        Assert.Single(f.Server.ApiRequests); // a 400 is not retried
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedWithBackoffThenSucceeds()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""", HttpStatusCode.TooManyRequests, times: 2);
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"payload":{"AmazonOrderId":"1","OrderItems":[]}}""");
        await f.Client.Orders.GetOrderItemsV0Async("1");
        Assert.Equal(3, f.Server.ApiRequests.Count);
        var waits = f.Delay.Waits.ToArray();
        Assert.True(waits.Length >= 2);
        Assert.True(waits[0] >= Duration.FromSeconds(2)); // at least one token slot of 0.5 rps
        Assert.True(waits[1] >= waits[0] || waits[1] >= Duration.FromSeconds(2));
    }

    [Fact]
    public async Task QuotaThatWillNotClearSoon_ThrowsTypedErrorInsteadOfWaiting()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"errors":[{"code":"QuotaExceeded","message":"Daily quota exceeded"}]}""", HttpStatusCode.TooManyRequests,
            headers: new Dictionary<string, string> { ["Retry-After"] = "10800", ["x-amzn-RequestId"] = "req-q" });
        var ex = await Assert.ThrowsAsync<AmazonQuotaExceededException>(() => f.Client.Orders.GetOrderItemsV0Async("1"));
        Assert.Equal(Duration.FromHours(3), ex.RetryAfter);
        Assert.Equal("req-q", ex.RequestId);
        Assert.Equal("QuotaExceeded", Assert.Single(ex.Errors).Code);
        Assert.Single(f.Server.ApiRequests);
        Assert.DoesNotContain(f.Delay.Waits, w => w >= Duration.FromMinutes(5));
    }

    [Fact]
    public async Task RetriesExhausted_ThrowsQuotaExceeded()
    {
        var f = new SpApiFixture(o => o.MaxRetries = 2);
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"errors":[{"code":"QuotaExceeded","message":"x"}]}""", HttpStatusCode.TooManyRequests);
        await Assert.ThrowsAsync<AmazonQuotaExceededException>(() => f.Client.Orders.GetOrderItemsV0Async("1"));
        Assert.Equal(3, f.Server.ApiRequests.Count);
    }

    [Fact]
    public async Task ClientSideUsagePlan_GetOrdersBurst20ThenOneAMinute()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders", EmptyOrders);
        f.Server.OnJson(HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken", """{"restrictedDataToken":"Atz.sprdt|RDT","expiresIn":3600}""");
        var start = SpApiFixture.Start - Duration.FromDays(1);
        for (var i = 0; i < 21; i++) await f.Client.Orders.PollV0Async(start);
        var waits = f.Delay.Waits.Where(w => w > Duration.Zero).ToArray();
        var wait = Assert.Single(waits); // the 21st getOrders waited for a token
        Assert.InRange(wait.TotalSeconds, 59, 61); // 1 / 0.0167 rps
    }

    [Fact]
    public async Task RateLimitHeader_ReplacesTheOperationsRate()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Get, "/fba/inventory/v1/summaries", """{"payload":{"inventorySummaries":[]}}""", headers: new Dictionary<string, string> { ["x-amzn-RateLimit-Limit"] = "0.5" });
        for (var i = 0; i < 3; i++) await f.Client.FbaInventory.GetSummariesAsync();
        Assert.Equal(0.5, f.Client.Transport.Limiter.RateOf("getInventorySummaries"));
        var wait = Assert.Single(f.Delay.Waits, w => w > Duration.Zero); // burst 2, then one token per 2 s
        Assert.InRange(wait.TotalSeconds, 1.9, 2.1);
    }

    [Fact]
    public async Task SlowOperationBeyondMaxThrottleWait_IsRefusedBeforeSending()
    {
        var f = new SpApiFixture(o => o.MaxThrottleWait = Duration.FromSeconds(60));
        f.Server.OnJson(HttpMethod.Get, "/orders/2026-01-01/orders", """{"orders":[]}""");
        var start = SpApiFixture.Start - Duration.FromDays(1);
        for (var i = 0; i < 20; i++) await f.Client.Orders.SearchOrdersAsync(start);
        var ex = await Assert.ThrowsAsync<AmazonQuotaExceededException>(() => f.Client.Orders.SearchOrdersAsync(start));
        Assert.InRange(ex.RetryAfter.TotalSeconds, 170, 190); // 1 / 0.0056 rps
        Assert.Equal(20, f.Server.ApiRequests.Count);
    }

    [Fact]
    public async Task PollV0_FollowsNextTokenFetchesItemsAndUsesARestrictedDataTokenForAddresses()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken", """{"restrictedDataToken":"Atz.sprdt|RDT-1","expiresIn":3600}""");
        f.Server.On(HttpMethod.Get, "/orders/v0/orders", r => FakeSpApi.Json(r.Query.Contains("NextToken", StringComparison.Ordinal)
            ? OrderPage("111-0000000-0000002", null)
            : OrderPage("111-0000000-0000001", "page-2")));
        f.Server.On(HttpMethod.Get, "/orders/v0/orders/*", r => FakeSpApi.Json(Items(r.Path.Split('/')[4])));
        var since = SpApiFixture.Start - Duration.FromHours(1);
        var result = await f.Client.Orders.PollV0Async(since);

        Assert.Equal(2, result.Pages);
        Assert.Equal(since, result.WindowStart);
        Assert.Equal(SpApiFixture.Start - Duration.FromMinutes(3), result.WindowEnd);
        Assert.Empty(result.Mapping.Rejections);
        Assert.Equal(["111-0000000-0000001", "111-0000000-0000002"], result.Mapping.Orders.Select(o => o.AmazonOrderId));
        Assert.All(result.Mapping.Orders, o => Assert.True(o.HasItems));
        Assert.All(result.Mapping.Orders, o => Assert.Equal("Jane Doe", o.Order.ShipTo!.Name));

        var reqs = f.Server.ApiRequests;
        var rdt = Assert.Single(reqs, r => r.Path == "/tokens/2021-03-01/restrictedDataToken");
        using (var body = JsonDocument.Parse(rdt.Body!))
        {
            var res = body.RootElement.GetProperty("restrictedResources")[0];
            Assert.Equal("GET", res.GetProperty("method").GetString());
            Assert.Equal("/orders/v0/orders", res.GetProperty("path").GetString());
            Assert.Equal("shippingAddress", res.GetProperty("dataElements")[0].GetString());
        }
        var pages = reqs.Where(r => r.Path == "/orders/v0/orders").ToArray();
        Assert.All(pages, p => Assert.Equal("Atz.sprdt|RDT-1", p.AccessToken));
        Assert.Contains("LastUpdatedBefore=2026-03-01T11%3A57%3A00Z", pages[0].Query);
        Assert.Contains("MarketplaceIds=ATVPDKIKX0DER", pages[0].Query);
        Assert.Contains("NextToken=page-2", pages[1].Query);
        Assert.All(reqs.Where(r => r.Path.EndsWith("/orderItems", StringComparison.Ordinal)), r => Assert.Equal(FakeSpApi.AccessTokenValue(1), r.AccessToken));
    }

    [Fact]
    public async Task PollV0_WindowEndsAtLeastTwoMinutesBeforeNow_AndAnEmptyWindowCallsNothing()
    {
        var f = new SpApiFixture(o => o.PollSafetyLag = Duration.FromMinutes(2));
        var result = await f.Client.Orders.PollV0Async(SpApiFixture.Start - Duration.FromMinutes(1));
        Assert.Equal(0, result.Pages);
        Assert.Empty(f.Server.Requests);
        Assert.Contains("PollSafetyLag", new AmazonSpApiOptionsValidator().Validate(null, SpApiFixture.NewOptions().With(o => o.PollSafetyLag = Duration.FromSeconds(90))).FailureMessage);
    }

    [Fact]
    public async Task RepeatedNextToken_StopsWithATypedErrorInsteadOfLooping()
    {
        var f = new SpApiFixture(o => o.UseRestrictedDataToken = false);
        f.Server.OnJson(HttpMethod.Get, "/orders/v0/orders", OrderPage("111-0000000-0000001", "same-token"));
        var ex = await Assert.ThrowsAsync<AmazonPaginationLoopException>(() => f.Client.Orders.PollV0Async(SpApiFixture.Start - Duration.FromHours(1)));
        Assert.Equal("getOrders", ex.Operation);
        Assert.Equal(2, ex.PagesRead);
        Assert.Equal(2, f.Server.ApiRequests.Count(r => r.Path == "/orders/v0/orders"));

        var g = new SpApiFixture();
        g.Server.OnJson(HttpMethod.Get, "/orders/2026-01-01/orders", """{"orders":[],"pagination":{"nextToken":"loop"}}""");
        await Assert.ThrowsAsync<AmazonPaginationLoopException>(() => g.Client.Orders.SearchOrdersAsync(SpApiFixture.Start - Duration.FromHours(1)));
    }

    [SpApiDataFact]
    public async Task SearchOrders_ReplaysTheModelExamplesPageByPage()
    {
        var f = new SpApiFixture();
        var page1 = JsonDocument.Parse(SharedData.ReadExample("orders_2026-01-01/searchOrders__200__example.json")).RootElement.GetProperty("response").GetRawText();
        var page2 = JsonDocument.Parse(SharedData.ReadExample("orders_2026-01-01/searchOrders__200__sandbox1.json")).RootElement.GetProperty("response").GetRawText();
        f.Server.On(HttpMethod.Get, "/orders/2026-01-01/orders", r => FakeSpApi.Json(r.Query.Contains("paginationToken", StringComparison.Ordinal) ? page2 : page1));
        var result = await f.Client.Orders.SearchOrdersAsync(SpApiFixture.Start - Duration.FromDays(400));
        Assert.Equal(2, result.Pages);
        Assert.Equal(["123-4567890-1234567", "202-7654321-1098765"], result.Mapping.Orders.Select(o => o.AmazonOrderId));
        var reqs = f.Server.ApiRequests;
        Assert.Contains("includedData=RECIPIENT%2CFULFILLMENT", reqs[0].Query);
        Assert.Contains("paginationToken=2YgYW55IGNhcm5hbCBwbGVhc3VyZS4", reqs[1].Query);
        Assert.DoesNotContain(reqs, r => r.Path.StartsWith("/tokens", StringComparison.Ordinal)); // v2026 needs no RDT
    }

    [Fact]
    public void Options_Validation_ListsEveryProblemWithoutSecrets()
    {
        var o = new AmazonSpApiOptions { Endpoint = new Uri("http://example.com"), MaxResultsPerPage = 500, ClientSecret = "shh-secret" };
        var r = new AmazonSpApiOptionsValidator().Validate(null, o);
        Assert.True(r.Failed);
        foreach (var expected in new[] { "Owner", "Account", "MarketplaceIds", "ClientId", "RefreshToken", "Endpoint must use https", "MaxResultsPerPage" })
        {
            Assert.Contains(expected, r.FailureMessage);
        }
        Assert.DoesNotContain("shh-secret", r.FailureMessage);
        Assert.Throws<ArgumentException>(() => new AmazonSpApiClient(new HttpClient(), o, NodaTime.Testing.FakeClock.FromUtc(2026, 1, 1)));
    }

    private static string OrderPage(string id, string? next)
    {
        var nextToken = next is null ? "" : ",\"NextToken\":\"" + next + "\"";
        return "{\"payload\":{\"Orders\":[{\"AmazonOrderId\":\"" + id + "\",\"PurchaseDate\":\"2026-02-28T10:00:00Z\",\"LastUpdateDate\":\"2026-03-01T10:00:00Z\",\"OrderStatus\":\"Unshipped\","
            + "\"FulfillmentChannel\":\"MFN\",\"ShipmentServiceLevelCategory\":\"Expedited\",\"MarketplaceId\":\"ATVPDKIKX0DER\","
            + "\"ShippingAddress\":{\"Name\":\"Jane Doe\",\"AddressLine1\":\"1 Main St\",\"City\":\"Austin\",\"StateOrRegion\":\"TX\",\"PostalCode\":\"73301\",\"CountryCode\":\"US\"}}]" + nextToken + "}}";
    }

    private static string Items(string id)
        => "{\"payload\":{\"AmazonOrderId\":\"" + id + "\",\"OrderItems\":[{\"ASIN\":\"B000000001\",\"SellerSKU\":\"TEE-RED-M\",\"OrderItemId\":\"OI-" + id + "\",\"QuantityOrdered\":1,\"ItemPrice\":{\"CurrencyCode\":\"USD\",\"Amount\":\"19.99\"}}]}}";
}

internal static class OptionsExtensions
{
    public static AmazonSpApiOptions With(this AmazonSpApiOptions o, Action<AmazonSpApiOptions> change)
    {
        change(o);
        return o;
    }
}
