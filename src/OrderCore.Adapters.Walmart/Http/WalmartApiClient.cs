using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using OrderCore.Adapters.Walmart.Http;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Json;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbound;
using OrderCore.Adapters.Walmart.Returns;
using Polly;
using Polly.Timeout;

namespace OrderCore.Adapters.Walmart;

/// <summary>
/// A typed client of the Walmart Marketplace API (orders, inventory, feeds, returns) over <see cref="HttpClient"/>.
/// </summary>
/// <remarks>
/// <para>Registered by <c>AddWalmart(...)</c> as a typed <see cref="HttpClient"/> whose handler pipeline is: a
/// Microsoft.Extensions.Http.Resilience handler (bounded, throttle-aware retry; per-attempt timeout), then the Walmart
/// handler (OAuth token cached until expiry in <c>WM_SEC.ACCESS_TOKEN</c>, a new <c>WM_QOS.CORRELATION_ID</c> per HTTP
/// attempt, <c>WM_SVC.NAME</c>, client-side waiting on <c>X-Current-Token-Count</c> / <c>X-Next-Replenishment-Time</c>).
/// Without DI, <see cref="Create"/> builds the same pipeline.</para>
/// <para>Failures throw a <see cref="WalmartApiException"/> subclass carrying the status, Walmart's error body and the
/// correlation id: <see cref="WalmartRateLimitedException"/> (429 after retries), <see cref="WalmartPayloadTooLargeException"/>
/// (413, never retried), <see cref="WalmartAuthenticationException"/>, <see cref="WalmartRequestException"/>.</para>
/// <para>Acknowledge, ship and cancel take the <see cref="WalmartOrder"/> and refuse WFS orders with
/// <see cref="WalmartFulfilledOrderException"/> before any call is made.</para>
/// </remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class WalmartApiClient
{
    private readonly HttpClient _http;
    private readonly WalmartOptions _options;
    private readonly IClock _clock;
    private readonly WalmartOrderMapper _orders;
    private readonly WalmartReturnMapper _returns;
    private readonly string _origin;

    /// <summary>Creates the client over an <see cref="HttpClient"/> whose pipeline already holds the Walmart handlers (as registered by <c>AddWalmart</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WalmartApiClient(HttpClient httpClient, IOptions<WalmartOptions> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _http = httpClient;
        _options = options.Value;
        _clock = clock;
        _orders = new WalmartOrderMapper(options);
        _returns = new WalmartReturnMapper(options);
        _origin = _options.BaseAddress.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>Builds a client with the full pipeline without dependency injection (tools, tests).</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="clock">The clock (token expiry, throttle windows, the 180-day window).</param>
    /// <param name="primaryHandler">The transport; default a new <see cref="SocketsHttpHandler"/>. Tests pass a fake server.</param>
    /// <param name="logger">Where to log method, path, status and correlation id (never secrets); default none.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static WalmartApiClient Create(WalmartOptions options, IClock clock, HttpMessageHandler? primaryHandler = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var validation = new WalmartOptionsValidator().Validate(null, options);
        if (validation.Failed) throw new OptionsValidationException(nameof(WalmartOptions), typeof(WalmartOptions), validation.Failures ?? []);
        var handler = new WalmartRequestHandler(options, new WalmartTokenCache(options, clock), new WalmartThrottle(clock, options.MaxThrottleWait), logger)
        {
            InnerHandler = primaryHandler ?? new SocketsHttpHandler(),
        };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        WalmartResilience.Configure(builder, options, clock);
        var http = new HttpClient(new ResilienceHandler(builder.Build()) { InnerHandler = handler }) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        return new WalmartApiClient(http, Options.Create(options), clock);
    }

    /// <summary>All orders matching <paramref name="query"/> (<c>GET /v3/orders</c>), page by page, following <c>meta.nextCursor</c> exactly as received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1..200, or the created window starts before the 180-day window.</exception>
    /// <exception cref="WalmartApiException">A call failed.</exception>
    public IAsyncEnumerable<WalmartOrderBatch> GetOrdersAsync(WalmartOrderQuery query, CancellationToken cancellationToken = default)
        => PagesAsync("/v3/orders", query, released: false, cancellationToken);

    /// <summary>Released orders, i.e. orders with lines in Created that wait for acknowledgement (<c>GET /v3/orders/released</c>), page by page.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1..200, or the created window starts before the 180-day window.</exception>
    /// <exception cref="WalmartApiException">A call failed.</exception>
    public IAsyncEnumerable<WalmartOrderBatch> GetReleasedOrdersAsync(WalmartOrderQuery query, CancellationToken cancellationToken = default)
        => PagesAsync("/v3/orders/released", query, released: true, cancellationToken);

    /// <summary>One page of <c>GET /v3/orders</c>: the first page of <paramref name="query"/> when <paramref name="cursor"/> is null, else the page the cursor names (sent exactly as received).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1..200, or the created window starts before the 180-day window.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    public Task<WalmartOrderBatch> GetOrdersPageAsync(WalmartOrderQuery query, string? cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var first = BuildOrderQuery(query, released: false);
        return GetOrderPageAsync("/v3/orders" + (cursor is null ? first : AsQuery(cursor)), query.ShipNodeType, cancellationToken);
    }

    /// <summary>One order (<c>GET /v3/orders/{purchaseOrderId}</c>).</summary>
    /// <param name="purchaseOrderId">The purchase order.</param>
    /// <param name="shipNodeType">The ship node type assumed when the payload has no <c>shipNode</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is blank.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    /// <exception cref="WalmartOrderMappingException">The order cannot be mapped.</exception>
    public async Task<WalmartOrder> GetOrderAsync(string purchaseOrderId, WalmartShipNodeType shipNodeType = WalmartShipNodeType.SellerFulfilled, CancellationToken cancellationToken = default)
    {
        var po = RequireId(purchaseOrderId);
        var body = await SendAsync(HttpMethod.Get, $"/v3/orders/{Escape(po)}", null, "GET /v3/orders/{purchaseOrderId}", cancellationToken).ConfigureAwait(false);
        return _orders.ParseSingle(body, shipNodeType);
    }

    /// <summary>Acknowledges the whole order (<c>POST /v3/orders/{purchaseOrderId}/acknowledge</c>, no body). Walmart allows a second acknowledgement.</summary>
    /// <returns>The order as Walmart returns it (lines Acknowledged).</returns>
    /// <exception cref="WalmartFulfilledOrderException">The order is WFS-fulfilled: no call is made.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    /// <exception cref="WalmartOrderMappingException">The response cannot be mapped.</exception>
    public async Task<WalmartOrder> AcknowledgeAsync(WalmartOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsWalmartFulfilled) throw new WalmartFulfilledOrderException(order.PurchaseOrderId, "acknowledge");
        var (result, rejection) = await PostOrderActionAsync(order.PurchaseOrderId, "acknowledge", null, order.ShipNodeType, cancellationToken).ConfigureAwait(false);
        return result ?? throw new WalmartOrderMappingException(rejection!);
    }

    /// <summary>Posts a ship notice (<c>POST /v3/orders/{purchaseOrderId}/shipping</c>): status Shipped per line and quantity with carrier, method, tracking number and epoch-ms ship time.</summary>
    /// <exception cref="WalmartFulfilledOrderException">The order is WFS-fulfilled: no call is made.</exception>
    /// <exception cref="ArgumentException">A line does not exist, a quantity is below 1, the tracking number is blank, or another carrier has no tracking URL.</exception>
    /// <exception cref="InvalidOperationException">A quantity exceeds the line's open units, or the order is older than the 30-day ship window.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    public async Task<WalmartOrder> ShipAsync(WalmartOrder order, WalmartShipment shipment, CancellationToken cancellationToken = default)
    {
        var body = WalmartRequestBodies.Ship(order, shipment, _clock.GetCurrentInstant(), _options.AutoCancelWindow);
        var (result, rejection) = await PostOrderActionAsync(order.PurchaseOrderId, "shipping", body, order.ShipNodeType, cancellationToken).ConfigureAwait(false);
        return result ?? throw new WalmartOrderMappingException(rejection!);
    }

    /// <summary>Cancels line quantities (<c>POST /v3/orders/{purchaseOrderId}/cancel</c>) with a documented <c>cancellationReason</c>.</summary>
    /// <exception cref="WalmartFulfilledOrderException">The order is WFS-fulfilled: no call is made.</exception>
    /// <exception cref="ArgumentException">A line does not exist or a quantity is below 1.</exception>
    /// <exception cref="InvalidOperationException">A quantity exceeds the line's open units.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    public async Task<WalmartOrder> CancelAsync(WalmartOrder order, WalmartCancellation cancellation, CancellationToken cancellationToken = default)
    {
        var body = WalmartRequestBodies.Cancel(order, cancellation);
        var (result, rejection) = await PostOrderActionAsync(order.PurchaseOrderId, "cancel", body, order.ShipNodeType, cancellationToken).ConfigureAwait(false);
        return result ?? throw new WalmartOrderMappingException(rejection!);
    }

    /// <summary>Refunds part of a line (<c>POST /v3/orders/{purchaseOrderId}/refund</c>) with negative charge amounts, never more than what remains refundable on the line.</summary>
    /// <exception cref="ArgumentException">The line does not exist, an amount is negative or in another currency, or the refund is zero.</exception>
    /// <exception cref="InvalidOperationException">The refund exceeds what remains refundable.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    public async Task<WalmartOrder> RefundAsync(WalmartOrder order, WalmartRefund refund, CancellationToken cancellationToken = default)
    {
        var body = WalmartRequestBodies.Refund(order, refund, Money.Zero(order.Currency));
        var (result, rejection) = await PostOrderActionAsync(order.PurchaseOrderId, "refund", body, order.ShipNodeType, cancellationToken).ConfigureAwait(false);
        return result ?? throw new WalmartOrderMappingException(rejection!);
    }

    /// <summary>Sets a SKU's quantity per ship node (<c>PUT /v3/inventories/{sku}</c>); the SKU is percent-encoded as Walmart requires.</summary>
    /// <exception cref="ArgumentException">The SKU is blank or a node is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantity is negative.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    public async Task<WalmartInventoryUpdateResult> UpdateInventoryAsync(string sku, IReadOnlyList<WalmartNodeQuantity> nodes, CancellationToken cancellationToken = default)
    {
        var s = RequireId(sku);
        var body = WalmartRequestBodies.MultiNodeInventory(nodes);
        var response = await SendAsync(HttpMethod.Put, $"/v3/inventories/{Escape(s)}", Json(body), "PUT /v3/inventories/{sku}", cancellationToken).ConfigureAwait(false);
        MultiNodeInventoryResponseDto? dto = null;
        try
        {
            dto = string.IsNullOrWhiteSpace(response) ? null : JsonSerializer.Deserialize(response, WalmartJsonContext.Default.MultiNodeInventoryResponseDto);
        }
        catch (JsonException)
        {
            // The update was accepted; an unreadable acknowledgement body is not a failure of the update.
        }
        var results = dto?.Nodes?.Where(n => n?.ShipNode is not null).Select(n => new WalmartNodeResult(n!.ShipNode!, n.Status)).ToArray()
            ?? nodes.Select(n => new WalmartNodeResult(n.ShipNode, null)).ToArray();
        return new WalmartInventoryUpdateResult(dto?.Sku ?? s, results);
    }

    /// <summary>Submits an <c>MP_INVENTORY</c> bulk feed (<c>POST /v3/feeds?feedType=MP_INVENTORY</c>, JSON file, spec 1.5, ship node mandatory).</summary>
    /// <returns>The feed id, to poll with <see cref="GetFeedStatusAsync"/>.</returns>
    /// <exception cref="ArgumentException">The feed is empty or an item is invalid.</exception>
    /// <exception cref="WalmartPayloadTooLargeException">Walmart refused the file as too large (413): split it.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    public async Task<string> SubmitInventoryFeedAsync(IReadOnlyList<WalmartInventoryFeedItem> items, CancellationToken cancellationToken = default)
    {
        var json = WalmartRequestBodies.InventoryFeed(items);
        var bytes = Encoding.UTF8.GetBytes(json);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent { { file, "file", "inventory.json" } };
        var response = await SendAsync(HttpMethod.Post, "/v3/feeds?feedType=MP_INVENTORY", form, "POST /v3/feeds?feedType=MP_INVENTORY", cancellationToken, bytes.LongLength).ConfigureAwait(false);
        string? feedId = null;
        try
        {
            feedId = JsonSerializer.Deserialize(response, WalmartJsonContext.Default.FeedIdDto)?.FeedId;
        }
        catch (JsonException)
        {
        }
        return string.IsNullOrWhiteSpace(feedId)
            ? throw new WalmartRequestException("POST /v3/feeds?feedType=MP_INVENTORY", HttpStatusCode.OK, null, [new WalmartError("NO_FEED_ID", "feedId", "the feed response has no feedId", null, "ERROR", "DATA")], WalmartErrorBody.Cut(response))
            : feedId;
    }

    /// <summary>The status of a feed (<c>GET /v3/feeds/{feedId}</c>; the id is percent-encoded, <c>@</c> as <c>%40</c>).</summary>
    /// <exception cref="ArgumentException">The id is blank.</exception>
    /// <exception cref="WalmartApiException">The call failed.</exception>
    public async Task<WalmartFeedStatus> GetFeedStatusAsync(string feedId, CancellationToken cancellationToken = default)
    {
        var id = RequireId(feedId);
        var response = await SendAsync(HttpMethod.Get, $"/v3/feeds/{Escape(id)}?includeDetails=false", null, "GET /v3/feeds/{feedId}", cancellationToken).ConfigureAwait(false);
        FeedStatusDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(response, WalmartJsonContext.Default.FeedStatusDto);
        }
        catch (JsonException e)
        {
            throw new WalmartRequestException("GET /v3/feeds/{feedId}", HttpStatusCode.OK, null, [], WalmartErrorBody.Cut(response), e);
        }
        var state = dto?.FeedStatus?.Trim().ToUpperInvariant() switch
        {
            "RECEIVED" => WalmartFeedState.Received,
            "INPROGRESS" or "IN_PROGRESS" => WalmartFeedState.InProgress,
            "PROCESSED" => WalmartFeedState.Processed,
            "ERROR" => WalmartFeedState.Error,
            _ => WalmartFeedState.Unknown,
        };
        return new WalmartFeedStatus(dto?.FeedId ?? id, state, dto?.ItemsReceived, dto?.ItemsSucceeded, dto?.ItemsFailed, dto?.ItemsProcessing);
    }

    /// <summary>Returns (RMAs) matching <paramref name="query"/> (<c>GET /v3/returns</c>), page by page, following <c>meta.nextCursor</c> exactly as received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1..200.</exception>
    /// <exception cref="WalmartApiException">A call failed.</exception>
    public async IAsyncEnumerable<WalmartReturnBatch> GetReturnsAsync(WalmartReturnQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new QueryBuilder();
        q.Add("returnOrderId", query.ReturnOrderId);
        q.Add("customerOrderId", query.CustomerOrderId);
        q.Add("status", query.Status);
        q.Add("returnCreationStartDate", query.CreatedStart);
        q.Add("returnCreationEndDate", query.CreatedEnd);
        q.Add("returnLastModifiedStartDate", query.LastModifiedStart);
        q.Add("returnLastModifiedEndDate", query.LastModifiedEnd);
        q.Add("limit", Limit(query.Limit).ToString(CultureInfo.InvariantCulture));
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var body = await SendAsync(HttpMethod.Get, "/v3/returns" + (cursor is null ? q.ToString() : AsQuery(cursor)), null, "GET /v3/returns", cancellationToken).ConfigureAwait(false);
            var batch = _returns.Parse(body);
            yield return batch;
            if (batch.NextCursor is not { } next || batch.Returns.Count + batch.Rejections.Count == 0 || !seen.Add(next)) yield break;
            cursor = next;
        }
    }

    internal async Task<(WalmartOrder? Order, WalmartOrderRejection? Rejection)> PostOrderActionAsync(string purchaseOrderId, string action, string? body, WalmartShipNodeType shipNodeType, CancellationToken ct)
    {
        var po = RequireId(purchaseOrderId);
        var response = await SendAsync(HttpMethod.Post, $"/v3/orders/{Escape(po)}/{action}", body is null ? null : Json(body), $"POST /v3/orders/{{purchaseOrderId}}/{action}", ct).ConfigureAwait(false);
        var batch = _orders.Parse(response, shipNodeType);
        if (batch.Orders.Count == 1) return (batch.Orders[0], null);
        return (null, batch.Rejections.FirstOrDefault() ?? new WalmartOrderRejection(po, "$", "the response holds no order"));
    }

    private async IAsyncEnumerable<WalmartOrderBatch> PagesAsync(string path, WalmartOrderQuery query, bool released, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var first = BuildOrderQuery(query, released);
        var limit = Limit(query.Limit);
        var maxPages = 20_000 / limit + 2;
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < maxPages; page++)
        {
            var batch = await GetOrderPageAsync(path + (cursor is null ? first : AsQuery(cursor)), query.ShipNodeType, ct).ConfigureAwait(false);
            yield return batch;
            if (batch.NextCursor is not { } next || batch.Orders.Count + batch.Rejections.Count == 0 || !seen.Add(next)) yield break;
            cursor = next;
        }
    }

    private async Task<WalmartOrderBatch> GetOrderPageAsync(string pathAndQuery, WalmartShipNodeType shipNodeType, CancellationToken ct)
    {
        var operation = pathAndQuery.StartsWith("/v3/orders/released", StringComparison.Ordinal) ? "GET /v3/orders/released" : "GET /v3/orders";
        var body = await SendAsync(HttpMethod.Get, pathAndQuery, null, operation, ct).ConfigureAwait(false);
        return _orders.Parse(body, shipNodeType);
    }

    private string BuildOrderQuery(WalmartOrderQuery query, bool released)
    {
        var now = _clock.GetCurrentInstant();
        var windowStart = now - _options.OrderLookback;
        if (query.CreatedStart is { } cs && cs < windowStart)
        {
            throw new ArgumentOutOfRangeException(nameof(query), cs, $"createdStartDate {cs} is before {windowStart}: Walmart serves only orders created in the last {_options.OrderLookback.Days} days.");
        }
        if (query.CreatedStart is { } a && query.CreatedEnd is { } b && b < a) throw new ArgumentOutOfRangeException(nameof(query), b, "createdEndDate is before createdStartDate.");
        if (query.LastModifiedStart is { } c && query.LastModifiedEnd is { } d && d < c) throw new ArgumentOutOfRangeException(nameof(query), d, "lastModifiedEndDate is before lastModifiedStartDate.");
        var createdStart = query.CreatedStart ?? (query.LastModifiedStart is not null ? windowStart + Duration.FromMinutes(5) : null);
        var q = new QueryBuilder();
        q.Add("limit", Limit(query.Limit).ToString(CultureInfo.InvariantCulture));
        q.Add("createdStartDate", createdStart);
        q.Add("createdEndDate", query.CreatedEnd);
        q.Add("lastModifiedStartDate", query.LastModifiedStart);
        q.Add("lastModifiedEndDate", query.LastModifiedEnd);
        if (!released) q.Add("status", query.Status?.ToString());
        q.Add("sku", query.Sku);
        q.Add("customerOrderId", query.CustomerOrderId);
        q.Add("shipNodeType", query.ShipNodeType.ToApi());
        q.Add("replacementInfo", "true");
        return q.ToString();
    }

    private int Limit(int? limit)
    {
        var l = limit ?? _options.PageSize;
        if (l is < 1 or > 200) throw new ArgumentOutOfRangeException(nameof(limit), l, "Walmart pages hold 1 to 200 records.");
        return l;
    }

    /// <summary>The cursor is appended exactly as Walmart sent it: never decoded, never re-encoded.</summary>
    private static string AsQuery(string cursor) => cursor.StartsWith('?') ? cursor : "?" + cursor;

    private async Task<string> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, string operation, CancellationToken ct, long? contentBytes = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_origin + pathAndQuery, UriKind.Absolute)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new WalmartRequestException(operation, null, WalmartRequestHandler.CorrelationOf(request), [], null, e);
        }
        catch (HttpRequestException e)
        {
            throw new WalmartRequestException(operation, e.StatusCode, WalmartRequestHandler.CorrelationOf(request), [], null, e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return body;
            var correlation = WalmartRequestHandler.CorrelationOf(response.RequestMessage) ?? WalmartRequestHandler.CorrelationOf(request);
            var errors = WalmartErrorBody.Parse(body);
            var raw = WalmartErrorBody.Cut(body);
            throw (int)response.StatusCode switch
            {
                429 => new WalmartRateLimitedException(operation, response.StatusCode, correlation, errors, raw, WalmartThrottle.ReadReplenishment(response.Headers, _clock.GetCurrentInstant()), WalmartThrottle.ReadTokens(response.Headers)),
                413 => new WalmartPayloadTooLargeException(operation, correlation, errors, raw, contentBytes ?? content?.Headers.ContentLength),
                401 or 403 => new WalmartAuthenticationException(operation, response.StatusCode, correlation, errors, raw),
                _ => new WalmartRequestException(operation, response.StatusCode, correlation, errors, raw),
            };
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string RequireId(string? id, [CallerArgumentExpression(nameof(id))] string? name = null)
        => string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("Value must not be blank.", name) : id.Trim();

    /// <summary>Percent-encodes a path segment: Walmart lists <c>: / ? # [ ] @ ! $ &amp; ' ( ) * + , ; =</c>, space and <c>%</c> as needing it.</summary>
    internal static string Escape(string segment) => Uri.EscapeDataString(segment);

    private sealed class QueryBuilder
    {
        private readonly StringBuilder _sb = new();

        public void Add(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            _sb.Append(_sb.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        }

        public void Add(string name, Instant? value)
        {
            if (value is { } v) Add(name, InstantPattern.General.Format(v));
        }

        public override string ToString() => _sb.ToString();
    }
}
