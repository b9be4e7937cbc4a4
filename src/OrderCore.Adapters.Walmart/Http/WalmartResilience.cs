using System.Net;
using Microsoft.Extensions.Http.Resilience;
using NodaTime;
using Polly;
using Polly.Timeout;

namespace OrderCore.Adapters.Walmart.Http;

/// <summary>
/// The resilience pipeline of the Walmart client (Microsoft.Extensions.Http.Resilience / Polly): a bounded retry outside
/// a per-attempt timeout.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>429</c>: retried after the rate-limit window replenishes (<c>X-Next-Replenishment-Time</c>, else
/// <c>Retry-After</c>, else exponential back-off from <see cref="WalmartOptions.RetryBaseDelay"/>), unless that is later
/// than <see cref="WalmartOptions.MaxThrottleWait"/>; a 429 means nothing changed, so every method may be retried.</item>
/// <item><c>413</c>: never retried (the same body would be refused again).</item>
/// <item><c>5xx</c>, timeouts and connection failures: retried only for requests that are safe to repeat (GET, PUT of
/// absolute inventory, the acknowledgement, which Walmart allows twice). Ship, cancel, refund and feed posts are not
/// repeated blindly: Walmart has no idempotency key.</item>
/// </list>
/// </remarks>
internal static class WalmartResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, WalmartOptions options, IClock clock)
    {
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), options, clock)),
                DelayGenerator = args => ValueTask.FromResult(DelayFor(args.Outcome, options, clock)),
            });
        }
        builder.AddTimeout(options.AttemptTimeout);
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, WalmartOptions options, IClock clock)
    {
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status == 429)
            {
                var at = WalmartThrottle.ReadReplenishment(response.Headers, clock.GetCurrentInstant());
                return at is null || (at.Value - clock.GetCurrentInstant()).ToTimeSpan() <= options.MaxThrottleWait;
            }
            if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge) return false;
            return status is 500 or 502 or 503 or 504 && IsSafeToRepeat(request ?? response.RequestMessage);
        }
        return outcome.Exception is HttpRequestException or TimeoutRejectedException && IsSafeToRepeat(request);
    }

    internal static TimeSpan? DelayFor(Outcome<HttpResponseMessage> outcome, WalmartOptions options, IClock clock)
    {
        if (outcome.Result is not { StatusCode: (HttpStatusCode)429 } response) return null;
        var now = clock.GetCurrentInstant();
        if (WalmartThrottle.ReadReplenishment(response.Headers, now) is not { } at) return null;
        var wait = (at - now).ToTimeSpan();
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > options.MaxThrottleWait ? options.MaxThrottleWait : wait;
    }

    private static bool IsSafeToRepeat(HttpRequestMessage? request)
    {
        if (request is null) return false;
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Put) return true;
        return request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/acknowledge", StringComparison.Ordinal) == true;
    }
}
