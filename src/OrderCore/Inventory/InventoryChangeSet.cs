namespace OrderCore.Inventory;

/// <summary>
/// One atomic change to inventory, computed by the core and applied by an <see cref="Ports.IInventoryStore"/>:
/// ledger entries (without sequence numbers), the reservation records they create, change or remove, and the policy
/// the store must check inside its transaction.
/// </summary>
/// <remarks>
/// <para>A store applies a change set all or nothing. Inside its transaction it adds every delta to its balance and
/// checks, for every balance touched, that after the change: reserved ≥ 0; reserved ≤ max(on hand, 0); and on hand ≥ 0
/// unless <see cref="NegativeOnHand"/> is <see cref="NegativeOnHandPolicy.Allow"/>. If any check fails, nothing is
/// written and the store returns the failures.</para>
/// <para>Deltas of the same balance within a change set are summed before the check, so a reservation for two lines of
/// the same SKU is checked against their total.</para>
/// </remarks>
public sealed class InventoryChangeSet
{
    /// <summary>Creates a change set.</summary>
    /// <exception cref="ArgumentException">There are no entries, an entry has no deltas, no reason or no reference, or a key is incomplete.</exception>
    public InventoryChangeSet(
        IReadOnlyList<LedgerEntry> entries,
        NegativeOnHandPolicy negativeOnHand = NegativeOnHandPolicy.Forbid,
        IReadOnlyList<Reservation>? upsertReservations = null,
        IReadOnlyList<ReservationId>? removeReservations = null,
        Reservation? expectedReservation = null)
    {
        Guard.NotNull(entries);
        if (entries.Count == 0) throw new ArgumentException("A change set needs at least one ledger entry.", nameof(entries));
        foreach (var e in entries)
        {
            if (e.Deltas.Count == 0) throw new ArgumentException("A ledger entry needs at least one delta.", nameof(entries));
            if (string.IsNullOrWhiteSpace(e.Reason)) throw new ArgumentException("Every movement needs a reason.", nameof(entries));
            if (string.IsNullOrWhiteSpace(e.Reference)) throw new ArgumentException("Every movement needs a reference document.", nameof(entries));
            foreach (var d in e.Deltas) d.Key.Validate();
        }
        Entries = entries;
        NegativeOnHand = negativeOnHand;
        UpsertReservations = upsertReservations ?? [];
        RemoveReservations = removeReservations ?? [];
        ExpectedReservation = expectedReservation;
        foreach (var r in UpsertReservations)
        {
            var expectedVersion = expectedReservation is not null && expectedReservation.Id == r.Id ? expectedReservation.Version + 1 : 1;
            if (r.Version != expectedVersion) throw new ArgumentException($"Reservation {r.Id} must have version {expectedVersion}.", nameof(upsertReservations));
        }
    }

    /// <summary>
    /// The reservation as the caller read it, when the change ships or releases part of it. The store refuses the change
    /// (<see cref="GuardKind.ReservationChanged"/>) unless it still holds that reservation at that version. An upserted
    /// reservation without an expected one is new: the store refuses it (<see cref="GuardKind.ReservationExists"/>) if one
    /// with that id exists.
    /// </summary>
    public Reservation? ExpectedReservation { get; }

    /// <summary>The ledger entries to append, in order. Their <see cref="LedgerEntry.Sequence"/> is ignored and assigned by the store.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>Whether on hand may go below zero.</summary>
    public NegativeOnHandPolicy NegativeOnHand { get; }

    /// <summary>Reservations to create or replace.</summary>
    public IReadOnlyList<Reservation> UpsertReservations { get; }

    /// <summary>Reservations to delete (fully shipped or released).</summary>
    public IReadOnlyList<ReservationId> RemoveReservations { get; }

    /// <summary>The net delta per balance over all entries, in first-touched order.</summary>
    public IReadOnlyList<BalanceDelta> NetDeltas()
    {
        var order = new List<BalanceKey>();
        var sums = new Dictionary<BalanceKey, (int OnHand, int Reserved)>();
        foreach (var e in Entries)
        {
            foreach (var d in e.Deltas)
            {
                if (!sums.TryGetValue(d.Key, out var s)) order.Add(d.Key);
                s = sums.GetValueOrDefault(d.Key);
                sums[d.Key] = (checked(s.OnHand + d.OnHand), checked(s.Reserved + d.Reserved));
            }
        }
        return order.Select(k => new BalanceDelta(k, sums[k].OnHand, sums[k].Reserved)).ToArray();
    }

