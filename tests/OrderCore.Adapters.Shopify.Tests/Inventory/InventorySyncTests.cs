using System.Net;
using OrderCore.Adapters.Shopify.Fulfilment;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Testing;

namespace OrderCore.Adapters.Shopify.Tests.Inventory;

/// <summary>Stock pushes through inventorySetQuantities: changeFromQuantity, stale re-read and retry, idempotency key, sequence.</summary>
public sealed class InventorySyncTests
{
    private const string GraphQl = "/admin/api/2026-07/graphql.json";
    private const string Cost = "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1990,\"restoreRate\":100.0}}}";

    private static string Available(int q) => "{\"data\":{\"inventoryItem\":{\"inventoryLevel\":{\"quantities\":[{\"name\":\"available\",\"quantity\":" + q + "}]}}}," + Cost + "}";

    private const string Stale = "{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":null,\"userErrors\":[{\"code\":\"CHANGE_FROM_QUANTITY_STALE\",\"field\":[\"input\",\"quantities\",\"0\",\"changeFromQuantity\"],\"message\":\"The changeFromQuantity is stale.\"}]}}," + Cost + "}";

    private const string Applied = "{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":{\"id\":\"gid://shopify/InventoryAdjustmentGroup/1\"},\"userErrors\":[]}}," + Cost + "}";

    [Fact]
    public async Task StalePush_ReReadsShopifysQuantity_AndRetriesWithANewIdempotencyKey()
    {
        await using var host = ShopifyHost.Create();
        host.Fake.On("POST", GraphQl, r => FakeShopify.Response(HttpStatusCode.OK,
            r.Body!.Contains("inventoryItem(id:", StringComparison.Ordinal)
                ? Available(host.Fake.Requests.Count(x => x.Body!.Contains("inventoryItem(id:", StringComparison.Ordinal)) == 1 ? 5 : 7)
                : host.Fake.Requests.Count(x => x.Body!.Contains("inventorySetQuantities", StringComparison.Ordinal)) == 1 ? Stale : Applied));

        await host.Outbox.EnqueueStockAsync(Sku.From("IPOD2008RED"), 808950810, TestIds.SecondWarehouse, 6);
        var report = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(new ShopifyDispatchReport(1, 0, 0, 1), report);
        var sets = host.Fake.Requests.Where(r => r.Body!.Contains("inventorySetQuantities", StringComparison.Ordinal)).Select(r => r.Json).ToArray();
        Assert.Equal(2, sets.Length);
        Assert.Contains("@idempotent(key: $idempotencyKey)", sets[0].GetProperty("query").GetString(), StringComparison.Ordinal);
        var q0 = sets[0].GetProperty("variables").GetProperty("input").GetProperty("quantities")[0];
        var q1 = sets[1].GetProperty("variables").GetProperty("input").GetProperty("quantities")[0];
        Assert.Equal((6, 5), (q0.GetProperty("quantity").GetInt32(), q0.GetProperty("changeFromQuantity").GetInt32()));
        Assert.Equal((6, 7), (q1.GetProperty("quantity").GetInt32(), q1.GetProperty("changeFromQuantity").GetInt32()));
        Assert.Equal("gid://shopify/InventoryItem/808950810", q0.GetProperty("inventoryItemId").GetString());
        Assert.Equal("gid://shopify/Location/655441491", q0.GetProperty("locationId").GetString()); // WH-2 ↔ 655441491
        Assert.Equal("available", sets[0].GetProperty("variables").GetProperty("input").GetProperty("name").GetString());
        var k0 = sets[0].GetProperty("variables").GetProperty("idempotencyKey").GetString();
        var k1 = sets[1].GetProperty("variables").GetProperty("idempotencyKey").GetString();
        Assert.True(Guid.TryParse(k0, out _));
        Assert.NotEqual(k0, k1); // another request (another changeFromQuantity) needs another key
        Assert.Empty(await host.OutboxStore.GetPendingAsync(10));
    }

    [Fact]
    public async Task OlderPushes_AreSupersededByTheNewestSequence_AndNeverSentAfterIt()
    {
        await using var host = ShopifyHost.Create();
        host.Fake.On("POST", GraphQl, r => FakeShopify.Response(HttpStatusCode.OK, r.Body!.Contains("inventoryItem(id:", StringComparison.Ordinal) ? Available(10) : Applied));
        var sku = Sku.From("IPOD2008RED");

        var m1 = await host.Outbox.EnqueueStockAsync(sku, 808950810, TestIds.SecondWarehouse, 10);
        var m2 = await host.Outbox.EnqueueStockAsync(sku, 808950810, TestIds.SecondWarehouse, 8);
        var m3 = await host.Outbox.EnqueueStockAsync(sku, 808950810, TestIds.SecondWarehouse, 6);
        Assert.Equal([1L, 2L, 3L], new[] { m1.Sequence, m2.Sequence, m3.Sequence });

        var report = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(new ShopifyDispatchReport(1, 2, 0, 0), report);
        var set = Assert.Single(host.Fake.Requests, r => r.Body!.Contains("inventorySetQuantities", StringComparison.Ordinal)).Json;
        Assert.Equal(6, set.GetProperty("variables").GetProperty("input").GetProperty("quantities")[0].GetProperty("quantity").GetInt32());
        Assert.EndsWith("/3", set.GetProperty("variables").GetProperty("input").GetProperty("referenceDocumentUri").GetString(), StringComparison.Ordinal);

        // The next push starts from the quantity just set (no re-read) and carries the next sequence.
        await host.Outbox.EnqueueStockAsync(sku, 808950810, TestIds.SecondWarehouse, 4);
        Assert.Equal(1, (await host.Dispatcher.DispatchPendingAsync()).Delivered);
        var last = host.Fake.Requests.Last().Json.GetProperty("variables").GetProperty("input").GetProperty("quantities")[0];
        Assert.Equal((4, 6), (last.GetProperty("quantity").GetInt32(), last.GetProperty("changeFromQuantity").GetInt32()));
        Assert.Single(host.Fake.Requests, r => r.Body!.Contains("inventoryItem(id:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaleBeyondTheRetries_FailsTheMessage_WhichStaysPending()
    {
        await using var host = ShopifyHost.Create(o => o.InventoryStaleRetries = 1);
        host.Fake.On("POST", GraphQl, r => FakeShopify.Response(HttpStatusCode.OK, r.Body!.Contains("inventoryItem(id:", StringComparison.Ordinal) ? Available(3) : Stale));

        await host.Outbox.EnqueueStockAsync(Sku.From("IPOD2008RED"), 808950810, TestIds.SecondWarehouse, 6);
        var report = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(1, report.Failed);
        Assert.Contains("CHANGE_FROM_QUANTITY_STALE", Assert.Single(await host.OutboxStore.GetPendingAsync(10)).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnmappedLocation_CannotBeEnqueued()
    {
        await using var host = ShopifyHost.Create();
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Outbox.EnqueueStockAsync(Sku.From("A"), 1, LocationId.From("NOWHERE"), 1));
    }
}
