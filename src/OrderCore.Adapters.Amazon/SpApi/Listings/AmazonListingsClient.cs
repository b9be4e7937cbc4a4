using System.IO.Compression;
using System.Text;
using System.Text.Json;
using OrderCore.Adapters.Amazon.SpApi.Http;
using OrderCore.Adapters.Amazon.SpApi.Json;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>
/// An MFN available quantity to push for one seller SKU. Only merchant-fulfilled quantities are ever pushed
/// (<c>fulfillment_channel_code</c> <c>DEFAULT</c>): FBA (AFN) quantities belong to Amazon.
/// </summary>
/// <param name="Sku">The seller SKU on Amazon.</param>
/// <param name="Quantity">Units available to sell, ≥ 0.</param>
/// <param name="Sequence">The outbox sequence of this value (monotonic per SKU); higher is newer. 0 when not from the outbox.</param>
public sealed record AmazonQuantityUpdate(string Sku, int Quantity, long Sequence = 0)
{
    /// <summary>The outbox message kind of a quantity push.</summary>
    public const string OutboxKind = "amazon.listingQuantity";

    /// <summary>Creates an update after checking that it is for merchant-fulfilled stock.</summary>
    /// <exception cref="ArgumentException"><paramref name="fulfilment"/> is <see cref="FulfilmentChannel.Marketplace"/>: FBA quantities are owned by Amazon and never pushed; or the SKU is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is negative.</exception>
    public static AmazonQuantityUpdate ForMerchantFulfilled(string sku, int quantity, FulfilmentChannel fulfilment = FulfilmentChannel.Merchant, long sequence = 0)
    {
        if (fulfilment == FulfilmentChannel.Marketplace) throw new ArgumentException($"SKU '{sku}' is fulfilled by Amazon (AFN): its quantity is Amazon's and is never pushed.", nameof(fulfilment));
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return new AmazonQuantityUpdate(sku.Trim(), quantity, sequence);
    }

    /// <summary>The outbox payload <c>{"sku": …, "quantity": N}</c>.</summary>
    public string ToOutboxPayload()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("sku", Sku);
            w.WriteNumber("quantity", Quantity);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads an outbox payload written by <see cref="ToOutboxPayload"/>, with the message's sequence.</summary>
    /// <exception cref="FormatException">Not such a payload.</exception>
    public static AmazonQuantityUpdate FromOutboxPayload(string payload, long sequence)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var sku = doc.RootElement.GetProperty("sku").GetString();
            var qty = doc.RootElement.GetProperty("quantity").GetInt32();
            if (string.IsNullOrWhiteSpace(sku) || qty < 0) throw new FormatException("sku is blank or quantity negative");
            return new AmazonQuantityUpdate(sku.Trim(), qty, sequence);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"Not an Amazon quantity outbox payload: {ex.Message}", ex);
        }
    }
}

