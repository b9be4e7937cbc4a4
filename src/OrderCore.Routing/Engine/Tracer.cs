using System.Globalization;
using NodaTime.Text;
using OrderCore.Fulfilment;
using OrderCore.Routing.Rules;

namespace OrderCore.Routing.Engine;

/// <summary>Collects the trace of one routing call (only when tracing is on).</summary>
internal sealed class Tracer
{
    private string _plan = "";

    public List<RuleTrace> Rules { get; } = new();

    public List<LocationTrace> Locations { get; } = new();

    public List<string> Notes { get; } = new();

    public void SetPlan(string plan) => _plan = plan;

    /// <summary>Records every location of the rule set under the rule being planned, and negative balances counted as zero.</summary>
    public void AddLocations(PlanContext ctx, int[] ranked, int eligible)
    {
        var set = ctx.Inventory.RuleSet;
        var ws = ctx.Ws;
        var rule = ctx.Rule;
        var s = ctx.Inventory.StatusCount;
        var position = new Dictionary<int, int>();
        for (var i = 0; i < eligible; i++) position[ranked[i]] = i + 1;
        for (var loc = 0; loc < set.Compiled.Length; loc++)
        {
            var location = set.Compiled[loc];
            if (rule.NotCandidateReason[loc] is { } why)
            {
                Locations.Add(new LocationTrace(rule.Name, location.Id, false, why, double.NaN, 0, null));
                continue;
            }
            var units = ctx.Units(loc);
            var date = ctx.ComputeDates ? ws.ShipDates[loc] : (NodaTime.LocalDate?)null;
            if (!ws.Eligible[loc])
            {
                Locations.Add(new LocationTrace(rule.Name, location.Id, false, ws.Why[loc] ?? "not eligible", double.NaN, units, date));
                continue;
            }
            var parts = new List<string>();
            for (var sk = 0; sk < ctx.K; sk++) parts.Add($"{ws.Skus[sk]} {ws.Avail[loc * ctx.K + sk]}/{ws.Need[sk]}");
            var summary = $"rank {position[loc]}; usable/needed: {string.Join(", ", parts)}{(ctx.Fills(loc) ? "; fills the order" : "; partial")}"
                + (rule.NeedsDistance ? string.Create(CultureInfo.InvariantCulture, $"; {ws.Distance[loc]:0} km") : "")
                + (date is { } d ? $"; ships {LocalDatePattern.Iso.Format(d)}" : "");
            Locations.Add(new LocationTrace(rule.Name, location.Id, true, summary, ctx.Score(loc), units, date));
        }
        for (var sk = 0; sk < ctx.K; sk++)
        {
            if (ws.SkuIdx[sk] < 0 || ctx.Inventory.StockAt(ws.SkuIdx[sk]) is not { Negative: { } negative } stock) continue;
            for (var loc = 0; loc < set.Compiled.Length; loc++)
            {
                for (var st = 0; st < s; st++)
                {
                    var n = negative[loc * s + st];
                    if (n < 0) Notes.Add($"negative balance: {stock.Sku} at {set.Compiled[loc].Id} [{ctx.Inventory.Statuses[st]}] has {n} available, counted as 0");
                }
            }
        }
    }

    public IReadOnlyList<string> Flatten()
    {
        var lines = new List<string>();
        foreach (var r in Rules)
        {
            lines.Add(r.Matched ? $"rule '{r.Rule}': matched; {r.Detail}" : $"rule '{r.Rule}': skipped; {r.Detail}");
            foreach (var l in Locations)
            {
                if (l.Rule != r.Rule) continue;
                lines.Add(l.Eligible
                    ? string.Create(CultureInfo.InvariantCulture, $"  {l.Location}: eligible, score {l.Score:0.##}; {l.Reason}")
                    : $"  {l.Location}: excluded; {l.Reason}");
            }
        }
        foreach (var n in Notes.Distinct(StringComparer.Ordinal)) lines.Add("note: " + n);
        lines.Add("plan: " + _plan);
        return lines;
    }

    public RoutingExplanation Explain() => new(Rules.ToArray(), Locations.ToArray(), _plan, Notes.Distinct(StringComparer.Ordinal).ToArray());
}
