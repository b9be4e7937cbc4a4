using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify;

/// <summary>Settings of the Shopify adapter, registered by <c>services.AddOrderCore(...).AddShopify(o => ...)</c>.</summary>
/// <remarks>One instance serves one shop. Validated on start by <see cref="ShopifyOptionsValidator"/>.</remarks>
public sealed class ShopifyOptions
{
    /// <summary>The Admin API version used when none is set: <c>2026-07</c>, the version of the recorded examples. Inventory sync needs 2026-04 or later (<c>changeFromQuantity</c>).</summary>
    public const string DefaultApiVersion = "2026-07";

    /// <summary>The channel id of Shopify orders: <c>shopify</c>.</summary>
    public static ChannelId Channel { get; } = ChannelId.From("shopify");

    /// <summary>The shop's domain, e.g. <c>acme.myshopify.com</c> (no scheme, no path). Required.</summary>
    /// <value>Default empty (invalid).</value>
    public string ShopDomain { get; set; } = string.Empty;

    /// <summary>The Admin API access token, sent as <c>X-Shopify-Access-Token</c>. Required.</summary>
    /// <value>Default empty (invalid).</value>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>The app's client secret, the key of the webhook HMAC (<c>X-Shopify-Hmac-Sha256</c>). Required.</summary>
    /// <value>Default empty (invalid).</value>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>The Admin API version in the request path, <c>YYYY-MM</c> with MM one of 01, 04, 07, 10; at least 2026-04.</summary>
    /// <value>Default <see cref="DefaultApiVersion"/> (<c>2026-07</c>).</value>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The merchant whose orders and stock this shop carries. Required.</summary>
    /// <value>Default <c>default(OwnerId)</c> (invalid).</value>
    public OwnerId Owner { get; set; }

    /// <summary>The channel account of this shop's orders.</summary>
    /// <value>Default null: the <see cref="ShopDomain"/>, lower case.</value>
    public ChannelAccountId? Account { get; set; }

    /// <summary>
    /// Shopify location ids (<c>location_id</c>, the number in <c>gid://shopify/Location/…</c>) mapped to OrderCore
    /// locations, one to one. Refund lines are placed at the mapped location; fulfilments and stock pushes look up the
    /// Shopify location of an OrderCore location here.
    /// </summary>
    /// <value>Default empty.</value>
    public IDictionary<long, LocationId> LocationMap { get; } = new Dictionary<long, LocationId>();

    /// <summary>Whether Shopify emails the buyer when OrderCore posts a fulfilment or a tracking update (<c>notify_customer</c>).</summary>
    /// <value>Default true.</value>
    public bool NotifyCustomer { get; set; } = true;

    /// <summary>
    /// Shipping line <c>code</c> or <c>title</c> values (compared case-insensitively, code first) mapped to service
    /// levels. Lines not listed here are classified by keywords (see <see cref="Orders.ShopifyServiceLevels"/>).
    /// </summary>
    /// <value>Default empty.</value>
    public IDictionary<string, ServiceLevel> ServiceLevels { get; } = new Dictionary<string, ServiceLevel>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The service level of an order whose shipping lines match nothing.</summary>
    /// <value>Default <see cref="ServiceLevel.Standard"/>.</value>
    public ServiceLevel DefaultServiceLevel { get; set; } = ServiceLevel.Standard;

    /// <summary>The REST leaky bucket size (requests) when Shopify's <c>X-Shopify-Shop-Api-Call-Limit</c> header has not been seen yet.</summary>
    /// <value>Default 40 (standard plans); the header's denominator replaces it once seen.</value>
    public int RestBucketSize { get; set; } = 40;

    /// <summary>How many requests per second leak out of the REST bucket.</summary>
    /// <value>Default 2 (standard plans; Advanced 4, Plus 20).</value>
    public double RestLeakRatePerSecond { get; set; } = 2;

    /// <summary>Requests kept free in the REST bucket: the client waits before a request when fewer are left.</summary>
    /// <value>Default 2.</value>
    public int RestBucketHeadroom { get; set; } = 2;

    /// <summary>How many times a throttled call (HTTP 429, GraphQL <c>THROTTLED</c>) is retried after the wait Shopify asks for.</summary>
    /// <value>Default 4; 0 to 10.</value>
    public int MaxThrottleRetries { get; set; } = 4;

    /// <summary>The longest single wait for a throttle (Retry-After or GraphQL restore time); a longer one fails the call.</summary>
    /// <value>Default 60 seconds.</value>
    public Duration MaxThrottleWait { get; set; } = Duration.FromSeconds(60);

    /// <summary>How many times an inventory push re-reads Shopify's quantity and retries after <c>CHANGE_FROM_QUANTITY_STALE</c>.</summary>
    /// <value>Default 3; 0 to 10.</value>
    public int InventoryStaleRetries { get; set; } = 3;

    /// <summary>How many times the HTTP resilience pipeline retries a transient failure (5xx, 408, timeout, connection error), with exponential backoff and jitter. 429 is not retried there: the client honours its Retry-After.</summary>
    /// <value>Default 3; 0 to 10.</value>
    public int TransientRetries { get; set; } = 3;

