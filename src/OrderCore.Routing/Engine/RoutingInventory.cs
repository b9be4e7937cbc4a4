using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Routing.Rules;

namespace OrderCore.Routing.Engine;

/// <summary>
/// One owner's inventory indexed for a <see cref="RoutingRuleSet"/>: per SKU, the usable units at each (location, status)
/// of the rule set. Built once from balances (a store read, a file) and then routed against many times; the engine's fast
/// path reads it without allocating.
/// </summary>
/// <remarks>
/// <para>Usable units of a balance are its available units (on hand − reserved) floored at zero: a negative balance
/// contributes 0 and never hides stock elsewhere; it is kept aside and reported in traces
/// (<see cref="NegativeAvailable"/>). Balances at locations the rule set does not know are ignored. Balances of other
/// owners are rejected.</para>
/// <para><see cref="Apply"/> subtracts a routed decision from the snapshot (what a reservation would do), so a
/// simulation can route orders in sequence without touching the real store.</para>
/// </remarks>
/// <threadsafety>Concurrent reads (routing) are safe; <see cref="Apply"/> must not run concurrently with anything else.</threadsafety>
public sealed class RoutingInventory
{
    private readonly Dictionary<Sku, SkuStock> _stock;
    private readonly Dictionary<InventoryStatus, int> _statusIndex;

    private RoutingInventory(RoutingRuleSet ruleSet, OwnerId owner, InventoryStatus[] statuses, Dictionary<InventoryStatus, int> statusIndex, Dictionary<Sku, SkuStock> stock)
    {
        RuleSet = ruleSet;
        Owner = owner;
        Statuses = statuses;
        _statusIndex = statusIndex;
        _stock = stock;
        StatusCount = statuses.Length;
    }

    /// <summary>The rule set the snapshot is indexed for.</summary>
    public RoutingRuleSet RuleSet { get; }

    /// <summary>The owner whose stock this is.</summary>
    public OwnerId Owner { get; }

    /// <summary>The statuses indexed: the rule set's statuses first, then any other status the balances hold, in ordinal order.</summary>
    public IReadOnlyList<InventoryStatus> Statuses { get; }

    /// <summary>The number of SKUs with at least one balance at a known location.</summary>
    public int SkuCount => _stock.Count;

    internal int StatusCount { get; }

