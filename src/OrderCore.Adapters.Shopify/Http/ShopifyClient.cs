using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderCore.Adapters.Shopify.Json;
using OrderCore.Adapters.Shopify.Webhooks;

namespace OrderCore.Adapters.Shopify.Http;

/// <summary>Tracking details posted with a fulfilment.</summary>
/// <param name="Company">The carrier as Shopify knows it (e.g. <c>UPS</c>, <c>USPS</c>), or null.</param>
/// <param name="Number">The tracking number, or null.</param>
/// <param name="Url">The tracking URL, or null (Shopify derives one for known carriers).</param>
public sealed record ShopifyTracking(string? Company, string? Number, string? Url);

/// <summary>One line of a fulfilment: units of an order line item.</summary>
/// <param name="LineItemId">The order's <c>line_items[].id</c>.</param>
/// <param name="Quantity">Units shipped, ≥ 1.</param>
public readonly record struct ShopifyFulfilmentLine(long LineItemId, int Quantity);

/// <summary>The result of <see cref="ShopifyClient.SetAvailableAsync"/>.</summary>
/// <param name="Applied">True when Shopify set the quantity (no user error).</param>
/// <param name="UserErrors">The mutation's <c>userErrors</c>; <c>CHANGE_FROM_QUANTITY_STALE</c> means Shopify's quantity was not the expected one.</param>
public sealed record ShopifyInventorySetResult(bool Applied, IReadOnlyList<ShopifyUserError> UserErrors)
{
    /// <summary>The user error code Shopify returns when <c>changeFromQuantity</c> does not match its stored quantity (API 2026-04+).</summary>
    public const string ChangeFromQuantityStale = "CHANGE_FROM_QUANTITY_STALE";

    /// <summary>True when the only reason for failure is a stale <c>changeFromQuantity</c>.</summary>
    public bool IsStale => !Applied && UserErrors.Count > 0 && UserErrors.All(e => e.Code == ChangeFromQuantityStale);
}

