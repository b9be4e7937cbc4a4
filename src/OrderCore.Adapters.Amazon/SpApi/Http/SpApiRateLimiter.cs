using System.Globalization;
using NodaTime;

namespace OrderCore.Adapters.Amazon.SpApi.Http;

/// <summary>
/// One token bucket per operation, refilled at the operation's rate up to its burst (the SP-API usage-plan model). A caller
/// takes a token; when none is left it is told how long to wait, and the token is reserved for it, so concurrent callers
/// queue fairly. A wait longer than <see cref="AmazonSpApiOptions.MaxThrottleWait"/> is refused with
/// <see cref="AmazonQuotaExceededException"/> before anything is reserved.
/// </summary>
internal sealed class SpApiRateLimiter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private readonly IReadOnlyDictionary<string, AmazonRateLimit> _overrides;
    private readonly Duration _maxWait;

    public SpApiRateLimiter(IClock clock, IReadOnlyDictionary<string, AmazonRateLimit> overrides, Duration maxWait)
    {
        _clock = clock;
        _overrides = overrides;
        _maxWait = maxWait;
    }

    /// <summary>Takes a token for <paramref name="operation"/>; returns how long to wait before sending (zero when one was free).</summary>
    /// <exception cref="AmazonQuotaExceededException">The wait would exceed the maximum.</exception>
    public Duration Acquire(string operation)
    {
        lock (_lock)
        {
            var b = BucketOf(operation);
            Refill(b);
            if (b.Tokens >= 1)
            {
                b.Tokens -= 1;
                return Duration.Zero;
            }
            var wait = Duration.FromSeconds((1 - b.Tokens) / b.Rate);
            if (wait > _maxWait)
            {
                throw new AmazonQuotaExceededException(operation, wait, null, [],
                    $"the client-side usage plan ({b.Rate.ToString(CultureInfo.InvariantCulture)} rps, burst {b.Burst}) has no token for {wait}, longer than MaxThrottleWait {_maxWait}");
            }
            b.Tokens -= 1;
            return wait;
        }
    }

    /// <summary>Applies an <c>x-amzn-RateLimit-Limit</c> header value (requests per second) to the operation's bucket.</summary>
    public void Observe(string operation, string? rateLimitHeader)
    {
        if (string.IsNullOrWhiteSpace(rateLimitHeader)) return;
        if (!double.TryParse(rateLimitHeader.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate > 0) || double.IsInfinity(rate)) return;
        lock (_lock)
        {
            var b = BucketOf(operation);
            Refill(b);
            b.Rate = rate;
        }
    }

    /// <summary>Empties an operation's bucket after Amazon throttled it, so that the next callers wait too.</summary>
    public void Drain(string operation)
    {
        lock (_lock)
        {
            var b = BucketOf(operation);
            Refill(b);
            if (b.Tokens > 0) b.Tokens = 0;
        }
    }

    /// <summary>The rate currently applied to an operation, in requests per second.</summary>
    public double RateOf(string operation)
    {
        lock (_lock) return BucketOf(operation).Rate;
    }

    private Bucket BucketOf(string operation)
    {
        if (_buckets.TryGetValue(operation, out var b)) return b;
        var plan = _overrides.TryGetValue(operation, out var o) ? o
            : AmazonRateLimits.Defaults.TryGetValue(operation, out var d) ? d
            : AmazonRateLimits.Fallback;
        b = new Bucket { Rate = plan.RequestsPerSecond, Burst = plan.Burst, Tokens = plan.Burst, Last = _clock.GetCurrentInstant() };
        _buckets.Add(operation, b);
        return b;
    }

    private void Refill(Bucket b)
    {
        var now = _clock.GetCurrentInstant();
        var elapsed = (now - b.Last).TotalSeconds;
        if (elapsed > 0)
        {
            b.Tokens = Math.Min(b.Burst, b.Tokens + elapsed * b.Rate);
            b.Last = now;
        }
    }

    private sealed class Bucket
    {
        public double Rate { get; set; }
        public int Burst { get; init; }
        public double Tokens { get; set; }
        public Instant Last { get; set; }
    }
}
