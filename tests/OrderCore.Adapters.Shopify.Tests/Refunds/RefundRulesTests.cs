using System.Text.Json.Nodes;
using OrderCore.Adapters.Shopify.Import;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Adapters.Shopify.Refunds;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Adapters.Shopify.Webhooks;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Tests.Refunds;

/// <summary>Refund lines per restock type, applied through the core, on the real order 1001 and refund 509562969.</summary>
public sealed class RefundRulesTests
{
    /// <summary>Order 1001 before its refund, imported and allocated (3 units reserved at WH-1).</summary>
    private static async Task<(ShopifyKit Kit, Order Order)> AllocatedOrder1001Async()
    {
        var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        var imported = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order1001BeforeRefund()));
        var allocated = await kit.H.Fulfilment.AllocateAsync(imported.Order.Id);
        Assert.True(allocated.Allocated);
        return (kit, allocated.Order);
    }

    private static JsonObject RefundOf(long lineItemId, int quantity, string restockType, long? locationId = 487838322, long id = 777, string amount = "10.00")
        => new()
        {
            ["id"] = id,
            ["order_id"] = 450789469,
            ["created_at"] = "2025-07-02T12:00:00-05:00",
            ["refund_line_items"] = new JsonArray(new JsonObject
            {
                ["line_item_id"] = lineItemId,
                ["quantity"] = quantity,
                ["restock_type"] = restockType,
                ["location_id"] = locationId,
            }),
            ["transactions"] = new JsonArray(new JsonObject { ["kind"] = "refund", ["status"] = "success", ["amount"] = amount, ["currency"] = "USD" }),
        };

    [SharedDataFact]
    public async Task LegacyRestockOnUnfulfilledUnits_CancelsTheLines_AndReleasesTheirReservation()
    {
        var (kit, order) = await AllocatedOrder1001Async();
        await using var _ = kit;

        // refund__test_4: refund 509562969, legacy_restock of 1 × IPOD2008BLACK (703073504) and 1 × IPOD2008GREEN (466157049) at 487838322.
        var result = await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(Payloads.Refund("refund__test_4.json")));

        Assert.Equal(ShopifyRefundOutcome.Applied, result.Outcome);
        Assert.Equal([(703073504L, 1, 0), (466157049L, 1, 0)], result.Lines.Select(l => (l.LineItemId, l.Released, l.ExpectedReturn)));
        Assert.All(result.Lines, l => Assert.Equal(ShopifyKit.Warehouse, l.Location));
        Assert.Null(result.ExpectedReturn);
        Assert.Equal(new Money(209.00m, CurrencyCode.Usd), result.Refunded);
        var stored = await kit.H.GetOrderAsync(order.Id);
        Assert.Equal([OrderLineStatus.Cancelled, OrderLineStatus.Open, OrderLineStatus.Cancelled], stored.Lines.Select(l => l.Status));
        Assert.Equal(OrderStatus.Allocated, stored.Status);
        Assert.Equal(0, (await kit.H.BalanceAsync("IPOD2008BLACK")).Reserved);
        Assert.Equal(0, (await kit.H.BalanceAsync("IPOD2008GREEN")).Reserved);
        Assert.Equal(1, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);

        // The same refund again (by webhook or inside the order payload) changes nothing.
        Assert.Equal(ShopifyRefundOutcome.Duplicate, (await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(Payloads.Refund("refund__test_1.json")))).Outcome);
        var update = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order("order__test_1.json").Also(o => o["updated_at"] = "2025-07-02T12:30:00-05:00")));
        Assert.Equal(ShopifyRefundOutcome.Duplicate, Assert.Single(update.Refunds).Outcome);
        Assert.Equal(1, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);
        Assert.Empty(await kit.H.VerifyLedgerAsync());
    }

    [SharedDataFact]
    public async Task RefundInsideAnOrderPayload_IsAppliedOnce_AgainstTheStoredOrder()
    {
        var (kit, order) = await AllocatedOrder1001Async();
        await using var _ = kit;

        // orders/updated after the refund: current_quantity 0 on green and black, refunds[] lists 509562969.
        var update = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order("order__test_25.json")));

        Assert.Equal(IntakeOutcome.Updated, update.Outcome);
        var refund = Assert.Single(update.Refunds);
        Assert.Equal(ShopifyRefundOutcome.Applied, refund.Outcome);
        Assert.Equal(2, refund.Lines.Sum(l => l.Released));
        Assert.Equal([OrderLineStatus.Cancelled, OrderLineStatus.Open, OrderLineStatus.Cancelled], update.Order.Lines.Select(l => l.Status));
        Assert.Equal(1, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);
        Assert.Equal(0, (await kit.H.BalanceAsync("IPOD2008GREEN")).Reserved);
        // The refunds/create webhook of the same refund arrives late: duplicate.
        var late = await kit.Webhooks.ProcessAsync(kit.Webhook("refunds/create", Payloads.Bytes(Payloads.Refund("refund__test_4.json")), "evt-refund"));
        Assert.Equal(ShopifyRefundOutcome.Duplicate, late.Refund!.Outcome);
    }

    [SharedDataFact]
    public async Task PartialCancel_ReleasesOnlyTheNamedUnits_AndTheLaterOrderPayloadDoesNotCountThemTwice()
    {
        await using var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        var before = Payloads.Order1001BeforeRefund();
        before["line_items"]![1]!["quantity"] = 3; // 3 × IPOD2008RED
        before["line_items"]![1]!["current_quantity"] = 3;
        var imported = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(before));
        Assert.True((await kit.H.Fulfilment.AllocateAsync(imported.Order.Id)).Allocated);
        Assert.Equal(3, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);

        var refund = await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(RefundOf(518995019, 1, "cancel")));

        Assert.Equal(1, Assert.Single(refund.Lines).Released);
        var stored = await kit.H.GetOrderAsync(imported.Order.Id);
        Assert.Equal(2, stored.Lines[1].Quantity);
        Assert.Equal(OrderLineStatus.Open, stored.Lines[1].Status);
        Assert.Equal(2, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);

        // Shopify's orders/updated now says current_quantity 2 and lists refund 777: it is not applied again.
        var after = before.DeepClone().AsObject();
        after["line_items"]![1]!["current_quantity"] = 2;
        after["updated_at"] = "2025-07-02T12:05:00-05:00";
        after["refunds"] = new JsonArray(RefundOf(518995019, 1, "cancel"));
        var update = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(after));
        Assert.Equal(ShopifyRefundOutcome.Duplicate, Assert.Single(update.Refunds).Outcome);
        Assert.Equal(2, (await kit.H.GetOrderAsync(imported.Order.Id)).Lines[1].Quantity);
        Assert.Equal(2, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);
        Assert.Empty(await kit.H.VerifyLedgerAsync());
    }

    [SharedDataFact]
    public async Task NoRestockOnUnfulfilledUnits_AlsoReleasesTheReservation()
    {
        var (kit, order) = await AllocatedOrder1001Async();
        await using var _ = kit;
        var refund = await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(RefundOf(518995019, 1, "no_restock", locationId: null)));
        Assert.Equal(1, Assert.Single(refund.Lines).Released);
        Assert.Equal(0, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);
        Assert.Equal(OrderLineStatus.Cancelled, (await kit.H.GetOrderAsync(order.Id)).Lines[1].Status);
    }

    [SharedDataFact]
    public async Task ReturnOnShippedUnits_AnnouncesAnExpectedReturnAtTheMappedLocation()
    {
        var (kit, order) = await AllocatedOrder1001Async();
        await using var _ = kit;
        await kit.H.Fulfilment.ReleaseToFloorAsync(order.Id);
        await kit.H.Fulfilment.ShipAsync(order.Id, "shipment-1");
        kit.H.ClearEvents();

        var refund = await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(RefundOf(518995019, 1, "return", locationId: 655441491, amount: "41.94")));

        var effect = Assert.Single(refund.Lines);
        Assert.Equal((0, 1, 0), (effect.Released, effect.ExpectedReturn, effect.RefundOnly));
        var expected = refund.ExpectedReturn!;
        var line = Assert.Single(expected.Lines);
        Assert.Equal((518995019L, 1, 1, (long?)655441491, (LocationId?)ShopifyKit.SecondWarehouse), (line.LineItemId, line.Quantity, line.BaseUnits, line.ShopifyLocationId, line.Location));
        Assert.Equal("IPOD2008RED", line.Sku!.Value.Value);
        Assert.Equal(new Money(41.94m, CurrencyCode.Usd), expected.Refunded);
        Assert.Equal(expected, Assert.Single(kit.H.PublishedEventsOf<ShopifyReturnExpected>()).Return);
        Assert.Equal(OrderStatus.Shipped, (await kit.H.GetOrderAsync(order.Id)).Status); // the RMA, not the refund, receives the units
    }

    [SharedDataFact]
    public async Task NoRestockOnShippedUnits_IsRefundOnly_NoReturnExpected()
    {
        var (kit, order) = await AllocatedOrder1001Async();
        await using var _ = kit;
        await kit.H.Fulfilment.ReleaseToFloorAsync(order.Id);
        await kit.H.Fulfilment.ShipAsync(order.Id, "shipment-1");

        var refund = await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(Payloads.Refund("refund__test_2.json"))); // no_restock 1 × 518995019, 41.94 refunded

        var effect = Assert.Single(refund.Lines);
        Assert.Equal((0, 0, 1), (effect.Released, effect.ExpectedReturn, effect.RefundOnly));
        Assert.Null(refund.ExpectedReturn);
        Assert.Equal(new Money(41.94m, CurrencyCode.Usd), refund.Refunded);
        Assert.Empty(kit.H.PublishedEventsOf<ShopifyReturnExpected>());
    }

    [Fact]
    public void Planner_CancelTakesUnfulfilledUnitsFirst_LegacyRestockThenReturnsShippedOnes()
    {
        var refund = new ShopifyRefund(1, 2, null,
        [
            new ShopifyRefundLine(10, 3, ShopifyRestockType.Cancel, null, null, null, null, null),
            new ShopifyRefundLine(11, 3, ShopifyRestockType.LegacyRestock, 487838322, null, null, null, null),
            new ShopifyRefundLine(12, 2, ShopifyRestockType.Return, 999, null, null, null, null),
            new ShopifyRefundLine(12, 2, ShopifyRestockType.Return, 999, null, null, null, null),
        ], null, null);
        var units = new Dictionary<long, ShopifyLineUnits> { [10] = new(2, 5), [11] = new(1, 4), [12] = new(0, 3) };

        var plan = ShopifyRefundPlanner.Plan(refund, id => units[id], id => id == 487838322 ? ShopifyKit.Warehouse : null);

        Assert.Equal((2, 0, 1, 0), (plan[0].Released, plan[0].ExpectedReturn, plan[0].RefundOnly, plan[0].AlreadyGone)); // never shipped units first
        Assert.Equal((1, 2, 0), (plan[1].Released, plan[1].ExpectedReturn, plan[1].RefundOnly));
        Assert.Equal(ShopifyKit.Warehouse, plan[1].Location);
        Assert.Equal((0, 2, 0), (plan[2].Released, plan[2].ExpectedReturn, plan[2].AlreadyGone));
        Assert.Equal((0, 1, 1), (plan[3].Released, plan[3].ExpectedReturn, plan[3].AlreadyGone)); // only 3 shipped in all
        Assert.Null(plan[2].Location); // unmapped Shopify location
    }

    [SharedDataFact]
    public async Task RefundBeforeItsOrder_IsDeferred_ThenRecordedWithTheOrder()
    {
        await using var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        var early = await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(Payloads.Refund("refund__test_4.json")));
        Assert.Equal(ShopifyRefundOutcome.OrderUnknown, early.Outcome);

        var order = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order("order__test_1.json")));
        Assert.Equal(ShopifyRefundOutcome.RecordedWithOrder, Assert.Single(order.Refunds).Outcome);
        Assert.Equal(ShopifyRefundOutcome.Duplicate, (await kit.Importer.ApplyRefundJsonAsync(Payloads.Bytes(Payloads.Refund("refund__test_4.json")))).Outcome);
    }

    [SharedDataFact]
    public async Task OrdersCancelled_CancelsTheOrderAndReleasesEverything()
    {
        var (kit, order) = await AllocatedOrder1001Async();
        await using var _ = kit;

        // order__test_14: cancelled at 11:31:21 with a no_restock refund of all three lines.
        var result = await kit.Webhooks.ProcessAsync(kit.Webhook("orders/cancelled", Payloads.Bytes(Payloads.Order("order__test_14.json")), "evt-cancel"));

        Assert.Equal(ShopifyWebhookOutcome.Applied, result.Outcome);
        Assert.Equal(OrderStatus.Cancelled, result.Order!.Order.Status);
        foreach (var sku in new[] { "IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK" }) Assert.Equal(0, (await kit.H.BalanceAsync(sku)).Reserved);
        Assert.Empty(await kit.H.VerifyLedgerAsync());
    }
}

internal static class JsonNodeExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
