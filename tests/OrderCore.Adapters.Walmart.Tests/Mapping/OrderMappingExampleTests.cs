using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Tests.Support;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Tests.Mapping;

/// <summary>Every order document of ../shared/data/walmart maps, and the mapped values equal the payload's (read independently here).</summary>
public sealed class OrderMappingExampleTests
{
    public static TheoryData<string> OrderFiles()
    {
        var data = new TheoryData<string>();
        if (!SharedData.IsPresent)
        {
            data.Add("(shared data missing)");
            return data;
        }
        foreach (var f in SharedData.OrderFiles()) data.Add(Path.GetRelativePath(SharedData.Walmart, f));
        return data;
    }

    [WalmartDataTheory]
    [MemberData(nameof(OrderFiles))]
    public void Parse_EveryExampleOrderFile_MapsEveryOrderWithThePayloadValues(string file)
    {
        var path = Path.Combine(SharedData.Walmart, file);
        var json = File.ReadAllText(path);
        var batch = Kit.Mapper().Parse(json);

        Assert.Empty(batch.Rejections);
        var root = JsonNode.Parse(json)!;
        var expected = root["list"] is { } list ? list["elements"]!["order"]!.AsArray().Select(n => n!).ToArray() : [root["order"]!];
        Assert.Equal(expected.Length, batch.Orders.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            var o = batch.Orders[i];
            Assert.Equal((string)e["purchaseOrderId"]!, o.PurchaseOrderId);
            Assert.Equal((string)e["customerOrderId"]!, o.CustomerOrderId);
            Assert.Equal(Instant.FromUnixTimeMilliseconds((long)e["orderDate"]!), o.OrderDate);
            Assert.Equal(o.PurchaseOrderId, o.ChannelOrder.ExternalOrderId);
            Assert.Equal(o.OrderDate, o.ChannelOrder.PlacedAt);
            Assert.Equal(WalmartChannel.Id, o.ChannelOrder.Channel);

            var shipping = e["shippingInfo"]!;
            Assert.Equal(Instant.FromUnixTimeMilliseconds((long)shipping["estimatedShipDate"]!), o.ChannelOrder.ShipBy);
            Assert.Equal(Instant.FromUnixTimeMilliseconds((long)shipping["estimatedDeliveryDate"]!), o.EstimatedDeliveryDate);
            Assert.Equal((string)shipping["methodCode"]!, o.MethodCode);
            var address = shipping["postalAddress"]!;
            Assert.Equal((string)address["city"]!, o.ShipTo!.City);
            Assert.Equal((string)address["state"]!, o.ShipTo.Region);
            Assert.Equal((string)address["postalCode"]!, o.ShipTo.PostalCode);
            Assert.Equal((string)address["address1"]!, o.ShipTo.Line1);
            Assert.Equal((string?)address["address2"], o.ShipTo.Line2);
            Assert.Equal("USA", (string)address["country"]!);
            Assert.Equal("US", o.ShipTo.CountryCode);

            var lines = e["orderLines"]!["orderLine"]!.AsArray();
            Assert.Equal(lines.Count, o.Lines.Count);
            Assert.Equal(lines.Count, o.ChannelOrder.Lines.Count);
            long version = (long)e["orderDate"]!;
            for (var l = 0; l < lines.Count; l++)
            {
                var el = lines[l]!;
                var ol = o.Lines[l];
                var cl = o.ChannelOrder.Lines[l];
                Assert.Equal((string)el["lineNumber"]!, ol.LineNumber);
                Assert.Equal(ol.LineNumber, cl.ExternalLineId);
                Assert.Equal((string)el["item"]!["sku"]!, ol.Sku);
                Assert.Equal(ol.Sku, cl.ExternalSku);
                // orderLineQuantity.amount is a string in Walmart's payloads.
                var amountText = (string)el["orderLineQuantity"]!["amount"]!;
                Assert.Equal(int.Parse(amountText, CultureInfo.InvariantCulture), ol.OrderedQuantity);
                var statuses = el["orderLineStatuses"]!["orderLineStatus"]!.AsArray();
                Assert.Equal(statuses.Select(s => (string)s!["status"]!), ol.Statuses.Select(s => s.Status.ToString()));
                Assert.Equal(statuses.Select(s => int.Parse((string)s!["statusQuantity"]!["amount"]!, CultureInfo.InvariantCulture)), ol.Statuses.Select(s => s.Quantity));
                var allCancelled = statuses.All(s => (string)s!["status"]! == "Cancelled");
                Assert.Equal(allCancelled, cl.IsCancelled);
                Assert.Equal(allCancelled ? 0 : ol.OrderedQuantity, cl.Quantity);

                var charges = el["charges"]!["charge"]!.AsArray();
                var product = charges.Where(c => (string)c!["chargeType"]! == "PRODUCT").Sum(c => (decimal)c!["chargeAmount"]!["amount"]!);
                var ship = charges.Where(c => (string)c!["chargeType"]! == "SHIPPING").Sum(c => (decimal)c!["chargeAmount"]!["amount"]!);
                var tax = charges.Sum(c => c!["tax"]?["taxAmount"]?["amount"] is { } t ? (decimal)t : 0m);
                Assert.Equal(new Money(product, CurrencyCode.Usd), ol.ProductAmount);
                Assert.Equal(new Money(ship, CurrencyCode.Usd), ol.ShippingAmount);
                Assert.Equal(new Money(tax, CurrencyCode.Usd), ol.TaxAmount);
                Assert.Equal(ol.ProductAmount, cl.Amount);
                var refunds = el["refund"]?["refundCharges"]?["refundCharge"]?.AsArray();
                Assert.Equal(refunds?.Count ?? 0, ol.Refunds.Count);
                if (el["statusDate"] is { } sd) version = Math.Max(version, (long)sd);
            }
            Assert.Equal(version, o.ChannelOrder.Version);
            Assert.Equal(o.State.ToString(), o.ChannelOrder.ChannelStatus);
            Assert.Equal(o.State == WalmartOrderState.Cancelled, o.ChannelOrder.IsCancelled);
        }
    }

