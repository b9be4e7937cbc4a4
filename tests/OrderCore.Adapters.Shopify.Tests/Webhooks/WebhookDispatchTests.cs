using System.Text;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Adapters.Shopify.Webhooks;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Tests.Webhooks;

/// <summary>Dedup on the event id, topic dispatch and malformed bodies, with real order and refund payloads.</summary>
public sealed class WebhookDispatchTests
{
    private static byte[] OrderBody(string file) => SharedData.Bytes(SharedData.ResponseBody(file).GetProperty("order"));

    [SharedDataFact]
    public async Task OrdersCreate_SameEventTwice_AppliesOnce_AndTheSecondIsDuplicate()
    {
        await using var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        var body = OrderBody("order__test_20.json");

        var first = await kit.Webhooks.ProcessAsync(kit.Webhook("orders/create", body, "evt-1"));
        var second = await kit.Webhooks.ProcessAsync(kit.Webhook("orders/create", body, "evt-1"));

        Assert.Equal(ShopifyWebhookOutcome.Applied, first.Outcome);
        Assert.Equal(IntakeOutcome.Created, first.Order!.Outcome);
        Assert.Equal(ShopifyWebhookOutcome.Duplicate, second.Outcome);
        Assert.Equal(200, second.StatusCode);
        Assert.Single(kit.H.PublishedEventsOf<OrderCore.Events.OrderImported>());
    }

    [SharedDataFact]
    public async Task EventId_IsPreferred_WebhookIdIsTheFallback()
    {
        await using var kit = ShopifyKit.Create();
        var body = OrderBody("order__test_20.json");
        var headers = new Dictionary<string, string?>
        {
            ["X-Shopify-Hmac-Sha256"] = ShopifyWebhookVerifier.Sign(body, ShopifyKit.Secret),
            ["X-Shopify-Topic"] = "orders/create",
            ["X-Shopify-Shop-Domain"] = ShopifyKit.Shop,
            ["X-Shopify-API-Version"] = "2026-07",
        };
        // Two deliveries (different webhook ids) of one event (same event id): one application.
        var a = await kit.Webhooks.ProcessAsync(new ShopifyWebhookRequest(ShopifyWebhookHeaders.From(new Dictionary<string, string?>(headers) { ["X-Shopify-Webhook-Id"] = "d1", ["X-Shopify-Event-Id"] = "e1" }), body));
        var b = await kit.Webhooks.ProcessAsync(new ShopifyWebhookRequest(ShopifyWebhookHeaders.From(new Dictionary<string, string?>(headers) { ["X-Shopify-Webhook-Id"] = "d2", ["X-Shopify-Event-Id"] = "e1" }), body));
        // Older deliveries without an event id dedupe on the webhook id.
        var c = await kit.Webhooks.ProcessAsync(new ShopifyWebhookRequest(ShopifyWebhookHeaders.From(new Dictionary<string, string?>(headers) { ["shopify-webhook-id"] = "d3" }), body));
        var d = await kit.Webhooks.ProcessAsync(new ShopifyWebhookRequest(ShopifyWebhookHeaders.From(new Dictionary<string, string?>(headers) { ["SHOPIFY-WEBHOOK-ID"] = "d3" }), body));

        Assert.Equal(("e1", ShopifyWebhookOutcome.Applied), (a.EventId, a.Outcome));
        Assert.Equal(ShopifyWebhookOutcome.Duplicate, b.Outcome);
        Assert.Equal(("d3", ShopifyWebhookOutcome.Applied), (c.EventId, c.Outcome));
        Assert.Equal(ShopifyWebhookOutcome.Duplicate, d.Outcome);
    }

    [SharedDataFact]
    public async Task UnknownTopic_IsAcknowledgedAndIgnored_WithoutRecordingTheEvent()
    {
        await using var kit = ShopifyKit.Create();
        var body = OrderBody("order__test_20.json");
        var result = await kit.Webhooks.ProcessAsync(kit.Webhook("orders/paid", body, "evt-9"));
        Assert.Equal(ShopifyWebhookOutcome.IgnoredTopic, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Empty(kit.H.PublishedEvents);
        Assert.True(await kit.Inbox.TryRecordAsync(ShopifyOptions.Channel, "event:evt-9", kit.H.Clock.GetCurrentInstant()));
    }

    [Theory]
    [InlineData("{\"id\": 1, \"line_items\": [", "$")]
    [InlineData("not json", "$")]
    [InlineData("{\"id\": \"abc\"}", "$.id")]
    [InlineData("{\"id\": 5, \"currency\": \"USD\", \"created_at\": \"2025-07-02T11:31:26-05:00\", \"updated_at\": \"2025-07-02T11:31:26-05:00\", \"line_items\": [{\"id\": 7}]}", "$.line_items[0].quantity")]
    [InlineData("{\"id\": 5, \"currency\": \"USD\", \"created_at\": \"2025-07-02T11:31:26-05:00\", \"line_items\": [{\"id\": 7, \"quantity\": 1}]}", "$.updated_at")]
    public async Task MalformedOrderBody_IsATypedError_NamingTheField_AndNothingIsRecordedOrApplied(string json, string fieldPrefix)
    {
        await using var kit = ShopifyKit.Create();
        var body = Encoding.UTF8.GetBytes(json);
        var result = await kit.Webhooks.ProcessAsync(kit.Webhook("orders/updated", body, "evt-bad"));

        Assert.Equal(ShopifyWebhookOutcome.Malformed, result.Outcome);
        Assert.NotNull(result.Error);
        Assert.StartsWith(fieldPrefix, result.Error!.Field, StringComparison.Ordinal);
        Assert.Equal(400, result.StatusCode);
        Assert.Empty(kit.H.PublishedEvents);
        Assert.True(await kit.Inbox.TryRecordAsync(ShopifyOptions.Channel, "event:evt-bad", kit.H.Clock.GetCurrentInstant()));
    }

    [SharedDataFact]
    public async Task WrongShop_IsRejected()
    {
        await using var kit = ShopifyKit.Create();
        var body = OrderBody("order__test_20.json");
        var result = await kit.Webhooks.ProcessAsync(kit.Webhook("orders/create", body, "evt-1", shop: "other.myshopify.com"));
        Assert.Equal(ShopifyWebhookOutcome.WrongShop, result.Outcome);
        Assert.Empty(kit.H.PublishedEvents);
    }

    [SharedDataFact]
    public async Task FulfillmentsCreate_IsReported()
    {
        await using var kit = ShopifyKit.Create();
        var body = SharedData.Bytes(SharedData.ResponseBody("fulfillment__test_6.json").GetProperty("fulfillment"));
        var result = await kit.Webhooks.ProcessAsync(kit.Webhook("fulfillments/create", body, "evt-f"));
        Assert.Equal(ShopifyWebhookOutcome.Applied, result.Outcome);
        Assert.Equal(1069019877, result.Fulfillment!.FulfillmentId);
        Assert.Equal(450789469, result.Fulfillment.ShopifyOrderId);
        Assert.Equal("MS1562678", result.Fulfillment.TrackingNumber);
    }
}
