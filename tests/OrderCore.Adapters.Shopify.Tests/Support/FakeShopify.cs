using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderCore.Adapters.Shopify.Http;
using OrderCore.Testing;

namespace OrderCore.Adapters.Shopify.Tests.Support;

/// <summary>A recorded request.</summary>
public sealed record SeenRequest(string Method, Uri Uri, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body!).RootElement.Clone();
}

/// <summary>
/// An in-process Shopify: an <see cref="HttpMessageHandler"/> that answers by (method, path) from scripted responses —
/// usually the recorded example responses — and records every request. Each route has a queue; the last response repeats.
/// </summary>
public sealed class FakeShopify : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Queue<Func<SeenRequest, HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);

    public List<SeenRequest> Requests { get; } = new();

    public FakeShopify On(string method, string pathAndQuery, Func<SeenRequest, HttpResponseMessage> respond)
    {
        _routes.GetOrAdd($"{method} {pathAndQuery}", _ => new Queue<Func<SeenRequest, HttpResponseMessage>>()).Enqueue(respond);
        return this;
    }

    public FakeShopify On(string method, string pathAndQuery, HttpStatusCode status, string body, params (string Name, string Value)[] headers)
        => On(method, pathAndQuery, _ => Response(status, body, headers));

    /// <summary>Answers with the <c>response_body</c> of a recorded example file.</summary>
    public FakeShopify OnExample(string method, string pathAndQuery, string exampleFile, params (string Name, string Value)[] headers)
        => On(method, pathAndQuery, HttpStatusCode.OK, SharedData.ResponseBody(exampleFile).GetRawText(), headers);

    public static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var seen = new SeenRequest(request.Method.Method, request.RequestUri!, body, headers);
        lock (Requests) Requests.Add(seen);
        var key = $"{request.Method.Method} {request.RequestUri!.PathAndQuery}";
        if (!_routes.TryGetValue(key, out var queue)) return Response(HttpStatusCode.NotFound, $$"""{"errors":"Not Found: {{key}}"}""");
        Func<SeenRequest, HttpResponseMessage> respond;
        lock (queue) respond = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        return respond(seen);
    }

    /// <summary>A client over this fake with the given options (shop test-shop.myshopify.io, API 2026-07).</summary>
    public ShopifyClient Client(ManualTime time, Action<ShopifyOptions>? configure = null)
        => new(new HttpClient(this, disposeHandler: false), Microsoft.Extensions.Options.Options.Create(Options(configure)), time);

    public static ShopifyOptions Options(Action<ShopifyOptions>? configure = null)
    {
        var o = new ShopifyOptions
        {
            ShopDomain = "test-shop.myshopify.io",
            AccessToken = "shpat_test",
            WebhookSecret = ShopifyKit.Secret,
            Owner = TestIds.Owner,
        };
        configure?.Invoke(o);
        return o;
    }
}

/// <summary>A <see cref="TimeProvider"/> whose delays complete at once, advance a virtual clock and are recorded.</summary>
public sealed class ManualTime : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public List<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (Delays) Delays.Add(dueTime);
            Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
