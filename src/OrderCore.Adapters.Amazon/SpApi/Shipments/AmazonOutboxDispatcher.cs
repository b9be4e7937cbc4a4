using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using OrderCore.Ports;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>What one <see cref="AmazonOutboxDispatcher.DispatchAsync"/> run did.</summary>
/// <param name="Delivered">Messages sent and acknowledged by Amazon.</param>
/// <param name="Superseded">Quantity messages not sent because a newer value (higher sequence) of the same SKU was sent instead or before.</param>
/// <param name="Failed">Messages Amazon refused or that failed; recorded with <see cref="IOutboxStore.MarkFailedAsync"/> and retried by a later run until <see cref="AmazonOutboxDispatcher.MaxAttempts"/>.</param>
/// <param name="StoppedByQuota">True when the run stopped early because an operation's quota will not clear soon.</param>
public sealed record AmazonDispatchReport(int Delivered, int Superseded, int Failed, bool StoppedByQuota);

/// <summary>
/// Delivers the Amazon channel effects OrderCore wrote to the outbox: shipment confirmations
/// (<see cref="AmazonShipmentConfirmation.OutboxKind"/>) through <c>confirmShipment</c>, and MFN quantities
/// (<see cref="AmazonQuantityUpdate.OutboxKind"/>) through <c>patchListingsItem</c>. Quantities carry the outbox
/// <see cref="OutboxMessage.Sequence"/> (monotonic per SKU): only the newest pending value of a SKU is sent, older ones are
/// marked delivered as superseded, and a value older than one already sent by this dispatcher is never sent, so a stale
/// quantity never overwrites a newer one.
/// </summary>
/// <threadsafety>Run one dispatcher per account at a time (the outbox port has no lease); the methods are not meant to run concurrently.</threadsafety>
public sealed class AmazonOutboxDispatcher
{
    /// <summary>Attempts after which a message is left alone (it stays in the outbox with its last error for an operator).</summary>
    public const int MaxAttempts = 8;

    private readonly IOutboxStore _outbox;
    private readonly AmazonSpApiClient _client;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly Dictionary<string, long> _lastSentSequence = new(StringComparer.Ordinal);

    /// <summary>Creates the dispatcher.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AmazonOutboxDispatcher(IOutboxStore outbox, AmazonSpApiClient client, IClock clock, ILogger<AmazonOutboxDispatcher>? logger = null)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Enqueues a shipment confirmation for this account (kind <see cref="AmazonShipmentConfirmation.OutboxKind"/>, key = Amazon order id).</summary>
    /// <exception cref="ArgumentException">The confirmation is invalid.</exception>
    public Task<OutboxMessage> EnqueueShipmentAsync(AmazonShipmentConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var problems = confirmation.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid shipment confirmation: " + string.Join(" ", problems), nameof(confirmation));
        var o = _client.Options;
        return _outbox.EnqueueAsync(new OutboxMessage(0, AmazonShipmentConfirmation.OutboxKind, o.Channel, o.Account, confirmation.AmazonOrderId.Trim(), 0, confirmation.ToOutboxPayload(), _clock.GetCurrentInstant()), cancellationToken);
    }

    /// <summary>Enqueues an MFN quantity for this account (kind <see cref="AmazonQuantityUpdate.OutboxKind"/>, key = SKU); the store assigns the sequence.</summary>
    public Task<OutboxMessage> EnqueueQuantityAsync(AmazonQuantityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var o = _client.Options;
        return _outbox.EnqueueAsync(new OutboxMessage(0, AmazonQuantityUpdate.OutboxKind, o.Channel, o.Account, update.Sku, 0, update.ToOutboxPayload(), _clock.GetCurrentInstant()), cancellationToken);
    }

    /// <summary>Delivers up to <paramref name="max"/> pending messages of this account (see the class remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is below 1.</exception>
    public async Task<AmazonDispatchReport> DispatchAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var o = _client.Options;
        var pending = (await _outbox.GetPendingAsync(max, cancellationToken).ConfigureAwait(false))
            .Where(m => m.Channel == o.Channel && m.Account == o.Account && m.Attempts < MaxAttempts
                        && m.Kind is AmazonShipmentConfirmation.OutboxKind or AmazonQuantityUpdate.OutboxKind)
            .ToArray();
        int delivered = 0, superseded = 0, failed = 0;
        var newest = pending.Where(m => m.Kind == AmazonQuantityUpdate.OutboxKind)
            .GroupBy(m => m.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.Sequence)!.Id, StringComparer.Ordinal);
        foreach (var m in pending)
        {
            var now = _clock.GetCurrentInstant();
            try
            {
                if (m.Kind == AmazonShipmentConfirmation.OutboxKind)
                {
                    await _client.Shipments.ConfirmShipmentAsync(AmazonShipmentConfirmation.FromOutboxPayload(m.Payload), cancellationToken).ConfigureAwait(false);
                    await _outbox.MarkDeliveredAsync(m.Id, now, cancellationToken).ConfigureAwait(false);
                    delivered++;
                    continue;
                }
                var stale = newest[m.Key] != m.Id || (_lastSentSequence.TryGetValue(m.Key, out var sent) && m.Sequence <= sent);
                if (stale)
                {
                    _logger.LogDebug("Amazon quantity for SKU {Sku} sequence {Sequence} superseded by a newer value", m.Key, m.Sequence);
                    await _outbox.MarkDeliveredAsync(m.Id, now, cancellationToken).ConfigureAwait(false);
                    superseded++;
                    continue;
                }
                var update = AmazonQuantityUpdate.FromOutboxPayload(m.Payload, m.Sequence);
                var answer = await _client.Listings.PatchQuantityAsync(update, cancellationToken).ConfigureAwait(false);
                if (answer.Accepted)
                {
                    _lastSentSequence[m.Key] = m.Sequence;
                    await _outbox.MarkDeliveredAsync(m.Id, now, cancellationToken).ConfigureAwait(false);
                    delivered++;
                }
                else
                {
                    var why = $"patchListingsItem {answer.Status}: " + string.Join("; ", answer.Issues.Select(i => $"{i.Code} {i.Message}"));
                    await _outbox.MarkFailedAsync(m.Id, why, cancellationToken).ConfigureAwait(false);
                    failed++;
                }
            }
            catch (AmazonQuotaExceededException ex)
            {
                await _outbox.MarkFailedAsync(m.Id, ex.Message, cancellationToken).ConfigureAwait(false);
                _logger.LogWarning("Amazon outbox dispatch stopped: {Operation} throttled, retry after {RetryAfter}", ex.Operation, ex.RetryAfter);
                return new AmazonDispatchReport(delivered, superseded, failed + 1, true);
            }
            catch (Exception ex) when (ex is AmazonSpApiException or FormatException or ArgumentException or InvalidOperationException)
            {
                await _outbox.MarkFailedAsync(m.Id, ex.Message, cancellationToken).ConfigureAwait(false);
                _logger.LogWarning("Amazon outbox message {Id} ({Kind}, key {Key}) failed: {Error}", m.Id, m.Kind, m.Key, ex.Message);
                failed++;
            }
        }
        return new AmazonDispatchReport(delivered, superseded, failed, false);
    }
}
