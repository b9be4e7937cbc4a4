using System.Runtime.CompilerServices;
using NodaTime;
using OrderCore.Catalog;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore.InMemory;

/// <summary>In-memory <see cref="ICatalogStore"/>.</summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class InMemoryCatalogStore : ICatalogStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(OwnerId, Sku), Product> _products = new();
    private readonly Dictionary<(OwnerId, string, string), List<Product>> _byAlternateKey = new();
    private readonly Dictionary<(OwnerId, ChannelId, ChannelAccountId, string), ChannelListing> _listings = new();
    private readonly Dictionary<(OwnerId, Sku), KitDefinition> _kits = new();

    /// <inheritdoc />
    public Task UpsertProductAsync(Product product, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(product);
        if (product.Owner.IsDefault || product.Sku.IsDefault) throw new ArgumentException("A product needs an owner and a SKU.", nameof(product));
        lock (_lock)
        {
            if (_products.TryGetValue((product.Owner, product.Sku), out var old) && AltKey(old) is { } oldKey)
            {
                _byAlternateKey[oldKey].Remove(old);
            }
            _products[(product.Owner, product.Sku)] = product;
            if (AltKey(product) is { } key)
            {
                if (!_byAlternateKey.TryGetValue(key, out var list)) _byAlternateKey[key] = list = new List<Product>(1);
                list.Add(product);
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Product?> GetProductAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_products.GetValueOrDefault((owner, sku)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Product>> GetProductsAsync(OwnerId owner, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<Product>>(_products.Values.Where(p => p.Owner == owner).OrderBy(p => p.Sku).ToArray());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Product>> FindByAlternateKeyAsync(OwnerId owner, string style, string size, CancellationToken cancellationToken = default)
    {
        var key = (owner, Norm(style), Norm(size));
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Product>>(_byAlternateKey.TryGetValue(key, out var list) ? list.OrderBy(p => p.Sku).ToArray() : []);
        }
    }

    /// <inheritdoc />
    public Task UpsertListingAsync(ChannelListing listing, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(listing);
        if (listing.PackMultiplier < 1) throw new ArgumentOutOfRangeException(nameof(listing), listing.PackMultiplier, "Pack multiplier must be at least 1.");
        Guard.NotBlank(listing.ExternalSku);
        lock (_lock) _listings[(listing.Owner, listing.Channel, listing.Account, listing.ExternalSku.Trim())] = listing with { ExternalSku = listing.ExternalSku.Trim() };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ChannelListing?> FindListingAsync(OwnerId owner, ChannelId channel, ChannelAccountId account, string externalSku, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_listings.GetValueOrDefault((owner, channel, account, externalSku.Trim())));
    }

    /// <inheritdoc />
    public Task UpsertKitAsync(KitDefinition kit, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(kit);
        lock (_lock) _kits[(kit.Owner, kit.Kit)] = kit;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<KitDefinition?> GetKitAsync(OwnerId owner, Sku kit, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_kits.GetValueOrDefault((owner, kit)));
    }

    private static (OwnerId, string, string)? AltKey(Product p)
        => string.IsNullOrWhiteSpace(p.Style) || string.IsNullOrWhiteSpace(p.Size) ? null : (p.Owner, Norm(p.Style), Norm(p.Size));

    private static string Norm(string s) => s.Trim().ToUpperInvariant();
}

/// <summary>In-memory <see cref="IOrderStore"/> with optimistic versions and a unique external key.</summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<OrderId, Order> _orders = new();
    private readonly List<OrderId> _insertionOrder = new();
    private readonly Dictionary<(OwnerId, ChannelId, ChannelAccountId, string), OrderId> _byExternal = new();
    private readonly List<OrderExceptionEntry> _exceptions = new();

    /// <inheritdoc />
    public Task SaveAsync(Order order, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(order);
        var key = (order.Owner, order.Channel, order.Account, order.ExternalOrderId);
        lock (_lock)
        {
            var stored = _orders.GetValueOrDefault(order.Id);
            var storedVersion = stored?.Version ?? 0;
            if (storedVersion != order.Version) throw new ConcurrencyConflictException($"Order {order.Id}", order.Version, storedVersion);
            if (stored is null)
            {
                if (_byExternal.TryGetValue(key, out var existing))
                {
                    throw new ConcurrencyConflictException($"Order {order.ExternalOrderId} on {order.Channel}/{order.Account} (already stored as {existing})", 0, 1);
                }
                _byExternal[key] = order.Id;
                _insertionOrder.Add(order.Id);
            }
            order.Version = storedVersion + 1;
            _orders[order.Id] = order.Clone();
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_orders.GetValueOrDefault(id)?.Clone());
    }

    /// <inheritdoc />
    public Task<Order?> FindByExternalIdAsync(OwnerId owner, ChannelId channel, ChannelAccountId account, string externalOrderId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_byExternal.TryGetValue((owner, channel, account, externalOrderId), out var id) ? _orders[id].Clone() : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Order> ListAsync(OwnerId? owner = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Order[] snapshot;
        lock (_lock) snapshot = _insertionOrder.Select(id => _orders[id]).Where(o => owner is null || o.Owner == owner).Select(o => o.Clone()).ToArray();
        foreach (var o in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return o;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<OrderExceptionEntry> AddExceptionAsync(OrderExceptionEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        lock (_lock)
        {
            var stored = entry with { Id = _exceptions.Count + 1 };
            _exceptions.Add(stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrderExceptionEntry>> GetExceptionsAsync(OrderId? orderId = null, bool openOnly = true, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<OrderExceptionEntry>>(_exceptions
                .Where(e => (orderId is null || e.OrderId == orderId) && (!openOnly || e.IsOpen)).ToArray());
        }
    }

    /// <inheritdoc />
    public Task<OrderExceptionEntry> ResolveExceptionAsync(long exceptionId, string resolution, Instant resolvedAt, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(resolution);
        lock (_lock)
        {
            if (exceptionId < 1 || exceptionId > _exceptions.Count) throw new NotFoundException(nameof(OrderExceptionEntry), exceptionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var e = _exceptions[(int)exceptionId - 1];
            if (!e.IsOpen) return Task.FromResult(e);
            e = e with { ResolvedAt = resolvedAt, Resolution = resolution };
            _exceptions[(int)exceptionId - 1] = e;
            return Task.FromResult(e);
        }
    }
}

/// <summary>In-memory <see cref="IOutboxStore"/>.</summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Lock _lock = new();
    private readonly List<OutboxMessage> _messages = new();
    private readonly Dictionary<(ChannelId, ChannelAccountId, string, string), long> _sequences = new();

    /// <inheritdoc />
    public Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(message);
        Guard.NotBlank(message.Kind);
        Guard.NotBlank(message.Key);
        lock (_lock)
        {
            var seqKey = (message.Channel, message.Account, message.Kind, message.Key);
            var seq = _sequences.GetValueOrDefault(seqKey) + 1;
            _sequences[seqKey] = seq;
            var stored = message with { Id = _messages.Count + 1, Sequence = seq, DeliveredAt = null, Attempts = 0, LastError = null };
            _messages.Add(stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        Guard.Positive(max);
        lock (_lock) return Task.FromResult<IReadOnlyList<OutboxMessage>>(_messages.Where(m => m.DeliveredAt is null).Take(max).ToArray());
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long id, Instant deliveredAt, CancellationToken cancellationToken = default)
    {
        lock (_lock) Update(id, m => m with { DeliveredAt = deliveredAt, Attempts = m.Attempts + 1 });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken = default)
    {
        lock (_lock) Update(id, m => m with { Attempts = m.Attempts + 1, LastError = error });
        return Task.CompletedTask;
    }

    private void Update(long id, Func<OutboxMessage, OutboxMessage> change)
    {
        if (id < 1 || id > _messages.Count) throw new NotFoundException(nameof(OutboxMessage), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _messages[(int)id - 1] = change(_messages[(int)id - 1]);
    }
}

/// <summary>In-memory <see cref="IChannelEventInbox"/>: an atomic set insert, not check-then-insert.</summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class InMemoryChannelEventInbox : IChannelEventInbox
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ChannelId, string), Instant> _seen = new();

    /// <inheritdoc />
    public Task<bool> TryRecordAsync(ChannelId channel, string eventId, Instant receivedAt, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(eventId);
        return Task.FromResult(_seen.TryAdd((channel, eventId.Trim()), receivedAt));
    }
}
