using System.Net;
using NodaTime;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbox;
using OrderCore.Adapters.Walmart.Sla;
using OrderCore.Adapters.Walmart.Tests.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Tests.Flow;

/// <summary>Orders in, accepted by OrderCore, acknowledged through the outbox; the SLA clock as a queryable view.</summary>
public sealed class ImportAndAcknowledgeTests
{
    private static readonly Instant Created = Kit.Po1796277083022Created;

    [WalmartDataFact]
    public async Task Import_AcceptedOrder_EnqueuesOneAcknowledgement_ThatTheDispatcherDelivers()
    {
        await using var h = WalmartHarness.Create(Created + Duration.FromHours(1));
        await h.Core.AddProductAsync("test1");
        var page = h.Mapper.Parse(SharedData.ReadExample("orders", "getAllOrders__response200__example.json"));

        var results = await h.Importer.ImportAsync(page);

        var created = results.Single(r => r.Order.PurchaseOrderId == "1796277083022");
        Assert.Equal(IntakeOutcome.Created, created.Outcome);
        Assert.True(created.Accepted);
        Assert.Equal(WalmartEnqueueOutcome.Enqueued, created.Acknowledgement!.Outcome);
        var cancelled = results.Single(r => r.Order.PurchaseOrderId == "3796235970012");
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.Acknowledgement);
        var ack = Assert.Single(await h.PendingAsync(WalmartChannel.AcknowledgeKind));
        Assert.Equal("1796277083022", ack.Key);

        // The same page again: duplicates, and still one acknowledgement.
        var again = await h.Importer.ImportAsync(page);
        Assert.All(again, r => Assert.True(r.Outcome is IntakeOutcome.Unchanged or IntakeOutcome.IgnoredClosed, $"{r.Order.PurchaseOrderId}: {r.Outcome}"));
        Assert.Equal(WalmartEnqueueOutcome.Duplicate, again.Single(r => r.Order.PurchaseOrderId == "1796277083022").Acknowledgement!.Outcome);
        Assert.Single(await h.PendingAsync(WalmartChannel.AcknowledgeKind));

        // Three and a half hours in, it is at risk.
        h.Core.Clock.Reset(Created + Duration.FromMinutes(210));
        var risk = Assert.Single(h.Sla.GetBreachRisks(), r => r.Kind == WalmartSlaKind.Acknowledgement);
        Assert.Equal(("1796277083022", WalmartSlaLevel.AtRisk, Created + Duration.FromHours(4), Duration.FromMinutes(30)), (risk.PurchaseOrderId, risk.Level, risk.Deadline, risk.Remaining));
        Assert.Equal(created.OrderId, risk.OrderId);
        Assert.Equal(["4"], risk.LineNumbers);

        h.Server.OnJson(HttpMethod.Post, "/v3/orders/1796277083022/acknowledge", SharedData.ReadExample("orders", "acknowledgeOrders__response200__example.json"));
        var report = await h.Dispatcher.DispatchPendingAsync();

