using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OrderCore.Catalog;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing.Engine;
using OrderCore.Routing.Geo;
using OrderCore.Routing.Rules;
using static OrderCore.Routing.Tests.Engine.RoutingKit;

namespace OrderCore.Routing.Tests.Engine;

/// <summary>The scenarios of issue 3, and one test per condition, action and strategy.</summary>
public sealed class RoutingEngineScenarioTests
{
    [Fact]
    public void Route_OneUnitAtEachOfTwoLocationsSplitAllowed_TakesOneFromEach()
    {
        var rules = RuleSet(new RoutingActions { Split = SplitPolicy.Allowed });

        var d = Route(rules, Request(("X", 2)), Balance("X", A, 1), Balance("X", B, 1));

        Assert.True(d.IsRouted);
        Assert.Equal([(A, 1), (B, 1)], d.Lines.Select(l => (l.Key.Location, l.Quantity)));
        Assert.Equal([A, B], d.Shipments.Select(s => s.Location));
    }

    [Fact]
    public async Task AllocateAsync_OneUnitAtEachOfTwoLocationsSplitNever_UnfillableAndNothingReserved()
    {
        var rules = RuleSet(new RoutingActions { Split = SplitPolicy.Never });
        Assert.False(Route(rules, Request(("X", 2)), Balance("X", A, 1), Balance("X", B, 1)).IsRouted);

        await using var sp = Services(rules);
        await ReceiveAsync(sp, "X", A, 1);
        await ReceiveAsync(sp, "X", B, 1);
        var order = await PlaceAsync(sp, "1001", ("X", 2));

        var result = await sp.GetRequiredService<OrderFulfilment>().AllocateAsync(order.Id);

        Assert.False(result.Allocated);
        Assert.Equal(RoutingOutcome.Exception, result.Decision!.Outcome);
        Assert.Equal(OrderExceptionReason.InsufficientInventory, result.Exception!.Reason);
        Assert.All(await sp.GetRequiredService<IInventoryStore>().GetAllBalancesAsync(), b => Assert.Equal(0, b.Reserved));
    }

