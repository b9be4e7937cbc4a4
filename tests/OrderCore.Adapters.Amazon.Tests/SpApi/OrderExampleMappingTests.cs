using NodaTime;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Adapters.Amazon.Tests.SpApi.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.Tests.SpApi;

/// <summary>
/// Every 200 example of getOrders, getOrder, getOrderItems (Orders v0) and searchOrders, getOrder (v2026-01-01) in
/// ../shared/data/amazon-sp-api/examples maps, or is rejected for a stated reason. The rejected examples and why:
/// <list type="bullet">
/// <item><c>ordersV0/getOrder__200__sandbox0.json</c>: <c>PurchaseDate</c> <c>1970-01-19T03:58:30Z</c> is a sandbox placeholder
/// (before 2000-01-01): when the order was placed is unknown, so it is rejected as <see cref="AmazonRejectionReason.PlaceholderDate"/>.
/// Its items (<c>getOrderItems__200__sandbox0.json</c>) still map on their own.</item>
/// </list>
/// </summary>
public sealed class OrderExampleMappingTests
{
    private static readonly AmazonOrderMappingOptions Mapping = new(OwnerId.From("acme"), ChannelAccountId.From("amazon-us"));

    /// <summary>Each covered example and what it gives: an order id that maps, or the rejection reason and field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ordersV0/getOrders__200__example.json"] = "maps 902-3159896-1390916",
        ["ordersV0/getOrder__200__example.json"] = "maps 902-3159896-1390916",
        ["ordersV0/getOrder__200__sandbox0.json"] = "rejected PlaceholderDate PurchaseDate",
        ["ordersV0/getOrder__200__sandbox1.json"] = "maps 921-3175655-0452641",
        ["ordersV0/getOrderItems__200__example.json"] = "items 903-1671087-0812628",
        ["ordersV0/getOrderItems__200__sandbox0.json"] = "items 902-1845936-5435065",
        ["orders_2026-01-01/getOrder__200__example.json"] = "maps 202-1234567-8901234",
        ["orders_2026-01-01/getOrder__200__sandbox0.json"] = "maps 171-9876543-2109876",
        ["orders_2026-01-01/getOrder__200__sandbox1.json"] = "maps 028-1234567-8901234",
        ["orders_2026-01-01/getOrder__200__sandbox2.json"] = "maps 114-9876543-1234567",
        ["orders_2026-01-01/searchOrders__200__example.json"] = "maps 123-4567890-1234567",
        ["orders_2026-01-01/searchOrders__200__sandbox0.json"] = "maps 250-1234567-8901234",
        ["orders_2026-01-01/searchOrders__200__sandbox1.json"] = "maps 202-7654321-1098765",
        ["orders_2026-01-01/searchOrders__200__sandbox2.json"] = "maps 171-2345678-9012345",
    };

    public static TheoryData<string> Examples() => new(Expected.Keys);

    private static AmazonPayload Load(string relative) => AmazonPayload.Parse(SharedData.ReadExample(relative), relative);

    private static AmazonOrderMappingResult MapFile(string relative) => AmazonOrderMapper.Map([Load(relative)], Mapping);

    [SpApiDataFact]
    public void Examples_EveryOrders200ExampleOnDisk_IsListed()
    {
        var onDisk = new[] { "ordersV0", "orders_2026-01-01" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(SharedData.SpApi, "examples", d), "*__200__*.json").Select(f => d + "/" + Path.GetFileName(f)))
            .Where(f => Path.GetFileName(f).Split("__")[0] is "getOrders" or "getOrder" or "getOrderItems" or "searchOrders")
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), onDisk);
    }

    [SpApiDataTheory]
    [MemberData(nameof(Examples))]
    public void Map_Example_MapsOrIsRejectedAsListed(string relative)
    {
        var expected = Expected[relative].Split(' ');
        var payload = Load(relative);
        switch (expected[0])
        {
            case "maps":
                var result = AmazonOrderMapper.Map([payload], Mapping);
                Assert.Empty(result.Rejections);
                var order = Assert.Single(result.Orders);
                Assert.Equal(expected[1], order.AmazonOrderId);
                Assert.Equal(order.AmazonOrderId, order.Order.ExternalOrderId);
                Assert.Equal(order.LastUpdated.ToUnixTimeMilliseconds(), order.Order.Version);
                break;
            case "rejected":
                var rejected = AmazonOrderMapper.Map([payload], Mapping);
                Assert.Empty(rejected.Orders);
                var r = Assert.Single(rejected.Rejections);
                Assert.Equal(Enum.Parse<AmazonRejectionReason>(expected[1]), r.Reason);
                Assert.Equal(expected[2], r.Field);
                Assert.Equal(relative, r.Source);
                break;
            case "items":
                var items = AmazonOrderMapper.MapItems(payload);
                Assert.Equal(expected[1], items.AmazonOrderId);
                Assert.Empty(items.Rejections);
                Assert.NotEmpty(items.Items);
                break;
            default:
                throw new InvalidOperationException(relative);
        }
    }

    [SpApiDataFact]
    public void MapV0_GetOrdersExample_GivesTheCanonicalHeader()
    {
        var payload = Load("ordersV0/getOrders__200__example.json");
        Assert.Equal(AmazonPayloadKind.GetOrdersV0, payload.Kind);
        Assert.Equal("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4", payload.NextToken);
        var o = Assert.Single(AmazonOrderMapper.Map([payload], Mapping).Orders);
        Assert.Equal(AmazonOrdersApi.V0, o.Api);
        Assert.Equal(AmazonOrderStatusCode.Pending, o.Status);
        Assert.False(o.IsAllocatable);
        Assert.False(o.HasItems);
        Assert.Empty(o.Order.Lines);
        Assert.Equal("ATVPDKIKX0DER", o.MarketplaceId);
        var c = o.Order;
        Assert.Equal(FulfilmentChannel.Merchant, c.FulfilmentChannel);
        Assert.Equal(Instant.FromUtc(2017, 1, 20, 19, 49, 35), c.PlacedAt);
        Assert.Equal(Instant.FromUtc(2017, 1, 20, 19, 49, 35).ToUnixTimeMilliseconds(), c.Version);
        Assert.Equal(Instant.FromUtc(2017, 1, 25, 19, 49, 35), c.ShipBy);
        Assert.Equal(ServiceLevel.Standard, c.ServiceLevel);
        Assert.Equal("Pending", c.ChannelStatus);
        Assert.False(c.IsCancelled);
        Assert.Equal(["marketplace:ATVPDKIKX0DER", "amazon-pending"], c.Tags);
        Assert.Equal(Address.Create("Canton", "MI", "48817", "US", "1 Cross St.", null, "Michigan address"), c.ShipTo);
        Assert.Equal(OwnerId.From("acme"), c.Owner);
        Assert.Equal(ChannelId.From("amazon"), c.Channel);
    }

    [SpApiDataFact]
    public void MapV0_AfnBusinessOrderWithPlaceholderEarliestShipDate_MapsAndKeepsTheRealShipBy()
    {
        var o = Assert.Single(MapFile("ordersV0/getOrder__200__sandbox1.json").Orders);
        Assert.Equal(AmazonOrderStatusCode.Shipped, o.Status);
        Assert.Equal(FulfilmentChannel.Marketplace, o.Order.FulfilmentChannel);
        Assert.Equal(Instant.FromUtc(2019, 5, 7, 15, 42, 57) + Duration.FromMilliseconds(58), o.Order.PlacedAt);
        Assert.Equal(Instant.FromUtc(2019, 5, 8, 21, 59, 59), o.Order.ShipBy);
        Assert.Contains("b2b", o.Order.Tags);
        Assert.DoesNotContain("prime", o.Order.Tags);
        Assert.Null(o.Order.ShipTo);
        Assert.Equal("A1PA6795UKMFR9", o.MarketplaceId);
    }

    [SpApiDataFact]
    public void MapV0_SandboxOrderWithEpochPurchaseDate_IsRejectedNamingTheField()
    {
        var r = Assert.Single(MapFile("ordersV0/getOrder__200__sandbox0.json").Rejections);
        Assert.Equal("902-1845936-5435065", r.AmazonOrderId);
        Assert.Equal(AmazonRejectionReason.PlaceholderDate, r.Reason);
        Assert.Contains("1970-01-19T03:58:30Z", r.Detail);
    }

    [SpApiDataFact]
    public void MapItems_GetOrderItemsExample_GivesSkuAsinQuantitiesAndMoney()
    {
        var result = AmazonOrderMapper.MapItems(Load("ordersV0/getOrderItems__200__example.json"));
        Assert.Equal(2, result.Items.Count);
        var a = result.Items[0];
        Assert.Equal(new AmazonOrderItem("68828574383266", "CBA_OTF_1", "BT0093TELA", 1, 1, new Money(25.99m, CurrencyCode.From("JPY")), new Money(25.99m, CurrencyCode.From("JPY")), true, "Found cheaper somewhere else."), a);
        var b = result.Items[1];
        Assert.Equal("79039765272157", b.OrderItemId);
        Assert.Equal("CBA_OTF_5", b.SellerSku);
        Assert.Equal("BCTU1104UEFB", b.Asin);
        Assert.Equal(2, b.QuantityOrdered);
        Assert.Equal(0, b.QuantityShipped);
        Assert.Equal(new Money(17.95m, CurrencyCode.From("JPY")), b.ItemPrice);
        Assert.Equal(new Money(8.975m, CurrencyCode.From("JPY")), b.UnitPrice);
        Assert.True(b.BuyerRequestedCancel); // sent as the string "true"
    }

    [SpApiDataFact]
    public void MapItems_SandboxItemsWithStringBooleans_Map()
    {
        var item = Assert.Single(AmazonOrderMapper.MapItems(Load("ordersV0/getOrderItems__200__sandbox0.json")).Items);
        Assert.Equal(new AmazonOrderItem("05015851154158", "NABetaASINB00551Q3CS", "B00551Q3CS", 1, 0, new Money(10.00m, CurrencyCode.Usd), new Money(10.00m, CurrencyCode.Usd), true, "Found cheaper somewhere else."), item);
    }

    [SpApiDataFact]
    public void Map2026_SearchOrdersExample_GivesOrderItemsTagsAndCancellationRequest()
    {
        var payload = Load("orders_2026-01-01/searchOrders__200__example.json");
        Assert.Equal(AmazonPayloadKind.SearchOrders, payload.Kind);
        Assert.Equal("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4", payload.NextToken);
        var o = Assert.Single(AmazonOrderMapper.Map([payload], Mapping).Orders);
        Assert.Equal(AmazonOrdersApi.V20260101, o.Api);
        Assert.Equal(AmazonOrderStatusCode.Shipped, o.Status);
        Assert.True(o.HasItems);
        var c = o.Order;
        Assert.Equal(FulfilmentChannel.Merchant, c.FulfilmentChannel);
        Assert.Equal(Instant.FromUtc(2024, 12, 25, 10, 30), c.PlacedAt);
        Assert.Equal(Instant.FromUtc(2024, 12, 25, 14, 45).ToUnixTimeMilliseconds(), c.Version);
        Assert.Equal(Instant.FromUtc(2024, 12, 27, 23, 59, 59), c.ShipBy);
        Assert.Equal(ServiceLevel.Standard, c.ServiceLevel);
        Assert.Equal("SHIPPED", c.ChannelStatus);
        Assert.Equal(["prime", "b2b", "marketplace:ATVPDKIKX0DER", "buyer-requested-cancel"], c.Tags);
        Assert.Equal(Address.Create("Seattle", "WA", "98101", "US", "123 Main Street", "Suite 456", "John Smith"), c.ShipTo);
        Assert.Equal(2, c.Lines.Count);
        Assert.Equal("12345678901234", c.Lines[0].ExternalLineId);
        Assert.Equal("ECHO-DOT-4-CHARCOAL", c.Lines[0].ExternalSku);
        Assert.Equal(2, c.Lines[0].Quantity);
        Assert.Equal(new Money(49.99m, CurrencyCode.Usd), c.Lines[0].UnitPrice);
        Assert.Equal(new Money(99.98m, CurrencyCode.Usd), c.Lines[0].Amount);
        Assert.Equal("FIRE-TV-4K-2021", c.Lines[1].ExternalSku);
        Assert.True(o.Items[0].BuyerRequestedCancel);
        Assert.Equal("Changed mind about purchase", o.Items[0].BuyerCancelReason);
        Assert.Equal("B08N5WRWNW", o.Items[0].Asin);
        Assert.Equal(2, o.Items[0].QuantityShipped);
        Assert.True(o.BuyerRequestedCancel);
    }

    [SpApiDataFact]
    public void Map2026_AmazonFulfilledOrder_IsMarketplaceFulfilledWithoutPersonalData()
    {
        var o = Assert.Single(MapFile("orders_2026-01-01/searchOrders__200__sandbox0.json").Orders);
        Assert.Equal(FulfilmentChannel.Marketplace, o.Order.FulfilmentChannel);
        Assert.Equal(Address.Create("Tokyo", null, "150-0002", "JP"), o.Order.ShipTo);
        Assert.Null(o.Order.ShipTo!.Name);
        Assert.Equal([new Money(5980m, CurrencyCode.From("JPY")), new Money(13960m, CurrencyCode.From("JPY"))], o.Order.Lines.Select(l => l.Amount!.Value));
    }

    [SpApiDataFact]
    public void Map2026_GetOrderExamples_GiveTheirFacts()
    {
        var uk = Assert.Single(MapFile("orders_2026-01-01/getOrder__200__example.json").Orders).Order;
        Assert.Equal("202-1234567-8901234", uk.ExternalOrderId);
        Assert.Equal(new Money(89.97m, CurrencyCode.From("GBP")), Assert.Single(uk.Lines).Amount);
        Assert.Equal("M1 2AB", uk.ShipTo!.PostalCode);
        Assert.Contains("prime", uk.Tags);

        var br = Assert.Single(MapFile("orders_2026-01-01/getOrder__200__sandbox0.json").Orders);
        Assert.Equal(AmazonOrderStatusCode.Unshipped, br.Status);
        Assert.True(br.IsAllocatable);
        Assert.Equal(new Money(299.90m, CurrencyCode.From("BRL")), Assert.Single(br.Order.Lines).UnitPrice);
        Assert.Equal(Address.Create("São Paulo", "SP", "01234-567", "BR", "Rua das Flores, 123", "Apartamento 45", "Maria Silva Santos"), br.Order.ShipTo);

        var tr = Assert.Single(MapFile("orders_2026-01-01/getOrder__200__sandbox1.json").Orders).Order;
        Assert.Equal(2, Assert.Single(tr.Lines).Quantity);
        Assert.Equal(new Money(125.00m, CurrencyCode.From("TRY")), tr.Lines[0].Amount);
        Assert.DoesNotContain("prime", tr.Tags);

        var ispu = Assert.Single(MapFile("orders_2026-01-01/getOrder__200__sandbox2.json").Orders).Order;
        Assert.Null(ispu.ShipBy);
        Assert.Equal("ECHO-POP-US-BLK", Assert.Single(ispu.Lines).ExternalSku);
    }

    [Fact]
    public void Map_V0AndV2026OfTheSameOrder_GiveTheSameCanonicalOrder()
    {
        const string v0 = """
            {"payload":{"Orders":[{"AmazonOrderId":"123-4567890-1234567","PurchaseDate":"2024-12-25T10:30:00Z","LastUpdateDate":"2024-12-25T14:45:00Z",
              "OrderStatus":"Unshipped","FulfillmentChannel":"MFN","ShipmentServiceLevelCategory":"SecondDay","LatestShipDate":"2024-12-27T23:59:59Z",
              "IsPrime":true,"IsBusinessOrder":"true","MarketplaceId":"ATVPDKIKX0DER",
              "ShippingAddress":{"Name":"John Smith","AddressLine1":"123 Main Street","AddressLine2":"Suite 456","City":"Seattle","StateOrRegion":"WA","PostalCode":"98101","CountryCode":"US"}}]}}
            """;
        const string v0Items = """
            {"payload":{"AmazonOrderId":"123-4567890-1234567","OrderItems":[
              {"ASIN":"B08N5WRWNW","SellerSKU":"ECHO-DOT-4-CHARCOAL","OrderItemId":"12345678901234","QuantityOrdered":"2","QuantityShipped":0,"ItemPrice":{"CurrencyCode":"USD","Amount":"99.98"}}]}}
            """;
        const string v2026 = """
            {"orders":[{"orderId":"123-4567890-1234567","createdTime":"2024-12-25T10:30:00Z","lastUpdatedTime":"2024-12-25T14:45:00Z","programs":["PRIME","AMAZON_BUSINESS"],
              "salesChannel":{"channelName":"AMAZON","marketplaceId":"ATVPDKIKX0DER"},
              "recipient":{"deliveryAddress":{"name":"John Smith","addressLine1":"123 Main Street","addressLine2":"Suite 456","addressLine3":"","city":"Seattle","stateOrRegion":"WA","postalCode":"98101","countryCode":"US"}},
              "fulfillment":{"fulfillmentStatus":"UNSHIPPED","fulfilledBy":"MERCHANT","fulfillmentServiceLevel":"SECOND_DAY","shipByWindow":{"latestDateTime":"2024-12-27T23:59:59Z"}},
              "orderItems":[{"orderItemId":"12345678901234","quantityOrdered":2,"product":{"asin":"B08N5WRWNW","sellerSku":"ECHO-DOT-4-CHARCOAL","price":{"unitPrice":{"amount":"49.99","currencyCode":"USD"}}}}]}]}
            """;
        var a = Assert.Single(AmazonOrderMapper.Map([AmazonPayload.Parse(v0, "v0"), AmazonPayload.Parse(v0Items, "v0-items")], Mapping).Orders);
        var b = Assert.Single(AmazonOrderMapper.Map([AmazonPayload.Parse(v2026, "v2026")], Mapping).Orders);
        Assert.Equal(ServiceLevel.SecondDay, a.Order.ServiceLevel);
        Assert.Equal(Canonical(a.Order with { ChannelStatus = null }), Canonical(b.Order with { ChannelStatus = null }));
        Assert.Equal(a.Status, b.Status);
        Assert.Equal(a.Items.Select(i => (i.OrderItemId, i.SellerSku, i.Asin, i.QuantityOrdered, i.ItemPrice, i.UnitPrice)), b.Items.Select(i => (i.OrderItemId, i.SellerSku, i.Asin, i.QuantityOrdered, i.ItemPrice, i.UnitPrice)));
    }

    [Theory]
    [InlineData("Shippable", AmazonRejectionReason.UnknownOrderStatus, "OrderStatus")]
    [InlineData(null, AmazonRejectionReason.MissingField, "OrderStatus")]
    public void MapV0_UnknownOrMissingStatus_IsATypedRejection(string? status, AmazonRejectionReason reason, string field)
    {
        var statusField = status is null ? "" : $"\"OrderStatus\":\"{status}\",";
        var json = "{\"payload\":{\"AmazonOrderId\":\"111-1111111-1111111\",\"PurchaseDate\":\"2025-01-01T00:00:00Z\",\"LastUpdateDate\":\"2025-01-01T00:00:00Z\"," + statusField + "\"FulfillmentChannel\":\"MFN\"}}";
        var r = Assert.Single(AmazonOrderMapper.Map([AmazonPayload.Parse(json, "t")], Mapping).Rejections);
        Assert.Equal(reason, r.Reason);
        Assert.Equal(field, r.Field);
        Assert.Equal("111-1111111-1111111", r.AmazonOrderId);
    }

    [Theory]
    [InlineData("\"FulfillmentChannel\":\"XFN\"", AmazonRejectionReason.UnknownFulfillmentChannel, "FulfillmentChannel")]
    [InlineData("\"FulfillmentChannel\":\"MFN\",\"LatestShipDate\":\"next tuesday\"", AmazonRejectionReason.InvalidDate, "LatestShipDate")]
    public void MapV0_BadField_IsRejectedNamingIt(string fields, AmazonRejectionReason reason, string field)
    {
        var json = "{\"payload\":{\"AmazonOrderId\":\"111-1111111-1111111\",\"PurchaseDate\":\"2025-01-01T00:00:00Z\",\"LastUpdateDate\":\"2025-01-01T00:00:00Z\",\"OrderStatus\":\"Unshipped\"," + fields + "}}";
        var r = Assert.Single(AmazonOrderMapper.Map([AmazonPayload.Parse(json, "t")], Mapping).Rejections);
        Assert.Equal(reason, r.Reason);
        Assert.Equal(field, r.Field);
    }

    [Fact]
    public void MapV0_OneBadItem_RejectsItsOrderAndTheBatchGoesOn()
    {
        const string orders = """
            {"payload":{"Orders":[
              {"AmazonOrderId":"111-0000000-0000001","PurchaseDate":"2025-01-01T00:00:00Z","LastUpdateDate":"2025-01-02T00:00:00Z","OrderStatus":"Unshipped","FulfillmentChannel":"AFN"},
              {"AmazonOrderId":"111-0000000-0000002","PurchaseDate":"2025-01-01T00:00:00Z","LastUpdateDate":"2025-01-02T00:00:00Z","OrderStatus":"Unshipped","FulfillmentChannel":"AFN"}]}}
            """;
        const string bad = """{"payload":{"AmazonOrderId":"111-0000000-0000001","OrderItems":[{"ASIN":"B0000000001","OrderItemId":"1","QuantityOrdered":1,"ItemPrice":{"CurrencyCode":"USD","Amount":"ten"}}]}}""";
        const string good = """{"payload":{"AmazonOrderId":"111-0000000-0000002","OrderItems":[{"ASIN":"B0000000002","OrderItemId":"2","QuantityOrdered":1}]}}""";
        var result = AmazonOrderMapper.Map([AmazonPayload.Parse(orders, "o"), AmazonPayload.Parse(bad, "i1"), AmazonPayload.Parse(good, "i2")], Mapping);
        var r = Assert.Single(result.Rejections);
        Assert.Equal(("111-0000000-0000001", AmazonRejectionReason.InvalidMoney, "OrderItems[0].ItemPrice.Amount"), (r.AmazonOrderId, r.Reason, r.Field));
        Assert.Equal("111-0000000-0000002", Assert.Single(result.Orders).AmazonOrderId);
    }

    [Fact]
    public void Parse_UnknownDocument_ThrowsATypedFormatError()
    {
        var ex = Assert.Throws<AmazonPayloadFormatException>(() => AmazonPayload.Parse("""{"hello":"world"}""", "x.json"));
        Assert.Equal("x.json", ex.SourceName);
        Assert.Throws<AmazonPayloadFormatException>(() => AmazonPayload.Parse("not json", "y.json"));
    }

    internal static string Canonical(ChannelOrder o)
        => string.Join("|", o.Owner, o.Channel, o.Account, o.ExternalOrderId, o.Version, o.PlacedAt, o.FulfilmentChannel, o.ServiceLevel, o.ShipTo, o.ShipBy, o.ChannelStatus, o.IsCancelled,
            string.Join(",", o.Tags), string.Join(";", o.Lines.Select(l => $"{l.ExternalLineId}/{l.ExternalSku}/{l.Quantity}/{l.UnitPrice}/{l.Amount}/{l.IsCancelled}")));
}
