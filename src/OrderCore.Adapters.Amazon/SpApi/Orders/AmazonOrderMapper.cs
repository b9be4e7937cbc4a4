using System.Text.Json;
using OrderCore.Adapters.Amazon.SpApi.Json;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>The items of one <c>getOrderItems</c> response, mapped.</summary>
/// <param name="AmazonOrderId">The order the items belong to.</param>
/// <param name="Items">The items that mapped.</param>
/// <param name="Rejections">The items that did not, with field and reason.</param>
public sealed record AmazonOrderItemsResult(string AmazonOrderId, IReadOnlyList<AmazonOrderItem> Items, IReadOnlyList<AmazonOrderRejection> Rejections);

/// <summary>
/// Maps Orders v0 and v2026-01-01 documents to canonical channel orders. Both APIs give the same canonical order for the
/// same facts (see <c>docs/adapters/amazon.md</c> for the field table). Each order maps or is rejected on its own, with the
/// field and a typed reason; the rest of the batch goes on.
/// </summary>
/// <threadsafety>Stateless; safe to call from many threads.</threadsafety>
public static class AmazonOrderMapper
{
    /// <summary>
    /// Maps every order in <paramref name="payloads"/>. v0 orders are joined with the <c>getOrderItems</c> responses and
    /// <c>getOrderAddress</c> responses among the payloads by Amazon order id (several item pages of one order are
    /// concatenated in payload order); a v0 order without items maps with <see cref="AmazonMappedOrder.HasItems"/> false and
    /// no lines. v2026 orders carry their items. Notifications and error responses are skipped (read notifications with
    /// <see cref="AmazonOrderChangeEvent.From(AmazonPayload)"/>).
    /// </summary>
    /// <param name="payloads">The documents.</param>
    /// <param name="options">Owner, account, channel, placeholder-date floor.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AmazonOrderMappingResult Map(IEnumerable<AmazonPayload> payloads, AmazonOrderMappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(options);
        var list = payloads.ToArray();
        var items = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        var addresses = new Dictionary<string, V0Address>(StringComparer.Ordinal);
        foreach (var p in list)
        {
            if (p.Kind == AmazonPayloadKind.GetOrderItemsV0 && p.ItemsOrderId is { } id)
            {
                if (!items.TryGetValue(id, out var l)) items[id] = l = new List<JsonElement>();
                l.AddRange(p.V0Items);
            }
            else if (p.Kind == AmazonPayloadKind.GetOrderAddressV0 && p.Address is { AmazonOrderId: { } aid, ShippingAddress: { } a })
            {
                addresses[aid.Trim()] = a;
            }
        }
        var orders = new List<AmazonMappedOrder>();
        var rejections = new List<AmazonOrderRejection>();
        foreach (var p in list)
        {
            foreach (var raw in p.V0Orders)
            {
                MapOne(raw, p.SourceName, orders, rejections, (e, src) =>
                {
                    var o = e.Deserialize(AmazonJsonContext.Default.V0Order) ?? throw new JsonException("null order");
                    var id = o.AmazonOrderId?.Trim();
                    var its = id is not null && items.TryGetValue(id, out var l) ? l : null;
                    var addr = id is not null && addresses.TryGetValue(id, out var a) ? a : null;
                    return OrderMapping.MapV0(o, its, addr, options);
                }, "AmazonOrderId");
            }
            foreach (var raw in p.V26Orders)
            {
                MapOne(raw, p.SourceName, orders, rejections, (e, _) =>
                {
                    var o = e.Deserialize(AmazonJsonContext.Default.V26Order) ?? throw new JsonException("null order");
                    return OrderMapping.Map2026(o, options);
                }, "orderId");
            }
        }
        return new AmazonOrderMappingResult(orders, rejections);
    }

    /// <summary>Maps the items of a v0 <c>getOrderItems</c> response on their own (e.g. to inspect them or to confirm a shipment).</summary>
    /// <param name="payload">A <see cref="AmazonPayloadKind.GetOrderItemsV0"/> document.</param>
    /// <exception cref="ArgumentException">The payload is of another kind.</exception>
    public static AmazonOrderItemsResult MapItems(AmazonPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Kind != AmazonPayloadKind.GetOrderItemsV0 || payload.ItemsOrderId is null) throw new ArgumentException($"{payload.SourceName} is a {payload.Kind}, not a getOrderItems response.", nameof(payload));
        var mapped = new List<AmazonOrderItem>();
        var rejected = new List<AmazonOrderRejection>();
        for (var i = 0; i < payload.V0Items.Count; i++)
        {
            try
            {
                mapped.Add(OrderMapping.MapV0Item(payload.V0Items[i], $"OrderItems[{i}]"));
            }
            catch (RejectException r)
            {
                rejected.Add(new AmazonOrderRejection(payload.ItemsOrderId, r.Reason, r.Field, r.Message, payload.SourceName));
            }
        }
        return new AmazonOrderItemsResult(payload.ItemsOrderId, mapped, rejected);
    }

    private static void MapOne(JsonElement raw, string source, List<AmazonMappedOrder> orders, List<AmazonOrderRejection> rejections,
        Func<JsonElement, string, AmazonMappedOrder> map, string idField)
    {
        string? id = null;
        if (raw.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in raw.EnumerateObject())
            {
                if (string.Equals(p.Name, idField, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String) id = p.Value.GetString();
            }
        }
        try
        {
            orders.Add(map(raw, source));
        }
        catch (RejectException r)
        {
            rejections.Add(new AmazonOrderRejection(id, r.Reason, r.Field, r.Message, source));
        }
        catch (JsonException ex)
        {
            rejections.Add(new AmazonOrderRejection(id, AmazonRejectionReason.MalformedPayload, ex.Path is { Length: > 2 } p ? p[2..] : "(order)", ex.Message, source));
        }
    }
}
