using System.Collections.Concurrent;
using System.Net;
using System.Text;
using NodaTime;

namespace OrderCore.Adapters.Walmart.Tests.Support;

/// <summary>A request as the fake server received it.</summary>
public sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string Path, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// An in-process Walmart: an <see cref="HttpMessageHandler"/> that issues OAuth tokens, checks Walmart's headers, serves
/// routes the test sets up (usually the spec's example files) and can inject failures (429 with rate-limit headers, 413…).
/// </summary>
public sealed class FakeWalmartServer : HttpMessageHandler
{
    public const string ClientId = "test-client-id";
    public const string ClientSecret = "s3cr3t-never-logged";

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, HttpResponseMessage> Respond)> _routes = new();
    private readonly ConcurrentQueue<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, HttpResponseMessage> Respond)> _injected = new();
    private readonly IClock _clock;
    private int _tokens;
    private volatile bool _revoked;

    public FakeWalmartServer(IClock clock) => _clock = clock;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<RecordedRequest> ApiRequests => _requests.Where(r => r.Path != "/v3/token").ToArray();

    public int TokensIssued => _tokens;

    /// <summary>The token the server accepts now; older ones get 401.</summary>
    public string CurrentToken => $"token-{_tokens}";

    public int TokenLifetimeSeconds { get; set; } = 900;

    /// <summary>Makes the current token invalid until a new one is issued (as if Walmart revoked it).</summary>
    public void Revoke() => _revoked = true;

    public FakeWalmartServer On(HttpMethod method, string path, Func<RecordedRequest, HttpResponseMessage> respond, string? query = null)
    {
        lock (_routes) _routes.Add((r => r.Method == method && r.Path == path && (query is null || r.PathAndQuery == path + query), respond));
        return this;
    }

    public FakeWalmartServer OnJson(HttpMethod method, string path, string json, string? query = null) => On(method, path, _ => Json(HttpStatusCode.OK, json), query);

    /// <summary>The next request matching <paramref name="match"/> gets this response (once).</summary>
    public FakeWalmartServer Inject(Func<RecordedRequest, bool> match, Func<RecordedRequest, HttpResponseMessage> respond)
    {
        _injected.Enqueue((match, respond));
        return this;
    }

    /// <summary>A 429 whose window replenishes <paramref name="after"/> from the clock's now, with zero tokens left.</summary>
    public HttpResponseMessage TooManyRequests(Duration after)
    {
        var r = Json((HttpStatusCode)429, """{"errors":{"error":[{"code":"TOO_MANY_REQUESTS","description":"Too Many Requests","severity":"ERROR","category":"REQUEST"}]}}""");
        r.Headers.TryAddWithoutValidation("X-Current-Token-Count", "0");
        r.Headers.TryAddWithoutValidation("X-Next-Replenishment-Time", (_clock.GetCurrentInstant() + after).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return r;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        string? body = null;
        string? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.MediaType;
        }
        var uri = request.RequestUri!;
        var recorded = new RecordedRequest(request.Method, uri.PathAndQuery, uri.AbsolutePath, headers, body, contentType);
        _requests.Enqueue(recorded);
        var response = Respond(recorded);
        response.RequestMessage = request;
        return response;
    }

    private HttpResponseMessage Respond(RecordedRequest r)
    {
        if (r.Path == "/v3/token")
        {
            var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
            if (r.Header("Authorization") != basic || r.Body != "grant_type=client_credentials" || r.Header("WM_SVC.NAME") is null || r.Header("WM_QOS.CORRELATION_ID") is null)
            {
                return Json(HttpStatusCode.Unauthorized, """{"error":[{"code":"INVALID_CLIENT","description":"bad credentials"}]}""");
            }
            var n = Interlocked.Increment(ref _tokens);
            _revoked = false;
            return Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{n}}","token_type":"Bearer","expires_in":{{TokenLifetimeSeconds}}}""");
        }
        if (_revoked || r.Header("WM_SEC.ACCESS_TOKEN") != CurrentToken)
        {
            return Json(HttpStatusCode.Unauthorized, """{"errors":{"error":[{"code":"UNAUTHORIZED.GMP_GATEWAY_API","field":"UNAUTHORIZED","description":"Unauthorized","info":"Unauthorized token or invalid signature","severity":"ERROR","category":"DATA"}]}}""");
        }
        if (r.Header("WM_QOS.CORRELATION_ID") is null || r.Header("WM_SVC.NAME") is null)
        {
            return Json(HttpStatusCode.BadRequest, """{"errors":{"error":[{"code":"MISSING_REQUEST_HEADER","field":"WM_QOS.CORRELATION_ID","description":"missing header"}]}}""");
        }
        var count = _injected.Count;
        for (var i = 0; i < count; i++)
        {
            if (!_injected.TryDequeue(out var inj)) break;
            if (inj.Match(r)) return inj.Respond(r);
            _injected.Enqueue(inj);
        }
        lock (_routes)
        {
            for (var i = _routes.Count - 1; i >= 0; i--)
            {
                if (_routes[i].Match(r)) return _routes[i].Respond(r);
            }
        }
        return Json(HttpStatusCode.NotFound, $$$"""{"errors":{"error":[{"code":"CONTENT_NOT_FOUND","field":"path","description":"no route for {{{r.Method}}} {{{r.Path}}}"}]}}""");
    }
}
