using NodaTime;
using OrderCore.Catalog;
using OrderCore.Orders;

namespace OrderCore.Ports;

/// <summary>Storage port for the SKU master, kits and channel listings.</summary>
/// <remarks>All members are safe to call concurrently.</remarks>
public interface ICatalogStore
{
    /// <summary>Creates or replaces a product (keyed by owner and SKU).</summary>
    Task UpsertProductAsync(Product product, CancellationToken cancellationToken = default);

    /// <summary>A product, or null.</summary>
    Task<Product?> GetProductAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default);

    /// <summary>Every product of an owner, ordered by SKU.</summary>
    Task<IReadOnlyList<Product>> GetProductsAsync(OwnerId owner, CancellationToken cancellationToken = default);

    /// <summary>Products whose style and size equal the given ones, trimmed and compared case-insensitively (ordinal), ordered by SKU.</summary>
    Task<IReadOnlyList<Product>> FindByAlternateKeyAsync(OwnerId owner, string style, string size, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a listing (keyed by owner, channel, account, external SKU).</summary>
    Task UpsertListingAsync(ChannelListing listing, CancellationToken cancellationToken = default);

    /// <summary>The listing of an external SKU, or null.</summary>
    Task<ChannelListing?> FindListingAsync(OwnerId owner, ChannelId channel, ChannelAccountId account, string externalSku, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a kit definition.</summary>
    Task UpsertKitAsync(KitDefinition kit, CancellationToken cancellationToken = default);

    /// <summary>The kit definition of a SKU, or null when the SKU is not a kit.</summary>
    Task<KitDefinition?> GetKitAsync(OwnerId owner, Sku kit, CancellationToken cancellationToken = default);
}

/// <summary>Storage port for orders and the exception queue.</summary>
/// <remarks>All members are safe to call concurrently. Stores keep their own copies: a loaded order is the caller's to change and save.</remarks>
public interface IOrderStore
{
    /// <summary>Inserts or updates an order with optimistic concurrency on <see cref="Order.Version"/> (0 = new), then increments it.</summary>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or a new order's (owner, channel, account, external id) already exists.</exception>
    Task SaveAsync(Order order, CancellationToken cancellationToken = default);

    /// <summary>An order by id, or null.</summary>
    Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken = default);

    /// <summary>An order by its idempotency key (owner, channel, account, external id), or null.</summary>
    Task<Order?> FindByExternalIdAsync(OwnerId owner, ChannelId channel, ChannelAccountId account, string externalOrderId, CancellationToken cancellationToken = default);

    /// <summary>Every order, optionally of one owner, in insertion order.</summary>
    IAsyncEnumerable<Order> ListAsync(OwnerId? owner = null, CancellationToken cancellationToken = default);

    /// <summary>Adds an exception entry (its <see cref="OrderExceptionEntry.Id"/> is ignored) and returns it with its assigned id.</summary>
    Task<OrderExceptionEntry> AddExceptionAsync(OrderExceptionEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Exception entries, optionally of one order and only open ones, ordered by id.</summary>
    Task<IReadOnlyList<OrderExceptionEntry>> GetExceptionsAsync(OrderId? orderId = null, bool openOnly = true, CancellationToken cancellationToken = default);

    /// <summary>Marks an exception resolved; resolving a resolved entry is a no-op. Returns the entry as stored.</summary>
    /// <exception cref="NotFoundException">No entry has that id.</exception>
    Task<OrderExceptionEntry> ResolveExceptionAsync(long exceptionId, string resolution, Instant resolvedAt, CancellationToken cancellationToken = default);
}

/// <summary>A channel effect waiting to be delivered by an adapter: a stock push, a tracking post-back, an acknowledgement.</summary>
/// <param name="Id">Store-assigned id, ≥ 1.</param>
/// <param name="Kind">What it is, e.g. <c>tracking</c>, <c>stock</c>, <c>ack</c>.</param>
/// <param name="Channel">The target channel.</param>
/// <param name="Account">The target account.</param>
/// <param name="Key">What it is about (order id, SKU): messages of one key are delivered in sequence.</param>
/// <param name="Sequence">Monotonic per (channel, account, kind, key), so an older stock value never overwrites a newer one. Assigned by the store.</param>
/// <param name="Payload">The body, JSON.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="DeliveredAt">When delivered; null while pending.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="LastError">The last delivery error, if any.</param>
public sealed record OutboxMessage(long Id, string Kind, ChannelId Channel, ChannelAccountId Account, string Key, long Sequence, string Payload, Instant CreatedAt, Instant? DeliveredAt = null, int Attempts = 0, string? LastError = null);

/// <summary>Storage port for the outbox of channel effects.</summary>
public interface IOutboxStore
{
    /// <summary>Enqueues a message; the store assigns <see cref="OutboxMessage.Id"/> and <see cref="OutboxMessage.Sequence"/>.</summary>
    Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> undelivered messages, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a message delivered.</summary>
    /// <exception cref="NotFoundException">No message has that id.</exception>
    Task MarkDeliveredAsync(long id, Instant deliveredAt, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt.</summary>
    /// <exception cref="NotFoundException">No message has that id.</exception>
    Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken = default);
}

/// <summary>Storage port for the inbox of channel events: deduplicates webhooks and notifications by their event id.</summary>
public interface IChannelEventInbox
{
    /// <summary>Records an event id atomically. Returns true the first time, false when the (channel, event id) was seen before.</summary>
    Task<bool> TryRecordAsync(ChannelId channel, string eventId, Instant receivedAt, CancellationToken cancellationToken = default);
}
