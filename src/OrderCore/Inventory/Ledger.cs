using NodaTime;

namespace OrderCore.Inventory;

/// <summary>The kind of an inventory movement.</summary>
public enum MovementType
{
    /// <summary>Units arrive (purchase order, initial stock): on hand +.</summary>
    Receive,
    /// <summary>A count correction: on hand ±.</summary>
    Adjust,
    /// <summary>Units change purpose at the same location: on hand − in one status, + in another.</summary>
    MoveStatus,
    /// <summary>Units move between locations in the same status.</summary>
    Transfer,
    /// <summary>Units are committed to an order or shipment: reserved +.</summary>
    Reserve,
    /// <summary>A commitment is undone: reserved −.</summary>
    Release,
    /// <summary>Reserved units leave: on hand − and reserved −.</summary>
    Ship,
    /// <summary>Units come back from a customer (usually into ReturnPending): on hand +.</summary>
    Return,
    /// <summary>Units are destroyed or sent back to the vendor: on hand −.</summary>
    Dispose,
}

/// <summary>The change to one balance within a ledger entry.</summary>
/// <param name="Key">The balance.</param>
/// <param name="OnHand">Change to on hand, in base units (signed).</param>
/// <param name="Reserved">Change to reserved, in base units (signed).</param>
public readonly record struct BalanceDelta(BalanceKey Key, int OnHand, int Reserved);

/// <summary>One append-only inventory movement. Balances are the sum of the deltas of every entry, in sequence order.</summary>
/// <param name="Sequence">Position in the ledger, assigned by the store: 1, 2, 3… with no gaps, per store.</param>
/// <param name="OccurredAt">When the movement happened.</param>
/// <param name="Type">The kind of movement.</param>
/// <param name="Deltas">The balance changes; never empty.</param>
/// <param name="Reason">Why the movement happened (required, e.g. <c>order-allocation</c>, <c>cycle-count</c>).</param>
/// <param name="Reference">The reference document (order id, shipment id, receipt number).</param>
/// <param name="Reservation">The reservation the movement belongs to, for reserve, release and ship.</param>
public sealed record LedgerEntry(
    long Sequence,
    Instant OccurredAt,
    MovementType Type,
    IReadOnlyList<BalanceDelta> Deltas,
    string Reason,
    string Reference,
    ReservationId? Reservation = null);

/// <summary>One line of a reservation: units of one balance committed for one order line.</summary>
/// <param name="Key">The balance the units are reserved from.</param>
/// <param name="Quantity">Units reserved, ≥ 1.</param>
/// <param name="OrderLine">The order line the units are for, if any.</param>
public readonly record struct ReservationLine(BalanceKey Key, int Quantity, OrderLineId? OrderLine = null);

/// <summary>Units committed to an order or a shipment, across one or more balances.</summary>
/// <param name="Id">The reservation id.</param>
/// <param name="Owner">The owner all lines belong to.</param>
/// <param name="Reference">The document the units are reserved for (e.g. an order id).</param>
/// <param name="Lines">The reserved units; a line leaves the reservation when it is shipped or released.</param>
/// <param name="CreatedAt">When the reservation was made.</param>
/// <param name="Version">1 when created; incremented each time part of it is shipped or released.</param>
public sealed record Reservation(ReservationId Id, OwnerId Owner, string Reference, IReadOnlyList<ReservationLine> Lines, Instant CreatedAt, long Version = 1)
{
    /// <summary>Total units still reserved.</summary>
    public int TotalUnits => Lines.Sum(l => l.Quantity);
}
