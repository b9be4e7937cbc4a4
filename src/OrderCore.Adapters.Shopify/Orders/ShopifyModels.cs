using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Orders;

/// <summary>Shopify's <c>refund_line_items[].restock_type</c>.</summary>
public enum ShopifyRestockType
{
    /// <summary><c>no_restock</c>: refund only. Unfulfilled units are released in OrderCore (they never left the shelf; OrderCore's own ATP push decides what Shopify shows); fulfilled units stay with the buyer, no return is expected.</summary>
    NoRestock,
    /// <summary><c>cancel</c>: unfulfilled units are cancelled and restocked; OrderCore cancels those units of the line and releases their reservation.</summary>
    Cancel,
    /// <summary><c>return</c>: fulfilled units come back; OrderCore expects a return (an RMA awaiting receipt) at the refund line's location.</summary>
    Return,
    /// <summary><c>legacy_restock</c> (deprecated, read-only): treated as <see cref="Cancel"/> for unfulfilled units and as <see cref="Return"/> for fulfilled ones.</summary>
    LegacyRestock,
}

/// <summary>What Shopify says about one line item, kept beside the canonical line for reconciliation and reporting.</summary>
/// <param name="LineItemId">Shopify's <c>line_items[].id</c> (also the canonical line's <see cref="ChannelOrderLine.ExternalLineId"/>).</param>
/// <param name="Sku">The <c>sku</c>, trimmed; null when blank (custom items, variants without SKU).</param>
/// <param name="VariantId">The <c>variant_id</c>, or null.</param>
/// <param name="Quantity">Units ordered (<c>quantity</c>).</param>
/// <param name="CurrentQuantity">Units still on the order after removals and refunds (<c>current_quantity</c>; <c>quantity</c> when absent).</param>
/// <param name="FulfillableQuantity">Units Shopify still expects to fulfil (<c>fulfillable_quantity</c>), or null when absent.</param>
/// <param name="FulfillmentStatus">The line's <c>fulfillment_status</c>: null (unfulfilled), <c>fulfilled</c>, <c>partial</c>, <c>not_eligible</c>.</param>
/// <param name="UnitPrice">The unit price in shop currency (<c>price_set.shop_money</c>, else <c>price</c>).</param>
/// <param name="Discount">The discounts allocated to the line (Σ <c>discount_allocations[].amount</c>), or null when none is given.</param>
public sealed record ShopifyLineFacts(long LineItemId, string? Sku, long? VariantId, int Quantity, int CurrentQuantity, int? FulfillableQuantity, string? FulfillmentStatus, Money? UnitPrice, Money? Discount);

/// <summary>One <c>refund_line_items[]</c> entry.</summary>
/// <param name="LineItemId">The refunded line item (<c>line_item_id</c>).</param>
/// <param name="Quantity">Units refunded, ≥ 0.</param>
/// <param name="RestockType">What happens to the units.</param>
/// <param name="ShopifyLocationId">The <c>location_id</c> the units are restocked at (cancel, return, legacy_restock), or null.</param>
/// <param name="Subtotal">Shopify's refunded subtotal for these units (<c>subtotal_set.shop_money</c>, else <c>subtotal</c>), used verbatim, never recomputed.</param>
/// <param name="TotalTax">Shopify's refunded tax (<c>total_tax_set.shop_money</c>, else <c>total_tax</c>).</param>
/// <param name="Sku">The line item's SKU when the refund embeds it, else null.</param>
/// <param name="UnitPrice">The line item's unit price when the refund embeds it, else null.</param>
public sealed record ShopifyRefundLine(long LineItemId, int Quantity, ShopifyRestockType RestockType, long? ShopifyLocationId, Money? Subtotal, Money? TotalTax, string? Sku, Money? UnitPrice);

/// <summary>A Shopify refund, mapped: the units it names and the money it moved.</summary>
/// <param name="RefundId">Shopify's refund id; OrderCore applies each refund id once.</param>
/// <param name="ShopifyOrderId">The order's id (<c>order_id</c>).</param>
/// <param name="CreatedAt">When the refund was made.</param>
/// <param name="Lines">The refunded line items, in Shopify's order.</param>
/// <param name="Refunded">Money returned to the buyer: Σ <c>transactions[]</c> with <c>kind = refund</c> and <c>status = success</c>; null when the currency is unknown and there is no such transaction.</param>
/// <param name="ShippingRefunded">Shipping refunded (Σ −<c>order_adjustments[kind = shipping_refund].amount</c>), or null when none.</param>
public sealed record ShopifyRefund(long RefundId, long ShopifyOrderId, Instant? CreatedAt, IReadOnlyList<ShopifyRefundLine> Lines, Money? Refunded, Money? ShippingRefunded);

/// <summary>A Shopify order mapped to OrderCore: the canonical order plus what Shopify says beside it.</summary>
/// <param name="Order">The canonical order (version = <c>updated_at</c> in milliseconds since the Unix epoch).</param>
/// <param name="ShopifyOrderId">Shopify's order id.</param>
/// <param name="Name">The display number, e.g. <c>#1001</c>.</param>
/// <param name="FinancialStatus"><c>financial_status</c> as sent (<c>paid</c>, <c>partially_refunded</c>…), or null.</param>
/// <param name="FulfillmentStatus"><c>fulfillment_status</c> as sent (null = unfulfilled, <c>partial</c>, <c>fulfilled</c>, <c>restocked</c>).</param>
/// <param name="CancelledAt"><c>cancelled_at</c>, or null.</param>
/// <param name="CancelReason"><c>cancel_reason</c>, or null.</param>
/// <param name="UpdatedAt"><c>updated_at</c>.</param>
/// <param name="TotalPrice"><c>total_price</c> in shop currency, or null.</param>
/// <param name="RefundedToDate">Σ <see cref="ShopifyRefund.Refunded"/> over <see cref="Refunds"/>, or null when none moved money; never above <see cref="TotalPrice"/> (checked when mapping).</param>
/// <param name="Lines">Shopify's facts per line, in the order of <see cref="ChannelOrder.Lines"/>.</param>
/// <param name="Refunds">The refunds embedded in the order (<c>refunds[]</c>), oldest first as Shopify lists them.</param>
public sealed record ShopifyMappedOrder(
    ChannelOrder Order,
    long ShopifyOrderId,
    string? Name,
    string? FinancialStatus,
    string? FulfillmentStatus,
    Instant? CancelledAt,
    string? CancelReason,
    Instant UpdatedAt,
    Money? TotalPrice,
    Money? RefundedToDate,
    IReadOnlyList<ShopifyLineFacts> Lines,
    IReadOnlyList<ShopifyRefund> Refunds);
