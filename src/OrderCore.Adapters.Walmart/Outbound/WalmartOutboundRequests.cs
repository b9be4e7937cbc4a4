using NodaTime;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Outbound;

/// <summary>A quantity of one line of a purchase order.</summary>
/// <param name="LineNumber">Walmart's line number.</param>
/// <param name="Quantity">Units, ≥ 1 (sent as the string <c>statusQuantity.amount</c>).</param>
public sealed record WalmartLineQuantity(string LineNumber, int Quantity);

/// <summary>A ship notice for some lines of a purchase order (<c>POST /v3/orders/{purchaseOrderId}/shipping</c>).</summary>
public sealed record WalmartShipment
{
    /// <summary>The lines and units shipped in this package.</summary>
    public required IReadOnlyList<WalmartLineQuantity> Lines { get; init; }

    /// <summary>The carrier; another carrier needs <see cref="TrackingUrl"/>.</summary>
    public required WalmartCarrier Carrier { get; init; }

    /// <summary>The shipping method.</summary>
    public required WalmartMethodCode MethodCode { get; init; }

    /// <summary>The tracking number: with the purchase order and line, it identifies the ship action for idempotency.</summary>
    public required string TrackingNumber { get; init; }

    /// <summary>The tracking URL; mandatory for another carrier.</summary>
    public string? TrackingUrl { get; init; }

    /// <summary>When it shipped (sent as epoch milliseconds, UTC).</summary>
    public required Instant ShipDateTime { get; init; }

    /// <summary>The seller's own order id, if it wants Walmart to keep one.</summary>
    public string? SellerOrderId { get; init; }
}

/// <summary>Walmart's documented <c>cancellationReason</c> values.</summary>
public enum WalmartCancellationReason
{
    /// <summary><c>CUSTOMER_REQUESTED_SELLER_TO_CANCEL</c>.</summary>
    CustomerRequestedSellerToCancel,
    /// <summary><c>SELLER_CANCEL_PRICING_ERROR</c>.</summary>
    SellerCancelPricingError,
    /// <summary><c>SELLER_CANCEL_OUT_OF_STOCK</c>: OrderCore's out-of-stock.</summary>
    SellerCancelOutOfStock,
    /// <summary><c>SELLER_CANCEL_FRAUD_STOP_SHIPMENT</c>.</summary>
    SellerCancelFraudStopShipment,
    /// <summary><c>SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE</c>.</summary>
    SellerCancelAddressNotServiceable,
}

/// <summary>A cancellation of some line quantities (<c>POST /v3/orders/{purchaseOrderId}/cancel</c>).</summary>
/// <param name="Lines">The lines and units to cancel; each at most the line's open (created or acknowledged) units.</param>
/// <param name="Reason">Why.</param>
public sealed record WalmartCancellation(IReadOnlyList<WalmartLineQuantity> Lines, WalmartCancellationReason Reason);

