using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart.Returns;
using OrderCore.Adapters.Walmart.Tests.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Tests.Flow;

public sealed class ReturnsAndRegistrationTests
{
    [WalmartDataFact]
    public async Task GetReturnsAsync_MapsRmas_AndFollowsTheCursorExactly()
    {
        var (client, server, _) = Kit.Client();
        server.On(HttpMethod.Get, "/v3/returns", r => FakeWalmartServer.Json(HttpStatusCode.OK, r.PathAndQuery == "/v3/returns?sellerId=151&limit=10&offset=10"
            ? """{"meta":{"totalCount":40,"limit":10},"returnOrders":[]}"""
            : SharedData.ReadExample("returns", "getReturns__response200__example.json")));

        var pages = new List<WalmartReturnBatch>();
        await foreach (var page in client.GetReturnsAsync(new WalmartReturnQuery { Status = "COMPLETED", CreatedStart = Instant.FromUtc(2019, 2, 1, 0, 0) })) pages.Add(page);

        Assert.Equal(2, pages.Count);
        Assert.Equal("/v3/returns?status=COMPLETED&returnCreationStartDate=2019-02-01T00%3A00%3A00Z&limit=200", server.ApiRequests[0].PathAndQuery);
        Assert.Equal("/v3/returns?sellerId=151&limit=10&offset=10", server.ApiRequests[1].PathAndQuery);
        var rma = Assert.Single(pages[0].Returns);
        Assert.Empty(pages[0].Rejections);
        Assert.Equal("103738048909818825", rma.ReturnOrderId);
        Assert.Equal("1234567891234", rma.CustomerOrderId);
        Assert.Equal(Instant.FromUtc(2019, 2, 21, 1, 1, 8), rma.ReturnOrderDate);
        Assert.Equal(Instant.FromUtc(2019, 3, 23, 1, 1, 6), rma.ReturnByDate);
        Assert.Equal(("POST_DELIVERY", "REPLACEMENT", "IN_STORE"), (rma.RefundMode, rma.ReturnType, rma.ReturnChannel));
        Assert.Equal(new Money(127.45m, CurrencyCode.Usd), rma.TotalRefundAmount);
        var line = Assert.Single(rma.Lines);
        Assert.Equal((1, "4790210558890", "1", "ANTL_GDL-0700", "ARRIVED_LATE"), (line.ReturnOrderLineNumber, line.PurchaseOrderId, line.PurchaseOrderLineNumber, line.Sku, line.Reason));
        Assert.Equal((3, 1), (line.Quantity, line.RefundedQuantity));
        Assert.Equal(new Money(119.95m, CurrencyCode.Usd), line.UnitPrice);
        Assert.Equal(new Money(127.45m, CurrencyCode.Usd), line.RefundAmount);
        Assert.Equal(new Money(7.5m, CurrencyCode.Usd), line.TaxAmount);
        Assert.Equal(("COMPLETED", "NOT_SHIPPED", "REFUND_INITIATED"), (line.Status, line.CurrentDeliveryStatus, line.CurrentRefundStatus));
        Assert.True(line.IsReturnForException);
        Assert.Equal(OrderIntake.IdFor(Kit.Mapper().ParseSingle("""{"order":{"purchaseOrderId":"4790210558890","customerOrderId":"1","orderDate":1,"orderLines":{"orderLine":[{"lineNumber":"1","item":{"sku":"S"},"orderLineQuantity":{"amount":"1"},"orderLineStatuses":{"orderLineStatus":[{"status":"Created","statusQuantity":{"amount":"1"}}]}}]}}}""").ChannelOrder), line.OrderId);
        var label = Assert.Single(rma.Tracking);
        Assert.Equal(("FEDEX", "FedEx Ground", "785611449666"), (label.Carrier, label.ServiceType, label.TrackingNumber));
        Assert.Equal([1], label.ReturnOrderLineNumbers);
    }

    [Fact]
    public void ReturnMapper_BadQuantity_RejectsThatReturnNamingTheField()
    {
        var batch = new WalmartReturnMapper(Options.Create(Kit.Options())).Parse("""
            {"meta":{"totalCount":2},"returnOrders":[
              {"returnOrderId":"R1","customerOrderId":"C1","returnOrderLines":[{"returnOrderLineNumber":1,"purchaseOrderId":"P1","item":{"sku":"S"},"quantity":{"measurementValue":1.5}}]},
              {"returnOrderId":"R2","customerOrderId":"C2","returnOrderLines":[{"returnOrderLineNumber":1,"purchaseOrderId":"P2","item":{"sku":"S"},"quantity":{"measurementValue":2}}]}]}
            """);

        Assert.Equal("R2", Assert.Single(batch.Returns).ReturnOrderId);
        Assert.Equal("returnOrders[0].returnOrderLines[0].quantity.measurementValue", Assert.Single(batch.Rejections).Field);
    }

    [Fact]
    public void AddWalmart_ValidatesOptionsOnFirstUse()
    {
        var services = new ServiceCollection();
        services.AddOrderCore().AddWalmart(o =>
        {
            o.ClientSecret = "";
            o.ShipNodes["10001"] = " ";
            o.PageSize = 500;
        });
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<WalmartOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("ClientId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ClientSecret", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ShipNodes['10001']", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("PageSize", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("ServiceName", StringComparison.Ordinal));
    }

    [WalmartDataFact]
    public async Task AddWalmart_TwiceIsHarmless_AndTheTypedClientRunsThroughTheResilienceHandler()
    {
        await using var h = WalmartHarness.Create(Kit.Po1796277083022Created);
        h.Server.OnJson(HttpMethod.Get, "/v3/orders/1815367951431", SharedData.ReadExample("orders", "getAnOrder__response200__ORDER.json"));
        h.Server.Inject(r => r.Path == "/v3/orders/1815367951431", _ => h.Server.TooManyRequests(Duration.FromMilliseconds(5)));

        var order = await h.Get<WalmartApiClient>().GetOrderAsync("1815367951431");

        Assert.Equal("1815367951431", order.PurchaseOrderId);
        Assert.Equal(2, h.Server.ApiRequests.Count);
        var services = new ServiceCollection();
        services.AddOrderCore().AddWalmart(o => o.ClientId = "a").AddWalmart(o => o.ClientSecret = "b");
        Assert.Single(services, d => d.ServiceType == WalmartOrderCoreMarkerProbe.Type);
        using var sp = services.BuildServiceProvider();
        Assert.Equal(("a", "b"), (sp.GetRequiredService<IOptions<WalmartOptions>>().Value.ClientId, sp.GetRequiredService<IOptions<WalmartOptions>>().Value.ClientSecret));
    }
}

internal static class WalmartOrderCoreMarkerProbe
{
    public static Type Type { get; } = typeof(WalmartOrderCoreBuilderExtensions).GetNestedType("WalmartMarker", System.Reflection.BindingFlags.NonPublic)!;
}
