using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Events;
using OrderCore.Ports;

namespace OrderCore.Inventory;

/// <summary>
/// The inventory pool: every stock movement goes through here. It computes each change as one
/// <see cref="InventoryChangeSet"/> and has the <see cref="IInventoryStore"/> apply it atomically, with the rules checked
/// inside the store, so the ledger and the balances never disagree and no unit is promised twice.
/// </summary>
/// <remarks>
/// Quantities are base units. Every movement needs a reason and a reference document. Status moves follow the
/// configured <see cref="InventoryStatusGraph"/>. Errors: argument problems throw <see cref="ArgumentException"/>s;
/// a move that would take on hand below zero (when the policy forbids it) or release more than reserved throws
/// <see cref="InsufficientInventoryException"/>; an illegal status move throws <see cref="InvalidStatusTransitionException"/>;
/// an unknown reservation throws <see cref="NotFoundException"/>. <see cref="ReserveAsync"/> returns a result instead of
/// throwing when stock is short, since that is an expected outcome.
/// </remarks>
/// <threadsafety>Safe to use concurrently; correctness comes from the store's atomic apply.</threadsafety>
public sealed class InventoryPool
{
    private readonly IInventoryStore _store;
    private readonly IClock _clock;
    private readonly DomainEventHub _events;
    private readonly InventoryStatusGraph _graph;
    private readonly NegativeOnHandPolicy _negativeOnHand;

    /// <summary>Creates the pool.</summary>
    public InventoryPool(IInventoryStore store, IClock clock, DomainEventHub events, IOptions<OrderCoreOptions> options)
    {
        _store = Guard.NotNull(store);
        _clock = Guard.NotNull(clock);
        _events = Guard.NotNull(events);
        var o = Guard.NotNull(options).Value;
        _graph = o.StatusGraph;
        _negativeOnHand = o.AllowNegativeOnHand ? NegativeOnHandPolicy.Allow : NegativeOnHandPolicy.Forbid;
    }

    /// <summary>The store behind the pool.</summary>
    public IInventoryStore Store => _store;

    /// <summary>The status graph moves are checked against.</summary>
    public InventoryStatusGraph StatusGraph => _graph;

    /// <summary>Receives <paramref name="quantity"/> units into a balance (on hand +).</summary>
    /// <exception cref="ArgumentException">The key is incomplete, the quantity is zero, or reason/reference is blank.</exception>
    /// <exception cref="InventoryLimitExceededException">On hand would exceed 2,147,483,647 base units.</exception>
    public Task<LedgerEntry> ReceiveAsync(BalanceKey key, Quantity quantity, string reason, string reference, CancellationToken cancellationToken = default)
        => MoveAsync(MovementType.Receive, [new BalanceDelta(key, RequirePositive(quantity), 0)], reason, reference, cancellationToken);

    /// <summary>Receives returned units, by default into <see cref="InventoryStatus.ReturnPending"/> (on hand +).</summary>
    /// <exception cref="ArgumentException">The key is incomplete, the quantity is zero, or reason/reference is blank.</exception>
    public Task<LedgerEntry> ReturnAsync(BalanceKey key, Quantity quantity, string reason, string reference, CancellationToken cancellationToken = default)
        => MoveAsync(MovementType.Return, [new BalanceDelta(key, RequirePositive(quantity), 0)], reason, reference, cancellationToken);

    /// <summary>Destroys or returns to vendor <paramref name="quantity"/> unreserved units (on hand −).</summary>
    /// <exception cref="InsufficientInventoryException">Fewer unreserved units are on hand.</exception>
    public Task<LedgerEntry> DisposeAsync(BalanceKey key, Quantity quantity, string reason, string reference, CancellationToken cancellationToken = default)
        => MoveAsync(MovementType.Dispose, [new BalanceDelta(key, -RequirePositive(quantity), 0)], reason, reference, cancellationToken);

