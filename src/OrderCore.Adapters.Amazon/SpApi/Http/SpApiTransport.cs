using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi.Json;

namespace OrderCore.Adapters.Amazon.SpApi.Http;

/// <summary>One SP-API request: the operation (for the usage plan), method, path with query, optional JSON body, and an optional restricted data token.</summary>
internal sealed record SpApiRequest(string Operation, HttpMethod Method, string PathAndQuery, string? JsonBody = null, string? RestrictedDataToken = null);

/// <summary>A successful SP-API response.</summary>
internal sealed record SpApiResponse(HttpStatusCode Status, string Body, string? RequestId);

/// <summary>
/// Sends SP-API requests: client-side usage plans, the LWA access token (cached until shortly before expiry) or a
/// restricted data token in <c>x-amz-access-token</c>, bounded retries of 429 (and of 5xx on reads) with backoff that
/// honours <c>Retry-After</c>, <c>x-amzn-RateLimit-Limit</c> applied to the bucket, and typed errors carrying
/// <c>errors[]</c> and <c>x-amzn-RequestId</c>. Logs operation, status, request id and timing, never headers, tokens or
/// bodies.
/// </summary>
internal sealed class SpApiTransport
{
    private readonly Func<HttpClient> _http;
    private readonly AmazonSpApiOptions _options;
    private readonly IClock _clock;
    private readonly ISpApiDelay _delay;
    private readonly ILogger _logger;
    private readonly Uri _endpoint;
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private readonly Lock _rdtLock = new();
    private readonly Dictionary<string, (string Token, Instant ExpiresAt)> _rdts = new(StringComparer.Ordinal);
    private readonly Random _jitter = new();
    private (string Token, Instant ExpiresAt)? _accessToken;

    public SpApiTransport(Func<HttpClient> http, AmazonSpApiOptions options, IClock clock, ISpApiDelay delay, ILogger logger)
    {
        _http = http;
        _options = options;
        _clock = clock;
        _delay = delay;
        _logger = logger;
        _endpoint = options.ResolveEndpoint();
        Limiter = new SpApiRateLimiter(clock, new Dictionary<string, AmazonRateLimit>(options.RateLimitOverrides ?? new Dictionary<string, AmazonRateLimit>(), StringComparer.Ordinal), options.MaxThrottleWait);
    }

    public SpApiRateLimiter Limiter { get; }

    public AmazonSpApiOptions Options => _options;

    public IClock Clock => _clock;

    public ISpApiDelay Delay => _delay;

    /// <summary>Token exchanges made so far (for tests and diagnostics).</summary>
    public int TokenExchanges { get; private set; }

    public async Task<T> SendAsync<T>(SpApiRequest request, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var response = await SendAsync(request, ct).ConfigureAwait(false);
        return Deserialize(request.Operation, response, type);
    }

