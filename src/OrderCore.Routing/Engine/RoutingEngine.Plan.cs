using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Routing.Geo;
using OrderCore.Routing.Rules;

namespace OrderCore.Routing.Engine;

public sealed partial class RoutingEngine
{
    /// <summary>Plans the order under one matching rule: a routed decision, or null with the shortages when the rule cannot fill it.</summary>
    private RoutingDecision? Plan(CompiledRule rule, RoutingRequest request, RoutingInventory inventory, Workspace ws, int k, Tracer? t, out RoutingShortage[] shortages)
    {
        shortages = [];
        var locs = RuleSet.Compiled;
        var l = locs.Length;
        ws.EnsureLocations(l, k);
        Array.Clear(ws.Evaluated, 0, l);
        var then = rule.Then;
        var cand = rule.Candidates;

        var anyRequestExcluded = false;
        if (request.ExcludedLocations is { Count: > 0 } excluded)
        {
            Array.Clear(ws.RequestExcluded, 0, l);
            foreach (var id in excluded)
            {
                var i = RuleSet.IndexOf(id);
                if (i >= 0) ws.RequestExcluded[i] = anyRequestExcluded = true;
            }
        }
        GeoPoint? destination = null;
        if (rule.NeedsDistance && request.ShipTo is { } shipTo)
        {
            if (_geo.TryResolve(shipTo, out var resolved))
            {
                destination = resolved.Point;
                t?.Notes.Add($"destination {shipTo.CountryCode}/{shipTo.Region ?? "-"}/{shipTo.PostalCode ?? "-"} placed at {resolved.Point} by {resolved.Precision}");
            }
            else t?.Notes.Add($"destination {shipTo.CountryCode ?? "-"}/{shipTo.Region ?? "-"} could not be placed: distances unknown");
        }
        else if (rule.NeedsDistance) t?.Notes.Add("the order has no destination: distances unknown");
        var computeDates = rule.NeedsShipDate && request.AsOf is not null;
        var ctx = new PlanContext(rule, request, inventory, ws, k, anyRequestExcluded, destination, computeDates, t);

        // Ranking equals preference order for priority and fewest-shipments (when ship dates do not come first): the
        // first eligible location that fills wins, so the scan can stop there when nobody asks for a trace.
        var rankIsPreference = (then.Strategy is RoutingStrategy.Priority or RoutingStrategy.FewestShipments) && !(then.PreferEarliestShipDate && computeDates);
        var chosen = -1;
        if (rankIsPreference && t is null && then.Split.Kind != SplitKind.Allowed)
        {
            if (cand.Length > 0) ws.Touch = Touch(inventory, ws, k, cand[0]);
            for (var i = 0; i < cand.Length && chosen < 0; i++)
            {
                var loc = cand[i];
                if (ctx.Evaluate(loc) && ctx.Fills(loc)) chosen = loc;
            }
            if (chosen >= 0) return Build(ctx, chosen);
        }
        for (var i = 0; i < cand.Length; i++) ws.RankOf[cand[i]] = i;
        for (var i = 0; i < cand.Length; i++) ctx.Evaluate(cand[i]);
        var ranked = ws.Ranked;
        var e = 0;
        for (var i = 0; i < cand.Length; i++)
        {
            if (ws.Eligible[cand[i]]) ranked[e++] = cand[i];
        }
        if (!rankIsPreference)
        {
            for (var i = 1; i < e; i++)
            {
                var x = ranked[i];
                var j = i - 1;
                while (j >= 0 && ctx.Compare(ranked[j], x) > 0)
                {
                    ranked[j + 1] = ranked[j];
                    j--;
                }
                ranked[j + 1] = x;
            }
        }
        for (var i = 0; i < e && chosen < 0; i++)
        {
            if (ctx.Fills(ranked[i])) chosen = ranked[i];
        }
        t?.AddLocations(ctx, ranked, e);

        var split = then.Split.Kind;
        if (split == SplitKind.Allowed && then.Strategy != RoutingStrategy.FewestShipments) chosen = -1; // spill in rank order
        if (chosen >= 0) return Build(ctx, chosen);
        if (split != SplitKind.Never)
        {
            var cover = split == SplitKind.AtMost || then.Strategy == RoutingStrategy.FewestShipments;
            var shipments = cover ? ctx.Cover(ranked, e) : ctx.Spill(ranked, e);
            if (shipments > 0 && (split != SplitKind.AtMost || shipments <= then.Split.MaxShipments)) return Build(ctx, -1);
            if (shipments > 0) t?.Notes.Add($"a split needs {shipments} shipments, more than at_most {then.Split.MaxShipments}");
        }
        shortages = ctx.Shortages(ranked, e);
        return null;
    }