    /// <summary>
    /// Corrects on hand by <paramref name="delta"/> units (signed, non-zero), e.g. after a cycle count. This is the only
    /// movement <see cref="OrderCoreOptions.AllowNegativeOnHand"/> applies to: status moves, transfers and disposals
    /// always need the units to be there, so they can never create stock out of a negative balance.
    /// </summary>
    /// <exception cref="InsufficientInventoryException">The correction would take on hand below zero or below reserved, and the policy forbids it.</exception>
    public Task<LedgerEntry> AdjustAsync(BalanceKey key, int delta, string reason, string reference, CancellationToken cancellationToken = default)
    {
        if (delta == 0) throw new ArgumentOutOfRangeException(nameof(delta), "An adjustment must change on hand.");
        return MoveAsync(MovementType.Adjust, [new BalanceDelta(key, delta, 0)], reason, reference, cancellationToken, _negativeOnHand);
    }

    /// <summary>Moves unreserved units from the status of <paramref name="from"/> to <paramref name="to"/> at the same location.</summary>
    /// <exception cref="InvalidStatusTransitionException">The status graph does not allow the move.</exception>
    /// <exception cref="InsufficientInventoryException">Fewer unreserved units are in the source status.</exception>
    public Task<LedgerEntry> MoveStatusAsync(BalanceKey from, InventoryStatus to, Quantity quantity, string reason, string reference, CancellationToken cancellationToken = default)
    {
        from.Validate();
        _graph.EnsureCanMove(from.Status, to, from.Sku.ToString());
        var q = RequirePositive(quantity);
        return MoveAsync(MovementType.MoveStatus, [new BalanceDelta(from, -q, 0), new BalanceDelta(from.WithStatus(to), q, 0)], reason, reference, cancellationToken);
    }

    /// <summary>Transfers unreserved units to another location, keeping their status and lot.</summary>
    /// <exception cref="ArgumentException">The target is the source location.</exception>
    /// <exception cref="InsufficientInventoryException">Fewer unreserved units are at the source.</exception>
    public Task<LedgerEntry> TransferAsync(BalanceKey from, LocationId to, Quantity quantity, string reason, string reference, CancellationToken cancellationToken = default)
    {
        from.Validate();
        if (to.IsDefault || to == from.Location) throw new ArgumentException("A transfer needs a different target location.", nameof(to));
        var q = RequirePositive(quantity);
        return MoveAsync(MovementType.Transfer, [new BalanceDelta(from, -q, 0), new BalanceDelta(from.AtLocation(to), q, 0)], reason, reference, cancellationToken);
    }

