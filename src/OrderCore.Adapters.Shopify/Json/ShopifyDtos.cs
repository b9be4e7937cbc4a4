using System.Text.Json;

namespace OrderCore.Adapters.Shopify.Json;

// Shopify's wire shapes (Admin REST 2026-07 field names). They stay internal: the adapter maps them to OrderCore types
// and nothing outside this assembly sees them. Only the fields OrderCore uses are declared; the rest are ignored.
// Amounts arrive as strings ("199.00") or numbers (195.66): both are read as decimal, never as double.

internal sealed class ShopifyMoneyDto
{
    public decimal? Amount { get; set; }
    public string? CurrencyCode { get; set; }
}

internal sealed class ShopifyPriceSetDto
{
    public ShopifyMoneyDto? ShopMoney { get; set; }
    public ShopifyMoneyDto? PresentmentMoney { get; set; }
}

internal sealed class ShopifyAddressDto
{
    public string? Name { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? Province { get; set; }
    public string? ProvinceCode { get; set; }
    public string? Zip { get; set; }
    public string? Country { get; set; }
    public string? CountryCode { get; set; }
}

internal sealed class ShopifyShippingLineDto
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }
    public decimal? Price { get; set; }
}

internal sealed class ShopifyDiscountAllocationDto
{
    public decimal? Amount { get; set; }
}

internal sealed class ShopifyLineItemDto
{
    public long? Id { get; set; }
    public long? VariantId { get; set; }
    public long? ProductId { get; set; }
    public string? Sku { get; set; }
    public string? Title { get; set; }
    public string? Name { get; set; }
    public int? Quantity { get; set; }
    public int? CurrentQuantity { get; set; }
    public int? FulfillableQuantity { get; set; }
    public string? FulfillmentStatus { get; set; }
    public string? FulfillmentService { get; set; }
    public bool? RequiresShipping { get; set; }
    public decimal? Price { get; set; }
    public ShopifyPriceSetDto? PriceSet { get; set; }
    public decimal? TotalDiscount { get; set; }
    public List<ShopifyDiscountAllocationDto>? DiscountAllocations { get; set; }
}

