using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NodaTime;
using OrderCore.Adapters.Walmart.Json;

namespace OrderCore.Adapters.Walmart.Http;

/// <summary>
/// Gets OAuth 2.0 client-credentials tokens from <c>POST /v3/token</c> (HTTP Basic with the client id and secret, form
/// body <c>grant_type=client_credentials</c>) and caches one until <c>expires_in</c> (900 s) minus
/// <see cref="WalmartOptions.TokenRefreshMargin"/>. Concurrent callers share one token request.
/// </summary>
/// <remarks>The secret is sent only in the token request's Authorization header; neither it nor a token is ever logged or put in a message.</remarks>
internal sealed class WalmartTokenCache
{
    private readonly WalmartOptions _options;
    private readonly IClock _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, Instant RenewAt)? _current;

    public WalmartTokenCache(WalmartOptions options, IClock clock)
    {
        _options = options;
        _clock = clock;
    }

    /// <summary>How many tokens were fetched (for tests and diagnostics).</summary>
    public int Fetches { get; private set; }

    public async Task<string> GetAsync(Uri baseAddress, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        if (Valid() is { } token) return token;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Valid() is { } again) return again;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/v3/token"))
            {
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
            };
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.ClientId}:{_options.ClientSecret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.TryAddWithoutValidation(WalmartChannel.ServiceNameHeader, _options.ServiceName);
            var correlation = Guid.NewGuid().ToString();
            request.Headers.TryAddWithoutValidation(WalmartChannel.CorrelationIdHeader, correlation);
            using var response = await send(request, ct).ConfigureAwait(false);
            var body = response.Content is null ? null : await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            const string operation = "POST /v3/token";
            if (!response.IsSuccessStatusCode)
            {
                var errors = WalmartErrorBody.Parse(body);
                if ((int)response.StatusCode == 429)
                {
                    throw new WalmartRateLimitedException(operation, response.StatusCode, correlation, errors, WalmartErrorBody.Cut(body), WalmartThrottle.ReadReplenishment(response.Headers, _clock.GetCurrentInstant()), WalmartThrottle.ReadTokens(response.Headers));
                }
                if ((int)response.StatusCode is 400 or 401 or 403) throw new WalmartAuthenticationException(operation, response.StatusCode, correlation, errors, WalmartErrorBody.Cut(body));
                throw new WalmartRequestException(operation, response.StatusCode, correlation, errors, WalmartErrorBody.Cut(body));
            }
            TokenResponseDto? dto;
            try
            {
                dto = JsonSerializer.Deserialize(body ?? "", WalmartJsonContext.Default.TokenResponseDto);
            }
            catch (JsonException e)
            {
                throw new WalmartRequestException(operation, response.StatusCode, correlation, [], null, e);
            }
            if (string.IsNullOrWhiteSpace(dto?.AccessToken)) throw new WalmartAuthenticationException(operation, response.StatusCode, correlation, [new WalmartError("NO_ACCESS_TOKEN", "access_token", "the token response has no access_token", null, "ERROR", "DATA")], null);
            var lifetime = Duration.FromSeconds(dto.ExpiresIn is > 0 ? dto.ExpiresIn.Value : 900);
            var margin = Duration.FromTimeSpan(_options.TokenRefreshMargin);
            if (margin >= lifetime) margin = lifetime / 2;
            _current = (dto.AccessToken, _clock.GetCurrentInstant() + lifetime - margin);
            Fetches++;
            return dto.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> if it is the cached one (Walmart refused it).</summary>
    public void Invalidate(string token)
    {
        if (_current is { } c && c.Token == token) _current = null;
    }

    private string? Valid() => _current is { } c && _clock.GetCurrentInstant() < c.RenewAt ? c.Token : null;
}
