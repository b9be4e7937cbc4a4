using NodaTime;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>One item of an <c>ORDER_CHANGE</c> notification's summary.</summary>
/// <param name="OrderItemId">The order item id.</param>
/// <param name="SellerSku">The seller SKU.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="QuantityShipped">Units shipped.</param>
/// <param name="IsBuyerRequestedCancel">True when the buyer asked to cancel the item.</param>
public sealed record AmazonOrderChangeItem(string? OrderItemId, string? SellerSku, int Quantity, int QuantityShipped, bool IsBuyerRequestedCancel);

/// <summary>
/// An <c>ORDER_CHANGE</c> notification (Notifications API, payload version 1.0) as a channel event: which order changed,
/// how, and whether the buyer asked to cancel. Deduplicate on <see cref="NotificationId"/> (SQS delivers at least once).
/// </summary>
/// <param name="NotificationId">The notification's id (<c>NotificationMetadata.NotificationId</c>), the deduplication key.</param>
/// <param name="EventTime">When the change happened (<c>EventTime</c>).</param>
/// <param name="AmazonOrderId">The order.</param>
/// <param name="SellerId">The seller (merchant token).</param>
/// <param name="ChangeType">The <c>OrderChangeType</c>: <c>OrderStatusChange</c> or <c>BuyerRequestedChange</c>.</param>
/// <param name="ChangeReason">The trigger's <c>ChangeReason</c>, e.g. <c>Buyer Requested Cancel</c>.</param>
/// <param name="OrderStatus">The order status after the change (summary), if given.</param>
/// <param name="FulfillmentType">The summary's <c>FulfillmentType</c>, <c>MFN</c> or <c>AFN</c>.</param>
/// <param name="MarketplaceId">The summary's marketplace id.</param>
/// <param name="Items">The summary's items.</param>
public sealed record AmazonOrderChangeEvent(
    string NotificationId,
    Instant EventTime,
    string AmazonOrderId,
    string? SellerId,
    string ChangeType,
    string? ChangeReason,
    string? OrderStatus,
    string? FulfillmentType,
    string? MarketplaceId,
    IReadOnlyList<AmazonOrderChangeItem> Items)
{
    /// <summary>
    /// True when the buyer asked to cancel: <see cref="ChangeType"/> is <c>BuyerRequestedChange</c> and an item has
    /// <c>IsBuyerRequestedCancel</c> or the reason mentions a cancel. OrderCore turns it into a cancellation request (a
    /// <see cref="Orders.HoldReason.CustomerRequest"/> hold), never a shippable order.
    /// </summary>
    public bool IsBuyerCancellationRequest
        => string.Equals(ChangeType, "BuyerRequestedChange", StringComparison.OrdinalIgnoreCase)
           && (Items.Any(i => i.IsBuyerRequestedCancel) || (ChangeReason?.Contains("cancel", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>Reads an <c>ORDER_CHANGE</c> notification from its JSON (the SQS message body).</summary>
    /// <exception cref="AmazonPayloadFormatException">Not JSON, not an ORDER_CHANGE notification, or a required field (notification id, order id, change type, event time) is missing or invalid.</exception>
    public static AmazonOrderChangeEvent Parse(string json, string sourceName = "notification") => From(AmazonPayload.Parse(json, sourceName));

    /// <summary>Reads the notification in a parsed payload.</summary>
    /// <exception cref="ArgumentException">The payload is not an <see cref="AmazonPayloadKind.OrderChangeNotification"/>.</exception>
    /// <exception cref="AmazonPayloadFormatException">A required field is missing or invalid.</exception>
    public static AmazonOrderChangeEvent From(AmazonPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Kind != AmazonPayloadKind.OrderChangeNotification || payload.Notification is not { } n) throw new ArgumentException($"{payload.SourceName} is a {payload.Kind}, not an ORDER_CHANGE notification.", nameof(payload));
        var src = payload.SourceName;
        var change = n.Payload?.OrderChangeNotification ?? throw new AmazonPayloadFormatException(src, $"{src}: Payload.OrderChangeNotification is missing.");
        var id = n.NotificationMetadata?.NotificationId is { Length: > 0 } nid ? nid.Trim() : throw new AmazonPayloadFormatException(src, $"{src}: NotificationMetadata.NotificationId is missing; the notification cannot be deduplicated.");
        var order = change.AmazonOrderId is { Length: > 0 } oid ? oid.Trim() : throw new AmazonPayloadFormatException(src, $"{src}: Payload.OrderChangeNotification.AmazonOrderId is missing.");
        var type = change.OrderChangeType is { Length: > 0 } t ? t.Trim() : throw new AmazonPayloadFormatException(src, $"{src}: OrderChangeType is missing.");
        Instant time;
        try
        {
            time = OrderMapping.ParseDate(n.EventTime ?? change.OrderChangeTrigger?.TimeOfOrderChange ?? throw new RejectException(AmazonRejectionReason.MissingField, "EventTime", "EventTime is missing"), "EventTime");
        }
        catch (RejectException r)
        {
            throw new AmazonPayloadFormatException(src, $"{src}: {r.Field}: {r.Message}.");
        }
        var items = (change.Summary?.OrderItems ?? []).Select(i => new AmazonOrderChangeItem(i.OrderItemId, i.SellerSKU, i.Quantity ?? 0, i.QuantityShipped ?? 0, i.IsBuyerRequestedCancel == true)).ToArray();
        return new AmazonOrderChangeEvent(id, time, order, change.SellerId, type, change.OrderChangeTrigger?.ChangeReason, change.Summary?.OrderStatus,
            change.Summary?.FulfillmentType, change.Summary?.MarketplaceId, items);
    }
}
