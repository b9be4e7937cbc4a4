using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Adapters.Amazon.SpApi.Http;

namespace OrderCore.Adapters.Amazon.Tests.SpApi.Support;

/// <summary>A request the fake server received.</summary>
public sealed record Received(HttpMethod Method, Uri Uri, string? AccessToken, string? Body)
{
    public string Path => Uri.AbsolutePath;

    public string Query => Uri.Query;
}

/// <summary>
/// An in-process SP-API (and LWA token endpoint) for tests: an <see cref="HttpMessageHandler"/> that answers from
/// routes, records every request, and issues access tokens. Routes are matched in order; the first whose method and path
/// (prefix, or exact when it has no trailing '*') match answers, and is consumed when it is a one-shot.
/// </summary>
public sealed class FakeSpApi : HttpMessageHandler
{
    public const string ClientId = "amzn1.application-oa2-client.TESTCLIENTID";
    public const string ClientSecret = "SECRET-client-secret-value-0123456789";
    public const string RefreshToken = "Atzr|REFRESH-TOKEN-VALUE-abcdef";

    private readonly List<Route> _routes = new();
    private readonly Lock _lock = new();
    private int _tokens;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int TokenExchanges => _tokens;

    public int TokenLifetimeSeconds { get; set; } = 3600;

    public string? TokenError { get; set; }

    public static string AccessTokenValue(int n) => $"Atza|ACCESS-TOKEN-{n}";

    public IReadOnlyList<Received> ApiRequests => Requests.Where(r => !r.Uri.AbsolutePath.Contains("/auth/o2/token", StringComparison.Ordinal)).ToArray();

    /// <summary>Answers every request of <paramref name="method"/> whose path matches with <paramref name="respond"/>.</summary>
    public FakeSpApi On(HttpMethod method, string path, Func<Received, HttpResponseMessage> respond, int times = int.MaxValue)
    {
        lock (_lock) _routes.Add(new Route(method, path, respond) { Remaining = times });
        return this;
    }

    public FakeSpApi OnJson(HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK, int times = int.MaxValue, IDictionary<string, string>? headers = null)
        => On(method, path, _ => Json(json, status, headers), times);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, IDictionary<string, string>? headers = null)
    {
        var r = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) r.Headers.TryAddWithoutValidation(k, v);
        if (!r.Headers.Contains("x-amzn-RequestId")) r.Headers.TryAddWithoutValidation("x-amzn-RequestId", "req-" + Guid.NewGuid().ToString("N")[..8]);
        return r;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var token = request.Headers.TryGetValues("x-amz-access-token", out var v) ? v.FirstOrDefault() : null;
        var received = new Received(request.Method, request.RequestUri!, token, body);
        Requests.Enqueue(received);
        if (request.RequestUri!.AbsolutePath.EndsWith("/auth/o2/token", StringComparison.Ordinal))
        {
            if (TokenError is { } err) return Json($$"""{"error":"{{err}}","error_description":"The request has an invalid grant parameter"}""", HttpStatusCode.BadRequest);
            Assert.Contains("grant_type=refresh_token", body);
            var n = Interlocked.Increment(ref _tokens);
            return Json($$"""{"access_token":"{{AccessTokenValue(n)}}","refresh_token":"{{RefreshToken}}","token_type":"bearer","expires_in":{{TokenLifetimeSeconds}}}""");
        }
        Route? match;
        lock (_lock)
        {
            match = _routes.FirstOrDefault(r => r.Remaining > 0 && r.Method == request.Method && r.Matches(request.RequestUri.AbsolutePath));
            if (match is not null) match.Remaining--;
        }
        return match is null
            ? Json("""{"errors":[{"code":"NotFound","message":"no fake route"}]}""", HttpStatusCode.NotFound)
            : match.Respond(received);
    }

    private sealed class Route(HttpMethod method, string path, Func<Received, HttpResponseMessage> respond)
    {
        public HttpMethod Method { get; } = method;
        public Func<Received, HttpResponseMessage> Respond { get; } = respond;
        public int Remaining { get; set; }

        public bool Matches(string actual)
            => path.EndsWith('*') ? actual.StartsWith(path[..^1], StringComparison.Ordinal) : string.Equals(actual, path, StringComparison.Ordinal);
    }
}

/// <summary>Waits by advancing the fake clock, and records every wait: tests run in milliseconds.</summary>
internal sealed class FakeDelay(FakeClock clock) : ISpApiDelay
{
    public ConcurrentQueue<Duration> Waits { get; } = new();

    public Task DelayAsync(Duration duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waits.Enqueue(duration);
        if (duration > Duration.Zero) clock.Advance(duration);
        return Task.CompletedTask;
    }
}

/// <summary>Collects every formatted log message and exception text.</summary>
public sealed class ListLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}

/// <summary>Builds a client over a <see cref="FakeSpApi"/> with a fake clock and fake delays.</summary>
internal sealed class SpApiFixture
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 12, 0);

    public SpApiFixture(Action<AmazonSpApiOptions>? configure = null)
    {
        Clock = new FakeClock(Start);
        Delay = new FakeDelay(Clock);
        Server = new FakeSpApi();
        Options = NewOptions();
        configure?.Invoke(Options);
        Http = new HttpClient(Server);
        Client = new AmazonSpApiClient(() => Http, Options, Clock, Delay, Logger);
    }

    public FakeClock Clock { get; }
    public FakeDelay Delay { get; }
    public FakeSpApi Server { get; }
    public AmazonSpApiOptions Options { get; }
    public HttpClient Http { get; }
    public ListLogger Logger { get; } = new();
    public AmazonSpApiClient Client { get; }

    public static AmazonSpApiOptions NewOptions() => new()
    {
        Owner = OwnerId.From("acme"),
        Account = ChannelAccountId.From("amazon-us"),
        Endpoint = new Uri("http://127.0.0.1:5599"),
        TokenEndpoint = new Uri("http://127.0.0.1:5599/auth/o2/token"),
        MarketplaceIds = { "ATVPDKIKX0DER" },
        SellerId = "A3TH9S8BH6GOGM",
        ClientId = FakeSpApi.ClientId,
        ClientSecret = FakeSpApi.ClientSecret,
        RefreshToken = FakeSpApi.RefreshToken,
    };
}
