using System.Collections.Frozen;

namespace OrderCore.Orders;

/// <summary>The lifecycle state of an order.</summary>
public enum OrderStatus
{
    /// <summary>Imported; not yet allocated (or de-allocated for re-routing).</summary>
    Received,
    /// <summary>Units are reserved for every live line.</summary>
    Allocated,
    /// <summary>Released to the floor (pick, pack).</summary>
    Released,
    /// <summary>Some live lines have shipped, others not yet.</summary>
    PartiallyShipped,
    /// <summary>Every live line has shipped.</summary>
    Shipped,
    /// <summary>The carrier delivered it.</summary>
    Delivered,
    /// <summary>Cancelled. Terminal: never revived.</summary>
    Cancelled,
    /// <summary>Came back (returned to seller, rejected by the buyer, customer return). Terminal.</summary>
    Returned,
}

/// <summary>The transition table of <see cref="OrderStatus"/>. A move not in the table throws <see cref="InvalidStatusTransitionException"/>.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Received → Allocated, Shipped (marketplace-fulfilled orders ship without local allocation), Cancelled</item>
/// <item>Allocated → Received (de-allocate to re-route), Released, PartiallyShipped, Shipped, Cancelled</item>
/// <item>Released → Allocated (pulled back from the floor), PartiallyShipped, Shipped, Cancelled</item>
/// <item>PartiallyShipped → Shipped, Cancelled (the rest is cancelled; shipped lines stay shipped)</item>
/// <item>Shipped → Delivered, Returned</item>
/// <item>Delivered → Returned</item>
/// <item>Cancelled, Returned → nothing</item>
/// </list>
/// </remarks>
public static class OrderStatusMachine
{
    private static readonly FrozenDictionary<OrderStatus, FrozenSet<OrderStatus>> Table = new Dictionary<OrderStatus, FrozenSet<OrderStatus>>
    {
        [OrderStatus.Received] = new[] { OrderStatus.Allocated, OrderStatus.Shipped, OrderStatus.Cancelled }.ToFrozenSet(),
        [OrderStatus.Allocated] = new[] { OrderStatus.Received, OrderStatus.Released, OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Cancelled }.ToFrozenSet(),
        [OrderStatus.Released] = new[] { OrderStatus.Allocated, OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Cancelled }.ToFrozenSet(),
        [OrderStatus.PartiallyShipped] = new[] { OrderStatus.Shipped, OrderStatus.Cancelled }.ToFrozenSet(),
        [OrderStatus.Shipped] = new[] { OrderStatus.Delivered, OrderStatus.Returned }.ToFrozenSet(),
        [OrderStatus.Delivered] = new[] { OrderStatus.Returned }.ToFrozenSet(),
        [OrderStatus.Cancelled] = FrozenSet<OrderStatus>.Empty,
        [OrderStatus.Returned] = FrozenSet<OrderStatus>.Empty,
    }.ToFrozenDictionary();

    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is in the table.</summary>
    public static bool CanMove(OrderStatus from, OrderStatus to) => Table.TryGetValue(from, out var t) && t.Contains(to);

    /// <summary>The statuses reachable from <paramref name="from"/>.</summary>
    public static IReadOnlyCollection<OrderStatus> Targets(OrderStatus from) => Table.TryGetValue(from, out var t) ? t : FrozenSet<OrderStatus>.Empty;

    /// <summary>True for a status no move leaves.</summary>
    public static bool IsTerminal(OrderStatus status) => Targets(status).Count == 0;

    /// <summary>Throws unless the move is in the table.</summary>
    /// <exception cref="InvalidStatusTransitionException">It is not.</exception>
    public static void EnsureCanMove(OrderStatus from, OrderStatus to, string? subject = null)
    {
        if (!CanMove(from, to)) throw new InvalidStatusTransitionException(nameof(OrderStatus), from.ToString(), to.ToString(), subject);
    }
}
