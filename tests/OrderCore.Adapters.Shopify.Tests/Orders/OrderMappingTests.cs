using System.Globalization;
using System.Text.Json;
using NodaTime;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Adapters.Shopify.Tests.Orders;

/// <summary>Every order object of <c>rest-admin-2026-07-examples</c> maps, or is rejected naming the field; values are compared with the payload.</summary>
public sealed class OrderMappingTests
{
    private static readonly ShopifyOrderMapper Mapper = new(TestIds.Owner, ChannelAccountId.From(ShopifyKit.Shop));

    /// <summary>The order objects that cannot map, with the field the rejection must name: partial field selections.</summary>
    private static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["order__test_3.json"] = "$.line_items",  // ?fields=created_at,id,name,total-price
        ["order__test_7.json"] = "$.created_at",  // ?fields=id,line_items,name,total_price
    };

    [SharedDataFact]
    public void EveryExampleOrder_MapsWithThePayloadsValues_OrIsRejectedNamingTheField()
    {
        var seen = 0;
        foreach (var (file, index, json) in SharedData.ExampleOrders())
        {
            seen++;
            var bytes = SharedData.Bytes(json);
            if (Rejected.TryGetValue(file, out var field))
            {
                var ex = Assert.Throws<ShopifyPayloadException>(() => Mapper.MapOrder(bytes));
                Assert.Equal(field, ex.Field);
                continue;
            }
            var mapped = Mapper.MapOrder(bytes);
            AssertMatchesPayload(file, index, json, mapped);
        }
        Assert.Equal(30, seen); // 24 "order" responses + 6 orders in "orders" lists in the 2026-07 examples
    }

    private static void AssertMatchesPayload(string file, int index, JsonElement json, ShopifyMappedOrder mapped)
    {
        var at = $"{file}[{index}]";
        var o = mapped.Order;
        Assert.True(o.ExternalOrderId == json.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), at);
        Assert.Equal(json.GetProperty("updated_at").GetDateTimeOffset().ToUnixTimeMilliseconds(), o.Version);
        Assert.Equal(ShopifyOptions.Channel, o.Channel);
        Assert.Equal(FulfilmentChannel.Merchant, o.FulfilmentChannel);
        Assert.Equal(json.GetProperty("cancelled_at").ValueKind != JsonValueKind.Null, o.IsCancelled);
        var currency = json.GetProperty("currency").GetString()!;
        var items = json.GetProperty("line_items").EnumerateArray().ToArray();
        Assert.Equal(items.Length, o.Lines.Count);
        for (var i = 0; i < items.Length; i++)
        {
            var li = items[i];
            var line = o.Lines[i];
            var sku = li.GetProperty("sku").GetString();
            var variant = li.GetProperty("variant_id");
            var expectedSku = !string.IsNullOrWhiteSpace(sku) ? sku : variant.ValueKind == JsonValueKind.Number ? variant.GetInt64().ToString(CultureInfo.InvariantCulture) : null;
            Assert.Equal(expectedSku, line.ExternalSku);
            Assert.Equal(li.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), line.ExternalLineId);
            var current = li.TryGetProperty("current_quantity", out var cq) ? cq.GetInt32() : li.GetProperty("quantity").GetInt32();
            Assert.Equal(current, line.Quantity);
            Assert.Equal(current == 0, line.IsCancelled);
            Assert.Equal(decimal.Parse(li.GetProperty("price").GetString()!, CultureInfo.InvariantCulture), line.UnitPrice!.Value.Amount);
            Assert.Equal(currency, line.UnitPrice.Value.Currency.Code);
            Assert.Equal(li.GetProperty("quantity").GetInt32(), mapped.Lines[i].Quantity);
            Assert.Equal(li.GetProperty("fulfillable_quantity").GetInt32(), mapped.Lines[i].FulfillableQuantity);
        }
        Assert.Equal(decimal.Parse(json.GetProperty("total_price").GetString()!, CultureInfo.InvariantCulture), mapped.TotalPrice!.Value.Amount);
        var tags = json.GetProperty("tags").GetString()!;
        Assert.Equal(tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), o.Tags);
        Assert.Equal($"{json.GetProperty("financial_status").GetString()}/{(json.GetProperty("fulfillment_status").GetString() ?? "unfulfilled")}", o.ChannelStatus);
        if (json.TryGetProperty("shipping_address", out var addr) && addr.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(addr.GetProperty("city").GetString(), o.ShipTo!.City);
            Assert.Equal(addr.GetProperty("province_code").GetString(), o.ShipTo.Region);
            Assert.Equal(addr.GetProperty("country_code").GetString(), o.ShipTo.CountryCode);
            Assert.Equal(addr.GetProperty("zip").GetString(), o.ShipTo.PostalCode);
        }
        else
        {
            Assert.Null(o.ShipTo);
        }
        var refunds = json.TryGetProperty("refunds", out var r) ? r.EnumerateArray().ToArray() : [];
        Assert.Equal(refunds.Length, mapped.Refunds.Count);
        for (var i = 0; i < refunds.Length; i++)
        {
            var rli = refunds[i].GetProperty("refund_line_items").EnumerateArray().ToArray();
            Assert.Equal(rli.Select(x => x.GetProperty("quantity").GetInt32()), mapped.Refunds[i].Lines.Select(l => l.Quantity));
            Assert.Equal(rli.Select(x => x.GetProperty("line_item_id").GetInt64()), mapped.Refunds[i].Lines.Select(l => l.LineItemId));
        }
    }

    [SharedDataFact]
    public void Order1001_OfTheListResponse_HasItsThreeLinesTotalsAndRefund()
    {
        var json = SharedData.ResponseBody("order__test_1.json").GetProperty("orders")[0];
        var mapped = Mapper.MapOrder(SharedData.Bytes(json));

        Assert.Equal("450789469", mapped.Order.ExternalOrderId);
        Assert.Equal("#1001", mapped.Name);
        Assert.Equal(Instant.FromUtc(2008, 1, 10, 16, 0), mapped.Order.PlacedAt);
        Assert.Equal(["IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK"], mapped.Order.Lines.Select(l => l.ExternalSku));
        Assert.Equal([0, 1, 0], mapped.Order.Lines.Select(l => l.Quantity)); // current_quantity: green and black were refunded
        Assert.Equal([true, false, true], mapped.Order.Lines.Select(l => l.IsCancelled));
        Assert.Equal(new Money(598.94m, CurrencyCode.Usd), mapped.TotalPrice);
        Assert.Equal(new Money(209.00m, CurrencyCode.Usd), mapped.RefundedToDate);
        Assert.Equal(ServiceLevel.Standard, mapped.Order.ServiceLevel); // "Free Shipping"
        Assert.Equal("partially_refunded/unfulfilled", mapped.Order.ChannelStatus);
        Assert.Equal(Address.Create("Louisville", "KY", "40202", "US", "Chestnut Street 92", null, "Bob Norman"), mapped.Order.ShipTo);

        var refund = Assert.Single(mapped.Refunds);
        Assert.Equal(509562969, refund.RefundId);
        Assert.Equal([(703073504L, 1, ShopifyRestockType.LegacyRestock, (long?)487838322), (466157049L, 1, ShopifyRestockType.LegacyRestock, 487838322)],
            refund.Lines.Select(l => (l.LineItemId, l.Quantity, l.RestockType, l.ShopifyLocationId)));
        Assert.Equal([195.66m, 195.67m], refund.Lines.Select(l => l.Subtotal!.Value.Amount)); // Shopify's rounding, kept
        Assert.Equal([3.98m, 3.98m], refund.Lines.Select(l => l.TotalTax!.Value.Amount));
    }

    [SharedDataFact]
    public void CustomLineItems_WithoutSkuOrVariant_MapWithNoExternalSku()
    {
        var mapped = Mapper.MapOrder(SharedData.Bytes(SharedData.ResponseBody("order__test_24.json").GetProperty("order")));
        Assert.Equal(3, mapped.Order.Lines.Count);
        Assert.All(mapped.Order.Lines, l => Assert.Null(l.ExternalSku));
        Assert.Equal([1, 1, 2], mapped.Order.Lines.Select(l => l.Quantity));
        Assert.Equal([129.99m, 85.95m, 19.99m], mapped.Order.Lines.Select(l => l.UnitPrice!.Value.Amount));
        var eur = Mapper.MapOrder(SharedData.Bytes(SharedData.ResponseBody("order__test_16.json").GetProperty("order")));
        Assert.Equal(CurrencyCode.Eur, eur.Order.Lines[0].UnitPrice!.Value.Currency);
        Assert.Equal(3, eur.Order.Lines[0].Quantity);
    }

    [SharedDataFact]
    public void CancelledOrder_IsCancelled_WithItsNoRestockRefund()
    {
        var mapped = Mapper.MapOrder(SharedData.Bytes(SharedData.ResponseBody("order__test_14.json").GetProperty("order")));
        Assert.True(mapped.Order.IsCancelled);
        Assert.Equal(Instant.FromUtc(2025, 7, 2, 16, 31, 21), mapped.CancelledAt);
        Assert.All(mapped.Order.Lines, l => Assert.Equal(0, l.Quantity));
        var refund = Assert.Single(mapped.Refunds);
        Assert.All(refund.Lines, l => Assert.Equal(ShopifyRestockType.NoRestock, l.RestockType));
        Assert.Equal(new Money(10.00m, CurrencyCode.Usd), refund.Refunded);
    }

    [SharedDataFact]
    public void Tags_AreSplitOnCommas()
    {
        var mapped = Mapper.MapOrder(SharedData.Bytes(SharedData.ResponseBody("order__test_32.json").GetProperty("order")));
        Assert.Equal(["External", "Inbound", "Outbound"], mapped.Order.Tags);
    }

    [Theory]
    [InlineData("Free Shipping", null, ServiceLevel.Standard)]
    [InlineData("UPS Next Day Air", null, ServiceLevel.NextDay)]
    [InlineData("Express", null, ServiceLevel.Expedited)]
    [InlineData("USPS Priority Mail", null, ServiceLevel.Priority)]
    [InlineData("2-Day Shipping", null, ServiceLevel.SecondDay)]
    [InlineData("Custom Code", "Custom Code", ServiceLevel.Scheduled)]
    public void ServiceLevel_FromShippingLine(string title, string? tableKey, ServiceLevel expected)
    {
        var table = new Dictionary<string, ServiceLevel>(StringComparer.OrdinalIgnoreCase);
        if (tableKey is not null) table[tableKey.ToUpperInvariant()] = expected;
        Assert.Equal(expected, ShopifyServiceLevels.Classify(null, title, table, ServiceLevel.Standard));
    }

    [Fact]
    public void RefundsAboveWhatWasPaid_AreRejected()
    {
        var json = """
        {"id": 9, "currency": "USD", "created_at": "2025-07-02T11:31:26-05:00", "updated_at": "2025-07-02T11:31:26-05:00",
         "total_price": "50.00",
         "line_items": [{"id": 1, "sku": "A", "quantity": 1, "price": "50.00"}],
         "refunds": [{"id": 10, "transactions": [{"kind": "refund", "status": "success", "amount": "30.00"}]},
                     {"id": 11, "transactions": [{"kind": "refund", "status": "success", "amount": "30.00"}]}]}
        """u8.ToArray();
        var ex = Assert.Throws<ShopifyPayloadException>(() => Mapper.MapOrder(json));
        Assert.Equal("$.refunds", ex.Field);
    }

    [Fact]
    public void RefundLineAboveItsUnitsPrice_IsRejected()
    {
        var json = """
        {"id": 10, "order_id": 9, "refund_line_items": [{"line_item_id": 1, "quantity": 1, "restock_type": "cancel",
          "subtotal_set": {"shop_money": {"amount": "60.00", "currency_code": "USD"}},
          "line_item": {"id": 1, "quantity": 1, "price": "50.00", "price_set": {"shop_money": {"amount": "50.00", "currency_code": "USD"}}}}]}
        """u8.ToArray();
        var ex = Assert.Throws<ShopifyPayloadException>(() => Mapper.MapRefund(json));
        Assert.Equal("$.refund_line_items[0].subtotal", ex.Field);
    }

    [SharedDataFact]
    public void RefundCalculation_IsNotARefund()
    {
        var body = SharedData.Bytes(SharedData.ResponseBody("refund__test_6.json").GetProperty("refund"));
        var ex = Assert.Throws<ShopifyPayloadException>(() => Mapper.MapRefund(body));
        Assert.Equal("$.id", ex.Field);
    }

    [Fact]
    public void UnknownRestockType_IsRejected()
    {
        var ex = Assert.Throws<ShopifyPayloadException>(() => Mapper.MapRefund("""{"id": 1, "order_id": 2, "refund_line_items": [{"line_item_id": 3, "quantity": 1, "restock_type": "teleport"}]}"""u8.ToArray()));
        Assert.Equal("$.refund_line_items[0].restock_type", ex.Field);
    }
}
