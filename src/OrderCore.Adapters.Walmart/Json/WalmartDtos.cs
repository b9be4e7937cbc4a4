using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderCore.Adapters.Walmart.Json;

// Walmart's wire shapes (OpenAPI "Order Management", "Inventory Management", "Returns Management" 0.6.3). Internal: the
// rest of OrderCore never sees them. Every property is nullable because real payloads omit and null fields the spec
// calls required; the mappers decide what is missing and say which field.

internal sealed class OrderDocumentDto
{
    public OrdersListDto? List { get; set; }
    public PurchaseOrderDto? Order { get; set; }
}

internal sealed class OrdersListDto
{
    public ListMetaDto? Meta { get; set; }
    public OrderElementsDto? Elements { get; set; }
}

internal sealed class ListMetaDto
{
    public int? TotalCount { get; set; }
    public int? Limit { get; set; }
    public string? NextCursor { get; set; }
}

internal sealed class OrderElementsDto
{
    public List<JsonElement>? Order { get; set; }
}

internal sealed class PurchaseOrderDto
{
    [JsonConverter(typeof(FlexibleStringConverter))] public string? PurchaseOrderId { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? CustomerOrderId { get; set; }
    public string? OrderType { get; set; }
    [JsonPropertyName("originalCustomerOrderID")] public string? OriginalCustomerOrderId { get; set; }
    public long? OrderDate { get; set; }
    public ShippingInfoDto? ShippingInfo { get; set; }
    public OrderLinesDto? OrderLines { get; set; }
    [JsonConverter(typeof(ShipNodeConverter))] public ShipNodeDto? ShipNode { get; set; }
}

internal sealed class ShipNodeDto
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
}

internal sealed class ShippingInfoDto
{
    public long? EstimatedDeliveryDate { get; set; }
    public long? EstimatedShipDate { get; set; }
    public string? MethodCode { get; set; }
    public PostalAddressDto? PostalAddress { get; set; }
}

internal sealed class PostalAddressDto
{
    public string? Name { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? AddressType { get; set; }
}

internal sealed class OrderLinesDto
{
    public List<OrderLineDto?>? OrderLine { get; set; }
}

internal sealed class OrderLineDto
{
    [JsonConverter(typeof(FlexibleStringConverter))] public string? LineNumber { get; set; }
    public ItemDto? Item { get; set; }
    public ChargesDto? Charges { get; set; }
    public QuantityDto? OrderLineQuantity { get; set; }
    public long? StatusDate { get; set; }
    public OrderLineStatusesDto? OrderLineStatuses { get; set; }
    public RefundDto? Refund { get; set; }
    public FulfillmentDto? Fulfillment { get; set; }
}

internal sealed class ItemDto
{
    public string? ProductName { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Sku { get; set; }
}

internal sealed class ChargesDto
{
    public List<ChargeDto?>? Charge { get; set; }
}

internal sealed class ChargeDto
{
    public string? ChargeType { get; set; }
    public string? ChargeName { get; set; }
    public MoneyDto? ChargeAmount { get; set; }
    public TaxDto? Tax { get; set; }
}

internal sealed class MoneyDto
{
    public string? Currency { get; set; }
    public decimal? Amount { get; set; }
}

internal sealed class TaxDto
{
    public string? TaxName { get; set; }
    public MoneyDto? TaxAmount { get; set; }
}

internal sealed class QuantityDto
{
    public string? UnitOfMeasurement { get; set; }

