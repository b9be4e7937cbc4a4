using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Text;
using OrderCore.Adapters.Amazon.SpApi.Http;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>
/// The Selling Partner API client of one seller account: one Login with Amazon token cache, one set of client-side
/// usage plans, and the operation groups <see cref="Orders"/>, <see cref="Shipments"/>, <see cref="Listings"/>,
/// <see cref="FbaInventory"/> and <see cref="Inbound"/>. Register it with <c>AddOrderCore().AddAmazon(o => ...)</c>, or
/// create it directly with an <see cref="HttpClient"/> (the HTTP seam: tests pass a client over a fake handler).
/// </summary>
/// <remarks>
/// Every call: takes a token from the operation's bucket (waiting up to <see cref="AmazonSpApiOptions.MaxThrottleWait"/>),
/// sends the LWA access token (or a restricted data token) in <c>x-amz-access-token</c>, retries 429 with backoff
/// (honouring <c>Retry-After</c>) and applies <c>x-amzn-RateLimit-Limit</c>; failures throw
/// <see cref="AmazonSpApiException"/> (or a subclass) with the SP-API <c>errors[]</c> and the request id. Logs never
/// contain a token, a secret or a body.
/// </remarks>
/// <threadsafety>Safe to use from many threads; register as a singleton.</threadsafety>
public sealed class AmazonSpApiClient
{
    /// <summary>Creates a client over one <see cref="HttpClient"/> (its base address is ignored: URIs are absolute).</summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client.</param>
    /// <param name="options">Validated options (see <see cref="AmazonSpApiOptionsValidator"/>).</param>
    /// <param name="clock">The clock for token expiry, usage plans and poll windows.</param>
    /// <param name="logger">A logger, or null for none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem (never a credential).</exception>
    public AmazonSpApiClient(HttpClient httpClient, AmazonSpApiOptions options, IClock clock, ILogger<AmazonSpApiClient>? logger = null)
        : this(WrapClient(httpClient), options, clock, TaskSpApiDelay.Instance, logger)
    {
    }

    internal AmazonSpApiClient(Func<HttpClient> httpClient, AmazonSpApiOptions options, IClock clock, ISpApiDelay delay, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var validation = new AmazonSpApiOptionsValidator().Validate(null, options);
        if (validation.Failed) throw new ArgumentException("Invalid AmazonSpApiOptions: " + validation.FailureMessage, nameof(options));
        Options = options;
        Transport = new SpApiTransport(httpClient, options, clock, delay ?? TaskSpApiDelay.Instance, logger ?? NullLogger.Instance);
        Orders = new AmazonOrdersClient(Transport);
        Shipments = new AmazonShipmentClient(Transport);
        Listings = new AmazonListingsClient(Transport);
        FbaInventory = new AmazonFbaInventoryClient(Transport);
        Inbound = new AmazonInboundClient(Transport);
    }

    /// <summary>The options in effect.</summary>
    public AmazonSpApiOptions Options { get; }

    /// <summary>Orders v0 and v2026-01-01: polls, single orders, items, addresses through restricted data tokens.</summary>
    public AmazonOrdersClient Orders { get; }

    /// <summary>MFN shipment confirmation (<c>confirmShipment</c>).</summary>
    public AmazonShipmentClient Shipments { get; }

    /// <summary>MFN quantities: <c>patchListingsItem</c> and <c>JSON_LISTINGS_FEED</c>.</summary>
    public AmazonListingsClient Listings { get; }

    /// <summary>FBA Inventory v1 <c>getInventorySummaries</c>.</summary>
    public AmazonFbaInventoryClient FbaInventory { get; }

    /// <summary>Fulfillment Inbound v2024-03-20.</summary>
    public AmazonInboundClient Inbound { get; }

    internal SpApiTransport Transport { get; }

    /// <summary>The current LWA access token (exchanged on first use, then cached until shortly before it expires). Never log it.</summary>
    /// <exception cref="AmazonAuthenticationException">LWA refused the refresh token.</exception>
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) => Transport.GetAccessTokenAsync(cancellationToken);

    private static Func<HttpClient> WrapClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return () => client;
    }

    internal static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    internal static string Q(string value) => Uri.EscapeDataString(value);
}
