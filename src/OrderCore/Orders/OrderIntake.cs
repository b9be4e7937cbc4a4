using NodaTime;
using OrderCore.Catalog;
using OrderCore.Events;
using OrderCore.Ports;

namespace OrderCore.Orders;

/// <summary>What <see cref="OrderIntake.ImportAsync"/> did with a channel order.</summary>
public enum IntakeOutcome
{
    /// <summary>A new order was created.</summary>
    Created,
    /// <summary>A newer version updated the stored order.</summary>
    Updated,
    /// <summary>The same version was already stored: nothing changed.</summary>
    Unchanged,
    /// <summary>An older version arrived after a newer one: ignored.</summary>
    IgnoredOlder,
    /// <summary>The stored order is cancelled (or otherwise closed) and is never revived: ignored.</summary>
    IgnoredClosed,
}

/// <summary>The result of importing one channel order.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Order">The order as stored after the import.</param>
public sealed record IntakeResult(IntakeOutcome Outcome, Order Order);

/// <summary>The result of validating an order.</summary>
/// <param name="IsValid">True when no exception was raised.</param>
/// <param name="Exceptions">The exception-queue entries raised.</param>
public sealed record ValidationResult(bool IsValid, IReadOnlyList<OrderExceptionEntry> Exceptions);

/// <summary>
/// Imports channel orders idempotently on (owner, channel, account, external id) and validates them. The same payload
/// twice changes nothing; a newer version updates; an older one is ignored; a cancelled order is never revived
/// (DESIGN invariant 4). Validation puts an order in the exception queue with a typed reason and the field concerned.
/// </summary>
/// <threadsafety>Safe to use concurrently; concurrent imports of the same order are serialised by the store's optimistic version.</threadsafety>
public sealed class OrderIntake
{
    private readonly IOrderStore _orders;
    private readonly SkuResolver _resolver;
    private readonly ICatalogStore _catalog;
    private readonly OrderFulfilment _fulfilment;
    private readonly DomainEventHub _events;
    private readonly IClock _clock;

    /// <summary>Creates the intake.</summary>
    public OrderIntake(IOrderStore orders, SkuResolver resolver, ICatalogStore catalog, OrderFulfilment fulfilment, DomainEventHub events, IClock clock)
    {
        _orders = Guard.NotNull(orders);
        _resolver = Guard.NotNull(resolver);
        _catalog = Guard.NotNull(catalog);
        _fulfilment = Guard.NotNull(fulfilment);
        _events = Guard.NotNull(events);
        _clock = Guard.NotNull(clock);
    }

    /// <summary>
    /// The OrderCore id given to a channel order: <c>{owner}:{channel}:{account}:{external id}</c>, each part with
    /// <c>%</c> and <c>:</c> percent-encoded so that different keys never share an id (<c>amazon:in</c> / <c>acct</c> vs
    /// <c>amazon</c> / <c>in:acct</c>).
    /// </summary>
    /// <remarks>An id longer than 180 characters keeps its first 160 and ends with <c>~</c> and 16 hex digits of its SHA-256,
    /// so that line ids (<c>{order id}/{n}</c>) stay within the 200-character identifier limit.</remarks>
    public static OrderId IdFor(ChannelOrder source)
    {
        var id = $"{Escape(Guard.NotNull(source).Owner.Value)}:{Escape(source.Channel.Value)}:{Escape(source.Account.Value)}:{Escape(source.ExternalOrderId.Trim())}";
        if (id.Length <= 180) return OrderId.From(id);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
        return OrderId.From($"{id[..160]}~{hash[..16]}");
    }

