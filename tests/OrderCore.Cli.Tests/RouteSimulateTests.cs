using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace OrderCore.Cli.Tests;

/// <summary><c>ordercore route simulate</c> on the worked example in <c>samples/routing/</c> and on bad input.</summary>
public sealed class RouteSimulateTests
{
    private static string Sample(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrderCore.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "samples", "routing", file);
    }

    private static string[] Args(params string[] extra) =>
        ["route", "simulate", "--rules", Sample("acme.rules.json"), "--inventory", Sample("acme.inventory.csv"), "--orders", Sample("acme.orders.json"), .. extra];

    [Fact]
    public async Task Simulate_WorkedExample_PrintsOneRowPerOrderAndLeavesTheInventoryFileAlone()
    {
        var before = SHA256.HashData(await File.ReadAllBytesAsync(Sample("acme.inventory.csv")));

        var r = await CliHarness.RunAsync(Args());

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("| 1001        | routed    | dtc               | WH-NV/parcel: TEE-BLK x 2 [Sellable]", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("9 order(s): 8 routed in 10 shipment(s), 0 backorder, 0 hold, 1 exception.", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("rule 'dtc': matched", r.Stdout, StringComparison.Ordinal);
        Assert.False(CliHarness.HasAnsi(r.Stdout));
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(Sample("acme.inventory.csv"))));
    }

    [Fact]
    public async Task Simulate_Explain_PrintsEveryOrdersTrace()
    {
        var r = await CliHarness.RunAsync(Args("--explain"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Order 1002: routed", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("WH-NJ: eligible, score 273.22; rank 3; usable/needed: TEE-BLK 8/1; fills the order; 273 km; ships 2026-01-06", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("rule 'expedited': skipped; when.service_levels: Standard not in [Expedited, Priority, NextDay, SecondDay]", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("WH-NV: excluded; no stock in eligible statuses [Sellable] (MUG has -2 available in Sellable, counted as 0)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Json_WritesOneDecisionPerOrderWithShipmentsAndTrace()
    {
        using var temp = new CliHarness.TempFolder();
        var output = Path.Combine(temp.Path, "decisions.json");

        var r = await CliHarness.RunAsync(Args("--json", output));

        Assert.Equal(0, r.ExitCode);
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        var decisions = doc["decisions"]!.AsArray();
        Assert.Equal(9, decisions.Count);
        var byId = decisions.ToDictionary(d => (string)d!["order_id"]!, d => d!);

        var wholesale = byId["W-77"];
        Assert.Equal("routed", (string)wholesale["outcome"]!);
        Assert.Equal(["WH-NV", "WH-TX", "WH-NJ"], wholesale["shipments"]!.AsArray().Select(s => (string)s!["location"]!));
        Assert.Equal("LTL freight", (string)wholesale["shipments"]![0]!["ship_method"]!);

        var fba = byId["FBA-SHIP-12"]["shipments"]![0]!;
        Assert.Equal("fba-prep", (string)fba["work_queue"]!);
        Assert.Equal([("L-2026-01", 30), ("L-2026-02", 6)], fba["lines"]!.AsArray().Select(l => ((string)l!["lot"]!, (int)l["quantity"]!)));
        Assert.All(fba["lines"]!.AsArray(), l => Assert.Equal("FbaBound", (string)l!["status"]!));

        var dtcOnlyFbaStock = byId["1007"];
        Assert.Equal("exception", (string)dtcOnlyFbaStock["outcome"]!);
        Assert.Equal("no stock at any eligible location (SERUM needs 1, best location has 0)", (string)dtcOnlyFbaStock["reason"]!);
        Assert.Empty(dtcOnlyFbaStock["shipments"]!.AsArray());

        var expedited = byId["1002"];
        Assert.Equal("2026-01-05", (string)expedited["expected_ship_date"]!);
        Assert.Equal("expedited", (string)expedited["trace"]!["rules"]!.AsArray().Last()!["rule"]!);
        Assert.Contains(expedited["trace"]!["locations"]!.AsArray(), l => (string)l!["location"]! == "WH-NJ" && (string)l["expected_ship_date"]! == "2026-01-06");
        Assert.StartsWith("WH-TX → parcel-express", (string)expedited["trace"]!["plan"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_InvalidRules_ExitsOneNamingThePath()
    {
        using var temp = new CliHarness.TempFolder();
        var rules = temp.Write("bad.rules.json", """
            { "version": 1, "locations": [{ "id": "A" }],
              "rules": [{ "name": "r0", "then": { "strategy": "closest", "locations": ["B"] } }] }
            """);

        var r = await CliHarness.RunAsync("route", "simulate", "--rules", rules, "--inventory", Sample("acme.inventory.csv"), "--orders", Sample("acme.orders.json"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("rules[0].then.strategy: unknown strategy 'closest'", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("rules[0].then.locations[0]: unknown location 'B'", r.Stderr, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(r.Stderr));
    }

    [Fact]
    public async Task Simulate_BadInventoryRow_ExitsOneNamingRowAndColumn()
    {
        using var temp = new CliHarness.TempFolder();
        var inventory = temp.Write("inv.csv", "location,sku,status,on_hand\nWH-NJ,TEE-BLK,Sellable,8\nWH-NV,TEE-BLK,Sellable,lots\n");

        var r = await CliHarness.RunAsync("route", "simulate", "--rules", Sample("acme.rules.json"), "--inventory", inventory, "--orders", Sample("acme.orders.json"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("inv.csv row 3, column on_hand: 'lots' is not a whole number", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_MissingOption_IsAUsageError()
    {
        var r = await CliHarness.RunAsync("route", "simulate", "--rules", Sample("acme.rules.json"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ordercore route simulate --rules FILE", r.Stderr, StringComparison.Ordinal);
    }
}