/// <summary>
/// A typed client of the Shopify Admin API (REST for orders and fulfilments, GraphQL for inventory) over an
/// <see cref="HttpClient"/> (registered with Microsoft.Extensions.Http.Resilience by <c>AddShopify</c>, which retries
/// transient failures: 5xx, 408, timeouts, connection errors).
/// </summary>
/// <remarks>
/// <para>Throttling, honoured here with bounded waits (<see cref="ShopifyOptions.MaxThrottleRetries"/>,
/// <see cref="ShopifyOptions.MaxThrottleWait"/>): the REST leaky bucket (<c>X-Shopify-Shop-Api-Call-Limit</c>: the client
/// waits before a request that would leave less than <see cref="ShopifyOptions.RestBucketHeadroom"/>), HTTP 429 (waits
/// <c>Retry-After</c>, then retries), and GraphQL cost (<c>extensions.cost.throttleStatus</c>: waits until the bucket
/// holds the query's cost; a <c>THROTTLED</c> error is retried after the restore time).</para>
/// <para>REST lists follow the <c>Link</c> header's <c>rel="next"</c> URL verbatim (<c>page_info</c> cursors) until there
/// is none. Every request carries <c>X-Shopify-Access-Token</c> and targets <c>/admin/api/{ApiVersion}/</c>.</para>
/// <para>Errors throw <see cref="ShopifyApiException"/> with the status, Shopify's <c>X-Request-Id</c> and error body.</para>
/// </remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class ShopifyClient
{
    private const string GraphQlSetQuantities =
        "mutation OrderCoreInventorySet($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) { " +
        "inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) { inventoryAdjustmentGroup { id } userErrors { code field message } } }";

    private const string GraphQlAvailable =
        "query OrderCoreInventoryLevel($item: ID!, $location: ID!) { inventoryItem(id: $item) { inventoryLevel(locationId: $location) { quantities(names: [\"available\"]) { name quantity } } } }";

    private readonly HttpClient _http;
    private readonly ShopifyOptions _options;
    private readonly TimeProvider _time;
    private readonly ShopifyRateGate _gate;
    private readonly ILogger _logger;
    private readonly string _apiRoot;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client (its base address is ignored: requests go to <see cref="ShopifyOptions.EffectiveBaseAddress"/>).</param>
    /// <param name="options">The adapter options.</param>
    /// <param name="time">The time source for throttle waits, or null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">A logger, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="http"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ShopifyClient(HttpClient http, IOptions<ShopifyOptions> options, TimeProvider? time = null, ILogger<ShopifyClient>? logger = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = time ?? TimeProvider.System;
        _gate = new ShopifyRateGate(_time, _options.RestBucketSize, _options.RestLeakRatePerSecond, _options.RestBucketHeadroom);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _apiRoot = new Uri(_options.EffectiveBaseAddress, $"admin/api/{_options.ApiVersion}/").ToString();
    }

    /// <summary>The API root, e.g. <c>https://acme.myshopify.com/admin/api/2026-07/</c>.</summary>
    public Uri ApiRoot => new(_apiRoot);

    /// <summary>
    /// Every order of a query (default <c>status=any</c>), page by page through the <c>Link</c> header, each as its raw JSON
    /// object (the shape of an <c>orders/*</c> webhook body, ready for <c>ShopifyOrderImporter.ImportOrderJsonAsync</c>).
    /// </summary>
    /// <param name="query">The query string without <c>?</c>, e.g. <c>status=any&amp;limit=250&amp;updated_at_min=…</c>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="ShopifyApiException">Shopify answered with an error.</exception>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ListOrderPayloadsAsync(string? query = "status=any", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Uri? next = new(_apiRoot + "orders.json" + (string.IsNullOrEmpty(query) ? "" : "?" + query));
        while (next is not null)
        {
            var (body, headers) = await SendAsync(HttpMethod.Get, next, null, cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("orders", out var orders) && orders.ValueKind == JsonValueKind.Array)
            {
                foreach (var o in orders.EnumerateArray()) yield return JsonSerializer.SerializeToUtf8Bytes(o, ShopifyJsonContext.Default.JsonElement);
            }
            next = NextPage(headers);
        }
    }

    /// <summary>
    /// Posts a fulfilment: reads the order's fulfilment orders (<c>GET orders/{id}/fulfillment_orders.json</c>), takes the
    /// open ones assigned to <paramref name="shopifyLocationId"/> (any location when null), fills each line from their
    /// remaining quantities, and creates the fulfilment (<c>POST fulfillments.json</c>, <c>line_items_by_fulfillment_order</c>).
    /// </summary>
    /// <returns>The fulfilment created; null when nothing is left to fulfil for those lines (already posted: the call is then a no-op).</returns>
    /// <exception cref="ShopifyApiException">Shopify answered with an error.</exception>
    /// <exception cref="InvalidOperationException">The open fulfilment orders at that location cannot cover a line.</exception>
    public async Task<ShopifyFulfillmentNotice?> CreateFulfillmentAsync(long shopifyOrderId, long? shopifyLocationId, IReadOnlyList<ShopifyFulfilmentLine> lines, ShopifyTracking? tracking, bool notifyCustomer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var (foBody, _) = await SendAsync(HttpMethod.Get, new Uri($"{_apiRoot}orders/{Id(shopifyOrderId)}/fulfillment_orders.json"), null, cancellationToken).ConfigureAwait(false);
        var envelope = ShopifyJson.Read(foBody, ShopifyJsonContext.Default.ShopifyEnvelopeDto);
        var open = (envelope.FulfillmentOrders ?? [])
            .Where(fo => fo.Status is "open" or "in_progress" && (shopifyLocationId is null || fo.AssignedLocationId == shopifyLocationId))
            .ToList();
        var byFo = new Dictionary<long, List<ShopifyFulfillmentOrderLineQuantityDto>>();
        var anyLeft = false;
        foreach (var line in lines)
        {
            var need = line.Quantity;
            foreach (var fo in open)
            {
                foreach (var foLine in (fo.LineItems ?? []).Where(l => l.LineItemId == line.LineItemId))
                {
                    var take = Math.Min(need, foLine.FulfillableQuantity ?? foLine.Quantity ?? 0);
                    if (take <= 0) continue;
                    if (!byFo.TryGetValue(fo.Id!.Value, out var list)) byFo[fo.Id.Value] = list = [];
                    list.Add(new ShopifyFulfillmentOrderLineQuantityDto { Id = foLine.Id!.Value, Quantity = take });
                    need -= take;
                    anyLeft = true;
                    if (need == 0) break;
                }
                if (need == 0) break;
            }
            if (need > 0 && anyLeft) throw new InvalidOperationException($"Order {shopifyOrderId}: the open fulfilment orders{(shopifyLocationId is { } l ? $" at location {l}" : "")} lack {need} unit(s) of line item {line.LineItemId}.");
        }
        if (byFo.Count == 0)
        {
            _logger.LogInformation("Shopify order {ShopifyOrderId}: nothing left to fulfil for the posted lines; treated as already posted", shopifyOrderId);
            return null;
        }
        var request = new ShopifyFulfillmentCreateRequestDto
        {
            Fulfillment = new ShopifyFulfillmentCreateDto
            {
                NotifyCustomer = notifyCustomer,
                TrackingInfo = tracking is null ? null : new ShopifyTrackingInfoDto { Company = tracking.Company, Number = tracking.Number, Url = tracking.Url },
                LineItemsByFulfillmentOrder = byFo.Select(kv => new ShopifyLineItemsByFulfillmentOrderDto { FulfillmentOrderId = kv.Key, FulfillmentOrderLineItems = kv.Value }).ToList(),
            },
        };
        var (body, _) = await SendAsync(HttpMethod.Post, new Uri(_apiRoot + "fulfillments.json"), ShopifyJson.Write(request, ShopifyJsonContext.Default.ShopifyFulfillmentCreateRequestDto), cancellationToken).ConfigureAwait(false);
        return NoticeOf(body, "fulfillment");
    }

    /// <summary>The fulfilments of an order (<c>GET orders/{id}/fulfillments.json</c>), oldest first.</summary>
    /// <exception cref="ShopifyApiException">Shopify answered with an error.</exception>
    public async Task<IReadOnlyList<ShopifyFulfillmentNotice>> GetFulfillmentsAsync(long shopifyOrderId, CancellationToken cancellationToken = default)
    {
        var (body, _) = await SendAsync(HttpMethod.Get, new Uri($"{_apiRoot}orders/{Id(shopifyOrderId)}/fulfillments.json"), null, cancellationToken).ConfigureAwait(false);
        var envelope = ShopifyJson.Read(body, ShopifyJsonContext.Default.ShopifyEnvelopeDto);
        return (envelope.Fulfillments ?? []).Where(f => f.Id is not null)
            .Select(f => new ShopifyFulfillmentNotice(f.Id!.Value, f.OrderId ?? shopifyOrderId, f.Status, f.LocationId, f.TrackingCompany, f.TrackingNumber ?? f.TrackingNumbers?.FirstOrDefault(), f.TrackingUrl))
            .ToArray();
    }

    /// <summary>Changes a fulfilment's tracking (<c>POST fulfillments/{id}/update_tracking.json</c>).</summary>
    /// <exception cref="ShopifyApiException">Shopify answered with an error.</exception>
    public async Task<ShopifyFulfillmentNotice> UpdateTrackingAsync(long fulfillmentId, ShopifyTracking tracking, bool notifyCustomer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        var request = new ShopifyUpdateTrackingRequestDto
        {
            Fulfillment = new ShopifyUpdateTrackingDto { NotifyCustomer = notifyCustomer, TrackingInfo = new ShopifyTrackingInfoDto { Company = tracking.Company, Number = tracking.Number, Url = tracking.Url } },
        };
        var (body, _) = await SendAsync(HttpMethod.Post, new Uri($"{_apiRoot}fulfillments/{Id(fulfillmentId)}/update_tracking.json"),
            ShopifyJson.Write(request, ShopifyJsonContext.Default.ShopifyUpdateTrackingRequestDto), cancellationToken).ConfigureAwait(false);
        return NoticeOf(body, "fulfillment") ?? throw new ShopifyApiException("POST", $"fulfillments/{fulfillmentId}/update_tracking.json", 200, null, null, null, "the response has no fulfillment");
    }

    /// <summary>The <c>available</c> quantity of an inventory item at a location (GraphQL <c>inventoryLevel.quantities</c>), or null when the item is not stocked there.</summary>
    /// <exception cref="ShopifyApiException">Shopify answered with an error.</exception>
    public async Task<int?> GetAvailableAsync(long inventoryItemId, long shopifyLocationId, CancellationToken cancellationToken = default)
    {
        var variables = Variables(w =>
        {
            w.WriteString("item", $"gid://shopify/InventoryItem/{Id(inventoryItemId)}");
            w.WriteString("location", $"gid://shopify/Location/{Id(shopifyLocationId)}");
        });
        using var doc = await GraphQlAsync(GraphQlAvailable, variables, 2, cancellationToken).ConfigureAwait(false);
        var level = doc.RootElement.GetProperty("data").GetProperty("inventoryItem");
        if (level.ValueKind != JsonValueKind.Object || !level.TryGetProperty("inventoryLevel", out level) || level.ValueKind != JsonValueKind.Object) return null;
        foreach (var q in level.GetProperty("quantities").EnumerateArray())
        {
            if (q.GetProperty("name").GetString() == "available") return q.GetProperty("quantity").GetInt32();
        }
        return null;
    }

    /// <summary>
    /// Sets the <c>available</c> quantity of an item at a location with <c>inventorySetQuantities</c> (API 2026-04+):
    /// <c>changeFromQuantity</c> is the quantity OrderCore believes Shopify holds (null opts out of the check), and the
    /// <c>@idempotent</c> key makes a retried request apply once.
    /// </summary>
    /// <param name="inventoryItemId">The inventory item (1:1 with a variant).</param>
    /// <param name="shopifyLocationId">The location.</param>
    /// <param name="quantity">The new available quantity, ≥ 0.</param>
    /// <param name="changeFromQuantity">The expected current quantity, or null to skip the compare (not recommended).</param>
    /// <param name="idempotencyKey">A key unique to this exact request; the same key for a retry of it.</param>
    /// <param name="referenceDocumentUri">An audit URI, e.g. <c>ordercore://stock/SKU-1/42</c>, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it applied, and the user errors (a stale <c>changeFromQuantity</c> is <see cref="ShopifyInventorySetResult.IsStale"/>).</returns>
    /// <exception cref="ShopifyApiException">Shopify answered with an error (not a user error).</exception>
    public async Task<ShopifyInventorySetResult> SetAvailableAsync(long inventoryItemId, long shopifyLocationId, int quantity, int? changeFromQuantity, string idempotencyKey, string? referenceDocumentUri, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var variables = Variables(w =>
        {
            w.WriteStartObject("input");
            w.WriteString("name", "available");
            w.WriteString("reason", "correction");
            if (referenceDocumentUri is not null) w.WriteString("referenceDocumentUri", referenceDocumentUri);
            w.WriteStartArray("quantities");
            w.WriteStartObject();
            w.WriteString("inventoryItemId", $"gid://shopify/InventoryItem/{Id(inventoryItemId)}");
            w.WriteString("locationId", $"gid://shopify/Location/{Id(shopifyLocationId)}");
            w.WriteNumber("quantity", quantity);
            if (changeFromQuantity is { } from) w.WriteNumber("changeFromQuantity", from);
            else w.WriteNull("changeFromQuantity");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("idempotencyKey", idempotencyKey);
        });
        using var doc = await GraphQlAsync(GraphQlSetQuantities, variables, 10, cancellationToken).ConfigureAwait(false);
        var payload = doc.RootElement.GetProperty("data").GetProperty("inventorySetQuantities");
        var errors = new List<ShopifyUserError>();
        if (payload.TryGetProperty("userErrors", out var ue) && ue.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in ue.EnumerateArray())
            {
                var field = e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.Array ? string.Join('.', f.EnumerateArray().Select(x => x.ToString())) : null;
                errors.Add(new ShopifyUserError(e.TryGetProperty("code", out var c) ? c.GetString() : null, field, e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : ""));
            }
        }
        return new ShopifyInventorySetResult(errors.Count == 0, errors);
    }

    /// <summary>The optional REST route: <c>POST inventory_levels/set.json</c> (no compare-and-set; prefer <see cref="SetAvailableAsync"/>).</summary>
    /// <returns>The available quantity Shopify reports afterwards.</returns>
    /// <exception cref="ShopifyApiException">Shopify answered with an error.</exception>
    public async Task<int?> SetInventoryLevelRestAsync(long inventoryItemId, long shopifyLocationId, int available, CancellationToken cancellationToken = default)
    {
        var request = new ShopifyInventoryLevelSetRequestDto { InventoryItemId = inventoryItemId, LocationId = shopifyLocationId, Available = available };
        var (body, _) = await SendAsync(HttpMethod.Post, new Uri(_apiRoot + "inventory_levels/set.json"), ShopifyJson.Write(request, ShopifyJsonContext.Default.ShopifyInventoryLevelSetRequestDto), cancellationToken).ConfigureAwait(false);
        return ShopifyJson.Read(body, ShopifyJsonContext.Default.ShopifyEnvelopeDto).InventoryLevel?.Available;
    }

    internal async Task<JsonDocument> GraphQlAsync(string query, JsonElement variables, double expectedCost, CancellationToken ct)
    {
        var request = ShopifyJson.Write(new ShopifyGraphQlRequestDto { Query = query, Variables = variables }, ShopifyJsonContext.Default.ShopifyGraphQlRequestDto);
        var uri = new Uri(_apiRoot + "graphql.json");
        for (var attempt = 0; ; attempt++)
        {
            await WaitAsync(_gate.GraphQlDelay(expectedCost), "GraphQL cost", ct).ConfigureAwait(false);
            var (body, headers) = await SendAsync(HttpMethod.Post, uri, request, ct, rest: false).ConfigureAwait(false);
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new ShopifyApiException("POST", "graphql.json", 200, RequestId(headers), null, Truncate(body), "the GraphQL response is not JSON", ex);
            }
            var root = doc.RootElement;
            double requested = expectedCost;
            if (root.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("cost", out var cost))
            {
                if (cost.TryGetProperty("requestedQueryCost", out var rq) && rq.TryGetDouble(out var r)) requested = r;
                if (cost.TryGetProperty("throttleStatus", out var ts)
                    && ts.TryGetProperty("maximumAvailable", out var max) && ts.TryGetProperty("currentlyAvailable", out var cur) && ts.TryGetProperty("restoreRate", out var rate))
                {
                    _gate.ObserveGraphQl(max.GetDouble(), cur.GetDouble(), rate.GetDouble());
                }
            }
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("extensions", out var ee) && ee.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString() : null;
                if (code == "THROTTLED" && attempt < _options.MaxThrottleRetries)
                {
                    doc.Dispose();
                    var wait = _gate.GraphQlDelay(requested);
                    await WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1), "GraphQL THROTTLED", ct).ConfigureAwait(false);
                    continue;
                }
                doc.Dispose();
                throw new ShopifyApiException("POST", "graphql.json", 200, RequestId(headers), code, Truncate(body), $"GraphQL error{(code is null ? "" : $" {code}")}: {message}");
            }
            return doc;
        }
    }

    /// <summary>Sends one request through the throttles; returns the body of a success, throws <see cref="ShopifyApiException"/> otherwise.</summary>
    private async Task<(byte[] Body, HttpResponseHeaders Headers)> SendAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken ct, bool rest = true)
    {
        var path = uri.AbsolutePath;
        for (var attempt = 0; ; attempt++)
        {
            if (rest) await WaitAsync(_gate.RestDelay(), "REST bucket", ct).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation("X-Shopify-Access-Token", _options.AccessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new ShopifyApiException(method.Method, path, 0, null, null, null, $"{method} {path}: {ex.Message}", ex);
            }
            using (response)
            {
                if (response.Headers.TryGetValues("X-Shopify-Shop-Api-Call-Limit", out var limit)) _gate.ObserveRest(limit.FirstOrDefault());
                var content = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < _options.MaxThrottleRetries)
                {
                    await WaitAsync(RetryAfter(response) ?? TimeSpan.FromSeconds(1 / _options.RestLeakRatePerSecond), "HTTP 429 Retry-After", ct).ConfigureAwait(false);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    var text = Truncate(content);
                    throw new ShopifyApiException(method.Method, path, (int)response.StatusCode, RequestId(response.Headers), null, text,
                        $"{method} {path}: HTTP {(int)response.StatusCode}{(ErrorsOf(content) is { } errors ? ": " + errors : "")}");
                }
                return (content, response.Headers);
            }
        }
    }

    private async Task WaitAsync(TimeSpan delay, string why, CancellationToken ct)
    {
        if (delay <= TimeSpan.Zero) return;
        var max = _options.MaxThrottleWait.ToTimeSpan();
        if (delay > max) throw new ShopifyApiException("-", "-", 429, null, "THROTTLED", null, $"Shopify asks to wait {delay.TotalSeconds:0.###} s ({why}), more than MaxThrottleWait {max.TotalSeconds:0.###} s");
        _logger.LogDebug("Shopify throttle ({Why}): waiting {Delay}", why, delay);
        await Task.Delay(delay, _time, ct).ConfigureAwait(false);
    }

    /// <summary><c>Retry-After</c> as seconds (possibly fractional, as Shopify sends <c>2.0</c>) or an HTTP date; null when absent.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta) return delta;
            if (ra.Date is { } date) return date - _time.GetUtcNow();
        }
        if (response.Headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }

    /// <summary>The <c>rel="next"</c> URL of a <c>Link</c> header, or null on the last page.</summary>
    internal static Uri? NextPage(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values)) return null;
        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                var segments = part.Split(';', StringSplitOptions.TrimEntries);
                if (segments.Length < 2 || !segments[0].StartsWith('<') || !segments[0].EndsWith('>')) continue;
                if (segments.Skip(1).Any(s => s.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
                {
                    return new Uri(segments[0][1..^1], UriKind.Absolute);
                }
            }
        }
        return null;
    }

    private static ShopifyFulfillmentNotice? NoticeOf(byte[] body, string _)
    {
        var f = ShopifyJson.Read(body, ShopifyJsonContext.Default.ShopifyEnvelopeDto).Fulfillment;
        return f?.Id is null ? null : new ShopifyFulfillmentNotice(f.Id.Value, f.OrderId ?? 0, f.Status, f.LocationId, f.TrackingCompany, f.TrackingNumber ?? f.TrackingNumbers?.FirstOrDefault(), f.TrackingUrl);
    }

    private static string? ErrorsOf(byte[] content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && (doc.RootElement.TryGetProperty("errors", out var e) || doc.RootElement.TryGetProperty("error", out e)))
            {
                return e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page): the raw body is in ErrorBody.
        }
        return null;
    }

    private static string? RequestId(HttpResponseHeaders headers) => headers.TryGetValues("X-Request-Id", out var v) ? v.FirstOrDefault() : null;

    private static string? Truncate(byte[] content)
    {
        if (content.Length == 0) return null;
        var text = Encoding.UTF8.GetString(content);
        return text.Length <= 4000 ? text : text[..4000];
    }

    private static JsonElement Variables(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
