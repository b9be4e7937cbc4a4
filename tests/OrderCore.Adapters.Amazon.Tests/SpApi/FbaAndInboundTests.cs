using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Adapters.Amazon.Tests.SpApi.Support;
using OrderCore.Catalog;
using OrderCore.Inventory;
using OrderCore.Testing;

namespace OrderCore.Adapters.Amazon.Tests.SpApi;

/// <summary>FBA inventory in, and the Fulfillment Inbound v2024-03-20 client, against the fake SP-API.</summary>
public sealed class FbaAndInboundTests
{
    private const string Summaries = """
        {"payload":{"granularity":{"granularityType":"Marketplace","granularityId":"ATVPDKIKX0DER"},"inventorySummaries":[
          {"asin":"B0000000A1","fnSku":"X00000000A","sellerSku":"SKU-A","condition":"NewItem","totalQuantity":20,
           "inventoryDetails":{"fulfillableQuantity":10,"inboundWorkingQuantity":3,"inboundShippedQuantity":2,"inboundReceivingQuantity":0,
             "reservedQuantity":{"totalReservedQuantity":1,"pendingCustomerOrderQuantity":1,"pendingTransshipmentQuantity":0,"fcProcessingQuantity":0},
             "researchingQuantity":{"totalResearchingQuantity":1},
             "unfulfillableQuantity":{"totalUnfulfillableQuantity":4,"customerDamagedQuantity":1,"warehouseDamagedQuantity":0,"distributorDamagedQuantity":0,"carrierDamagedQuantity":0,"defectiveQuantity":1,"expiredQuantity":1}}},
          {"asin":"B0000000X1","sellerSku":"UNKNOWN-SKU","inventoryDetails":{"fulfillableQuantity":5}}]},
         "pagination":{"nextToken":"NEXT"}}
        """;

    private const string Page2 = """{"payload":{"inventorySummaries":[{"sellerSku":"SKU-B","inventoryDetails":{"fulfillableQuantity":"7"}}]}}""";

    [Fact]
    public async Task FbaInventory_MapsTheBreakdownAndAdjustsTheLedgerWithTheReportAsReference()
    {
        var f = new SpApiFixture();
        f.Server.On(HttpMethod.Get, "/fba/inventory/v1/summaries", r => FakeSpApi.Json(r.Query.Contains("nextToken=NEXT", StringComparison.Ordinal) ? Page2 : Summaries));
        var snapshot = await f.Client.FbaInventory.GetSummariesAsync();
        Assert.Contains("details=true", f.Server.ApiRequests[0].Query);
        Assert.Contains("granularityType=Marketplace", f.Server.ApiRequests[0].Query);
        Assert.Equal(2, f.Server.ApiRequests.Count);
        var a = snapshot.Summaries[0];
        Assert.Equal(new AmazonFbaInventorySummary("SKU-A", "X00000000A", "B0000000A1", 10, 3, 2, 0, 1, 1, 2, 2), a);
        Assert.Equal(7, snapshot.Summaries.Single(s => s.SellerSku == "SKU-B").Fulfillable);

        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-A", "SKU-B");
        var fba = LocationId.From("FBA-US");
        var sync = new AmazonFbaInventorySync(h.Pool, h.Services.GetRequiredService<SkuResolver>(), new AmazonOrderMappingOptions(h.Owner, ChannelAccountId.From("amazon-us")), fba);
        var result = await sync.ApplyAsync(snapshot);
        Assert.Equal(["UNKNOWN-SKU"], result.UnmappedSellerSkus);
        Assert.Equal(10, (await h.BalanceAsync("SKU-A", fba, InventoryStatus.Sellable)).OnHand);
        Assert.Equal(5, (await h.BalanceAsync("SKU-A", fba, AmazonFbaInventorySync.FbaInbound)).OnHand);
        Assert.Equal(1, (await h.BalanceAsync("SKU-A", fba, AmazonFbaInventorySync.FbaReserved)).OnHand);
        Assert.Equal(2, (await h.BalanceAsync("SKU-A", fba, InventoryStatus.Damaged)).OnHand);
        Assert.Equal(2, (await h.BalanceAsync("SKU-A", fba, InventoryStatus.Quarantine)).OnHand);
        Assert.Equal(1, (await h.BalanceAsync("SKU-A", fba, InventoryStatus.Hold)).OnHand);
        Assert.Equal(7, (await h.BalanceAsync("SKU-B", fba, InventoryStatus.Sellable)).OnHand);
        var ledger = await h.LedgerAsync();
        Assert.All(ledger, e => Assert.Equal((MovementType.Adjust, AmazonFbaInventorySync.Reason, snapshot.Reference), (e.Type, e.Reason, e.Reference)));
        Assert.Equal(7, ledger.Count);

        // A later report: only what changed is adjusted, and replaying the ledger still gives the balances.
        var later = snapshot with { RetrievedAt = snapshot.RetrievedAt + Duration.FromHours(1), Summaries = [a with { Fulfillable = 8 }] };
        var second = await sync.ApplyAsync(later);
        var adj = Assert.Single(second.Adjustments);
        Assert.Equal((InventoryStatus.Sellable, 10, 8, -2), (adj.Status, adj.OnHandBefore, adj.OnHandAfter, adj.Delta));
        Assert.Equal(later.Reference, (await h.LedgerAsync())[^1].Reference);
        Assert.Empty(await h.VerifyLedgerAsync());
    }

