using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using OrderCore.Adapters.Shopify.Json;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Adapters.Shopify.Refunds;
using OrderCore.Catalog;
using OrderCore.Events;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore.Adapters.Shopify.Import;

/// <summary>How a Shopify refund was applied.</summary>
public enum ShopifyRefundOutcome
{
    /// <summary>Applied now: its units were released, or an expected return was announced, or it was refund only.</summary>
    Applied,
    /// <summary>Already applied before (same refund id, whichever path brought it): nothing changed.</summary>
    Duplicate,
    /// <summary>It came with the first order payload OrderCore saw: the order's quantities already reflect it, so it was only recorded (money reconciliation).</summary>
    RecordedWithOrder,
    /// <summary>OrderCore does not know the order yet: nothing was recorded; the next order payload (which lists its refunds) applies it.</summary>
    OrderUnknown,
}

/// <summary>What OrderCore did with one Shopify refund.</summary>
/// <param name="RefundId">The refund id.</param>
/// <param name="Outcome">How it was applied.</param>
/// <param name="Lines">The effect of each refund line (empty unless applied).</param>
/// <param name="ExpectedReturn">The expected return announced, or null.</param>
/// <param name="Refunded">Money returned to the buyer (successful refund transactions), if known.</param>
public sealed record ShopifyRefundResult(long RefundId, ShopifyRefundOutcome Outcome, IReadOnlyList<ShopifyRefundLineEffect> Lines, ShopifyExpectedReturn? ExpectedReturn, Money? Refunded);

/// <summary>What OrderCore did with one Shopify order payload.</summary>
/// <param name="ShopifyOrderId">Shopify's order id.</param>
/// <param name="Outcome">The intake outcome: created, updated, unchanged, older (ignored), or closed (ignored: a cancelled order is never revived).</param>
/// <param name="Order">The OrderCore order after the import.</param>
/// <param name="Exceptions">Exception-queue entries raised by validation (unmapped SKU, missing address…), empty when none or when not validated.</param>
/// <param name="Refunds">The embedded refunds and what was done with each.</param>
public sealed record ShopifyOrderImportResult(long ShopifyOrderId, IntakeOutcome Outcome, Order Order, IReadOnlyList<OrderExceptionEntry> Exceptions, IReadOnlyList<ShopifyRefundResult> Refunds);

/// <summary>
/// Applies mapped Shopify orders and refunds to OrderCore: intake (idempotent on owner/channel/account/external id,
/// ordered by <c>updated_at</c>), validation, and refund effects per restock type through the core (line cancellation
/// and partial reduction release reservations; returns are announced as <see cref="ShopifyExpectedReturn"/>).
/// </summary>
/// <remarks>
/// <para>SKU resolution: a line whose SKU has no listing but whose <c>variant_id</c> has one is imported under the
/// variant id, so the listing maps it; a line with neither becomes an <see cref="OrderExceptionReason.UnmappedSku"/>
/// entry when validated.</para>
/// <para>Each refund id is applied once, through <see cref="IChannelEventInbox"/> key <c>refund:{id}</c>, whether it
/// arrives as a <c>refunds/create</c> webhook or inside an order's <c>refunds[]</c>. A refund applied before the order
/// payload that lists it lowers the lines as a delta; an order payload's <c>current_quantity</c> already reflects the
/// refunds it lists, so refunds first seen with a new order are only recorded.</para>
/// </remarks>
/// <threadsafety>Safe to use concurrently; the core serialises concurrent changes of one order.</threadsafety>
public sealed class ShopifyOrderImporter
{
    private readonly OrderIntake _intake;
    private readonly OrderFulfilment _fulfilment;
    private readonly IOrderStore _orders;
    private readonly ICatalogStore _catalog;
    private readonly IChannelEventInbox _inbox;
    private readonly DomainEventHub _events;
    private readonly IClock _clock;
    private readonly ShopifyOrderMapper _mapper;
    private readonly IReadOnlyDictionary<long, LocationId> _locations;
    private readonly ILogger _logger;

