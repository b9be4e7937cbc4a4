using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderCore.Adapters.Shopify.Http;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Adapters.Shopify.Webhooks;

namespace OrderCore.Adapters.Shopify.Tests.Http;

/// <summary><c>AddShopify</c>: options validation and the resilience pipeline.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void InvalidOptions_FailOnStart_NamingEveryProblem()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => ShopifyHost.Create(o =>
        {
            o.ShopDomain = "https://acme.myshopify.com/";
            o.AccessToken = "";
            o.ApiVersion = "2025-10";
            o.LocationMap[1] = OrderCore.Testing.TestIds.Warehouse; // WH-1 is also mapped from 24826418
        }));
        Assert.Contains(ex.Failures, f => f.Contains("ShopDomain", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("AccessToken", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ApiVersion", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("one to one", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-04", true)]
    [InlineData("2026-07", true)]
    [InlineData("2027-01", true)]
    [InlineData("2026-01", false)]
    [InlineData("2026-05", false)]
    [InlineData("latest", false)]
    public void ApiVersion_Validation(string version, bool valid) => Assert.Equal(valid, ShopifyOptionsValidator.IsValidApiVersion(version));

    [Fact]
    public async Task Registration_ResolvesTheAdapter_AndTheResiliencePipelineRetriesTransientFailures()
    {
        await using var host = ShopifyHost.Create();
        host.Fake
            .On("GET", "/admin/api/2026-07/orders/5/fulfillments.json", HttpStatusCode.ServiceUnavailable, "upstream")
            .On("GET", "/admin/api/2026-07/orders/5/fulfillments.json", HttpStatusCode.OK, """{"fulfillments":[]}""");

        Assert.NotNull(host.H.Services.GetRequiredService<ShopifyWebhookProcessor>());
        var client = host.H.Services.GetRequiredService<ShopifyClient>();
        Assert.Same(client, host.H.Services.GetRequiredService<ShopifyClient>());

        Assert.Empty(await client.GetFulfillmentsAsync(5));
        Assert.Equal(2, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task TransientFailuresBeyondTheRetries_AreATypedError()
    {
        await using var host = ShopifyHost.Create(o => o.TransientRetries = 1);
        host.Fake.On("GET", "/admin/api/2026-07/orders/5/fulfillments.json", HttpStatusCode.BadGateway, "<html>bad gateway</html>", ("X-Request-Id", "gw-1"));
        var ex = await Assert.ThrowsAsync<ShopifyApiException>(() => host.H.Services.GetRequiredService<ShopifyClient>().GetFulfillmentsAsync(5));
        Assert.Equal((502, "gw-1"), (ex.StatusCode, ex.RequestId));
        Assert.Equal("<html>bad gateway</html>", ex.ErrorBody);
        Assert.Equal(2, host.Fake.Requests.Count);
    }
}
