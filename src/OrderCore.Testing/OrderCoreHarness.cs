using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using OrderCore.Catalog;
using OrderCore.Events;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing;

namespace OrderCore.Testing;

/// <summary>Settings of an <see cref="OrderCoreHarness"/>.</summary>
public sealed class OrderCoreHarnessOptions
{
    /// <summary>The owner the harness helpers use when none is given.</summary>
    /// <value>Default <see cref="TestIds.Owner"/>.</value>
    public OwnerId Owner { get; set; } = TestIds.Owner;

    /// <summary>The routing locations in order of preference, passed to <c>AddPriorityRouting</c>.</summary>
    /// <value>Default <see cref="TestIds.Warehouse"/> then <see cref="TestIds.SecondWarehouse"/>.</value>
    public IList<LocationId> Locations { get; } = new List<LocationId> { TestIds.Warehouse, TestIds.SecondWarehouse };

    /// <summary>The inventory statuses routing may draw, in order of preference.</summary>
    /// <value>Default <see cref="InventoryStatus.Sellable"/> only.</value>
    public IList<InventoryStatus> RoutingStatuses { get; } = new List<InventoryStatus> { InventoryStatus.Sellable };

    /// <summary>The instant the fake clock starts at.</summary>
    /// <value>Default <see cref="TestIds.Start"/>.</value>
    public Instant Start { get; set; } = TestIds.Start;

    /// <summary>How far the fake clock moves each time it is read.</summary>
    /// <value>Default <see cref="Duration.Zero"/>: time stands still until the test advances it.</value>
    public Duration AutoAdvance { get; set; } = Duration.Zero;

    /// <summary>Configures the core options (negative on-hand policy, status graph, allocation attempts...).</summary>
    /// <value>Default null: the core defaults.</value>
    public Action<OrderCoreOptions>? ConfigureCore { get; set; }

    /// <summary>Registers more services (event handlers, replacement stores) before <c>AddOrderCore</c> runs.</summary>
    /// <value>Default null.</value>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}

/// <summary>
/// OrderCore wired for a test: <c>services.AddOrderCore(...).AddPriorityRouting(...)</c> with the in-memory stores and a
/// NodaTime <see cref="FakeClock"/>, every service exposed as a property, and helpers to seed products and stock and to
/// place orders.
/// </summary>
/// <example>
/// <code>
/// using var h = OrderCoreHarness.Create();
/// await h.AddProductAsync("TEE-RED-M");
/// await h.ReceiveAsync("TEE-RED-M", 10);
/// var placed = await h.PlaceAsync(h.NewOrder("1001").WithLine("TEE-RED-M", 2));
/// // placed.Allocation!.Allocated == true; 2 units reserved at WH-1
/// </code>
/// </example>
/// <remarks>Options are validated when the harness is created, so a bad configuration throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> there.</remarks>
/// <threadsafety>The services are safe to use concurrently; the recorded event list is synchronised.</threadsafety>
public sealed class OrderCoreHarness : IDisposable, IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IDisposable _subscription;
    private readonly Lock _eventsLock = new();
    private readonly List<IDomainEvent> _events = new();

    private OrderCoreHarness(ServiceProvider provider, FakeClock clock, OrderCoreHarnessOptions options)
    {
        _provider = provider;
        Clock = clock;
        Owner = options.Owner;
        Locations = options.Locations.ToArray();
        Events = provider.GetRequiredService<DomainEventHub>();
        _subscription = Events.Subscribe(e =>
        {
            lock (_eventsLock) _events.Add(e);
        });
        Pool = provider.GetRequiredService<InventoryPool>();
        Inventory = provider.GetRequiredService<IInventoryStore>();
        Catalog = provider.GetRequiredService<ICatalogStore>();
        Orders = provider.GetRequiredService<IOrderStore>();
        Intake = provider.GetRequiredService<OrderIntake>();
        Fulfilment = provider.GetRequiredService<OrderFulfilment>();
        Exceptions = provider.GetRequiredService<ExceptionQueue>();
    }

