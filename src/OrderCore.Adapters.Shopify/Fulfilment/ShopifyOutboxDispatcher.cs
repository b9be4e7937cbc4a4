using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Shopify.Http;
using OrderCore.Adapters.Shopify.Json;
using OrderCore.Ports;

namespace OrderCore.Adapters.Shopify.Fulfilment;

/// <summary>What one <see cref="ShopifyOutboxDispatcher.DispatchPendingAsync"/> run did.</summary>
/// <param name="Delivered">Messages delivered to Shopify (or found already there).</param>
/// <param name="Superseded">Stock messages skipped because a newer one for the same key exists or was sent (marked delivered without a call).</param>
/// <param name="Failed">Messages whose delivery failed this time (recorded with the error; retried on the next run).</param>
/// <param name="StaleRetries">Stock pushes re-read and retried after <c>CHANGE_FROM_QUANTITY_STALE</c>.</param>
public sealed record ShopifyDispatchReport(int Delivered, int Superseded, int Failed, int StaleRetries);

/// <summary>
/// Delivers this shop's pending outbox messages to Shopify, oldest first: fulfilments (<c>POST fulfillments.json</c> for
/// the right fulfilment orders and location), tracking updates (<c>update_tracking</c>) and stock pushes
/// (<c>inventorySetQuantities</c> with <c>changeFromQuantity</c> and an idempotency key).
/// </summary>
/// <remarks>
/// <para>Stock ordering: of several pending pushes for one key only the highest sequence is sent, the others are marked
/// delivered as superseded; a push whose sequence is not above the last one this dispatcher sent for its key is never
/// sent. Run one dispatcher per outbox (a host-wide singleton): two processes delivering one outbox need a store-level
/// lease, which the core's outbox port does not offer yet.</para>
/// <para>Stale quantities: the push sends <c>changeFromQuantity</c> = the quantity last seen at Shopify (read first when
/// unknown); on <c>CHANGE_FROM_QUANTITY_STALE</c> it re-reads the quantity and retries, up to
/// <see cref="ShopifyOptions.InventoryStaleRetries"/> times. The idempotency key is derived from the shop, item, location,
/// sequence, expected and new quantity, so a retried request is the same request and a changed one is a new one.</para>
/// <para>Fulfilment idempotency: if the lines have nothing left to fulfil at Shopify, the message is treated as delivered.</para>
/// </remarks>
/// <threadsafety>Run one call at a time per instance.</threadsafety>
public sealed class ShopifyOutboxDispatcher
{
    private readonly IOutboxStore _outbox;
    private readonly ShopifyClient _client;
    private readonly IClock _clock;
    private readonly ShopifyOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, long> _sentSequence = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(long Item, long Location), int> _lastSeen = new();

