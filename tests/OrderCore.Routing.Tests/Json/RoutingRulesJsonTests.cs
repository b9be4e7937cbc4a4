using NodaTime;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Routing.Json;
using OrderCore.Routing.Rules;

namespace OrderCore.Routing.Tests.Json;

/// <summary>The JSON rule format: a full document reads back every field; every kind of problem names its path, all at once.</summary>
public sealed class RoutingRulesJsonTests
{
    private const string Full = """
    {
      "format": "ordercore.routing-rules",
      "version": 1,
      "name": "acme",
      "custom_statuses": ["Refurbished"],
      "locations": [
        { "id": "WH-EAST", "groups": ["east"], "time_zone": "America/New_York", "cutoff": "15:00",
          "working_days": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], "latitude": 40.7, "longitude": -74.0 },
        { "id": "WH-WEST", "groups": ["west"], "address": { "city": "Reno", "region": "NV", "postal_code": "89501", "country": "US" } },
        { "id": "DS-1" }
      ],
      "rules": [
        { "name": "expedited",
          "when": { "channels": [{ "channel": "shopify", "account": "us" }], "fulfilment_channel": "merchant",
                    "destination": { "countries": ["US"], "regions": ["US-CA"], "postal_prefixes": ["9"] },
                    "service_levels": ["expedited", "NextDay"], "tags": { "all": ["vip"], "any": ["gift"], "none": ["fraud"] },
                    "sku_attributes": [{ "name": "hazmat", "values": ["true"], "match": "none" }],
                    "order_value": { "currency": "USD", "min": 10, "max": 500.5 }, "line_count": { "min": 1, "max": 5 },
                    "ship_by_within": "PT24H" },
          "then": { "locations": ["WH-WEST"], "location_groups": ["east"], "exclude_locations": ["DS-1"],
                    "statuses": ["Sellable", "Refurbished"], "strategy": "nearest",
                    "split": { "policy": "at_most", "max_shipments": 2 }, "kits_ship_together": false,
                    "work_queue": "parcel-express", "ship_method": "UPS 2nd Day Air",
                    "when_unfillable": { "action": "next_rule" }, "ship_by": "exclude_late",
                    "prefer_earliest_ship_date": true, "max_distance_km": 3000 } },
        { "name": "fallback", "then": { "when_unfillable": { "action": "hold", "hold_reason": "inventory", "reason": "await PO" } } }
      ]
    }
    """;

    [Fact]
    public void Parse_FullDocument_ReadsEveryField()
    {
        var set = RoutingRulesJson.Parse(Full);

        Assert.Equal("acme", set.Name);
        Assert.Equal(3, set.Locations.Count);
        var east = set.Locations[0];
        Assert.Equal((new LocalTime(15, 0), "America/New_York", 6), (east.Cutoff!.Value, east.TimeZone.Id, east.WorkingDays.Count));
        Assert.Equal("US", set.Locations[1].Address!.CountryCode);
        var r = set.Rules[0];
        Assert.Equal(ServiceLevel.NextDay, r.When.ServiceLevels[1]);
        Assert.Equal(Duration.FromHours(24), r.When.ShipByWithin);
        Assert.Equal(500.5m, r.When.OrderValue!.Max);
        Assert.Equal(AttributeMatch.None, r.When.SkuAttributes[0].Match);
        Assert.Equal(RoutingStrategy.Nearest, r.Then.Strategy);
        Assert.Equal(SplitPolicy.AtMost(2), r.Then.Split);
        Assert.Equal([InventoryStatus.Sellable, InventoryStatus.From("Refurbished")], r.Then.Statuses);
        Assert.Equal((UnfillableKind.NextRule, ShipByPolicy.ExcludeLate), (r.Then.WhenUnfillable.Kind, r.Then.ShipBy));
        Assert.Equal(new UnfillableAction(UnfillableKind.Hold, "await PO", HoldReason.Inventory), set.Rules[1].Then.WhenUnfillable);
        Assert.Equal([InventoryStatus.Sellable], set.Rules[1].Then.Statuses); // default
    }

