using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Sla;
using OrderCore.Ports;

namespace OrderCore.Adapters.Walmart.Outbox;

/// <summary>A message the dispatcher could not deliver.</summary>
/// <param name="MessageId">The outbox message.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Key">Its key (purchase order or SKU).</param>
/// <param name="Error">The error, as recorded on the message (no secrets).</param>
/// <param name="CorrelationId">The <c>WM_QOS.CORRELATION_ID</c> of the failing call, if one was made.</param>
public sealed record WalmartDispatchFailure(long MessageId, string Kind, string Key, string Error, string? CorrelationId);

/// <summary>What one dispatch run did.</summary>
/// <param name="Delivered">Messages delivered to Walmart.</param>
/// <param name="Superseded">Stock messages not sent because a newer value for the same SKU was sent instead (marked delivered).</param>
/// <param name="Failed">Messages whose delivery failed this time (attempt recorded; retried on a later run).</param>
/// <param name="Deferred">Messages left for a later run because Walmart throttled the API.</param>
/// <param name="GaveUp">Messages at <see cref="WalmartOptions.MaxDeliveryAttempts"/>: left pending, not tried, and reported.</param>
/// <param name="FeedIds">Bulk inventory feeds submitted (tracked by <see cref="WalmartFeedMonitor"/>).</param>
/// <param name="Failures">The failures of this run and the messages given up on.</param>
public sealed record WalmartDispatchReport(int Delivered, int Superseded, int Failed, int Deferred, int GaveUp, IReadOnlyList<string> FeedIds, IReadOnlyList<WalmartDispatchFailure> Failures);

/// <summary>State shared by dispatch runs: the newest stock sequence sent per SKU and the feeds being polled.</summary>
internal sealed class WalmartDispatchState
{
    public ConcurrentDictionary<string, long> LastStockSequence { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, WalmartTrackedFeed> Feeds { get; } = new(StringComparer.Ordinal);

    public SemaphoreSlim Gate { get; } = new(1, 1);
}

/// <summary>
/// Delivers the Walmart messages of OrderCore's outbox: acknowledgements, ship notices, cancellations and refunds in the
/// order they were written, and stock per ship node, the newest value per SKU only.
/// </summary>
/// <remarks>
/// <para>Each message is marked delivered on success or failed (attempt count and error recorded) otherwise; a 429 that
/// outlasts the client's bounded retries stops the run and leaves the rest for later (<see cref="WalmartDispatchReport.Deferred"/>).</para>
/// <para>Stock: pending messages of one SKU are reduced to the one with the highest store sequence; older ones, and any
/// not newer than the last sequence sent, are marked delivered without a call, so an older quantity never overwrites a
/// newer one. When more than <see cref="WalmartOptions.BulkInventoryThreshold"/> SKUs are due they go out as one
/// <c>MP_INVENTORY</c> feed (a 413 splits the feed in halves, down to single-SKU puts); otherwise one
/// <c>PUT /v3/inventories/{sku}</c> each.</para>
/// <para>After an acknowledgement, ship notice or cancellation, the order Walmart returns updates the
/// <see cref="WalmartSlaMonitor"/>. A message for a WFS order's acknowledgement, shipment or cancellation is never sent.</para>
/// <para>Runs are serialised within a process.</para>
/// </remarks>
public sealed class WalmartOutboxDispatcher
{
    private readonly IOutboxStore _outbox;
    private readonly WalmartApiClient _client;
    private readonly WalmartSlaMonitor _sla;
    private readonly IClock _clock;
    private readonly WalmartOptions _options;
    private readonly ChannelAccountId _account;
    private readonly WalmartDispatchState _state;

    /// <summary>Creates the dispatcher.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WalmartOutboxDispatcher(IOutboxStore outbox, WalmartApiClient client, WalmartSlaMonitor sla, WalmartFeedMonitor feeds, IClock clock, IOptions<WalmartOptions> options)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _client = client;
        _sla = sla;
        _clock = clock;
        _options = options.Value;
        _account = ChannelAccountId.From(_options.Account);
        _state = feeds.State;
    }