    /// <summary>Creates the dispatcher.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ShopifyOutboxDispatcher(IOutboxStore outbox, ShopifyClient client, IClock clock, IOptions<ShopifyOptions> options, ILogger<ShopifyOutboxDispatcher>? logger = null)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Delivers up to <paramref name="max"/> pending messages (those of other channels or shops are left alone).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is below 1.</exception>
    public async Task<ShopifyDispatchReport> DispatchPendingAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var pending = (await _outbox.GetPendingAsync(max, cancellationToken).ConfigureAwait(false))
            .Where(m => m.Channel == ShopifyOptions.Channel && m.Account == _options.EffectiveAccount)
            .ToList();
        int delivered = 0, superseded = 0, failed = 0, stale = 0;
        var newestStock = pending.Where(m => m.Kind == ShopifyOutbox.StockKind).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Max(m => m.Sequence), StringComparer.Ordinal);
        foreach (var message in pending)
        {
            try
            {
                switch (message.Kind)
                {
                    case ShopifyOutbox.StockKind:
                        if (message.Sequence < newestStock[message.Key] || (_sentSequence.TryGetValue(message.Key, out var sent) && message.Sequence <= sent))
                        {
                            await _outbox.MarkDeliveredAsync(message.Id, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                            superseded++;
                            continue;
                        }
                        stale += await PushStockAsync(message, cancellationToken).ConfigureAwait(false);
                        _sentSequence.AddOrUpdate(message.Key, message.Sequence, (_, old) => Math.Max(old, message.Sequence));
                        break;
                    case ShopifyOutbox.FulfilmentKind:
                        await PostFulfilmentAsync(message, cancellationToken).ConfigureAwait(false);
                        break;
                    case ShopifyOutbox.TrackingKind:
                        await UpdateTrackingAsync(message, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        continue; // another adapter's kind on this channel: not ours to deliver
                }
                await _outbox.MarkDeliveredAsync(message.Id, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                delivered++;
            }
            catch (Exception ex) when (ex is ShopifyApiException or ShopifyPayloadException or InvalidOperationException)
            {
                _logger.LogWarning(ex, "Shopify outbox message {Id} ({Kind} {Key}) failed", message.Id, message.Kind, message.Key);
                await _outbox.MarkFailedAsync(message.Id, ex.Message, cancellationToken).ConfigureAwait(false);
                failed++;
            }
        }
        return new ShopifyDispatchReport(delivered, superseded, failed, stale);
    }

    private async Task<int> PushStockAsync(OutboxMessage message, CancellationToken ct)
    {
        var p = ShopifyJson.Read(Encoding.UTF8.GetBytes(message.Payload), ShopifyJsonContext.Default.StockOutboxPayload);
        var key = (p.InventoryItemId, p.ShopifyLocationId);
        int? from = _lastSeen.TryGetValue(key, out var seen) ? seen : await _client.GetAvailableAsync(p.InventoryItemId, p.ShopifyLocationId, ct).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var idempotencyKey = IdempotencyKey(p, message.Sequence, from);
            var reference = $"ordercore://stock/{Uri.EscapeDataString(p.Sku)}/{message.Sequence.ToString(CultureInfo.InvariantCulture)}";
            var result = await _client.SetAvailableAsync(p.InventoryItemId, p.ShopifyLocationId, p.Available, from, idempotencyKey, reference, ct).ConfigureAwait(false);
            if (result.Applied)
            {
                _lastSeen[key] = p.Available;
                return attempt;
            }
            if (!result.IsStale || attempt >= _options.InventoryStaleRetries)
            {
                _lastSeen.TryRemove(key, out _);
                throw new InvalidOperationException($"inventorySetQuantities for {p.Sku} at location {p.ShopifyLocationId} failed: " +
                    string.Join("; ", result.UserErrors.Select(e => $"{e.Code} {e.Field}: {e.Message}")));
            }
            _logger.LogInformation("Shopify stock for {Sku} at {Location}: changeFromQuantity {From} is stale; re-reading", p.Sku, p.ShopifyLocationId, from);
            from = await _client.GetAvailableAsync(p.InventoryItemId, p.ShopifyLocationId, ct).ConfigureAwait(false);
        }
    }

    private async Task PostFulfilmentAsync(OutboxMessage message, CancellationToken ct)
    {
        var p = ShopifyJson.Read(Encoding.UTF8.GetBytes(message.Payload), ShopifyJsonContext.Default.FulfilmentOutboxPayload);
        var tracking = p.TrackingNumber is null && p.TrackingCompany is null && p.TrackingUrl is null ? null : new ShopifyTracking(p.TrackingCompany, p.TrackingNumber, p.TrackingUrl);
        var notice = await _client.CreateFulfillmentAsync(p.ShopifyOrderId, p.ShopifyLocationId, p.Lines.Select(l => new ShopifyFulfilmentLine(l.LineItemId, l.Quantity)).ToArray(), tracking, p.NotifyCustomer, ct).ConfigureAwait(false);
        _logger.LogInformation("Shopify order {ShopifyOrderId}: fulfilment {FulfillmentId} posted", p.ShopifyOrderId, notice?.FulfillmentId);
    }

    private async Task UpdateTrackingAsync(OutboxMessage message, CancellationToken ct)
    {
        var p = ShopifyJson.Read(Encoding.UTF8.GetBytes(message.Payload), ShopifyJsonContext.Default.FulfilmentOutboxPayload);
        var fulfilments = await _client.GetFulfillmentsAsync(p.ShopifyOrderId, ct).ConfigureAwait(false);
        var target = (p.PreviousTrackingNumber is { } previous ? fulfilments.LastOrDefault(f => f.TrackingNumber == previous) : null)
            ?? fulfilments.LastOrDefault(f => f.Status == "success")
            ?? throw new InvalidOperationException($"Shopify order {p.ShopifyOrderId} has no successful fulfilment to update.");
        await _client.UpdateTrackingAsync(target.FulfillmentId, new ShopifyTracking(p.TrackingCompany, p.TrackingNumber, p.TrackingUrl), p.NotifyCustomer, ct).ConfigureAwait(false);
    }

    private string IdempotencyKey(StockOutboxPayload p, long sequence, int? from)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{_options.ShopDomain}|{p.InventoryItemId}|{p.ShopifyLocationId}|{sequence}|{from}|{p.Available}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
