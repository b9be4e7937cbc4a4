using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderCore.Fulfilment;
using OrderCore.Routing.Engine;
using OrderCore.Routing.Geo;
using OrderCore.Routing.Json;
using OrderCore.Routing.Rules;

namespace OrderCore;

/// <summary>Registers the rule-based routing engine.</summary>
public static class RoutingRulesOrderCoreBuilderExtensions
{
    /// <summary>
    /// Registers a <see cref="RoutingEngine"/> over <paramref name="ruleSet"/> as the <see cref="IOrderRouter"/> (replacing
    /// any other router) and as itself, and <see cref="CentroidGeoResolver.Default"/> as the <see cref="IGeoResolver"/>
    /// unless one is registered. <c>OrderFulfilment.AllocateAsync</c> then routes by these rules.
    /// </summary>
    /// <param name="builder">The OrderCore builder.</param>
    /// <param name="ruleSet">The rules.</param>
    /// <param name="configure">Changes to the engine options (tracing, geo resolver); by default traces are on and the registered <see cref="IGeoResolver"/> is used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="ruleSet"/> is null.</exception>
    public static IOrderCoreBuilder AddRoutingRules(this IOrderCoreBuilder builder, RoutingRuleSet ruleSet, Action<RoutingEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(ruleSet);
        builder.Services.TryAddSingleton<IGeoResolver>(CentroidGeoResolver.Default);
        builder.Services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = new RoutingEngineOptions { GeoResolver = sp.GetRequiredService<IGeoResolver>() };
            configure?.Invoke(options);
            return new RoutingEngine(ruleSet, options);
        }));
        builder.Services.Replace(ServiceDescriptor.Singleton<IOrderRouter>(sp => sp.GetRequiredService<RoutingEngine>()));
        return builder;
    }

    /// <summary>Reads the rule set from a JSON file (<see cref="RoutingRulesJson.Load"/>) and registers it as <see cref="AddRoutingRules(IOrderCoreBuilder, RoutingRuleSet, Action{RoutingEngineOptions}?)"/> does.</summary>
    /// <exception cref="RoutingRuleSetException">The file is not a valid rule set.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IOrderCoreBuilder AddRoutingRulesFromFile(this IOrderCoreBuilder builder, string path, Action<RoutingEngineOptions>? configure = null)
        => builder.AddRoutingRules(RoutingRulesJson.Load(path), configure);
}
