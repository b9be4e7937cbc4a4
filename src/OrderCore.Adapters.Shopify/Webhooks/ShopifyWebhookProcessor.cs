using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using OrderCore.Adapters.Shopify.Import;
using OrderCore.Adapters.Shopify.Json;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Ports;

namespace OrderCore.Adapters.Shopify.Webhooks;

/// <summary>What happened to a webhook delivery.</summary>
public enum ShopifyWebhookOutcome
{
    /// <summary>Verified, new, and applied.</summary>
    Applied,
    /// <summary>Verified, but its event id was seen before: acknowledged, nothing changed.</summary>
    Duplicate,
    /// <summary>Verified, but the topic is not one OrderCore handles: acknowledged and ignored (logged).</summary>
    IgnoredTopic,
    /// <summary>The HMAC does not match the raw body: rejected, nothing recorded.</summary>
    InvalidHmac,
    /// <summary>A required header is missing: rejected, nothing recorded.</summary>
    MissingHeaders,
    /// <summary>The body is empty: rejected, nothing recorded.</summary>
    MissingBody,
    /// <summary>Signed correctly but for another shop than the configured one: rejected, nothing recorded.</summary>
    WrongShop,
    /// <summary>Verified, but the body is not valid JSON or cannot map: rejected with <see cref="ShopifyWebhookResult.Error"/>, nothing recorded or applied.</summary>
    Malformed,
}

/// <summary>A webhook delivery: its headers and its body bytes exactly as received.</summary>
/// <param name="Headers">The headers.</param>
/// <param name="Body">The raw body; never a re-serialised copy (see <see cref="ShopifyWebhookVerifier"/>).</param>
public sealed record ShopifyWebhookRequest(ShopifyWebhookHeaders Headers, ReadOnlyMemory<byte> Body);

/// <summary>A <c>fulfillments/create</c> or <c>fulfillments/update</c> notice, as reported (it changes no OrderCore state).</summary>
/// <param name="FulfillmentId">Shopify's fulfillment id.</param>
/// <param name="ShopifyOrderId">The order.</param>
/// <param name="Status">The fulfillment status (<c>success</c>, <c>cancelled</c>, <c>failure</c>…), or null.</param>
/// <param name="ShopifyLocationId">The fulfilling location, or null.</param>
/// <param name="TrackingCompany">The carrier, or null.</param>
/// <param name="TrackingNumber">The tracking number, or null.</param>
/// <param name="TrackingUrl">The tracking URL, or null.</param>
public sealed record ShopifyFulfillmentNotice(long FulfillmentId, long ShopifyOrderId, string? Status, long? ShopifyLocationId, string? TrackingCompany, string? TrackingNumber, string? TrackingUrl);

/// <summary>The result of processing one webhook delivery.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Topic">The topic header, or null.</param>
/// <param name="EventId">The deduplication id (event id, else webhook id), or null.</param>
/// <param name="Detail">One line for logs and operators.</param>
public sealed record ShopifyWebhookResult(ShopifyWebhookOutcome Outcome, string? Topic, string? EventId, string Detail)
{
    /// <summary>The typed error of a <see cref="ShopifyWebhookOutcome.Malformed"/> body, naming the field.</summary>
    public ShopifyPayloadException? Error { get; init; }

    /// <summary>The order import, for <c>orders/*</c> topics.</summary>
    public ShopifyOrderImportResult? Order { get; init; }

    /// <summary>The refund application, for <c>refunds/create</c>.</summary>
    public ShopifyRefundResult? Refund { get; init; }

    /// <summary>The fulfilment notice, for <c>fulfillments/*</c>.</summary>
    public ShopifyFulfillmentNotice? Fulfillment { get; init; }

