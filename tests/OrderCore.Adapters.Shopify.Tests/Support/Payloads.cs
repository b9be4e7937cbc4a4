using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderCore.Adapters.Shopify.Tests.Support;

/// <summary>Real example payloads, optionally edited (as a Shopify order looked before or after a change).</summary>
public static class Payloads
{
    /// <summary>The <c>order</c> (or first of <c>orders</c>) of an example file, as a mutable node.</summary>
    public static JsonObject Order(string file)
    {
        var body = SharedData.ResponseBody(file);
        var order = body.TryGetProperty("order", out var one) ? one : body.GetProperty("orders")[0];
        return JsonNode.Parse(order.GetRawText())!.AsObject();
    }

    /// <summary>The <c>refund</c> (or first of <c>refunds</c>) of an example file.</summary>
    public static JsonObject Refund(string file)
    {
        var body = SharedData.ResponseBody(file);
        var refund = body.TryGetProperty("refund", out var one) ? one : body.GetProperty("refunds")[0];
        return JsonNode.Parse(refund.GetRawText())!.AsObject();
    }

    /// <summary>Order 1001 as it was before refund 509562969: every line at its ordered quantity, no refund.</summary>
    public static JsonObject Order1001BeforeRefund(string updatedAt = "2025-07-02T11:00:00-05:00")
    {
        var order = Order("order__test_1.json");
        foreach (var line in order["line_items"]!.AsArray())
        {
            line!["current_quantity"] = line["quantity"]!.GetValue<int>();
            line["fulfillable_quantity"] = line["quantity"]!.GetValue<int>();
        }
        order["refunds"] = new JsonArray();
        order["financial_status"] = "paid";
        order["updated_at"] = updatedAt;
        return order;
    }

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);
}