    [Fact]
    public void Route_NegativeBalanceAtOneLocationStockAtAnother_RoutesToTheSecondAndReportsTheNegative()
    {
        var rules = RuleSet(new RoutingActions());

        var d = Route(rules, Request(("X", 2)), Balance("X", A, -2), Balance("X", B, 2));

        Assert.True(d.IsRouted);
        Assert.Equal(B, Assert.Single(d.Lines).Key.Location);
        Assert.Contains(d.Explanation!.Notes, n => n.Contains("negative balance: X at A", StringComparison.Ordinal) && n.Contains("-2", StringComparison.Ordinal));
        Assert.Contains(d.Explanation.Locations, l => l.Location == A && !l.Eligible && l.Reason.StartsWith("no stock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllocateAsync_TwoKitLinesSharingAComponent_SumsTheComponentBeforeChecking()
    {
        var rules = RuleSet(new RoutingActions());
        await using var sp = Services(rules);
        var catalog = sp.GetRequiredService<ICatalogStore>();
        foreach (var sku in new[] { "C1", "C2", "K1", "K2" }) await catalog.UpsertProductAsync(new Product { Owner = Owner, Sku = Sku.From(sku) });
        await catalog.UpsertKitAsync(new KitDefinition(Owner, Sku.From("K1"), [new KitComponent(Sku.From("C1"), 1), new KitComponent(Sku.From("C2"), 1)]));
        await catalog.UpsertKitAsync(new KitDefinition(Owner, Sku.From("K2"), [new KitComponent(Sku.From("C1"), 2)]));
        await ReceiveAsync(sp, "C1", A, 3); // K1×2 needs 2, K2×1 needs 2: 4 in total, 3 on hand
        await ReceiveAsync(sp, "C2", A, 5);
        var order = await PlaceAsync(sp, "2001", ("K1", 2), ("K2", 1));

        var result = await sp.GetRequiredService<OrderFulfilment>().AllocateAsync(order.Id);

        Assert.False(result.Allocated);
        var shortage = Assert.Single(result.Decision!.Shortages);
        Assert.Equal((Sku.From("C1"), 4, 3), (shortage.Sku, shortage.Requested, shortage.BestAvailable));
        Assert.Contains(result.Decision.Trace, t => t.Contains("demand for C1 summed over 2 lines: 4 units", StringComparison.Ordinal));

        await ReceiveAsync(sp, "C1", A, 1);
        var again = await sp.GetRequiredService<OrderFulfilment>().AllocateAsync(order.Id);
        Assert.True(again.Allocated);
        Assert.Equal(4, again.Decision!.Lines.Where(l => l.Key.Sku == Sku.From("C1")).Sum(l => l.Quantity));
    }

    [Fact]
    public void Route_DtcOrderWhenTheOnlyStockIsFbaBound_IsNotRoutedAndSaysWhy()
    {
        var rules = RuleSet(new RoutingActions(), new RoutingConditions { FulfilmentChannel = FulfilmentChannel.Merchant });

        var d = Route(rules, Request(("X", 1)), Balance("X", A, 10, InventoryStatus.FbaBound));

        Assert.False(d.IsRouted);
        Assert.Empty(d.Lines);
        var a = Assert.Single(d.Explanation!.Locations, l => l.Location == A);
        Assert.Contains("X 10 in FbaBound: status not eligible", a.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_RuleListsFbaBound_DrawsSellableFirstThenFbaBound()
    {
        var rules = RuleSet(new RoutingActions { Statuses = [InventoryStatus.Sellable, InventoryStatus.FbaBound] });

        var d = Route(rules, Request(("X", 3)), Balance("X", A, 1), Balance("X", A, 5, InventoryStatus.FbaBound));

        Assert.Equal([(InventoryStatus.Sellable, 1), (InventoryStatus.FbaBound, 2)], d.Lines.Select(l => (l.Key.Status, l.Quantity)));
    }

    private static RoutingRuleSet CutoffRules(RoutingActions expedited) => new RoutingRuleSetBuilder()
        .AddLocation(new RoutingLocation(A) { Cutoff = new LocalTime(9, 0) })   // Monday 10:00 UTC: past cutoff, ships Tuesday
        .AddLocation(new RoutingLocation(B) { Cutoff = new LocalTime(17, 0) })  // still ships Monday
        .AddRule("expedited", new RoutingConditions { ServiceLevels = [ServiceLevel.Expedited] }, expedited)
        .AddRule("standard", RoutingConditions.Always, new RoutingActions())
        .Build();

    [Fact]
    public void Route_ExpeditedOrderLocationPastCutoff_LosesToOneThatShipsToday()
    {
        var rules = CutoffRules(new RoutingActions { PreferEarliestShipDate = true });
        var lines = new[] { new DemandLine(OrderLineId.From("o1/1"), Sku.From("X"), 1) };

        var expedited = Route(rules, Request(lines, ServiceLevel.Expedited), Balance("X", A, 5), Balance("X", B, 5));
        var standard = Route(rules, Request(lines, ServiceLevel.Standard), Balance("X", A, 5), Balance("X", B, 5));

        Assert.Equal(B, expedited.PrimaryLocation);
        Assert.Equal(new LocalDate(2026, 1, 5), expedited.ExpectedShipDate);
        Assert.Equal(A, standard.PrimaryLocation); // priority order when ship dates do not matter
        Assert.Equal(new LocalDate(2026, 1, 6), standard.ExpectedShipDate);
    }

    [Fact]
    public void Route_ShipByExcludeLate_ExcludesTheLocationThatCannotShipInTime()
    {
        var rules = CutoffRules(new RoutingActions { ShipBy = ShipByPolicy.ExcludeLate });
        var request = Request([new DemandLine(OrderLineId.From("o1/1"), Sku.From("X"), 1)], ServiceLevel.Expedited) with { ShipBy = Instant.FromUtc(2026, 1, 5, 23, 0) };

        var d = Route(rules, request, Balance("X", A, 5), Balance("X", B, 5));

        Assert.Equal(B, d.PrimaryLocation);
        Assert.Contains(d.Explanation!.Locations, l => l.Location == A && l.Reason.StartsWith("cutoff: ships 2026-01-06", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_WorkingDaysAndTimeZone_ShipDateSkipsTheWeekend()
    {
        var rules = new RoutingRuleSetBuilder()
            .AddLocation(new RoutingLocation(A) { TimeZone = DateTimeZoneProviders.Tzdb["Asia/Kolkata"], Cutoff = new LocalTime(14, 0) })
            .AddRule("all", RoutingConditions.Always, new RoutingActions())
            .Build();
        // Friday 2026-01-09 09:00 UTC is 14:30 in Kolkata: past cutoff, so the next working day is Monday the 12th.
        var request = Request(("X", 1)) with { AsOf = Instant.FromUtc(2026, 1, 9, 9, 0) };

        var d = Route(rules, request, Balance("X", A, 1));

        Assert.Equal(new LocalDate(2026, 1, 12), Assert.Single(d.Shipments).ExpectedShipDate);
    }

    [Fact]
    public void Route_MostAvailable_PicksTheLocationWithMostUnits()
    {
        var rules = RuleSet(new RoutingActions { Strategy = RoutingStrategy.MostAvailable });

        var d = Route(rules, Request(("X", 1)), Balance("X", A, 2), Balance("X", B, 9));

        Assert.Equal(B, d.PrimaryLocation);
    }

    [Fact]
    public void Route_Nearest_PicksTheClosestLocationToTheDestinationRegion()
    {
        var rules = new RoutingRuleSetBuilder()
            .AddLocation(new RoutingLocation(A) { Address = Address.Create("Newark", "NJ", "07101", "US") })
            .AddLocation(new RoutingLocation(B) { Coordinates = new GeoPoint(34.05, -118.24) })
            .AddRule("near", RoutingConditions.Always, new RoutingActions { Strategy = RoutingStrategy.Nearest })
            .Build();
        var toCalifornia = Request(("X", 1)) with { ShipTo = Address.Create("Fresno", "California", "93650", "US") };
        var toNewYork = Request(("X", 1)) with { ShipTo = Address.Create("Albany", "US-NY", "12207", "US") };

        Assert.Equal(B, Route(rules, toCalifornia, Balance("X", A, 5), Balance("X", B, 5)).PrimaryLocation);
        Assert.Equal(A, Route(rules, toNewYork, Balance("X", A, 5), Balance("X", B, 5)).PrimaryLocation);
    }

    [Fact]
    public void Route_MaxDistance_ExcludesFarLocations()
    {
        var rules = new RoutingRuleSetBuilder()
            .AddLocation(new RoutingLocation(A) { Coordinates = new GeoPoint(40.7, -74.0) })
            .AddLocation(new RoutingLocation(B) { Coordinates = new GeoPoint(34.05, -118.24) })
            .AddRule("local", RoutingConditions.Always, new RoutingActions { MaxDistanceKm = 1500 })
            .Build();
        var request = Request(("X", 1)) with { ShipTo = Address.Create("Fresno", "CA", "93650", "US") };

        var d = Route(rules, request, Balance("X", A, 5), Balance("X", B, 5));

        Assert.Equal(B, d.PrimaryLocation);
        Assert.Contains(d.Explanation!.Locations, l => l.Location == A && l.Reason.StartsWith("distance", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_FewestShipments_PrefersTheOneLocationThatHasBothSkus()
    {
        var rules = RuleSet(new RoutingActions { Strategy = RoutingStrategy.FewestShipments, Split = SplitPolicy.Allowed }, null, "A", "B", "C");

        var d = Route(rules, Request(("X", 1), ("Y", 1)), Balance("X", A, 5), Balance("Y", B, 5), Balance("X", C, 1), Balance("Y", C, 1));

        Assert.Equal([C], d.Shipments.Select(s => s.Location));
    }

    [Fact]
    public void Route_WhenNoSingleLocation_SplitsOnlyWhenNeeded()
    {
        var rules = RuleSet(new RoutingActions { Split = SplitPolicy.WhenNoSingleLocation }, null, "A", "B", "C");

        var single = Route(rules, Request(("X", 2)), Balance("X", A, 1), Balance("X", B, 1), Balance("X", C, 2));
        var split = Route(rules, Request(("X", 3)), Balance("X", A, 1), Balance("X", B, 1), Balance("X", C, 2));

        Assert.Equal([C], single.Shipments.Select(s => s.Location));
        // No single location has 3: units spill in priority order A, B, C.
        Assert.Equal([(A, 1), (B, 1), (C, 1)], split.Lines.Select(l => (l.Key.Location, l.Quantity)));
    }

    [Fact]
    public void Route_AtMostTwoShipments_UnfillableWhenThreeAreNeeded()
    {
        var rules = RuleSet(new RoutingActions { Split = SplitPolicy.AtMost(2) }, null, "A", "B", "C");

        var two = Route(rules, Request(("X", 2)), Balance("X", A, 1), Balance("X", B, 1), Balance("X", C, 1));
        var three = Route(rules, Request(("X", 3)), Balance("X", A, 1), Balance("X", B, 1), Balance("X", C, 1));

        Assert.Equal(2, two.Shipments.Count);
        Assert.False(three.IsRouted);
        Assert.Contains(three.Explanation!.Notes, n => n.Contains("more than at_most 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_KitComponentsShipTogetherUnlessTheRuleSaysOtherwise()
    {
        var kit = Sku.From("KIT");
        var lines = new[]
        {
            new DemandLine(OrderLineId.From("o1/1"), Sku.From("P"), 1, kit),
            new DemandLine(OrderLineId.From("o1/1"), Sku.From("Q"), 1, kit),
        };
        var balances = new[] { Balance("P", A, 1), Balance("Q", B, 1) };

        var together = Route(RuleSet(new RoutingActions { Split = SplitPolicy.Allowed }), Request(lines), balances);
        var apart = Route(RuleSet(new RoutingActions { Split = SplitPolicy.Allowed, KitsShipTogether = false }), Request(lines), balances);

        Assert.False(together.IsRouted);
        Assert.Equal([A, B], apart.Shipments.Select(s => s.Location));
    }

    [Fact]
    public void Route_LotTrackedSku_DrawsLotsInCodeOrderAndSkipsNegativeLots()
    {
        var rules = RuleSet(new RoutingActions());

        var d = Route(rules, Request(("X", 4)), Balance("X", A, 2, lot: "L2"), Balance("X", A, -1, lot: "L0"), Balance("X", A, 3, lot: "L1"));

        Assert.Equal([("L1", 3), ("L2", 1)], d.Lines.Select(l => (l.Key.Lot!.Value.Code, l.Quantity)));
    }

    [Fact]
    public void Route_FirstRuleUnfillableWithNextRule_FallsThroughToTheNextRule()
    {
        var rules = new RoutingRuleSetBuilder()
            .AddLocation(new RoutingLocation(A)).AddLocation(new RoutingLocation(B))
            .AddRule("a-only", RoutingConditions.Always, new RoutingActions { Locations = [A], WhenUnfillable = UnfillableAction.NextRule })
            .AddRule("b-dropship", RoutingConditions.Always, new RoutingActions { Locations = [B], WorkQueue = "dropship", ShipMethod = "UPS Ground" })
            .Build();

        var d = Route(rules, Request(("X", 1)), Balance("X", B, 1));

        Assert.Equal("b-dropship", d.Rule);
        var shipment = Assert.Single(d.Shipments);
        Assert.Equal(("dropship", "UPS Ground"), (shipment.WorkQueue, shipment.ShipMethod));
        Assert.Equal([("a-only", true), ("b-dropship", true)], d.Explanation!.Rules.Select(r => (r.Rule, r.Matched)));
        Assert.Equal("unfillable: next rule", d.Explanation.Rules[0].Detail);
    }

    [Fact]
    public void Route_NoRuleMatches_IsAnExceptionNamingTheFailedConditions()
    {
        var rules = RuleSet(new RoutingActions(), new RoutingConditions { Channels = [new ChannelMatch(ChannelId.From("walmart"))] });

        var d = Route(rules, Request(("X", 1)), Balance("X", A, 1));

        Assert.Equal(RoutingOutcome.Exception, d.Outcome);
        Assert.Equal("no routing rule matched", d.Reason);
        Assert.StartsWith("when.channels: shopify/acme-us not in [walmart]", Assert.Single(d.Explanation!.Rules).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_BackorderAndHoldActions_ReserveNothingAndRaiseNoException()
    {
        var backorder = RuleSet(new RoutingActions { WhenUnfillable = UnfillableAction.Backorder });
        var hold = RuleSet(new RoutingActions { WhenUnfillable = UnfillableAction.Hold(HoldReason.Inventory, "wait for PO 77") });

        await using (var sp = Services(backorder))
        {
            var order = await PlaceAsync(sp, "3001", ("X", 1));
            var r = await sp.GetRequiredService<OrderFulfilment>().AllocateAsync(order.Id);
            Assert.Equal(RoutingOutcome.Backorder, r.Decision!.Outcome);
            Assert.Null(r.Exception);
            Assert.Equal(OrderStatus.Received, r.Order.Status);
            Assert.Empty(await sp.GetRequiredService<IOrderStore>().GetExceptionsAsync(order.Id));
        }
        await using (var sp = Services(hold))
        {
            var order = await PlaceAsync(sp, "3002", ("X", 1));
            var r = await sp.GetRequiredService<OrderFulfilment>().AllocateAsync(order.Id);
            Assert.Equal(RoutingOutcome.Hold, r.Decision!.Outcome);
            var h = Assert.Single(r.Order.Holds);
            Assert.Equal(HoldReason.Inventory, h.Reason);
            Assert.StartsWith("wait for PO 77", h.Note, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, RoutingConditions, bool> Conditions() => new()
    {
        { "channel+account", new RoutingConditions { Channels = [new ChannelMatch(Shopify, Store)] }, true },
        { "other account", new RoutingConditions { Channels = [new ChannelMatch(Shopify, ChannelAccountId.From("eu"))] }, false },
        { "marketplace", new RoutingConditions { FulfilmentChannel = FulfilmentChannel.Marketplace }, false },
        { "country", new RoutingConditions { Countries = ["us"] }, true },
        { "region qualified", new RoutingConditions { Regions = ["US-TX"] }, true },
        { "region bare", new RoutingConditions { Regions = ["CA"] }, false },
        { "postal prefix", new RoutingConditions { PostalPrefixes = ["787"] }, true },
        { "service level", new RoutingConditions { ServiceLevels = [ServiceLevel.NextDay] }, false },
        { "tags all", new RoutingConditions { TagsAll = ["vip", "gift"] }, true },
        { "tags any", new RoutingConditions { TagsAny = ["wholesale", "GIFT"] }, true },
        { "tags none", new RoutingConditions { TagsNone = ["vip"] }, false },
        { "hazmat any", new RoutingConditions { SkuAttributes = [new SkuAttributeCondition("hazmat", ["true"])] }, true },
        { "hazmat all", new RoutingConditions { SkuAttributes = [new SkuAttributeCondition("hazmat", ["true"], AttributeMatch.All)] }, false },
        { "category present", new RoutingConditions { SkuAttributes = [new SkuAttributeCondition("category", [])] }, true },
        { "oversize none", new RoutingConditions { SkuAttributes = [new SkuAttributeCondition("oversize", [], AttributeMatch.None)] }, true },
        { "value in range", new RoutingConditions { OrderValue = new OrderValueRange(CurrencyCode.Usd, 50, 100) }, true },
        { "value above", new RoutingConditions { OrderValue = new OrderValueRange(CurrencyCode.Usd, 100) }, false },
        { "value other currency", new RoutingConditions { OrderValue = new OrderValueRange(CurrencyCode.From("EUR"), 0) }, false },
        { "line count", new RoutingConditions { MinLines = 2, MaxLines = 2 }, true },
        { "line count max", new RoutingConditions { MaxLines = 1 }, false },
        { "ship by within 24h", new RoutingConditions { ShipByWithin = Duration.FromHours(24) }, true },
        { "ship by within 1h", new RoutingConditions { ShipByWithin = Duration.FromHours(1) }, false },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Route_EachCondition_MatchesOrExplainsWhyNot(string name, RoutingConditions when, bool matches)
    {
        var rules = RuleSet(new RoutingActions(), when);
        var request = Request(("X", 1), ("Y", 1)) with
        {
            Tags = ["VIP", "gift"],
            OrderValue = new Money(75m, CurrencyCode.Usd),
            ShipBy = Monday10Utc + Duration.FromHours(6),
            SkuAttributes = new Dictionary<Sku, IReadOnlyDictionary<string, string>>
            {
                [Sku.From("X")] = new Dictionary<string, string> { ["hazmat"] = "true", ["category"] = "kurta" },
                [Sku.From("Y")] = new Dictionary<string, string> { ["hazmat"] = "false" },
            },
        };

        var d = Route(rules, request, Balance("X", A, 1), Balance("Y", A, 1));
        var fast = new RoutingEngine(rules).Route(request, RoutingInventory.Create(rules, Owner, [Balance("X", A, 1), Balance("Y", A, 1)]), trace: false);

        Assert.True(d.IsRouted == matches, name);
        Assert.Equal(d.IsRouted, fast.IsRouted); // the fast matcher and the explaining one agree
        if (!matches) Assert.StartsWith("when.", Assert.Single(d.Explanation!.Rules).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_TraceOff_ReturnsTheSamePlanWithoutATrace()
    {
        var rules = RuleSet(new RoutingActions { Split = SplitPolicy.WhenNoSingleLocation }, null, "A", "B", "C");
        var inventory = RoutingInventory.Create(rules, Owner, [Balance("X", A, 1), Balance("X", B, 3), Balance("Y", C, 2)]);
        var engine = new RoutingEngine(rules);

        var on = engine.Route(Request(("X", 2), ("Y", 1)), inventory, trace: true);
        var off = engine.Route(Request(("X", 2), ("Y", 1)), inventory, trace: false);

        Assert.Equal(on.Lines, off.Lines);
        Assert.Empty(off.Trace);
        Assert.Null(off.Explanation);
        Assert.NotEmpty(on.Trace);
        Assert.StartsWith("plan: ", on.Trace[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SKU-LONG-PREFIX-CODE-0001", "SKU-LONG-PREFIX-CODE-0002")] // longer than 16: compared as strings
    [InlineData("SIXTEEN-CHARS-01", "SIXTEEN-CHARS-02")]                   // exactly 16: compared inline
    [InlineData("A", "AB")]
    public void Route_SkusSharingAPrefix_AreNeverConfused(string first, string second)
    {
        var rules = RuleSet(new RoutingActions());

        var d = Route(rules, Request((second, 2)), Balance(first, A, 5), Balance(second, B, 2));

        Assert.Equal((B, Sku.From(second)), (d.PrimaryLocation!.Value, d.Lines[0].Key.Sku));
        Assert.False(Route(rules, Request((second + "X", 1)), Balance(first, A, 5), Balance(second, B, 2)).IsRouted);
    }

    [Fact]
    public void Apply_RoutedDecision_SubtractsItFromTheSnapshot()
    {
        var rules = RuleSet(new RoutingActions());
        var inventory = RoutingInventory.Create(rules, Owner, [Balance("X", A, 3)]);
        var engine = new RoutingEngine(rules);

        inventory.Apply(engine.Route(Request(("X", 2)), inventory));

        Assert.Equal(1, inventory.Usable(Sku.From("X"), A, InventoryStatus.Sellable));
        Assert.False(engine.Route(Request(("X", 2)), inventory).IsRouted);
    }
}
