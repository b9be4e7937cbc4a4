namespace OrderCore.Adapters.Walmart;

/// <summary>Names the Walmart adapter uses: the channel id, Walmart's header names and the outbox message kinds.</summary>
/// <remarks>Sources: Walmart Marketplace OpenAPI 0.6.3 (orders, inventory, returns) common header parameters; domain facts §5.</remarks>
public static class WalmartChannel
{
    /// <summary>The OrderCore channel id of Walmart Marketplace: <c>walmart</c>.</summary>
    public static ChannelId Id { get; } = ChannelId.From("walmart");

    /// <summary>The header that carries the OAuth access token (Walmart's own, not <c>Authorization: Bearer</c>).</summary>
    public const string AccessTokenHeader = "WM_SEC.ACCESS_TOKEN";

    /// <summary>The header with a unique id per HTTP request, used by Walmart to trace a call.</summary>
    public const string CorrelationIdHeader = "WM_QOS.CORRELATION_ID";

    /// <summary>The header naming the calling service.</summary>
    public const string ServiceNameHeader = "WM_SVC.NAME";

    /// <summary>Response header: tokens left in the current rate-limit window of the API called.</summary>
    public const string TokenCountHeader = "X-Current-Token-Count";

    /// <summary>Response header: when the rate-limit window of the API called is replenished.</summary>
    public const string ReplenishmentTimeHeader = "X-Next-Replenishment-Time";

    /// <summary>Outbox kind of an order acknowledgement (<c>POST /v3/orders/{purchaseOrderId}/acknowledge</c>).</summary>
    public const string AcknowledgeKind = "walmart.acknowledge";

    /// <summary>Outbox kind of a ship notice (<c>POST /v3/orders/{purchaseOrderId}/shipping</c>).</summary>
    public const string ShipKind = "walmart.ship";

    /// <summary>Outbox kind of a line cancellation (<c>POST /v3/orders/{purchaseOrderId}/cancel</c>).</summary>
    public const string CancelKind = "walmart.cancel";

    /// <summary>Outbox kind of a line refund (<c>POST /v3/orders/{purchaseOrderId}/refund</c>).</summary>
    public const string RefundKind = "walmart.refund";

    /// <summary>Outbox kind of a stock push for one SKU (per ship node; batched into an <c>MP_INVENTORY</c> feed when many are due).</summary>
    public const string StockKind = "walmart.stock";
}