    /// <summary>
    /// Reserves every line of <paramref name="request"/> or nothing. Quantities on the same balance are summed before
    /// the check. Returns the reservation, or the shortages when any balance cannot cover its total.
    /// </summary>
    /// <exception cref="ArgumentException">The request has no lines, a line quantity is not positive, or a line's owner differs from the request's.</exception>
    public async Task<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var now = _clock.GetCurrentInstant();
        var reservation = new Reservation(request.Id, request.Owner, request.Reference, request.Lines, now);
        var entry = new LedgerEntry(0, now, MovementType.Reserve,
            request.Lines.Select(l => new BalanceDelta(l.Key, 0, l.Quantity)).ToArray(),
            request.Reason, request.Reference, request.Id);
        var result = await _store.ApplyAsync(new InventoryChangeSet([entry], _negativeOnHand, [reservation]), cancellationToken).ConfigureAwait(false);
        if (!result.Applied) return ReservationResult.Short(result.Failures);
        await _events.PublishAsync([new InventoryReserved(request.Id, request.Reference, request.Lines, now)], cancellationToken).ConfigureAwait(false);
        return ReservationResult.Reserved(reservation, result.Entries[0]);
    }

    /// <summary>
    /// Replaces the reservation <paramref name="current"/> (as the caller read it) by a new one, in one atomic change set
    /// with two ledger entries: a release of every line of <paramref name="current"/> and a reserve of every line of
    /// <paramref name="replacement"/>. Deltas are netted per balance before the check, so units the old reservation held
    /// count for the new one. Either both happen or neither does.
    /// </summary>
    /// <returns>The new reservation; or the failures, and nothing changed: <see cref="GuardKind.ReservationChanged"/> when
    /// <paramref name="current"/> was changed, shipped or released since it was read, <see cref="GuardKind.ReservedWithinOnHand"/>
    /// when a balance cannot cover the new lines.</returns>
    /// <exception cref="ArgumentException">The owners differ, the ids are equal, or <paramref name="reason"/> is blank.</exception>
    public async Task<ReservationResult> ReplaceReservationAsync(Reservation current, ReservationRequest replacement, string reason, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(current);
        Guard.NotNull(replacement);
        Guard.NotBlank(reason);
        if (current.Owner != replacement.Owner) throw new ArgumentException("The replacement must belong to the same owner.", nameof(replacement));
        if (current.Id == replacement.Id) throw new ArgumentException("The replacement needs a new reservation id.", nameof(replacement));
        var now = _clock.GetCurrentInstant();
        var release = new LedgerEntry(0, now, MovementType.Release,
            current.Lines.Select(l => new BalanceDelta(l.Key, 0, -l.Quantity)).ToArray(), reason, current.Reference, current.Id);
        var reserve = new LedgerEntry(0, now, MovementType.Reserve,
            replacement.Lines.Select(l => new BalanceDelta(l.Key, 0, l.Quantity)).ToArray(), replacement.Reason, replacement.Reference, replacement.Id);
        var reservation = new Reservation(replacement.Id, replacement.Owner, replacement.Reference, replacement.Lines, now);
        var changeSet = new InventoryChangeSet([release, reserve], _negativeOnHand, [reservation], [current.Id], current);
        var result = await _store.ApplyAsync(changeSet, cancellationToken).ConfigureAwait(false);
        if (!result.Applied) return ReservationResult.Short(result.Failures);
        await _events.PublishAsync(
            [new InventoryReleased(current.Id, current.Reference, current.TotalUnits, now), new InventoryReserved(replacement.Id, replacement.Reference, replacement.Lines, now)],
            cancellationToken).ConfigureAwait(false);
        return ReservationResult.Reserved(reservation, result.Entries[1]);
    }

    /// <summary>Releases a reservation, or only its lines for <paramref name="orderLine"/>. Releasing a missing reservation is a no-op returning null.</summary>
    public Task<LedgerEntry?> ReleaseAsync(ReservationId id, string reason, string reference, OrderLineId? orderLine = null, CancellationToken cancellationToken = default)
        => ConsumeAsync(id, MovementType.Release, reason, reference, orderLine is { } l ? new HashSet<OrderLineId> { l } : null, cancellationToken);

    /// <summary>
    /// Releases part of the units a reservation holds for one order line, when the line goes from
    /// <paramref name="unitsBefore"/> to <paramref name="unitsAfter"/> base units (a partial cancellation). Every SKU of the
    /// line (a kit line holds several) keeps <c>held × unitsAfter / unitsBefore</c> units; the rest is released, taken from
    /// the line's last reservation lines first. The reservation keeps its id; its version goes up by one.
    /// </summary>
    /// <returns>The release entry, or null when the reservation does not exist or holds nothing for the line.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unitsAfter"/> is not between 1 and <paramref name="unitsBefore"/> − 1.</exception>
    /// <exception cref="InvalidOperationException">The units held for a SKU of the line are not a multiple of <paramref name="unitsBefore"/> (the reservation does not cover the line as ordered).</exception>
    public async Task<LedgerEntry?> ReleasePartOfLineAsync(ReservationId id, OrderLineId orderLine, int unitsBefore, int unitsAfter, string reason, string reference, CancellationToken cancellationToken = default)
    {
        if (id.IsDefault) throw new ArgumentException("A reservation id is required.", nameof(id));
        if (unitsAfter < 1 || unitsAfter >= unitsBefore) throw new ArgumentOutOfRangeException(nameof(unitsAfter), unitsAfter, $"Keep between 1 and {unitsBefore - 1} units.");
        Guard.NotBlank(reason);
        Guard.NotBlank(reference);
        for (var attempt = 0; ; attempt++)
        {
            var reservation = await _store.GetReservationAsync(id, cancellationToken).ConfigureAwait(false);
            if (reservation is null) return null;
            var lines = reservation.Lines.ToList();
            var released = new List<BalanceDelta>();
            foreach (var sku in lines.Where(l => l.OrderLine == orderLine).Select(l => l.Key.Sku).Distinct().ToArray())
            {
                var held = lines.Where(l => l.OrderLine == orderLine && l.Key.Sku == sku).Sum(l => l.Quantity);
                if (held % unitsBefore != 0) throw new InvalidOperationException($"Reservation {id} holds {held} units of {sku} for line {orderLine}, not a multiple of {unitsBefore}.");
                var toRelease = held - checked(held / unitsBefore * unitsAfter);
                for (var i = lines.Count - 1; i >= 0 && toRelease > 0; i--)
                {
                    var l = lines[i];
                    if (l.OrderLine != orderLine || l.Key.Sku != sku) continue;
                    var take = Math.Min(l.Quantity, toRelease);
                    released.Add(new BalanceDelta(l.Key, 0, -take));
                    toRelease -= take;
                    if (take == l.Quantity) lines.RemoveAt(i);
                    else lines[i] = l with { Quantity = l.Quantity - take };
                }
            }
            if (released.Count == 0) return null;
            var now = _clock.GetCurrentInstant();
            var entry = new LedgerEntry(0, now, MovementType.Release, released, reason, reference, id);
            var changeSet = new InventoryChangeSet([entry], _negativeOnHand, [reservation with { Lines = lines.ToArray(), Version = reservation.Version + 1 }], expectedReservation: reservation);
            var result = await _store.ApplyAsync(changeSet, cancellationToken).ConfigureAwait(false);
            if (!result.Applied)
            {
                if (result.Failures.Any(f => f.Kind == GuardKind.ReservationChanged) && attempt < 8) continue;
                throw new InsufficientInventoryException(result.Failures);
            }
            await _events.PublishAsync([new InventoryReleased(id, reference, released.Sum(d => -d.Reserved), now)], cancellationToken).ConfigureAwait(false);
            return result.Entries[0];
        }
    }

    /// <summary>Ships reserved units: on hand − and reserved − for the reservation, or only its lines for <paramref name="orderLine"/>.</summary>
    /// <exception cref="NotFoundException">The reservation does not exist.</exception>
    public async Task<LedgerEntry> ShipAsync(ReservationId id, string reason, string reference, OrderLineId? orderLine = null, CancellationToken cancellationToken = default)
        => await ConsumeAsync(id, MovementType.Ship, reason, reference, orderLine is { } l ? new HashSet<OrderLineId> { l } : null, cancellationToken).ConfigureAwait(false)
           ?? throw new NotFoundException(nameof(Reservation), id.ToString());

    /// <summary>
    /// Ships the reserved units of several order lines in one ledger entry: all of them or none (a partial shipment).
    /// The rest of the reservation stays.
    /// </summary>
    /// <exception cref="ArgumentException">No order line was named.</exception>
    /// <exception cref="NotFoundException">The reservation does not exist or holds no units for those lines.</exception>
    public async Task<LedgerEntry> ShipLinesAsync(ReservationId id, IReadOnlyCollection<OrderLineId> orderLines, string reason, string reference, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(orderLines);
        if (orderLines.Count == 0) throw new ArgumentException("Name at least one order line to ship.", nameof(orderLines));
        return await ConsumeAsync(id, MovementType.Ship, reason, reference, orderLines.ToHashSet(), cancellationToken).ConfigureAwait(false)
               ?? throw new NotFoundException(nameof(Reservation), id.ToString());
    }

    /// <summary>Every balance of one owner's SKU.</summary>
    public Task<IReadOnlyList<InventoryBalance>> GetBalancesAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default)
        => _store.GetBalancesAsync(owner, sku, cancellationToken);

    /// <summary>Available to promise for one SKU on one channel under <paramref name="policy"/>, with every term explained.</summary>
    public async Task<AtpResult> GetAtpAsync(OwnerId owner, Sku sku, ChannelAtpPolicy policy, CancellationToken cancellationToken = default)
        => AtpCalculator.Compute(owner, sku, policy, await _store.GetBalancesAsync(owner, sku, cancellationToken).ConfigureAwait(false));

    /// <summary>Rebuilds every balance from the ledger and compares with the stored balances (DESIGN invariant 3).</summary>
    /// <returns>The mismatches; empty when the ledger reproduces every balance.</returns>
    public async Task<IReadOnlyList<LedgerMismatch>> VerifyLedgerAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var e in _store.ReadLedgerAsync(0, cancellationToken).ConfigureAwait(false)) entries.Add(e);
        var balances = await _store.GetAllBalancesAsync(null, cancellationToken).ConfigureAwait(false);
        return LedgerProjection.Compare(LedgerProjection.Replay(entries), balances);
    }

    private async Task<LedgerEntry?> ConsumeAsync(ReservationId id, MovementType type, string reason, string reference, HashSet<OrderLineId>? orderLines, CancellationToken ct)
    {
        if (id.IsDefault) throw new ArgumentException("A reservation id is required.", nameof(id));
        Guard.NotBlank(reason);
        Guard.NotBlank(reference);
        for (var attempt = 0; ; attempt++)
        {
            var reservation = await _store.GetReservationAsync(id, ct).ConfigureAwait(false);
            if (reservation is null) return null;
            var (taken, kept) = Split(reservation.Lines, orderLines);
            if (taken.Count == 0) return null;
            var now = _clock.GetCurrentInstant();
            var deltas = new BalanceDelta[taken.Count];
            for (var i = 0; i < deltas.Length; i++) deltas[i] = new BalanceDelta(taken[i].Key, type == MovementType.Ship ? -taken[i].Quantity : 0, -taken[i].Quantity);
            var entry = new LedgerEntry(0, now, type, deltas, reason, reference, id);
            var changeSet = kept.Length == 0
                ? new InventoryChangeSet([entry], _negativeOnHand, removeReservations: [id], expectedReservation: reservation)
                : new InventoryChangeSet([entry], _negativeOnHand, [reservation with { Lines = kept, Version = reservation.Version + 1 }], expectedReservation: reservation);
            var result = await _store.ApplyAsync(changeSet, ct).ConfigureAwait(false);
            if (!result.Applied)
            {
                // A changed reservation means this change set was computed from a stale read; the other failures it reports
                // (e.g. reserved below zero after a concurrent ship) are consequences of that, so read again.
                if (result.Failures.Any(f => f.Kind == GuardKind.ReservationChanged) && attempt < 8) continue;
                throw new InsufficientInventoryException(result.Failures);
            }
            IDomainEvent evt = type == MovementType.Release
                ? new InventoryReleased(id, reference, taken.Sum(l => l.Quantity), now)
                : new InventoryMoved(result.Entries[0], now);
            await _events.PublishAsync([evt], ct).ConfigureAwait(false);
            return result.Entries[0];
        }
    }

    /// <summary>The lines of <paramref name="orderLines"/> (all lines when null) and the rest, in reservation order, without LINQ on the ship/release path.</summary>
    private static (IReadOnlyList<ReservationLine> Taken, ReservationLine[] Kept) Split(IReadOnlyList<ReservationLine> lines, HashSet<OrderLineId>? orderLines)
    {
        if (orderLines is null) return (lines, []);
        var taken = new List<ReservationLine>(lines.Count);
        var kept = new List<ReservationLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++) (lines[i].OrderLine is { } l && orderLines.Contains(l) ? taken : kept).Add(lines[i]);
        return (taken, kept.ToArray());
    }

    private async Task<LedgerEntry> MoveAsync(MovementType type, BalanceDelta[] deltas, string reason, string reference, CancellationToken ct,
        NegativeOnHandPolicy negativeOnHand = NegativeOnHandPolicy.Forbid)
    {
        Guard.NotBlank(reason);
        Guard.NotBlank(reference);
        foreach (var d in deltas) d.Key.Validate();
        var now = _clock.GetCurrentInstant();
        var entry = new LedgerEntry(0, now, type, deltas, reason, reference);
        var result = await _store.ApplyAsync(new InventoryChangeSet([entry], negativeOnHand), ct).ConfigureAwait(false);
        if (!result.Applied) throw Refusal(result.Failures);
        await _events.PublishAsync([new InventoryMoved(result.Entries[0], now)], ct).ConfigureAwait(false);
        return result.Entries[0];
    }

    private static OrderCoreException Refusal(IReadOnlyList<GuardFailure> failures)
        => failures.Any(f => f.Kind == GuardKind.QuantityOverflow)
            ? new InventoryLimitExceededException(failures)
            : new InsufficientInventoryException(failures);

    private static int RequirePositive(Quantity quantity)
        => quantity.IsZero ? throw new ArgumentOutOfRangeException(nameof(quantity), "The quantity must be at least one unit.") : quantity.Units;
}