    /// <summary>The first backoff delay of those retries (then doubled, with jitter).</summary>
    /// <value>Default 1 second.</value>
    public Duration TransientRetryDelay { get; set; } = Duration.FromSeconds(1);

    /// <summary>The timeout of one HTTP attempt.</summary>
    /// <value>Default 30 seconds.</value>
    public Duration AttemptTimeout { get; set; } = Duration.FromSeconds(30);

    /// <summary>The base address of the shop, for tests and proxies.</summary>
    /// <value>Default null: <c>https://{ShopDomain}</c>.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>The channel account this shop's orders use: <see cref="Account"/> or the lower-case shop domain.</summary>
    public ChannelAccountId EffectiveAccount => Account ?? ChannelAccountId.From(ShopDomain.Trim().ToLowerInvariant());

    /// <summary>The shop's base address: <see cref="BaseAddress"/> or <c>https://{ShopDomain}/</c>.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? new Uri($"https://{ShopDomain.Trim()}/", UriKind.Absolute);

    /// <summary>The OrderCore location mapped to a Shopify location id, or null when unmapped.</summary>
    public LocationId? LocationOf(long shopifyLocationId) => LocationMap.TryGetValue(shopifyLocationId, out var l) ? l : null;

    /// <summary>The Shopify location id mapped to an OrderCore location, or null when unmapped.</summary>
    public long? ShopifyLocationOf(LocationId location)
    {
        foreach (var (shopify, local) in LocationMap)
        {
            if (local == location) return shopify;
        }
        return null;
    }
}

/// <summary>Validates <see cref="ShopifyOptions"/>, reporting every problem at once.</summary>
public sealed class ShopifyOptionsValidator : IValidateOptions<ShopifyOptions>
{
    /// <summary>The earliest supported API version: 2026-04, where <c>inventorySetQuantities</c> takes <c>changeFromQuantity</c>.</summary>
    public const string MinimumApiVersion = "2026-04";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ShopifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var domain = options.ShopDomain?.Trim() ?? string.Empty;
        if (domain.Length == 0) errors.Add("ShopDomain is required (e.g. acme.myshopify.com).");
        else if (domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal) || Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            errors.Add($"ShopDomain '{domain}' must be a host name such as acme.myshopify.com, without scheme or path.");
        }
        if (string.IsNullOrWhiteSpace(options.AccessToken)) errors.Add("AccessToken is required.");
        if (string.IsNullOrWhiteSpace(options.WebhookSecret)) errors.Add("WebhookSecret is required (the app's client secret).");
        if (!IsValidApiVersion(options.ApiVersion)) errors.Add($"ApiVersion '{options.ApiVersion}' must be YYYY-MM with MM in 01, 04, 07, 10, and at least {MinimumApiVersion}.");
        if (options.Owner.IsDefault) errors.Add("Owner is required.");
        var seen = new Dictionary<LocationId, long>();
        foreach (var (shopify, local) in options.LocationMap)
        {
            if (shopify <= 0) errors.Add($"LocationMap key {shopify} is not a Shopify location id.");
            if (local.IsDefault) errors.Add($"LocationMap[{shopify}] has no OrderCore location.");
            else if (seen.TryGetValue(local, out var other)) errors.Add($"LocationMap maps both {other} and {shopify} to {local}: the map must be one to one.");
            else seen[local] = shopify;
        }
        if (options.RestBucketSize < 1) errors.Add($"RestBucketSize must be at least 1 (was {options.RestBucketSize}).");
        if (!(options.RestLeakRatePerSecond > 0)) errors.Add($"RestLeakRatePerSecond must be positive (was {options.RestLeakRatePerSecond}).");
        if (options.RestBucketHeadroom < 0 || options.RestBucketHeadroom >= options.RestBucketSize) errors.Add($"RestBucketHeadroom must be between 0 and RestBucketSize - 1 (was {options.RestBucketHeadroom}).");
        if (options.MaxThrottleRetries is < 0 or > 10) errors.Add($"MaxThrottleRetries must be between 0 and 10 (was {options.MaxThrottleRetries}).");
        if (options.MaxThrottleWait <= Duration.Zero) errors.Add("MaxThrottleWait must be positive.");
        if (options.InventoryStaleRetries is < 0 or > 10) errors.Add($"InventoryStaleRetries must be between 0 and 10 (was {options.InventoryStaleRetries}).");
        if (options.TransientRetries is < 0 or > 10) errors.Add($"TransientRetries must be between 0 and 10 (was {options.TransientRetries}).");
        if (options.TransientRetryDelay < Duration.Zero) errors.Add("TransientRetryDelay must not be negative.");
        if (options.AttemptTimeout <= Duration.Zero) errors.Add("AttemptTimeout must be positive.");
        if (options.BaseAddress is { IsAbsoluteUri: false }) errors.Add("BaseAddress must be an absolute URI.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>True for <c>YYYY-MM</c> with MM in 01, 04, 07, 10 and not before <see cref="MinimumApiVersion"/>.</summary>
    public static bool IsValidApiVersion(string? version)
    {
        if (version is not { Length: 7 } || version[4] != '-') return false;
        if (!int.TryParse(version.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out _)) return false;
        if (version[5..] is not ("01" or "04" or "07" or "10")) return false;
        return string.CompareOrdinal(version, MinimumApiVersion) >= 0;
    }
}
