using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderCore.Adapters.Shopify.Fulfilment;
using OrderCore.Adapters.Shopify.Import;
using OrderCore.Testing;

namespace OrderCore.Adapters.Shopify.Tests.Support;

/// <summary>OrderCore wired with <c>AddShopify</c>, its HTTP client answered by a <see cref="FakeShopify"/>, waits by a <see cref="ManualTime"/>.</summary>
public sealed class ShopifyHost : IAsyncDisposable
{
    private ShopifyHost(OrderCoreHarness h, FakeShopify fake, ManualTime time)
    {
        H = h;
        Fake = fake;
        Time = time;
    }

    public OrderCoreHarness H { get; }
    public FakeShopify Fake { get; }
    public ManualTime Time { get; }
    public ShopifyOrderImporter Importer => H.Services.GetRequiredService<ShopifyOrderImporter>();
    public ShopifyOutbox Outbox => H.Services.GetRequiredService<ShopifyOutbox>();
    public ShopifyOutboxDispatcher Dispatcher => H.Services.GetRequiredService<ShopifyOutboxDispatcher>();
    public OrderCore.Ports.IOutboxStore OutboxStore => H.Services.GetRequiredService<OrderCore.Ports.IOutboxStore>();

    public static ShopifyHost Create(Action<ShopifyOptions>? configure = null)
    {
        var fake = new FakeShopify();
        var time = new ManualTime();
        var h = OrderCoreHarness.Create(o => o.ConfigureServices = services =>
        {
            services.TryAddSingleton<TimeProvider>(time);
            new Builder(services).AddShopify(s =>
            {
                s.ShopDomain = "test-shop.myshopify.io";
                s.AccessToken = "shpat_test";
                s.WebhookSecret = ShopifyKit.Secret;
                s.Owner = TestIds.Owner;
                s.TransientRetryDelay = NodaTime.Duration.Zero;
                s.LocationMap[24826418] = TestIds.Warehouse;      // "Apple Api Shipwire", the fulfilment orders' location
                s.LocationMap[655441491] = TestIds.SecondWarehouse;
                configure?.Invoke(s);
            });
            services.AddHttpClient(ShopifyOrderCoreBuilderExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => fake);
        });
        return new ShopifyHost(h, fake, time);
    }

    public ValueTask DisposeAsync() => H.DisposeAsync();

    private sealed class Builder(IServiceCollection services) : IOrderCoreBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
