using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Shopify.Http;
using OrderCore.Adapters.Shopify.Json;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore.Adapters.Shopify.Fulfilment;

/// <summary>
/// Writes OrderCore's Shopify effects to the outbox (<see cref="IOutboxStore"/>): fulfilments with tracking, tracking
/// updates and stock pushes. <see cref="ShopifyOutboxDispatcher"/> delivers them.
/// </summary>
/// <remarks>
/// Message kinds and keys: <see cref="FulfilmentKind"/> and <see cref="TrackingKind"/> keyed by the OrderCore order id;
/// <see cref="StockKind"/> keyed by <c>{sku}@{location}</c>. The store gives each message a sequence per (channel,
/// account, kind, key), which the dispatcher uses so that an older stock value is never sent after a newer one.
/// Payloads are OrderCore's own JSON (not Shopify's). The core has no transaction spanning the order store and the
/// outbox yet: <see cref="ShipAsync"/> ships first and enqueues second, so a crash between the two loses the post-back
/// (re-enqueue it; delivery is idempotent, see the dispatcher).
/// </remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class ShopifyOutbox
{
    /// <summary>Outbox kind of a fulfilment to post.</summary>
    public const string FulfilmentKind = "shopify.fulfillment";

    /// <summary>Outbox kind of a tracking update.</summary>
    public const string TrackingKind = "shopify.tracking";

    /// <summary>Outbox kind of a stock push.</summary>
    public const string StockKind = "shopify.stock";

    private readonly IOutboxStore _outbox;
    private readonly IOrderStore _orders;
    private readonly OrderFulfilment _fulfilment;
    private readonly IClock _clock;
    private readonly ShopifyOptions _options;

    /// <summary>Creates the writer.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ShopifyOutbox(IOutboxStore outbox, IOrderStore orders, OrderFulfilment fulfilment, IClock clock, IOptions<ShopifyOptions> options)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _fulfilment = fulfilment ?? throw new ArgumentNullException(nameof(fulfilment));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
    }

    /// <summary>
    /// Ships the order's open lines in OrderCore (<see cref="OrderFulfilment.ShipAsync"/>) and enqueues their fulfilment
    /// for Shopify with <paramref name="tracking"/>.
    /// </summary>
    /// <returns>The order after shipping and the outbox message.</returns>
    /// <exception cref="NotFoundException">The order does not exist.</exception>
    /// <exception cref="InvalidOperationException">The order cannot ship (see <see cref="OrderFulfilment.ShipAsync"/>) or is not a Shopify order of this shop.</exception>
    public async Task<(Order Order, OutboxMessage Message)> ShipAsync(OrderId orderId, ShopifyTracking tracking, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        var before = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), orderId.ToString());
        EnsureShopify(before);
        var open = before.OpenLines.Select(l => l.Id).ToArray();
        var location = before.AllocatedLocation;
        var order = await _fulfilment.ShipAsync(orderId, tracking.Number ?? "shopify-fulfilment", cancellationToken).ConfigureAwait(false);
        var message = await EnqueueFulfilmentAsync(orderId, tracking, open, location, cancellationToken).ConfigureAwait(false);
        return (order, message);
    }

    /// <summary>
    /// Enqueues the fulfilment of shipped lines of a Shopify order: each line's Shopify line item and channel quantity, at
    /// the Shopify location mapped to <paramref name="shippedFrom"/> (default: the order's allocated location), with
    /// tracking and <see cref="ShopifyOptions.NotifyCustomer"/>.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="tracking">Carrier, number, URL.</param>
    /// <param name="lines">The lines shipped; null for every shipped line.</param>
    /// <param name="shippedFrom">The OrderCore location, or null for the order's allocated location.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotFoundException">The order does not exist.</exception>
    /// <exception cref="InvalidOperationException">The order is not a Shopify order of this shop, or no named line is shipped.</exception>
    public async Task<OutboxMessage> EnqueueFulfilmentAsync(OrderId orderId, ShopifyTracking tracking, IReadOnlyCollection<OrderLineId>? lines = null, LocationId? shippedFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), orderId.ToString());
        var shopifyOrderId = EnsureShopify(order);
        var shipped = order.Lines.Where(l => l.Status == OrderLineStatus.Shipped && (lines is null || lines.Contains(l.Id)) && l.ExternalLineId is not null).ToArray();
        if (shipped.Length == 0) throw new InvalidOperationException($"Order {orderId} has no shipped line to post to Shopify.");
        var location = shippedFrom ?? order.AllocatedLocation;
        var payload = new FulfilmentOutboxPayload
        {
            OrderId = orderId.Value,
            ShopifyOrderId = shopifyOrderId,
            ShopifyLocationId = location is { } l ? _options.ShopifyLocationOf(l) : null,
            Lines = shipped.Select(s => new FulfilmentOutboxLine { LineItemId = long.Parse(s.ExternalLineId!, CultureInfo.InvariantCulture), Quantity = s.Quantity }).ToList(),
            TrackingCompany = tracking.Company,
            TrackingNumber = tracking.Number,
            TrackingUrl = tracking.Url,
            NotifyCustomer = _options.NotifyCustomer,
        };
        return await EnqueueAsync(FulfilmentKind, orderId.Value, Encoding.UTF8.GetString(ShopifyJson.Write(payload, ShopifyJsonContext.Default.FulfilmentOutboxPayload)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enqueues a tracking update of a posted fulfilment (Shopify <c>update_tracking</c>).</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="tracking">The new carrier, number and URL.</param>
    /// <param name="previousTrackingNumber">The number the fulfilment carries now (picks the fulfilment); null for the order's latest successful fulfilment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotFoundException">The order does not exist.</exception>
    /// <exception cref="InvalidOperationException">The order is not a Shopify order of this shop.</exception>
    public async Task<OutboxMessage> EnqueueTrackingUpdateAsync(OrderId orderId, ShopifyTracking tracking, string? previousTrackingNumber = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), orderId.ToString());
        var payload = new FulfilmentOutboxPayload
        {
            OrderId = orderId.Value,
            ShopifyOrderId = EnsureShopify(order),
            TrackingCompany = tracking.Company,
            TrackingNumber = tracking.Number,
            TrackingUrl = tracking.Url,
            NotifyCustomer = _options.NotifyCustomer,
            PreviousTrackingNumber = previousTrackingNumber,
        };
        return await EnqueueAsync(TrackingKind, orderId.Value, Encoding.UTF8.GetString(ShopifyJson.Write(payload, ShopifyJsonContext.Default.FulfilmentOutboxPayload)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Enqueues a stock push: the <c>available</c> quantity Shopify should show for <paramref name="sku"/> at the Shopify
    /// location mapped to <paramref name="location"/> (OrderCore's ATP for the channel, computed by the caller).
    /// </summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="inventoryItemId">Shopify's inventory item of the SKU's variant.</param>
    /// <param name="location">The OrderCore location; it must be in <see cref="ShopifyOptions.LocationMap"/>.</param>
    /// <param name="available">Units to show, ≥ 0.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="available"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="location"/> is not mapped to a Shopify location.</exception>
    public async Task<OutboxMessage> EnqueueStockAsync(Sku sku, long inventoryItemId, LocationId location, int available, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        var shopifyLocation = _options.ShopifyLocationOf(location) ?? throw new InvalidOperationException($"Location {location} is not in ShopifyOptions.LocationMap.");
        var payload = new StockOutboxPayload { Sku = sku.Value, InventoryItemId = inventoryItemId, ShopifyLocationId = shopifyLocation, Available = available };
        return await EnqueueAsync(StockKind, $"{sku.Value}@{location.Value}", Encoding.UTF8.GetString(ShopifyJson.Write(payload, ShopifyJsonContext.Default.StockOutboxPayload)), cancellationToken).ConfigureAwait(false);
    }

    private Task<OutboxMessage> EnqueueAsync(string kind, string key, string payload, CancellationToken ct)
        => _outbox.EnqueueAsync(new OutboxMessage(0, kind, ShopifyOptions.Channel, _options.EffectiveAccount, key, 0, payload, _clock.GetCurrentInstant()), ct);

    private long EnsureShopify(Order order)
    {
        if (order.Channel != ShopifyOptions.Channel || order.Account != _options.EffectiveAccount)
        {
            throw new InvalidOperationException($"Order {order.Id} is a {order.Channel}/{order.Account} order, not one of Shopify shop {_options.EffectiveAccount}.");
        }
        return long.TryParse(order.ExternalOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException($"Order {order.Id} has external id '{order.ExternalOrderId}', not a Shopify order id.");
    }
}
