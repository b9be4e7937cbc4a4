using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Json;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbound;
using OrderCore.Ports;

namespace OrderCore.Adapters.Walmart.Outbox;

/// <summary>What an enqueue did.</summary>
public enum WalmartEnqueueOutcome
{
    /// <summary>A message was written to the outbox.</summary>
    Enqueued,
    /// <summary>The same (purchase order, line, action) was enqueued before, or Walmart already shows it done: nothing written.</summary>
    Duplicate,
    /// <summary>Nothing to do: a WFS order (never acknowledged by the seller) or no created line to acknowledge.</summary>
    NotApplicable,
}

/// <summary>The result of an enqueue.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">The outbox message written, when <see cref="WalmartEnqueueOutcome.Enqueued"/>.</param>
/// <param name="Reason">Why nothing was written, otherwise.</param>
public sealed record WalmartEnqueueResult(WalmartEnqueueOutcome Outcome, OutboxMessage? Message, string? Reason = null);

/// <summary>
/// Writes Walmart effects to OrderCore's outbox (<see cref="IOutboxStore"/>): acknowledgements, ship notices,
/// cancellations, refunds and stock pushes. <see cref="WalmartOutboxDispatcher"/> delivers them.
/// </summary>
/// <remarks>
/// <para>Idempotency is per (purchase order, line, action): each is recorded once in the
/// <see cref="IChannelEventInbox"/> (an atomic insert, key <c>outbox|{account}|{po}|{line}|{action}</c>) before the message
/// is written, so the same acknowledgement, ship notice (action <c>ship:{tracking number}</c>), cancellation or refund
/// (action <c>refund:{reference}</c>) is enqueued at most once, also across processes sharing the store; lines already
/// done according to the order snapshot (shipped with that tracking number, cancelled) are skipped too. Requests are
/// validated before anything is recorded.</para>
/// <para>WFS orders: acknowledgements are <see cref="WalmartEnqueueOutcome.NotApplicable"/>; ship and cancel throw
/// <see cref="WalmartFulfilledOrderException"/>. No such call is ever made for them.</para>
/// <para>Stock messages have no idempotency key: their key is the SKU, and the store's per-key sequence lets the
/// dispatcher send only the newest value (an older one never overwrites a newer one).</para>
/// </remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class WalmartOutbox
{
    private readonly IOutboxStore _outbox;
    private readonly IChannelEventInbox _keys;
    private readonly IClock _clock;
    private readonly WalmartOptions _options;
    private readonly ChannelAccountId _account;

    /// <summary>Creates the service.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WalmartOutbox(IOutboxStore outbox, IChannelEventInbox keys, IClock clock, IOptions<WalmartOptions> options)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _keys = keys;
        _clock = clock;
        _options = options.Value;
        _account = ChannelAccountId.From(_options.Account);
    }

    /// <summary>Enqueues the acknowledgement of the whole order, once. Call it once OrderCore has accepted the order (the importer does).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    public async Task<WalmartEnqueueResult> EnqueueAcknowledgementAsync(WalmartOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsWalmartFulfilled) return new WalmartEnqueueResult(WalmartEnqueueOutcome.NotApplicable, null, "WFS orders are not acknowledged by the seller");
        if (!order.NeedsAcknowledgement) return new WalmartEnqueueResult(WalmartEnqueueOutcome.NotApplicable, null, $"no created line (order is {order.State})");
        if (!await RecordAsync(order.PurchaseOrderId, "*", "acknowledge", cancellationToken).ConfigureAwait(false))
        {
            return new WalmartEnqueueResult(WalmartEnqueueOutcome.Duplicate, null, "already enqueued");
        }
        var lines = order.Lines.Where(l => l.QuantityIn(WalmartLineStatus.Created) > 0).Select(l => l.LineNumber).ToList();
        return await EnqueueAsync(WalmartChannel.AcknowledgeKind, order, "acknowledge", lines, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enqueues a ship notice, once per (purchase order, line, tracking number).</summary>
    /// <exception cref="WalmartFulfilledOrderException">The order is WFS-fulfilled.</exception>
    /// <exception cref="ArgumentException">A line does not exist, a quantity is below 1, the tracking number is blank, or another carrier has no tracking URL.</exception>
    /// <exception cref="InvalidOperationException">A quantity exceeds the line's open units, or the order is past the 30-day ship window.</exception>
    public async Task<WalmartEnqueueResult> EnqueueShipmentAsync(WalmartOrder order, WalmartShipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(shipment);
        if (order.IsWalmartFulfilled) throw new WalmartFulfilledOrderException(order.PurchaseOrderId, "ship");
        var tracking = shipment.TrackingNumber?.Trim() ?? "";
        var pending = shipment.Lines.Where(l => !AlreadyShipped(order, l.LineNumber, tracking)).ToList();
        if (pending.Count == 0) return new WalmartEnqueueResult(WalmartEnqueueOutcome.Duplicate, null, $"Walmart already shows tracking {tracking} on every line");
        var now = _clock.GetCurrentInstant();
        WalmartRequestBodies.Ship(order, shipment with { Lines = pending }, now, _options.AutoCancelWindow);
        var fresh = await RecordLinesAsync(order.PurchaseOrderId, pending, $"ship:{tracking}", cancellationToken).ConfigureAwait(false);
        if (fresh.Count == 0) return new WalmartEnqueueResult(WalmartEnqueueOutcome.Duplicate, null, "already enqueued");
        var body = WalmartRequestBodies.Ship(order, shipment with { Lines = fresh }, now, _options.AutoCancelWindow);
        return await EnqueueAsync(WalmartChannel.ShipKind, order, "shipping", fresh.Select(l => l.LineNumber.Trim()).Distinct().ToList(), body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enqueues a cancellation, once per (purchase order, line).</summary>
    /// <exception cref="WalmartFulfilledOrderException">The order is WFS-fulfilled.</exception>
    /// <exception cref="ArgumentException">A line does not exist or a quantity is below 1.</exception>
    /// <exception cref="InvalidOperationException">A quantity exceeds the line's open units.</exception>
    public async Task<WalmartEnqueueResult> EnqueueCancellationAsync(WalmartOrder order, WalmartCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(cancellation);
        if (order.IsWalmartFulfilled) throw new WalmartFulfilledOrderException(order.PurchaseOrderId, "cancel");
        var pending = cancellation.Lines.Where(l => order.FindLine(l.LineNumber) is not { } line || line.OpenQuantity > 0 || line.QuantityIn(WalmartLineStatus.Cancelled) == 0).ToList();
        if (pending.Count == 0) return new WalmartEnqueueResult(WalmartEnqueueOutcome.Duplicate, null, "Walmart already shows every line cancelled");
        WalmartRequestBodies.Cancel(order, cancellation with { Lines = pending });
        var fresh = await RecordLinesAsync(order.PurchaseOrderId, pending, "cancel", cancellationToken).ConfigureAwait(false);
        if (fresh.Count == 0) return new WalmartEnqueueResult(WalmartEnqueueOutcome.Duplicate, null, "already enqueued");
        var body = WalmartRequestBodies.Cancel(order, cancellation with { Lines = fresh });
        return await EnqueueAsync(WalmartChannel.CancelKind, order, "cancel", fresh.Select(l => l.LineNumber.Trim()).Distinct().ToList(), body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Enqueues a refund of one line, once per (purchase order, line, reference). The amount may not exceed what remains
    /// refundable: the line's charges and taxes, less the refunds in <paramref name="order"/> (pass a fresh snapshot),
    /// less the refunds of that line still waiting in the outbox. A refund already delivered shows in a fresh snapshot,
    /// so repeating it is refused as exceeding what remains: a line is never refunded twice.
    /// </summary>
    /// <exception cref="ArgumentException">The line does not exist, the reference is blank, an amount is negative or in another currency, or the refund is zero.</exception>
    /// <exception cref="InvalidOperationException">The refund exceeds what remains refundable.</exception>
    public async Task<WalmartEnqueueResult> EnqueueRefundAsync(WalmartOrder order, WalmartRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(refund);
        var lineNumber = refund.LineNumber?.Trim() ?? "";
        var reference = refund.Reference?.Trim() ?? "";
        var (pending, sameReference) = await PendingRefundsAsync(order, lineNumber, reference, cancellationToken).ConfigureAwait(false);
        if (sameReference) return new WalmartEnqueueResult(WalmartEnqueueOutcome.Duplicate, null, "already enqueued");
        var body = WalmartRequestBodies.Refund(order, refund, pending);
        if (!await RecordAsync(order.PurchaseOrderId, lineNumber, $"refund:{reference}", cancellationToken).ConfigureAwait(false))
        {
            return new WalmartEnqueueResult(WalmartEnqueueOutcome.Duplicate, null, "already enqueued");
        }
        return await EnqueueAsync(WalmartChannel.RefundKind, order, "refund", [lineNumber], body, cancellationToken, refund.Total(order.Currency), reference).ConfigureAwait(false);
    }

    /// <summary>Enqueues a stock push of one SKU per ship node. The store assigns the per-SKU sequence; the dispatcher sends only the newest pending value.</summary>
    /// <exception cref="ArgumentException">The SKU or a node is blank, or no node is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantity is negative.</exception>
    public Task<OutboxMessage> EnqueueStockAsync(string walmartSku, IReadOnlyList<WalmartNodeQuantity> nodes, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(walmartSku)) throw new ArgumentException("A Walmart SKU is required.", nameof(walmartSku));
        WalmartRequestBodies.MultiNodeInventory(nodes);
        var payload = new OutboxPayloadDto
        {
            Operation = "stock",
            Sku = walmartSku.Trim(),
            Nodes = nodes.Select(n => new OutboxNodeQuantityDto { ShipNode = n.ShipNode.Trim(), Quantity = n.Quantity }).ToList(),
        };
        var message = new OutboxMessage(0, WalmartChannel.StockKind, WalmartChannel.Id, _account, walmartSku.Trim(), 0, JsonSerializer.Serialize(payload, WalmartJsonContext.Default.OutboxPayloadDto), _clock.GetCurrentInstant());
        return _outbox.EnqueueAsync(message, cancellationToken);
    }

    private async Task<WalmartEnqueueResult> EnqueueAsync(string kind, WalmartOrder order, string operation, List<string> lines, string? body, CancellationToken ct, Money? amount = null, string? reference = null)
    {
        var payload = new OutboxPayloadDto
        {
            Operation = operation,
            PurchaseOrderId = order.PurchaseOrderId,
            ShipNodeType = order.ShipNodeType.ToApi(),
            LineNumbers = lines,
            Body = body,
            RefundAmount = amount?.Amount,
            RefundCurrency = amount?.Currency.Code,
            Reference = reference,
        };
        var message = new OutboxMessage(0, kind, WalmartChannel.Id, _account, order.PurchaseOrderId, 0, JsonSerializer.Serialize(payload, WalmartJsonContext.Default.OutboxPayloadDto), _clock.GetCurrentInstant());
        return new WalmartEnqueueResult(WalmartEnqueueOutcome.Enqueued, await _outbox.EnqueueAsync(message, ct).ConfigureAwait(false));
    }

    private async Task<(Money Pending, bool SameReference)> PendingRefundsAsync(WalmartOrder order, string lineNumber, string reference, CancellationToken ct)
    {
        var total = Money.Zero(order.Currency);
        foreach (var m in await _outbox.GetPendingAsync(int.MaxValue, ct).ConfigureAwait(false))
        {
            if (m.Kind != WalmartChannel.RefundKind || m.Channel != WalmartChannel.Id || m.Account != _account || m.Key != order.PurchaseOrderId) continue;
            var p = WalmartOutboxPayload.Read(m.Payload);
            if (p?.LineNumbers?.Contains(lineNumber) != true) continue;
            if (string.Equals(p.Reference, reference, StringComparison.Ordinal)) return (total, true);
            if (p.RefundAmount is { } a && p.RefundCurrency == order.Currency.Code) total += new Money(a, order.Currency);
        }
        return (total, false);
    }

    private async Task<List<WalmartLineQuantity>> RecordLinesAsync(string po, List<WalmartLineQuantity> lines, string action, CancellationToken ct)
    {
        var fresh = new List<WalmartLineQuantity>();
        foreach (var group in lines.GroupBy(l => l.LineNumber.Trim(), StringComparer.Ordinal))
        {
            if (await RecordAsync(po, group.Key, action, ct).ConfigureAwait(false)) fresh.AddRange(group);
        }
        return fresh;
    }

    private Task<bool> RecordAsync(string po, string line, string action, CancellationToken ct)
        => _keys.TryRecordAsync(WalmartChannel.Id, $"outbox|{_account.Value}|{po}|{line}|{action}", _clock.GetCurrentInstant(), ct);

    private static bool AlreadyShipped(WalmartOrder order, string lineNumber, string tracking)
        => order.FindLine(lineNumber) is { } line
           && line.Statuses.Any(s => s.Status is WalmartLineStatus.Shipped or WalmartLineStatus.Delivered && string.Equals(s.Tracking?.TrackingNumber, tracking, StringComparison.Ordinal));
}

/// <summary>Reads the adapter's outbox payloads.</summary>
internal static class WalmartOutboxPayload
{
    public static OutboxPayloadDto? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, WalmartJsonContext.Default.OutboxPayloadDto);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
