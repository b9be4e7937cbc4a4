namespace OrderCore.Adapters.Shopify.Webhooks;

/// <summary>
/// The Shopify webhook headers, looked up case-insensitively under both spellings: <c>X-Shopify-Topic</c> and the
/// newer un-prefixed <c>shopify-topic</c> (domain facts §3.2, [SH-TYPES]).
/// </summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class ShopifyWebhookHeaders
{
    private readonly Dictionary<string, string> _values;

    private ShopifyWebhookHeaders(Dictionary<string, string> values) => _values = values;

    /// <summary>Reads the headers from name/value pairs (any case, with or without the <c>X-</c> prefix). A repeated header keeps its first non-blank value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static ShopifyWebhookHeaders From(IEnumerable<KeyValuePair<string, string?>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(value)) continue;
            var key = Normalize(name);
            if (key is null) continue;
            values.TryAdd(key, value.Trim());
        }
        return new ShopifyWebhookHeaders(values);
    }

    /// <summary>Reads the headers from name/values pairs, as ASP.NET Core's <c>IHeaderDictionary</c> or <c>HttpHeaders</c> give them (the first value of each).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static ShopifyWebhookHeaders From(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return From(headers.Select(h => new KeyValuePair<string, string?>(h.Key, h.Value?.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)))));
    }

    /// <summary><c>X-Shopify-Hmac-Sha256</c>, or null.</summary>
    public string? HmacSha256 => Get("hmac-sha256");

    /// <summary><c>X-Shopify-Topic</c>, e.g. <c>orders/create</c>, or null.</summary>
    public string? Topic => Get("topic");

    /// <summary><c>X-Shopify-Shop-Domain</c>, or null.</summary>
    public string? ShopDomain => Get("shop-domain");

    /// <summary><c>X-Shopify-API-Version</c>, or null.</summary>
    public string? ApiVersion => Get("api-version");

    /// <summary><c>X-Shopify-Webhook-Id</c> (one delivery), or null.</summary>
    public string? WebhookId => Get("webhook-id");

    /// <summary><c>X-Shopify-Event-Id</c> (one event, the same across retries and subscriptions), or null.</summary>
    public string? EventId => Get("event-id");

    /// <summary><c>X-Shopify-Triggered-At</c>, or null.</summary>
    public string? TriggeredAt => Get("triggered-at");

    /// <summary>The deduplication key: <see cref="EventId"/>, else the older <see cref="WebhookId"/>; null when neither is present.</summary>
    public string? DeduplicationId => EventId ?? WebhookId;

    /// <summary>
    /// The required headers that are missing: <c>X-Shopify-Hmac-Sha256</c>, <c>X-Shopify-Topic</c>,
    /// <c>X-Shopify-Shop-Domain</c>, <c>X-Shopify-API-Version</c>, and an id (<c>X-Shopify-Event-Id</c> or
    /// <c>X-Shopify-Webhook-Id</c>), named with their <c>X-Shopify-</c> spelling.
    /// </summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>(5);
        if (HmacSha256 is null) missing.Add("X-Shopify-Hmac-Sha256");
        if (Topic is null) missing.Add("X-Shopify-Topic");
        if (ShopDomain is null) missing.Add("X-Shopify-Shop-Domain");
        if (ApiVersion is null) missing.Add("X-Shopify-API-Version");
        if (DeduplicationId is null) missing.Add("X-Shopify-Event-Id");
        return missing;
    }

    private string? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary><c>X-Shopify-Topic</c> and <c>shopify-topic</c> (any case) → <c>topic</c>; other headers → null.</summary>
    private static string? Normalize(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        if (n.StartsWith("x-", StringComparison.Ordinal)) n = n[2..];
        return n.StartsWith("shopify-", StringComparison.Ordinal) ? n["shopify-".Length..] : null;
    }
}