    /// <summary>The HTTP status to answer Shopify with: 200 when applied, duplicate or ignored; 401 for a bad HMAC or another shop; 400 otherwise.</summary>
    public int StatusCode => Outcome switch
    {
        ShopifyWebhookOutcome.Applied or ShopifyWebhookOutcome.Duplicate or ShopifyWebhookOutcome.IgnoredTopic => 200,
        ShopifyWebhookOutcome.InvalidHmac or ShopifyWebhookOutcome.WrongShop => 401,
        _ => 400,
    };
}

/// <summary>
/// Processes Shopify webhook deliveries: checks headers and body, verifies the HMAC over the raw bytes, checks the shop,
/// parses and maps the body completely, then records the event id atomically in <see cref="IChannelEventInbox"/>
/// (<c>X-Shopify-Event-Id</c>, else <c>X-Shopify-Webhook-Id</c>) and dispatches on the topic.
/// </summary>
/// <remarks>
/// <para>Topics: <c>orders/create</c>, <c>orders/updated</c>, <c>orders/cancelled</c> (order body → intake),
/// <c>refunds/create</c> (refund body → refund rules), <c>fulfillments/create</c>, <c>fulfillments/update</c>
/// (reported only). Any other topic is acknowledged and ignored with a log entry.</para>
/// <para>Nothing is half-applied by a bad body: parsing and mapping finish before anything is recorded. An infrastructure
/// failure after the event id is recorded (a store down) propagates; Shopify's retry is then a duplicate, and the order's
/// next <c>orders/updated</c> (which carries its state and its refunds) brings OrderCore back in step.</para>
/// </remarks>
/// <threadsafety>Safe to use concurrently; concurrent deliveries of one event are deduplicated by the inbox's atomic insert.</threadsafety>
public sealed class ShopifyWebhookProcessor
{
    /// <summary>The topics OrderCore handles.</summary>
    public static IReadOnlyList<string> Topics { get; } = ["orders/create", "orders/updated", "orders/cancelled", "refunds/create", "fulfillments/create", "fulfillments/update"];