    [WalmartDataFact]
    public void Parse_AllOrdersPage_KeepsTheCursorAndMapsTheCreatedReplacementOrder()
    {
        var batch = Kit.Mapper().Parse(SharedData.ReadExample("orders", "getAllOrders__response200__example.json"));

        Assert.Equal("?limit=10&hasMoreElements=true&soIndex=31&poIndex=10&partnerId=100009&sellerId=8&createdStartDate=2013-08-16&createdEndDate=2019-09-17T18:47:03.703Z", batch.NextCursor);
        Assert.Equal(31, batch.TotalCount);
        Assert.Equal(10, batch.Orders.Count);
        var o = batch.Orders[0];
        Assert.Equal("1796277083022", o.PurchaseOrderId);
        Assert.Equal("5281956426648", o.CustomerOrderId);
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1568466571000), o.OrderDate);
        Assert.Equal(WalmartShipNodeType.SellerFulfilled, o.ShipNodeType);
        Assert.Equal(FulfilmentChannel.Merchant, o.ChannelOrder.FulfilmentChannel);
        Assert.Equal(WalmartOrderState.Created, o.State);
        Assert.Equal(ServiceLevel.Standard, o.ChannelOrder.ServiceLevel); // methodCode Value
        Assert.Contains("walmart-method:Value", o.ChannelOrder.Tags);
        Assert.Contains("walmart-order-type:REPLACEMENT", o.ChannelOrder.Tags);
        Assert.Contains("walmart-customer-order:5281956426648", o.ChannelOrder.Tags);
        var line = Assert.Single(o.Lines);
        Assert.Equal("4", line.LineNumber);
        Assert.Equal("test1", line.Sku);
        Assert.Equal(1, line.OrderedQuantity);
        Assert.Equal(WalmartLineStatus.Created, line.Status);
        Assert.Equal(new Money(10m, CurrencyCode.Usd), line.ProductAmount);
        Assert.Equal(new Money(0.8m, CurrencyCode.Usd), line.TaxAmount);
        Assert.Equal(new Money(10.8m, CurrencyCode.Usd), line.Total);
        Assert.Equal("Garage", o.ShipTo!.Line2);
        Assert.Equal("Kathryn Cole", o.ShipTo.Name);
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1568700000000), o.ChannelOrder.ShipBy);
        // The SLA clock: created + 4 h, auto-cancel at created + 30 days.
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1568466571000) + Duration.FromHours(4), o.AcknowledgeBy);
        Assert.Equal(o.AcknowledgeBy, line.AcknowledgeBy);
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1568466571000) + Duration.FromDays(30), o.AutoCancelAt);
        Assert.True(o.NeedsAcknowledgement);
        Assert.Equal(1568466647000, o.ChannelOrder.Version); // the line's statusDate
    }

    [WalmartDataFact]
    public void Parse_AllOrdersPage_CancelledShippedAndNullTaxOrders()
    {
        var orders = Kit.Mapper().Parse(SharedData.ReadExample("orders", "getAllOrders__response200__example.json")).Orders.ToDictionary(o => o.PurchaseOrderId);

        var cancelled = orders["3796235970012"];
        Assert.Equal(WalmartOrderState.Cancelled, cancelled.State);
        Assert.True(cancelled.ChannelOrder.IsCancelled);
        Assert.True(cancelled.ChannelOrder.Lines[0].IsCancelled);
        Assert.Equal(0, cancelled.ChannelOrder.Lines[0].Quantity);
        Assert.Null(cancelled.AcknowledgeBy);
        Assert.Null(cancelled.AutoCancelAt);
        Assert.Null(cancelled.ShipTo!.Line2);

        var nullTax = orders["2792525175246"]; // its charge has no tax at all
        Assert.Null(nullTax.Lines[0].Charges[0].Tax);
        Assert.Equal(Money.Zero(CurrencyCode.Usd), nullTax.TaxTotal);

        var otherCarrier = orders["3796050123784"];
        Assert.Equal(WalmartOrderState.Shipped, otherCarrier.State);
        Assert.Equal("USPS Marketplace", otherCarrier.Lines[0].Statuses[0].Tracking!.OtherCarrier);
        Assert.Null(otherCarrier.Lines[0].Statuses[0].Tracking!.Carrier);

        var ups = orders["2792338900105"];
        Assert.Equal("UPS", ups.Lines[0].Statuses[0].Tracking!.Carrier);
        Assert.Equal("Apt # 1027", ups.ShipTo!.Line2);
        Assert.Equal(new Money(9.99m, CurrencyCode.Usd), ups.ProductTotal);
        Assert.Equal(new Money(0.62m, CurrencyCode.Usd), ups.TaxTotal);
        Assert.Null(ups.AcknowledgeBy);
    }

    [WalmartDataFact]
    public void Parse_ReleasedOrders_ShipNodeAsEmptyArray_ExpressAndShippingCharges()
    {
        var batch = Kit.Mapper().Parse(SharedData.ReadExample("orders", "getAllReleasedOrders__response200__example.json"));

        Assert.Empty(batch.Rejections);
        Assert.Equal(10, batch.Orders.Count);
        Assert.All(batch.Orders, o => Assert.Equal(WalmartShipNodeType.SellerFulfilled, o.ShipNodeType)); // "shipNode": [] counts as absent
        Assert.All(batch.Orders, o => Assert.Equal(WalmartOrderState.Created, o.State));
        var o = batch.Orders[0];
        Assert.Equal("4792982839409", o.PurchaseOrderId);
        Assert.Equal(ServiceLevel.Expedited, o.ChannelOrder.ServiceLevel); // Express
        var line = o.Lines[0];
        Assert.Equal("3", line.LineNumber);
        Assert.Equal("StressTestHome_29", line.Sku);
        Assert.Equal(new Money(99m, CurrencyCode.Usd), line.ProductAmount);
        Assert.Equal(new Money(60m, CurrencyCode.Usd), line.ShippingAmount);
        Assert.Equal(new Money(7.92m, CurrencyCode.Usd), line.TaxAmount); // the shipping charge's tax is null
        Assert.Null(line.Charges.Single(c => c.ChargeType == "SHIPPING").Tax);
        Assert.Equal("?limit=10&hasMoreElements=true&soIndex=78449&poIndex=10&partnerId=100009&sellerId=8&status=Created&createdStartDate=2013-08-16&createdEndDate=2019-10-24T17:41:15.701Z", batch.NextCursor);
    }

    [WalmartDataFact]
    public void Parse_ReleasedOrdersQueriedAsWfs_AreMarketplaceFulfilledWithNoSellerDeadline()
    {
        var batch = Kit.Mapper().Parse(SharedData.ReadExample("orders", "getAllReleasedOrders__response200__example.json"), WalmartShipNodeType.WalmartFulfilled);

        Assert.All(batch.Orders, o =>
        {
            Assert.Equal(FulfilmentChannel.Marketplace, o.ChannelOrder.FulfilmentChannel);
            Assert.True(o.IsWalmartFulfilled);
            Assert.False(o.NeedsAcknowledgement);
            Assert.Null(o.AcknowledgeBy);
            Assert.Null(o.AutoCancelAt);
            Assert.Contains("walmart-ship-node:WFSFulfilled", o.ChannelOrder.Tags);
        });
    }

    [WalmartDataFact]
    public void Parse_OrderWithThreePlShipNode_IsMerchantFulfilledAtTheMappedLocation()
    {
        var mapper = Kit.Mapper(o => o.ShipNodes["123"] = "3PL-EAST");
        var o = mapper.ParseSingle(SharedData.ReadExample("orders", "getAnOrder__response200__ATTRIBUTES.json"));

        Assert.Equal(WalmartShipNodeType.ThirdPartyLogistics, o.ShipNodeType);
        Assert.Equal(FulfilmentChannel.Merchant, o.ChannelOrder.FulfilmentChannel);
        Assert.Equal("123", o.ShipNodeId);
        Assert.Equal(LocationId.From("3PL-EAST"), o.ShipNodeLocation);
        Assert.Contains("walmart-location:3PL-EAST", o.ChannelOrder.Tags);
        Assert.Contains("walmart-ship-node:3PLFulfilled", o.ChannelOrder.Tags);
        Assert.Contains("walmart-program:THREE_TO_FIVE_DAY", o.ChannelOrder.Tags);
        var line = o.Lines[0];
        Assert.Equal("xyz", line.Statuses[0].CancellationReason);
        Assert.Equal("FED_EX", line.Statuses[0].Tracking!.Carrier);
        Assert.Equal("INCORRECT_ITEM_RECEIVED", line.Refunds[0].RefundReason);
        Assert.Equal(new Money(798m, CurrencyCode.Usd), line.Refunds[0].Amount);
        Assert.Equal(Money.Zero(CurrencyCode.Usd), line.RefundableAmount); // 10 + 0.8 charged, 798 + 798 refunded: nothing left
    }

    [WalmartDataFact]
    public void Parse_ShippedOrder_HasUspsTrackingAndNoDeadline()
    {
        var o = Kit.Single("orders", "getAnOrder__response200__ORDER.json");

        Assert.Equal("1815367951431", o.PurchaseOrderId);
        Assert.Equal(WalmartShipNodeType.SellerFulfilled, o.ShipNodeType);
        Assert.Equal(WalmartOrderState.Shipped, o.State);
        var t = o.Lines[0].Statuses[0].Tracking!;
        Assert.Equal("USPS", t.Carrier);
        Assert.Equal("435678956435467", t.TrackingNumber);
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1623835855000), t.ShipDateTime);
        Assert.Equal(new Money(5m, CurrencyCode.Usd), o.ProductTotal);
        Assert.Equal(new Money(0.34m, CurrencyCode.Usd), o.TaxTotal);
        Assert.Empty(o.Lines[0].Refunds); // "refund": null
        Assert.Null(o.AcknowledgeBy);
        Assert.Null(o.AutoCancelAt);
    }

    [WalmartDataFact]
    public void Parse_CapturedVentmereOrder_NullAddressLine2NullRefundTaxAndNegativeRefund()
    {
        var o = Kit.Mapper().ParseSingle(File.ReadAllText(SharedData.CapturedOrder));

        Assert.Equal("1577684050862", o.PurchaseOrderId);
        Assert.Equal("2861700797280", o.CustomerOrderId);
        Assert.Null(o.ShipTo!.Line2);
        Assert.Equal("Asha  Chakre", o.ShipTo.Name);
        Assert.Equal("94086", o.ShipTo.PostalCode);
        var line = o.Lines[0];
        Assert.Equal("MGR_07_21_00100123", line.Sku);
        Assert.Equal(WalmartLineStatus.Shipped, line.Status);
        Assert.Equal("FedEx", line.Statuses[0].Tracking!.Carrier);
        Assert.Null(line.Statuses[0].CancellationReason);
        var refund = Assert.Single(line.Refunds);
        Assert.Equal("ItemNotReceivedByCustomer", refund.RefundReason);
        Assert.Equal(new Money(-0.01m, CurrencyCode.Usd), refund.Amount);
        Assert.Null(refund.Tax);
        Assert.Equal(new Money(21.69m, CurrencyCode.Usd), line.Total);
        Assert.Equal(new Money(0.01m, CurrencyCode.Usd), line.RefundedAmount);
        Assert.Equal(new Money(21.68m, CurrencyCode.Usd), line.RefundableAmount);
        Assert.Equal(1487888747000, o.ChannelOrder.Version);
    }

    [WalmartDataFact]
    public void Parse_AcknowledgeResponse_IsAcknowledgedWithOnlyTheAutoCancelDeadline()
    {
        var o = Kit.Single("orders", "acknowledgeOrders__response200__example.json");

        Assert.Equal("1796277083022", o.PurchaseOrderId);
        Assert.Equal(WalmartOrderState.Acknowledged, o.State);
        Assert.Null(o.AcknowledgeBy);
        Assert.Equal(o.OrderDate + Duration.FromDays(30), o.AutoCancelAt);
        Assert.False(o.NeedsAcknowledgement);
    }

    [WalmartDataFact]
    public void Parse_RefundResponse_RecordsTheRefundChargesAsSent()
    {
        var o = Kit.Single("orders", "refundOrderLines__response200__example.json");

        var line = o.Lines[0];
        Assert.Equal(new Money(19.99m, CurrencyCode.Usd), line.ProductAmount);
        Assert.Equal(new Money(2m, CurrencyCode.Usd), line.ShippingAmount);
        Assert.Equal(2, line.Refunds.Count);
        Assert.Equal(new Money(-19.99m, CurrencyCode.Usd), line.Refunds[0].Amount);
        Assert.Equal("BillingError", line.Refunds[0].RefundReason);
        Assert.Equal("SHIPPING", line.Refunds[1].ChargeType);
        Assert.Equal(Money.Zero(CurrencyCode.Usd), line.RefundableAmount);
    }
}
