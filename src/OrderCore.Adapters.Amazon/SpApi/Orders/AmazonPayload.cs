using System.Text.Json;
using OrderCore.Adapters.Amazon.SpApi.Json;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>What kind of SP-API document an <see cref="AmazonPayload"/> is.</summary>
public enum AmazonPayloadKind
{
    /// <summary>Orders v0 <c>getOrders</c> response: <c>payload.Orders[]</c>, <c>payload.NextToken</c>.</summary>
    GetOrdersV0,
    /// <summary>Orders v0 <c>getOrder</c> response: <c>payload</c> is one order.</summary>
    GetOrderV0,
    /// <summary>Orders v0 <c>getOrderItems</c> response: <c>payload.AmazonOrderId</c>, <c>payload.OrderItems[]</c>.</summary>
    GetOrderItemsV0,
    /// <summary>Orders v0 <c>getOrderAddress</c> response (restricted): <c>payload.ShippingAddress</c>.</summary>
    GetOrderAddressV0,
    /// <summary>Orders v2026-01-01 <c>searchOrders</c> response: <c>orders[]</c>, <c>pagination.nextToken</c>.</summary>
    SearchOrders,
    /// <summary>Orders v2026-01-01 <c>getOrder</c> response: <c>order</c>.</summary>
    GetOrder20260101,
    /// <summary>An <c>ORDER_CHANGE</c> notification (Notifications API, SQS message body).</summary>
    OrderChangeNotification,
    /// <summary>An error response: only <c>errors[]</c>.</summary>
    ErrorResponse,
}

/// <summary>Thrown when a document is not JSON or is none of the <see cref="AmazonPayloadKind"/> shapes.</summary>
public sealed class AmazonPayloadFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file or source.</param>
    /// <param name="message">What is wrong, naming the source.</param>
    /// <param name="inner">The JSON parser's error, if any.</param>
    public AmazonPayloadFormatException(string sourceName, string message, Exception? inner = null) : base(message, inner) => SourceName = sourceName;

    /// <summary>The file or source name.</summary>
    public string SourceName { get; }
}