    /// <summary>Delivers up to <paramref name="max"/> pending Walmart messages of this account.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is below 1.</exception>
    public async Task<WalmartDispatchReport> DispatchPendingAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await _state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunAsync(max, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _state.Gate.Release();
        }
    }

    private async Task<WalmartDispatchReport> RunAsync(int max, CancellationToken ct)
    {
        var all = (await _outbox.GetPendingAsync(int.MaxValue, ct).ConfigureAwait(false))
            .Where(m => m.Channel == WalmartChannel.Id && m.Account == _account && m.Kind.StartsWith("walmart.", StringComparison.Ordinal))
            .OrderBy(m => m.Id)
            .ToList();
        var failures = new List<WalmartDispatchFailure>();
        var gaveUp = all.Where(m => m.Attempts >= _options.MaxDeliveryAttempts).ToList();
        failures.AddRange(gaveUp.Select(m => new WalmartDispatchFailure(m.Id, m.Kind, m.Key, $"gave up after {m.Attempts} attempts: {m.LastError}", null)));
        var due = all.Where(m => m.Attempts < _options.MaxDeliveryAttempts).Take(max).ToList();
        int delivered = 0, superseded = 0, failed = 0, deferred = 0;
        var feedIds = new List<string>();
        var throttled = false;

        // Order effects first, in outbox order (acknowledge before ship before refund).
        foreach (var m in due.Where(m => m.Kind != WalmartChannel.StockKind))
        {
            if (throttled)
            {
                deferred++;
                continue;
            }
            var payload = WalmartOutboxPayload.Read(m.Payload);
            if (payload?.PurchaseOrderId is null)
            {
                failed++;
                await FailAsync(m, "unreadable payload", null, failures, ct).ConfigureAwait(false);
                continue;
            }
            var shipNodeType = WalmartApiNames.TryParseShipNodeType(payload.ShipNodeType, out var t) ? t : WalmartShipNodeType.SellerFulfilled;
            if (shipNodeType == WalmartShipNodeType.WalmartFulfilled && m.Kind is WalmartChannel.AcknowledgeKind or WalmartChannel.ShipKind or WalmartChannel.CancelKind)
            {
                failed++;
                await FailAsync(m, $"WFS order {payload.PurchaseOrderId}: the seller cannot {payload.Operation} it; not sent", null, failures, ct).ConfigureAwait(false);
                continue;
            }
            try
            {
                var (order, _) = await _client.PostOrderActionAsync(payload.PurchaseOrderId, payload.Operation, payload.Body, shipNodeType, ct).ConfigureAwait(false);
                await _outbox.MarkDeliveredAsync(m.Id, _clock.GetCurrentInstant(), ct).ConfigureAwait(false);
                delivered++;
                if (order is not null) _sla.Track(order);
                else if (m.Kind == WalmartChannel.AcknowledgeKind) _sla.RecordAcknowledged(payload.PurchaseOrderId);
            }
            catch (WalmartRateLimitedException e)
            {
                failed++;
                throttled = true;
                await FailAsync(m, e.Message, e.CorrelationId, failures, ct).ConfigureAwait(false);
            }
            catch (WalmartApiException e)
            {
                failed++;
                await FailAsync(m, e.Message, e.CorrelationId, failures, ct).ConfigureAwait(false);
            }
        }

        // Stock: newest value per SKU only.
        var stock = due.Where(m => m.Kind == WalmartChannel.StockKind).GroupBy(m => m.Key, StringComparer.Ordinal).ToList();
        var toSend = new List<(OutboxMessage Message, WalmartInventoryFeedItem Item)>();
        foreach (var group in stock)
        {
            var newest = group.MaxBy(m => m.Sequence)!;
            var last = _state.LastStockSequence.GetValueOrDefault(group.Key);
            foreach (var older in group.Where(m => m.Id != newest.Id || m.Sequence <= last))
            {
                await _outbox.MarkDeliveredAsync(older.Id, _clock.GetCurrentInstant(), ct).ConfigureAwait(false);
                superseded++;
            }
            if (newest.Sequence <= last) continue;
            var payload = WalmartOutboxPayload.Read(newest.Payload);
            if (payload?.Sku is null || payload.Nodes is not { Count: > 0 })
            {
                failed++;
                await FailAsync(newest, "unreadable stock payload", null, failures, ct).ConfigureAwait(false);
                continue;
            }
            toSend.Add((newest, new WalmartInventoryFeedItem(payload.Sku, payload.Nodes.Select(n => new WalmartNodeQuantity(n.ShipNode, n.Quantity)).ToArray())));
        }
        if (throttled)
        {
            deferred += toSend.Count;
        }
        else if (toSend.Count > _options.BulkInventoryThreshold)
        {
            var r = await SendFeedAsync(toSend, feedIds, failures, ct).ConfigureAwait(false);
            delivered += r.Delivered;
            failed += r.Failed;
            deferred += r.Deferred;
        }
        else
        {
            var r = await SendPutsAsync(toSend, failures, ct).ConfigureAwait(false);
            delivered += r.Delivered;
            failed += r.Failed;
            deferred += r.Deferred;
        }
        return new WalmartDispatchReport(delivered, superseded, failed, deferred, gaveUp.Count, feedIds, failures);
    }

    private async Task<(int Delivered, int Failed, int Deferred)> SendPutsAsync(List<(OutboxMessage Message, WalmartInventoryFeedItem Item)> items, List<WalmartDispatchFailure> failures, CancellationToken ct)
    {
        int delivered = 0, failed = 0, deferred = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (m, item) = items[i];
            try
            {
                await _client.UpdateInventoryAsync(item.Sku, item.Nodes, ct).ConfigureAwait(false);
                await DeliveredStockAsync(m, ct).ConfigureAwait(false);
                delivered++;
            }
            catch (WalmartRateLimitedException e)
            {
                failed++;
                await FailAsync(m, e.Message, e.CorrelationId, failures, ct).ConfigureAwait(false);
                deferred += items.Count - i - 1;
                break;
            }
            catch (WalmartApiException e)
            {
                failed++;
                await FailAsync(m, e.Message, e.CorrelationId, failures, ct).ConfigureAwait(false);
            }
        }
        return (delivered, failed, deferred);
    }

    private async Task<(int Delivered, int Failed, int Deferred)> SendFeedAsync(List<(OutboxMessage Message, WalmartInventoryFeedItem Item)> items, List<string> feedIds, List<WalmartDispatchFailure> failures, CancellationToken ct)
    {
        if (items.Count == 1) return await SendPutsAsync(items, failures, ct).ConfigureAwait(false);
        try
        {
            var feedId = await _client.SubmitInventoryFeedAsync(items.Select(i => i.Item).ToArray(), ct).ConfigureAwait(false);
            feedIds.Add(feedId);
            var now = _clock.GetCurrentInstant();
            _state.Feeds[feedId] = new WalmartTrackedFeed(feedId, now, now + _options.FeedPollIntervals[0], 0, null);
            foreach (var (m, _) in items) await DeliveredStockAsync(m, ct).ConfigureAwait(false);
            return (items.Count, 0, 0);
        }
        catch (WalmartPayloadTooLargeException)
        {
            // 413: the file is too large for Walmart; send each half on its own.
            var half = items.Count / 2;
            var a = await SendFeedAsync(items.Take(half).ToList(), feedIds, failures, ct).ConfigureAwait(false);
            if (a.Deferred > 0) return (a.Delivered, a.Failed, a.Deferred + items.Count - half);
            var b = await SendFeedAsync(items.Skip(half).ToList(), feedIds, failures, ct).ConfigureAwait(false);
            return (a.Delivered + b.Delivered, a.Failed + b.Failed, a.Deferred + b.Deferred);
        }
        catch (WalmartRateLimitedException e)
        {
            foreach (var (m, _) in items) await FailAsync(m, e.Message, e.CorrelationId, failures, ct).ConfigureAwait(false);
            return (0, 0, items.Count);
        }
        catch (WalmartApiException e)
        {
            foreach (var (m, _) in items) await FailAsync(m, e.Message, e.CorrelationId, failures, ct).ConfigureAwait(false);
            return (0, items.Count, 0);
        }
    }

    private async Task DeliveredStockAsync(OutboxMessage m, CancellationToken ct)
    {
        await _outbox.MarkDeliveredAsync(m.Id, _clock.GetCurrentInstant(), ct).ConfigureAwait(false);
        _state.LastStockSequence.AddOrUpdate(m.Key, m.Sequence, (_, old) => Math.Max(old, m.Sequence));
    }

    private async Task FailAsync(OutboxMessage m, string error, string? correlationId, List<WalmartDispatchFailure> failures, CancellationToken ct)
    {
        await _outbox.MarkFailedAsync(m.Id, error, ct).ConfigureAwait(false);
        failures.Add(new WalmartDispatchFailure(m.Id, m.Kind, m.Key, error, correlationId));
    }
}
