using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Routing;
using OrderCore.Testing;

namespace OrderCore.Routing.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): <c>AddPriorityRouting</c> registered <see cref="PriorityOrderRouter"/> by type, and
/// the container could satisfy both of its public constructors (an <c>IEnumerable&lt;LocationId&gt;</c> resolves to an
/// empty sequence), so resolving <see cref="IOrderRouter"/> — and with it OrderFulfilment — threw "constructors are
/// ambiguous": the README quick start could not run.
/// </summary>
public sealed class Issue_2_AddPriorityRoutingResolvesRouter
{
    [Fact]
    public void GetRequiredService_AfterAddPriorityRouting_ReturnsRouterWithConfiguredLocations()
    {
        var services = new ServiceCollection();
        services.AddOrderCore().AddPriorityRouting(r =>
        {
            r.Locations.Add(LocationId.From("WH-2"));
            r.Locations.Add(LocationId.From("WH-1"));
        });
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var router = Assert.IsType<PriorityOrderRouter>(sp.GetRequiredService<IOrderRouter>());

        Assert.Equal(["WH-2", "WH-1"], router.Locations.Select(l => l.Value));
        Assert.Equal([InventoryStatus.Sellable], router.Statuses);
        Assert.NotNull(sp.GetRequiredService<OrderCore.Orders.OrderFulfilment>());
    }

    [Fact]
    public void GetRequiredService_NoLocationConfigured_ThrowsOptionsValidationException()
    {
        var services = new ServiceCollection();
        services.AddOrderCore().AddPriorityRouting(_ => { });
        using var sp = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOrderRouter>());

        Assert.Contains("PriorityRoutingOptions.Locations needs at least one location.", e.Failures);
    }

    [Fact]
    public async Task Harness_PlacesAnOrderThroughTheRegisteredRouter()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 2, TestIds.SecondWarehouse);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2));

        Assert.True(placed.IsAllocated);
        Assert.Equal(TestIds.SecondWarehouse, placed.Order.AllocatedLocation);
    }
}