    [Fact]
    public void Parse_SampleFiles_AreValid()
    {
        var root = FindRepoRoot();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "samples", "routing"), "*.rules.json"))
        {
            Assert.NotEmpty(RoutingRulesJson.Load(file).Rules);
        }
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrderCore.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static IReadOnlyList<RoutingRuleError> Errors(string json) => Assert.Throws<RoutingRuleSetException>(() => RoutingRulesJson.Parse(json)).Errors;

    private static string Doc(string rules, string extra = "") => $$"""
        { "version": 1 {{extra}}, "locations": [{ "id": "A" }, { "id": "B", "groups": ["g"] }], "rules": [ {{rules}} ] }
        """;

    private const string Ok = """{ "name": "r0", "then": {} }""";

    [Fact]
    public void Parse_UnknownStrategyInFourthRule_NamesThePath()
    {
        var errors = Errors(Doc($$"""{{Ok}}, { "name": "r1", "then": {} }, { "name": "r2", "then": {} }, { "name": "r3", "then": { "strategy": "closest" } }"""));

        var e = Assert.Single(errors);
        Assert.Equal("rules[3].then.strategy", e.Path);
        Assert.Equal("unknown strategy 'closest' (expected one of priority, most_available, nearest, fewest_shipments)", e.Message);
    }

    [Fact]
    public void Parse_UnknownLocationStatusAndGroup_ReportsEveryProblemAtOnce()
    {
        var errors = Errors(Doc("""{ "name": "r0", "then": { "locations": ["A", "WH-9"], "statuses": ["Sellabel"], "location_groups": ["nope"], "exclude_locations": ["Z"] } }"""));

        Assert.Equal(
            ["rules[0].then.exclude_locations[0]", "rules[0].then.location_groups[0]", "rules[0].then.locations[1]", "rules[0].then.statuses[0]"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message == "unknown location 'WH-9'");
        Assert.Contains(errors, e => e.Message.StartsWith("unknown inventory status 'Sellabel' (known: Damaged, FbaBound", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MalformedJson_NamesThePathAndLine()
    {
        var e = Assert.Single(Errors("{ \"version\": 1, \"rules\": [ { \"name\": \"r0\", \"then\": { \"strategy\": 5 } } ] }"));

        Assert.Equal("rules[0].then.strategy", e.Path);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.Single(Errors("{ \"version\": 1, "), x => x.Message.StartsWith("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownPropertyAndBadValues_AreErrorsWithPaths()
    {
        var errors = Errors("""
            { "version": 2, "locations": [{ "id": "A", "time_zone": "Mars/Base", "cutoff": "25:00", "working_days": ["Funday"], "colour": "red" }],
              "rules": [{ "name": "r0", "when": { "service_levels": ["warp"], "ship_by_within": "P1M" },
                          "then": { "split": { "policy": "at_most" }, "when_unfillable": { "action": "shrug" } } },
                        { "name": "r0", "then": {} }] }
            """);

        Assert.Equal(
            ["locations[0].colour", "locations[0].cutoff", "locations[0].time_zone", "locations[0].working_days[0]",
             "rules[0].then.split.max_shipments", "rules[0].then.when_unfillable.action", "rules[0].when.service_levels[0]",
             "rules[0].when.ship_by_within", "rules[1].name", "version"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_ManyProblems_ReportsAllAtOnce()
    {
        var builder = new RoutingRuleSetBuilder()
            .AddLocation(new RoutingLocation(LocationId.From("A")) { WorkingDays = [] })
            .AddLocation(new RoutingLocation(LocationId.From("A")))
            .AddRule("", RoutingConditions.Always, new RoutingActions { Statuses = [] })
            .AddRule("r1", new RoutingConditions { MinLines = 3, MaxLines = 1 }, new RoutingActions { Split = SplitPolicy.AtMost(0), WorkQueue = " " });

        var ex = Assert.Throws<RoutingRuleSetException>(() => builder.Build());

        Assert.Equal(
            ["locations[0].working_days", "locations[1].id", "rules[0].name", "rules[0].then.statuses", "rules[1].then.split.max_shipments", "rules[1].then.work_queue", "rules[1].when.line_count"],
            ex.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.StartsWith("Invalid routing rule set (7 errors): ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NearestWithoutCoordinates_NamesTheLocation()
    {
        var ex = Assert.Throws<RoutingRuleSetException>(() => new RoutingRuleSetBuilder()
            .AddLocation(new RoutingLocation(LocationId.From("A")) { Address = Address.Create("Paris", "IDF", "75001", "FR") })
            .AddLocation(new RoutingLocation(LocationId.From("B")))
            .AddRule("near", RoutingConditions.Always, new RoutingActions { Strategy = RoutingStrategy.Nearest })
            .Build());

        Assert.Equal("locations[1]", Assert.Single(ex.Errors).Path);
    }
}