/// <summary>Walmart's <c>refundReason</c> values (OpenAPI <c>RefundChargeType.refundReason</c>, 22 values).</summary>
public enum WalmartRefundReason
{
    /// <summary><c>BillingError</c>.</summary>
    BillingError,
    /// <summary><c>TaxExemptCustomer</c>.</summary>
    TaxExemptCustomer,
    /// <summary><c>ItemNotAsAdvertised</c>.</summary>
    ItemNotAsAdvertised,
    /// <summary><c>IncorrectItemReceived</c>.</summary>
    IncorrectItemReceived,
    /// <summary><c>CancelledYetShipped</c>.</summary>
    CancelledYetShipped,
    /// <summary><c>ItemNotReceivedByCustomer</c>.</summary>
    ItemNotReceivedByCustomer,
    /// <summary><c>IncorrectShippingPrice</c>.</summary>
    IncorrectShippingPrice,
    /// <summary><c>DamagedItem</c>.</summary>
    DamagedItem,
    /// <summary><c>DefectiveItem</c>.</summary>
    DefectiveItem,
    /// <summary><c>CustomerChangedMind</c>.</summary>
    CustomerChangedMind,
    /// <summary><c>CustomerReceivedItemLate</c>.</summary>
    CustomerReceivedItemLate,
    /// <summary><c>Missing Parts / Instructions</c>.</summary>
    MissingPartsInstructions,
    /// <summary><c>Finance -&gt; Goodwill</c>.</summary>
    FinanceGoodwill,
    /// <summary><c>Finance -&gt; Rollback</c>.</summary>
    FinanceRollback,
    /// <summary><c>Buyer canceled</c>.</summary>
    BuyerCanceled,
    /// <summary><c>Customer returned item</c>.</summary>
    CustomerReturnedItem,
    /// <summary><c>General adjustment</c>.</summary>
    GeneralAdjustment,
    /// <summary><c>Merchandise not received</c>.</summary>
    MerchandiseNotReceived,
    /// <summary><c>Quality -&gt; Missing Parts / Instructions</c>.</summary>
    QualityMissingPartsInstructions,
    /// <summary><c>Shipping &amp; Delivery -&gt; Damaged</c>.</summary>
    ShippingAndDeliveryDamaged,
    /// <summary><c>Shipping &amp; Delivery -&gt; Shipping Price Discrepancy</c>.</summary>
    ShippingAndDeliveryShippingPriceDiscrepancy,
    /// <summary><c>Others</c>.</summary>
    Others,
}

/// <summary>
/// A refund of one line (<c>POST /v3/orders/{purchaseOrderId}/refund</c>). Amounts are given positive, in the order's
/// currency, and sent negative; their sum may not exceed what remains refundable on the line.
/// </summary>
public sealed record WalmartRefund
{
    /// <summary>The line.</summary>
    public required string LineNumber { get; init; }

    /// <summary>The caller's reference for this refund (an RMA, a ticket): with the purchase order and line it identifies the refund action for idempotency.</summary>
    public required string Reference { get; init; }

    /// <summary>Why.</summary>
    public required WalmartRefundReason Reason { get; init; }

    /// <summary>Free text sent as <c>refundComments</c>.</summary>
    public string? Comments { get; init; }

    /// <summary>Product amount to refund (positive); null or zero for none.</summary>
    public Money? Product { get; init; }

    /// <summary>Tax on the product amount to refund (positive).</summary>
    public Money? ProductTax { get; init; }

    /// <summary>Shipping amount to refund (positive).</summary>
    public Money? Shipping { get; init; }

    /// <summary>Tax on the shipping amount to refund (positive).</summary>
    public Money? ShippingTax { get; init; }

    /// <summary>Sent as <c>isFullRefund</c>.</summary>
    public bool IsFullRefund { get; init; }

    /// <summary>The sum of the amounts.</summary>
    public Money Total(CurrencyCode currency)
        => new[] { Product, ProductTax, Shipping, ShippingTax }.Where(m => m is not null).Aggregate(Money.Zero(currency), (s, m) => s + m!.Value);
}

