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
    private readonly Dictionary<InventoryStatus, int> _statusIndex;
    private readonly Entry[] _table;
    private readonly int _mask;
    private readonly SkuStock[] _skus;

    private RoutingInventory(RoutingRuleSet ruleSet, OwnerId owner, InventoryStatus[] statuses, Dictionary<InventoryStatus, int> statusIndex, SkuStock[] skus, int[] cells)
    {
        RuleSet = ruleSet;
        Owner = owner;
        Statuses = statuses;
        _statusIndex = statusIndex;
        StatusCount = statuses.Length;
        CellsPerSku = ruleSet.Compiled.Length * statuses.Length;
        _skus = skus;
        Cells = cells;
        // Open addressing, linear probing, load ≤ 1/2: one probe reads the hash, the key and the index from one entry.
        var capacity = 4;
        while (capacity < skus.Length * 2) capacity *= 2;
        _table = new Entry[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < skus.Length; i++)
        {
            var hash = skus[i].Sku.GetHashCode();
            var slot = hash & _mask;
            while (_table[slot].Index1 != 0) slot = (slot + 1) & _mask;
            var code = skus[i].Sku.Value;
            var key = InlineKey.Of(code);
            _table[slot] = new Entry(hash, i + 1, skus[i].Lots is not null, key, code.Length <= InlineKey.MaxChars ? null : code);
        }
    }

    /// <summary>The rule set the snapshot is indexed for.</summary>
    public RoutingRuleSet RuleSet { get; }

    /// <summary>The owner whose stock this is.</summary>
    public OwnerId Owner { get; }

    /// <summary>The statuses indexed: the rule set's statuses first, then any other status the balances hold, in ordinal order.</summary>
    public IReadOnlyList<InventoryStatus> Statuses { get; }

    /// <summary>The number of SKUs with at least one balance at a known location.</summary>
    public int SkuCount => _skus.Length;

    internal int StatusCount { get; }

    /// <summary>Cells per SKU: locations × statuses.</summary>
    internal int CellsPerSku { get; }

    /// <summary>Usable units of every SKU: cell <c>sku × CellsPerSku + location × StatusCount + status</c>.</summary>
    internal int[] Cells { get; }

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
        var skuIndex = new Dictionary<Sku, int>();
        var skuList = new List<SkuStock>();
        HashSet<int>? lotTracked = null;
        foreach (var b in list)
        {
            if (b.Key.Owner != owner) throw new ArgumentException($"Balance {b.Key} belongs to another owner than {owner}.", nameof(balances));
            if (!statusIndex.ContainsKey(b.Key.Status)) extra.Add(b.Key.Status);
            if (ruleSet.IndexOf(b.Key.Location) < 0) continue;
            if (!skuIndex.TryGetValue(b.Key.Sku, out var index))
            {
                skuIndex[b.Key.Sku] = index = skuList.Count;
                skuList.Add(new SkuStock(b.Key.Sku));
            }
            if (b.Key.Lot is not null) (lotTracked ??= new HashSet<int>()).Add(index);
        }
        // Other statuses in ordinal order, so the index (and traces) do not depend on the order balances come in.
        foreach (var st in extra)
        {
            statusIndex[st] = statuses.Count;
            statuses.Add(st);
        }
        var s = statuses.Count;
        var perSku = checked(ruleSet.Compiled.Length * s);
        var cells = new int[checked(skuList.Count * perSku)];
        var lots = new Dictionary<int, List<LotEntry>>();
        foreach (var b in list)
        {
            var loc = ruleSet.IndexOf(b.Key.Location);
            if (loc < 0) continue;
            var index = skuIndex[b.Key.Sku];
            var stock = skuList[index];
            var cell = loc * s + statusIndex[b.Key.Status];
            cells[index * perSku + cell] = checked(cells[index * perSku + cell] + Math.Max(b.Available, 0));
            if (b.Available < 0)
            {
                stock.Negative ??= new int[perSku];
                stock.Negative[cell] = checked(stock.Negative[cell] + b.Available);
            }
            // Only lot-tracked SKUs need the per-balance list to draw from; others have one balance per cell.
            if (lotTracked is null || !lotTracked.Contains(index)) continue;
            if (!lots.TryGetValue(index, out var entries)) lots[index] = entries = new List<LotEntry>();
            entries.Add(new LotEntry(cell, b.Key.Lot, b.Available));
        }
        foreach (var (index, entries) in lots)
        {
            entries.Sort((x, y) =>
            {
                var c = x.Cell.CompareTo(y.Cell);
                return c != 0 ? c : string.CompareOrdinal(x.Lot?.Code, y.Lot?.Code);
            });
            skuList[index].Lots = entries.ToArray();
        }
        return new RoutingInventory(ruleSet, owner, statuses.ToArray(), statusIndex, skuList.ToArray(), cells);
    }

    /// <summary>Usable units (floored at zero, summed over lots) of a SKU at a location in a status; 0 when unknown.</summary>
    public int Usable(Sku sku, LocationId location, InventoryStatus status)
    {
        var loc = RuleSet.IndexOf(location);
        var index = Lookup(sku, sku.GetHashCode(), out _);
        if (loc < 0 || index < 0 || !_statusIndex.TryGetValue(status, out var si)) return 0;
        return Cells[index * CellsPerSku + loc * StatusCount + si];
    }

    /// <summary>The sum of negative availability of a SKU at a location in a status (≤ 0): what was counted as zero.</summary>
    public int NegativeAvailable(Sku sku, LocationId location, InventoryStatus status)
    {
        var loc = RuleSet.IndexOf(location);
        var index = Lookup(sku, sku.GetHashCode(), out _);
        if (loc < 0 || index < 0 || !_statusIndex.TryGetValue(status, out var si) || _skus[index].Negative is not { } negative) return 0;
        return negative[loc * StatusCount + si];
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
        var index = Lookup(key.Sku, key.Sku.GetHashCode(), out _);
        if (loc < 0 || index < 0 || !_statusIndex.TryGetValue(key.Status, out var si)) throw new ArgumentException($"{key} is not in this inventory.", nameof(key));
        var cell = loc * StatusCount + si;
        var at = index * CellsPerSku + cell;
        if (_skus[index].Lots is { } lots)
        {
            for (var i = 0; i < lots.Length; i++)
            {
                if (lots[i].Cell != cell || lots[i].Lot != key.Lot) continue;
                if (lots[i].Available < quantity) throw new ArgumentException($"{key} has {Math.Max(lots[i].Available, 0)} usable, fewer than {quantity}.", nameof(key));
                if (dryRun) return;
                lots[i] = lots[i] with { Available = lots[i].Available - quantity };
                Cells[at] -= quantity;
                return;
            }
            throw new ArgumentException($"{key} is not in this inventory.", nameof(key));
        }
        if (key.Lot is not null || Cells[at] < quantity) throw new ArgumentException($"{key} has {Cells[at]} usable, fewer than {quantity}.", nameof(key));
        if (!dryRun) Cells[at] -= quantity;
    }

    /// <summary>The index of a SKU (whose hash code is <paramref name="hash"/>), or −1; whether it is lot-tracked.</summary>
    internal int Lookup(Sku sku, int hash, out bool hasLots)
    {
        var table = _table;
        var slot = hash & _mask;
        var code = sku.Value;
        var key = InlineKey.Of(code);
        var inline = code.Length <= InlineKey.MaxChars;
        while (true)
        {
            ref readonly var e = ref table[slot];
            if (e.Index1 == 0)
            {
                hasLots = false;
                return -1;
            }
            // SKU codes of up to 16 characters are compared inside the entry (no second cache miss on the stored string).
            if (e.Hash == hash && e.Key == key && (inline ? e.Long is null : string.Equals(e.Long, code, StringComparison.Ordinal)))
            {
                hasLots = e.HasLots;
                return e.Index1 - 1;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Touches the first slot of each hash so the loads of several SKUs are in flight together.</summary>
    internal int Prefetch(int[] hashes, int count)
    {
        var table = _table;
        var sum = 0;
        for (var i = 0; i < count; i++) sum += table[hashes[i] & _mask].Index1;
        return sum;
    }

    /// <summary>The cold data of a SKU (lots, negatives) by index.</summary>
    internal SkuStock StockAt(int index) => _skus[index];

    internal int StatusIndexOf(InventoryStatus status) => _statusIndex.TryGetValue(status, out var i) ? i : -1;

    /// <summary>One slot of the SKU table: the SKU's hash, its index + 1 (0 = empty), whether it has lots, its code inline (up to 16 characters) and, when longer, the code itself.</summary>
    private readonly record struct Entry(int Hash, int Index1, bool HasLots, InlineKey Key, string? Long);

    /// <summary>The length and first 16 UTF-16 code units of a SKU code, zero-padded, compared as four 64-bit words.</summary>
    private readonly record struct InlineKey(int Length, ulong A, ulong B, ulong C, ulong D)
    {
        public const int MaxChars = 16;

        public static InlineKey Of(string code)
        {
            Span<char> buffer = stackalloc char[MaxChars];
            buffer.Clear();
            code.AsSpan(0, Math.Min(code.Length, MaxChars)).CopyTo(buffer);
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(buffer);
            return new InlineKey(code.Length, words[0], words[1], words[2], words[3]);
        }
    }
}

/// <summary>The cold data of one SKU: negatives and balances by lot. Usable units live in <see cref="RoutingInventory.Cells"/>.</summary>
internal sealed class SkuStock(Sku sku)
{
    public Sku Sku { get; } = sku;

    /// <summary>Negative availability per cell <c>location × statusCount + status</c>, when any balance is negative.</summary>
    public int[]? Negative { get; set; }

    /// <summary>Every balance, sorted by cell then lot code, when the SKU is lot-tracked; null otherwise (one balance per cell, no lot).</summary>
    public LotEntry[]? Lots { get; set; }
}

/// <summary>One balance of a lot-tracked SKU; <see cref="Cell"/> is <c>location × statusCount + status</c>.</summary>
internal readonly record struct LotEntry(int Cell, Lot? Lot, int Available);
