using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart;
using OrderCore.Adapters.Walmart.Http;
using OrderCore.Adapters.Walmart.Intake;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbox;
using OrderCore.Adapters.Walmart.Returns;
using OrderCore.Adapters.Walmart.Sla;

namespace OrderCore;

/// <summary>Registers the Walmart adapter on an OrderCore builder.</summary>
public static class WalmartOrderCoreBuilderExtensions
{
    /// <summary>
    /// Registers the Walmart adapter: <see cref="WalmartOptions"/> (validated on start by <see cref="WalmartOptionsValidator"/>:
    /// client id and secret, service name, ship node map, ranges), the typed <see cref="WalmartApiClient"/> with its
    /// resilience and Walmart handlers, the order and return mappers, the importer, the outbox writer and dispatcher, the
    /// SLA monitor, the inventory sync and the feed monitor. Calling it again only adds the configuration.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddOrderCore</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example><code>
    /// services.AddOrderCore().AddPriorityRouting(o => o.Locations.Add(LocationId.From("WH-1")))
    ///     .AddWalmart(o => { o.ClientId = id; o.ClientSecret = secret; o.ShipNodes["10001"] = "WH-1"; });
    /// </code></example>
    public static IOrderCoreBuilder AddWalmart(this IOrderCoreBuilder builder, Action<WalmartOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<WalmartOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(WalmartMarker))) return builder;
        services.AddSingleton<WalmartMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WalmartOptions>, WalmartOptionsValidator>());
        services.TryAddSingleton(sp => new WalmartTokenCache(Options(sp), sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new WalmartThrottle(sp.GetRequiredService<IClock>(), Options(sp).MaxThrottleWait));
        services.TryAddSingleton<WalmartOrderMapper>();
        services.TryAddSingleton<WalmartReturnMapper>();
        services.TryAddSingleton<WalmartSlaMonitor>();
        services.TryAddSingleton<WalmartFeedMonitor>();
        services.TryAddSingleton<WalmartOutbox>();
        services.TryAddSingleton<WalmartInventorySync>();
        services.TryAddSingleton<WalmartOrderImporter>();
        services.TryAddTransient<WalmartOutboxDispatcher>();
        // Handlers run in registration order: the resilience handler (outer, retries) wraps the Walmart handler (inner, once per attempt).
        var http = services.AddHttpClient<WalmartApiClient>((sp, client) =>
        {
            client.BaseAddress = Options(sp).BaseAddress;
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        http.AddResilienceHandler("walmart", (pipeline, context) => WalmartResilience.Configure(pipeline, Options(context.ServiceProvider), context.ServiceProvider.GetRequiredService<IClock>()));
        http.AddHttpMessageHandler(sp => new WalmartRequestHandler(Options(sp), sp.GetRequiredService<WalmartTokenCache>(), sp.GetRequiredService<WalmartThrottle>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger("OrderCore.Adapters.Walmart")));
        return builder;
    }

    private static WalmartOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<WalmartOptions>>().Value;

    private sealed class WalmartMarker;
}