    /// <summary>Turns the plan (one location, or the takes in the workspace) into the decision: balances drawn, shipments, ship dates.</summary>
    private RoutingDecision Build(PlanContext ctx, int single)
    {
        var ws = ctx.Ws;
        var request = ctx.Request;
        var inventory = ctx.Inventory;
        var rule = ctx.Rule;
        var s = inventory.StatusCount;
        var statuses = rule.Statuses;
        var lines = request.Lines;
        int takes;
        if (single >= 0)
        {
            takes = lines.Count;
            Workspace.Grow(ref ws.TakeLine, takes);
            Workspace.Grow(ref ws.TakeLoc, takes);
            Workspace.Grow(ref ws.TakeQty, takes);
            for (var i = 0; i < takes; i++)
            {
                ws.TakeLine[i] = i;
                ws.TakeLoc[i] = single;
                ws.TakeQty[i] = lines[i].Quantity;
            }
        }
        else takes = ctx.Takes;

        var draws = 0;
        var routed = 0;
        for (var ti = 0; ti < takes; ti++)
        {
            var j = ws.TakeLine[ti];
            var loc = ws.TakeLoc[ti];
            var q = ws.TakeQty[ti];
            var sk = ws.LineSku[j];
            var baseCell = ws.SkuBase[sk];
            var skuLots = ws.SkuLots[sk];
            var sku = lines[j].Sku;
            var locId = RuleSet.Compiled[loc].Id;
            for (var si = 0; si < statuses.Length && q > 0; si++)
            {
                var cell = loc * s + statuses[si];
                if (skuLots is null)
                {
                    var usable = inventory.Cells[baseCell + cell] - Drawn(ws, draws, sk, cell);
                    var take = Math.Min(q, usable);
                    if (take <= 0) continue;
                    Workspace.Grow(ref ws.Routed, routed);
                    Workspace.Grow(ref ws.RoutedLoc, routed);
                    ws.RoutedLoc[routed] = loc;
                    ws.Routed[routed++] = new RoutedLine(lines[j].Line, new BalanceKey(request.Owner, sku, locId, inventory.Statuses[statuses[si]]), take);
                    draws = AddDrawn(ws, draws, sk, cell, take);
                    q -= take;
                    continue;
                }
                for (var li = 0; li < skuLots.Length && q > 0; li++)
                {
                    if (skuLots[li].Cell != cell) continue;
                    var usable = Math.Max(skuLots[li].Available, 0) - Drawn(ws, draws, sk, -1 - li);
                    var take = Math.Min(q, usable);
                    if (take <= 0) continue;
                    Workspace.Grow(ref ws.Routed, routed);
                    Workspace.Grow(ref ws.RoutedLoc, routed);
                    ws.RoutedLoc[routed] = loc;
                    ws.Routed[routed++] = new RoutedLine(lines[j].Line, new BalanceKey(request.Owner, sku, locId, inventory.Statuses[statuses[si]], skuLots[li].Lot), take);
                    draws = AddDrawn(ws, draws, sk, -1 - li, take);
                    q -= take;
                }
            }
            if (q != 0) throw new InvalidOperationException($"Routing plan for {request.OrderId} under rule '{rule.Name}' drew {q} units more than usable: this is a bug.");
        }
        var result = new RoutedLine[routed];
        Array.Copy(ws.Routed, result, routed);

        // Shipments: one per location, in order of first appearance.
        var shipmentCount = 0;
        for (var i = 0; i < routed; i++)
        {
            var loc = ws.RoutedLoc[i];
            var seen = false;
            for (var x = 0; x < shipmentCount && !seen; x++) seen = ws.ShipmentLoc[x] == loc;
            if (seen) continue;
            Workspace.Grow(ref ws.ShipmentLoc, shipmentCount);
            ws.ShipmentLoc[shipmentCount++] = loc;
        }
        var then = rule.Then;
        var shipments = new RoutedShipment[shipmentCount];
        for (var x = 0; x < shipmentCount; x++)
        {
            var loc = ws.ShipmentLoc[x];
            var location = RuleSet.Compiled[loc];
            LocalDate? date = request.AsOf is { } asOf ? (ctx.ComputeDates ? ws.ShipDates[loc] : location.ShipDate(asOf)) : null;
            IReadOnlyList<RoutedLine> shipmentLines;
            if (shipmentCount == 1) shipmentLines = result;
            else
            {
                var n = 0;
                for (var i = 0; i < routed; i++) if (ws.RoutedLoc[i] == loc) n++;
                var part = new RoutedLine[n];
                n = 0;
                for (var i = 0; i < routed; i++) if (ws.RoutedLoc[i] == loc) part[n++] = result[i];
                shipmentLines = part;
            }
            shipments[x] = new RoutedShipment(location.Id, then.WorkQueue, then.ShipMethod, date, shipmentLines);
        }
        if (ctx.Tracing)
        {
            ctx.Trace!.SetPlan(string.Join("; ", shipments.Select(sh =>
                $"{sh.Location} → {sh.WorkQueue}{(sh.ShipMethod is null ? "" : " via " + sh.ShipMethod)}{(sh.ExpectedShipDate is { } d ? ", ships " + LocalDatePattern.Iso.Format(d) : "")}: " +
                string.Join(", ", sh.Lines.Select(x => $"{x.Key.Sku}×{x.Quantity}[{x.Key.Status}]{(x.Key.Lot is { } lot ? "#" + lot.Code : "")}"))))
                + $" ({shipmentCount} shipment{(shipmentCount == 1 ? "" : "s")}, rule '{rule.Name}')");
        }
        return new RoutingDecision(true, result, [], []) { Rule = rule.Name, Shipments = shipments };
    }

    /// <summary>Reads each SKU's cells at the first candidate so their cache misses overlap before the scan needs them.</summary>
    private static int Touch(RoutingInventory inventory, Workspace ws, int k, int loc)
    {
        var all = inventory.Cells;
        var at = loc * inventory.StatusCount;
        var sum = 0;
        for (var sk = 0; sk < k; sk++)
        {
            if (ws.SkuBase[sk] >= 0) sum += all[ws.SkuBase[sk] + at];
        }
        return sum;
    }

    private static int Drawn(Workspace ws, int draws, int sku, int cell)
    {
        var total = 0;
        for (var i = 0; i < draws; i++)
        {
            if (ws.DrawSku[i] == sku && ws.DrawCell[i] == cell) total += ws.DrawQty[i];
        }
        return total;
    }

    private static int AddDrawn(Workspace ws, int draws, int sku, int cell, int quantity)
    {
        Workspace.Grow(ref ws.DrawSku, draws);
        Workspace.Grow(ref ws.DrawCell, draws);
        Workspace.Grow(ref ws.DrawQty, draws);
        ws.DrawSku[draws] = sku;
        ws.DrawCell[draws] = cell;
        ws.DrawQty[draws] = quantity;
        return draws + 1;
    }
}

/// <summary>The inputs of planning one order under one rule; a struct, so planning allocates nothing. Scratch state lives in the <see cref="Workspace"/>.</summary>
internal readonly struct PlanContext
{
    public PlanContext(CompiledRule rule, RoutingRequest request, RoutingInventory inventory, Workspace ws, int k, bool anyRequestExcluded, GeoPoint? destination, bool computeDates, Tracer? trace)
    {
        Rule = rule;
        Request = request;
        Inventory = inventory;
        Ws = ws;
        K = k;
        AnyRequestExcluded = anyRequestExcluded;
        Destination = destination;
        ComputeDates = computeDates;
        Trace = trace;
    }

    public CompiledRule Rule { get; }

    public RoutingRequest Request { get; }

    public RoutingInventory Inventory { get; }

    public Workspace Ws { get; }

    public int K { get; }

    public bool AnyRequestExcluded { get; }

    public GeoPoint? Destination { get; }

    public bool ComputeDates { get; }

    public bool Tracing => Trace is not null;

    public Tracer? Trace { get; }

    /// <summary>The number of takes the last <see cref="Spill"/> or <see cref="Cover"/> wrote (stored in the workspace).</summary>
    public int Takes => Ws.TakeCount;

    /// <summary>Decides whether a candidate location is eligible and computes its usable units per SKU; memoised per plan.</summary>
    public bool Evaluate(int loc)
    {
        var ws = Ws;
        if (ws.Evaluated[loc]) return ws.Eligible[loc];
        ws.Evaluated[loc] = true;
        string? why = null;
        var location = Inventory.RuleSet.Compiled[loc];
        if (AnyRequestExcluded && ws.RequestExcluded[loc]) why = "excluded by the request (re-route)";
        if (Rule.NeedsDistance)
        {
            var d = Destination is { } dest && location.Point is { } p ? p.DistanceKmTo(dest) : double.PositiveInfinity;
            ws.Distance[loc] = d;
            if (why is null && Rule.Then.MaxDistanceKm is { } max && d > max && !double.IsPositiveInfinity(d))
            {
                why = Tracing ? string.Create(CultureInfo.InvariantCulture, $"distance {d:0} km is more than max_distance_km {max}") : "distance";
            }
        }
        if (ComputeDates)
        {
            var date = location.ShipDate(Request.AsOf!.Value);
            ws.ShipDates[loc] = date;
            if (why is null && Rule.Then.ShipBy == ShipByPolicy.ExcludeLate && Request.ShipBy is { } shipBy && location.LeavesAt(date) > shipBy)
            {
                why = Tracing ? $"cutoff: ships {LocalDatePattern.Iso.Format(date)}, after ship-by {InstantPattern.General.Format(shipBy)}" : "cutoff";
            }
        }
        var s = Inventory.StatusCount;
        var statuses = Rule.Statuses;
        var total = 0;
        var all = Inventory.Cells;
        for (var sk = 0; sk < K; sk++)
        {
            var units = 0;
            var b = ws.SkuBase[sk];
            if (b >= 0)
            {
                var baseCell = b + loc * s;
                for (var i = 0; i < statuses.Length; i++) units += all[baseCell + statuses[i]];
            }
            ws.Avail[loc * K + sk] = units;
            total += units;
        }
        if (why is null && total == 0) why = Tracing ? NoStockReason(loc) : "no stock";
        ws.Why[loc] = why;
        ws.Eligible[loc] = why is null;
        return why is null;
    }

    private string NoStockReason(int loc)
    {
        var s = Inventory.StatusCount;
        var other = new List<string>();
        var negative = new List<string>();
        for (var sk = 0; sk < K; sk++)
        {
            if (Ws.SkuIdx[sk] is var index && index < 0) continue;
            var stock = Inventory.StockAt(index);
            for (var st = 0; st < s; st++)
            {
                var eligibleStatus = Rule.Statuses.Contains(st);
                if (eligibleStatus && stock.Negative is { } n && n[loc * s + st] < 0) negative.Add($"{stock.Sku} has {n[loc * s + st]} available in {Inventory.Statuses[st]}, counted as 0");
                if (eligibleStatus) continue;
                var units = Inventory.Cells[Ws.SkuBase[sk] + loc * s + st];
                if (units > 0) other.Add($"{stock.Sku} {units} in {Inventory.Statuses[st]}");
            }
        }
        if (negative.Count > 0) other.InsertRange(0, negative);
        var inventory = Inventory;
        var eligible = string.Join(", ", Rule.Statuses.Select(x => inventory.Statuses[x].Name));
        if (other.Count == 0) return $"no stock in eligible statuses [{eligible}]";
        return negative.Count == other.Count
            ? $"no stock in eligible statuses [{eligible}] ({string.Join(", ", negative)})"
            : $"no stock in eligible statuses [{eligible}] ({string.Join(", ", other)}{(other.Count > negative.Count ? ": status not eligible" : "")})";
    }

    /// <summary>True when the location has every SKU's summed demand.</summary>
    public bool Fills(int loc)
    {
        var ws = Ws;
        for (var sk = 0; sk < K; sk++)
        {
            if (ws.Avail[loc * K + sk] < ws.Need[sk]) return false;
        }
        return true;
    }

    public int Units(int loc)
    {
        var total = 0;
        for (var sk = 0; sk < K; sk++) total += Ws.Avail[loc * K + sk];
        return total;
    }

    public int Covered(int loc)
    {
        var total = 0;
        for (var sk = 0; sk < K; sk++) total += Math.Min(Ws.Avail[loc * K + sk], Ws.Need[sk]);
        return total;
    }

    /// <summary>Orders two eligible locations: ship date (when preferred), strategy key, preference order.</summary>
    public int Compare(int a, int b)
    {
        var ws = Ws;
        int c;
        if (Rule.Then.PreferEarliestShipDate && ComputeDates)
        {
            c = ws.ShipDates[a].CompareTo(ws.ShipDates[b]);
            if (c != 0) return c;
        }
        c = Rule.Then.Strategy switch
        {
            RoutingStrategy.MostAvailable => Units(b).CompareTo(Units(a)),
            RoutingStrategy.Nearest => ws.Distance[a].CompareTo(ws.Distance[b]),
            RoutingStrategy.FewestShipments => Fills(b).CompareTo(Fills(a)) is var f && f != 0 ? f : Covered(b).CompareTo(Covered(a)),
            _ => 0,
        };
        return c != 0 ? c : ws.RankOf[a].CompareTo(ws.RankOf[b]);
    }

    public double Score(int loc) => Rule.Then.Strategy switch
    {
        RoutingStrategy.MostAvailable => Units(loc),
        RoutingStrategy.Nearest => Ws.Distance[loc],
        RoutingStrategy.FewestShipments => Covered(loc),
        _ => Ws.RankOf[loc],
    };

    /// <summary>Groups the demand lines into items: a kit line's components form one item when kits ship together.</summary>
    private int Items()
    {
        var ws = Ws;
        var lines = Request.Lines;
        var d = lines.Count;
        var together = Rule.Then.KitsShipTogether;
        var items = 0;
        for (var i = 0; i < d; i++)
        {
            var item = together ? ws.LineItem[i] : i;
            if (item >= items) items = item + 1;
        }
        Array.Clear(ws.ItemCount, 0, items);
        for (var i = 0; i < d; i++) ws.ItemCount[together ? ws.LineItem[i] : i]++;
        var start = 0;
        for (var it = 0; it < items; it++)
        {
            ws.ItemFirst[it] = start;
            start += ws.ItemCount[it];
            ws.ItemCount[it] = 0;
        }
        for (var i = 0; i < d; i++)
        {
            var it = together ? ws.LineItem[i] : i;
            ws.ItemLines[ws.ItemFirst[it] + ws.ItemCount[it]++] = i;
            ws.ItemRemaining[it] = ws.ItemCount[it] > 1 || lines[i].Kit is not null && together ? 1 : lines[i].Quantity;
        }
        return items;
    }

    private bool Atomic(int item) => Rule.Then.KitsShipTogether && Request.Lines[Ws.ItemLines[Ws.ItemFirst[item]]].Kit is not null;

    /// <summary>Units location <paramref name="loc"/> could take of the remaining demand (kit items whole or not at all).</summary>
    private int Coverage(int loc, int items)
    {
        var ws = Ws;
        var total = 0;
        for (var it = 0; it < items; it++)
        {
            if (ws.ItemRemaining[it] == 0) continue;
            if (Atomic(it))
            {
                if (FitsWhole(loc, it)) for (var x = 0; x < ws.ItemCount[it]; x++) total += Request.Lines[ws.ItemLines[ws.ItemFirst[it] + x]].Quantity;
                continue;
            }
            var j = ws.ItemLines[ws.ItemFirst[it]];
            var cell = loc * K + ws.LineSku[j];
            total += Math.Min(ws.ItemRemaining[it], ws.Avail[cell] - ws.Used[cell]);
        }
        return total;
    }

    private bool FitsWhole(int loc, int item)
    {
        var ws = Ws;
        for (var x = 0; x < ws.ItemCount[item]; x++)
        {
            var j = ws.ItemLines[ws.ItemFirst[item] + x];
            var cell = loc * K + ws.LineSku[j];
            var need = Request.Lines[j].Quantity;
            // Components of one kit are distinct SKUs (KitDefinition forbids repeats), so each is checked on its own.
            if (ws.Avail[cell] - ws.Used[cell] < need) return false;
        }
        return true;
    }

    /// <summary>Takes what location <paramref name="loc"/> can give to the remaining items; returns the units taken.</summary>
    private int TakeAt(int loc, int items)
    {
        var ws = Ws;
        var taken = 0;
        for (var it = 0; it < items; it++)
        {
            if (ws.ItemRemaining[it] == 0) continue;
            if (Atomic(it))
            {
                if (!FitsWhole(loc, it)) continue;
                for (var x = 0; x < ws.ItemCount[it]; x++)
                {
                    var j = ws.ItemLines[ws.ItemFirst[it] + x];
                    var q = Request.Lines[j].Quantity;
                    AddTake(j, loc, q);
                    ws.Used[loc * K + ws.LineSku[j]] += q;
                    taken += q;
                }
                ws.ItemRemaining[it] = 0;
                continue;
            }
            var line = ws.ItemLines[ws.ItemFirst[it]];
            var cell = loc * K + ws.LineSku[line];
            var take = Math.Min(ws.ItemRemaining[it], ws.Avail[cell] - ws.Used[cell]);
            if (take <= 0) continue;
            AddTake(line, loc, take);
            ws.Used[cell] += take;
            ws.ItemRemaining[it] -= take;
            taken += take;
        }
        return taken;
    }

    private void AddTake(int line, int loc, int quantity)
    {
        var ws = Ws;
        var n = ws.TakeCount;
        Workspace.Grow(ref ws.TakeLine, n);
        Workspace.Grow(ref ws.TakeLoc, n);
        Workspace.Grow(ref ws.TakeQty, n);
        ws.TakeLine[n] = line;
        ws.TakeLoc[n] = loc;
        ws.TakeQty[n] = quantity;
        ws.TakeCount = n + 1;
    }

    private bool Done(int items)
    {
        for (var it = 0; it < items; it++) if (Ws.ItemRemaining[it] != 0) return false;
        return true;
    }

    private int ShipmentsOfTakes()
    {
        var ws = Ws;
        var count = 0;
        for (var i = 0; i < ws.TakeCount; i++)
        {
            var first = true;
            for (var j = 0; j < i && first; j++) first = ws.TakeLoc[j] != ws.TakeLoc[i];
            if (first) count++;
        }
        return count;
    }

    /// <summary>Spills the demand over the ranked locations in order. Returns the number of shipments, or 0 when it cannot cover.</summary>
    public int Spill(int[] ranked, int count)
    {
        var ws = Ws;
        Array.Clear(ws.Used, 0, Inventory.RuleSet.Compiled.Length * K);
        ws.TakeCount = 0;
        var items = Items();
        for (var r = 0; r < count && !Done(items); r++) TakeAt(ranked[r], items);
        return Done(items) ? ShipmentsOfTakes() : 0;
    }

    /// <summary>Greedy cover: each time the location that covers the most remaining units (earlier rank on ties). Returns the number of shipments, or 0.</summary>
    public int Cover(int[] ranked, int count)
    {
        var ws = Ws;
        Array.Clear(ws.Used, 0, Inventory.RuleSet.Compiled.Length * K);
        Array.Clear(ws.LocationUsed, 0, Inventory.RuleSet.Compiled.Length);
        ws.TakeCount = 0;
        var items = Items();
        while (!Done(items))
        {
            var best = -1;
            var bestCoverage = 0;
            for (var r = 0; r < count; r++)
            {
                var loc = ranked[r];
                if (ws.LocationUsed[loc]) continue;
                var c = Coverage(loc, items);
                if (c > bestCoverage)
                {
                    best = loc;
                    bestCoverage = c;
                }
            }
            if (best < 0) return 0;
            ws.LocationUsed[best] = true;
            TakeAt(best, items);
        }
        return ShipmentsOfTakes();
    }

    /// <summary>The SKUs no eligible location covers (or every SKU, when each is covered somewhere but not together).</summary>
    public RoutingShortage[] Shortages(int[] ranked, int count)
    {
        var ws = Ws;
        var best = new int[K];
        for (var r = 0; r < count; r++)
        {
            for (var sk = 0; sk < K; sk++) best[sk] = Math.Max(best[sk], ws.Avail[ranked[r] * K + sk]);
        }
        var list = new List<RoutingShortage>();
        for (var sk = 0; sk < K; sk++)
        {
            if (best[sk] < ws.Need[sk]) list.Add(new RoutingShortage(ws.Skus[sk], ws.Need[sk], best[sk]));
        }
        if (list.Count == 0)
        {
            for (var sk = 0; sk < K; sk++) list.Add(new RoutingShortage(ws.Skus[sk], ws.Need[sk], best[sk]));
        }
        return list.ToArray();
    }
}
