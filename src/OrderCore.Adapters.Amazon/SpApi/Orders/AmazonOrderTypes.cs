using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>Which Orders API a payload came from.</summary>
public enum AmazonOrdersApi
{
    /// <summary>Orders API v0 (<c>getOrders</c>, <c>getOrder</c>, <c>getOrderItems</c>); deprecated, migrate by 2027-03-27.</summary>
    V0,
    /// <summary>Orders API v2026-01-01 (<c>searchOrders</c>, <c>getOrder</c>).</summary>
    V20260101,
}

/// <summary>
/// An Amazon order status, with v0's <c>OrderStatus</c> and v2026-01-01's <c>fulfillment.fulfillmentStatus</c> reduced to
/// one set ([M-ORD0], [M-ORD26]). An unknown value is never defaulted: the order is rejected with
/// <see cref="AmazonRejectionReason.UnknownOrderStatus"/>.
/// </summary>
public enum AmazonOrderStatusCode
{
    /// <summary><c>PendingAvailability</c> / <c>PENDING_AVAILABILITY</c>: a pre-order whose item is not yet released. Not allocatable.</summary>
    PendingAvailability,
    /// <summary><c>Pending</c> / <c>PENDING</c>: placed, payment not yet authorised. Not allocatable.</summary>
    Pending,
    /// <summary><c>Unshipped</c> / <c>UNSHIPPED</c>: ready to ship, nothing shipped yet.</summary>
    Unshipped,
    /// <summary><c>PartiallyShipped</c> / <c>PARTIALLY_SHIPPED</c>: some items shipped.</summary>
    PartiallyShipped,
    /// <summary><c>Shipped</c> / <c>SHIPPED</c>: every item shipped.</summary>
    Shipped,
    /// <summary><c>Canceled</c> / <c>CANCELLED</c>: the order will not be fulfilled. The canonical order is cancelled.</summary>
    Canceled,
    /// <summary><c>Unfulfillable</c> / <c>UNFULFILLABLE</c>: an Amazon-fulfilled order (multi-channel) Amazon cannot fulfil. The canonical order is cancelled: it will not ship and no longer counts as demand.</summary>
    Unfulfillable,
    /// <summary><c>InvoiceUnconfirmed</c> (v0 only, China): every item shipped, the seller has not confirmed the invoice. Treated as shipped.</summary>
    InvoiceUnconfirmed,
}

/// <summary>Why an Amazon order (or a whole payload) could not be mapped to a canonical order.</summary>
public enum AmazonRejectionReason
{
    /// <summary>A required field is absent or blank (e.g. <c>AmazonOrderId</c>, <c>FulfillmentChannel</c>, <c>fulfillment</c>).</summary>
    MissingField,
    /// <summary><c>OrderStatus</c> / <c>fulfillmentStatus</c> is not one of the documented values.</summary>
    UnknownOrderStatus,
    /// <summary><c>FulfillmentChannel</c> is neither <c>AFN</c> nor <c>MFN</c> (or <c>fulfilledBy</c> neither <c>AMAZON</c> nor <c>MERCHANT</c>).</summary>
    UnknownFulfillmentChannel,
    /// <summary>A required date is a sandbox placeholder before <see cref="AmazonOrderMappingOptions.EarliestPlausibleDate"/> (e.g. <c>1970-01-19T03:58:30Z</c>): its meaning is not clear, so the order is not imported.</summary>
    PlaceholderDate,
    /// <summary>A date is not ISO 8601 with an offset.</summary>
    InvalidDate,
    /// <summary>A money amount is not a decimal number or its currency is not an ISO 4217 code.</summary>
    InvalidMoney,
    /// <summary>A quantity is missing or negative.</summary>
    InvalidQuantity,
    /// <summary>The address cannot be recorded (e.g. a country code that is not ISO 3166-1 alpha-2).</summary>
    InvalidAddress,
    /// <summary>The order has no items, or no <c>getOrderItems</c> response was given for it.</summary>
    NoItems,
    /// <summary>The JSON does not have the documented shape (wrong type, unreadable value).</summary>
    MalformedPayload,
}

/// <summary>A refused order or document: which one, the field and why. The rest of the batch goes on.</summary>
/// <param name="AmazonOrderId">The order, when known.</param>
/// <param name="Reason">The typed reason.</param>
/// <param name="Field">The JSON path of the field, e.g. <c>PurchaseDate</c> or <c>OrderItems[1].ItemPrice.Amount</c>.</param>
/// <param name="Detail">What is wrong, naming the value.</param>
/// <param name="Source">The file or operation the payload came from, when known.</param>
public sealed record AmazonOrderRejection(string? AmazonOrderId, AmazonRejectionReason Reason, string Field, string Detail, string? Source = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source ?? "?"}: {AmazonOrderId ?? "(no order id)"}: {Reason} at {Field}: {Detail}";
}

