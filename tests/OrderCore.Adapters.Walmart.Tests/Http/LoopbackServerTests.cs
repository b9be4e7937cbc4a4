using System.Net;
using System.Net.Sockets;
using System.Text;
using NodaTime;
using NodaTime.Testing;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Tests.Support;

namespace OrderCore.Adapters.Walmart.Tests.Http;

/// <summary>
/// The client over real sockets against a loopback HTTP server (127.0.0.1 only, bounded to this test): the cursor reaches
/// the wire exactly as Walmart sent it, and an injected 429 is retried.
/// </summary>
public sealed class LoopbackServerTests
{
    private const string Cursor = "?limit=10&hasMoreElements=true&soIndex=31&poIndex=10&partnerId=100009&sellerId=8&createdStartDate=2013-08-16&createdEndDate=2019-09-17T18:47:03.703Z";

    [WalmartDataFact]
    public async Task OrdersOverLoopbackHttp_CursorOnTheWireIsExact_And429IsRetried()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var clock = new FakeClock(Instant.FromUtc(2019, 9, 20, 12, 0));
        var targets = new List<string>();
        var page1 = SharedData.ReadExample("orders", "getAllOrders__response200__example.json");
        var page2 = """{"list":{"meta":{"totalCount":31,"limit":10},"elements":{"order":[]}}}""";
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var served = 0;
        var server = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                HttpListenerContext ctx;
                try
                {
                    ctx = await listener.GetContextAsync().WaitAsync(cts.Token);
                }
                catch (Exception) when (cts.IsCancellationRequested || !listener.IsListening)
                {
                    return;
                }
                var target = ctx.Request.RawUrl ?? "";
                lock (targets) targets.Add(target);
                string body;
                var status = 200;
                if (target == "/v3/token") body = """{"access_token":"loop-token","token_type":"Bearer","expires_in":900}""";
                else if (ctx.Request.Headers["WM_SEC.ACCESS_TOKEN"] != "loop-token") (status, body) = (401, """{"errors":[{"code":"UNAUTHORIZED"}]}""");
                else if (Interlocked.Increment(ref served) == 1)
                {
                    status = 429;
                    body = """{"errors":[{"code":"TOO_MANY_REQUESTS"}]}""";
                    ctx.Response.Headers["X-Current-Token-Count"] = "0";
                    ctx.Response.Headers["X-Next-Replenishment-Time"] = (clock.GetCurrentInstant() + Duration.FromMilliseconds(20)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else body = target == "/v3/orders" + Cursor ? page2 : page1;
                var bytes = Encoding.UTF8.GetBytes(body);
                ctx.Response.StatusCode = status;
                ctx.Response.ContentType = "application/json";
                ctx.Response.ContentLength64 = bytes.Length;
                await ctx.Response.OutputStream.WriteAsync(bytes, cts.Token);
                ctx.Response.Close();
            }
        });
        try
        {
            var client = WalmartApiClient.Create(Kit.Options(o => o.BaseAddress = new Uri($"http://127.0.0.1:{port}")), clock);
            var orders = new List<WalmartOrder>();
            await foreach (var page in client.GetOrdersAsync(new WalmartOrderQuery(), cts.Token)) orders.AddRange(page.Orders);

            Assert.Equal(10, orders.Count);
            lock (targets)
            {
                Assert.Equal("/v3/token", targets[0]);
                Assert.Equal(targets[1], targets[2]); // the 429'd first page, retried
                Assert.Equal("/v3/orders" + Cursor, targets[^1]);
                Assert.Equal(4, targets.Count);
            }
        }
        finally
        {
            await cts.CancelAsync();
            listener.Stop();
            await server;
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
