using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Catalog;
using OrderCore.Events;
using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore;

/// <summary>Returned by <see cref="OrderCoreServiceCollectionExtensions.AddOrderCore"/>; feature packages add extension methods to it (<c>.AddPriorityRouting()</c>, store adapters).</summary>
public interface IOrderCoreBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }
}

/// <summary>Registers OrderCore in a service collection.</summary>
public static class OrderCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the core: options (validated on start), <see cref="IClock"/> (the system clock unless one is already
    /// registered), the domain event hub, the in-memory stores (unless others are registered), the inventory pool,
    /// SKU resolution, order intake, fulfilment and the exception queue. Calling it twice is harmless.
    /// </summary>
    /// <remarks>An <see cref="Fulfilment.IOrderRouter"/> must also be registered, e.g. by <c>.AddPriorityRouting(...)</c> from OrderCore.Routing.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IOrderCoreBuilder AddOrderCore(this IServiceCollection services, Action<OrderCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OrderCoreOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrderCoreOptions>, OrderCoreOptionsValidator>());

#pragma warning disable RS0030 // The one place the system clock is read: the default when the host registers none.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(sp => new DomainEventHub(sp.GetServices<IDomainEventHandler>()));
        services.TryAddSingleton<IInventoryStore, InMemoryInventoryStore>();
        services.TryAddSingleton<ICatalogStore, InMemoryCatalogStore>();
        services.TryAddSingleton<IOrderStore, InMemoryOrderStore>();
        services.TryAddSingleton<IOutboxStore, InMemoryOutboxStore>();
        services.TryAddSingleton<IChannelEventInbox, InMemoryChannelEventInbox>();
        services.TryAddSingleton<InventoryPool>();
        services.TryAddSingleton<SkuResolver>();
        services.TryAddSingleton<OrderFulfilment>();
        services.TryAddSingleton<OrderIntake>();
        services.TryAddSingleton<ExceptionQueue>();
        return new OrderCoreBuilder(services);
    }

    private sealed class OrderCoreBuilder(IServiceCollection services) : IOrderCoreBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
