using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using OrderCore.Adapters.Walmart.Orders;

namespace OrderCore.Adapters.Walmart.Tests.Support;

public static class Kit
{
    /// <summary>2019-09-14T13:09:31Z: the creation time of purchase order 1796277083022 in the spec examples.</summary>
    public static Instant Po1796277083022Created { get; } = Instant.FromUnixTimeMilliseconds(1568466571000);

    public static WalmartOptions Options(Action<WalmartOptions>? change = null)
    {
        var o = new WalmartOptions
        {
            ClientId = FakeWalmartServer.ClientId,
            ClientSecret = FakeWalmartServer.ClientSecret,
            ServiceName = "OrderCore Tests",
            BaseAddress = new Uri("https://marketplace.walmartapis.test"),
            Owner = "acme",
            Account = "walmart-us",
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxThrottleWait = TimeSpan.FromSeconds(5),
        };
        o.ShipNodes["10001"] = "WH-1";
        change?.Invoke(o);
        return o;
    }

    public static WalmartOrderMapper Mapper(Action<WalmartOptions>? change = null) => new(Microsoft.Extensions.Options.Options.Create(Options(change)));

    public static (WalmartApiClient Client, FakeWalmartServer Server, FakeClock Clock) Client(Instant? now = null, Action<WalmartOptions>? change = null, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var clock = new FakeClock(now ?? Instant.FromUtc(2019, 9, 20, 12, 0));
        var server = new FakeWalmartServer(clock);
        return (WalmartApiClient.Create(Options(change), clock, server, logger), server, clock);
    }

    public static WalmartOrder Single(string folder, string file, WalmartShipNodeType type = WalmartShipNodeType.SellerFulfilled)
        => Mapper().ParseSingle(SharedData.ReadExample(folder, file), type);
}
