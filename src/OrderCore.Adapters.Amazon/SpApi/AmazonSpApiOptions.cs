using NodaTime;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>The SP-API selling region: it decides the default SP-API host and Login with Amazon token endpoint.</summary>
/// <remarks>Source: SP-API "SP-API endpoints" page (NA, EU, FE) and the LWA "use refresh token" page (token endpoints per region).</remarks>
public enum AmazonRegion
{
    /// <summary>North America (US, CA, MX, BR): <c>https://sellingpartnerapi-na.amazon.com</c>, token endpoint <c>https://api.amazon.com/auth/o2/token</c>.</summary>
    NorthAmerica,
    /// <summary>Europe (incl. UK, IN, TR, AE, SA, EG): <c>https://sellingpartnerapi-eu.amazon.com</c>, token endpoint <c>https://api.amazon.co.uk/auth/o2/token</c>.</summary>
    Europe,
    /// <summary>Far East (JP, AU, SG): <c>https://sellingpartnerapi-fe.amazon.com</c>, token endpoint <c>https://api.amazon.co.jp/auth/o2/token</c>.</summary>
    FarEast,
}

/// <summary>
/// Options of the SP-API client, registered by <c>services.AddOrderCore().AddAmazon(o => ...)</c> and validated on start by
/// <see cref="AmazonSpApiOptionsValidator"/>.
/// </summary>
/// <remarks>
/// <para>The three credentials (<see cref="ClientId"/>, <see cref="ClientSecret"/>, <see cref="RefreshToken"/>) are never
/// logged and never appear in exception messages; <see cref="ToString"/> redacts them. Load them from a secret store, not
/// from source code.</para>
/// <para>One options instance describes one seller account (one refresh token). A host serving several sellers registers
/// one client per seller (named options are not used by <c>AddAmazon</c>).</para>
/// </remarks>
public sealed class AmazonSpApiOptions
{
    /// <summary>The US marketplace id, <c>ATVPDKIKX0DER</c>, where <c>prepOwner</c>/<c>labelOwner</c> <c>AMAZON</c> is refused.</summary>
    public const string UsMarketplaceId = "ATVPDKIKX0DER";

    /// <summary>The merchant whose orders and stock these are. Required.</summary>
    public OwnerId Owner { get; set; }

    /// <summary>The channel account id given to imported orders (e.g. <c>amazon-us</c>). Required.</summary>
    public ChannelAccountId Account { get; set; }

    /// <summary>The channel id given to imported orders.</summary>
    /// <value>Default <c>amazon</c> (<see cref="AmazonOrderReportReader.DefaultChannel"/>), so report and API orders share one idempotency key space.</value>
    public ChannelId Channel { get; set; } = AmazonOrderReportReader.DefaultChannel;

    /// <summary>The selling region; decides <see cref="ResolveEndpoint"/> and <see cref="ResolveTokenEndpoint"/> when those are not set.</summary>
    /// <value>Default <see cref="AmazonRegion.NorthAmerica"/>.</value>
    public AmazonRegion Region { get; set; } = AmazonRegion.NorthAmerica;

    /// <summary>The SP-API base address, overriding the region's (e.g. the sandbox <c>https://sandbox.sellingpartnerapi-na.amazon.com</c> or a test server). Absolute https URI, or http on loopback only.</summary>
    /// <value>Default null: the region's production host.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>The Login with Amazon token endpoint, overriding the region's.</summary>
    /// <value>Default null: the region's token endpoint.</value>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The marketplaces to read orders from and push quantities to, e.g. <c>ATVPDKIKX0DER</c> (US). At least one is required.</summary>
    public IList<string> MarketplaceIds { get; set; } = new List<string>();

    /// <summary>The selling partner id (merchant token, e.g. <c>A3TH9S8BH6GOGM</c>); required by Listings Items (<c>/listings/2021-08-01/items/{sellerId}/{sku}</c>).</summary>
    public string? SellerId { get; set; }

    /// <summary>The LWA client id of the application (<c>amzn1.application-oa2-client…</c>). Required. Never logged.</summary>
    public string? ClientId { get; set; }

    /// <summary>The LWA client secret. Required. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The seller's LWA refresh token (<c>Atzr|…</c>). Required. Never logged.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>How long before its stated expiry a cached access token (or restricted data token) is renewed.</summary>
    /// <value>Default 60 seconds; 0 to 10 minutes. LWA access tokens live 3600 s.</value>
    public Duration TokenRefreshMargin { get; set; } = Duration.FromSeconds(60);

    /// <summary>
    /// How far before now an order poll window ends. The Orders API requires <c>CreatedBefore</c>/<c>LastUpdatedBefore</c>
    /// to be at least 2 minutes before the request time (domain-facts §4.1, [M-ORD0]).
    /// </summary>
    /// <value>Default 3 minutes; at least 2 minutes.</value>
    public Duration PollSafetyLag { get; set; } = Duration.FromMinutes(3);

    /// <summary>Orders per page for <c>getOrders</c> and <c>searchOrders</c> (model: 1–100).</summary>
    /// <value>Default 100.</value>
    public int MaxResultsPerPage { get; set; } = 100;

    /// <summary>
    /// Whether v0 order polls fetch a Restricted Data Token (Tokens API) for <c>shippingAddress</c>, so that merchant-fulfilled
    /// orders carry the buyer's address. Without it every MFN v0 order lands in the exception queue as <c>MissingAddress</c>.
    /// </summary>
    /// <value>Default true.</value>
    public bool UseRestrictedDataToken { get; set; } = true;

