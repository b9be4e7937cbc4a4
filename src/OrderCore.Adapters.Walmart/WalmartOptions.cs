using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Inventory;

namespace OrderCore.Adapters.Walmart;

/// <summary>Options of the Walmart adapter, registered by <c>AddOrderCore(...).AddWalmart(o => ...)</c>.</summary>
/// <remarks>
/// Credentials are never logged and never appear in exception messages. Durations follow Walmart's published rules
/// (domain facts §5): a created order must be acknowledged within 4 hours; an order not shipped within 30 days of creation
/// is cancelled by Walmart. They are options, not constants, because Walmart may change them.
/// </remarks>
public sealed class WalmartOptions
{
    /// <summary>The OAuth 2.0 client id from Walmart's developer portal. Required.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The OAuth 2.0 client secret. Required; never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The value of the <c>WM_SVC.NAME</c> header.</summary>
    /// <value>Default <c>Walmart Marketplace</c>.</value>
    public string ServiceName { get; set; } = "Walmart Marketplace";

    /// <summary>The API host.</summary>
    /// <value>Default <c>https://marketplace.walmartapis.com</c> (sandbox: <c>https://sandbox.walmartapis.com</c>).</value>
    public Uri BaseAddress { get; set; } = new("https://marketplace.walmartapis.com");

    /// <summary>The OrderCore owner (merchant) whose Walmart account this is, as <see cref="OwnerId"/> text. Required.</summary>
    /// <value>Default <c>default</c>.</value>
    public string Owner { get; set; } = "default";

    /// <summary>The OrderCore channel account, as <see cref="ChannelAccountId"/> text (e.g. the seller id).</summary>
    /// <value>Default <c>walmart-us</c>.</value>
    public string Account { get; set; } = "walmart-us";

