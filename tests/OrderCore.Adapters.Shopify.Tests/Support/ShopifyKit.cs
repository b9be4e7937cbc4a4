using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OrderCore.Adapters.Shopify.Import;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Adapters.Shopify.Webhooks;
using OrderCore.Catalog;
using OrderCore.Ports;
using OrderCore.Testing;

namespace OrderCore.Adapters.Shopify.Tests.Support;

/// <summary>OrderCore (in-memory, fake clock) with the Shopify importer and webhook processor wired by hand.</summary>
public sealed class ShopifyKit : IAsyncDisposable
{
    public const string Secret = "test_secret_key";
    public const string Shop = "test-shop.myshopify.io";
    public static readonly LocationId Warehouse = TestIds.Warehouse;
    public static readonly LocationId SecondWarehouse = TestIds.SecondWarehouse;

    private ShopifyKit(OrderCoreHarness h, Dictionary<long, LocationId> locations)
    {
        H = h;
        Locations = locations;
        Account = ChannelAccountId.From(Shop);
        Mapper = new ShopifyOrderMapper(h.Owner, Account);
        Inbox = h.Services.GetRequiredService<IChannelEventInbox>();
        Importer = new ShopifyOrderImporter(h.Intake, h.Fulfilment, h.Orders, h.Catalog, Inbox, h.Events, h.Clock, Mapper, locations);
        Webhooks = new ShopifyWebhookProcessor(new ShopifyWebhookVerifier(Secret), Shop, Inbox, Importer, h.Clock);
    }

    public OrderCoreHarness H { get; }
    public ChannelAccountId Account { get; }
    public Dictionary<long, LocationId> Locations { get; }
    public ShopifyOrderMapper Mapper { get; }
    public IChannelEventInbox Inbox { get; }
    public ShopifyOrderImporter Importer { get; }
    public ShopifyWebhookProcessor Webhooks { get; }

    /// <summary>Shopify locations 487838322 (Fifth Avenue) → WH-1 and 655441491 → WH-2, as in the examples.</summary>
    public static ShopifyKit Create()
        => new(OrderCoreHarness.Create(), new Dictionary<long, LocationId> { [487838322] = Warehouse, [655441491] = SecondWarehouse });

    /// <summary>Products for the iPod SKUs of the examples, with stock at WH-1.</summary>
    public async Task SeedIpodsAsync(int units = 10)
    {
        foreach (var sku in new[] { "IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK", "IPOD2009BLACK" })
        {
            await H.AddProductAsync(sku);
            await H.ReceiveAsync(sku, units);
        }
    }

    public Task ListVariantAsync(long variantId, string sku, int pack = 1)
        => H.Catalog.UpsertListingAsync(new ChannelListing(H.Owner, ShopifyOptions.Channel, Account, variantId.ToString(System.Globalization.CultureInfo.InvariantCulture), Sku.From(sku), pack));

    public ShopifyWebhookRequest Webhook(string topic, byte[] body, string eventId, string? hmac = null, string shop = Shop)
        => new(ShopifyWebhookHeaders.From(new Dictionary<string, string?>
        {
            ["X-Shopify-Hmac-Sha256"] = hmac ?? ShopifyWebhookVerifier.Sign(body, Secret),
            ["X-Shopify-Topic"] = topic,
            ["X-Shopify-Shop-Domain"] = shop,
            ["X-Shopify-API-Version"] = "2026-07",
            ["X-Shopify-Webhook-Id"] = "delivery-" + eventId,
            ["X-Shopify-Event-Id"] = eventId,
        }), body);

    public void Advance(int seconds = 1) => H.Clock.Advance(Duration.FromSeconds(seconds));

    public ValueTask DisposeAsync() => H.DisposeAsync();
}
