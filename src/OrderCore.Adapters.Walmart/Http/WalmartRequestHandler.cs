using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrderCore.Adapters.Walmart.Http;

/// <summary>
/// The innermost handler of the Walmart pipeline, run once per HTTP attempt: waits for the API's rate-limit bucket, sets
/// <c>WM_SEC.ACCESS_TOKEN</c>, a fresh <c>WM_QOS.CORRELATION_ID</c>, <c>WM_SVC.NAME</c> and <c>Accept</c>, records the
/// rate-limit headers of the response, and on a 401 renews the token once and resends.
/// </summary>
/// <remarks>Logs method, path, status and correlation id at Debug; never headers, bodies, tokens or secrets.</remarks>
internal sealed class WalmartRequestHandler : DelegatingHandler
{
    private readonly WalmartOptions _options;
    private readonly WalmartTokenCache _tokens;
    private readonly WalmartThrottle _throttle;
    private readonly ILogger _logger;

    public WalmartRequestHandler(WalmartOptions options, WalmartTokenCache tokens, WalmartThrottle throttle, ILogger? logger)
    {
        _options = options;
        _tokens = tokens;
        _throttle = throttle;
        _logger = logger ?? NullLogger.Instance;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A Walmart request needs a URI.");
        var bucket = WalmartThrottle.BucketOf(request.Method, uri);
        await _throttle.WaitTurnAsync(bucket, bucket, cancellationToken).ConfigureAwait(false);
        var baseAddress = new Uri(uri.GetLeftPart(UriPartial.Authority));
        var token = await _tokens.GetAsync(baseAddress, (r, ct) => base.SendAsync(r, ct), cancellationToken).ConfigureAwait(false);
        Stamp(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _throttle.Observe(bucket, response.Headers);
        Log(request, response);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token may have been revoked or expired early: renew it once and resend.
            response.Dispose();
            _tokens.Invalidate(token);
            token = await _tokens.GetAsync(baseAddress, (r, ct) => base.SendAsync(r, ct), cancellationToken).ConfigureAwait(false);
            Stamp(request, token);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _throttle.Observe(bucket, response.Headers);
            Log(request, response);
        }
        return response;
    }

    private void Stamp(HttpRequestMessage request, string token)
    {
        var h = request.Headers;
        h.Remove(WalmartChannel.AccessTokenHeader);
        h.Remove(WalmartChannel.CorrelationIdHeader);
        h.Remove(WalmartChannel.ServiceNameHeader);
        h.TryAddWithoutValidation(WalmartChannel.AccessTokenHeader, token);
        h.TryAddWithoutValidation(WalmartChannel.CorrelationIdHeader, Guid.NewGuid().ToString());
        h.TryAddWithoutValidation(WalmartChannel.ServiceNameHeader, _options.ServiceName);
        if (h.Accept.Count == 0) h.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private void Log(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (!_logger.IsEnabled(LogLevel.Debug)) return;
        _logger.LogDebug("Walmart {Method} {Path} -> {Status} (correlation id {CorrelationId})",
            request.Method.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, CorrelationOf(request));
    }

    public static string? CorrelationOf(HttpRequestMessage? request)
        => request is not null && request.Headers.TryGetValues(WalmartChannel.CorrelationIdHeader, out var v) ? v.FirstOrDefault() : null;
}
