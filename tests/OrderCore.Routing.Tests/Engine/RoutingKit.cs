using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing.Engine;
using OrderCore.Routing.Rules;

namespace OrderCore.Routing.Tests.Engine;

/// <summary>Small builders for routing tests: locations, balances, requests, and a wired OrderCore with the engine.</summary>
internal static class RoutingKit
{
    public static readonly OwnerId Owner = OwnerId.From("acme");
    public static readonly ChannelId Shopify = ChannelId.From("shopify");
    public static readonly ChannelAccountId Store = ChannelAccountId.From("acme-us");
    public static readonly LocationId A = LocationId.From("A");
    public static readonly LocationId B = LocationId.From("B");
    public static readonly LocationId C = LocationId.From("C");
    public static readonly Instant Monday10Utc = Instant.FromUtc(2026, 1, 5, 10, 0);

    public static LocationId Loc(string id) => LocationId.From(id);

    public static RoutingRuleSet RuleSet(RoutingActions then, RoutingConditions? when = null, params string[] locations)
    {
        var b = new RoutingRuleSetBuilder();
        foreach (var l in locations.Length == 0 ? ["A", "B"] : locations) b.AddLocation(new RoutingLocation(LocationId.From(l)));
        b.AddRule("rule", when ?? RoutingConditions.Always, then);
        return b.Build();
    }

    public static InventoryBalance Balance(string sku, LocationId location, int available, InventoryStatus? status = null, string? lot = null)
        => new(new BalanceKey(Owner, Sku.From(sku), location, status ?? InventoryStatus.Sellable, lot is null ? null : new Lot(lot)), available, 0, 1);

    public static RoutingRequest Request(params (string Sku, int Quantity)[] lines)
        => Request(lines.Select((l, i) => new DemandLine(OrderLineId.From($"o1/{i + 1}"), Sku.From(l.Sku), l.Quantity)).ToArray());

    public static RoutingRequest Request(IReadOnlyList<DemandLine> lines, ServiceLevel level = ServiceLevel.Standard)
        => new(OrderId.From("o1"), Owner, Shopify, Store, FulfilmentChannel.Merchant, level, Address.Create("Austin", "TX", "78701", "US"), [], lines) { AsOf = Monday10Utc };

    public static RoutingDecision Route(RoutingRuleSet rules, RoutingRequest request, params InventoryBalance[] balances)
        => new RoutingEngine(rules).Route(request, RoutingInventory.Create(rules, Owner, balances), trace: true);

    /// <summary>OrderCore with in-memory stores, a fake clock and the engine over <paramref name="rules"/>.</summary>
    public static ServiceProvider Services(RoutingRuleSet rules, Instant? start = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(start ?? Monday10Utc));
        services.AddOrderCore().AddRoutingRules(rules);
        return services.BuildServiceProvider();
    }

    public static async Task<Order> PlaceAsync(IServiceProvider sp, string externalId, params (string Sku, int Quantity)[] lines)
    {
        var catalog = sp.GetRequiredService<ICatalogStore>();
        foreach (var (sku, _) in lines)
        {
            if (await catalog.GetProductAsync(Owner, Sku.From(sku)) is null) await catalog.UpsertProductAsync(new Catalog.Product { Owner = Owner, Sku = Sku.From(sku) });
        }
        var intake = sp.GetRequiredService<OrderIntake>();
        var imported = await intake.ImportAsync(new ChannelOrder
        {
            Owner = Owner,
            Channel = Shopify,
            Account = Store,
            ExternalOrderId = externalId,
            Version = 1,
            PlacedAt = Monday10Utc,
            FulfilmentChannel = FulfilmentChannel.Merchant,
            ShipTo = Address.Create("Austin", "TX", "78701", "US", line1: "1 Main St"),
            Lines = lines.Select(l => new ChannelOrderLine { ExternalSku = l.Sku, Quantity = l.Quantity }).ToArray(),
        });
        await intake.ValidateAsync(imported.Order.Id);
        return imported.Order;
    }

    public static Task ReceiveAsync(IServiceProvider sp, string sku, LocationId location, int units, InventoryStatus? status = null)
        => sp.GetRequiredService<InventoryPool>().ReceiveAsync(new BalanceKey(Owner, Sku.From(sku), location, status ?? InventoryStatus.Sellable), Quantity.Of(units), "test", "test");
}
