using System.Text.Json.Nodes;
using OrderCore.Adapters.Shopify.Import;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Tests.Orders;

/// <summary>Importing real Shopify orders into OrderCore: SKU resolution, exceptions, versions by <c>updated_at</c>.</summary>
public sealed class OrderImportTests
{
    [SharedDataFact]
    public async Task EveryMappableExampleOrder_Imports_AndCustomLinesBecomeUnmappedSkuExceptions()
    {
        await using var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        foreach (var (file, _, json) in SharedData.ExampleOrders())
        {
            if (file is "order__test_3.json" or "order__test_7.json") continue; // partial field selections: rejected (see mapping tests)
            var result = await kit.Importer.ImportOrderJsonAsync(SharedData.Bytes(json));
            Assert.Equal(json.GetProperty("line_items").GetArrayLength(), result.Order.Lines.Count);
            if (file == "order__test_24.json")
            {
                // Three custom line items with neither SKU nor variant: one UnmappedSku entry each.
                Assert.Equal(3, result.Exceptions.Count(e => e.Reason == OrderExceptionReason.UnmappedSku));
            }
        }
        var orders = new List<Order>();
        await foreach (var o in kit.H.Orders.ListAsync()) orders.Add(o);
        // Order 450789469 appears in many files (one order at many versions) plus 10 distinct created orders.
        Assert.Equal(11, orders.Count);
        var o1001 = orders.Single(o => o.ExternalOrderId == "450789469");
        Assert.Equal(OrderStatus.Cancelled, o1001.Status); // a cancelled version was seen; later versions never revive it
    }

    [SharedDataFact]
    public async Task UpdatedAt_OrdersVersions_OlderIsIgnored_AndACancelledOrderIsNeverRevived()
    {
        await using var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        var v1130_48 = Payloads.Bytes(Payloads.Order("order__test_26.json")); // updated 11:30:48
        var v1131_18 = Payloads.Bytes(Payloads.Order("order__test_25.json")); // updated 11:31:18
        var cancelled = Payloads.Bytes(Payloads.Order("order__test_13.json")); // cancelled, updated 11:31:25
        var later = Payloads.Bytes(Payloads.Order("order__test_28.json")); // not cancelled, updated 11:31:42

        Assert.Equal(IntakeOutcome.Created, (await kit.Importer.ImportOrderJsonAsync(v1131_18)).Outcome);
        Assert.Equal(IntakeOutcome.Unchanged, (await kit.Importer.ImportOrderJsonAsync(v1131_18)).Outcome);
        Assert.Equal(IntakeOutcome.IgnoredOlder, (await kit.Importer.ImportOrderJsonAsync(v1130_48)).Outcome);
        var c = await kit.Importer.ImportOrderJsonAsync(cancelled);
        Assert.Equal(IntakeOutcome.Updated, c.Outcome);
        Assert.Equal(OrderStatus.Cancelled, c.Order.Status);
        var l = await kit.Importer.ImportOrderJsonAsync(later);
        Assert.Equal(IntakeOutcome.IgnoredClosed, l.Outcome);
        Assert.Equal(OrderStatus.Cancelled, l.Order.Status);
    }

    [SharedDataFact]
    public async Task LineWithoutSku_MapsByVariantIdThroughTheListing()
    {
        await using var kit = ShopifyKit.Create();
        await kit.H.AddProductAsync("MERCHANT-IPOD-BLACK");
        await kit.ListVariantAsync(447654529, "MERCHANT-IPOD-BLACK");
        var order = Payloads.Order("order__test_20.json");
        order["line_items"]![0]!["sku"] = null;

        var result = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(order));

        Assert.DoesNotContain(result.Exceptions, e => e.Reason == OrderExceptionReason.UnmappedSku);
        Assert.Equal("MERCHANT-IPOD-BLACK", result.Order.Lines[0].Sku!.Value.Value);
        Assert.Equal("447654529", result.Order.Lines[0].ExternalSku);
    }

    [SharedDataFact]
    public async Task LineWhoseSkuIsUnlisted_FallsBackToTheVariantListing()
    {
        await using var kit = ShopifyKit.Create();
        await kit.H.AddProductAsync("MERCHANT-IPOD-BLACK");
        await kit.ListVariantAsync(447654529, "MERCHANT-IPOD-BLACK", pack: 2);

        var result = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order("order__test_20.json"))); // sku IPOD2009BLACK: no product, no listing

        Assert.Equal("MERCHANT-IPOD-BLACK", result.Order.Lines[0].Sku!.Value.Value);
        Assert.Equal(2, result.Order.Lines[0].BaseUnits);
    }

    [SharedDataFact]
    public async Task LineWithNeitherListedSkuNorVariant_IsAnUnmappedSkuException()
    {
        await using var kit = ShopifyKit.Create();
        var order = Payloads.Order("order__test_20.json");
        order["line_items"]![0]!["sku"] = "";

        var result = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(order));

        var entry = Assert.Single(result.Exceptions, e => e.Reason == OrderExceptionReason.UnmappedSku);
        Assert.Equal("lines[0].sku", entry.Field);
        Assert.Contains("447654529", entry.Detail, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task OrderWithoutShippingAddress_IsAMissingAddressException_WithItsSkuResolved()
    {
        await using var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        var result = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order("order__test_20.json")));
        Assert.Equal("IPOD2009BLACK", result.Order.Lines[0].Sku!.Value.Value);
        Assert.Contains(result.Exceptions, e => e.Reason == OrderExceptionReason.MissingAddress && e.Field == "ship_to");
    }

    [SharedDataFact]
    public async Task Order1001_ImportsWithItsAddressAndOneOpenLine()
    {
        await using var kit = ShopifyKit.Create();
        await kit.SeedIpodsAsync();
        var result = await kit.Importer.ImportOrderJsonAsync(Payloads.Bytes(Payloads.Order("order__test_1.json")));

        Assert.Equal(IntakeOutcome.Created, result.Outcome);
        Assert.Empty(result.Exceptions);
        Assert.Equal([OrderLineStatus.Cancelled, OrderLineStatus.Open, OrderLineStatus.Cancelled], result.Order.Lines.Select(l => l.Status));
        Assert.Equal(199.00m, result.Order.Lines[1].Amount!.Value.Amount);
        var refund = Assert.Single(result.Refunds);
        Assert.Equal((509562969L, ShopifyRefundOutcome.RecordedWithOrder), (refund.RefundId, refund.Outcome));
        var allocated = await kit.H.Fulfilment.AllocateAsync(result.Order.Id);
        Assert.True(allocated.Allocated);
        Assert.Equal(1, (await kit.H.BalanceAsync("IPOD2008RED")).Reserved);
        Assert.Equal(0, (await kit.H.BalanceAsync("IPOD2008GREEN")).Reserved);
    }
}
