using System.Text.Json.Nodes;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Tests.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Tests.Mapping;

/// <summary>A payload that cannot map gets a typed rejection naming the field; the rest of the page goes on.</summary>
public sealed class OrderMappingRejectionTests
{
    private static string Page(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(SharedData.ReadExample("orders", "getAllOrders__response200__example.json"))!;
        change(root["list"]!["elements"]!["order"]![0]!);
        return root.ToJsonString();
    }

    [WalmartDataTheory]
    [InlineData("1.5", "is not a whole number of units")]
    [InlineData("abc", "is not a number")]
    [InlineData("", "quantity is blank")]
    [InlineData("-1", "is negative")]
    public void Parse_BadLineQuantity_RejectsThatOrderNamingTheField(string amount, string reason)
    {
        var batch = Kit.Mapper().Parse(Page(o => o["orderLines"]!["orderLine"]![0]!["orderLineQuantity"]!["amount"] = amount));

        var r = Assert.Single(batch.Rejections);
        Assert.Equal("1796277083022", r.PurchaseOrderId);
        Assert.Equal("list.elements.order[0].orderLines.orderLine[0].orderLineQuantity.amount", r.Field);
        Assert.Contains(reason, r.Reason);
        Assert.Equal(9, batch.Orders.Count); // the rest of the page is mapped
    }

    [WalmartDataFact]
    public void Parse_QuantityAsNumber_IsAccepted()
    {
        var batch = Kit.Mapper().Parse(Page(o => o["orderLines"]!["orderLine"]![0]!["orderLineQuantity"]!["amount"] = 2));

        Assert.Empty(batch.Rejections);
        Assert.Equal(2, batch.Orders[0].Lines[0].OrderedQuantity);
    }

    [WalmartDataTheory]
    [InlineData("sku", "list.elements.order[0].orderLines.orderLine[0].item.sku")]
    [InlineData("status", "list.elements.order[0].orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status")]
    [InlineData("currency", "list.elements.order[0].orderLines.orderLine[0].charges.charge[0].tax.taxAmount.currency")]
    [InlineData("purchaseOrderId", "list.elements.order[0].purchaseOrderId")]
    [InlineData("country", "list.elements.order[0].shippingInfo.postalAddress.country")]
    [InlineData("orderDate", "list.elements.order[0].orderDate")]
    [InlineData("statuses", "list.elements.order[0].orderLines.orderLine[0].orderLineStatuses.orderLineStatus")]
    [InlineData("lineNumber", "list.elements.order[0].orderLines.orderLine[0].lineNumber")]
    [InlineData("shipNode", "list.elements.order[0].shipNode.type")]
    public void Parse_BrokenField_RejectionNamesIt(string broken, string field)
    {
        var json = Page(o =>
        {
            var line = o["orderLines"]!["orderLine"]![0]!;
            switch (broken)
            {
                case "sku": line["item"]!["sku"] = null; break;
                case "status": line["orderLineStatuses"]!["orderLineStatus"]![0]!["status"] = "Teleported"; break;
                case "currency": line["charges"]!["charge"]![0]!["tax"]!["taxAmount"]!["currency"] = "EUR"; break;
                case "purchaseOrderId": o.AsObject().Remove("purchaseOrderId"); break;
                case "country": o["shippingInfo"]!["postalAddress"]!["country"] = "ZZZ"; break;
                case "orderDate": o["orderDate"] = new JsonObject { ["when"] = "soon" }; break;
                case "statuses": line["orderLineStatuses"]!["orderLineStatus"] = new JsonArray(); break;
                case "lineNumber": line["lineNumber"] = " "; break;
                case "shipNode": o["shipNode"] = new JsonObject { ["type"] = "DroneFulfilled" }; break;
            }
        });

        var batch = Kit.Mapper().Parse(json);

        var r = Assert.Single(batch.Rejections);
        Assert.Equal(field, r.Field);
        Assert.Equal(9, batch.Orders.Count);
    }

    [Fact]
    public void Parse_NotJson_RejectsTheDocument()
    {
        var batch = Kit.Mapper().Parse("{ not json");

        Assert.Empty(batch.Orders);
        Assert.Equal("$", Assert.Single(batch.Rejections).Field);
    }

    [Fact]
    public void Parse_RequestBodyInsteadOfAnOrder_RejectsTheDocument()
    {
        var batch = Kit.Mapper().Parse("""{"orderCancellation":{"orderLines":{"orderLine":[]}}}""");

        var r = Assert.Single(batch.Rejections);
        Assert.Equal("$", r.Field);
        Assert.Contains("neither an order list", r.Reason);
    }

    [Fact]
    public void ParseSingle_Rejection_ThrowsTypedException()
    {
        var ex = Assert.Throws<WalmartOrderMappingException>(() => Kit.Mapper().ParseSingle("""{"order":{"purchaseOrderId":"1","customerOrderId":"2","orderDate":1,"orderLines":{"orderLine":[]}}}"""));

        Assert.Equal("order.orderLines.orderLine", ex.Rejection.Field);
    }

    [Fact]
    public void Parse_PartlyCancelledLine_CarriesItsLiveQuantity()
    {
        const string json = """
        {"order":{"purchaseOrderId":"P1","customerOrderId":"C1","orderDate":1700000000000,
          "shippingInfo":{"methodCode":"OneDay","postalAddress":{"name":"A","address1":"1 Main","city":"Bentonville","state":"AR","postalCode":"72712","country":"US"}},
          "shipNode":{"type":"SellerFulfilled","id":"10001"},
          "orderLines":{"orderLine":[{"lineNumber":"1","item":{"sku":"S1"},
            "charges":{"charge":[{"chargeType":"PRODUCT","chargeName":"ItemPrice","chargeAmount":{"currency":"USD","amount":"20.00"},"tax":null}]},
            "orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"3"},"statusDate":1700000100000,
            "orderLineStatuses":{"orderLineStatus":[
              {"status":"Cancelled","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}},
              {"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}},
              {"status":"Acknowledged","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}}]}}}
        """;

        var o = Kit.Mapper().ParseSingle(json);

        Assert.Equal(WalmartOrderState.PartiallyShipped, o.State);
        Assert.Equal(WalmartLineStatus.Acknowledged, o.Lines[0].Status);
        Assert.Equal(2, o.ChannelOrder.Lines[0].Quantity);
        Assert.Equal(1, o.Lines[0].OpenQuantity);
        Assert.Equal(ServiceLevel.NextDay, o.ChannelOrder.ServiceLevel);
        Assert.Equal(LocationId.From("WH-1"), o.ShipNodeLocation); // ship node 10001 is mapped to WH-1 in the test options
        Assert.Equal(new Money(20m, CurrencyCode.Usd), o.Lines[0].ProductAmount); // amount sent as a string
    }
}
