using Microsoft.Extensions.DependencyInjection;
using OrderCore.Events;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing.Engine;
using OrderCore.Routing.Geo;
using OrderCore.Routing.Rules;
using static OrderCore.Routing.Tests.Engine.RoutingKit;

namespace OrderCore.Routing.Tests.Engine;

/// <summary>Re-routing an allocated order (release old + reserve new in one change set) and the DI registration.</summary>
public sealed class RerouteAndRegistrationTests
{
    private static async Task<long> LedgerCountAsync(IServiceProvider sp)
    {
        var n = 0L;
        await foreach (var _ in sp.GetRequiredService<IInventoryStore>().ReadLedgerAsync()) n++;
        return n;
    }

    [Fact]
    public async Task RerouteAsync_LocationRejects_ReleasesOldAndReservesNewAtomically()
    {
        await using var sp = Services(RuleSet(new RoutingActions()));
        await ReceiveAsync(sp, "X", A, 5);
        await ReceiveAsync(sp, "X", B, 5);
        var order = await PlaceAsync(sp, "4001", ("X", 2));
        var fulfilment = sp.GetRequiredService<OrderFulfilment>();
        var allocated = await fulfilment.AllocateAsync(order.Id);
        Assert.Equal(A, allocated.Order.AllocatedLocation);
        var before = await LedgerCountAsync(sp);
        var events = new List<IDomainEvent>();
        using var _ = sp.GetRequiredService<DomainEventHub>().Subscribe(events.Add);

        var rerouted = await fulfilment.RerouteAsync(order.Id, [A], "location-rejected");

        Assert.True(rerouted.Allocated);
        Assert.Equal(B, rerouted.Order.AllocatedLocation);
        Assert.Equal(ReservationId.From($"{order.Id.Value}#2"), rerouted.Order.ReservationId);
        var store = sp.GetRequiredService<IInventoryStore>();
        Assert.Null(await store.GetReservationAsync(ReservationId.From($"{order.Id.Value}#1")));
        Assert.Equal(0, (await store.GetBalanceAsync(new BalanceKey(Owner, Sku.From("X"), A, InventoryStatus.Sellable)))!.Reserved);
        Assert.Equal(2, (await store.GetBalanceAsync(new BalanceKey(Owner, Sku.From("X"), B, InventoryStatus.Sellable)))!.Reserved);
        Assert.Equal(before + 2, await LedgerCountAsync(sp)); // one release entry and one reserve entry, applied together
        Assert.Contains(events, e => e is OrderRerouted { Reason: "location-rejected" } r && r.Location == B);
        Assert.Empty(await sp.GetRequiredService<InventoryPool>().VerifyLedgerAsync());
    }

    [Fact]
    public async Task RerouteAsync_NoOtherLocation_KeepsTheOldReservation()
    {
        await using var sp = Services(RuleSet(new RoutingActions()));
        await ReceiveAsync(sp, "X", A, 5);
        var order = await PlaceAsync(sp, "4002", ("X", 2));
        var fulfilment = sp.GetRequiredService<OrderFulfilment>();
        await fulfilment.AllocateAsync(order.Id);

        var result = await fulfilment.RerouteAsync(order.Id, [A], "location-rejected");

        Assert.False(result.Decision!.IsRouted);
        Assert.Equal(A, result.Order.AllocatedLocation);
        Assert.Contains(result.Decision.Explanation!.Locations, l => l.Location == A && l.Reason == "excluded by the request (re-route)");
        Assert.Equal(2, (await sp.GetRequiredService<IInventoryStore>().GetBalanceAsync(new BalanceKey(Owner, Sku.From("X"), A, InventoryStatus.Sellable)))!.Reserved);
    }

    [Fact]
    public async Task RerouteAsync_SplitOrderOneLocationRejects_KeepsTheOtherLocationsUnits()
    {
        // A:1 + B:1 reserved; B rejects. C has 1: the new plan is A:1 (its own held unit counts as available) + C:1.
        await using var sp = Services(RuleSet(new RoutingActions { Split = SplitPolicy.Allowed }, null, "A", "B", "C"));
        await ReceiveAsync(sp, "X", A, 1);
        await ReceiveAsync(sp, "X", B, 1);
        await ReceiveAsync(sp, "X", C, 1);
        var order = await PlaceAsync(sp, "4003", ("X", 2));
        var fulfilment = sp.GetRequiredService<OrderFulfilment>();
        await fulfilment.AllocateAsync(order.Id);

        var result = await fulfilment.RerouteAsync(order.Id, [B], "location-rejected");

        Assert.True(result.Decision!.IsRouted);
        Assert.Equal([(A, 1), (C, 1)], result.Decision.Lines.Select(l => (l.Key.Location, l.Quantity)));
        var balances = await sp.GetRequiredService<IInventoryStore>().GetAllBalancesAsync();
        Assert.Equal([1, 0, 1], balances.Select(b => b.Reserved));
    }

