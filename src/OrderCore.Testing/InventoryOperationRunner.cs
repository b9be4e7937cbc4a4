using System.Globalization;
using OrderCore.Inventory;

namespace OrderCore.Testing;

/// <summary>What happened to one <see cref="InventoryOperation"/>.</summary>
public enum InventoryOperationResult
{
    /// <summary>The pool applied it: ledger entries were appended.</summary>
    Applied,
    /// <summary>The pool refused it as a whole (insufficient inventory, illegal status move): nothing changed.</summary>
    Refused,
    /// <summary>There was nothing to do (a release or ship with no earlier reservation, or one already consumed).</summary>
    Skipped,
}

/// <summary>The outcome of one operation.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Result">Applied, refused or skipped.</param>
/// <param name="Detail">Why it was refused or skipped; null when applied.</param>
/// <param name="Reservation">The reservation made, released or shipped, if any.</param>
public sealed record InventoryOperationOutcome(InventoryOperation Operation, InventoryOperationResult Result, string? Detail = null, ReservationId? Reservation = null);

/// <summary>
/// Applies <see cref="InventoryOperation"/>s to an <see cref="InventoryPool"/>, turning the pool's expected refusals
/// (<see cref="InsufficientInventoryException"/>, <see cref="InvalidStatusTransitionException"/>, a short reservation) into
/// <see cref="InventoryOperationResult.Refused"/> outcomes. Any other exception propagates: it is a bug.
/// </summary>
/// <remarks>
/// Reservations are named <c>R1</c>, <c>R2</c>… in the order reserve operations are attempted; reservation line <c>i</c>
/// (0-based) is for order line <c>{reservation}/{i + 1}</c>, so line-level releases and shipments can be addressed.
/// Release and ship operations pick among the reservations that succeeded so far (<see cref="Reservations"/>).
/// </remarks>
/// <threadsafety>Not thread-safe: one runner per sequence of operations.</threadsafety>
public sealed class InventoryOperationRunner
{
    private readonly InventoryPool _pool;
    private readonly List<(ReservationId Id, int LineCount)> _reservations = new();
    private int _attempts;

    /// <summary>Creates a runner over <paramref name="pool"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pool"/> is null.</exception>
    public InventoryOperationRunner(InventoryPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
    }

    /// <summary>The reservations that succeeded so far, in order (some may since have been released or shipped).</summary>
    public IReadOnlyList<ReservationId> Reservations => _reservations.Select(r => r.Id).ToArray();

    /// <summary>The order line id of reservation line <paramref name="lineIndex"/> (0-based) of <paramref name="reservation"/>.</summary>
    public static OrderLineId OrderLineOf(ReservationId reservation, int lineIndex)
        => OrderLineId.From($"{reservation.Value}/{(lineIndex + 1).ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Applies every operation of <paramref name="script"/> in order.</summary>
    public async Task<IReadOnlyList<InventoryOperationOutcome>> RunAsync(InventoryScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var outcomes = new List<InventoryOperationOutcome>(script.Operations.Count);
        foreach (var op in script.Operations) outcomes.Add(await ApplyAsync(op, cancellationToken).ConfigureAwait(false));
        return outcomes;
    }

    /// <summary>Applies one operation.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is null.</exception>
    /// <exception cref="NotSupportedException">An operation type this runner does not know.</exception>
    public async Task<InventoryOperationOutcome> ApplyAsync(InventoryOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        const string reason = "property-test";
        try
        {
            switch (operation)
            {
                case ReceiveOperation r:
                    await _pool.ReceiveAsync(r.Key, Quantity.Of(r.Units), reason, "receipt", cancellationToken).ConfigureAwait(false);
                    return new(operation, InventoryOperationResult.Applied);
                case ReturnOperation r:
                    await _pool.ReturnAsync(r.Key, Quantity.Of(r.Units), reason, "rma", cancellationToken).ConfigureAwait(false);
                    return new(operation, InventoryOperationResult.Applied);
                case DisposeOperation d:
                    await _pool.DisposeAsync(d.Key, Quantity.Of(d.Units), reason, "disposal", cancellationToken).ConfigureAwait(false);
                    return new(operation, InventoryOperationResult.Applied);
                case AdjustOperation a:
                    await _pool.AdjustAsync(a.Key, a.Delta, reason, "cycle-count", cancellationToken).ConfigureAwait(false);
                    return new(operation, InventoryOperationResult.Applied);
                case MoveStatusOperation m:
                    await _pool.MoveStatusAsync(m.From, m.To, Quantity.Of(m.Units), reason, "status-move", cancellationToken).ConfigureAwait(false);
                    return new(operation, InventoryOperationResult.Applied);
                case TransferOperation t:
                    await _pool.TransferAsync(t.From, t.To, Quantity.Of(t.Units), reason, "transfer", cancellationToken).ConfigureAwait(false);
                    return new(operation, InventoryOperationResult.Applied);
                case ReserveOperation r:
                    return await ReserveAsync(r, cancellationToken).ConfigureAwait(false);
                case ReleaseOperation r:
                    return await ConsumeAsync(operation, r.ReservationIndex, r.LineIndex, ship: false, cancellationToken).ConfigureAwait(false);
                case ShipOperation s:
                    return await ConsumeAsync(operation, s.ReservationIndex, s.LineIndex, ship: true, cancellationToken).ConfigureAwait(false);
                default:
                    throw new NotSupportedException($"Unknown inventory operation {operation.GetType().Name}.");
            }
        }
        catch (InsufficientInventoryException e)
        {
            return new(operation, InventoryOperationResult.Refused, e.Message);
        }
        catch (InvalidStatusTransitionException e)
        {
            return new(operation, InventoryOperationResult.Refused, e.Message);
        }
    }

    private async Task<InventoryOperationOutcome> ReserveAsync(ReserveOperation r, CancellationToken ct)
    {
        _attempts++;
        var id = ReservationId.From("R" + _attempts.ToString(CultureInfo.InvariantCulture));
        var lines = r.Lines.Select((l, i) => new ReservationLine(l.Key, l.Units, OrderLineOf(id, i))).ToArray();
        var result = await _pool.ReserveAsync(new ReservationRequest(id, r.Owner, id.Value, lines, "property-test"), ct).ConfigureAwait(false);
        if (!result.Succeeded) return new(r, InventoryOperationResult.Refused, string.Join("; ", result.Shortages), id);
        _reservations.Add((id, lines.Length));
        return new(r, InventoryOperationResult.Applied, null, id);
    }

    private async Task<InventoryOperationOutcome> ConsumeAsync(InventoryOperation op, int reservationIndex, int? lineIndex, bool ship, CancellationToken ct)
    {
        if (_reservations.Count == 0) return new(op, InventoryOperationResult.Skipped, "no reservation yet");
        var (id, lineCount) = _reservations[Math.Abs(reservationIndex % _reservations.Count)];
        OrderLineId? line = lineIndex is { } li ? OrderLineOf(id, Math.Abs(li % lineCount)) : null;
        if (ship)
        {
            try
            {
                await _pool.ShipAsync(id, "property-test", "shipment", line, ct).ConfigureAwait(false);
            }
            catch (NotFoundException e)
            {
                return new(op, InventoryOperationResult.Skipped, e.Message, id);
            }
            return new(op, InventoryOperationResult.Applied, null, id);
        }
        var entry = await _pool.ReleaseAsync(id, "property-test", "release", line, ct).ConfigureAwait(false);
        return entry is null
            ? new(op, InventoryOperationResult.Skipped, $"reservation {id} has nothing left to release", id)
            : new(op, InventoryOperationResult.Applied, null, id);
    }
}