    /// <summary>A string in Walmart's payloads ("1"); a number is accepted too.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Amount { get; set; }
}

internal sealed class OrderLineStatusesDto
{
    public List<OrderLineStatusDto?>? OrderLineStatus { get; set; }
}

internal sealed class OrderLineStatusDto
{
    public string? Status { get; set; }
    public QuantityDto? StatusQuantity { get; set; }
    public string? CancellationReason { get; set; }
    public TrackingInfoDto? TrackingInfo { get; set; }
}

internal sealed class TrackingInfoDto
{
    public long? ShipDateTime { get; set; }
    public CarrierNameDto? CarrierName { get; set; }
    public string? MethodCode { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? TrackingNumber { get; set; }
    [JsonPropertyName("trackingURL")] public string? TrackingUrl { get; set; }
}

internal sealed class CarrierNameDto
{
    public string? OtherCarrier { get; set; }
    public string? Carrier { get; set; }
}

internal sealed class RefundDto
{
    [JsonConverter(typeof(FlexibleStringConverter))] public string? RefundId { get; set; }
    public string? RefundComments { get; set; }
    public RefundChargesDto? RefundCharges { get; set; }
}

internal sealed class RefundChargesDto
{
    public List<RefundChargeDto?>? RefundCharge { get; set; }
}

internal sealed class RefundChargeDto
{
    public string? RefundReason { get; set; }
    public ChargeDto? Charge { get; set; }
}

internal sealed class FulfillmentDto
{
    public string? FulfillmentOption { get; set; }
    public string? ShipMethod { get; set; }
    public string? ShippingProgramType { get; set; }
}

// ---- requests: ship, cancel, refund ----

internal sealed class ShipmentRequestDto
{
    public required ShipmentBodyDto OrderShipment { get; set; }
}

internal sealed class ShipmentBodyDto
{
    public required ShipLinesDto OrderLines { get; set; }
}

internal sealed class ShipLinesDto
{
    public required List<ShipLineDto> OrderLine { get; set; }
}

internal sealed class ShipLineDto
{
    public required string LineNumber { get; set; }
    public string? SellerOrderId { get; set; }
    public required ShipLineStatusesDto OrderLineStatuses { get; set; }
}

internal sealed class ShipLineStatusesDto
{
    public required List<ShipLineStatusDto> OrderLineStatus { get; set; }
}

internal sealed class ShipLineStatusDto
{
    public required string Status { get; set; }
    public string? CancellationReason { get; set; }
    public required QuantityDto StatusQuantity { get; set; }
    public TrackingInfoDto? TrackingInfo { get; set; }
}

internal sealed class CancelRequestDto
{
    public required CancelBodyDto OrderCancellation { get; set; }
}

internal sealed class CancelBodyDto
{
    public required ShipLinesDto OrderLines { get; set; }
}

internal sealed class RefundRequestDto
{
    public required RefundBodyDto OrderRefund { get; set; }
}

internal sealed class RefundBodyDto
{
    public required string PurchaseOrderId { get; set; }
    public required RefundLinesDto OrderLines { get; set; }
}

internal sealed class RefundLinesDto
{
    public required List<RefundLineDto> OrderLine { get; set; }
}

internal sealed class RefundLineDto
{
    public required string LineNumber { get; set; }
    public bool IsFullRefund { get; set; }
    public required RefundsDto Refunds { get; set; }
}

internal sealed class RefundsDto
{
    public required List<RefundDto> Refund { get; set; }
}

// ---- inventory ----

internal sealed class MultiNodeInventoryRequestDto
{
    public required InventoryNodesDto Inventories { get; set; }
}

internal sealed class InventoryNodesDto
{
    public required List<InventoryNodeDto> Nodes { get; set; }
}

internal sealed class InventoryNodeDto
{
    [JsonConverter(typeof(FlexibleStringConverter))] public string? ShipNode { get; set; }
    public InventoryQuantityDto? InputQty { get; set; }
    public InventoryQuantityDto? AvailToSellQty { get; set; }
    public InventoryQuantityDto? ReservedQty { get; set; }
    public string? Status { get; set; }
}

internal sealed class InventoryQuantityDto
{
    public string? Unit { get; set; }
    public int? Amount { get; set; }
}

internal sealed class MultiNodeInventoryResponseDto
{
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Sku { get; set; }
    public List<InventoryNodeDto?>? Nodes { get; set; }
}

internal sealed class InventoryFeedDto
{
    public required InventoryFeedHeaderDto InventoryHeader { get; set; }
    public required List<InventoryFeedItemDto> Inventory { get; set; }
}

internal sealed class InventoryFeedHeaderDto
{
    public required string Version { get; set; }
}

internal sealed class InventoryFeedItemDto
{
    public required string Sku { get; set; }
    public required List<InventoryFeedNodeDto> ShipNodes { get; set; }
}

internal sealed class InventoryFeedNodeDto
{
    public required string ShipNode { get; set; }
    public required InventoryQuantityDto Quantity { get; set; }
}

internal sealed class FeedIdDto
{
    public string? FeedId { get; set; }
}

internal sealed class FeedStatusDto
{
    public string? FeedId { get; set; }
    public string? FeedStatus { get; set; }
    public long? FeedSubmissionDate { get; set; }
    public int? ItemsReceived { get; set; }
    public int? ItemsSucceeded { get; set; }
    public int? ItemsFailed { get; set; }
    public int? ItemsProcessing { get; set; }
}

// ---- token ----

internal sealed class TokenResponseDto
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; set; }
}

// ---- returns ----

internal sealed class ReturnsResponseDto
{
    public ListMetaDto? Meta { get; set; }
    public List<JsonElement>? ReturnOrders { get; set; }
}

internal sealed class ReturnOrderDto
{
    [JsonConverter(typeof(FlexibleStringConverter))] public string? ReturnOrderId { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? CustomerOrderId { get; set; }
    public string? RefundMode { get; set; }
    public string? ReturnOrderDate { get; set; }
    public string? ReturnType { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? ReplacementCustomerOrderId { get; set; }
    public string? ReturnByDate { get; set; }
    public ReturnMoneyDto? TotalRefundAmount { get; set; }
    public List<ReturnLineGroupDto?>? ReturnLineGroups { get; set; }
    public List<ReturnOrderLineDto?>? ReturnOrderLines { get; set; }
    public ReturnChannelDto? ReturnChannel { get; set; }
}

internal sealed class ReturnChannelDto
{
    public string? ChannelName { get; set; }
}

internal sealed class ReturnMoneyDto
{
    public decimal? CurrencyAmount { get; set; }
    public string? CurrencyUnit { get; set; }
}

internal sealed class ReturnLineGroupDto
{
    public int? GroupNo { get; set; }
    public List<ReturnLineRefDto?>? ReturnLines { get; set; }
    public List<ReturnLabelDto?>? Labels { get; set; }
}

internal sealed class ReturnLineRefDto
{
    public int? ReturnOrderLineNumber { get; set; }
}

internal sealed class ReturnLabelDto
{
    public List<ReturnCarrierDto?>? CarrierInfoList { get; set; }
}

internal sealed class ReturnCarrierDto
{
    public string? CarrierName { get; set; }
    public string? ServiceType { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? TrackingNo { get; set; }
}

internal sealed class ReturnOrderLineDto
{
    public int? ReturnOrderLineNumber { get; set; }
    public int? SalesOrderLineNumber { get; set; }
    public string? ReturnReason { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? PurchaseOrderId { get; set; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? PurchaseOrderLineNumber { get; set; }
    public bool? IsReturnForException { get; set; }
    public ReturnItemDto? Item { get; set; }
    public ReturnMoneyDto? UnitPrice { get; set; }
    public List<ReturnChargeTotalDto?>? ChargeTotals { get; set; }
    public string? CurrentDeliveryStatus { get; set; }
    public string? CurrentRefundStatus { get; set; }
    public ReturnQuantityDto? Quantity { get; set; }
    public int? RefundedQty { get; set; }
    public int? CancellableQty { get; set; }
    public string? Status { get; set; }
    public string? StatusTime { get; set; }
}

internal sealed class ReturnItemDto
{
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Sku { get; set; }
    public string? ProductName { get; set; }
}

internal sealed class ReturnChargeTotalDto
{
    public string? Name { get; set; }
    public ReturnMoneyDto? Value { get; set; }
}

internal sealed class ReturnQuantityDto
{
    public string? UnitOfMeasure { get; set; }
    public decimal? MeasurementValue { get; set; }
}

// ---- the adapter's own outbox payload ----

internal sealed class OutboxPayloadDto
{
    public required string Operation { get; set; }
    public string? PurchaseOrderId { get; set; }
    public string? ShipNodeType { get; set; }
    public List<string>? LineNumbers { get; set; }
    public string? Sku { get; set; }
    public List<OutboxNodeQuantityDto>? Nodes { get; set; }
    public string? Body { get; set; }
    public decimal? RefundAmount { get; set; }
    public string? RefundCurrency { get; set; }
    public string? Reference { get; set; }
}

internal sealed class OutboxNodeQuantityDto
{
    public required string ShipNode { get; set; }
    public int Quantity { get; set; }
}
