using Microsoft.Extensions.Options;
using NodaTime;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>
/// Validates <see cref="AmazonSpApiOptions"/>: owner, account, at least one marketplace id, the three LWA credentials,
/// https endpoints (http only on loopback, for tests), and every duration and count within its documented range. Every
/// problem is reported at once; no message contains a credential.
/// </summary>
public sealed class AmazonSpApiOptionsValidator : IValidateOptions<AmazonSpApiOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AmazonSpApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new List<string>();
        if (options.Owner.IsDefault) e.Add("Owner is required.");
        if (options.Account.IsDefault) e.Add("Account is required.");
        if (options.Channel.IsDefault) e.Add("Channel is required.");
        if (options.MarketplaceIds is null || options.MarketplaceIds.Count == 0) e.Add("MarketplaceIds needs at least one marketplace id (e.g. ATVPDKIKX0DER).");
        else
        {
            foreach (var id in options.MarketplaceIds)
            {
                if (string.IsNullOrWhiteSpace(id) || id.Length > 20 || !id.All(char.IsAsciiLetterOrDigit)) e.Add($"MarketplaceIds: '{id}' is not a marketplace id (1 to 20 letters or digits).");
            }
        }
        if (options.SellerId is { } seller && (seller.Length is 0 or > 40 || !seller.All(char.IsAsciiLetterOrDigit))) e.Add("SellerId must be 1 to 40 letters or digits.");
        if (string.IsNullOrWhiteSpace(options.ClientId)) e.Add("ClientId (LWA client id) is required.");
        if (string.IsNullOrWhiteSpace(options.ClientSecret)) e.Add("ClientSecret (LWA client secret) is required.");
        if (string.IsNullOrWhiteSpace(options.RefreshToken)) e.Add("RefreshToken (the seller's LWA refresh token) is required.");
        CheckUri(options.Endpoint, nameof(options.Endpoint), e);
        CheckUri(options.TokenEndpoint, nameof(options.TokenEndpoint), e);
        Range(options.TokenRefreshMargin, Duration.Zero, Duration.FromMinutes(10), nameof(options.TokenRefreshMargin), e);
        Range(options.PollSafetyLag, Duration.FromMinutes(2), Duration.FromHours(24), nameof(options.PollSafetyLag), e);
        Range(options.MaxThrottleWait, Duration.FromSeconds(1), Duration.FromHours(1), nameof(options.MaxThrottleWait), e);
        Range(options.InitialBackoff, Duration.FromMilliseconds(1), Duration.FromMinutes(1), nameof(options.InitialBackoff), e);
        Range(options.InboundOperationTimeout, Duration.FromSeconds(1), Duration.FromHours(2), nameof(options.InboundOperationTimeout), e);
        Range(options.InboundOperationPollInterval, Duration.FromMilliseconds(1), Duration.FromMinutes(5), nameof(options.InboundOperationPollInterval), e);
        Range(options.PersonalDataRetention, Duration.FromDays(1), Duration.FromDays(365), nameof(options.PersonalDataRetention), e);
        if (options.MaxResultsPerPage is < 1 or > 100) e.Add($"MaxResultsPerPage must be 1 to 100 (was {options.MaxResultsPerPage}).");
        if (options.MaxRetries is < 0 or > 10) e.Add($"MaxRetries must be 0 to 10 (was {options.MaxRetries}).");
        if (string.IsNullOrWhiteSpace(options.ListingsProductType)) e.Add("ListingsProductType is required (default PRODUCT).");
        if (string.IsNullOrWhiteSpace(options.UserAgent)) e.Add("UserAgent is required.");
        foreach (var (op, limit) in options.RateLimitOverrides ?? new Dictionary<string, AmazonRateLimit>())
        {
            if (limit.RequestsPerSecond <= 0 || limit.Burst < 1) e.Add($"RateLimitOverrides[{op}] needs a positive rate and a burst of at least 1.");
        }
        return e.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(e);
    }

    private static void CheckUri(Uri? uri, string name, List<string> e)
    {
        if (uri is null) return;
        if (!uri.IsAbsoluteUri) e.Add($"{name} must be an absolute URI.");
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) e.Add($"{name} must use https (http is allowed only on loopback, for tests).");
    }

    private static void Range(Duration value, Duration min, Duration max, string name, List<string> e)
    {
        if (value < min || value > max) e.Add($"{name} must be between {min} and {max} (was {value}).");
    }
}