    /// <summary>
    /// Checks the post-change state of one balance against the store rules; returns the failure, or null when it holds.
    /// Stores call this inside their transaction with the balance as it stands plus the net delta.
    /// </summary>
    public GuardFailure? Check(BalanceKey key, int onHandBefore, int reservedBefore, BalanceDelta net)
    {
        var onHandWide = (long)onHandBefore + net.OnHand;
        var reservedWide = (long)reservedBefore + net.Reserved;
        if (onHandWide > int.MaxValue) return new GuardFailure(key, GuardKind.QuantityOverflow, net.OnHand, int.MaxValue - onHandBefore);
        if (reservedWide > int.MaxValue) return new GuardFailure(key, GuardKind.QuantityOverflow, net.Reserved, int.MaxValue - reservedBefore);
        if (onHandWide < int.MinValue) return new GuardFailure(key, GuardKind.OnHandNotNegative, -net.OnHand, onHandBefore);
        var onHand = (int)onHandWide;
        var reserved = (int)reservedWide;
        if (reserved < 0) return new GuardFailure(key, GuardKind.ReservedNotNegative, -net.Reserved, reservedBefore);
        if (onHand < 0 && NegativeOnHand == NegativeOnHandPolicy.Forbid)
        {
            return new GuardFailure(key, GuardKind.OnHandNotNegative, -net.OnHand, onHandBefore);
        }
        if (reserved > Math.Max(onHand, 0))
        {
            // Expressed as "needed vs available before the change" so the caller sees the shortage directly.
            var needed = net.Reserved - net.OnHand;
            return new GuardFailure(key, GuardKind.ReservedWithinOnHand, needed, Math.Max(onHandBefore, 0) - reservedBefore);
        }
        return null;
    }
}

/// <summary>Which store rule a change would have broken.</summary>
public enum GuardKind
{
    /// <summary>Reserved would exceed on hand: not enough available units.</summary>
    ReservedWithinOnHand,
    /// <summary>On hand would go below zero.</summary>
    OnHandNotNegative,
    /// <summary>Reserved would go below zero (releasing or shipping more than was reserved).</summary>
    ReservedNotNegative,
    /// <summary>The reservation was changed or removed by another caller since it was read.</summary>
    ReservationChanged,
    /// <summary>A reservation with the same id already exists.</summary>
    ReservationExists,
    /// <summary>On hand or reserved would exceed 2,147,483,647 base units.</summary>
    QuantityOverflow,
}

/// <summary>A balance that could not take a change.</summary>
/// <param name="Key">The balance.</param>
/// <param name="Kind">The rule that failed.</param>
/// <param name="Requested">Units the change needed from the balance.</param>
/// <param name="Available">Units the balance had for it before the change.</param>
public sealed record GuardFailure(BalanceKey Key, GuardKind Kind, int Requested, int Available)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Kind}, requested {Requested}, available {Available}";
}

/// <summary>The outcome of applying a change set: the appended entries with their sequence numbers, or the guard failures.</summary>
public sealed class ChangeSetResult
{
    private ChangeSetResult(IReadOnlyList<LedgerEntry> entries, IReadOnlyList<GuardFailure> failures)
    {
        Entries = entries;
        Failures = failures;
    }

    /// <summary>True when the change was applied.</summary>
    public bool Applied => Failures.Count == 0;

    /// <summary>The appended entries with their store sequence numbers; empty when not applied.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>Why the change was refused; empty when applied.</summary>
    public IReadOnlyList<GuardFailure> Failures { get; }

    /// <summary>A successful result.</summary>
    public static ChangeSetResult Success(IReadOnlyList<LedgerEntry> entries) => new(entries, []);

    /// <summary>A refused result.</summary>
    public static ChangeSetResult Refused(IReadOnlyList<GuardFailure> failures)
        => failures.Count == 0 ? throw new ArgumentException("A refusal needs at least one failure.", nameof(failures)) : new([], failures);
}
