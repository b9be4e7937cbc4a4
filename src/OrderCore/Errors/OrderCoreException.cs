using OrderCore.Inventory;

namespace OrderCore;

/// <summary>Base class of the exceptions OrderCore throws when a domain rule is broken.</summary>
/// <remarks>Argument errors use the standard <see cref="ArgumentException"/> family instead.</remarks>
public abstract class OrderCoreException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    protected OrderCoreException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Thrown when a status machine is asked for a move its transition table does not allow.</summary>
public sealed class InvalidStatusTransitionException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public InvalidStatusTransitionException(string machine, string from, string to, string? subject = null)
        : base($"{machine}: cannot move{(subject is null ? "" : $" {subject}")} from {from} to {to}.")
    {
        Machine = machine;
        From = from;
        To = to;
        Subject = subject;
    }

    /// <summary>The status machine, e.g. <c>OrderStatus</c> or <c>InventoryStatus</c>.</summary>
    public string Machine { get; }

    /// <summary>The current status.</summary>
    public string From { get; }

    /// <summary>The status asked for.</summary>
    public string To { get; }

    /// <summary>What was being moved (an order id, a SKU), if known.</summary>
    public string? Subject { get; }
}

/// <summary>Thrown when a change would promise more units than a balance has available, or take on hand below zero.</summary>
public sealed class InsufficientInventoryException : OrderCoreException
{
    /// <summary>Creates the exception from the guard failures the store reported.</summary>
    public InsufficientInventoryException(IReadOnlyList<GuardFailure> failures)
        : base("Insufficient inventory: " + string.Join("; ", failures.Select(f => f.ToString())))
    {
        Failures = failures;
    }

    /// <summary>Each balance that could not cover the change, with the quantity needed and the quantity there.</summary>
    public IReadOnlyList<GuardFailure> Failures { get; }
}

/// <summary>Thrown by a store when an aggregate was changed by someone else since it was read (optimistic concurrency).</summary>
public sealed class ConcurrencyConflictException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException(string subject, long expectedVersion, long actualVersion)
        : base($"{subject} was changed concurrently: expected version {expectedVersion}, found {actualVersion}.")
    {
        Subject = subject;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>What was being saved.</summary>
    public string Subject { get; }

    /// <summary>The version the caller read.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the store holds.</summary>
    public long ActualVersion { get; }
}

/// <summary>Thrown when an operation names something OrderCore does not know (an order, a reservation, an exception entry).</summary>
public sealed class NotFoundException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public NotFoundException(string kind, string id) : base($"{kind} '{id}' was not found.")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>The kind of thing, e.g. <c>Order</c>.</summary>
    public string Kind { get; }

    /// <summary>Its identifier.</summary>
    public string Id { get; }
}

/// <summary>Thrown when a merchant-fulfilled order is asked to ship but holds no allocation: OrderCore cannot ship what it has not allocated.</summary>
public sealed class OrderNotAllocatedException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public OrderNotAllocatedException(string orderId)
        : base($"Order {orderId} is not allocated: OrderCore cannot ship what it has not allocated.") => OrderId = orderId;

    /// <summary>The order.</summary>
    public string OrderId { get; }
}

/// <summary>Thrown when a held order is asked to be released to the floor or shipped.</summary>
public sealed class OrderHeldException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public OrderHeldException(string orderId, string reason)
        : base($"Order {orderId} is held ({reason}) and cannot be released or shipped until the hold is lifted.")
    {
        OrderId = orderId;
        Reason = reason;
    }

    /// <summary>The order.</summary>
    public string OrderId { get; }

    /// <summary>The first active hold's reason.</summary>
    public string Reason { get; }
}

/// <summary>Thrown when a movement would take a balance's on hand or reserved past 2,147,483,647 base units.</summary>
public sealed class InventoryLimitExceededException : OrderCoreException
{
    /// <summary>Creates the exception from the guard failures the store reported.</summary>
    public InventoryLimitExceededException(IReadOnlyList<GuardFailure> failures)
        : base("Inventory limit exceeded: " + string.Join("; ", failures.Select(f => f.ToString())))
        => Failures = failures;

    /// <summary>The balances that would overflow.</summary>
    public IReadOnlyList<GuardFailure> Failures { get; }
}
