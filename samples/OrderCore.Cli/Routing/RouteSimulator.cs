using System.Globalization;
using System.Text.Json;
using NodaTime.Text;
using OrderCore.Cli.Input;
using OrderCore.Fulfilment;
using OrderCore.Routing.Engine;
using OrderCore.Routing.Json;
using OrderCore.Routing.Rules;
using Spectre.Console;

namespace OrderCore.Cli.Routing;

/// <summary>One order's simulated decision.</summary>
internal sealed record SimulatedDecision(string OrderId, RoutingDecision Decision);

/// <summary>
/// <c>ordercore route simulate</c>: routes the orders of a file, in file order, against an inventory file with a rule
/// set, without touching any store. Each routed order's units are taken out of the simulation's copy of the inventory,
/// so later orders see what earlier ones left (as reservations would). Tracing is on.
/// </summary>
internal static class RouteSimulator
{
    public static IReadOnlyList<SimulatedDecision> Run(string rulesPath, string inventoryPath, string ordersPath)
    {
        RoutingRuleSet rules;
        try
        {
            rules = RoutingRulesJson.Load(rulesPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var what = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot be read: " + ex.Message;
            throw new DataFileException(Path.GetFileName(rulesPath), null, $"{rulesPath}: {what}", ex);
        }
        var balances = InventoryCsv.Read(inventoryPath);
        var orders = OrdersFile.Read(ordersPath);
        var engine = new RoutingEngine(rules, new RoutingEngineOptions { Trace = true });
        var inventories = balances.GroupBy(b => b.Key.Owner).ToDictionary(g => g.Key, g => RoutingInventory.Create(rules, g.Key, g));
        var results = new List<SimulatedDecision>(orders.Count);
        foreach (var order in orders)
        {
            var owner = order.Request.Owner;
            if (!inventories.TryGetValue(owner, out var inventory)) inventories[owner] = inventory = RoutingInventory.Create(rules, owner, []);
            var decision = engine.Route(order.Request, inventory, trace: true);
            inventory.Apply(decision);
            results.Add(new SimulatedDecision(order.Id, decision));
        }
        return results;
    }

    public static string Outcome(RoutingDecision d) => d.Outcome switch
    {
        RoutingOutcome.Routed => "routed",
        RoutingOutcome.Backorder => "backorder",
        RoutingOutcome.Hold => "hold",
        _ => "exception",
    };

    /// <summary>Why the order was not routed, in words; null when routed.</summary>
    public static string? Why(RoutingDecision d)
    {
        if (d.IsRouted) return null;
        var shortages = string.Join("; ", d.Shortages.Select(s => $"{s.Sku} needs {s.Requested}, best location has {s.BestAvailable}"));
        var reason = d.Outcome == RoutingOutcome.Hold ? $"{d.HoldReason}{(d.Reason is null ? "" : ": " + d.Reason)}" : d.Reason;
        return (reason, shortages.Length) switch
        {
            (null, 0) => "no eligible stock",
            (null, _) => shortages,
            (_, 0) => reason,
            _ => $"{reason} ({shortages})",
        };
    }

    public static string Date(NodaTime.LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "";

    /// <summary>The table (and traces with <paramref name="explain"/>) as plain text.</summary>
    public static void Render(TextWriter output, IReadOnlyList<SimulatedDecision> results, bool explain)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        var table = new Table { Border = TableBorder.Ascii };
        foreach (var h in new[] { "Order", "Outcome", "Rule", "Shipments (location/queue: SKU x qty [status])", "Ships" }) table.AddColumn(new TableColumn(new Text(h)));
        foreach (var r in results)
        {
            var d = r.Decision;
            var shipments = d.IsRouted
                ? string.Join("\n", d.Shipments.Select(s => $"{s.Location}/{s.WorkQueue}{(s.ShipMethod is null ? "" : " (" + s.ShipMethod + ")")}: " + string.Join(", ", s.Lines.Select(l => $"{l.Key.Sku} x {l.Quantity} [{l.Key.Status}{(l.Key.Lot is { } lot ? " #" + lot.Code : "")}]"))))
                : Why(d)!;
            table.AddRow(Cell(r.OrderId), Cell(Outcome(d)), Cell(d.Rule ?? "-"), Cell(shipments), Cell(Date(d.ExpectedShipDate)));
        }
        console.Write(table);
        var routed = results.Count(r => r.Decision.IsRouted);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} order(s): {routed} routed in {results.Sum(r => r.Decision.Shipments.Count)} shipment(s), " +
            $"{results.Count(r => r.Decision.Outcome == RoutingOutcome.Backorder)} backorder, {results.Count(r => r.Decision.Outcome == RoutingOutcome.Hold)} hold, " +
            $"{results.Count(r => r.Decision.Outcome == RoutingOutcome.Exception)} exception. The inventory file was not changed."));
        if (!explain) return;
        foreach (var r in results)
        {
            output.WriteLine();
            output.WriteLine($"Order {r.OrderId}: {Outcome(r.Decision)}");
            foreach (var line in r.Decision.Trace) output.WriteLine("  " + line);
        }
    }

    private static Text Cell(string text) => new(text);

    /// <summary>Writes one decision per order as JSON (format <c>ordercore.route-simulation</c>, version 1).</summary>
    public static void WriteJson(Stream stream, string rulesName, IReadOnlyList<SimulatedDecision> results)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", "ordercore.route-simulation");
        w.WriteNumber("version", 1);
        w.WriteString("rules", rulesName);
        w.WriteStartArray("decisions");
        foreach (var r in results)
        {
            var d = r.Decision;
            w.WriteStartObject();
            w.WriteString("order_id", r.OrderId);
            w.WriteString("outcome", Outcome(d));
            WriteNullable(w, "reason", Why(d));
            WriteNullable(w, "hold_reason", d.HoldReason?.ToString());
            WriteNullable(w, "rule", d.Rule);
            WriteNullable(w, "expected_ship_date", d.ExpectedShipDate is null ? null : Date(d.ExpectedShipDate));
            w.WriteStartArray("shipments");
            foreach (var s in d.Shipments)
            {
                w.WriteStartObject();
                w.WriteString("location", s.Location.Value);
                w.WriteString("work_queue", s.WorkQueue);
                WriteNullable(w, "ship_method", s.ShipMethod);
                WriteNullable(w, "expected_ship_date", s.ExpectedShipDate is null ? null : Date(s.ExpectedShipDate));
                w.WriteStartArray("lines");
                foreach (var l in s.Lines)
                {
                    w.WriteStartObject();
                    w.WriteString("line", l.Line.Value);
                    w.WriteString("sku", l.Key.Sku.Value);
                    w.WriteNumber("quantity", l.Quantity);
                    w.WriteString("status", l.Key.Status.Name);
                    WriteNullable(w, "lot", l.Key.Lot?.Code);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("shortages");
            foreach (var s in d.Shortages)
            {
                w.WriteStartObject();
                w.WriteString("sku", s.Sku.Value);
                w.WriteNumber("requested", s.Requested);
                w.WriteNumber("best_available", s.BestAvailable);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteTrace(w, d);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTrace(Utf8JsonWriter w, RoutingDecision d)
    {
        w.WriteStartObject("trace");
        var e = d.Explanation;
        w.WriteStartArray("rules");
        foreach (var r in e?.Rules ?? [])
        {
            w.WriteStartObject();
            w.WriteString("rule", r.Rule);
            w.WriteBoolean("matched", r.Matched);
            w.WriteString("detail", r.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("locations");
        foreach (var l in e?.Locations ?? [])
        {
            w.WriteStartObject();
            w.WriteString("rule", l.Rule);
            w.WriteString("location", l.Location.Value);
            w.WriteBoolean("eligible", l.Eligible);
            w.WriteString("reason", l.Reason);
            if (double.IsFinite(l.Score)) w.WriteNumber("score", Math.Round(l.Score, 3));
            else w.WriteNull("score");
            w.WriteNumber("units", l.Units);
            WriteNullable(w, "expected_ship_date", l.ExpectedShipDate is null ? null : Date(l.ExpectedShipDate));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var n in e?.Notes ?? []) w.WriteStringValue(n);
        w.WriteEndArray();
        WriteNullable(w, "plan", e?.Plan);
        w.WriteStartArray("lines");
        foreach (var t in d.Trace) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
