using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderCore.FbaPrep;

namespace OrderCore;

/// <summary>Options of OrderCore FBA prep, registered by <c>.AddFbaPrep(o => ...)</c>.</summary>
public sealed class FbaPrepOptions
{
    /// <summary>The marketplace code whose default rules apply (<c>US</c>, <c>IN</c>, <c>UK</c>, <c>DE</c>, <c>AU</c>).</summary>
    /// <value>Default <c>US</c>.</value>
    public string Marketplace { get; set; } = "US";

    /// <summary>Rules to use instead of the marketplace's defaults (e.g. a default changed with <see cref="FbaPrepRequirements.ToBuilder"/>).</summary>
    /// <value>Default null: <see cref="FbaMarketplaces"/> by <see cref="Marketplace"/>.</value>
    public FbaPrepRequirements? Requirements { get; set; }

    /// <summary>The rules in effect.</summary>
    /// <exception cref="InvalidOperationException">No requirements are set and the marketplace code has no default.</exception>
    public FbaPrepRequirements ResolveRequirements()
        => Requirements ?? (FbaMarketplaces.TryGet(Marketplace, out var r) ? r : throw new InvalidOperationException($"No default FBA prep rules for marketplace '{Marketplace}'; set FbaPrepOptions.Requirements."));
}

/// <summary>Validates <see cref="FbaPrepOptions"/>.</summary>
public sealed class FbaPrepOptionsValidator : IValidateOptions<FbaPrepOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FbaPrepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Requirements is null && !FbaMarketplaces.TryGet(options.Marketplace, out _))
        {
            return ValidateOptionsResult.Fail($"Marketplace '{options.Marketplace}' has no default FBA prep rules (known: {string.Join(", ", FbaMarketplaces.All.Keys)}); set Requirements.");
        }
        return ValidateOptionsResult.Success;
    }
}

/// <summary>Registers OrderCore FBA prep on an <see cref="IOrderCoreBuilder"/>.</summary>
public static class FbaPrepOrderCoreBuilderExtensions
{
    /// <summary>
    /// Registers FBA prep: options (validated on start), the marketplace's <see cref="FbaPrepRequirements"/>, a
    /// <see cref="PrepComplianceChecker"/>, the in-memory <see cref="IPrepProfileStore"/> (unless another is registered),
    /// <see cref="FbaSkuCatalog"/> and <see cref="FbaReplenishmentService"/>. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddOrderCore</c>.</param>
    /// <param name="configure">Changes to the default options, or null.</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IOrderCoreBuilder AddFbaPrep(this IOrderCoreBuilder builder, Action<FbaPrepOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<FbaPrepOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FbaPrepOptions>, FbaPrepOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FbaPrepOptions>>().Value.ResolveRequirements());
        services.TryAddSingleton(sp => new PrepComplianceChecker(sp.GetRequiredService<FbaPrepRequirements>()));
        services.TryAddSingleton<IPrepProfileStore, InMemoryPrepProfileStore>();
        services.TryAddSingleton<FbaSkuCatalog>();
        services.TryAddSingleton<FbaReplenishmentService>();
        return builder;
    }
}