/// <summary>
/// One SP-API response body or notification, recognised by its shape. Also accepts the wrapper of the model examples in
/// <c>../shared/data/amazon-sp-api/examples</c> (<c>{operationId, status, request, response}</c>), reading its <c>response</c>.
/// Map orders with <see cref="AmazonOrderMapper.Map"/>; read a notification with <see cref="AmazonOrderChangeEvent.From(AmazonPayload)"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class AmazonPayload
{
    private AmazonPayload(AmazonPayloadKind kind, string sourceName)
    {
        Kind = kind;
        SourceName = sourceName;
    }

    /// <summary>The kind of document.</summary>
    public AmazonPayloadKind Kind { get; }

    /// <summary>The file or source name given to <see cref="Parse"/>.</summary>
    public string SourceName { get; }

    /// <summary>The next page token (<c>NextToken</c> / <c>pagination.nextToken</c>), when there is one.</summary>
    public string? NextToken { get; private init; }

    /// <summary>The <c>errors[]</c> of an <see cref="AmazonPayloadKind.ErrorResponse"/> (empty otherwise).</summary>
    public IReadOnlyList<AmazonApiError> Errors { get; private init; } = [];

    /// <summary>The Amazon order ids the document is about (orders, items or address), in document order.</summary>
    public IReadOnlyList<string> OrderIds { get; private init; } = [];

    internal IReadOnlyList<JsonElement> V0Orders { get; private init; } = [];
    internal string? ItemsOrderId { get; private init; }
    internal IReadOnlyList<JsonElement> V0Items { get; private init; } = [];
    internal V0OrderAddress? Address { get; private init; }
    internal IReadOnlyList<JsonElement> V26Orders { get; private init; } = [];
    internal NotificationEnvelope? Notification { get; private init; }

    /// <summary>Reads a document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for errors and rejections, usually the file name.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="AmazonPayloadFormatException">The text is not JSON or matches no known document shape.</exception>
    public static AmazonPayload Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new AmazonPayloadFormatException(sourceName, $"{sourceName}: not JSON ({ex.Message}).", ex);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new AmazonPayloadFormatException(sourceName, $"{sourceName}: the document is a JSON {root.ValueKind}, not an object.");
        if (Has(root, "operationId") && TryGet(root, "response", out var inner))
        {
            if (inner.ValueKind != JsonValueKind.Object) throw new AmazonPayloadFormatException(sourceName, $"{sourceName}: the example's response is not an object.");
            root = inner;
        }
        try
        {
            return Recognise(root, sourceName);
        }
        catch (JsonException ex)
        {
            throw new AmazonPayloadFormatException(sourceName, $"{sourceName}: the document does not have the documented shape ({ex.Message}).", ex);
        }
    }

    internal static AmazonPayload FromV0Orders(V0OrdersList list, string source) => new(AmazonPayloadKind.GetOrdersV0, source)
    {
        V0Orders = list.Orders ?? [],
        NextToken = Blank(list.NextToken),
        OrderIds = (list.Orders ?? []).Select(o => StringOf(o, "AmazonOrderId")).OfType<string>().ToArray(),
    };

    internal static AmazonPayload FromV0Items(string orderId, IReadOnlyList<JsonElement> items, string source) => new(AmazonPayloadKind.GetOrderItemsV0, source)
    {
        ItemsOrderId = orderId,
        V0Items = items,
        OrderIds = [orderId],
    };

    internal static AmazonPayload FromV26Orders(IReadOnlyList<JsonElement> orders, string? nextToken, string source) => new(AmazonPayloadKind.SearchOrders, source)
    {
        V26Orders = orders,
        NextToken = Blank(nextToken),
        OrderIds = orders.Select(o => StringOf(o, "orderId")).OfType<string>().ToArray(),
    };

    private static AmazonPayload Recognise(JsonElement root, string source)
    {
        if (Has(root, "NotificationType") || Has(root, "notificationType"))
        {
            var n = root.Deserialize(AmazonJsonContext.Default.NotificationEnvelope)!;
            if (!string.Equals(n.NotificationType, "ORDER_CHANGE", StringComparison.Ordinal))
            {
                throw new AmazonPayloadFormatException(source, $"{source}: notification type '{n.NotificationType}' is not ORDER_CHANGE, the only one OrderCore reads.");
            }
            return new AmazonPayload(AmazonPayloadKind.OrderChangeNotification, source)
            {
                Notification = n,
                OrderIds = n.Payload?.OrderChangeNotification?.AmazonOrderId is { } id ? [id] : [],
            };
        }
        if (TryGet(root, "payload", out var payload) && payload.ValueKind == JsonValueKind.Object)
        {
            if (Has(payload, "Orders"))
            {
                var r = root.Deserialize(AmazonJsonContext.Default.V0GetOrdersResponse)!;
                return FromV0Orders(r.Payload!, source);
            }
            if (Has(payload, "OrderItems"))
            {
                var r = root.Deserialize(AmazonJsonContext.Default.V0GetOrderItemsResponse)!;
                var id = Blank(r.Payload?.AmazonOrderId) ?? throw new AmazonPayloadFormatException(source, $"{source}: a getOrderItems response without payload.AmazonOrderId cannot be joined to its order.");
                return new AmazonPayload(AmazonPayloadKind.GetOrderItemsV0, source) { ItemsOrderId = id, V0Items = r.Payload!.OrderItems ?? [], NextToken = Blank(r.Payload.NextToken), OrderIds = [id] };
            }
            if (Has(payload, "PurchaseDate") || Has(payload, "OrderStatus"))
            {
                return new AmazonPayload(AmazonPayloadKind.GetOrderV0, source) { V0Orders = [payload], OrderIds = StringOf(payload, "AmazonOrderId") is { } id ? [id] : [] };
            }
            if (Has(payload, "ShippingAddress"))
            {
                var r = root.Deserialize(AmazonJsonContext.Default.V0GetOrderAddressResponse)!;
                return new AmazonPayload(AmazonPayloadKind.GetOrderAddressV0, source) { Address = r.Payload, OrderIds = r.Payload?.AmazonOrderId is { } id ? [id] : [] };
            }
            throw new AmazonPayloadFormatException(source, $"{source}: payload has none of Orders, OrderItems, PurchaseDate or ShippingAddress: not an Orders v0 getOrders/getOrder/getOrderItems/getOrderAddress response.");
        }
        if (TryGet(root, "orders", out var orders) && orders.ValueKind == JsonValueKind.Array)
        {
            var r = root.Deserialize(AmazonJsonContext.Default.V26SearchOrdersResponse)!;
            return FromV26Orders(r.Orders ?? [], r.Pagination?.NextToken, source);
        }
        if (TryGet(root, "order", out var order) && order.ValueKind == JsonValueKind.Object)
        {
            return new AmazonPayload(AmazonPayloadKind.GetOrder20260101, source) { V26Orders = [order], OrderIds = StringOf(order, "orderId") is { } id ? [id] : [] };
        }
        if (TryGet(root, "errors", out _))
        {
            var list = root.Deserialize(AmazonJsonContext.Default.ErrorListDto);
            return new AmazonPayload(AmazonPayloadKind.ErrorResponse, source)
            {
                Errors = list?.Errors?.Select(e => new AmazonApiError(e.Code ?? "(no code)", e.Message, e.Details)).ToArray() ?? [],
            };
        }
        throw new AmazonPayloadFormatException(source, $"{source}: not an Orders v0 / v2026-01-01 response or an ORDER_CHANGE notification (no payload, orders, order, NotificationType or errors).");
    }

    private static bool Has(JsonElement e, string name) => TryGet(e, name, out _);

    private static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string? StringOf(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && TryGet(e, name, out var v) && v.ValueKind == JsonValueKind.String ? Blank(v.GetString()) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