    private readonly ShopifyWebhookVerifier _verifier;
    private readonly string? _shopDomain;
    private readonly IChannelEventInbox _inbox;
    private readonly ShopifyOrderImporter _importer;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the processor.</summary>
    /// <param name="verifier">The HMAC verifier (the app's secret).</param>
    /// <param name="shopDomain">The shop deliveries must come from (compared case-insensitively), or null to accept any shop signed with the secret.</param>
    /// <param name="inbox">The channel event inbox.</param>
    /// <param name="importer">The importer that applies orders and refunds.</param>
    /// <param name="clock">The clock (the inbox's received-at).</param>
    /// <param name="logger">A logger, or null.</param>
    public ShopifyWebhookProcessor(ShopifyWebhookVerifier verifier, string? shopDomain, IChannelEventInbox inbox, ShopifyOrderImporter importer, IClock clock, ILogger? logger = null)
    {
        _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        _shopDomain = string.IsNullOrWhiteSpace(shopDomain) ? null : shopDomain.Trim();
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _importer = importer ?? throw new ArgumentNullException(nameof(importer));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Processes one delivery (see the class remarks for the order of checks).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public async Task<ShopifyWebhookResult> ProcessAsync(ShopifyWebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var h = request.Headers;
        var topic = h.Topic?.ToLowerInvariant();
        var eventId = h.DeduplicationId;
        var missing = h.Missing();
        if (missing.Count > 0) return Reject(ShopifyWebhookOutcome.MissingHeaders, topic, eventId, "missing header(s): " + string.Join(", ", missing));
        if (request.Body.IsEmpty) return Reject(ShopifyWebhookOutcome.MissingBody, topic, eventId, "the body is empty");
        if (!_verifier.IsValid(request.Body.Span, h.HmacSha256)) return Reject(ShopifyWebhookOutcome.InvalidHmac, topic, eventId, "X-Shopify-Hmac-Sha256 does not match the body");
        if (_shopDomain is not null && !string.Equals(_shopDomain, h.ShopDomain, StringComparison.OrdinalIgnoreCase))
        {
            return Reject(ShopifyWebhookOutcome.WrongShop, topic, eventId, $"delivery for shop '{h.ShopDomain}', configured for '{_shopDomain}'");
        }
        if (topic is null || !Topics.Contains(topic))
        {
            _logger.LogInformation("Shopify webhook {Topic} (event {EventId}) acknowledged and ignored: OrderCore does not handle this topic", topic, eventId);
            return new ShopifyWebhookResult(ShopifyWebhookOutcome.IgnoredTopic, topic, eventId, $"topic '{topic}' is not handled: acknowledged and ignored");
        }

        // Parse and map everything before recording or changing anything.
        ShopifyMappedOrder? order = null;
        ShopifyRefund? refund = null;
        ShopifyFulfillmentNotice? fulfillment = null;
        try
        {
            switch (topic)
            {
                case "refunds/create":
                    refund = _importer.Mapper.MapRefund(request.Body.Span);
                    break;
                case "fulfillments/create" or "fulfillments/update":
                    fulfillment = MapFulfillment(request.Body.Span);
                    break;
                default:
                    order = _importer.Mapper.MapOrder(request.Body.Span);
                    break;
            }
        }
        catch (ShopifyPayloadException ex)
        {
            _logger.LogWarning("Shopify webhook {Topic} (event {EventId}) rejected: {Field}: {Reason}", topic, eventId, ex.Field, ex.Reason);
            return new ShopifyWebhookResult(ShopifyWebhookOutcome.Malformed, topic, eventId, ex.Message) { Error = ex };
        }

        if (!await _inbox.TryRecordAsync(ShopifyOptions.Channel, "event:" + eventId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false))
        {
            return new ShopifyWebhookResult(ShopifyWebhookOutcome.Duplicate, topic, eventId, $"event {eventId} was already processed");
        }
        if (order is not null)
        {
            var result = await _importer.ImportOrderAsync(order, cancellationToken).ConfigureAwait(false);
            return new ShopifyWebhookResult(ShopifyWebhookOutcome.Applied, topic, eventId, $"order {order.ShopifyOrderId}: {result.Outcome}") { Order = result };
        }
        if (refund is not null)
        {
            var result = await _importer.ApplyRefundAsync(refund, cancellationToken).ConfigureAwait(false);
            return new ShopifyWebhookResult(ShopifyWebhookOutcome.Applied, topic, eventId, $"refund {refund.RefundId}: {result.Outcome}") { Refund = result };
        }
        _logger.LogInformation("Shopify fulfillment {FulfillmentId} of order {ShopifyOrderId}: {Status}, tracking {TrackingNumber}",
            fulfillment!.FulfillmentId, fulfillment.ShopifyOrderId, fulfillment.Status, fulfillment.TrackingNumber);
        return new ShopifyWebhookResult(ShopifyWebhookOutcome.Applied, topic, eventId, $"fulfillment {fulfillment.FulfillmentId} of order {fulfillment.ShopifyOrderId}: {fulfillment.Status}") { Fulfillment = fulfillment };
    }

    internal static ShopifyFulfillmentNotice MapFulfillment(ReadOnlySpan<byte> json)
    {
        var dto = ShopifyJson.Read(json, ShopifyJsonContext.Default.ShopifyFulfillmentDto);
        var id = dto.Id ?? throw new ShopifyPayloadException("$.id", "is missing");
        var order = dto.OrderId ?? throw new ShopifyPayloadException("$.order_id", "is missing");
        return new ShopifyFulfillmentNotice(id, order, dto.Status, dto.LocationId, dto.TrackingCompany, dto.TrackingNumber ?? dto.TrackingNumbers?.FirstOrDefault(), dto.TrackingUrl);
    }

    private ShopifyWebhookResult Reject(ShopifyWebhookOutcome outcome, string? topic, string? eventId, string detail)
    {
        _logger.LogWarning("Shopify webhook rejected ({Outcome}): {Detail}", outcome, detail);
        return new ShopifyWebhookResult(outcome, topic, eventId, detail);
    }
}