    /// <summary>Creates the importer.</summary>
    /// <param name="intake">The core intake.</param>
    /// <param name="fulfilment">The core fulfilment service (line cancellation and reduction).</param>
    /// <param name="orders">The order store.</param>
    /// <param name="catalog">The catalog (listings for the variant-id fallback).</param>
    /// <param name="inbox">The channel event inbox (refund dedup).</param>
    /// <param name="events">The domain event hub (expected returns are published on it).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="mapper">The shop's mapper.</param>
    /// <param name="locationMap">Shopify location id → OrderCore location, or null for none.</param>
    /// <param name="logger">A logger, or null.</param>
    public ShopifyOrderImporter(OrderIntake intake, OrderFulfilment fulfilment, IOrderStore orders, ICatalogStore catalog, IChannelEventInbox inbox,
        DomainEventHub events, IClock clock, ShopifyOrderMapper mapper, IReadOnlyDictionary<long, LocationId>? locationMap = null, ILogger? logger = null)
    {
        _intake = intake ?? throw new ArgumentNullException(nameof(intake));
        _fulfilment = fulfilment ?? throw new ArgumentNullException(nameof(fulfilment));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _mapper = mapper ?? throw new ArgumentNullException(nameof(mapper));
        _locations = locationMap ?? new Dictionary<long, LocationId>();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The mapper this importer uses.</summary>
    public ShopifyOrderMapper Mapper => _mapper;

    /// <summary>Maps and imports one order object (a webhook body); see <see cref="ImportOrderAsync(ShopifyMappedOrder, CancellationToken)"/>.</summary>
    /// <exception cref="ShopifyPayloadException">The JSON is malformed or cannot map; nothing was applied.</exception>
    public Task<ShopifyOrderImportResult> ImportOrderJsonAsync(ReadOnlyMemory<byte> orderJson, CancellationToken cancellationToken = default)
        => ImportOrderAsync(_mapper.MapOrder(orderJson.Span), cancellationToken);

    /// <summary>Maps and applies one refund object (a <c>refunds/create</c> body); see <see cref="ApplyRefundAsync"/>.</summary>
    /// <exception cref="ShopifyPayloadException">The JSON is malformed or cannot map; nothing was applied.</exception>
    public Task<ShopifyRefundResult> ApplyRefundJsonAsync(ReadOnlyMemory<byte> refundJson, CancellationToken cancellationToken = default)
        => ApplyRefundAsync(_mapper.MapRefund(refundJson.Span), cancellationToken);

    /// <summary>
    /// Imports a mapped order: applies the refunds it lists that OrderCore has not applied yet (against the stored order),
    /// then imports the order through <see cref="OrderIntake.ImportAsync"/>, then validates it when it is new or still
    /// awaiting allocation.
    /// </summary>
    public async Task<ShopifyOrderImportResult> ImportOrderAsync(ShopifyMappedOrder mapped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        var source = await ResolveVariantsAsync(mapped.Order, mapped.Lines, cancellationToken).ConfigureAwait(false);
        var existing = await _orders.FindByExternalIdAsync(source.Owner, source.Channel, source.Account, source.ExternalOrderId, cancellationToken).ConfigureAwait(false);
        var refunds = new List<ShopifyRefundResult>();
        if (existing is not null)
        {
            foreach (var refund in mapped.Refunds) refunds.Add(await ApplyToAsync(existing.Id, refund, cancellationToken).ConfigureAwait(false));
        }
        var intake = await _intake.ImportAsync(source, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            foreach (var refund in mapped.Refunds)
            {
                var first = await _inbox.TryRecordAsync(ShopifyOptions.Channel, RefundKey(refund.RefundId), _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                refunds.Add(new ShopifyRefundResult(refund.RefundId, first ? ShopifyRefundOutcome.RecordedWithOrder : ShopifyRefundOutcome.Duplicate, [], null, refund.Refunded));
            }
        }
        IReadOnlyList<OrderExceptionEntry> exceptions = [];
        var order = intake.Order;
        if (intake.Outcome == IntakeOutcome.Created || (intake.Outcome == IntakeOutcome.Updated && intake.Order.Status == OrderStatus.Received))
        {
            exceptions = (await _intake.ValidateAsync(intake.Order.Id, cancellationToken).ConfigureAwait(false)).Exceptions;
            order = await _orders.GetAsync(intake.Order.Id, cancellationToken).ConfigureAwait(false) ?? order;
        }
        else if (refunds.Any(r => r.Outcome == ShopifyRefundOutcome.Applied))
        {
            order = await _orders.GetAsync(intake.Order.Id, cancellationToken).ConfigureAwait(false) ?? order;
        }
        _logger.LogInformation("Shopify order {ShopifyOrderId} (version {Version}): {Outcome}, {Exceptions} exception(s), {Refunds} refund(s)",
            mapped.ShopifyOrderId, source.Version, intake.Outcome, exceptions.Count, refunds.Count);
        return new ShopifyOrderImportResult(mapped.ShopifyOrderId, intake.Outcome, order, exceptions, refunds);
    }

    /// <summary>
    /// Applies one refund to the stored order, once per refund id: releases the unfulfilled units it cancels (a whole line
    /// is cancelled, part of a line is reduced, both releasing their reservation), announces the shipped units it
    /// expects back as a <see cref="ShopifyExpectedReturn"/> (published as <see cref="ShopifyReturnExpected"/>), and
    /// leaves refund-only units alone.
    /// </summary>
    /// <returns>The result; <see cref="ShopifyRefundOutcome.OrderUnknown"/> when OrderCore has not seen the order yet (nothing is recorded).</returns>
    public async Task<ShopifyRefundResult> ApplyRefundAsync(ShopifyRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var order = await _orders.FindByExternalIdAsync(_mapper.Owner, ShopifyOptions.Channel, _mapper.Account, refund.ShopifyOrderId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            _logger.LogInformation("Shopify refund {RefundId} names order {ShopifyOrderId}, which OrderCore has not imported: deferred to the order payload", refund.RefundId, refund.ShopifyOrderId);
            return new ShopifyRefundResult(refund.RefundId, ShopifyRefundOutcome.OrderUnknown, [], null, refund.Refunded);
        }
        return await ApplyToAsync(order.Id, refund, cancellationToken).ConfigureAwait(false);
    }

    internal static string RefundKey(long refundId) => "refund:" + refundId.ToString(CultureInfo.InvariantCulture);

    private async Task<ShopifyRefundResult> ApplyToAsync(OrderId orderId, ShopifyRefund refund, CancellationToken ct)
    {
        var now = _clock.GetCurrentInstant();
        if (!await _inbox.TryRecordAsync(ShopifyOptions.Channel, RefundKey(refund.RefundId), now, ct).ConfigureAwait(false))
        {
            return new ShopifyRefundResult(refund.RefundId, ShopifyRefundOutcome.Duplicate, [], null, refund.Refunded);
        }
        var order = await _orders.GetAsync(orderId, ct).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), orderId.ToString());
        var byLineItem = order.Lines.Where(l => l.ExternalLineId is not null).ToDictionary(l => l.ExternalLineId!, StringComparer.Ordinal);
        var effects = ShopifyRefundPlanner.Plan(refund,
            lineItemId => byLineItem.TryGetValue(lineItemId.ToString(CultureInfo.InvariantCulture), out var l)
                ? l.Status switch
                {
                    OrderLineStatus.Open => new ShopifyLineUnits(l.Quantity, 0),
                    OrderLineStatus.Shipped => new ShopifyLineUnits(0, l.Quantity),
                    _ => new ShopifyLineUnits(0, 0),
                }
                : null,
            id => _locations.TryGetValue(id, out var loc) ? loc : null);

        var returns = new List<ShopifyExpectedReturnLine>();
        var reason = $"shopify-refund-{refund.RefundId}";
        foreach (var effect in effects)
        {
            if (!byLineItem.TryGetValue(effect.LineItemId.ToString(CultureInfo.InvariantCulture), out var line)) continue;
            if (effect.Released > 0)
            {
                // Re-read: an earlier effect of this refund may have changed the order (and closed it).
                var current = await _orders.GetAsync(orderId, ct).ConfigureAwait(false);
                var currentLine = current?.Lines.FirstOrDefault(l => l.Id == line.Id);
                if (currentLine is { Status: OrderLineStatus.Open } && current is not null && !OrderStatusMachine.IsTerminal(current.Status))
                {
                    await _fulfilment.ReduceLineAsync(orderId, line.Id, Math.Min(effect.Released, currentLine.Quantity), reason, ct).ConfigureAwait(false);
                }
            }
            if (effect.ExpectedReturn > 0)
            {
                returns.Add(new ShopifyExpectedReturnLine(line.Id, effect.LineItemId, line.Sku, line.ExternalSku, effect.ExpectedReturn,
                    checked(effect.ExpectedReturn * line.UnitsPerChannelUnit), effect.ShopifyLocationId, effect.Location, effect.RestockType));
            }
        }
        ShopifyExpectedReturn? expected = null;
        if (returns.Count > 0)
        {
            expected = new ShopifyExpectedReturn(orderId, refund.ShopifyOrderId, refund.RefundId, returns, refund.Refunded, refund.CreatedAt ?? now);
            await _events.PublishAsync([new ShopifyReturnExpected(expected, now)], ct).ConfigureAwait(false);
        }
        _logger.LogInformation("Shopify refund {RefundId} on order {ShopifyOrderId}: released {Released}, return expected {Returned}, refund only {RefundOnly}",
            refund.RefundId, refund.ShopifyOrderId, effects.Sum(e => e.Released), effects.Sum(e => e.ExpectedReturn), effects.Sum(e => e.RefundOnly));
        return new ShopifyRefundResult(refund.RefundId, ShopifyRefundOutcome.Applied, effects, expected, refund.Refunded);
    }

    /// <summary>Lines whose SKU has no listing but whose variant id has one are imported under the variant id.</summary>
    private async Task<ChannelOrder> ResolveVariantsAsync(ChannelOrder order, IReadOnlyList<ShopifyLineFacts> facts, CancellationToken ct)
    {
        ChannelOrderLine[]? changed = null;
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var f = facts[i];
            if (f.Sku is null || f.VariantId is not { } variant) continue;
            if (await _catalog.FindListingAsync(order.Owner, order.Channel, order.Account, f.Sku, ct).ConfigureAwait(false) is not null) continue;
            var variantKey = variant.ToString(CultureInfo.InvariantCulture);
            if (await _catalog.FindListingAsync(order.Owner, order.Channel, order.Account, variantKey, ct).ConfigureAwait(false) is null) continue;
            changed ??= order.Lines.ToArray();
            changed[i] = changed[i] with { ExternalSku = variantKey };
        }
        return changed is null ? order : order with { Lines = changed };
    }
}
