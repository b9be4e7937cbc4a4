using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi.Http;
using OrderCore.Adapters.Amazon.SpApi.Json;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>The result of one order poll.</summary>
/// <param name="Api">The Orders API polled.</param>
/// <param name="WindowStart">The <c>LastUpdatedAfter</c> sent.</param>
/// <param name="WindowEnd">The <c>LastUpdatedBefore</c> sent (now − <see cref="AmazonSpApiOptions.PollSafetyLag"/>): store it and pass it as the next poll's start.</param>
/// <param name="Pages">Order pages read (getOrders / searchOrders calls).</param>
/// <param name="Mapping">The mapped and rejected orders.</param>
/// <param name="Warnings">Things that went on with a caveat (e.g. no restricted data token: MFN v0 orders without an address).</param>
public sealed record AmazonOrderPollResult(AmazonOrdersApi Api, Instant WindowStart, Instant WindowEnd, int Pages, AmazonOrderMappingResult Mapping, IReadOnlyList<string> Warnings);

/// <summary>
/// Orders API v0 (deprecated; migrate by 2027-03-27) and v2026-01-01 (<c>searchOrders</c>, <c>getOrder</c>). Both return
/// the same canonical orders (<see cref="AmazonOrderMapper"/>). Polls follow every next token; a token returned twice
/// stops the poll with <see cref="AmazonPaginationLoopException"/> instead of looping.
/// </summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class AmazonOrdersClient
{
    private readonly SpApiTransport _t;

    internal AmazonOrdersClient(SpApiTransport transport) => _t = transport;

    private AmazonSpApiOptions O => _t.Options;

    /// <summary>
    /// Polls Orders v0 <c>getOrders</c> for orders updated in [<paramref name="lastUpdatedAfter"/>, now − lag), follows
    /// <c>NextToken</c> to the end, and fetches each order's items with <c>getOrderItems</c> (also paginated). With
    /// <see cref="AmazonSpApiOptions.UseRestrictedDataToken"/>, <c>getOrders</c> is called with a restricted data token for
    /// <c>shippingAddress</c>, so MFN orders carry the buyer's address.
    /// </summary>
    /// <param name="lastUpdatedAfter">The window start: the previous poll's <see cref="AmazonOrderPollResult.WindowEnd"/>.</param>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>The mapped orders and the window; an empty result when the window is empty (start ≥ now − lag).</returns>
    /// <exception cref="AmazonPaginationLoopException">A next token came back twice.</exception>
    /// <exception cref="AmazonQuotaExceededException">Throttled beyond <see cref="AmazonSpApiOptions.MaxThrottleWait"/>.</exception>
    /// <exception cref="AmazonSpApiException">Amazon refused a call or returned an unreadable body.</exception>
    public async Task<AmazonOrderPollResult> PollV0Async(Instant lastUpdatedAfter, CancellationToken cancellationToken = default)
    {
        var end = _t.Clock.GetCurrentInstant() - O.PollSafetyLag;
        var warnings = new List<string>();
        if (lastUpdatedAfter >= end) return new AmazonOrderPollResult(AmazonOrdersApi.V0, lastUpdatedAfter, lastUpdatedAfter, 0, new([], []), warnings);
        var rdt = await RestrictedTokenAsync("/orders/v0/orders", warnings, cancellationToken).ConfigureAwait(false);
        var marketplaces = AmazonSpApiClient.Q(string.Join(",", O.MarketplaceIds));
        var first = $"/orders/v0/orders?MarketplaceIds={marketplaces}&LastUpdatedAfter={AmazonSpApiClient.Q(AmazonSpApiClient.Iso(lastUpdatedAfter))}&LastUpdatedBefore={AmazonSpApiClient.Q(AmazonSpApiClient.Iso(end))}&MaxResultsPerPage={O.MaxResultsPerPage}";
        var payloads = new List<AmazonPayload>();
        var pages = 0;
        await foreach (var page in PaginateAsync("getOrders", first, token => $"/orders/v0/orders?MarketplaceIds={marketplaces}&NextToken={AmazonSpApiClient.Q(token)}", rdt,
            body =>
            {
                var dto = JsonSerializer.Deserialize(body, AmazonJsonContext.Default.V0GetOrdersResponse);
                var list = dto?.Payload ?? throw new JsonException("payload is missing");
                return (AmazonPayload.FromV0Orders(list, "getOrders"), list.NextToken);
            }, cancellationToken).ConfigureAwait(false))
        {
            pages++;
            payloads.Add(page);
        }
        foreach (var id in payloads.SelectMany(p => p.OrderIds).Distinct(StringComparer.Ordinal).ToArray())
        {
            payloads.Add(await GetOrderItemsPayloadAsync(id, cancellationToken).ConfigureAwait(false));
        }
        return new AmazonOrderPollResult(AmazonOrdersApi.V0, lastUpdatedAfter, end, pages, AmazonOrderMapper.Map(payloads, O.ToMappingOptions()), warnings);
    }

    /// <summary>
    /// Polls Orders v2026-01-01 <c>searchOrders</c> for orders updated in [<paramref name="lastUpdatedAfter"/>, now − lag)
    /// with <c>includedData=RECIPIENT,FULFILLMENT</c> (items are always included; no restricted data token is needed), and
    /// follows <c>pagination.nextToken</c> (as <c>paginationToken</c>, valid 24 h) to the end.
    /// </summary>
    /// <exception cref="AmazonPaginationLoopException">A next token came back twice.</exception>
    /// <exception cref="AmazonQuotaExceededException">Throttled beyond <see cref="AmazonSpApiOptions.MaxThrottleWait"/> (searchOrders allows 0.0056 rps after a burst of 20).</exception>
    /// <exception cref="AmazonSpApiException">Amazon refused a call or returned an unreadable body.</exception>
    public async Task<AmazonOrderPollResult> SearchOrdersAsync(Instant lastUpdatedAfter, CancellationToken cancellationToken = default)
    {
        var end = _t.Clock.GetCurrentInstant() - O.PollSafetyLag;
        if (lastUpdatedAfter >= end) return new AmazonOrderPollResult(AmazonOrdersApi.V20260101, lastUpdatedAfter, lastUpdatedAfter, 0, new([], []), []);
        var query = $"/orders/2026-01-01/orders?marketplaceIds={AmazonSpApiClient.Q(string.Join(",", O.MarketplaceIds))}&lastUpdatedAfter={AmazonSpApiClient.Q(AmazonSpApiClient.Iso(lastUpdatedAfter))}&lastUpdatedBefore={AmazonSpApiClient.Q(AmazonSpApiClient.Iso(end))}&maxResultsPerPage={O.MaxResultsPerPage}&includedData=RECIPIENT%2CFULFILLMENT";
        var payloads = new List<AmazonPayload>();
        await foreach (var page in PaginateAsync("searchOrders", query, token => query + "&paginationToken=" + AmazonSpApiClient.Q(token), null,
            body =>
            {
                var dto = JsonSerializer.Deserialize(body, AmazonJsonContext.Default.V26SearchOrdersResponse) ?? throw new JsonException("the body is null");
                return (AmazonPayload.FromV26Orders(dto.Orders ?? [], dto.Pagination?.NextToken, "searchOrders"), dto.Pagination?.NextToken);
            }, cancellationToken).ConfigureAwait(false))
        {
            payloads.Add(page);
        }
        return new AmazonOrderPollResult(AmazonOrdersApi.V20260101, lastUpdatedAfter, end, payloads.Count, AmazonOrderMapper.Map(payloads, O.ToMappingOptions()), []);
    }

    /// <summary>One order through Orders v2026-01-01 <c>getOrder</c> (with recipient and fulfillment data).</summary>
    /// <exception cref="AmazonSpApiException">Amazon refused the call (e.g. 404 for an unknown order).</exception>
    public async Task<AmazonOrderMappingResult> GetOrderAsync(string amazonOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(amazonOrderId);
        var r = await _t.SendAsync(new SpApiRequest("getOrder2026", HttpMethod.Get, $"/orders/2026-01-01/orders/{AmazonSpApiClient.Q(amazonOrderId.Trim())}?includedData=RECIPIENT%2CFULFILLMENT"), cancellationToken).ConfigureAwait(false);
        return AmazonOrderMapper.Map([Parse("getOrder2026", r)], O.ToMappingOptions());
    }

    /// <summary>One order through Orders v0 <c>getOrder</c> + <c>getOrderItems</c> (+ <c>getOrderAddress</c> with a restricted data token for MFN orders when enabled).</summary>
    /// <exception cref="AmazonSpApiException">Amazon refused a call.</exception>
    public async Task<AmazonOrderMappingResult> GetOrderV0Async(string amazonOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(amazonOrderId);
        var id = AmazonSpApiClient.Q(amazonOrderId.Trim());
        var order = Parse("getOrder", await _t.SendAsync(new SpApiRequest("getOrder", HttpMethod.Get, $"/orders/v0/orders/{id}"), cancellationToken).ConfigureAwait(false));
        var payloads = new List<AmazonPayload> { order, await GetOrderItemsPayloadAsync(amazonOrderId.Trim(), cancellationToken).ConfigureAwait(false) };
        if (O.UseRestrictedDataToken)
        {
            var path = $"/orders/v0/orders/{id}/address";
            var rdt = await RestrictedTokenAsync(path, [], cancellationToken).ConfigureAwait(false);
            if (rdt is not null) payloads.Add(Parse("getOrderAddress", await _t.SendAsync(new SpApiRequest("getOrderAddress", HttpMethod.Get, path, null, rdt), cancellationToken).ConfigureAwait(false)));
        }
        return AmazonOrderMapper.Map(payloads, O.ToMappingOptions());
    }

    /// <summary>The items of one v0 order (<c>getOrderItems</c>, every page).</summary>
    /// <exception cref="AmazonPaginationLoopException">A next token came back twice.</exception>
    /// <exception cref="AmazonSpApiException">Amazon refused a call.</exception>
    public async Task<AmazonOrderItemsResult> GetOrderItemsV0Async(string amazonOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(amazonOrderId);
        return AmazonOrderMapper.MapItems(await GetOrderItemsPayloadAsync(amazonOrderId.Trim(), cancellationToken).ConfigureAwait(false));
    }

    private async Task<AmazonPayload> GetOrderItemsPayloadAsync(string amazonOrderId, CancellationToken ct)
    {
        var path = $"/orders/v0/orders/{AmazonSpApiClient.Q(amazonOrderId)}/orderItems";
        var all = new List<JsonElement>();
        await foreach (var page in PaginateAsync("getOrderItems", path, token => path + "?NextToken=" + AmazonSpApiClient.Q(token), null,
            body =>
            {
                var dto = JsonSerializer.Deserialize(body, AmazonJsonContext.Default.V0GetOrderItemsResponse);
                var list = dto?.Payload ?? throw new JsonException("payload is missing");
                return (AmazonPayload.FromV0Items(amazonOrderId, list.OrderItems ?? [], "getOrderItems"), list.NextToken);
            }, ct).ConfigureAwait(false))
        {
            all.AddRange(page.V0Items);
        }
        return AmazonPayload.FromV0Items(amazonOrderId, all, "getOrderItems");
    }

    private async Task<string?> RestrictedTokenAsync(string path, List<string> warnings, CancellationToken ct)
    {
        if (!O.UseRestrictedDataToken) return null;
        try
        {
            return await _t.GetRestrictedDataTokenAsync([new RestrictedResourceDto { Method = "GET", Path = path, DataElements = ["shippingAddress"] }], ct).ConfigureAwait(false);
        }
        catch (AmazonSpApiException ex) when (ex is not AmazonQuotaExceededException && ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.BadRequest)
        {
            // The application may lack the PII role: orders still import, MFN ones land in the exception queue as MissingAddress.
            warnings.Add($"no restricted data token for {path} ({ex.Errors.FirstOrDefault()?.Code ?? ex.StatusCode?.ToString()}): merchant-fulfilled orders come without a shipping address");
            return null;
        }
    }

    private async IAsyncEnumerable<AmazonPayload> PaginateAsync(string operation, string firstPath, Func<string, string> nextPath, string? rdt,
        Func<string, (AmazonPayload Page, string? NextToken)> read, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var path = firstPath;
        var pages = 0;
        while (true)
        {
            var r = await _t.SendAsync(new SpApiRequest(operation, HttpMethod.Get, path, null, rdt), ct).ConfigureAwait(false);
            (AmazonPayload Page, string? NextToken) page;
            try
            {
                page = read(r.Body);
            }
            catch (JsonException ex)
            {
                throw new AmazonSpApiCallException(operation, r.Status, r.RequestId, [], $"SP-API {operation} returned a body OrderCore cannot read ({ex.Message}){(r.RequestId is null ? "" : $", request id {r.RequestId}")}.", ex);
            }
            pages++;
            yield return page.Page;
            if (string.IsNullOrWhiteSpace(page.NextToken)) yield break;
            if (!seen.Add(page.NextToken)) throw new AmazonPaginationLoopException(operation, pages);
            path = nextPath(page.NextToken);
        }
    }

    private static AmazonPayload Parse(string operation, SpApiResponse r)
    {
        try
        {
            return AmazonPayload.Parse(r.Body, operation);
        }
        catch (AmazonPayloadFormatException ex)
        {
            throw new AmazonSpApiCallException(operation, r.Status, r.RequestId, [], $"SP-API {operation} returned a body OrderCore cannot read ({ex.Message}).", ex);
        }
    }
}
