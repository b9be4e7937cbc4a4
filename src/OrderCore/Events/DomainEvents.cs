using NodaTime;
using OrderCore.Inventory;
using OrderCore.Orders;

namespace OrderCore.Events;

/// <summary>Something that happened in OrderCore. Events are immutable records named in the past tense and carry ids and values, never aggregates.</summary>
public interface IDomainEvent
{
    /// <summary>When it happened.</summary>
    Instant OccurredAt { get; }
}

/// <summary>A channel order was imported for the first time.</summary>
public sealed record OrderImported(OrderId OrderId, OwnerId Owner, ChannelId Channel, ChannelAccountId Account, string ExternalOrderId, FulfilmentChannel FulfilmentChannel, int LineCount, Instant OccurredAt) : IDomainEvent;

/// <summary>A newer version of a channel order replaced the stored one.</summary>
public sealed record OrderUpdated(OrderId OrderId, long Version, Instant OccurredAt) : IDomainEvent;

/// <summary>An order's status changed.</summary>
public sealed record OrderStatusChanged(OrderId OrderId, OrderStatus From, OrderStatus To, Instant OccurredAt) : IDomainEvent;

/// <summary>An order line was cancelled on its own.</summary>
public sealed record OrderLineCancelled(OrderId OrderId, OrderLineId LineId, Instant OccurredAt) : IDomainEvent;

/// <summary>An open order line was lowered by some units (a partial cancellation); <paramref name="To"/> ≥ 1.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="LineId">The line.</param>
/// <param name="From">Channel units before.</param>
/// <param name="To">Channel units after.</param>
/// <param name="OccurredAt">When.</param>
public sealed record OrderLineReduced(OrderId OrderId, OrderLineId LineId, int From, int To, Instant OccurredAt) : IDomainEvent;

/// <summary>An order went into the exception queue.</summary>
public sealed record OrderExceptionRaised(OrderId OrderId, long ExceptionId, OrderExceptionReason Reason, string Field, string Detail, Instant OccurredAt) : IDomainEvent;

/// <summary>An exception-queue entry was resolved (by an operator, by a re-drive that passed, or by cancellation).</summary>
public sealed record OrderExceptionResolved(OrderId OrderId, long ExceptionId, OrderExceptionReason Reason, string Resolution, Instant OccurredAt) : IDomainEvent;

/// <summary>A hold was placed on an order.</summary>
public sealed record OrderHeld(OrderId OrderId, HoldReason Reason, string Note, Instant OccurredAt) : IDomainEvent;

/// <summary>A hold was lifted.</summary>
public sealed record OrderHoldReleased(OrderId OrderId, HoldReason Reason, Instant OccurredAt) : IDomainEvent;

/// <summary>An allocated order was re-routed: its old reservation was released and the new one made, in one atomic change.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OldReservation">The reservation released.</param>
/// <param name="NewReservation">The reservation that replaced it.</param>
/// <param name="Location">The first location of the new reservation.</param>
/// <param name="Reason">Why (e.g. <c>location-rejected</c>).</param>
/// <param name="OccurredAt">When.</param>
public sealed record OrderRerouted(OrderId OrderId, ReservationId OldReservation, ReservationId NewReservation, LocationId Location, string Reason, Instant OccurredAt) : IDomainEvent;

/// <summary>Units were reserved for an order or shipment.</summary>
public sealed record InventoryReserved(ReservationId ReservationId, string Reference, IReadOnlyList<ReservationLine> Lines, Instant OccurredAt) : IDomainEvent;

/// <summary>Reserved units were released.</summary>
public sealed record InventoryReleased(ReservationId ReservationId, string Reference, int Units, Instant OccurredAt) : IDomainEvent;

/// <summary>Any other inventory movement was recorded (receive, adjust, status move, transfer, ship, return, dispose).</summary>
public sealed record InventoryMoved(LedgerEntry Entry, Instant OccurredAt) : IDomainEvent;

/// <summary>Receives domain events. Register implementations in DI, or subscribe a delegate through <see cref="DomainEventHub.Subscribe"/>.</summary>
public interface IDomainEventHandler
{
    /// <summary>Handles one event. Called after the state change is stored; an exception here does not undo it.</summary>
    ValueTask HandleAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes domain events to the registered <see cref="IDomainEventHandler"/>s and to delegate subscribers, in order.
/// Events are published after the change they describe is stored.
/// </summary>
/// <threadsafety>Subscribe and publish are safe to call concurrently.</threadsafety>
public sealed class DomainEventHub
{
    private readonly IDomainEventHandler[] _handlers;
    private ImmutableSubscribers _subscribers = new([]);

    /// <summary>Creates a hub over the given handlers.</summary>
    public DomainEventHub(IEnumerable<IDomainEventHandler>? handlers = null) => _handlers = handlers?.ToArray() ?? [];

    /// <summary>Subscribes a delegate; dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe(Action<IDomainEvent> handler)
    {
        Guard.NotNull(handler);
        ImmutableSubscribers current, next;
        do
        {
            current = _subscribers;
            next = new ImmutableSubscribers([.. current.Items, handler]);
        }
        while (Interlocked.CompareExchange(ref _subscribers, next, current) != current);
        return new Unsubscriber(this, handler);
    }

    /// <summary>Publishes each event in order to every handler and subscriber.</summary>
    public async ValueTask PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return;
        var subs = _subscribers.Items;
        foreach (var e in events)
        {
            foreach (var s in subs) s(e);
            foreach (var h in _handlers) await h.HandleAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Remove(Action<IDomainEvent> handler)
    {
        ImmutableSubscribers current, next;
        do
        {
            current = _subscribers;
            next = new ImmutableSubscribers(current.Items.Where(h => h != handler).ToArray());
        }
        while (Interlocked.CompareExchange(ref _subscribers, next, current) != current);
    }

    private sealed record ImmutableSubscribers(Action<IDomainEvent>[] Items);

    private sealed class Unsubscriber(DomainEventHub hub, Action<IDomainEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) hub.Remove(handler);
        }
    }
}