    /// <summary>
    /// Walmart ship node id → OrderCore location id. A node listed here is where OrderCore ships seller- and
    /// 3PL-fulfilled orders from, and where stock pushes draw ATP from. An order whose ship node is mapped is tagged
    /// <c>walmart-location:{location}</c> so that a routing rule can pin it there.
    /// </summary>
    /// <value>Default empty. Keys and values must be non-blank identifiers.</value>
    public IDictionary<string, string> ShipNodes { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long after creation a created order must be acknowledged.</summary>
    /// <value>Default 4 hours (Walmart's rule); 1 minute to 7 days.</value>
    public Duration AcknowledgementWindow { get; set; } = Duration.FromHours(4);

    /// <summary>How long before the acknowledgement deadline an order counts as at risk.</summary>
    /// <value>Default 1 hour; zero or more and less than <see cref="AcknowledgementWindow"/>.</value>
    public Duration AcknowledgementRiskLead { get; set; } = Duration.FromHours(1);

    /// <summary>How long after creation Walmart cancels an order that has not shipped.</summary>
    /// <value>Default 30 days (Walmart's rule); 1 to 365 days.</value>
    public Duration AutoCancelWindow { get; set; } = Duration.FromDays(30);

    /// <summary>How long before the auto-cancel deadline an unshipped order counts as at risk.</summary>
    /// <value>Default 3 days; zero or more and less than <see cref="AutoCancelWindow"/>.</value>
    public Duration AutoCancelRiskLead { get; set; } = Duration.FromDays(3);

    /// <summary>How far back <c>GET /v3/orders</c> may look: Walmart serves only orders created in the last 180 days.</summary>
    /// <value>Default 180 days.</value>
    public Duration OrderLookback { get; set; } = Duration.FromDays(180);

    /// <summary>Page size of order and return queries.</summary>
    /// <value>Default 200, Walmart's maximum; 1 to 200.</value>
    public int PageSize { get; set; } = 200;

    /// <summary>How many times a throttled (429) or transiently failed request is retried.</summary>
    /// <value>Default 3; 0 to 10. Retries of 5xx and timeouts apply only to requests that are safe to repeat (reads, inventory puts, acknowledgements).</value>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential back-off used when Walmart gives no replenishment time.</summary>
    /// <value>Default 2 seconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait the client accepts for a rate-limit window to replenish before it gives up with <see cref="WalmartRateLimitedException"/>.</summary>
    /// <value>Default 2 minutes.</value>
    public TimeSpan MaxThrottleWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of one HTTP attempt.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A token is renewed this long before Walmart says it expires.</summary>
    /// <value>Default 60 seconds (tokens live 900 seconds).</value>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Above this many SKUs due in one dispatch, stock goes out as one <c>MP_INVENTORY</c> bulk feed instead of one <c>PUT /v3/inventories/{sku}</c> per SKU.</summary>
    /// <value>Default 10; 1 or more.</value>
    public int BulkInventoryThreshold { get; set; } = 10;

    /// <summary>The inventory statuses whose available units count toward the ATP pushed to Walmart.</summary>
    /// <value>Default <see cref="InventoryStatus.Sellable"/> only (DESIGN invariant 5).</value>
    public IList<InventoryStatus> AtpStatuses { get; set; } = new List<InventoryStatus> { InventoryStatus.Sellable };

    /// <summary>Units held back from every Walmart ship node's ATP.</summary>
    /// <value>Default 0.</value>
    public int SafetyStock { get; set; }

    /// <summary>Further units held back for the Walmart channel at each ship node.</summary>
    /// <value>Default 0.</value>
    public int ChannelBuffer { get; set; }

    /// <summary>After this many failed delivery attempts an outbox message is left alone and reported, not retried.</summary>
    /// <value>Default 5; 1 or more.</value>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>The waits between feed-status polls after a bulk feed is submitted; the last one repeats.</summary>
    /// <value>Default 15 minutes, 1 hour, 2 hours, then every 4 hours (Walmart's suggestion).</value>
    public IList<Duration> FeedPollIntervals { get; set; } = new List<Duration> { Duration.FromMinutes(15), Duration.FromHours(1), Duration.FromHours(2), Duration.FromHours(4) };

    internal OwnerId OwnerId => OwnerId.From(Owner);

    internal ChannelAccountId AccountId => ChannelAccountId.From(Account);

    internal LocationId? LocationOf(string? shipNodeId)
        => shipNodeId is not null && ShipNodes.TryGetValue(shipNodeId.Trim(), out var location) ? LocationId.From(location) : null;
}

/// <summary>Validates <see cref="WalmartOptions"/>: credentials, service name, identifiers, the ship node map and the ranges of numbers and durations.</summary>
public sealed class WalmartOptionsValidator : IValidateOptions<WalmartOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WalmartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId)) errors.Add("ClientId is required.");
        if (string.IsNullOrWhiteSpace(options.ClientSecret)) errors.Add("ClientSecret is required.");
        if (string.IsNullOrWhiteSpace(options.ServiceName)) errors.Add("ServiceName is required (it is sent as WM_SVC.NAME).");
        if (options.BaseAddress is null || !options.BaseAddress.IsAbsoluteUri) errors.Add("BaseAddress must be an absolute URI.");
        if (!OwnerId.TryFrom(options.Owner, out _)) errors.Add("Owner must be a valid owner id.");
        if (!ChannelAccountId.TryFrom(options.Account, out _)) errors.Add("Account must be a valid channel account id.");
        if (options.ShipNodes is null) errors.Add("ShipNodes must not be null.");
        else
        {
            foreach (var (node, location) in options.ShipNodes)
            {
                if (string.IsNullOrWhiteSpace(node)) errors.Add("ShipNodes has a blank ship node id.");
                if (!LocationId.TryFrom(location, out _)) errors.Add($"ShipNodes['{node}'] must map to a valid location id.");
            }
        }
        if (options.AcknowledgementWindow < Duration.FromMinutes(1) || options.AcknowledgementWindow > Duration.FromDays(7)) errors.Add("AcknowledgementWindow must be between 1 minute and 7 days.");
        if (options.AcknowledgementRiskLead < Duration.Zero || options.AcknowledgementRiskLead >= options.AcknowledgementWindow) errors.Add("AcknowledgementRiskLead must be zero or more and less than AcknowledgementWindow.");
        if (options.AutoCancelWindow < Duration.FromDays(1) || options.AutoCancelWindow > Duration.FromDays(365)) errors.Add("AutoCancelWindow must be between 1 and 365 days.");
        if (options.AutoCancelRiskLead < Duration.Zero || options.AutoCancelRiskLead >= options.AutoCancelWindow) errors.Add("AutoCancelRiskLead must be zero or more and less than AutoCancelWindow.");
        if (options.OrderLookback <= Duration.Zero || options.OrderLookback > Duration.FromDays(180)) errors.Add("OrderLookback must be more than zero and at most 180 days (Walmart's window).");
        if (options.PageSize is < 1 or > 200) errors.Add($"PageSize must be between 1 and 200 (was {options.PageSize}).");
        if (options.MaxRetryAttempts is < 0 or > 10) errors.Add($"MaxRetryAttempts must be between 0 and 10 (was {options.MaxRetryAttempts}).");
        if (options.RetryBaseDelay < TimeSpan.Zero) errors.Add("RetryBaseDelay must not be negative.");
        if (options.MaxThrottleWait < TimeSpan.Zero) errors.Add("MaxThrottleWait must not be negative.");
        if (options.AttemptTimeout <= TimeSpan.Zero) errors.Add("AttemptTimeout must be positive.");
        if (options.TokenRefreshMargin < TimeSpan.Zero) errors.Add("TokenRefreshMargin must not be negative.");
        if (options.BulkInventoryThreshold < 1) errors.Add("BulkInventoryThreshold must be at least 1.");
        if (options.AtpStatuses is null || options.AtpStatuses.Count == 0) errors.Add("AtpStatuses must name at least one inventory status.");
        if (options.SafetyStock < 0) errors.Add("SafetyStock must not be negative.");
        if (options.ChannelBuffer < 0) errors.Add("ChannelBuffer must not be negative.");
        if (options.MaxDeliveryAttempts < 1) errors.Add("MaxDeliveryAttempts must be at least 1.");
        if (options.FeedPollIntervals is null || options.FeedPollIntervals.Count == 0 || options.FeedPollIntervals.Any(d => d <= Duration.Zero)) errors.Add("FeedPollIntervals must hold at least one positive duration.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
