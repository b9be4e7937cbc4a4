using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderCore.FbaPrep.Tests.DependencyInjection;

public sealed class AddFbaPrepTests
{
    [Fact]
    public void AddFbaPrep_RegistersTheMarketplaceRulesAndServices()
    {
        var services = new ServiceCollection();
        services.AddOrderCore().AddFbaPrep(o => o.Marketplace = "IN").AddFbaPrep();
        using var provider = services.BuildServiceProvider(); // no router registered: ValidateOnBuild would fail on the core's fulfilment services
        provider.GetService<IStartupValidator>()?.Validate();
        Assert.Same(FbaMarketplaces.India, provider.GetRequiredService<FbaPrepRequirements>());
        Assert.Same(FbaMarketplaces.India, provider.GetRequiredService<PrepComplianceChecker>().Requirements);
        Assert.IsType<InMemoryPrepProfileStore>(provider.GetRequiredService<IPrepProfileStore>());
        Assert.NotNull(provider.GetRequiredService<FbaSkuCatalog>());
        Assert.NotNull(provider.GetRequiredService<FbaReplenishmentService>());
    }

    [Fact]
    public void AddFbaPrep_UnknownMarketplace_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddOrderCore().AddFbaPrep(o => o.Marketplace = "ZZ");
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("ZZ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FbaSkuCatalog_CombinesTheProductAndItsProfile()
    {
        var services = new ServiceCollection();
        services.AddOrderCore().AddFbaPrep();
        using var provider = services.BuildServiceProvider();
        var sku = Support.Fixtures.Textile();
        await provider.GetRequiredService<OrderCore.Ports.ICatalogStore>().UpsertProductAsync(sku.Product);
        var catalog = provider.GetRequiredService<FbaSkuCatalog>();
        Assert.Null(await catalog.GetAsync(sku.Owner, sku.Sku));
        Assert.Equal($"SKU {sku.Sku} has no prep profile", await catalog.DescribeMissingAsync(sku.Owner, sku.Sku));
        await provider.GetRequiredService<IPrepProfileStore>().UpsertAsync(sku.Prep);
        var found = await catalog.GetAsync(sku.Owner, sku.Sku);
        Assert.Equal(sku.Prep, found!.Prep);
        Assert.Equal(sku.Product, found.Product);
    }
}
