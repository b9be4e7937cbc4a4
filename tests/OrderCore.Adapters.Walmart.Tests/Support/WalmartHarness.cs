using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OrderCore.Adapters.Walmart.Intake;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbox;
using OrderCore.Adapters.Walmart.Sla;
using OrderCore.Ports;
using OrderCore.Testing;

namespace OrderCore.Adapters.Walmart.Tests.Support;

/// <summary>OrderCore with the Walmart adapter registered through <c>AddWalmart</c>, in-memory stores, a fake clock and the fake Walmart as the HTTP transport.</summary>
public sealed class WalmartHarness : IAsyncDisposable
{
    private sealed class ClockProxy : IClock
    {
        public IClock? Inner { get; set; }

        public Instant GetCurrentInstant() => Inner!.GetCurrentInstant();
    }

    private WalmartHarness(OrderCoreHarness core, FakeWalmartServer server)
    {
        Core = core;
        Server = server;
    }

    public OrderCoreHarness Core { get; }

    public FakeWalmartServer Server { get; }

    public IServiceProvider Services => Core.Services;

    public T Get<T>() where T : notnull => Core.Services.GetRequiredService<T>();

    public WalmartOrderMapper Mapper => Get<WalmartOrderMapper>();

    public WalmartOrderImporter Importer => Get<WalmartOrderImporter>();

    public WalmartOutbox Outbox => Get<WalmartOutbox>();

    public WalmartSlaMonitor Sla => Get<WalmartSlaMonitor>();

    public WalmartOutboxDispatcher Dispatcher => Get<WalmartOutboxDispatcher>();

    public IOutboxStore OutboxStore => Get<IOutboxStore>();

    public static WalmartHarness Create(Instant start, Action<WalmartOptions>? configure = null)
    {
        var proxy = new ClockProxy();
        var server = new FakeWalmartServer(proxy);
        var core = OrderCoreHarness.Create(o =>
        {
            o.Start = start;
            o.ConfigureServices = services =>
            {
                services.AddOrderCore().AddWalmart(w =>
                {
                    var defaults = Kit.Options(configure);
                    foreach (var p in typeof(WalmartOptions).GetProperties().Where(p => p.CanWrite)) p.SetValue(w, p.GetValue(defaults));
                });
                services.AddHttpClient<WalmartApiClient>().ConfigurePrimaryHttpMessageHandler(() => server);
            };
        });
        proxy.Inner = core.Clock;
        return new WalmartHarness(core, server);
    }

    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(string? kind = null)
        => (await OutboxStore.GetPendingAsync(1000)).Where(m => kind is null || m.Kind == kind).ToArray();

    public async ValueTask DisposeAsync() => await Core.DisposeAsync();
}