        Assert.Equal(1, report.Delivered);
        Assert.Empty(await h.PendingAsync(WalmartChannel.AcknowledgeKind));
        Assert.Equal("/v3/orders/1796277083022/acknowledge", h.Server.ApiRequests.Single().Path);
        Assert.DoesNotContain(h.Sla.GetBreachRisks(includeOnTrack: true), r => r.Kind == WalmartSlaKind.Acknowledgement);
        Assert.Contains(h.Sla.GetBreachRisks(includeOnTrack: true), r => r.Kind == WalmartSlaKind.AutoCancel && r.PurchaseOrderId == "1796277083022");
    }

    [WalmartDataFact]
    public async Task Import_UnmappedSku_GoesToTheExceptionQueue_IsNotAcknowledged_AndTurnsOverdue_UntilFixed()
    {
        await using var h = WalmartHarness.Create(Created + Duration.FromHours(1));
        var order = h.Mapper.ParseSingle(SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json"));

        var first = await h.Importer.ImportAsync(order);

        Assert.False(first.Accepted);
        var e = Assert.Single(first.Exceptions);
        Assert.Equal((OrderExceptionReason.UnmappedSku, "lines[0].sku"), (e.Reason, e.Field));
        Assert.Null(first.Acknowledgement);
        Assert.Empty(await h.PendingAsync());

        h.Core.Clock.Reset(Created + Duration.FromHours(5));
        var overdue = Assert.Single(h.Sla.GetBreachRisks(), r => r.Kind == WalmartSlaKind.Acknowledgement);
        Assert.Equal(WalmartSlaLevel.Overdue, overdue.Level);
        Assert.Equal(-Duration.FromHours(1), overdue.Remaining);

        // The SKU is added and the order re-driven; out of stock it is still accepted (allocation is not acceptance).
        await h.Core.AddProductAsync("test1");
        await h.Core.Exceptions.RedriveAsync(first.OrderId);
        var second = await h.Importer.ImportAsync(order);

        Assert.Equal(IntakeOutcome.Unchanged, second.Outcome);
        Assert.Contains(second.Exceptions, x => x.Reason == OrderExceptionReason.InsufficientInventory);
        Assert.True(second.Accepted);
        Assert.Equal(WalmartEnqueueOutcome.Enqueued, second.Acknowledgement!.Outcome);
    }

    [WalmartDataFact]
    public async Task Import_WfsOrders_AreMarketplaceFulfilled_NeverAcknowledged_AndHaveNoDeadline()
    {
        await using var h = WalmartHarness.Create(Instant.FromUtc(2019, 10, 24, 8, 0));
        foreach (var sku in new[] { "StressTestHome_29", "StressTestHome_55", "StressTestHome_13", "StressTestHome_31", "StressTestHome_32" }) await h.Core.AddProductAsync(sku);
        var page = h.Mapper.Parse(SharedData.ReadExample("orders", "getAllReleasedOrders__response200__example.json"), WalmartShipNodeType.WalmartFulfilled);

        var results = await h.Importer.ImportAsync(page);

        Assert.Equal(10, results.Count);
        Assert.All(results, r =>
        {
            Assert.True(r.Accepted);
            Assert.Equal(WalmartEnqueueOutcome.NotApplicable, r.Acknowledgement!.Outcome);
        });
        var stored = await h.Core.GetOrderAsync(results[0].OrderId);
        Assert.Equal(FulfilmentChannel.Marketplace, stored.FulfilmentChannel);
        Assert.Empty(await h.PendingAsync());
        Assert.Empty(h.Sla.GetBreachRisks(includeOnTrack: true));
        var alloc = await h.Core.Fulfilment.AllocateAsync(results[0].OrderId);
        Assert.Null(alloc.Decision); // no local reservation for WFS
    }

    [WalmartDataFact]
    public async Task Dispatch_WhenWalmartKeepsThrottling_RecordsTheFailure_AndDefersTheRest()
    {
        await using var h = WalmartHarness.Create(Created + Duration.FromHours(1));
        await h.Core.AddProductAsync("test1");
        await h.Core.AddProductsAsync("TEST-02", "AC004");
        var order = h.Mapper.ParseSingle(SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json"));
        await h.Importer.ImportAsync(order);
        await h.Outbox.EnqueueCancellationAsync(order, new Outbound.WalmartCancellation([new Outbound.WalmartLineQuantity("4", 1)], Outbound.WalmartCancellationReason.CustomerRequestedSellerToCancel));
        h.Server.On(HttpMethod.Post, "/v3/orders/1796277083022/acknowledge", _ => h.Server.TooManyRequests(Duration.FromMilliseconds(5)));

        var report = await h.Dispatcher.DispatchPendingAsync();

        Assert.Equal((0, 1, 1), (report.Delivered, report.Failed, report.Deferred));
        var failure = Assert.Single(report.Failures);
        Assert.NotNull(failure.CorrelationId);
        var pending = await h.PendingAsync();
        Assert.Equal(2, pending.Count);
        Assert.Equal(1, pending[0].Attempts);
        Assert.Contains("throttled", pending[0].LastError);
        Assert.DoesNotContain(h.Server.ApiRequests, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_NeverSendsAnAcknowledgementShipmentOrCancellationOfAWfsOrder()
    {
        await using var h = WalmartHarness.Create(Created);
        await h.OutboxStore.EnqueueAsync(new OrderCore.Ports.OutboxMessage(0, WalmartChannel.ShipKind, WalmartChannel.Id, ChannelAccountId.From("walmart-us"), "P-WFS", 0,
            """{"operation":"shipping","purchaseOrderId":"P-WFS","shipNodeType":"WFSFulfilled","lineNumbers":["1"],"body":"{}"}""", Created));

        var report = await h.Dispatcher.DispatchPendingAsync();

        Assert.Equal(1, report.Failed);
        Assert.Contains("WFS", report.Failures[0].Error);
        Assert.Empty(h.Server.ApiRequests);
    }

    [Fact]
    public void SlaMonitor_KeepsTheNewestPayload_AndForgetsWhatIsDone()
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2023, 11, 14, 22, 0));
        var sla = new WalmartSlaMonitor(clock, Microsoft.Extensions.Options.Options.Create(Kit.Options()));
        var mapper = Kit.Mapper();
        static string Order(string status, long statusDate) => """{"order":{"purchaseOrderId":"P1","customerOrderId":"C1","orderDate":1700000000000,"orderLines":{"orderLine":[{"lineNumber":"1","item":{"sku":"S1"},"orderLineQuantity":{"amount":"1"},"statusDate":STATUSDATE,"orderLineStatuses":{"orderLineStatus":[{"status":"STATUS","statusQuantity":{"amount":"1"}}]}}]}}}""".Replace("STATUSDATE", statusDate.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("STATUS", status, StringComparison.Ordinal);

        sla.Track(mapper.ParseSingle(Order("Acknowledged", 1700000200000)));
        sla.Track(mapper.ParseSingle(Order("Created", 1700000100000))); // older payload: ignored

        var all = sla.GetBreachRisks(includeOnTrack: true);
        Assert.Equal([WalmartSlaKind.AutoCancel], all.Select(r => r.Kind));
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1700000000000) + Duration.FromDays(30), all[0].Deadline);

        clock.Reset(Instant.FromUnixTimeMilliseconds(1700000000000) + Duration.FromDays(28));
        Assert.Equal(WalmartSlaLevel.AtRisk, Assert.Single(sla.GetBreachRisks()).Level);

        sla.Track(mapper.ParseSingle(Order("Shipped", 1700000300000)));
        Assert.Equal(0, sla.Count);
    }
}