    [SpApiDataFact]
    public async Task CreateInboundPlan_AmazonOwnersForTheUs_AreRefusedBeforeAnyCall()
    {
        var f = new SpApiFixture();
        var body = ExampleBody("createInboundPlan__202__sandbox0.json");
        Assert.Contains("AMAZON", body);
        var us = body.Replace("A2EUQ1WTGCTBG2", "ATVPDKIKX0DER", StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<AmazonInboundOwnerRuleException>(() => f.Client.Inbound.CreateInboundPlanAsync(us));
        Assert.Equal(["items[0].prepOwner = AMAZON (msku msku)", "items[0].labelOwner = AMAZON (msku msku)"], ex.Violations);
        Assert.Empty(f.Server.Requests);

        // Canada (A2EUQ1WTGCTBG2) still accepts AMAZON as owner: the example body is sent as is.
        f.Server.OnJson(HttpMethod.Post, "/inbound/fba/2024-03-20/inboundPlans", ExampleResponse("createInboundPlan__202__sandbox0.json"), HttpStatusCode.Accepted);
        var op = await f.Client.Inbound.CreateInboundPlanAsync(body);
        Assert.Equal(new AmazonInboundOperation("1234abcd-1234-abcd-5678-1234abcd5678", "wf1234abcd-1234-abcd-5678-1234abcd5678"), op);
        Assert.Equal(body, f.Server.ApiRequests.Single().Body);
    }

    [SpApiDataFact]
    public async Task SetPackingInformation_UsOwnerRuleAppliesToBoxItems()
    {
        var f = new SpApiFixture();
        var body = ExampleBody("setPackingInformation__202__sandbox0.json");
        var ex = await Assert.ThrowsAsync<AmazonInboundOwnerRuleException>(() => f.Client.Inbound.SetPackingInformationAsync("wf1", body));
        Assert.Contains("packageGroupings[0].boxes[0].items[0].prepOwner = AMAZON (msku msku)", ex.Violations);
        Assert.Empty(f.Server.Requests);
        f.Server.OnJson(HttpMethod.Post, "/inbound/fba/2024-03-20/inboundPlans/wf1/packingInformation", ExampleResponse("setPackingInformation__202__sandbox0.json"), HttpStatusCode.Accepted);
        var op = await f.Client.Inbound.SetPackingInformationAsync("wf1", body, marketplaceId: "A2EUQ1WTGCTBG2");
        Assert.Equal("1234abcd-1234-abcd-5678-1234abcd5678", op.OperationId);
    }

    [SpApiDataFact]
    public async Task InboundWorkflow_ReplaysTheModelExamplesAndPollsOperations()
    {
        var f = new SpApiFixture();
        const string plan = "/inbound/fba/2024-03-20/inboundPlans/wf1234abcd-1234-abcd-5678-1234abcd5678";
        var status = 0;
        f.Server.On(HttpMethod.Get, "/inbound/fba/2024-03-20/operations/*", _ => ++status < 3
            ? FakeSpApi.Json("""{"operationId":"op","operation":"generatePackingOptions","operationStatus":"IN_PROGRESS","operationProblems":[]}""")
            : FakeSpApi.Json(ExampleResponse("getInboundOperationStatus__200__sandbox0.json")));
        f.Server.OnJson(HttpMethod.Post, plan + "/packingOptions", ExampleResponse("generatePackingOptions__202__sandbox0.json"), HttpStatusCode.Accepted);
        f.Server.OnJson(HttpMethod.Get, plan + "/packingOptions", ExampleResponse("listPackingOptions__200__sandbox0.json"));
        f.Server.OnJson(HttpMethod.Post, plan + "/packingOptions/po1234abcd-1234-abcd-5678-1234abcd5678/confirmation", ExampleResponse("confirmPackingOption__202__sandbox0.json"), HttpStatusCode.Accepted);
        f.Server.OnJson(HttpMethod.Post, plan + "/placementOptions", ExampleResponse("generatePlacementOptions__202__sandbox0.json"), HttpStatusCode.Accepted);
        f.Server.OnJson(HttpMethod.Get, plan + "/placementOptions", ExampleResponse("listPlacementOptions__200__sandbox0.json"));
        f.Server.OnJson(HttpMethod.Get, plan + "/transportationOptions", ExampleResponse("listTransportationOptions__200__sandbox0.json"));

        var inbound = f.Client.Inbound;
        var generated = await inbound.GeneratePackingOptionsAsync("wf1234abcd-1234-abcd-5678-1234abcd5678");
        var done = await inbound.WaitForOperationAsync(generated.OperationId);
        Assert.Equal("SUCCESS", done.Status);
        Assert.Equal("DimensionMismatch", Assert.Single(done.Problems).Code);
        Assert.Equal(3, status);
        Assert.Equal([Duration.FromSeconds(2), Duration.FromSeconds(2)], f.Delay.Waits.Where(w => w > Duration.Zero));

        var packing = await inbound.ListPackingOptionsAsync("wf1234abcd-1234-abcd-5678-1234abcd5678");
        var option = Assert.Single(packing.Options);
        Assert.Equal(("po1234abcd-1234-abcd-5678-1234abcd5678", "OFFERED"), (option.Id, option.Status));
        Assert.Equal(["pg1234abcd-1234-abcd-5678-1234abcd5678"], option.Ids);
        await inbound.ConfirmPackingOptionAsync("wf1234abcd-1234-abcd-5678-1234abcd5678", option.Id);
        await inbound.GeneratePlacementOptionsAsync("wf1234abcd-1234-abcd-5678-1234abcd5678");
        var placement = Assert.Single((await inbound.ListPlacementOptionsAsync("wf1234abcd-1234-abcd-5678-1234abcd5678")).Options);
        Assert.Equal("pl1234abcd-1234-abcd-5678-1234abcd5678", placement.Id);
        var transport = (await inbound.ListTransportationOptionsAsync("wf1234abcd-1234-abcd-5678-1234abcd5678", placementOptionId: placement.Id)).Options[0];
        Assert.Equal(("GROUND_SMALL_PARCEL", "AMAZON_PARTNERED_CARRIER"), (transport.ShippingMode, transport.ShippingSolution));
        Assert.Contains("placementOptionId=pl1234abcd", f.Server.ApiRequests[^1].Query);
    }

    [Fact]
    public async Task WaitForOperation_FailedOperation_ThrowsWithAmazonsProblems()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Get, "/inbound/fba/2024-03-20/operations/op-1",
            """{"operationId":"op-1","operation":"createInboundPlan","operationStatus":"FAILED","operationProblems":[{"code":"FBA_INB_0182","message":"Prep owner is invalid","severity":"ERROR"}]}""");
        var ex = await Assert.ThrowsAsync<AmazonInboundOperationFailedException>(() => f.Client.Inbound.WaitForOperationAsync("op-1"));
        Assert.Equal("FBA_INB_0182", Assert.Single(ex.Problems).Code);
        Assert.Equal("FBA_INB_0182", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public async Task WaitForOperation_SlowOperation_GivesUpAfterTheBoundedWait()
    {
        var f = new SpApiFixture(o =>
        {
            o.InboundOperationTimeout = Duration.FromSeconds(10);
            o.InboundOperationPollInterval = Duration.FromSeconds(2);
        });
        f.Server.OnJson(HttpMethod.Get, "/inbound/fba/2024-03-20/operations/op-slow", """{"operationId":"op-slow","operationStatus":"IN_PROGRESS"}""");
        var ex = await Assert.ThrowsAsync<AmazonInboundOperationTimeoutException>(() => f.Client.Inbound.WaitForOperationAsync("op-slow"));
        Assert.Equal("op-slow", ex.OperationId);
        Assert.InRange(f.Server.ApiRequests.Count, 5, 6);
        Assert.True(ex.Waited <= Duration.FromSeconds(10));
    }

    private static string ExampleBody(string file)
    {
        using var doc = JsonDocument.Parse(SharedData.ReadExample("fulfillmentInbound_2024-03-20/" + file));
        return doc.RootElement.GetProperty("request").GetProperty("parameters").GetProperty("body").GetProperty("value").GetRawText();
    }

    private static string ExampleResponse(string file)
    {
        using var doc = JsonDocument.Parse(SharedData.ReadExample("fulfillmentInbound_2024-03-20/" + file));
        return doc.RootElement.GetProperty("response").GetRawText();
    }
}
