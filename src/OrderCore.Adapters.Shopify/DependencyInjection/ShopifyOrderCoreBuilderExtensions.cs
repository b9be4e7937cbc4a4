using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Shopify;
using OrderCore.Adapters.Shopify.Fulfilment;
using OrderCore.Adapters.Shopify.Http;
using OrderCore.Adapters.Shopify.Import;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Adapters.Shopify.Webhooks;
using OrderCore.Catalog;
using OrderCore.Events;
using OrderCore.Orders;
using OrderCore.Ports;
using Polly;
using Polly.Timeout;

namespace OrderCore;

/// <summary>Registers the Shopify adapter on an OrderCore builder.</summary>
public static class ShopifyOrderCoreBuilderExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the adapter uses; configure it (e.g. a primary handler in tests) with <c>services.AddHttpClient(HttpClientName)</c>.</summary>
    public const string HttpClientName = "OrderCore.Shopify";

    /// <summary>
    /// Registers the Shopify adapter: <see cref="ShopifyOptions"/> (validated on start by
    /// <see cref="ShopifyOptionsValidator"/>), <see cref="ShopifyOrderMapper"/>, <see cref="ShopifyOrderImporter"/>,
    /// <see cref="ShopifyWebhookProcessor"/>, <see cref="ShopifyOutbox"/>, <see cref="ShopifyOutboxDispatcher"/> and a
    /// singleton <see cref="ShopifyClient"/> over the named client <see cref="HttpClientName"/> with a
    /// Microsoft.Extensions.Http.Resilience pipeline (transient retries with exponential backoff, per-attempt timeout).
    /// Calling it again only adds the <paramref name="configure"/> step.
    /// </summary>
    /// <param name="builder">The OrderCore builder from <c>services.AddOrderCore(...)</c>.</param>
    /// <param name="configure">Sets <see cref="ShopifyOptions.ShopDomain"/>, <see cref="ShopifyOptions.AccessToken"/>,
    /// <see cref="ShopifyOptions.WebhookSecret"/>, <see cref="ShopifyOptions.Owner"/>, <see cref="ShopifyOptions.ApiVersion"/>,
    /// <see cref="ShopifyOptions.LocationMap"/>…</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    /// <example>
    /// <code>
    /// services.AddOrderCore().AddPriorityRouting(...).AddShopify(o =>
    /// {
    ///     o.ShopDomain = "acme.myshopify.com";
    ///     o.AccessToken = secrets["shopify-token"];
    ///     o.WebhookSecret = secrets["shopify-client-secret"];
    ///     o.Owner = OwnerId.From("acme");
    ///     o.LocationMap[655441491] = LocationId.From("WH-1");
    /// });
    /// </code>
    /// </example>
    public static IOrderCoreBuilder AddShopify(this IOrderCoreBuilder builder, Action<ShopifyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<ShopifyOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopifyOptions>, ShopifyOptionsValidator>());
        if (services.Any(d => d.ServiceType == typeof(ShopifyMarker))) return builder;
        services.AddSingleton<ShopifyMarker>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ShopifyOrderMapper.From(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value));
        services.TryAddSingleton(sp => new ShopifyOrderImporter(
            sp.GetRequiredService<OrderIntake>(), sp.GetRequiredService<OrderFulfilment>(), sp.GetRequiredService<IOrderStore>(),
            sp.GetRequiredService<ICatalogStore>(), sp.GetRequiredService<IChannelEventInbox>(), sp.GetRequiredService<DomainEventHub>(),
            sp.GetRequiredService<IClock>(), sp.GetRequiredService<ShopifyOrderMapper>(),
            new Dictionary<long, LocationId>(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value.LocationMap),
            sp.GetService<ILoggerFactory>()?.CreateLogger<ShopifyOrderImporter>()));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ShopifyOptions>>().Value;
            return new ShopifyWebhookProcessor(new ShopifyWebhookVerifier(o.WebhookSecret), o.ShopDomain, sp.GetRequiredService<IChannelEventInbox>(),
                sp.GetRequiredService<ShopifyOrderImporter>(), sp.GetRequiredService<IClock>(), sp.GetService<ILoggerFactory>()?.CreateLogger<ShopifyWebhookProcessor>());
        });
        services.TryAddSingleton<ShopifyOutbox>();
        services.TryAddSingleton<ShopifyOutboxDispatcher>();
        services.TryAddSingleton(sp => new ShopifyClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<IOptions<ShopifyOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<ShopifyClient>>()));

        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("shopify-transient", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<ShopifyOptions>>().Value;
                if (o.TransientRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.TransientRetries,
                        Delay = o.TransientRetryDelay.ToTimeSpan(),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = false,
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    });
                }
                pipeline.AddTimeout(o.AttemptTimeout.ToTimeSpan());
            });
        return builder;
    }

    /// <summary>5xx, 408, a connection error or an attempt timeout. Not 429: <see cref="ShopifyClient"/> waits its Retry-After.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    private sealed class ShopifyMarker;
}
