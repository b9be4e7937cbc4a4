using OrderCore.Inventory;
using OrderCore.Testing;

namespace OrderCore.Tests.Support;

/// <summary>
/// A deliberately naive reference model of the inventory pool: a dictionary of (on hand, reserved) per balance and a
/// list of reservations, with the store rules written out longhand. Properties run the same script through the real
/// pool and through this model and demand the same outcome for every operation and the same balances at the end.
/// </summary>
internal sealed class InventoryModel
{
    private readonly Dictionary<BalanceKey, (int OnHand, int Reserved)> _balances = new();
    private readonly List<(ReservationId Id, int LineCount, List<(int Line, BalanceKey Key, int Units)> Lines)> _reservations = new();
    private readonly bool _allowNegative;
    private readonly InventoryStatusGraph _graph;
    private int _attempts;

    public InventoryModel(bool allowNegative = false, InventoryStatusGraph? graph = null)
    {
        _allowNegative = allowNegative;
        _graph = graph ?? InventoryStatusGraph.Default;
    }

    public IReadOnlyDictionary<BalanceKey, (int OnHand, int Reserved)> Balances => _balances;

    /// <summary>Units still reserved per balance, summed over the model's live reservations.</summary>
    public IReadOnlyDictionary<BalanceKey, int> ReservedByReservations()
        => _reservations.SelectMany(r => r.Lines).GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Sum(l => l.Units));

    public InventoryOperationResult Apply(InventoryOperation operation) => operation switch
    {
        ReceiveOperation r => Change((r.Key, r.Units, 0)),
        ReturnOperation r => Change((r.Key, r.Units, 0)),
        DisposeOperation d => Change((d.Key, -d.Units, 0)),
        AdjustOperation a => Change(true, (a.Key, a.Delta, 0)),
        MoveStatusOperation m => _graph.CanMove(m.From.Status, m.To)
            ? Change((m.From, -m.Units, 0), (m.From.WithStatus(m.To), m.Units, 0))
            : InventoryOperationResult.Refused,
        TransferOperation t => Change((t.From, -t.Units, 0), (t.From.AtLocation(t.To), t.Units, 0)),
        ReserveOperation r => Reserve(r),
        ReleaseOperation r => Consume(r.ReservationIndex, r.LineIndex, ship: false),
        ShipOperation s => Consume(s.ReservationIndex, s.LineIndex, ship: true),
        _ => throw new NotSupportedException(operation.GetType().Name),
    };

    private InventoryOperationResult Reserve(ReserveOperation r)
    {
        _attempts++;
        var result = Change(r.Lines.Select(l => (l.Key, 0, l.Units)).ToArray());
        if (result == InventoryOperationResult.Applied)
        {
            var id = ReservationId.From($"R{_attempts}");
            _reservations.Add((id, r.Lines.Count, r.Lines.Select((l, i) => (i, l.Key, l.Units)).ToList()));
        }
        return result;
    }

    private InventoryOperationResult Consume(int reservationIndex, int? lineIndex, bool ship)
    {
        if (_reservations.Count == 0) return InventoryOperationResult.Skipped;
        var reservation = _reservations[Math.Abs(reservationIndex % _reservations.Count)];
        int? line = lineIndex is { } li ? Math.Abs(li % reservation.LineCount) : null;
        var taken = reservation.Lines.Where(l => line is null || l.Line == line).ToArray();
        if (taken.Length == 0) return InventoryOperationResult.Skipped;
        var result = Change(taken.Select(l => (l.Key, ship ? -l.Units : 0, -l.Units)).ToArray());
        if (result == InventoryOperationResult.Applied) reservation.Lines.RemoveAll(l => taken.Contains(l));
        return result;
    }

    /// <summary>The store rules: deltas summed per balance, then reserved ≥ 0, on hand ≥ 0 (unless allowed: count adjustments only), reserved ≤ max(on hand, 0).</summary>
    private InventoryOperationResult Change(params (BalanceKey Key, int OnHand, int Reserved)[] deltas) => Change(false, deltas);

    private InventoryOperationResult Change(bool negativeAllowed, params (BalanceKey Key, int OnHand, int Reserved)[] deltas)
    {
        var net = deltas.GroupBy(d => d.Key).Select(g => (Key: g.Key, OnHand: g.Sum(d => d.OnHand), Reserved: g.Sum(d => d.Reserved))).ToArray();
        foreach (var d in net)
        {
            var (onHand, reserved) = _balances.GetValueOrDefault(d.Key);
            onHand += d.OnHand;
            reserved += d.Reserved;
            if (reserved < 0) return InventoryOperationResult.Refused;
            if (onHand < 0 && !(negativeAllowed && _allowNegative)) return InventoryOperationResult.Refused;
            if (reserved > Math.Max(onHand, 0)) return InventoryOperationResult.Refused;
        }
        foreach (var d in net)
        {
            var (onHand, reserved) = _balances.GetValueOrDefault(d.Key);
            _balances[d.Key] = (onHand + d.OnHand, reserved + d.Reserved);
        }
        return InventoryOperationResult.Applied;
    }
}
