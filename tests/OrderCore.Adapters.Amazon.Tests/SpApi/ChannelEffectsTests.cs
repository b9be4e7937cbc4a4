using System.Net;
using System.Text.Json;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Adapters.Amazon.Tests.SpApi.Support;
using OrderCore.InMemory;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.Tests.SpApi;

/// <summary>Shipment confirmation and MFN quantities out, through the outbox, against the fake SP-API.</summary>
public sealed class ChannelEffectsTests
{
    private static readonly AmazonShipmentConfirmation Confirmation = new("902-1106328-1059050", "ATVPDKIKX0DER", "1", "FedEx", "FedEx", "FedEx Ground", "112345678",
        Instant.FromUtc(2022, 2, 11, 1, 0), [new AmazonShippedItem("79039765272157", 1)]);

    [SpApiDataFact]
    public async Task ConfirmShipment_SendsTheBodyOfTheModelExample()
    {
        var f = new SpApiFixture();
        f.Server.On(HttpMethod.Post, "/orders/v0/orders/*", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        await f.Client.Shipments.ConfirmShipmentAsync(Confirmation);
        var sent = Assert.Single(f.Server.ApiRequests);
        Assert.Equal("/orders/v0/orders/902-1106328-1059050/shipmentConfirmation", sent.Path);
        using var example = JsonDocument.Parse(SharedData.ReadExample("ordersV0/confirmShipment__204__sandbox0.json"));
        var expected = example.RootElement.GetProperty("request").GetProperty("parameters").GetProperty("body").GetProperty("value");
        using var body = JsonDocument.Parse(sent.Body!);
        var actual = body.RootElement;
        Assert.Equal(expected.GetProperty("marketplaceId").GetString(), actual.GetProperty("marketplaceId").GetString());
        var e = expected.GetProperty("packageDetail");
        var a = actual.GetProperty("packageDetail");
        foreach (var name in new[] { "packageReferenceId", "carrierCode", "carrierName", "shippingMethod", "trackingNumber" })
        {
            Assert.Equal(e.GetProperty(name).GetString(), a.GetProperty(name).GetString());
        }
        Assert.Equal(DateTimeOffset.Parse(e.GetProperty("shipDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(a.GetProperty("shipDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(e.GetProperty("orderItems")[0].GetProperty("orderItemId").GetString(), a.GetProperty("orderItems")[0].GetProperty("orderItemId").GetString());
        Assert.Equal(1, a.GetProperty("orderItems")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task ConfirmShipment_InvalidConfirmation_IsRefusedBeforeAnyCall()
    {
        var f = new SpApiFixture();
        var bad = Confirmation with { CarrierCode = "Other", CarrierName = null, Items = [] };
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => f.Client.Shipments.ConfirmShipmentAsync(bad));
        Assert.Contains("CarrierName is required when CarrierCode is Other", ex.Message);
        Assert.Contains("Items needs at least one", ex.Message);
        Assert.Empty(f.Server.Requests);
    }

    [Fact]
    public async Task ConfirmShipment_AmazonRefusal_IsTypedWithErrors()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Post, "/orders/v0/orders/*", """{"errors":[{"code":"Invalid Input","message":"Invalid Input"}]}""", HttpStatusCode.BadRequest);
        var ex = await Assert.ThrowsAsync<AmazonSpApiCallException>(() => f.Client.Shipments.ConfirmShipmentAsync(Confirmation));
        Assert.Equal("confirmShipment", ex.Operation);
        Assert.Equal("Invalid Input", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public async Task Outbox_DeliversShipmentsAndOnlyTheNewestQuantityPerSku()
    {
        var f = new SpApiFixture();
        var patches = new List<(string Sku, int Quantity, string Body, string Query)>();
        f.Server.On(HttpMethod.Patch, "/listings/2021-08-01/items/A3TH9S8BH6GOGM/*", r =>
        {
            using var doc = JsonDocument.Parse(r.Body!);
            var sku = Uri.UnescapeDataString(r.Path.Split('/')[^1]);
            patches.Add((sku, doc.RootElement.GetProperty("patches")[0].GetProperty("value")[0].GetProperty("quantity").GetInt32(), r.Body!, r.Query));
            return FakeSpApi.Json($$"""{"sku":"{{sku}}","status":"ACCEPTED","submissionId":"s-{{patches.Count}}","issues":[]}""");
        });
        f.Server.On(HttpMethod.Post, "/orders/v0/orders/*", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var outbox = new InMemoryOutboxStore();
        var dispatcher = new AmazonOutboxDispatcher(outbox, f.Client, f.Clock);

        await dispatcher.EnqueueQuantityAsync(new AmazonQuantityUpdate("SKU-A", 5));
        await dispatcher.EnqueueShipmentAsync(Confirmation);
        await dispatcher.EnqueueQuantityAsync(new AmazonQuantityUpdate("SKU-B", 2));
        await dispatcher.EnqueueQuantityAsync(new AmazonQuantityUpdate("SKU-A", 7));
        var report = await dispatcher.DispatchAsync();

        Assert.Equal(new AmazonDispatchReport(3, 1, 0, false), report);
        Assert.Equal([("SKU-B", 2), ("SKU-A", 7)], patches.Select(p => (p.Sku, p.Quantity)));
        Assert.Contains("\"fulfillment_channel_code\":\"DEFAULT\"", patches[0].Body);
        Assert.Contains("\"op\":\"replace\"", patches[0].Body);
        Assert.Contains("\"path\":\"/attributes/fulfillment_availability\"", patches[0].Body);
        Assert.Contains("\"productType\":\"PRODUCT\"", patches[0].Body);
        Assert.Contains("marketplaceIds=ATVPDKIKX0DER", patches[0].Query);
        Assert.Empty(await outbox.GetPendingAsync(10));

        await dispatcher.EnqueueQuantityAsync(new AmazonQuantityUpdate("SKU-A", 3));
        Assert.Equal(new AmazonDispatchReport(1, 0, 0, false), await dispatcher.DispatchAsync());
        Assert.Equal(("SKU-A", 3), (patches[^1].Sku, patches[^1].Quantity));
    }

    [Fact]
    public async Task Outbox_StaleQuantityFailedEarlier_NeverOverwritesANewerOne()
    {
        var f = new SpApiFixture();
        var sent = new List<int>();
        var refuseFirst = true;
        f.Server.On(HttpMethod.Patch, "/listings/2021-08-01/items/*", r =>
        {
            if (refuseFirst)
            {
                refuseFirst = false;
                return FakeSpApi.Json("""{"errors":[{"code":"InternalFailure","message":"try later"}]}""", HttpStatusCode.BadGateway);
            }
            using var doc = JsonDocument.Parse(r.Body!);
            sent.Add(doc.RootElement.GetProperty("patches")[0].GetProperty("value")[0].GetProperty("quantity").GetInt32());
            return FakeSpApi.Json("""{"sku":"SKU-A","status":"ACCEPTED","issues":[]}""");
        });
        var outbox = new InMemoryOutboxStore();
        var dispatcher = new AmazonOutboxDispatcher(outbox, f.Client, f.Clock);
        await dispatcher.EnqueueQuantityAsync(new AmazonQuantityUpdate("SKU-A", 10)); // sequence 1
        Assert.Equal(1, (await dispatcher.DispatchAsync()).Failed);                 // the PATCH failed: still pending
        await dispatcher.EnqueueQuantityAsync(new AmazonQuantityUpdate("SKU-A", 4));  // sequence 2, newer
        var report = await dispatcher.DispatchAsync();
        Assert.Equal((1, 1), (report.Delivered, report.Superseded));
        Assert.Equal([4], sent);
    }

    [Fact]
    public async Task Outbox_InvalidListing_IsRecordedAsFailedWithAmazonsIssues()
    {
        var f = new SpApiFixture();
        f.Server.OnJson(HttpMethod.Patch, "/listings/2021-08-01/items/*", """{"sku":"SKU-A","status":"INVALID","issues":[{"code":"90220","message":"'[batteries_required]' is required but not supplied.","severity":"ERROR"}]}""");
        var outbox = new InMemoryOutboxStore();
        var dispatcher = new AmazonOutboxDispatcher(outbox, f.Client, f.Clock);
        await dispatcher.EnqueueQuantityAsync(new AmazonQuantityUpdate("SKU-A", 1));
        Assert.Equal(1, (await dispatcher.DispatchAsync()).Failed);
        var pending = Assert.Single(await outbox.GetPendingAsync(10));
        Assert.Contains("90220", pending.LastError);
    }

    [Fact]
    public void QuantityUpdate_ForAmazonFulfilledStock_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => AmazonQuantityUpdate.ForMerchantFulfilled("FBA-SKU", 5, FulfilmentChannel.Marketplace));
        Assert.Contains("never pushed", ex.Message);
        Assert.Equal(new AmazonQuantityUpdate("SKU", 5, 9), AmazonQuantityUpdate.ForMerchantFulfilled(" SKU ", 5, sequence: 9));
    }

    [SpApiDataFact]
    public void ListingsFeed_BuildsPatchMessagesAndParsesTheProcessingReportPerMessage()
    {
        var feed = AmazonListingsClient.BuildQuantityFeed("AXXXXXXXXXXXX",
            [new("My-SKU-A", 1, 1), new("My-SKU-B", 10, 1), new("My-SKU-A", 0, 2), new("My-SKU-C", 3), new("My-SKU-D", 4), new("My-SKU-E", 5), new("My-SKU-C", 9, 0)]);
        using (var doc = JsonDocument.Parse(feed.Json))
        {
            Assert.Equal("2.0", doc.RootElement.GetProperty("header").GetProperty("version").GetString());
            var messages = doc.RootElement.GetProperty("messages");
            Assert.Equal(5, messages.GetArrayLength());
            Assert.Equal("PATCH", messages[0].GetProperty("operationType").GetString());
            Assert.Equal(0, messages[0].GetProperty("patches")[0].GetProperty("value")[0].GetProperty("quantity").GetInt32()); // sequence 2 wins over 1
            Assert.Equal(9, messages[2].GetProperty("patches")[0].GetProperty("value")[0].GetProperty("quantity").GetInt32()); // equal sequence: the last wins
        }
        var report = AmazonListingsClient.ParseProcessingReport(File.ReadAllText(Path.Combine(SharedData.SpApi, "listings-feed-processing-report-schema-v2.example.json")), feed);
        Assert.Equal("1234567890", report.FeedId);
        Assert.Equal((4, 2, 2), (report.MessagesProcessed, report.MessagesAccepted, report.MessagesInvalid));
        Assert.Equal([1, 2, 3, 4, 5], report.Messages.Select(m => m.MessageId));
        var m4 = report.Messages.Single(m => m.MessageId == 4);
        Assert.False(m4.Accepted);
        Assert.Equal("My-SKU-B", m4.Sku);
        Assert.Equal(2, m4.Issues.Count);
        Assert.True(report.Messages.Single(m => m.MessageId == 1).Accepted);
        var errors = report.ErrorsBySku;
        Assert.Equal(["My-SKU-B", "My-SKU-C"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("purchasable_offer.our_price", Assert.Single(errors["My-SKU-C"]).AttributeName);
    }

    [Fact]
    public async Task ListingsFeed_SubmitUploadsTheDocumentAndReadsTheGzippedReport()
    {
        var f = new SpApiFixture();
        string? uploaded = null;
        f.Server.OnJson(HttpMethod.Post, "/feeds/2021-06-30/documents", """{"feedDocumentId":"doc-in","url":"http://127.0.0.1:5599/s3/upload"}""");
        f.Server.On(HttpMethod.Put, "/s3/upload", r => { uploaded = r.Body; return new HttpResponseMessage(HttpStatusCode.OK); });
        f.Server.OnJson(HttpMethod.Post, "/feeds/2021-06-30/feeds", """{"feedId":"F-1"}""");
        f.Server.OnJson(HttpMethod.Get, "/feeds/2021-06-30/feeds/F-1", """{"feedId":"F-1","processingStatus":"DONE","resultFeedDocumentId":"doc-out"}""");
        f.Server.OnJson(HttpMethod.Get, "/feeds/2021-06-30/documents/doc-out", """{"feedDocumentId":"doc-out","url":"http://127.0.0.1:5599/s3/report","compressionAlgorithm":"GZIP"}""");
        var report = """{"header":{"feedId":"F-1"},"issues":[{"messageId":1,"sku":"SKU-A","code":"8541","severity":"ERROR","message":"bad"}],"summary":{"messagesProcessed":2,"messagesAccepted":1,"messagesInvalid":1}}""";
        f.Server.On(HttpMethod.Get, "/s3/report", _ =>
        {
            var ms = new MemoryStream();
            using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gz.Write(System.Text.Encoding.UTF8.GetBytes(report));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(ms.ToArray()) };
        });
        var feed = AmazonListingsClient.BuildQuantityFeed("A3TH9S8BH6GOGM", [new("SKU-A", 1), new("SKU-B", 2)]);
        Assert.Equal("F-1", await f.Client.Listings.SubmitQuantityFeedAsync(feed));
        Assert.Equal(feed.Json, uploaded);
        Assert.Null(f.Server.Requests.Single(r => r.Path == "/s3/upload").AccessToken); // pre-signed: no SP-API token
        var status = await f.Client.Listings.GetFeedStatusAsync("F-1", feed);
        Assert.Equal("DONE", status.ProcessingStatus);
        Assert.Equal(["SKU-A"], status.Report!.ErrorsBySku.Keys);
        Assert.True(status.Report.Messages.Single(m => m.Sku == "SKU-B").Accepted);
        using var createFeed = JsonDocument.Parse(f.Server.Requests.Single(r => r.Path == "/feeds/2021-06-30/feeds").Body!);
        Assert.Equal("JSON_LISTINGS_FEED", createFeed.RootElement.GetProperty("feedType").GetString());
        Assert.Equal("doc-in", createFeed.RootElement.GetProperty("inputFeedDocumentId").GetString());
    }
}