/// <summary>A request to reserve units, all or nothing.</summary>
public sealed class ReservationRequest
{
    /// <summary>Creates a request.</summary>
    /// <exception cref="ArgumentException">No lines, a non-positive quantity, a line of another owner, or a blank reference/reason.</exception>
    public ReservationRequest(ReservationId id, OwnerId owner, string reference, IReadOnlyList<ReservationLine> lines, string reason = "reserve")
    {
        if (id.IsDefault) throw new ArgumentException("A reservation id is required.", nameof(id));
        if (owner.IsDefault) throw new ArgumentException("An owner is required.", nameof(owner));
        Guard.NotNull(lines);
        if (lines.Count == 0) throw new ArgumentException("A reservation needs at least one line.", nameof(lines));
        var totals = new Dictionary<BalanceKey, long>();
        foreach (var l in lines)
        {
            l.Key.Validate();
            totals[l.Key] = totals.GetValueOrDefault(l.Key) + l.Quantity;
            if (totals[l.Key] > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(lines), totals[l.Key], $"Lines on {l.Key} total more than 2,147,483,647 units.");
            if (l.Quantity <= 0) throw new ArgumentOutOfRangeException(nameof(lines), l.Quantity, "Every reservation line needs at least one unit.");
            if (l.Key.Owner != owner) throw new ArgumentException($"Line {l.Key} belongs to another owner than {owner}: one owner's orders never draw another owner's stock.", nameof(lines));
        }
        Id = id;
        Owner = owner;
        Reference = Guard.NotBlank(reference);
        Reason = Guard.NotBlank(reason);
        Lines = lines.ToArray();
    }