/// <summary>An issue Amazon reported for a listing (Listings Items <c>issues[]</c> or the feed processing report).</summary>
/// <param name="Code">Amazon's issue code, e.g. <c>90220</c>.</param>
/// <param name="Severity"><c>ERROR</c>, <c>WARNING</c> or <c>INFO</c>.</param>
/// <param name="Message">Amazon's message.</param>
/// <param name="AttributeName">The attribute concerned, if any.</param>
public sealed record AmazonListingIssue(string Code, string Severity, string Message, string? AttributeName = null)
{
    /// <summary>True for <c>ERROR</c>.</summary>
    public bool IsError => string.Equals(Severity, "ERROR", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The answer to a <c>patchListingsItem</c>.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Status"><c>ACCEPTED</c>, <c>INVALID</c> or <c>VALID</c>.</param>
/// <param name="SubmissionId">Amazon's submission id.</param>
/// <param name="Issues">Issues Amazon found.</param>
public sealed record AmazonListingSubmission(string Sku, string Status, string? SubmissionId, IReadOnlyList<AmazonListingIssue> Issues)
{
    /// <summary>True when Amazon accepted the patch.</summary>
    public bool Accepted => string.Equals(Status, "ACCEPTED", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A built <c>JSON_LISTINGS_FEED</c> document: the JSON and which message id carries which SKU.</summary>
/// <param name="Json">The feed document (header + PATCH messages of <c>/attributes/fulfillment_availability</c>).</param>
/// <param name="Messages">The SKU and update of each message id (1, 2, 3…).</param>
public sealed record AmazonListingsFeed(string Json, IReadOnlyDictionary<int, AmazonQuantityUpdate> Messages);

/// <summary>The outcome of one feed message, from the processing report.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="Sku">The SKU (from the report, or from the feed when the report omits it).</param>
/// <param name="Accepted">True when the report lists no ERROR for the message.</param>
/// <param name="Issues">The report's issues for the message.</param>
public sealed record AmazonFeedMessageResult(int MessageId, string? Sku, bool Accepted, IReadOnlyList<AmazonListingIssue> Issues);

/// <summary>A parsed <c>JSON_LISTINGS_FEED</c> processing report.</summary>
/// <param name="FeedId">The feed id, if the header has it.</param>
/// <param name="MessagesProcessed">The summary's <c>messagesProcessed</c>.</param>
/// <param name="MessagesAccepted">The summary's <c>messagesAccepted</c>.</param>
/// <param name="MessagesInvalid">The summary's <c>messagesInvalid</c>.</param>
/// <param name="Messages">Per message id, in id order: every message of the feed when the feed is given, else every message the report mentions.</param>
public sealed record AmazonFeedReport(string? FeedId, int MessagesProcessed, int MessagesAccepted, int MessagesInvalid, IReadOnlyList<AmazonFeedMessageResult> Messages)
{
    /// <summary>The SKUs with at least one ERROR, with their errors.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AmazonListingIssue>> ErrorsBySku
        => Messages.Where(m => !m.Accepted && m.Sku is not null).GroupBy(m => m.Sku!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AmazonListingIssue>)g.SelectMany(m => m.Issues.Where(i => i.IsError)).ToArray(), StringComparer.Ordinal);
}

/// <summary>The state of a submitted feed.</summary>
/// <param name="FeedId">The feed id.</param>
/// <param name="ProcessingStatus"><c>IN_QUEUE</c>, <c>IN_PROGRESS</c>, <c>DONE</c>, <c>CANCELLED</c> or <c>FATAL</c>.</param>
/// <param name="Report">The processing report once the feed is <c>DONE</c> (or <c>FATAL</c> with a result document); otherwise null.</param>
public sealed record AmazonFeedStatus(string FeedId, string ProcessingStatus, AmazonFeedReport? Report);

/// <summary>
/// MFN quantities out: Listings Items 2021-08-01 <c>patchListingsItem</c> (<c>replace /attributes/fulfillment_availability</c>
/// with <c>fulfillment_channel_code</c> <c>DEFAULT</c>; 5 rps burst 5) for one SKU, and <c>JSON_LISTINGS_FEED</c> (Feeds
/// 2021-06-30; ≤ 25,000 messages) in bulk, with the processing report parsed per message id.
/// </summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class AmazonListingsClient
{
    /// <summary>The most messages one JSON_LISTINGS_FEED may carry ([M-LFS]).</summary>
    public const int MaxFeedMessages = 25_000;

    private const string FeedContentType = "application/json; charset=UTF-8";
    private readonly SpApiTransport _t;

    internal AmazonListingsClient(SpApiTransport transport) => _t = transport;

    /// <summary>Sets one SKU's MFN quantity with <c>patchListingsItem</c>.</summary>
    /// <returns>Amazon's answer; <see cref="AmazonListingSubmission.Accepted"/> is false (status <c>INVALID</c>) with the issues when Amazon refused the patch.</returns>
    /// <exception cref="InvalidOperationException"><see cref="AmazonSpApiOptions.SellerId"/> is not set.</exception>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonListingSubmission> PatchQuantityAsync(AmazonQuantityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var seller = _t.Options.SellerId ?? throw new InvalidOperationException("AmazonSpApiOptions.SellerId is required to patch listings.");
        var body = JsonSerializer.Serialize(new ListingsPatchRequest { ProductType = _t.Options.ListingsProductType, Patches = [Patch(update.Quantity)] }, AmazonJsonContext.Default.ListingsPatchRequest);
        var path = $"/listings/2021-08-01/items/{AmazonSpApiClient.Q(seller)}/{AmazonSpApiClient.Q(update.Sku)}?marketplaceIds={AmazonSpApiClient.Q(string.Join(",", _t.Options.MarketplaceIds))}";
        var dto = await _t.SendAsync(new SpApiRequest("patchListingsItem", HttpMethod.Patch, path, body), AmazonJsonContext.Default.ListingsSubmissionResponse, cancellationToken).ConfigureAwait(false);
        return new AmazonListingSubmission(dto.Sku ?? update.Sku, dto.Status ?? "(none)", dto.SubmissionId,
            (dto.Issues ?? []).Select(i => new AmazonListingIssue(i.Code ?? "", i.Severity ?? "", i.Message ?? "", i.AttributeNames is { Count: > 0 } a ? string.Join(",", a) : null)).ToArray());
    }

    /// <summary>
    /// Builds a <c>JSON_LISTINGS_FEED</c> with one <c>PATCH</c> message per SKU (message ids 1…n in input order). When a SKU
    /// appears several times, only its update with the highest <see cref="AmazonQuantityUpdate.Sequence"/> is kept (the
    /// last one among equals), so an older value never overwrites a newer one.
    /// </summary>
    /// <param name="sellerId">The seller id for the header.</param>
    /// <param name="updates">The quantities.</param>
    /// <param name="productType">The product type of every message (default <c>PRODUCT</c>).</param>
    /// <exception cref="ArgumentException">No updates, more than 25,000 SKUs, or a blank seller id.</exception>
    public static AmazonListingsFeed BuildQuantityFeed(string sellerId, IEnumerable<AmazonQuantityUpdate> updates, string productType = "PRODUCT")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentNullException.ThrowIfNull(updates);
        var latest = new Dictionary<string, AmazonQuantityUpdate>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var u in updates)
        {
            if (!latest.TryGetValue(u.Sku, out var have)) order.Add(u.Sku);
            if (have is null || u.Sequence >= have.Sequence) latest[u.Sku] = u;
        }
        if (order.Count == 0) throw new ArgumentException("A feed needs at least one update.", nameof(updates));
        if (order.Count > MaxFeedMessages) throw new ArgumentException($"A JSON_LISTINGS_FEED holds at most {MaxFeedMessages} messages ({order.Count} SKUs given); split it.", nameof(updates));
        var messages = new Dictionary<int, AmazonQuantityUpdate>();
        var dto = new ListingsFeedDto { Header = new ListingsFeedHeaderDto { SellerId = sellerId.Trim(), Version = "2.0" }, Messages = [] };
        for (var i = 0; i < order.Count; i++)
        {
            var u = latest[order[i]];
            messages[i + 1] = u;
            dto.Messages.Add(new ListingsFeedMessageDto { MessageId = i + 1, Sku = u.Sku, OperationType = "PATCH", ProductType = productType, Patches = [Patch(u.Quantity)] });
        }
        return new AmazonListingsFeed(JsonSerializer.Serialize(dto, AmazonJsonContext.Default.ListingsFeedDto), messages);
    }

