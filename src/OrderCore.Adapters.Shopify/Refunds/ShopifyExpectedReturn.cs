using NodaTime;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Events;

namespace OrderCore.Adapters.Shopify.Refunds;

/// <summary>One line of an expected return.</summary>
/// <param name="OrderLineId">The OrderCore order line.</param>
/// <param name="LineItemId">The Shopify line item.</param>
/// <param name="Sku">The mapped SKU, or null when the line was never mapped.</param>
/// <param name="ExternalSku">The channel SKU (or variant id) of the line.</param>
/// <param name="Quantity">Channel units expected back, ≥ 1.</param>
/// <param name="BaseUnits">The same in the SKU's base unit (× the listing's pack multiplier).</param>
/// <param name="ShopifyLocationId">Where Shopify restocks them (<c>location_id</c>), if given.</param>
/// <param name="Location">The OrderCore location mapped to it, or null when unmapped (the RMA then decides where to receive).</param>
/// <param name="RestockType"><see cref="ShopifyRestockType.Return"/> or <see cref="ShopifyRestockType.LegacyRestock"/>.</param>
public sealed record ShopifyExpectedReturnLine(OrderLineId OrderLineId, long LineItemId, Sku? Sku, string? ExternalSku, int Quantity, int BaseUnits, long? ShopifyLocationId, LocationId? Location, ShopifyRestockType RestockType);

/// <summary>
/// Units of a shipped Shopify order that a refund says are coming back: an RMA awaiting receipt. OrderCore's core has no
/// returns model yet; until it has, the adapter returns this from refund mapping and publishes
/// <see cref="ShopifyReturnExpected"/> on the domain event hub. The core RMA (a later issue) will consume it to open a
/// return case whose units are received into <c>ReturnPending</c> at <see cref="ShopifyExpectedReturnLine.Location"/>.
/// </summary>
/// <param name="OrderId">The OrderCore order.</param>
/// <param name="ShopifyOrderId">Shopify's order id.</param>
/// <param name="RefundId">The Shopify refund that announced the return (the idempotency key of the RMA).</param>
/// <param name="Lines">The units expected back.</param>
/// <param name="Refunded">The money the refund returned to the buyer, if known.</param>
/// <param name="AnnouncedAt">When the refund was made (or, without a date, when OrderCore applied it).</param>
public sealed record ShopifyExpectedReturn(OrderId OrderId, long ShopifyOrderId, long RefundId, IReadOnlyList<ShopifyExpectedReturnLine> Lines, Money? Refunded, Instant AnnouncedAt);

/// <summary>Published when a Shopify refund announces returned units (see <see cref="ShopifyExpectedReturn"/>).</summary>
/// <param name="Return">The expected return.</param>
/// <param name="OccurredAt">When OrderCore applied the refund.</param>
public sealed record ShopifyReturnExpected(ShopifyExpectedReturn Return, Instant OccurredAt) : IDomainEvent;