    /// <summary>The id the reservation will have.</summary>
    public ReservationId Id { get; }

    /// <summary>The owner; every line's balance belongs to this owner.</summary>
    public OwnerId Owner { get; }

    /// <summary>The document reserved for (e.g. an order id).</summary>
    public string Reference { get; }

    /// <summary>The reason recorded on the ledger entry.</summary>
    public string Reason { get; }

    /// <summary>The lines to reserve.</summary>
    public IReadOnlyList<ReservationLine> Lines { get; }
}

/// <summary>The outcome of <see cref="InventoryPool.ReserveAsync"/>: a reservation, or the shortages (and nothing reserved).</summary>
public sealed class ReservationResult
{
    private ReservationResult(Reservation? reservation, LedgerEntry? entry, IReadOnlyList<GuardFailure> shortages)
    {
        Reservation = reservation;
        Entry = entry;
        Shortages = shortages;
    }

    /// <summary>True when every line was reserved.</summary>
    public bool Succeeded => Reservation is not null;

    /// <summary>The reservation, when it succeeded.</summary>
    public Reservation? Reservation { get; }

    /// <summary>The reserve ledger entry, when it succeeded.</summary>
    public LedgerEntry? Entry { get; }

    /// <summary>The balances that could not cover their total, when it failed.</summary>
    public IReadOnlyList<GuardFailure> Shortages { get; }

    internal static ReservationResult Reserved(Reservation r, LedgerEntry e) => new(r, e, []);

    internal static ReservationResult Short(IReadOnlyList<GuardFailure> f) => new(null, null, f);
}