    /// <summary>
    /// Parses a <c>JSON_LISTINGS_FEED</c> processing report: issues grouped by <c>messageId</c>; a message with an
    /// <c>ERROR</c> is not accepted. When <paramref name="feed"/> is given, every message of the feed gets a result (those
    /// the report does not mention were accepted) and SKUs come from the feed when the report omits them.
    /// </summary>
    /// <exception cref="FormatException">The report is not JSON of that shape.</exception>
    public static AmazonFeedReport ParseProcessingReport(string json, AmazonListingsFeed? feed = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ProcessingReportDto dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, AmazonJsonContext.Default.ProcessingReportDto) ?? throw new JsonException("null report");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a JSON_LISTINGS_FEED processing report: {ex.Message}", ex);
        }
        var byMessage = (dto.Issues ?? []).Where(i => i.MessageId is not null).GroupBy(i => i.MessageId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        var ids = new SortedSet<int>(byMessage.Keys);
        if (feed is not null) ids.UnionWith(feed.Messages.Keys);
        var results = ids.Select(id =>
        {
            var issues = byMessage.TryGetValue(id, out var list) ? list : [];
            var sku = issues.Select(i => i.Sku).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? (feed is not null && feed.Messages.TryGetValue(id, out var u) ? u.Sku : null);
            var mapped = issues.Select(i => new AmazonListingIssue(i.Code ?? "", i.Severity ?? "", i.Message ?? "", i.AttributeName)).ToArray();
            return new AmazonFeedMessageResult(id, sku, !mapped.Any(i => i.IsError), mapped);
        }).ToArray();
        var s = dto.Summary;
        return new AmazonFeedReport(dto.Header?.FeedId, s?.MessagesProcessed ?? 0, s?.MessagesAccepted ?? 0, s?.MessagesInvalid ?? 0, results);
    }

    /// <summary>
    /// Submits a quantity feed: <c>createFeedDocument</c>, upload to the pre-signed URL, <c>createFeed</c>
    /// (<c>JSON_LISTINGS_FEED</c> for <see cref="AmazonSpApiOptions.MarketplaceIds"/>). Returns the feed id; read the outcome
    /// later with <see cref="GetFeedStatusAsync"/> (createFeed allows 0.0083 rps: submit feeds in batches, not per SKU).
    /// </summary>
    /// <exception cref="AmazonSpApiException">A call failed.</exception>
    public async Task<string> SubmitQuantityFeedAsync(AmazonListingsFeed feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var doc = await _t.SendAsync(new SpApiRequest("createFeedDocument", HttpMethod.Post, "/feeds/2021-06-30/documents",
            JsonSerializer.Serialize(new CreateFeedDocumentRequest { ContentType = FeedContentType }, AmazonJsonContext.Default.CreateFeedDocumentRequest)),
            AmazonJsonContext.Default.CreateFeedDocumentResponse, cancellationToken).ConfigureAwait(false);
        if (doc.FeedDocumentId is not { Length: > 0 } docId || !Uri.TryCreate(doc.Url, UriKind.Absolute, out var url))
        {
            throw new AmazonSpApiCallException("createFeedDocument", System.Net.HttpStatusCode.Created, null, [], "SP-API createFeedDocument returned no feedDocumentId or url.");
        }
        await _t.SendPresignedAsync("createFeedDocument", HttpMethod.Put, url, Encoding.UTF8.GetBytes(feed.Json), FeedContentType, cancellationToken).ConfigureAwait(false);
        var created = await _t.SendAsync(new SpApiRequest("createFeed", HttpMethod.Post, "/feeds/2021-06-30/feeds",
            JsonSerializer.Serialize(new CreateFeedRequest { FeedType = "JSON_LISTINGS_FEED", MarketplaceIds = _t.Options.MarketplaceIds.ToList(), InputFeedDocumentId = docId }, AmazonJsonContext.Default.CreateFeedRequest)),
            AmazonJsonContext.Default.CreateFeedResponse, cancellationToken).ConfigureAwait(false);
        return created.FeedId is { Length: > 0 } id ? id : throw new AmazonSpApiCallException("createFeed", System.Net.HttpStatusCode.Accepted, null, [], "SP-API createFeed returned no feedId.");
    }

    /// <summary>The feed's processing status and, once it is done, its processing report (downloaded and gunzipped when compressed).</summary>
    /// <exception cref="AmazonSpApiException">A call failed.</exception>
    public async Task<AmazonFeedStatus> GetFeedStatusAsync(string feedId, AmazonListingsFeed? feed = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedId);
        var f = await _t.SendAsync(new SpApiRequest("getFeed", HttpMethod.Get, $"/feeds/2021-06-30/feeds/{AmazonSpApiClient.Q(feedId)}"), AmazonJsonContext.Default.FeedDto, cancellationToken).ConfigureAwait(false);
        var status = f.ProcessingStatus ?? "(none)";
        if (f.ResultFeedDocumentId is not { Length: > 0 } resultId || status is not ("DONE" or "FATAL")) return new AmazonFeedStatus(feedId, status, null);
        var d = await _t.SendAsync(new SpApiRequest("getFeedDocument", HttpMethod.Get, $"/feeds/2021-06-30/documents/{AmazonSpApiClient.Q(resultId)}"), AmazonJsonContext.Default.FeedDocumentDto, cancellationToken).ConfigureAwait(false);
        if (!Uri.TryCreate(d.Url, UriKind.Absolute, out var url)) throw new AmazonSpApiCallException("getFeedDocument", System.Net.HttpStatusCode.OK, null, [], "SP-API getFeedDocument returned no url.");
        var bytes = await _t.SendPresignedAsync("getFeedDocument", HttpMethod.Get, url, null, null, cancellationToken).ConfigureAwait(false);
        if (string.Equals(d.CompressionAlgorithm, "GZIP", StringComparison.OrdinalIgnoreCase))
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            bytes = output.ToArray();
        }
        try
        {
            return new AmazonFeedStatus(feedId, status, ParseProcessingReport(Encoding.UTF8.GetString(bytes), feed));
        }
        catch (FormatException ex)
        {
            throw new AmazonSpApiCallException("getFeedDocument", System.Net.HttpStatusCode.OK, null, [], $"The processing report of feed {feedId} cannot be read ({ex.Message}).", ex);
        }
    }

    private static ListingsPatchDto Patch(int quantity) => new()
    {
        Op = "replace",
        Path = "/attributes/fulfillment_availability",
        Value = [new FulfillmentAvailabilityDto { FulfillmentChannelCode = "DEFAULT", Quantity = quantity }],
    };
}