    /// <summary>Creates a harness.</summary>
    /// <param name="configure">Changes to the default <see cref="OrderCoreHarnessOptions"/>, or null.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The core or routing options are invalid.</exception>
    public static OrderCoreHarness Create(Action<OrderCoreHarnessOptions>? configure = null)
    {
        var options = new OrderCoreHarnessOptions();
        configure?.Invoke(options);
        var clock = new FakeClock(options.Start, options.AutoAdvance);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        options.ConfigureServices?.Invoke(services);
        services.AddOrderCore(options.ConfigureCore)
            .AddPriorityRouting(r =>
            {
                foreach (var l in options.Locations) r.Locations.Add(l);
                r.Statuses.Clear();
                foreach (var s in options.RoutingStatuses) r.Statuses.Add(s);
            });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // ValidateOnStart only runs under a host; run the same validation here so bad options fail fast.
            provider.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            return new OrderCoreHarness(provider, clock, options);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>The service provider, for services the harness does not expose.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The fake clock every service reads.</summary>
    public FakeClock Clock { get; }

    /// <summary>The default owner of the helpers.</summary>
    public OwnerId Owner { get; }

    /// <summary>The routing locations in preference order.</summary>
    public IReadOnlyList<LocationId> Locations { get; }

    /// <summary>The inventory pool.</summary>
    public InventoryPool Pool { get; }

    /// <summary>The inventory store (balances, ledger, reservations).</summary>
    public IInventoryStore Inventory { get; }

    /// <summary>The catalog store (products, listings, kits).</summary>
    public ICatalogStore Catalog { get; }

    /// <summary>The order store (orders and exception entries).</summary>
    public IOrderStore Orders { get; }

    /// <summary>Order intake (import and validation).</summary>
    public OrderIntake Intake { get; }

    /// <summary>Order fulfilment (allocate, release, ship, cancel, return, holds).</summary>
    public OrderFulfilment Fulfilment { get; }

    /// <summary>The exception queue (list, resolve, re-drive).</summary>
    public ExceptionQueue Exceptions { get; }

    /// <summary>The domain event hub.</summary>
    public DomainEventHub Events { get; }

    /// <summary>Every domain event published since the harness was created, in order.</summary>
    public IReadOnlyList<IDomainEvent> PublishedEvents
    {
        get
        {
            lock (_eventsLock) return _events.ToArray();
        }
    }

    /// <summary>The published events of type <typeparamref name="T"/>, in order.</summary>
    public IReadOnlyList<T> PublishedEventsOf<T>() where T : IDomainEvent => PublishedEvents.OfType<T>().ToArray();

    /// <summary>Forgets the events recorded so far.</summary>
    public void ClearEvents()
    {
        lock (_eventsLock) _events.Clear();
    }

    /// <summary>A <see cref="ChannelOrderBuilder"/> for a merchant-fulfilled order of the harness owner.</summary>
    public ChannelOrderBuilder NewOrder(string externalOrderId = "1001") => ChannelOrderBuilder.Merchant(externalOrderId).ForOwner(Owner);

    /// <summary>A <see cref="ChannelOrderBuilder"/> for a marketplace-fulfilled order of the harness owner.</summary>
    public ChannelOrderBuilder NewMarketplaceOrder(string externalOrderId = "1001") => ChannelOrderBuilder.Marketplace(externalOrderId).ForOwner(Owner);

    /// <summary>A balance key of the harness owner (or <paramref name="owner"/>), at the first location by default, Sellable by default.</summary>
    /// <exception cref="ArgumentException"><paramref name="sku"/> is blank.</exception>
    public BalanceKey Key(string sku, LocationId? location = null, InventoryStatus? status = null, OwnerId? owner = null)
        => new(owner ?? Owner, Sku.From(sku), location ?? Locations[0], status ?? InventoryStatus.Sellable);

    /// <summary>Creates or replaces a product of the harness owner (or <paramref name="owner"/>).</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="customize">Changes to the product (style, size, blocked, GTIN...), or null.</param>
    /// <param name="owner">The owner; default the harness owner.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Product> AddProductAsync(string sku, Func<Product, Product>? customize = null, OwnerId? owner = null, CancellationToken cancellationToken = default)
    {
        var product = new Product { Owner = owner ?? Owner, Sku = Sku.From(sku) };
        if (customize is not null) product = customize(product);
        await Catalog.UpsertProductAsync(product, cancellationToken).ConfigureAwait(false);
        return product;
    }

    /// <summary>Creates plain products for each SKU, for the harness owner.</summary>
    public async Task AddProductsAsync(params string[] skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        foreach (var s in skus) await AddProductAsync(s).ConfigureAwait(false);
    }

    /// <summary>Defines <paramref name="kitSku"/> as a kit of the given components (and creates the kit product).</summary>
    public async Task<KitDefinition> AddKitAsync(string kitSku, params (string Sku, int Quantity)[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        await AddProductAsync(kitSku).ConfigureAwait(false);
        var kit = new KitDefinition(Owner, Sku.From(kitSku), components.Select(c => new KitComponent(Sku.From(c.Sku), c.Quantity)).ToArray());
        await Catalog.UpsertKitAsync(kit).ConfigureAwait(false);
        return kit;
    }

    /// <summary>Maps an external SKU on the default channel account to a merchant SKU.</summary>
    public async Task<ChannelListing> AddListingAsync(string externalSku, string sku, int packMultiplier = 1)
    {
        var listing = new ChannelListing(Owner, TestIds.Channel, TestIds.Account, externalSku, Sku.From(sku), packMultiplier);
        await Catalog.UpsertListingAsync(listing).ConfigureAwait(false);
        return listing;
    }

    /// <summary>Receives stock (on hand +) with reason <c>receipt</c>.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="units">Units, ≥ 1.</param>
    /// <param name="location">Where; default the first routing location.</param>
    /// <param name="status">In which status; default Sellable.</param>
    /// <param name="owner">Whose; default the harness owner.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    public Task<LedgerEntry> ReceiveAsync(string sku, int units, LocationId? location = null, InventoryStatus? status = null, OwnerId? owner = null)
        => Pool.ReceiveAsync(Key(sku, location, status, owner), Quantity.Of(units), "receipt", "PO-TEST");

    /// <summary>The balance of a key, or a zero balance (version 0) when nothing ever touched it.</summary>
    public async Task<InventoryBalance> BalanceAsync(BalanceKey key)
        => await Inventory.GetBalanceAsync(key).ConfigureAwait(false) ?? new InventoryBalance(key, 0, 0, 0);

    /// <summary>The balance of a SKU of the harness owner (first location, Sellable, unless given).</summary>
    public Task<InventoryBalance> BalanceAsync(string sku, LocationId? location = null, InventoryStatus? status = null, OwnerId? owner = null)
        => BalanceAsync(Key(sku, location, status, owner));

    /// <summary>Imports a channel order.</summary>
    public Task<IntakeResult> ImportAsync(ChannelOrder order) => Intake.ImportAsync(order);

    /// <summary>Imports, validates and (when valid and merchant-fulfilled) allocates a channel order, as the main job does.</summary>
    /// <returns>What each step did; <see cref="PlacedOrder.Allocation"/> is null when validation failed.</returns>
    public async Task<PlacedOrder> PlaceAsync(ChannelOrder order, CancellationToken cancellationToken = default)
    {
        var imported = await Intake.ImportAsync(order, cancellationToken).ConfigureAwait(false);
        var validation = await Intake.ValidateAsync(imported.Order.Id, cancellationToken).ConfigureAwait(false);
        AllocationResult? allocation = null;
        if (validation.IsValid) allocation = await Fulfilment.AllocateAsync(imported.Order.Id, cancellationToken).ConfigureAwait(false);
        var stored = await GetOrderAsync(imported.Order.Id).ConfigureAwait(false);
        return new PlacedOrder(stored, imported, validation, allocation);
    }

    /// <summary>Builds and places an order (see <see cref="PlaceAsync(ChannelOrder, CancellationToken)"/>).</summary>
    public Task<PlacedOrder> PlaceAsync(ChannelOrderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return PlaceAsync(builder.Build());
    }

    /// <summary>The stored order.</summary>
    /// <exception cref="NotFoundException">No such order.</exception>
    public async Task<Order> GetOrderAsync(OrderId id)
        => await Orders.GetAsync(id).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), id.ToString());

    /// <summary>Every ledger entry, in sequence order.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync()
    {
        var entries = new List<LedgerEntry>();
        await foreach (var e in Inventory.ReadLedgerAsync().ConfigureAwait(false)) entries.Add(e);
        return entries;
    }

    /// <summary>Replays the ledger and compares it with the stored balances; empty when they agree.</summary>
    public Task<IReadOnlyList<LedgerMismatch>> VerifyLedgerAsync() => Pool.VerifyLedgerAsync();

    /// <summary>Moves the fake clock forward.</summary>
    public void Advance(Duration duration) => Clock.Advance(duration);

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription.Dispose();
        _provider.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _provider.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>What <see cref="OrderCoreHarness.PlaceAsync(ChannelOrder, CancellationToken)"/> did.</summary>
/// <param name="Order">The order as stored after the last step.</param>
/// <param name="Import">The import result.</param>
/// <param name="Validation">The validation result.</param>
/// <param name="Allocation">The allocation result; null when validation failed.</param>
public sealed record PlacedOrder(Order Order, IntakeResult Import, ValidationResult Validation, AllocationResult? Allocation)
{
    /// <summary>True when the order is allocated.</summary>
    public bool IsAllocated => Order.Status == OrderStatus.Allocated;
}
