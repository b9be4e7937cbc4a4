using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using NodaTime;

namespace OrderCore.Adapters.Walmart.Http;

/// <summary>
/// Client-side view of Walmart's per-API token buckets, fed by the <c>X-Current-Token-Count</c> and
/// <c>X-Next-Replenishment-Time</c> response headers. Before a call, when the bucket of that API is known to be empty,
/// the caller waits until it replenishes (at most <see cref="WalmartOptions.MaxThrottleWait"/>; beyond that the call
/// fails at once with <see cref="WalmartRateLimitedException"/> and is never sent).
/// </summary>
/// <remarks>
/// A bucket is one API: the method and the path with ids replaced by <c>*</c> (<c>POST /v3/orders/*/acknowledge</c>).
/// <c>X-Next-Replenishment-Time</c> is read as epoch milliseconds (or seconds, when the number is small) or as an
/// HTTP/ISO date, since Walmart's documentation does not fix its format.
/// </remarks>
internal sealed class WalmartThrottle
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private readonly TimeSpan _maxWait;

    public WalmartThrottle(IClock clock, TimeSpan maxWait, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _clock = clock;
        _maxWait = maxWait;
        Delay = delay ?? ((d, ct) => Task.Delay(d, ct));
    }

    /// <summary>How waits are made (replaced in tests to record them).</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; }

    public readonly record struct Bucket(int? Tokens, Instant? ReplenishAt);

    public Bucket? Get(string bucket) => _buckets.TryGetValue(bucket, out var b) ? b : null;

    public static string BucketOf(HttpMethod method, Uri? uri)
    {
        var path = uri is null ? "/" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 2; i < segments.Length; i++)
        {
            if (i == 2 && segments[i] is "released" or "status" or "count") continue;
            if (i == 2 || i == 3 && segments[1] == "feeds") segments[i] = "*";
        }
        return $"{method.Method} /{string.Join('/', segments)}";
    }

    /// <summary>Waits while the bucket is known to be empty and replenishes within the allowed wait.</summary>
    /// <exception cref="WalmartRateLimitedException">The bucket replenishes later than the allowed wait.</exception>
    public async Task WaitTurnAsync(string bucket, string operation, CancellationToken ct)
    {
        if (!_buckets.TryGetValue(bucket, out var b) || b.Tokens is not <= 0 || b.ReplenishAt is not { } at) return;
        var wait = at - _clock.GetCurrentInstant();
        if (wait <= Duration.Zero) return;
        if (wait.ToTimeSpan() > _maxWait) throw new WalmartRateLimitedException(operation, null, null, [], null, at, b.Tokens);
        await Delay(wait.ToTimeSpan(), ct).ConfigureAwait(false);
        _buckets.TryUpdate(bucket, b with { Tokens = null }, b);
    }

    /// <summary>Records the rate-limit headers of a response.</summary>
    public void Observe(string bucket, HttpResponseHeaders headers)
    {
        var tokens = ReadTokens(headers);
        var at = ReadReplenishment(headers, _clock.GetCurrentInstant());
        if (tokens is null && at is null) return;
        _buckets[bucket] = new Bucket(tokens, at);
    }

    public static int? ReadTokens(HttpResponseHeaders headers)
        => headers.TryGetValues(WalmartChannel.TokenCountHeader, out var v) && int.TryParse(v.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>When the window replenishes: <c>X-Next-Replenishment-Time</c>, else <c>Retry-After</c>; null when neither is there.</summary>
    public static Instant? ReadReplenishment(HttpResponseHeaders headers, Instant now)
    {
        if (headers.TryGetValues(WalmartChannel.ReplenishmentTimeHeader, out var values) && ParseTime(values.FirstOrDefault()) is { } at) return at;
        if (headers.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta) return now + Duration.FromTimeSpan(delta);
            if (ra.Date is { } date) return Instant.FromDateTimeOffset(date);
        }
        return null;
    }

    public static Instant? ParseTime(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            if (n <= 0) return null;
            var ms = n < 100_000_000_000L ? n * 1000 : n;
            return Orders.WalmartOrderMapper.TryInstant(ms, out var i) ? i : null;
        }
        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) ? Instant.FromDateTimeOffset(dto) : null;
    }
}
