using System.Collections.Frozen;

namespace OrderCore.Inventory;

/// <summary>
/// The legal status moves of inventory units: an immutable directed graph over <see cref="InventoryStatus"/> values.
/// A move that is not an edge of the graph throws <see cref="InvalidStatusTransitionException"/>.
/// </summary>
/// <remarks>
/// <para>The default graph (<see cref="Default"/>):</para>
/// <list type="bullet">
/// <item>Sellable → FbaBound, Hold, Damaged, Quarantine</item>
/// <item>FbaBound → InPrep, Sellable, Hold</item>
/// <item>InPrep → Prepped, Sellable, Damaged, Hold</item>
/// <item>Prepped → InPrep (rework), Sellable, Damaged, Hold</item>
/// <item>Hold → Sellable, Damaged, Quarantine</item>
/// <item>Damaged → Quarantine, Sellable (after rework)</item>
/// <item>Quarantine → Sellable, Damaged</item>
/// <item>ReturnPending → Sellable, Damaged, Quarantine, Hold (the outcomes of a return disposition)</item>
/// </list>
/// <para>Build another graph with <see cref="CreateBuilder"/> or <see cref="ToBuilder"/> to add custom statuses.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class InventoryStatusGraph
{
    private readonly FrozenDictionary<InventoryStatus, FrozenSet<InventoryStatus>> _edges;

    private InventoryStatusGraph(Dictionary<InventoryStatus, HashSet<InventoryStatus>> edges)
    {
        _edges = edges.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenSet());
        Statuses = edges.Keys.OrderBy(s => s).ToArray();
    }

    /// <summary>The default graph described in the remarks.</summary>
    public static InventoryStatusGraph Default { get; } = CreateDefaultBuilder().Build();

    /// <summary>Every status of the graph, ordered by name.</summary>
    public IReadOnlyList<InventoryStatus> Statuses { get; }

    /// <summary>True when the graph knows <paramref name="status"/>.</summary>
    public bool Contains(InventoryStatus status) => _edges.ContainsKey(status);

    /// <summary>True when units may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool CanMove(InventoryStatus from, InventoryStatus to)
        => _edges.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>The statuses reachable from <paramref name="from"/> in one move.</summary>
    public IReadOnlyCollection<InventoryStatus> Targets(InventoryStatus from)
        => _edges.TryGetValue(from, out var targets) ? targets : FrozenSet<InventoryStatus>.Empty;

    /// <summary>Throws unless <paramref name="from"/> → <paramref name="to"/> is an edge.</summary>
    /// <exception cref="InvalidStatusTransitionException">The move is not allowed.</exception>
    public void EnsureCanMove(InventoryStatus from, InventoryStatus to, string? subject = null)
    {
        if (!CanMove(from, to)) throw new InvalidStatusTransitionException(nameof(InventoryStatus), from.ToString(), to.ToString(), subject);
    }

    /// <summary>A builder holding this graph's statuses and edges.</summary>
    public Builder ToBuilder()
    {
        var b = new Builder();
        foreach (var (from, targets) in _edges)
        {
            b.AddStatus(from);
            foreach (var to in targets) b.Allow(from, to);
        }
        return b;
    }

    /// <summary>An empty builder.</summary>
    public static Builder CreateBuilder() => new();

    private static Builder CreateDefaultBuilder()
    {
        var s = InventoryStatus.Sellable;
        var b = new Builder();
        foreach (var status in InventoryStatus.WellKnown) b.AddStatus(status);
        return b
            .Allow(s, InventoryStatus.FbaBound, InventoryStatus.Hold, InventoryStatus.Damaged, InventoryStatus.Quarantine)
            .Allow(InventoryStatus.FbaBound, InventoryStatus.InPrep, s, InventoryStatus.Hold)
            .Allow(InventoryStatus.InPrep, InventoryStatus.Prepped, s, InventoryStatus.Damaged, InventoryStatus.Hold)
            .Allow(InventoryStatus.Prepped, InventoryStatus.InPrep, s, InventoryStatus.Damaged, InventoryStatus.Hold)
            .Allow(InventoryStatus.Hold, s, InventoryStatus.Damaged, InventoryStatus.Quarantine)
            .Allow(InventoryStatus.Damaged, InventoryStatus.Quarantine, s)
            .Allow(InventoryStatus.Quarantine, s, InventoryStatus.Damaged)
            .Allow(InventoryStatus.ReturnPending, s, InventoryStatus.Damaged, InventoryStatus.Quarantine, InventoryStatus.Hold);
    }

    /// <summary>Mutable builder of an <see cref="InventoryStatusGraph"/>. Not thread-safe.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<InventoryStatus, HashSet<InventoryStatus>> _edges = new();

        internal Builder() { }

        /// <summary>Adds a status with no outgoing edges (yet).</summary>
        /// <exception cref="ArgumentException"><paramref name="status"/> is the default value.</exception>
        public Builder AddStatus(InventoryStatus status)
        {
            if (status.IsDefault) throw new ArgumentException("The default status is not a status.", nameof(status));
            if (!_edges.ContainsKey(status)) _edges[status] = new HashSet<InventoryStatus>();
            return this;
        }

        /// <summary>Allows moves from <paramref name="from"/> to each of <paramref name="to"/>, adding unknown statuses.</summary>
        /// <exception cref="ArgumentException">A status is the default value, or a move goes from a status to itself.</exception>
        public Builder Allow(InventoryStatus from, params InventoryStatus[] to)
        {
            AddStatus(from);
            foreach (var t in to)
            {
                AddStatus(t);
                if (t == from) throw new ArgumentException($"A status cannot move to itself ({from}).", nameof(to));
                _edges[from].Add(t);
            }
            return this;
        }

        /// <summary>Removes the move from <paramref name="from"/> to <paramref name="to"/> if present.</summary>
        public Builder Forbid(InventoryStatus from, InventoryStatus to)
        {
            if (_edges.TryGetValue(from, out var set)) set.Remove(to);
            return this;
        }

        /// <summary>Builds the immutable graph.</summary>
        public InventoryStatusGraph Build()
            => new(_edges.ToDictionary(e => e.Key, e => new HashSet<InventoryStatus>(e.Value)));
    }
}
