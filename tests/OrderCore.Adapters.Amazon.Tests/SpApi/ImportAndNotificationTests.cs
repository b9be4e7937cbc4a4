using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Adapters.Amazon.Tests.SpApi.Support;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Testing;

namespace OrderCore.Adapters.Amazon.Tests.SpApi;

/// <summary>Importing mapped orders (holds, cancellation requests, validation), ORDER_CHANGE notifications, PII redaction and AddAmazon.</summary>
public sealed class ImportAndNotificationTests
{
    private static readonly AmazonOrderMappingOptions Mapping = new(TestIds.Owner, ChannelAccountId.From("amazon-us"));

    private static AmazonMappedOrder V0(string id, string status, string lastUpdate, string channel = "MFN", bool buyerCancel = false, string sku = "TEE-RED-M")
    {
        var order = "{\"payload\":{\"AmazonOrderId\":\"" + id + "\",\"PurchaseDate\":\"2026-02-01T10:00:00Z\",\"LastUpdateDate\":\"" + lastUpdate + "\",\"OrderStatus\":\"" + status
            + "\",\"FulfillmentChannel\":\"" + channel + "\",\"ShippingAddress\":{\"Name\":\"Jane Doe\",\"AddressLine1\":\"1 Main St\",\"City\":\"Austin\",\"StateOrRegion\":\"TX\",\"PostalCode\":\"73301\",\"CountryCode\":\"US\"}}}";
        var items = "{\"payload\":{\"AmazonOrderId\":\"" + id + "\",\"OrderItems\":[{\"ASIN\":\"B000000001\",\"SellerSKU\":\"" + sku + "\",\"OrderItemId\":\"OI-1\",\"QuantityOrdered\":2,"
            + "\"ItemPrice\":{\"CurrencyCode\":\"USD\",\"Amount\":\"39.98\"}" + (buyerCancel ? ",\"BuyerRequestedCancel\":{\"IsBuyerRequestedCancel\":\"true\",\"BuyerCancelReason\":\"Changed mind\"}" : "") + "}]}}";
        var result = AmazonOrderMapper.Map([AmazonPayload.Parse(order, "order"), AmazonPayload.Parse(items, "items")], Mapping);
        Assert.Empty(result.Rejections);
        return Assert.Single(result.Orders);
    }

    private static AmazonOrderImporter Importer(OrderCoreHarness h) => new(h.Intake, h.Fulfilment);

    [Fact]
    public async Task Import_PendingOrder_IsHeldUntilAmazonSaysItIsAllocatable()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("TEE-RED-M");
        var importer = Importer(h);
        var first = await importer.ImportAsync(V0("111-0000000-0000001", "Pending", "2026-02-01T10:00:00Z"));
        Assert.Equal(IntakeOutcome.Created, first.Outcome);
        Assert.Equal(["hold:Payment"], first.Actions);
        Assert.Equal(HoldReason.Payment, Assert.Single(first.Order!.Holds).Reason);

        var again = await importer.ImportAsync(V0("111-0000000-0000001", "Pending", "2026-02-01T10:00:00Z"));
        Assert.Equal(IntakeOutcome.Unchanged, again.Outcome);

        var ready = await importer.ImportAsync(V0("111-0000000-0000001", "Unshipped", "2026-02-01T11:00:00Z"));
        Assert.Equal(IntakeOutcome.Updated, ready.Outcome);
        Assert.Equal(["hold-released:Payment"], ready.Actions);
        Assert.Empty(ready.Order!.Holds);
        Assert.Empty(ready.Exceptions);