    private static string Escape(string part) => part.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);

    /// <summary>Imports one channel order. A new order whose channel status is cancelled is imported and then cancelled.</summary>
    /// <exception cref="ArgumentException">The payload is invalid (no lines, blank external id, negative quantity).</exception>
    public async Task<IntakeResult> ImportAsync(ChannelOrder source, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(source);
        var now = _clock.GetCurrentInstant();
        var existing = await _orders.FindByExternalIdAsync(source.Owner, source.Channel, source.Account, source.ExternalOrderId.Trim(), cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var order = Order.Import(IdFor(source), source, now);
            await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
            if (source.IsCancelled) order = await _fulfilment.CancelAsync(order.Id, "channel-cancelled", cancellationToken).ConfigureAwait(false);
            return new IntakeResult(IntakeOutcome.Created, order);
        }
        if (source.Version == existing.ExternalVersion) return new IntakeResult(IntakeOutcome.Unchanged, existing);
        if (source.Version < existing.ExternalVersion) return new IntakeResult(IntakeOutcome.IgnoredOlder, existing);
        if (OrderStatusMachine.IsTerminal(existing.Status)) return new IntakeResult(IntakeOutcome.IgnoredClosed, existing);
        if (source.IsCancelled)
        {
            // Record the cancelling version itself, so that the same payload again is Unchanged and an older one is ignored.
            existing.ApplyChannelUpdate(source, now);
            await SaveAndPublishAsync(existing, cancellationToken).ConfigureAwait(false);
            return new IntakeResult(IntakeOutcome.Updated, await _fulfilment.CancelAsync(existing.Id, "channel-cancelled", cancellationToken).ConfigureAwait(false));
        }
        var wasAllocated = existing.ReservationId is not null;
        var changed = existing.ApplyChannelUpdate(source, now);
        await SaveAndPublishAsync(existing, cancellationToken).ConfigureAwait(false);
        if (changed && wasAllocated)
        {
            // An allocated order is re-routed from scratch; one already on the floor cannot go back to Received, so only the
            // units of the lines the channel cancelled are released.
            existing = existing.Status == OrderStatus.Allocated
                ? await _fulfilment.DeallocateAsync(existing.Id, "channel-update", cancellationToken).ConfigureAwait(false)
                : await _fulfilment.ReleaseCancelledLinesAsync(existing.Id, "channel-update", cancellationToken).ConfigureAwait(false);
        }
        return new IntakeResult(IntakeOutcome.Updated, existing);
    }

    /// <summary>
    /// Validates the open lines of an order: each maps to exactly one SKU (listing, SKU code or alternate key), is not
    /// blocked and has a quantity ≥ 1; then, for merchant-fulfilled orders only, the ship-to address has city, region,
    /// postal code and country. Raises one exception-queue entry per problem; open validation entries from an earlier
    /// run are resolved first, so a re-drive reflects the current catalog.
    /// </summary>
    /// <exception cref="NotFoundException">The order does not exist.</exception>
    public async Task<ValidationResult> ValidateAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), orderId.ToString());
        var now = _clock.GetCurrentInstant();
        foreach (var old in await _orders.GetExceptionsAsync(orderId, true, cancellationToken).ConfigureAwait(false))
        {
            if (old.Reason is not OrderExceptionReason.InsufficientInventory)
            {
                await _orders.ResolveExceptionAsync(old.Id, "revalidated", now, cancellationToken).ConfigureAwait(false);
            }
        }
        if (OrderStatusMachine.IsTerminal(order.Status) || !order.OpenLines.Any())
        {
            // Nothing left to fulfil (cancelled, returned, or every line cancelled): nothing to validate, nothing to raise.
            return new ValidationResult(true, []);
        }
        var problems = new List<(OrderExceptionReason Reason, string Field, string Detail)>();
        var unitsBySku = new Dictionary<Sku, long>();
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            if (line.Status != OrderLineStatus.Open) continue;
            var r = await _resolver.ResolveAsync(order.Owner, order.Channel, order.Account, line.ExternalSku, line.Style, line.Size, cancellationToken).ConfigureAwait(false);
            var field = r.Field == "sku" ? $"lines[{i}].sku" : $"lines[{i}].style+size";
            switch (r.Kind)
            {
                case SkuResolutionKind.None:
                    problems.Add((OrderExceptionReason.UnmappedSku, field, line.ExternalSku is not null
                        ? $"SKU '{line.ExternalSku}' maps to no product"
                        : $"style '{line.Style}' size '{line.Size}' matches no product"));
                    continue;
                case SkuResolutionKind.Several:
                    problems.Add((OrderExceptionReason.AmbiguousSku, field, $"style '{line.Style}' size '{line.Size}' matches {r.Candidates.Count} products: {string.Join(", ", r.Candidates)}"));
                    continue;
            }
            order.MapLine(line.Id, r.Sku!.Value, r.PackMultiplier);
            if (line.Quantity < 1) problems.Add((OrderExceptionReason.InvalidQuantity, $"lines[{i}].quantity", "a live line needs at least one unit"));
            var product = await _catalog.GetProductAsync(order.Owner, r.Sku.Value, cancellationToken).ConfigureAwait(false);
            if (product?.IsBlocked == true) problems.Add((OrderExceptionReason.BlockedSku, $"lines[{i}].sku", $"SKU '{r.Sku}' is blocked"));
            var units = (long)line.Quantity * r.PackMultiplier;
            var skuTotal = unitsBySku.GetValueOrDefault(r.Sku.Value) + units;
            unitsBySku[r.Sku.Value] = skuTotal;
            if (skuTotal > int.MaxValue)
            {
                problems.Add((OrderExceptionReason.InvalidQuantity, $"lines[{i}].quantity",
                    $"SKU '{r.Sku}' totals {skuTotal} base units on this order, more than the 2,147,483,647 a balance can hold"));
            }
        }
        if (order.FulfilmentChannel == FulfilmentChannel.Merchant)
        {
            if (order.ShipTo is null) problems.Add((OrderExceptionReason.MissingAddress, "ship_to", "a merchant-fulfilled order needs a ship-to address"));
            else
            {
                foreach (var f in order.ShipTo.MissingShippingFields()) problems.Add((OrderExceptionReason.MissingAddress, $"ship_to.{f}", $"ship-to {f} is blank"));
            }
        }
        await SaveAndPublishAsync(order, cancellationToken).ConfigureAwait(false);
        var raised = new List<OrderExceptionEntry>();
        foreach (var (reason, field, detail) in problems)
        {
            raised.Add(await _fulfilment.RaiseAsync(order.Id, reason, field, detail, now, cancellationToken).ConfigureAwait(false));
        }
        return new ValidationResult(raised.Count == 0, raised);
    }

    private async Task SaveAndPublishAsync(Order order, CancellationToken ct)
    {
        await _orders.SaveAsync(order, ct).ConfigureAwait(false);
        await _events.PublishAsync(order.DequeueEvents(), ct).ConfigureAwait(false);
    }
}