    /// <summary>Indexes <paramref name="balances"/> of <paramref name="owner"/> for <paramref name="ruleSet"/>.</summary>
    /// <exception cref="ArgumentException">A balance belongs to another owner, or the owner is the default value.</exception>
    public static RoutingInventory Create(RoutingRuleSet ruleSet, OwnerId owner, IEnumerable<InventoryBalance> balances)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(balances);
        if (owner.IsDefault) throw new ArgumentException("An owner is required.", nameof(owner));
        var list = balances as IReadOnlyCollection<InventoryBalance> ?? balances.ToArray();
        var statuses = new List<InventoryStatus>(ruleSet.StatusTable);
        var statusIndex = new Dictionary<InventoryStatus, int>();
        for (var i = 0; i < statuses.Count; i++) statusIndex[statuses[i]] = i;
        var extra = new SortedSet<InventoryStatus>();
        foreach (var b in list)
        {
            if (b.Key.Owner != owner) throw new ArgumentException($"Balance {b.Key} belongs to another owner than {owner}.", nameof(balances));
            if (!statusIndex.ContainsKey(b.Key.Status)) extra.Add(b.Key.Status);
        }
        // Other statuses in ordinal order, so the index (and traces) do not depend on the order balances come in.
        foreach (var st in extra)
        {
            statusIndex[st] = statuses.Count;
            statuses.Add(st);
        }
        var s = statuses.Count;
        var l = ruleSet.Compiled.Length;
        var stock = new Dictionary<Sku, SkuStock>();
        var lots = new Dictionary<Sku, List<LotEntry>>();
        foreach (var b in list)
        {
            var loc = ruleSet.IndexOf(b.Key.Location);
            if (loc < 0) continue;
            if (!stock.TryGetValue(b.Key.Sku, out var st)) stock[b.Key.Sku] = st = new SkuStock(b.Key.Sku, new int[l * s]);
            var cell = loc * s + statusIndex[b.Key.Status];
            st.Cells[cell] = checked(st.Cells[cell] + Math.Max(b.Available, 0));
            if (b.Available < 0)
            {
                st.Negative ??= new int[l * s];
                st.Negative[cell] = checked(st.Negative[cell] + b.Available);
            }
            if (!lots.TryGetValue(b.Key.Sku, out var entries)) lots[b.Key.Sku] = entries = new List<LotEntry>();
            entries.Add(new LotEntry(cell, b.Key.Lot, b.Available));
        }
        foreach (var (sku, entries) in lots)
        {
            // Only SKUs with lots, or with several balances in one cell, need the per-balance list to draw from.
            var needsList = entries.Any(e => e.Lot is not null);
            if (!needsList) continue;
            entries.Sort((x, y) =>
            {
                var c = x.Cell.CompareTo(y.Cell);
                return c != 0 ? c : string.CompareOrdinal(x.Lot?.Code, y.Lot?.Code);
            });
            stock[sku].Lots = entries.ToArray();
        }
        return new RoutingInventory(ruleSet, owner, statuses.ToArray(), statusIndex, stock);
    }

    /// <summary>Usable units (floored at zero, summed over lots) of a SKU at a location in a status; 0 when unknown.</summary>
    public int Usable(Sku sku, LocationId location, InventoryStatus status)
    {
        var loc = RuleSet.IndexOf(location);
        if (loc < 0 || !_statusIndex.TryGetValue(status, out var si) || !_stock.TryGetValue(sku, out var st)) return 0;
        return st.Cells[loc * StatusCount + si];
    }

    /// <summary>The sum of negative availability of a SKU at a location in a status (≤ 0): what was counted as zero.</summary>
    public int NegativeAvailable(Sku sku, LocationId location, InventoryStatus status)
    {
        var loc = RuleSet.IndexOf(location);
        if (loc < 0 || !_statusIndex.TryGetValue(status, out var si) || !_stock.TryGetValue(sku, out var st) || st.Negative is null) return 0;
        return st.Negative[loc * StatusCount + si];
    }

    /// <summary>
    /// Subtracts what a routed decision draws, as a reservation would. A decision that is not routed changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A line belongs to another owner, names a location or status this snapshot does not index, or draws more than is usable: the decision was not made against this snapshot.</exception>
    public void Apply(RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.IsRouted) return;
        foreach (var line in decision.Lines) Take(line.Key, line.Quantity, dryRun: true);
        foreach (var line in decision.Lines) Take(line.Key, line.Quantity, dryRun: false);
    }

    private void Take(BalanceKey key, int quantity, bool dryRun)
    {
        if (key.Owner != Owner) throw new ArgumentException($"{key} belongs to another owner than {Owner}.", nameof(key));
        var loc = RuleSet.IndexOf(key.Location);
        if (loc < 0 || !_statusIndex.TryGetValue(key.Status, out var si) || !_stock.TryGetValue(key.Sku, out var st)) throw new ArgumentException($"{key} is not in this inventory.", nameof(key));
        var cell = loc * StatusCount + si;
        if (st.Lots is { } lots)
        {
            for (var i = 0; i < lots.Length; i++)
            {
                if (lots[i].Cell != cell || lots[i].Lot != key.Lot) continue;
                if (lots[i].Available < quantity) throw new ArgumentException($"{key} has {Math.Max(lots[i].Available, 0)} usable, fewer than {quantity}.", nameof(key));
                if (dryRun) return;
                lots[i] = lots[i] with { Available = lots[i].Available - quantity };
                st.Cells[cell] -= quantity;
                return;
            }
            throw new ArgumentException($"{key} is not in this inventory.", nameof(key));
        }
        if (key.Lot is not null || st.Cells[cell] < quantity) throw new ArgumentException($"{key} has {st.Cells[cell]} usable, fewer than {quantity}.", nameof(key));
        if (!dryRun) st.Cells[cell] -= quantity;
    }

    internal SkuStock? Find(Sku sku) => _stock.GetValueOrDefault(sku);

    internal int StatusIndexOf(InventoryStatus status) => _statusIndex.TryGetValue(status, out var i) ? i : -1;
}

/// <summary>The indexed stock of one SKU: usable units per (location × status) cell, negatives, and balances by lot.</summary>
internal sealed class SkuStock(Sku sku, int[] cells)
{
    public Sku Sku { get; } = sku;

    /// <summary>Usable units per cell <c>location × statusCount + status</c>.</summary>
    public int[] Cells { get; } = cells;

    /// <summary>Negative availability per cell, when any balance is negative.</summary>
    public int[]? Negative { get; set; }

    /// <summary>Every balance, sorted by cell then lot code, when the SKU is lot-tracked; null otherwise (one balance per cell, no lot).</summary>
    public LotEntry[]? Lots { get; set; }
}

/// <summary>One balance of a lot-tracked SKU.</summary>
internal readonly record struct LotEntry(int Cell, Lot? Lot, int Available);