        var older = await importer.ImportAsync(V0("111-0000000-0000001", "Pending", "2026-02-01T10:30:00Z"));
        Assert.Equal(IntakeOutcome.IgnoredOlder, older.Outcome);
        Assert.Empty((await h.GetOrderAsync(ready.Order.Id)).Holds);
    }

    [Fact]
    public async Task Import_BuyerRequestedCancel_BecomesACancellationRequestThatCannotShip()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("TEE-RED-M");
        await h.ReceiveAsync("TEE-RED-M", 10);
        var result = await Importer(h).ImportAsync(V0("111-0000000-0000002", "Unshipped", "2026-02-01T10:00:00Z", buyerCancel: true));
        Assert.Equal(["cancel-request"], result.Actions);
        var hold = Assert.Single(result.Order!.Holds);
        Assert.Equal(HoldReason.CustomerRequest, hold.Reason);
        Assert.StartsWith(AmazonOrderImporter.CancelRequestHoldPrefix, hold.Note);
        Assert.Contains("Changed mind", hold.Note);
        Assert.Contains("buyer-requested-cancel", result.Order.Tags);
        Assert.True((await h.Fulfilment.AllocateAsync(result.Order.Id)).Allocated);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => h.Fulfilment.ShipAsync(result.Order.Id, "parcel-1"));
        Assert.Contains("held", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Import_UnmappedSkuAndAmazonShippedFba_AreHandled()
    {
        await using var h = OrderCoreHarness.Create();
        var unmapped = await Importer(h).ImportAsync(V0("111-0000000-0000003", "Unshipped", "2026-02-01T10:00:00Z", sku: "NOT-IN-CATALOG"));
        var entry = Assert.Single(unmapped.Exceptions);
        Assert.Equal((OrderExceptionReason.UnmappedSku, "lines[0].sku"), (entry.Reason, entry.Field));

        await h.AddProductAsync("TEE-RED-M");
        var fba = await Importer(h).ImportAsync(V0("111-0000000-0000004", "Shipped", "2026-02-01T10:00:00Z", channel: "AFN"));
        Assert.Equal(OrderStatus.Shipped, fba.Order!.Status);
        Assert.Equal(["shipped-by-amazon"], fba.Actions);
        Assert.Null(fba.Order.ShipTo!.Name); // Amazon ships it: no personal data kept
    }

    [Fact]
    public async Task Import_MerchantOrderAmazonReportsShippedButOrderCoreNeverShipped_IsHeldNotShippedTwice()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("TEE-RED-M");
        var r = await Importer(h).ImportAsync(V0("111-0000000-0000007", "Shipped", "2026-02-01T10:00:00Z"));
        Assert.Equal(["hold:Manual(shipped-on-amazon)"], r.Actions);
        Assert.StartsWith(AmazonOrderImporter.ShippedOutsideHoldPrefix, Assert.Single(r.Order!.Holds).Note);
    }

    [Fact]
    public async Task Import_V0OrderWithoutItems_IsRefusedNamingWhy()
    {
        await using var h = OrderCoreHarness.Create();
        var header = Assert.Single(AmazonOrderMapper.Map([AmazonPayload.Parse("""{"payload":{"AmazonOrderId":"111-0000000-0000005","PurchaseDate":"2026-02-01T10:00:00Z","LastUpdateDate":"2026-02-01T10:00:00Z","OrderStatus":"Unshipped","FulfillmentChannel":"MFN"}}""", "o")], Mapping).Orders);
        var result = await Importer(h).ImportAsync(header);
        Assert.Null(result.Outcome);
        Assert.Equal(AmazonRejectionReason.NoItems, result.Rejection!.Reason);
    }

    [SpApiDataFact]
    public async Task OrderChange_ExampleNotification_IsDeduplicatedAndBecomesACancellationRequest()
    {
        var json = SharedData.ReadExample("notifications/OrderChangeNotification__example0.json");
        var e = AmazonOrderChangeEvent.Parse(json, "example");
        Assert.Equal("d0e9e693-c3ad-4373-979f-ed4ec98dd746", e.NotificationId);
        Assert.Equal("903-8868176-2219830", e.AmazonOrderId);
        Assert.Equal("BuyerRequestedChange", e.ChangeType);
        Assert.Equal(Instant.FromUtc(2020, 1, 11, 0, 9, 53) + Duration.FromMilliseconds(109), e.EventTime);
        Assert.True(e.IsBuyerCancellationRequest);
        var item = Assert.Single(e.Items);
        Assert.Equal(new AmazonOrderChangeItem("OIID34853450", "SellerSKUID1", 10, 0, true), item);

        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SellerSKUID1");
        var handler = new AmazonOrderChangeHandler(h.Services.GetRequiredService<IChannelEventInbox>(), h.Orders, h.Fulfilment, h.Clock, Mapping);
        await Importer(h).ImportAsync(V0("903-8868176-2219830", "Unshipped", "2022-11-29T19:00:00Z", sku: "SellerSKUID1"));

        var first = await handler.HandleAsync(e);
        Assert.Equal(AmazonNotificationOutcome.CancellationRequested, first.Outcome);
        var order = await h.GetOrderAsync(first.OrderId!.Value);
        Assert.Equal(HoldReason.CustomerRequest, Assert.Single(order.Holds).Reason);
        Assert.NotEqual(OrderStatus.Cancelled, order.Status);

        var second = await handler.HandleAsync(AmazonOrderChangeEvent.Parse(json, "redelivered"));
        Assert.Equal(AmazonNotificationOutcome.Duplicate, second.Outcome);
        Assert.Single((await h.GetOrderAsync(order.Id)).Holds);
    }

    [Fact]
    public async Task OrderChange_ForAnOrderNotYetImported_AsksForAFetch()
    {
        await using var h = OrderCoreHarness.Create();
        var handler = new AmazonOrderChangeHandler(h.Services.GetRequiredService<IChannelEventInbox>(), h.Orders, h.Fulfilment, h.Clock, Mapping);
        var e = new AmazonOrderChangeEvent("n-1", h.Clock.GetCurrentInstant(), "999-0000000-0000000", null, "OrderStatusChange", null, "Shipped", "MFN", null, []);
        Assert.Equal(AmazonNotificationOutcome.OrderUnknown, (await handler.HandleAsync(e)).Outcome);
        Assert.Throws<AmazonPayloadFormatException>(() => AmazonOrderChangeEvent.Parse("""{"NotificationType":"ORDER_CHANGE","Payload":{"OrderChangeNotification":{"AmazonOrderId":"1","OrderChangeType":"x"}},"EventTime":"2026-01-01T00:00:00Z"}""", "no-id"));
    }

    [Fact]
    public async Task Redactor_RemovesNameAndStreetFromClosedOrdersAfterRetention()
    {
        await using var h = OrderCoreHarness.Create(o => o.Start = Instant.FromUtc(2026, 2, 1, 12, 0));
        await h.AddProductAsync("TEE-RED-M");
        var imported = await Importer(h).ImportAsync(V0("111-0000000-0000006", "Canceled", "2026-02-01T10:00:00Z"));
        Assert.Equal(OrderStatus.Cancelled, imported.Order!.Status);
        Assert.Equal("Jane Doe", imported.Order.ShipTo!.Name);
        var redactor = new AmazonPersonalDataRedactor(h.Orders, h.Clock, Mapping, Duration.FromDays(30));
        Assert.Equal(0, (await redactor.RedactAsync()).Redacted);
        h.Advance(Duration.FromDays(31));
        Assert.Equal(1, (await redactor.RedactAsync()).Redacted);
        var shipTo = (await h.GetOrderAsync(imported.Order.Id)).ShipTo!;
        Assert.Equal((null, null, "Austin", "73301", "US"), (shipTo.Name, shipTo.Line1, shipTo.City, shipTo.PostalCode, shipTo.CountryCode));
    }

    [Fact]
    public async Task AddAmazon_ValidatesOptionsAndResolvesAClientOverTheNamedHttpClient()
    {
        var bad = new ServiceCollection();
        bad.AddOrderCore().AddAmazon(o => o.Owner = TestIds.Owner);
        using (var sp = bad.BuildServiceProvider())
        {
            var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<AmazonSpApiOptions>>().Value);
            Assert.Contains("ClientSecret", ex.Message);
            Assert.Contains("MarketplaceIds", ex.Message);
        }

        var fake = new FakeSpApi();
        fake.OnJson(HttpMethod.Get, "/orders/v0/orders/*", """{"payload":{"AmazonOrderId":"1","OrderItems":[]}}""");
        var services = new ServiceCollection();
        services.AddSingleton<NodaTime.IClock>(NodaTime.Testing.FakeClock.FromUtc(2026, 3, 1, 12, 0, 0));
        services.AddOrderCore().AddAmazon(o =>
        {
            var d = SpApiFixture.NewOptions();
            o.Owner = d.Owner;
            o.Account = d.Account;
            o.Endpoint = d.Endpoint;
            o.TokenEndpoint = d.TokenEndpoint;
            o.MarketplaceIds = d.MarketplaceIds;
            o.ClientId = d.ClientId;
            o.ClientSecret = d.ClientSecret;
            o.RefreshToken = d.RefreshToken;
        }).AddAmazon(o => o.SellerId = "A3TH9S8BH6GOGM");
        services.AddHttpClient(AmazonOrderCoreBuilderExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => fake);
        Assert.Single(services, d => d.ServiceType == typeof(AmazonSpApiClient));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AmazonSpApiClient>();
        Assert.Equal("A3TH9S8BH6GOGM", client.Options.SellerId);
        Assert.Same(client.Orders, provider.GetRequiredService<AmazonOrdersClient>());
        await client.Orders.GetOrderItemsV0Async("1");
        Assert.Equal(1, fake.TokenExchanges);
        Assert.NotNull(provider.GetRequiredService<AmazonOutboxDispatcher>());
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AmazonFbaInventorySync>()); // FbaLocation unset
    }
}