/// <summary>Walmart's wire names for cancellation and refund reasons, and the mapping from OrderCore's reasons.</summary>
public static class WalmartReasons
{
    /// <summary>The wire value of a cancellation reason, e.g. <c>SELLER_CANCEL_OUT_OF_STOCK</c>.</summary>
    public static string ToApi(this WalmartCancellationReason reason) => reason switch
    {
        WalmartCancellationReason.CustomerRequestedSellerToCancel => "CUSTOMER_REQUESTED_SELLER_TO_CANCEL",
        WalmartCancellationReason.SellerCancelPricingError => "SELLER_CANCEL_PRICING_ERROR",
        WalmartCancellationReason.SellerCancelOutOfStock => "SELLER_CANCEL_OUT_OF_STOCK",
        WalmartCancellationReason.SellerCancelFraudStopShipment => "SELLER_CANCEL_FRAUD_STOP_SHIPMENT",
        WalmartCancellationReason.SellerCancelAddressNotServiceable => "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown cancellation reason."),
    };

    /// <summary>The wire value of a refund reason, e.g. <c>ItemNotReceivedByCustomer</c> or <c>Shipping &amp; Delivery -&gt; Damaged</c>.</summary>
    public static string ToApi(this WalmartRefundReason reason) => reason switch
    {
        WalmartRefundReason.MissingPartsInstructions => "Missing Parts / Instructions",
        WalmartRefundReason.FinanceGoodwill => "Finance -> Goodwill",
        WalmartRefundReason.FinanceRollback => "Finance -> Rollback",
        WalmartRefundReason.BuyerCanceled => "Buyer canceled",
        WalmartRefundReason.CustomerReturnedItem => "Customer returned item",
        WalmartRefundReason.GeneralAdjustment => "General adjustment",
        WalmartRefundReason.MerchandiseNotReceived => "Merchandise not received",
        WalmartRefundReason.QualityMissingPartsInstructions => "Quality -> Missing Parts / Instructions",
        WalmartRefundReason.ShippingAndDeliveryDamaged => "Shipping & Delivery -> Damaged",
        WalmartRefundReason.ShippingAndDeliveryShippingPriceDiscrepancy => "Shipping & Delivery -> Shipping Price Discrepancy",
        _ when Enum.IsDefined(reason) => reason.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown refund reason."),
    };

    /// <summary>
    /// The Walmart reason for an OrderCore cancellation reason text (as passed to <c>OrderFulfilment.CancelAsync</c>):
    /// <c>out-of-stock</c> / <c>insufficient-inventory</c> → <see cref="WalmartCancellationReason.SellerCancelOutOfStock"/>;
    /// <c>pricing-error</c> → pricing error; <c>fraud</c> → fraud stop; <c>address-not-serviceable</c> / <c>missing-address</c> →
    /// address not serviceable; <c>customer-requested</c> / <c>customer-request</c> → customer requested. Case and
    /// <c>_</c>/<c>-</c>/space are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The text maps to no Walmart reason.</exception>
    public static WalmartCancellationReason CancellationFromOrderCore(string reason)
    {
        var key = new string((reason ?? "").Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return key switch
        {
            "OUTOFSTOCK" or "INSUFFICIENTINVENTORY" or "NOSTOCK" => WalmartCancellationReason.SellerCancelOutOfStock,
            "PRICINGERROR" or "PRICEERROR" => WalmartCancellationReason.SellerCancelPricingError,
            "FRAUD" or "FRAUDSTOPSHIPMENT" => WalmartCancellationReason.SellerCancelFraudStopShipment,
            "ADDRESSNOTSERVICEABLE" or "MISSINGADDRESS" or "UNDELIVERABLEADDRESS" => WalmartCancellationReason.SellerCancelAddressNotServiceable,
            "CUSTOMERREQUESTED" or "CUSTOMERREQUEST" or "CUSTOMERREQUESTEDSELLERTOCANCEL" => WalmartCancellationReason.CustomerRequestedSellerToCancel,
            _ => throw new ArgumentException($"OrderCore cancellation reason '{reason}' has no Walmart cancellationReason; pass a WalmartCancellationReason.", nameof(reason)),
        };
    }

    /// <summary>The Walmart reason for an exception-queue reason: insufficient inventory → out of stock; missing address → address not serviceable; null for the others (which are not reasons to cancel).</summary>
    public static WalmartCancellationReason? CancellationFor(OrderExceptionReason reason) => reason switch
    {
        OrderExceptionReason.InsufficientInventory => WalmartCancellationReason.SellerCancelOutOfStock,
        OrderExceptionReason.MissingAddress => WalmartCancellationReason.SellerCancelAddressNotServiceable,
        _ => null,
    };

    /// <summary>The Walmart reason for a hold reason: fraud → fraud stop; customer request → customer requested; inventory → out of stock; null otherwise.</summary>
    public static WalmartCancellationReason? CancellationFor(HoldReason reason) => reason switch
    {
        HoldReason.Fraud => WalmartCancellationReason.SellerCancelFraudStopShipment,
        HoldReason.CustomerRequest => WalmartCancellationReason.CustomerRequestedSellerToCancel,
        HoldReason.Inventory => WalmartCancellationReason.SellerCancelOutOfStock,
        HoldReason.AddressVerification => WalmartCancellationReason.SellerCancelAddressNotServiceable,
        _ => null,
    };
}
