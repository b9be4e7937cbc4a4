using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using OrderCore.Fulfilment;
using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing;
using OrderCore.Testing;

namespace OrderCore.Tests.DependencyInjection;

public sealed class AddOrderCoreTests
{
    private static ServiceProvider Build(Action<OrderCoreOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddOrderCore(configure).AddPriorityRouting(r => r.Locations.Add(TestIds.Warehouse));
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void OptionsValue_AllocationAttemptsOutOfRange_ThrowsOptionsValidationException(int attempts)
    {
        using var sp = Build(o => o.AllocationAttempts = attempts);

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<OrderCoreOptions>>().Value);

        Assert.Contains($"AllocationAttempts must be between 1 and 20 (was {attempts}).", e.Failures);
    }

    [Fact]
    public void GetRequiredService_ServiceNeedingBadOptions_ThrowsOptionsValidationException()
    {
        using var sp = Build(o => o.AllocationAttempts = 0);

        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<InventoryPool>());
    }

    [Fact]
    public void StartupValidator_BadOptions_ThrowsOptionsValidationException()
    {
        using var sp = Build(o => o.AllocationAttempts = 0);

        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void OptionsValue_StatusGraphWithoutReturnPending_ThrowsOptionsValidationException()
    {
        var graph = InventoryStatusGraph.CreateBuilder().Allow(InventoryStatus.Sellable, InventoryStatus.Hold).Build();
        using var sp = Build(o => o.StatusGraph = graph);

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<OrderCoreOptions>>().Value);

        Assert.Contains("StatusGraph must contain ReturnPending.", e.Failures);
    }

    [Fact]
    public void OrderCoreHarnessCreate_BadOptions_FailsFastWithOptionsValidationException()
    {
        Assert.Throws<OptionsValidationException>(() => OrderCoreHarness.Create(o => o.ConfigureCore = c => c.AllocationAttempts = 0));
    }

    [Fact]
    public void AddOrderCore_Twice_RegistersEachServiceOnceAndKeepsConfiguration()
    {
        var services = new ServiceCollection();
        services.AddOrderCore(o => o.AllocationAttempts = 5);
        services.AddOrderCore();
        services.AddOrderCore().AddPriorityRouting(r => r.Locations.Add(TestIds.Warehouse));

        Assert.Single(services, d => d.ServiceType == typeof(IInventoryStore));
        Assert.Single(services, d => d.ServiceType == typeof(InventoryPool));
        Assert.Single(services, d => d.ServiceType == typeof(OrderIntake));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<OrderCoreOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.Equal(5, sp.GetRequiredService<IOptions<OrderCoreOptions>>().Value.AllocationAttempts);
        Assert.Same(sp.GetRequiredService<InventoryPool>().Store, sp.GetRequiredService<IInventoryStore>());
    }

    [Fact]
    public void AddOrderCore_DefaultRegistrations_AreTheInMemoryStoresAndTheRouter()
    {
        using var sp = Build(null);

        Assert.IsType<InMemoryInventoryStore>(sp.GetRequiredService<IInventoryStore>());
        Assert.IsType<InMemoryCatalogStore>(sp.GetRequiredService<ICatalogStore>());
        Assert.IsType<InMemoryOrderStore>(sp.GetRequiredService<IOrderStore>());
        Assert.IsType<InMemoryOutboxStore>(sp.GetRequiredService<IOutboxStore>());
        Assert.IsType<InMemoryChannelEventInbox>(sp.GetRequiredService<IChannelEventInbox>());
        var router = Assert.IsType<PriorityOrderRouter>(sp.GetRequiredService<IOrderRouter>());
        Assert.Equal([TestIds.Warehouse], router.Locations);
        Assert.Equal([InventoryStatus.Sellable], router.Statuses);
    }

    [Fact]
    public void AddOrderCore_ClockRegisteredFirst_IsKept()
    {
        var clock = new FakeClock(TestIds.Start);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);

        services.AddOrderCore();

        using var sp = services.BuildServiceProvider();
        Assert.Same(clock, sp.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddOrderCore_NullServices_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => OrderCoreServiceCollectionExtensions.AddOrderCore(null!));
    }
}