internal sealed class ShopifyTransactionDto
{
    public long? Id { get; set; }
    public string? Kind { get; set; }
    public string? Status { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
}

internal sealed class ShopifyOrderAdjustmentDto
{
    public long? Id { get; set; }
    public decimal? Amount { get; set; }
    public decimal? TaxAmount { get; set; }
    public string? Kind { get; set; }
}

internal sealed class ShopifyRefundLineItemDto
{
    public long? Id { get; set; }
    public long? LineItemId { get; set; }
    public int? Quantity { get; set; }
    public string? RestockType { get; set; }
    public long? LocationId { get; set; }
    public decimal? Subtotal { get; set; }
    public ShopifyPriceSetDto? SubtotalSet { get; set; }
    public decimal? TotalTax { get; set; }
    public ShopifyPriceSetDto? TotalTaxSet { get; set; }
    public ShopifyLineItemDto? LineItem { get; set; }
}

internal sealed class ShopifyRefundDto
{
    public long? Id { get; set; }
    public long? OrderId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? Note { get; set; }
    public string? Currency { get; set; }
    public List<ShopifyRefundLineItemDto>? RefundLineItems { get; set; }
    public List<ShopifyTransactionDto>? Transactions { get; set; }
    public List<ShopifyOrderAdjustmentDto>? OrderAdjustments { get; set; }
}

internal sealed class ShopifyFulfillmentDto
{
    public long? Id { get; set; }
    public long? OrderId { get; set; }
    public string? Status { get; set; }
    public long? LocationId { get; set; }
    public string? TrackingCompany { get; set; }
    public string? TrackingNumber { get; set; }
    public string? TrackingUrl { get; set; }
    public List<string>? TrackingNumbers { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public List<ShopifyLineItemDto>? LineItems { get; set; }
}

internal sealed class ShopifyOrderDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public string? Currency { get; set; }
    public decimal? TotalPrice { get; set; }
    public decimal? SubtotalPrice { get; set; }
    public decimal? TotalTax { get; set; }
    public decimal? TotalDiscounts { get; set; }
    public decimal? CurrentTotalPrice { get; set; }
    public decimal? TotalOutstanding { get; set; }
    public string? FinancialStatus { get; set; }
    public string? FulfillmentStatus { get; set; }
    public string? Tags { get; set; }
    public bool? Test { get; set; }
    public List<ShopifyLineItemDto>? LineItems { get; set; }
    public ShopifyAddressDto? ShippingAddress { get; set; }
    public List<ShopifyShippingLineDto>? ShippingLines { get; set; }
    public List<ShopifyRefundDto>? Refunds { get; set; }
    public List<ShopifyFulfillmentDto>? Fulfillments { get; set; }
}

internal sealed class ShopifyFulfillmentOrderLineItemDto
{
    public long? Id { get; set; }
    public long? FulfillmentOrderId { get; set; }
    public long? LineItemId { get; set; }
    public long? InventoryItemId { get; set; }
    public long? VariantId { get; set; }
    public int? Quantity { get; set; }
    public int? FulfillableQuantity { get; set; }
}

internal sealed class ShopifyFulfillmentOrderDto
{
    public long? Id { get; set; }
    public long? OrderId { get; set; }
    public long? AssignedLocationId { get; set; }
    public string? Status { get; set; }
    public string? RequestStatus { get; set; }
    public List<ShopifyFulfillmentOrderLineItemDto>? LineItems { get; set; }
}

internal sealed class ShopifyInventoryLevelDto
{
    public long? InventoryItemId { get; set; }
    public long? LocationId { get; set; }
    public int? Available { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class ShopifyLocationDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public bool? Active { get; set; }
    public string? CountryCode { get; set; }
}

/// <summary>Every REST response envelope the adapter reads: <c>{"order": …}</c>, <c>{"orders": […]}</c>, <c>{"refund": …}</c> and so on.</summary>
internal sealed class ShopifyEnvelopeDto
{
    public ShopifyOrderDto? Order { get; set; }
    public List<ShopifyOrderDto>? Orders { get; set; }
    public ShopifyRefundDto? Refund { get; set; }
    public List<ShopifyRefundDto>? Refunds { get; set; }
    public ShopifyFulfillmentDto? Fulfillment { get; set; }
    public List<ShopifyFulfillmentDto>? Fulfillments { get; set; }
    public ShopifyFulfillmentOrderDto? FulfillmentOrder { get; set; }
    public List<ShopifyFulfillmentOrderDto>? FulfillmentOrders { get; set; }
    public ShopifyInventoryLevelDto? InventoryLevel { get; set; }
    public List<ShopifyInventoryLevelDto>? InventoryLevels { get; set; }
    public List<ShopifyLocationDto>? Locations { get; set; }
}

/// <summary>A recorded API exchange, as in <c>shopify/rest-admin-2026-07-examples/*.json</c>.</summary>
internal sealed class ShopifyRecordedExchangeDto
{
    public string? Test { get; set; }
    public string? Method { get; set; }
    public string? Url { get; set; }
    public JsonElement? RequestBody { get; set; }
    public int? ResponseStatus { get; set; }
    public JsonElement? ResponseBody { get; set; }
}

// ---- requests the adapter sends ----

internal sealed class ShopifyTrackingInfoDto
{
    public string? Company { get; set; }
    public string? Number { get; set; }
    public string? Url { get; set; }
}

internal sealed class ShopifyFulfillmentOrderLineQuantityDto
{
    public long Id { get; set; }
    public int Quantity { get; set; }
}

internal sealed class ShopifyLineItemsByFulfillmentOrderDto
{
    public long FulfillmentOrderId { get; set; }
    public List<ShopifyFulfillmentOrderLineQuantityDto>? FulfillmentOrderLineItems { get; set; }
}

internal sealed class ShopifyFulfillmentCreateDto
{
    public bool NotifyCustomer { get; set; }
    public ShopifyTrackingInfoDto? TrackingInfo { get; set; }
    public List<ShopifyLineItemsByFulfillmentOrderDto> LineItemsByFulfillmentOrder { get; set; } = [];
}

internal sealed class ShopifyFulfillmentCreateRequestDto
{
    public ShopifyFulfillmentCreateDto Fulfillment { get; set; } = new();
}

internal sealed class ShopifyUpdateTrackingDto
{
    public bool NotifyCustomer { get; set; }
    public ShopifyTrackingInfoDto TrackingInfo { get; set; } = new();
}

internal sealed class ShopifyUpdateTrackingRequestDto
{
    public ShopifyUpdateTrackingDto Fulfillment { get; set; } = new();
}

internal sealed class ShopifyInventoryLevelSetRequestDto
{
    public long LocationId { get; set; }
    public long InventoryItemId { get; set; }
    public int Available { get; set; }
}

internal sealed class ShopifyGraphQlRequestDto
{
    public string Query { get; set; } = string.Empty;
    public JsonElement? Variables { get; set; }
}

// ---- payloads OrderCore writes to its outbox (its own shapes, versioned by Kind) ----

internal sealed class FulfilmentOutboxPayload
{
    public string OrderId { get; set; } = string.Empty;
    public long ShopifyOrderId { get; set; }
    public long? ShopifyLocationId { get; set; }
    public List<FulfilmentOutboxLine> Lines { get; set; } = [];
    public string? TrackingCompany { get; set; }
    public string? TrackingNumber { get; set; }
    public string? TrackingUrl { get; set; }
    public bool NotifyCustomer { get; set; }
    public string? PreviousTrackingNumber { get; set; }
}

internal sealed class FulfilmentOutboxLine
{
    public long LineItemId { get; set; }
    public int Quantity { get; set; }
}

internal sealed class StockOutboxPayload
{
    public string Sku { get; set; } = string.Empty;
    public long InventoryItemId { get; set; }
    public long ShopifyLocationId { get; set; }
    public int Available { get; set; }
}
