using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Adapters.Amazon.SpApi.Http;
using OrderCore.Catalog;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore;

/// <summary>Registers the Amazon SP-API adapter on an <see cref="IOrderCoreBuilder"/>.</summary>
public static class AmazonOrderCoreBuilderExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the adapter takes from <see cref="IHttpClientFactory"/>; configure it (primary handler, proxy, resilience) with <c>services.AddHttpClient(AmazonOrderCoreBuilderExtensions.HttpClientName)</c>.</summary>
    public const string HttpClientName = "OrderCore.Amazon.SpApi";

    /// <summary>
    /// Registers the Amazon adapter: <see cref="AmazonSpApiOptions"/> (validated on start by
    /// <see cref="AmazonSpApiOptionsValidator"/>: region, marketplace ids, seller id, LWA credentials, ranges), the named
    /// <see cref="HttpClient"/> <see cref="HttpClientName"/>, and singletons of <see cref="AmazonSpApiClient"/> (and its
    /// <see cref="AmazonOrdersClient"/>, <see cref="AmazonShipmentClient"/>, <see cref="AmazonListingsClient"/>,
    /// <see cref="AmazonFbaInventoryClient"/>, <see cref="AmazonInboundClient"/>), <see cref="AmazonOrderImporter"/>,
    /// <see cref="AmazonOrderChangeHandler"/>, <see cref="AmazonOutboxDispatcher"/>, <see cref="AmazonPersonalDataRedactor"/>
    /// and <see cref="AmazonFbaInventorySync"/> (which needs <see cref="AmazonSpApiOptions.FbaLocation"/>). Calling it twice
    /// registers the services once; both configure actions apply.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddOrderCore</c>.</param>
    /// <param name="configure">Sets the options (credentials from a secret store, never source code).</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IOrderCoreBuilder AddAmazon(this IOrderCoreBuilder builder, Action<AmazonSpApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<AmazonSpApiOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(AmazonMarker))) return builder;
        services.AddSingleton<AmazonMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AmazonSpApiOptions>, AmazonSpApiOptionsValidator>());
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<AmazonSpApiClient>();
            return new AmazonSpApiClient(() => factory.CreateClient(HttpClientName), sp.GetRequiredService<IOptions<AmazonSpApiOptions>>().Value,
                sp.GetRequiredService<IClock>(), sp.GetService<ISpApiDelay>() ?? TaskSpApiDelay.Instance, logger);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<AmazonSpApiClient>().Orders);
        services.TryAddSingleton(sp => sp.GetRequiredService<AmazonSpApiClient>().Shipments);
        services.TryAddSingleton(sp => sp.GetRequiredService<AmazonSpApiClient>().Listings);
        services.TryAddSingleton(sp => sp.GetRequiredService<AmazonSpApiClient>().FbaInventory);
        services.TryAddSingleton(sp => sp.GetRequiredService<AmazonSpApiClient>().Inbound);
        services.TryAddSingleton(sp => new AmazonOrderImporter(sp.GetRequiredService<OrderIntake>(), sp.GetRequiredService<OrderFulfilment>()));
        services.TryAddSingleton(sp => new AmazonOrderChangeHandler(sp.GetRequiredService<IChannelEventInbox>(), sp.GetRequiredService<IOrderStore>(),
            sp.GetRequiredService<OrderFulfilment>(), sp.GetRequiredService<IClock>(), Options(sp).ToMappingOptions()));
        services.TryAddSingleton(sp => new AmazonOutboxDispatcher(sp.GetRequiredService<IOutboxStore>(), sp.GetRequiredService<AmazonSpApiClient>(),
            sp.GetRequiredService<IClock>(), sp.GetService<ILoggerFactory>()?.CreateLogger<AmazonOutboxDispatcher>()));
        services.TryAddSingleton(sp => new AmazonPersonalDataRedactor(sp.GetRequiredService<IOrderStore>(), sp.GetRequiredService<IClock>(),
            Options(sp).ToMappingOptions(), Options(sp).PersonalDataRetention));
        services.TryAddSingleton(sp =>
        {
            var o = Options(sp);
            var location = o.FbaLocation ?? throw new InvalidOperationException("AmazonSpApiOptions.FbaLocation must be set to sync FBA inventory.");
            return new AmazonFbaInventorySync(sp.GetRequiredService<InventoryPool>(), sp.GetRequiredService<SkuResolver>(), o.ToMappingOptions(), location);
        });
        return builder;
    }

    private static AmazonSpApiOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<AmazonSpApiOptions>>().Value;

    private sealed class AmazonMarker;
}