/// <summary>One Amazon order item, as <c>getOrderItems</c> (v0) or <c>orderItems</c> (v2026-01-01) gives it.</summary>
/// <param name="OrderItemId">Amazon's order item id (needed by <c>confirmShipment</c>).</param>
/// <param name="SellerSku">The seller SKU (MSKU); null when Amazon sends none.</param>
/// <param name="Asin">The ASIN.</param>
/// <param name="QuantityOrdered">Units ordered (v0 <c>QuantityOrdered</c>, v2026 <c>quantityOrdered</c>).</param>
/// <param name="QuantityShipped">Units shipped (v0 <c>QuantityShipped</c>, v2026 <c>fulfillment.quantityFulfilled</c>); 0 when absent.</param>
/// <param name="ItemPrice">The line total: v0 <c>ItemPrice</c> (= unit price × quantity, without shipping and gift wrap); v2026 <c>product.price.unitPrice</c> × quantity. Null when absent.</param>
/// <param name="UnitPrice">One unit's price: v2026 <c>unitPrice</c>; v0 <c>ItemPrice</c> ÷ quantity. Null when absent or the quantity is 0.</param>
/// <param name="BuyerRequestedCancel">True when the buyer asked to cancel this item (v0 <c>BuyerRequestedCancel.IsBuyerRequestedCancel</c>, v2026 <c>cancellation.cancellationRequest.requester</c> = <c>BUYER</c>).</param>
/// <param name="BuyerCancelReason">The buyer's reason, if given.</param>
public sealed record AmazonOrderItem(string OrderItemId, string? SellerSku, string? Asin, int QuantityOrdered, int QuantityShipped, Money? ItemPrice, Money? UnitPrice, bool BuyerRequestedCancel, string? BuyerCancelReason);

/// <summary>An Amazon order mapped to OrderCore's canonical <see cref="ChannelOrder"/>, with the Amazon facts the canonical form does not hold.</summary>
public sealed record AmazonMappedOrder
{
    /// <summary>The Amazon order id (3-7-7).</summary>
    public required string AmazonOrderId { get; init; }

    /// <summary>The API the order came from.</summary>
    public required AmazonOrdersApi Api { get; init; }

    /// <summary>The status.</summary>
    public required AmazonOrderStatusCode Status { get; init; }

    /// <summary>
    /// The canonical order. <see cref="ChannelOrder.Version"/> is <c>LastUpdateDate</c> (<c>lastUpdatedTime</c>) in
    /// milliseconds since the Unix epoch, so a later update of the same order replaces an earlier one and the same payload
    /// twice is a no-op. <see cref="ChannelOrder.Lines"/> is empty when no items were given (see <see cref="HasItems"/>).
    /// </summary>
    public required ChannelOrder Order { get; init; }

    /// <summary>The items, in Amazon's order (the lines of <see cref="Order"/> correspond one to one).</summary>
    public required IReadOnlyList<AmazonOrderItem> Items { get; init; }

    /// <summary>True when the items are known (a v2026 order, or a v0 order joined with its <c>getOrderItems</c> response).</summary>
    public bool HasItems { get; init; }

    /// <summary>False for <see cref="AmazonOrderStatusCode.Pending"/> and <see cref="AmazonOrderStatusCode.PendingAvailability"/>: the order must not be allocated yet.</summary>
    public bool IsAllocatable => Status is not (AmazonOrderStatusCode.Pending or AmazonOrderStatusCode.PendingAvailability);

    /// <summary>True when the buyer asked to cancel at least one item: the order becomes a cancellation request (a hold), never a shippable order.</summary>
    public bool BuyerRequestedCancel => Items.Any(i => i.BuyerRequestedCancel);

    /// <summary>The marketplace id (e.g. <c>ATVPDKIKX0DER</c>), when given.</summary>
    public string? MarketplaceId { get; init; }

    /// <summary>When Amazon last updated the order (<c>LastUpdateDate</c>, <c>lastUpdatedTime</c>).</summary>
    public required Instant LastUpdated { get; init; }

    /// <summary>Things mapped with a caveat, e.g. a placeholder ship-by date that was dropped or an unknown service level read as Standard.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>What mapping a set of payloads produced: the mapped orders and the refused ones.</summary>
/// <param name="Orders">Mapped orders, in payload order.</param>
/// <param name="Rejections">Refused orders or documents, with field and reason.</param>
public sealed record AmazonOrderMappingResult(IReadOnlyList<AmazonMappedOrder> Orders, IReadOnlyList<AmazonOrderRejection> Rejections);

/// <summary>How Amazon orders are mapped to canonical channel orders.</summary>
public sealed class AmazonOrderMappingOptions
{
    /// <summary>Creates options for one seller account.</summary>
    /// <param name="owner">The merchant the orders belong to.</param>
    /// <param name="account">The Amazon channel account.</param>
    /// <exception cref="ArgumentException"><paramref name="owner"/> or <paramref name="account"/> is the default value.</exception>
    public AmazonOrderMappingOptions(OwnerId owner, ChannelAccountId account)
    {
        if (owner.IsDefault) throw new ArgumentException("An owner is required.", nameof(owner));
        if (account.IsDefault) throw new ArgumentException("A channel account is required.", nameof(account));
        Owner = owner;
        Account = account;
    }

    /// <summary>The merchant.</summary>
    public OwnerId Owner { get; }

    /// <summary>The channel account.</summary>
    public ChannelAccountId Account { get; }

    /// <summary>The channel id.</summary>
    /// <value>Default <c>amazon</c>.</value>
    public ChannelId Channel { get; init; } = AmazonOrderReportReader.DefaultChannel;

    /// <summary>Dates before this are sandbox placeholders (see <see cref="AmazonSpApiOptions.EarliestPlausibleDate"/>).</summary>
    /// <value>Default 2000-01-01T00:00:00Z.</value>
    public Instant EarliestPlausibleDate { get; init; } = Instant.FromUtc(2000, 1, 1, 0, 0);
}
