using System.Runtime.CompilerServices;
using OrderCore.Inventory;
using OrderCore.Ports;

namespace OrderCore.InMemory;

/// <summary>
/// In-memory <see cref="IInventoryStore"/>: a real implementation of the store contract, not a toy. A change set is
/// checked and applied under one lock, so it is atomic and isolated: concurrent reservations never over-promise.
/// </summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class InMemoryInventoryStore : IInventoryStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<BalanceKey, InventoryBalance> _balances = new();
    private readonly Dictionary<(OwnerId, Sku), List<BalanceKey>> _bySku = new();
    private readonly Dictionary<ReservationId, Reservation> _reservations = new();
    private readonly List<LedgerEntry> _ledger = new();

    /// <inheritdoc />
    public Task<ChangeSetResult> ApplyAsync(InventoryChangeSet changeSet, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(changeSet);
        cancellationToken.ThrowIfCancellationRequested();
        var net = NetDeltas(changeSet);
        lock (_lock)
        {
            List<GuardFailure>? failures = null;
            CheckReservations(changeSet, ref failures);
            for (var i = 0; i < net.Count; i++)
            {
                var d = net[i];
                _balances.TryGetValue(d.Key, out var b);
                var failure = changeSet.Check(d.Key, b?.OnHand ?? 0, b?.Reserved ?? 0, d);
                if (failure is not null) (failures ??= []).Add(failure);
            }
            if (failures is not null) return Task.FromResult(ChangeSetResult.Refused(failures));

            for (var i = 0; i < net.Count; i++)
            {
                var d = net[i];
                if (_balances.TryGetValue(d.Key, out var b))
                {
                    _balances[d.Key] = b with { OnHand = b.OnHand + d.OnHand, Reserved = b.Reserved + d.Reserved, Version = b.Version + 1 };
                }
                else
                {
                    _balances[d.Key] = new InventoryBalance(d.Key, d.OnHand, d.Reserved, 1);
                    var skuKey = (d.Key.Owner, d.Key.Sku);
                    if (!_bySku.TryGetValue(skuKey, out var keys)) _bySku[skuKey] = keys = new List<BalanceKey>(2);
                    keys.Add(d.Key);
                }
            }
            foreach (var id in changeSet.RemoveReservations) _reservations.Remove(id);
            foreach (var r in changeSet.UpsertReservations) _reservations[r.Id] = r;
            var appended = new LedgerEntry[changeSet.Entries.Count];
            for (var i = 0; i < appended.Length; i++)
            {
                appended[i] = changeSet.Entries[i] with { Sequence = _ledger.Count + 1 };
                _ledger.Add(appended[i]);
            }
            return Task.FromResult(ChangeSetResult.Success(appended));
        }
    }

    /// <summary>
    /// <see cref="InventoryChangeSet.NetDeltas"/>, without its per-call dictionary and LINQ for the common shape: one
    /// entry whose deltas touch distinct balances (every reserve, ship and release). Its deltas already are the net
    /// deltas, in first-touched order.
    /// </summary>
    private static IReadOnlyList<BalanceDelta> NetDeltas(InventoryChangeSet changeSet)
    {
        if (changeSet.Entries.Count != 1) return changeSet.NetDeltas();
        var deltas = changeSet.Entries[0].Deltas;
        if (deltas.Count > 16) return changeSet.NetDeltas();
        for (var i = 1; i < deltas.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (deltas[i].Key == deltas[j].Key) return changeSet.NetDeltas();
            }
        }
        return deltas;
    }

    private void CheckReservations(InventoryChangeSet changeSet, ref List<GuardFailure>? failures)
    {
        if (changeSet.ExpectedReservation is { } expected)
        {
            if (!_reservations.TryGetValue(expected.Id, out var current) || current.Version != expected.Version)
            {
                (failures ??= []).Add(new GuardFailure(expected.Lines.FirstOrDefault().Key, GuardKind.ReservationChanged, expected.TotalUnits, current?.TotalUnits ?? 0));
            }
        }
        foreach (var r in changeSet.UpsertReservations)
        {
            if (changeSet.ExpectedReservation?.Id != r.Id && _reservations.ContainsKey(r.Id))
            {
                (failures ??= []).Add(new GuardFailure(r.Lines.FirstOrDefault().Key, GuardKind.ReservationExists, r.TotalUnits, 0));
            }
        }
    }

    /// <inheritdoc />
    public Task<InventoryBalance?> GetBalanceAsync(BalanceKey key, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_balances.GetValueOrDefault(key));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InventoryBalance>> GetBalancesAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_bySku.TryGetValue((owner, sku), out var keys)) return Task.FromResult<IReadOnlyList<InventoryBalance>>([]);
            var list = new InventoryBalance[keys.Count];
            for (var i = 0; i < list.Length; i++) list[i] = _balances[keys[i]];
            Array.Sort(list, BalanceOrder.Instance);
            return Task.FromResult<IReadOnlyList<InventoryBalance>>(list);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InventoryBalance>> GetAllBalancesAsync(OwnerId? owner = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var list = _balances.Values.Where(b => owner is null || b.Key.Owner == owner).ToArray();
            Array.Sort(list, BalanceOrder.Instance);
            return Task.FromResult<IReadOnlyList<InventoryBalance>>(list);
        }
    }

    /// <inheritdoc />
    public Task<Reservation?> GetReservationAsync(ReservationId id, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_reservations.GetValueOrDefault(id));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LedgerEntry[] snapshot;
        lock (_lock)
        {
            var start = (int)Math.Clamp(afterSequence, 0, _ledger.Count);
            snapshot = _ledger.GetRange(start, _ledger.Count - start).ToArray();
        }
        foreach (var e in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }
}

/// <summary>Orders balances by owner, SKU, location, status, then lot code (no lot first).</summary>
public sealed class BalanceOrder : IComparer<InventoryBalance>, IComparer<BalanceKey>
{
    /// <summary>The shared instance.</summary>
    public static BalanceOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(InventoryBalance? x, InventoryBalance? y)
        => x is null || y is null ? Comparer<object>.Default.Compare(x, y) : Compare(x.Key, y.Key);

    /// <inheritdoc />
    public int Compare(BalanceKey x, BalanceKey y)
    {
        var c = x.Owner.CompareTo(y.Owner);
        if (c == 0) c = x.Sku.CompareTo(y.Sku);
        if (c == 0) c = x.Location.CompareTo(y.Location);
        if (c == 0) c = x.Status.CompareTo(y.Status);
        if (c == 0) c = string.CompareOrdinal(x.Lot?.Code, y.Lot?.Code);
        return c;
    }
}
