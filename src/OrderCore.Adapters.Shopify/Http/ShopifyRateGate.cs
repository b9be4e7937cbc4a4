using System.Globalization;

namespace OrderCore.Adapters.Shopify.Http;

/// <summary>
/// Client-side model of Shopify's two throttles, so the client waits before it is throttled rather than after:
/// the REST leaky bucket (<c>X-Shopify-Shop-Api-Call-Limit: used/size</c>, leaking at a fixed rate) and the GraphQL
/// cost bucket (<c>extensions.cost.throttleStatus{maximumAvailable, currentlyAvailable, restoreRate}</c>).
/// </summary>
/// <threadsafety>Safe to use concurrently.</threadsafety>
internal sealed class ShopifyRateGate
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _leakPerSecond;
    private readonly int _headroom;
    private int _restSize;
    private double _restUsed;
    private long _restStamp;
    private double _gqlMax = double.NaN;
    private double _gqlAvailable;
    private double _gqlRestore;
    private long _gqlStamp;

    public ShopifyRateGate(TimeProvider time, int bucketSize, double leakPerSecond, int headroom)
    {
        _time = time;
        _restSize = bucketSize;
        _leakPerSecond = leakPerSecond;
        _headroom = headroom;
        _restStamp = time.GetTimestamp();
    }

    /// <summary>How long to wait before the next REST request so that the bucket keeps its headroom.</summary>
    public TimeSpan RestDelay()
    {
        lock (_lock)
        {
            var used = Math.Max(0, _restUsed - Elapsed(_restStamp) * _leakPerSecond);
            var limit = _restSize - _headroom;
            return used < limit ? TimeSpan.Zero : TimeSpan.FromSeconds((used - limit + 1) / _leakPerSecond);
        }
    }

    /// <summary>Records the bucket state from <c>X-Shopify-Shop-Api-Call-Limit</c> (e.g. <c>39/40</c>); ignores a malformed value.</summary>
    public void ObserveRest(string? callLimit)
    {
        if (callLimit is null) return;
        var slash = callLimit.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !int.TryParse(callLimit.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            || !int.TryParse(callLimit.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size <= 0) return;
        lock (_lock)
        {
            _restUsed = used;
            _restSize = size;
            _restStamp = _time.GetTimestamp();
        }
    }

    /// <summary>How long to wait until the GraphQL bucket holds <paramref name="cost"/> points (zero before any response was seen).</summary>
    public TimeSpan GraphQlDelay(double cost)
    {
        lock (_lock)
        {
            if (double.IsNaN(_gqlMax) || _gqlRestore <= 0) return TimeSpan.Zero;
            var available = Math.Min(_gqlMax, _gqlAvailable + Elapsed(_gqlStamp) * _gqlRestore);
            var need = Math.Min(cost, _gqlMax);
            return available >= need ? TimeSpan.Zero : TimeSpan.FromSeconds((need - available) / _gqlRestore);
        }
    }

    /// <summary>Records <c>throttleStatus</c>.</summary>
    public void ObserveGraphQl(double maximumAvailable, double currentlyAvailable, double restoreRate)
    {
        lock (_lock)
        {
            _gqlMax = maximumAvailable;
            _gqlAvailable = currentlyAvailable;
            _gqlRestore = restoreRate;
            _gqlStamp = _time.GetTimestamp();
        }
    }

    private double Elapsed(long since) => _time.GetElapsedTime(since).TotalSeconds;
}
