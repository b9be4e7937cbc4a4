#if ORDERCORE_FBAPREP
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderCore.FbaPrep;
using OrderCore.FbaPrep.Inbound;
using OrderCore.Inventory;

namespace OrderCore.Cli.Fba;

/// <summary>Renders an <see cref="FbaPlanResult"/> as text (stdout) and as one JSON document (<c>--json</c>).</summary>
internal static class FbaPlanOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task WriteTextAsync(FbaPlanResult r, TextWriter w)
    {
        var req = r.Input.Requirements;
        var sys = req.UnitSystem;
        await w.WriteLineAsync($"FBA replenishment plan for {req.Name} (marketplace {req.MarketplaceId}), work order {r.WorkOrderId}, ship date {r.Input.ShipDate:yyyy-MM-dd}").ConfigureAwait(false);
        if (r.Input.WindowFrom is { } from && r.Input.WindowTo is { } to)
        {
            await w.WriteLineAsync($"Demand window {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; top {r.Input.Top} SKUs by marketplace-fulfilled demand; {r.Input.DaysOfCover} days of cover").ConfigureAwait(false);
        }
        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync($"Rules applied ({req.MarketplaceCode}):").ConfigureAwait(false);
        await w.WriteLineAsync($"  cartons: sides within {FbaFormat.Dimensions(req.Cartons.MaxDimensions.Value, sys)}, weight {(req.Cartons.MaxWeightIsExclusive ? "< " : "<= ")}{FbaFormat.Weight(req.Cartons.MaxWeight.Value, sys)} [{req.Cartons.MaxWeight.Source.Key}]; case packs <= {req.CasePacks.MaxUnitsPerCase.Value} units [{req.CasePacks.MaxUnitsPerCase.Source.Key}]").ConfigureAwait(false);
        await w.WriteLineAsync($"  poly bags: >= {FbaFormat.Number(req.Polybag.MinFilmThicknessMil.Value)} mil; suffocation warning when the opening is >= {req.Polybag.SuffocationWarningOpening.Value} [{req.Polybag.SuffocationWarningOpening.Source.Key}]").ConfigureAwait(false);
        await w.WriteLineAsync($"  expiry: >= {req.Expiry.MinRemainingShelfLifeDays.Value} days of shelf life at receipt [{req.Expiry.MinRemainingShelfLifeDays.Source.Key}]").ConfigureAwait(false);
        foreach (var note in req.Notes) await w.WriteLineAsync("  - " + note).ConfigureAwait(false);
        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync("Assumptions (the data lacks these fields):").ConfigureAwait(false);
        foreach (var a in r.Input.Assumptions) await w.WriteLineAsync("  - " + a).ConfigureAwait(false);
        foreach (var s in r.Input.Skipped) await w.WriteLineAsync("  - skipped: " + s).ConfigureAwait(false);

        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync("Replenishment (Sellable -> FbaBound at " + r.Input.Warehouse + "):").ConfigureAwait(false);
        await w.WriteLineAsync($"  {"SKU",-24} {"category",-14} {"demand",7} {"/day",7} {"target",7} {"stock",7} {"taken",7}").ConfigureAwait(false);
        foreach (var s in r.Input.Sizing)
        {
            var taken = r.Take.Lines.Where(l => l.Sku.Sku == s.Sku).Sum(l => l.Quantity.Units);
            await w.WriteLineAsync(string.Create(Inv, $"  {s.Sku.Value,-24} {Cut(s.Category, 14),-14} {s.DemandUnits?.ToString(Inv) ?? "-",7} {s.DailyRate?.ToString("0.##", Inv) ?? "-",7} {s.Target,7} {s.Stock,7} {taken,7}")).ConfigureAwait(false);
        }
        foreach (var f in r.Take.Shortfalls) await w.WriteLineAsync($"  shortfall {f.Sku}: {f.Taken} of {f.Requested} taken ({f.Reason})").ConfigureAwait(false);
        await w.WriteLineAsync($"  total: {r.Take.TakenUnits} unit(s) taken").ConfigureAwait(false);

        await w.WriteLineAsync().ConfigureAwait(false);
        var c = r.Compliance;
        await w.WriteLineAsync($"Compliance report: {(c.IsCompliant ? "COMPLIANT" : "NOT COMPLIANT")} - {c.Errors.Count} error(s), {c.Warnings.Count} warning(s) over {c.SkusChecked} SKU(s) and {c.CartonsChecked} carton(s)").ConfigureAwait(false);
        foreach (var g in c.Violations.GroupBy(v => (v.Severity, v.RuleId, v.Measured, v.Limit, v.Source.Key, v.Message)))
        {
            var subjects = g.Select(v => v.Sku?.Value ?? v.CartonId ?? "").Where(x => x.Length > 0).Distinct().ToArray();
            var who = subjects.Length == 0 ? "" : subjects.Length <= 4 ? " " + string.Join(", ", subjects) : $" {subjects.Length} SKUs ({string.Join(", ", subjects.Take(3))}, ...)";
            await w.WriteLineAsync($"  {(g.Key.Severity == ViolationSeverity.Error ? "ERROR" : "WARN ")} {g.Key.RuleId}{who}: {g.Key.Measured} (limit: {g.Key.Limit}) [{g.Key.Key}]").ConfigureAwait(false);
            await w.WriteLineAsync($"        {g.Key.Message}").ConfigureAwait(false);
        }

        await w.WriteLineAsync().ConfigureAwait(false);
        var p = r.Plan;
        await w.WriteLineAsync($"Cartons: {p.Cartons.Count} ({p.Cartons.Count(x => x.IsCasePack)} case pack(s), {p.MixedCartons} mixed; lower bound for the mixed ones {p.MixedCartonsLowerBound}), {p.PlannedUnits} unit(s), box content {FbaApiNames.ToApi(p.Cartons.FirstOrDefault()?.ContentSource ?? req.DefaultBoxContentSource)}").ConfigureAwait(false);
        // Runs of identical cartons (same box, weight, labels and contents) are printed once: "C001-C010 (10 cartons)".
        for (var i = 0; i < p.Cartons.Count;)
        {
            var carton = p.Cartons[i];
            var line = Describe(carton, sys);
            var j = i + 1;
            while (j < p.Cartons.Count && Describe(p.Cartons[j], sys) == line) j++;
            var ids = j - i == 1 ? carton.Id : $"{carton.Id}-{p.Cartons[j - 1].Id} ({j - i} cartons)";
            await w.WriteLineAsync($"  {ids} {line}").ConfigureAwait(false);
            i = j;
        }
        foreach (var u in p.Unplanned) await w.WriteLineAsync($"  unplanned {u.Sku} x{u.Quantity}: {u.Reason} [{u.RuleId}]").ConfigureAwait(false);
        foreach (var n in p.Notes) await w.WriteLineAsync("  note: " + n).ConfigureAwait(false);

        await w.WriteLineAsync().ConfigureAwait(false);
        if (r.WorkOrder is { } wo)
        {
            await w.WriteLineAsync($"Work order {wo.Id}: {wo.Status}, {wo.TakenUnits} unit(s) FbaBound at {wo.Warehouse}, {wo.Cartons.Count} carton(s)").ConfigureAwait(false);
            foreach (var g in wo.Tasks.GroupBy(t => t.Kind).OrderBy(g => g.Key))
            {
                var amount = g.First().Scope == PrepTaskScope.PerBatch ? $"{g.Count()} batch(es), one per SKU" : $"{g.Sum(t => t.Quantity)} unit(s) over {g.Count()} SKU(s)";
                await w.WriteLineAsync($"  task {g.Key}: {amount}").ConfigureAwait(false);
            }
            foreach (var cp in wo.Checkpoints()) await w.WriteLineAsync($"  checkpoint {cp.Checkpoint}: {cp.State.ToString().ToLowerInvariant()}").ConfigureAwait(false);
            var ship = wo.ShipReadiness();
            await w.WriteLineAsync($"  shipment can leave: {(ship.CanShip ? "yes" : "no")} ({ship.Blockers.Count} blocker(s))").ConfigureAwait(false);
        }
        else
        {
            await w.WriteLineAsync("Work order: none (no carton could be planned; every taken unit went back to Sellable)").ConfigureAwait(false);
        }
        var reasons = r.Ledger.GroupBy(e => e.Reason).Select(g => $"{g.Key} x{g.Count()}");
        await w.WriteLineAsync($"  ledger: {string.Join(", ", reasons)} (reference {r.WorkOrderId} on every FBA movement)").ConfigureAwait(false);

        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync("Inbound plan bodies (SP-API Fulfillment Inbound v2024-03-20):").ConfigureAwait(false);
        foreach (var e in r.BodyErrors) await w.WriteLineAsync("  body error: " + e).ConfigureAwait(false);
        if (r.CreateInboundPlan is not null)
        {
            await w.WriteLineAsync("POST /inbound/fba/2024-03-20/inboundPlans (createInboundPlan):").ConfigureAwait(false);
            await w.WriteLineAsync(InboundPlanBodies.ToJson(r.CreateInboundPlan, indented: true)).ConfigureAwait(false);
            await w.WriteLineAsync("POST /inbound/fba/2024-03-20/inboundPlans/{inboundPlanId}/packingInformation (setPackingInformation):").ConfigureAwait(false);
            await w.WriteLineAsync(InboundPlanBodies.ToJson(r.SetPackingInformation, indented: true)).ConfigureAwait(false);
        }
        else
        {
            await w.WriteLineAsync("  none: no carton was planned").ConfigureAwait(false);
        }
    }

    /// <summary>Everything as one JSON document; the two request bodies under the API's own field names.</summary>
    public static JsonObject ToJson(FbaPlanResult r)
    {
        var req = r.Input.Requirements;
        var sys = req.UnitSystem;
        JsonNode? Source(RuleSource s) => new JsonObject { ["key"] = s.Key, ["title"] = s.Title, ["url"] = s.Url, ["grade"] = s.Grade.ToString() };
        var doc = new JsonObject
        {
            ["marketplace"] = new JsonObject
            {
                ["code"] = req.MarketplaceCode,
                ["marketplaceId"] = req.MarketplaceId,
                ["name"] = req.Name,
                ["unitSystem"] = sys.ToString(),
                ["cartonMaxDimensions"] = FbaFormat.Dimensions(req.Cartons.MaxDimensions.Value, sys),
                ["cartonMaxWeight"] = (req.Cartons.MaxWeightIsExclusive ? "< " : "<= ") + FbaFormat.Weight(req.Cartons.MaxWeight.Value, sys),
                ["cartonLimitSource"] = Source(req.Cartons.MaxWeight.Source),
                ["suffocationWarningOpening"] = req.Polybag.SuffocationWarningOpening.Value.ToString(),
                ["suffocationWarningSource"] = Source(req.Polybag.SuffocationWarningOpening.Source),
                ["minShelfLifeDays"] = req.Expiry.MinRemainingShelfLifeDays.Value,
                ["notes"] = new JsonArray(req.Notes.Select(n => (JsonNode?)n).ToArray()),
            },
            ["mode"] = r.Input.Mode,
            ["workOrderId"] = r.WorkOrderId.Value,
            ["shipDate"] = r.Input.ShipDate.ToString("yyyy-MM-dd", Inv),
            ["window"] = r.Input.WindowFrom is { } f && r.Input.WindowTo is { } t
                ? new JsonObject { ["from"] = f.ToString("yyyy-MM-dd", Inv), ["to"] = t.ToString("yyyy-MM-dd", Inv), ["top"] = r.Input.Top, ["daysOfCover"] = r.Input.DaysOfCover }
                : null,
            ["assumptions"] = new JsonArray(r.Input.Assumptions.Select(a => (JsonNode?)a).ToArray()),
            ["skipped"] = new JsonArray(r.Input.Skipped.Select(a => (JsonNode?)a).ToArray()),
            ["replenishment"] = new JsonArray(r.Input.Sizing.Select(s => (JsonNode?)new JsonObject
            {
                ["sku"] = s.Sku.Value,
                ["category"] = s.Category,
                ["demandUnits"] = s.DemandUnits,
                ["dailyRate"] = s.DailyRate,
                ["target"] = s.Target,
                ["stock"] = s.Stock,
                ["taken"] = r.Take.Lines.Where(l => l.Sku.Sku == s.Sku).Sum(l => l.Quantity.Units),
                ["shortfall"] = r.Take.Shortfalls.FirstOrDefault(x => x.Sku == s.Sku)?.Reason,
            }).ToArray()),
            ["compliance"] = new JsonObject
            {
                ["compliant"] = r.Compliance.IsCompliant,
                ["errors"] = r.Compliance.Errors.Count,
                ["warnings"] = r.Compliance.Warnings.Count,
                ["violations"] = new JsonArray(r.Compliance.Violations.Select(v => (JsonNode?)new JsonObject
                {
                    ["ruleId"] = v.RuleId,
                    ["severity"] = v.Severity.ToString(),
                    ["sku"] = v.Sku?.Value,
                    ["cartonId"] = v.CartonId,
                    ["measured"] = v.Measured,
                    ["limit"] = v.Limit,
                    ["source"] = Source(v.Source),
                    ["message"] = v.Message,
                }).ToArray()),
            },
            ["cartons"] = new JsonObject
            {
                ["count"] = r.Plan.Cartons.Count,
                ["mixed"] = r.Plan.MixedCartons,
                ["mixedLowerBound"] = r.Plan.MixedCartonsLowerBound,
                ["units"] = r.Plan.PlannedUnits,
                ["notes"] = new JsonArray(r.Plan.Notes.Select(n => (JsonNode?)n).ToArray()),
                ["unplanned"] = new JsonArray(r.Plan.Unplanned.Select(u => (JsonNode?)new JsonObject { ["sku"] = u.Sku.Value, ["quantity"] = u.Quantity, ["ruleId"] = u.RuleId, ["reason"] = u.Reason }).ToArray()),
                ["items"] = new JsonArray(r.Plan.Cartons.Select(c => (JsonNode?)new JsonObject
                {
                    ["id"] = c.Id,
                    ["boxSize"] = c.BoxSize,
                    ["dimensions"] = FbaFormat.Dimensions(c.Dimensions, sys),
                    ["weight"] = FbaFormat.Weight(c.Weight, sys),
                    ["casePack"] = c.IsCasePack,
                    ["handlingLabels"] = new JsonArray(c.HandlingLabels.Select(l => (JsonNode?)l).ToArray()),
                    ["contentInformationSource"] = FbaApiNames.ToApi(c.ContentSource),
                    ["contents"] = new JsonArray(c.Contents.Select(x => (JsonNode?)new JsonObject
                    {
                        ["sku"] = x.Sku.Value,
                        ["lot"] = x.Lot?.Code,
                        ["expiration"] = x.Expiry?.ToString("yyyy-MM-dd", Inv),
                        ["quantity"] = x.Quantity,
                    }).ToArray()),
                }).ToArray()),
            },
            ["workOrder"] = r.WorkOrder is { } wo ? new JsonObject
            {
                ["id"] = wo.Id.Value,
                ["status"] = wo.Status.ToString(),
                ["warehouse"] = wo.Warehouse.Value,
                ["takenUnits"] = wo.TakenUnits,
                ["units"] = new JsonArray(wo.Units.Select(u => (JsonNode?)new JsonObject
                {
                    ["sku"] = u.Sku.Value, ["lot"] = u.Lot?.Code, ["taken"] = u.Taken, ["fbaBound"] = u.FbaBound, ["inPrep"] = u.InPrep, ["prepped"] = u.Prepped, ["shipped"] = u.Shipped, ["returned"] = u.Returned,
                }).ToArray()),
                ["tasks"] = new JsonArray(wo.Tasks.Select(t => (JsonNode?)new JsonObject
                {
                    ["id"] = t.Id, ["sku"] = t.Sku.Value, ["kind"] = t.Kind.ToString(), ["prepType"] = t.PrepType is { } pt ? FbaApiNames.ToApi(pt) : null,
                    ["scope"] = t.Scope.ToString(), ["quantity"] = t.Quantity, ["instruction"] = t.Instruction,
                }).ToArray()),
                ["checkpoints"] = new JsonArray(wo.Checkpoints().Select(cp => (JsonNode?)new JsonObject
                {
                    ["checkpoint"] = cp.Checkpoint.ToString(), ["state"] = cp.State.ToString(), ["issues"] = new JsonArray(cp.Issues.Select(i => (JsonNode?)i).ToArray()),
                }).ToArray()),
            } : null,
            ["ledger"] = new JsonArray(r.Ledger.Select(e => (JsonNode?)new JsonObject
            {
                ["sequence"] = e.Sequence,
                ["type"] = e.Type.ToString(),
                ["reason"] = e.Reason,
                ["reference"] = e.Reference,
                ["deltas"] = new JsonArray(e.Deltas.Select(d => (JsonNode?)new JsonObject { ["balance"] = d.Key.ToString(), ["onHand"] = d.OnHand, ["reserved"] = d.Reserved }).ToArray()),
            }).ToArray()),
            ["bodyErrors"] = new JsonArray(r.BodyErrors.Select(e => (JsonNode?)e).ToArray()),
            ["createInboundPlan"] = r.CreateInboundPlan is null ? null : JsonSerializer.SerializeToNode(r.CreateInboundPlan, InboundPlanBodies.JsonOptions),
            ["setPackingInformation"] = r.SetPackingInformation is null ? null : JsonSerializer.SerializeToNode(r.SetPackingInformation, InboundPlanBodies.JsonOptions),
        };
        return doc;
    }

    private static string Describe(PlannedCarton carton, FbaUnitSystem sys)
    {
        var labels = carton.HandlingLabels.Count > 0 ? " [" + string.Join(", ", carton.HandlingLabels) + "]" : "";
        var kind = carton.IsCasePack ? " case pack" : "";
        var contents = string.Join(", ", carton.Contents.Select(x => $"{x.Sku} x{x.Quantity}{(x.Expiry is { } e ? $" exp {e:yyyy-MM-dd}" : "")}"));
        return $"{carton.BoxSize} {FbaFormat.Weight(carton.Weight, sys)}{kind}{labels}: {contents}";
    }

    private static string Cut(string? text, int max) => text is null ? "-" : text.Length <= max ? text : text[..max];
}
#endif