    [Fact]
    public async Task ReplaceReservationAsync_StaleReservation_ChangesNothing()
    {
        await using var sp = Services(RuleSet(new RoutingActions()));
        await ReceiveAsync(sp, "X", A, 5);
        var pool = sp.GetRequiredService<InventoryPool>();
        var key = new BalanceKey(Owner, Sku.From("X"), A, InventoryStatus.Sellable);
        var first = (await pool.ReserveAsync(new ReservationRequest(ReservationId.From("r1"), Owner, "o", [new ReservationLine(key, 2)]))).Reservation!;
        await pool.ShipAsync(first.Id, "ship", "o");

        var result = await pool.ReplaceReservationAsync(first, new ReservationRequest(ReservationId.From("r2"), Owner, "o", [new ReservationLine(key, 1)]), "reroute");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Shortages, f => f.Kind == GuardKind.ReservationChanged);
        Assert.Null(await sp.GetRequiredService<IInventoryStore>().GetReservationAsync(ReservationId.From("r2")));
    }

    [Fact]
    public void AddRoutingRules_RegistersTheEngineAsTheRouter()
    {
        var rules = RuleSet(new RoutingActions { Strategy = RoutingStrategy.MostAvailable });
        using var sp = Services(rules);

        var router = sp.GetRequiredService<IOrderRouter>();

        var engine = Assert.IsType<RoutingEngine>(router);
        Assert.Same(rules, engine.RuleSet);
        Assert.Same(engine, sp.GetRequiredService<RoutingEngine>());
        Assert.IsType<CentroidGeoResolver>(sp.GetRequiredService<IGeoResolver>());
    }

    [Fact]
    public async Task AllocateAsync_RuleOnSkuAttributes_LoadsProductAttributes()
    {
        var rules = new RoutingRuleSetBuilder()
            .AddLocation(new RoutingLocation(A)).AddLocation(new RoutingLocation(B))
            .AddRule("hazmat", new RoutingConditions { SkuAttributes = [new SkuAttributeCondition("hazmat", ["true"])] }, new RoutingActions { Locations = [B], WorkQueue = "hazmat" })
            .AddRule("other", RoutingConditions.Always, new RoutingActions())
            .Build();
        await using var sp = Services(rules);
        await sp.GetRequiredService<ICatalogStore>().UpsertProductAsync(new Catalog.Product { Owner = Owner, Sku = Sku.From("FUEL"), Attributes = new Dictionary<string, string> { ["hazmat"] = "true" } });
        await ReceiveAsync(sp, "FUEL", A, 5);
        await ReceiveAsync(sp, "FUEL", B, 5);
        var order = await PlaceAsync(sp, "5001", ("FUEL", 1));

        var result = await sp.GetRequiredService<OrderFulfilment>().AllocateAsync(order.Id);

        Assert.Equal(("hazmat", B), (result.Decision!.Rule, result.Order.AllocatedLocation!.Value));
    }

    [Theory]
    [InlineData("IN", "MAHARASHTRA", 19.8, 75.7)]
    [InlineData("IN", "Andaman & Nicobar ", 11.7, 92.7)]
    [InlineData("IN", "IN-TN", 11.1, 78.7)]
    [InlineData("DE", "Nordrhein-Westfalen", 51.4, 7.7)]
    [InlineData("FR", "Île-de-France", 48.7, 2.5)]
    [InlineData("GB", "Scotland", 56.8, -4.2)]
    [InlineData("AU", "NSW", -32.2, 147.0)]
    [InlineData("CA", "QC", 52.9, -73.5)]
    [InlineData("US", "california", 37.2, -119.5)]
    public void CentroidGeoResolver_KnowsFirstLevelRegions(string country, string region, double lat, double lon)
    {
        Assert.True(CentroidGeoResolver.Default.TryResolve(Address.Create(null, region, null, country), out var r));
        Assert.Equal((GeoPrecision.Region, lat, lon), (r.Precision, r.Point.Latitude, r.Point.Longitude));
    }

    [Fact]
    public void CentroidGeoResolver_FallsBackToCountryAndAsksThePostalResolverFirst()
    {
        var postal = new PostalPrefixGeoResolver([("IN", "400", new GeoPoint(19.08, 72.88))]);
        var resolver = new CentroidGeoResolver(postal);

        Assert.True(resolver.TryResolve(Address.Create("Mumbai", "MAHARASHTRA", "400081", "IN"), out var byPostal));
        Assert.Equal(GeoPrecision.PostalCode, byPostal.Precision);
        Assert.True(resolver.TryResolve(Address.Create(null, "Atlantis", null, "AU"), out var byCountry));
        Assert.Equal(GeoPrecision.Country, byCountry.Precision);
        Assert.False(resolver.TryResolve(Address.Create(null, null, null, "ZZ"), out _));
        Assert.Equal(["AU", "CA", "DE", "FR", "GB", "IN", "US"], CentroidGeoResolver.Countries);
    }
}