    public static T Deserialize<T>(string operation, SpApiResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("the body is null");
        }
        catch (JsonException ex)
        {
            throw new AmazonSpApiCallException(operation, response.Status, response.RequestId, [],
                $"SP-API {operation} returned a body OrderCore cannot read ({ex.Message}){(response.RequestId is null ? "" : $", request id {response.RequestId}")}.", ex);
        }
    }

    public async Task<SpApiResponse> SendAsync(SpApiRequest request, CancellationToken ct)
    {
        var attempt = 0;
        var reauthenticated = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var wait = Limiter.Acquire(request.Operation);
            if (wait > Duration.Zero)
            {
                _logger.LogDebug("SP-API {Operation}: waiting {Wait} for the client-side usage plan", request.Operation, wait);
                await _delay.DelayAsync(wait, ct).ConfigureAwait(false);
            }
            var token = request.RestrictedDataToken ?? await GetAccessTokenAsync(ct).ConfigureAwait(false);
            using var message = new HttpRequestMessage(request.Method, new Uri(_endpoint, request.PathAndQuery));
            message.Headers.TryAddWithoutValidation("x-amz-access-token", token);
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (request.JsonBody is not null) message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");

            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _http().SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (request.Method == HttpMethod.Get && attempt < _options.MaxRetries)
            {
                attempt++;
                var backoff = Backoff(attempt);
                _logger.LogWarning("SP-API {Operation}: transport error ({Error}); retry {Attempt} in {Wait}", request.Operation, ex.GetType().Name, attempt, backoff);
                await _delay.DelayAsync(backoff, ct).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new AmazonSpApiCallException(request.Operation, null, null, [], $"SP-API {request.Operation} could not be reached ({ex.Message}).", ex);
            }
            using (response)
            {
                var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                var requestId = Header(response, "x-amzn-RequestId");
                Limiter.Observe(request.Operation, Header(response, "x-amzn-RateLimit-Limit"));
                var status = response.StatusCode;
                _logger.LogInformation("SP-API {Operation} {Method} {Path} -> {Status} in {Elapsed} ms (request id {RequestId})",
                    request.Operation, request.Method.Method, PathOnly(request.PathAndQuery), (int)status, Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), requestId);
                if (response.IsSuccessStatusCode) return new SpApiResponse(status, body, requestId);

                var errors = ParseErrors(body);
                if (status == HttpStatusCode.TooManyRequests)
                {
                    Limiter.Drain(request.Operation);
                    attempt++;
                    var retryAfter = RetryAfter(response);
                    var slot = Duration.FromSeconds(1 / Limiter.RateOf(request.Operation));
                    var backoff = retryAfter ?? Max(Backoff(attempt), slot);
                    if (backoff > _options.MaxThrottleWait)
                    {
                        throw new AmazonQuotaExceededException(request.Operation, backoff, requestId, errors, $"Amazon asks to wait {backoff}, longer than MaxThrottleWait {_options.MaxThrottleWait}");
                    }
                    if (attempt > _options.MaxRetries)
                    {
                        throw new AmazonQuotaExceededException(request.Operation, backoff, requestId, errors, $"still throttled after {_options.MaxRetries} retries");
                    }
                    _logger.LogWarning("SP-API {Operation} throttled (429, request id {RequestId}); retry {Attempt} of {Max} in {Wait}", request.Operation, requestId, attempt, _options.MaxRetries, backoff);
                    await _delay.DelayAsync(backoff, ct).ConfigureAwait(false);
                    continue;
                }
                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && request.RestrictedDataToken is null && !reauthenticated
                    && errors.Any(e => e.Code is "Unauthorized" or "InvalidAccessToken" or "AccessDenied" && (e.Message?.Contains("expired", StringComparison.OrdinalIgnoreCase) ?? false)))
                {
                    // The cached token was revoked or expired early: exchange once more and retry.
                    reauthenticated = true;
                    _accessToken = null;
                    continue;
                }
                if ((int)status >= 500 && request.Method == HttpMethod.Get && attempt < _options.MaxRetries)
                {
                    attempt++;
                    var backoff = Backoff(attempt);
                    _logger.LogWarning("SP-API {Operation} failed with {Status} (request id {RequestId}); retry {Attempt} in {Wait}", request.Operation, (int)status, requestId, attempt, backoff);
                    await _delay.DelayAsync(backoff, ct).ConfigureAwait(false);
                    continue;
                }
                throw new AmazonSpApiCallException(request.Operation, status, requestId, errors, AmazonSpApiException.Describe(request.Operation, status, requestId, errors));
            }
        }
    }

    /// <summary>
    /// Sends a request to a pre-signed URL (a feed document upload or download): no SP-API token, no usage plan. Returns the
    /// body bytes.
    /// </summary>
    public async Task<byte[]> SendPresignedAsync(string operation, HttpMethod method, Uri url, byte[]? content, string? contentType, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(method, url);
        if (content is not null)
        {
            message.Content = new ByteArrayContent(content);
            if (contentType is not null) message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http().SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new AmazonSpApiCallException(operation, null, null, [], $"The pre-signed URL of {operation} could not be reached ({ex.Message}).", ex);
        }
        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            _logger.LogInformation("SP-API {Operation} pre-signed {Method} -> {Status}", operation, method.Method, (int)response.StatusCode);
            if (!response.IsSuccessStatusCode) throw new AmazonSpApiCallException(operation, response.StatusCode, null, [], $"The pre-signed URL of {operation} answered HTTP {(int)response.StatusCode}.");
            return bytes;
        }
    }

    /// <summary>The LWA access token, exchanged from the refresh token and cached until <see cref="AmazonSpApiOptions.TokenRefreshMargin"/> before it expires.</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken ct)
    {
        var now = _clock.GetCurrentInstant();
        if (_accessToken is { } cached && now < cached.ExpiresAt - _options.TokenRefreshMargin) return cached.Token;
        await _tokenGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            now = _clock.GetCurrentInstant();
            if (_accessToken is { } again && now < again.ExpiresAt - _options.TokenRefreshMargin) return again.Token;
            var fresh = await ExchangeRefreshTokenAsync(ct).ConfigureAwait(false);
            _accessToken = fresh;
            return fresh.Token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private async Task<(string Token, Instant ExpiresAt)> ExchangeRefreshTokenAsync(CancellationToken ct)
    {
        var endpoint = _options.ResolveTokenEndpoint();
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new KeyValuePair<string, string>("grant_type", "refresh_token"),
                new KeyValuePair<string, string>("refresh_token", _options.RefreshToken ?? string.Empty),
                new KeyValuePair<string, string>("client_id", _options.ClientId ?? string.Empty),
                new KeyValuePair<string, string>("client_secret", _options.ClientSecret ?? string.Empty),
            ]),
        };
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        HttpResponseMessage response;
        try
        {
            response = await _http().SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new AmazonSpApiCallException("lwaToken", null, null, [], $"The Login with Amazon token endpoint {endpoint.GetLeftPart(UriPartial.Path)} could not be reached ({ex.Message}).", ex);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            LwaTokenResponse? dto = null;
            try
            {
                dto = JsonSerializer.Deserialize(body, AmazonJsonContext.Default.LwaTokenResponse);
            }
            catch (JsonException)
            {
                // handled below: no token
            }
            if (!response.IsSuccessStatusCode || dto?.AccessToken is not { Length: > 0 } token)
            {
                _logger.LogError("Login with Amazon refused the refresh token exchange: HTTP {Status}, error {Error}", (int)response.StatusCode, dto?.Error ?? "(none)");
                if ((int)response.StatusCode >= 500) throw new AmazonSpApiCallException("lwaToken", response.StatusCode, null, [], $"The Login with Amazon token endpoint failed with HTTP {(int)response.StatusCode}.");
                throw new AmazonAuthenticationException(response.StatusCode, dto?.Error ?? "no_access_token", dto?.ErrorDescription);
            }
            TokenExchanges++;
            var lifetime = Duration.FromSeconds(dto.ExpiresIn is > 0 and var s ? s : 3600);
            _logger.LogInformation("Login with Amazon issued an access token valid for {Lifetime}", lifetime);
            return (token, _clock.GetCurrentInstant() + lifetime);
        }
    }

    /// <summary>
    /// A restricted data token for the given resources (Tokens API <c>createRestrictedDataToken</c>), cached per resource
    /// set until shortly before it expires.
    /// </summary>
    public async Task<string> GetRestrictedDataTokenAsync(IReadOnlyList<RestrictedResourceDto> resources, CancellationToken ct)
    {
        var key = string.Join("|", resources.Select(r => $"{r.Method} {r.Path} {string.Join(",", r.DataElements ?? [])}"));
        var now = _clock.GetCurrentInstant();
        lock (_rdtLock)
        {
            if (_rdts.TryGetValue(key, out var c) && now < c.ExpiresAt - _options.TokenRefreshMargin) return c.Token;
        }
        var body = JsonSerializer.Serialize(new CreateRestrictedDataTokenRequest { RestrictedResources = resources.ToList() }, AmazonJsonContext.Default.CreateRestrictedDataTokenRequest);
        var dto = await SendAsync(new SpApiRequest("createRestrictedDataToken", HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken", body), AmazonJsonContext.Default.CreateRestrictedDataTokenResponse, ct).ConfigureAwait(false);
        if (dto.RestrictedDataToken is not { Length: > 0 } rdt) throw new AmazonSpApiCallException("createRestrictedDataToken", HttpStatusCode.OK, null, [], "SP-API createRestrictedDataToken returned no restrictedDataToken.");
        var expires = _clock.GetCurrentInstant() + Duration.FromSeconds(dto.ExpiresIn is > 0 and var s ? s : 3600);
        lock (_rdtLock) _rdts[key] = (rdt, expires);
        return rdt;
    }

    private Duration Backoff(int attempt)
    {
        var baseMs = _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        double jitter;
        lock (_jitter) jitter = _jitter.NextDouble() * 0.2;
        return Duration.FromMilliseconds(baseMs * (1 + jitter));
    }

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;

    private Duration? RetryAfter(HttpResponseMessage response)
    {
        var ra = response.Headers.RetryAfter;
        if (ra?.Delta is { } delta) return Duration.FromTimeSpan(delta);
        if (ra?.Date is { } date)
        {
            var wait = Instant.FromDateTimeOffset(date) - _clock.GetCurrentInstant();
            return wait > Duration.Zero ? wait : Duration.Zero;
        }
        return null;
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string PathOnly(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? pathAndQuery : pathAndQuery[..q];
    }

    internal static IReadOnlyList<AmazonApiError> ParseErrors(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            var list = JsonSerializer.Deserialize(body, AmazonJsonContext.Default.ErrorListDto);
            return list?.Errors?.Select(e => new AmazonApiError(e.Code ?? "(no code)", e.Message, e.Details)).ToArray() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