    /// <summary>
    /// The longest OrderCore waits for a throttled operation: a client-side token wait, a <c>Retry-After</c> or a 429 backoff
    /// longer than this throws <see cref="AmazonQuotaExceededException"/> instead of sleeping (a quota that will not clear
    /// soon is reported, not retried for hours).
    /// </summary>
    /// <value>Default 4 minutes (one <c>searchOrders</c> token takes 180 s at 0.0056 rps); 1 second to 1 hour.</value>
    public Duration MaxThrottleWait { get; set; } = Duration.FromMinutes(4);

    /// <summary>How many times a 429 (or a 5xx on a read) is retried before <see cref="AmazonQuotaExceededException"/> / <see cref="AmazonSpApiException"/>.</summary>
    /// <value>Default 4; 0 to 10.</value>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff after a 429 when the response says nothing better; doubled per retry (with up to 20 % jitter).</summary>
    /// <value>Default 1 second.</value>
    public Duration InitialBackoff { get; set; } = Duration.FromSeconds(1);

    /// <summary>How long <see cref="AmazonInboundClient.WaitForOperationAsync"/> polls <c>getInboundOperationStatus</c> before giving up.</summary>
    /// <value>Default 5 minutes.</value>
    public Duration InboundOperationTimeout { get; set; } = Duration.FromMinutes(5);

    /// <summary>The pause between two <c>getInboundOperationStatus</c> calls.</summary>
    /// <value>Default 2 seconds (the operation allows 2 rps, burst 6).</value>
    public Duration InboundOperationPollInterval { get; set; } = Duration.FromSeconds(2);

    /// <summary>
    /// How long the buyer's personal data (name, street lines) is kept on a closed Amazon order, counted from the order's
    /// purchase time, before <see cref="AmazonPersonalDataRedactor"/> removes it. Amazon's Data Protection Policy lets
    /// developers keep PII only as long as needed to fulfil the order (and at most 30 days after delivery).
    /// </summary>
    /// <value>Default 30 days; 1 to 365 days.</value>
    public Duration PersonalDataRetention { get; set; } = Duration.FromDays(30);

    /// <summary>
    /// The earliest date accepted as a real order date. SP-API sandbox examples carry placeholder dates such as
    /// <c>1970-01-19T03:58:30Z</c>; an order whose <c>PurchaseDate</c> or <c>LastUpdateDate</c> is earlier is rejected
    /// (<see cref="AmazonRejectionReason.PlaceholderDate"/>), and an earlier optional date (ship-by) is dropped with a warning.
    /// </summary>
    /// <value>Default 2000-01-01T00:00:00Z.</value>
    public Instant EarliestPlausibleDate { get; set; } = Instant.FromUtc(2000, 1, 1, 0, 0);

    /// <summary>The OrderCore location that stands for the FBA network of these marketplaces; balances from <c>getInventorySummaries</c> land there.</summary>
    /// <value>Default null: <see cref="AmazonFbaInventorySync"/> refuses to run until set.</value>
    public LocationId? FbaLocation { get; set; }

    /// <summary>The Listings Items <c>productType</c> sent with a quantity patch.</summary>
    /// <value>Default <c>PRODUCT</c>, the generic type Amazon accepts for offer-only patches (fulfillment_availability).</value>
    public string ListingsProductType { get; set; } = "PRODUCT";

    /// <summary>Per-operation rate limits replacing the built-in table (<see cref="AmazonRateLimits.Defaults"/>), keyed by operation id (e.g. <c>getOrders</c>).</summary>
    public IDictionary<string, AmazonRateLimit> RateLimitOverrides { get; set; } = new Dictionary<string, AmazonRateLimit>(StringComparer.Ordinal);

    /// <summary>The <c>User-Agent</c> sent with every request, as SP-API asks (<c>AppName/Version (Language=…)</c>).</summary>
    /// <value>Default <c>OrderCore/0.1 (Language=C#)</c>.</value>
    public string UserAgent { get; set; } = "OrderCore/0.1 (Language=C#)";

    /// <summary>The SP-API base address in effect: <see cref="Endpoint"/>, or the region's production host.</summary>
    public Uri ResolveEndpoint() => Endpoint ?? Region switch
    {
        AmazonRegion.Europe => new Uri("https://sellingpartnerapi-eu.amazon.com"),
        AmazonRegion.FarEast => new Uri("https://sellingpartnerapi-fe.amazon.com"),
        _ => new Uri("https://sellingpartnerapi-na.amazon.com"),
    };

    /// <summary>The LWA token endpoint in effect: <see cref="TokenEndpoint"/>, or the region's.</summary>
    public Uri ResolveTokenEndpoint() => TokenEndpoint ?? Region switch
    {
        AmazonRegion.Europe => new Uri("https://api.amazon.co.uk/auth/o2/token"),
        AmazonRegion.FarEast => new Uri("https://api.amazon.co.jp/auth/o2/token"),
        _ => new Uri("https://api.amazon.com/auth/o2/token"),
    };

    /// <summary>The options that map orders, taken from these.</summary>
    public AmazonOrderMappingOptions ToMappingOptions() => new(Owner, Account)
    {
        Channel = Channel,
        EarliestPlausibleDate = EarliestPlausibleDate,
    };

    /// <summary>Describes the options with every credential redacted (<c>***</c> when set, <c>(unset)</c> otherwise).</summary>
    public override string ToString()
        => $"AmazonSpApiOptions {{ Owner = {Owner}, Account = {Account}, Region = {Region}, Endpoint = {ResolveEndpoint()}, " +
           $"MarketplaceIds = [{string.Join(", ", MarketplaceIds ?? [])}], SellerId = {SellerId ?? "(unset)"}, " +
           $"ClientId = {Redact(ClientId)}, ClientSecret = {Redact(ClientSecret)}, RefreshToken = {Redact(RefreshToken)} }}";

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "(unset)" : "***";
}
