using System.Text.Json;
using System.Text.Json.Serialization;

// Channel DTOs: internal to the adapter (aesthetics convention 22). Field names follow the SP-API models in
// ../shared/data/amazon-sp-api/ (ordersV0.json, orders_2026-01-01.json, fbaInventory.json, fulfillmentInbound_2024-03-20.json,
// the listings feed schema and the ORDER_CHANGE notification). Only the fields OrderCore maps are declared; dates and
// money amounts are kept as strings and parsed by the mappers, so a placeholder or malformed value gives a typed rejection
// naming the field instead of failing the whole document.
namespace OrderCore.Adapters.Amazon.SpApi.Json;

internal sealed class ApiErrorDto
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? Details { get; set; }
}

internal sealed class ErrorListDto
{
    public List<ApiErrorDto>? Errors { get; set; }
}

// ---- Login with Amazon, Tokens API ----

internal sealed class LwaTokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("error_description")] public string? ErrorDescription { get; set; }
}

internal sealed class RestrictedResourceDto
{
    public required string Method { get; set; }
    public required string Path { get; set; }
    public List<string>? DataElements { get; set; }
}

internal sealed class CreateRestrictedDataTokenRequest
{
    public required List<RestrictedResourceDto> RestrictedResources { get; set; }
}

internal sealed class CreateRestrictedDataTokenResponse
{
    public string? RestrictedDataToken { get; set; }
    public int? ExpiresIn { get; set; }
}

// ---- Orders v0 ----

internal sealed class V0Money
{
    public string? CurrencyCode { get; set; }
    public string? Amount { get; set; }
}

internal sealed class V0Address
{
    public string? Name { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? AddressLine3 { get; set; }
    public string? City { get; set; }
    public string? County { get; set; }
    public string? District { get; set; }
    public string? StateOrRegion { get; set; }
    public string? PostalCode { get; set; }
    public string? CountryCode { get; set; }
}

internal sealed class V0Order
{
    public string? AmazonOrderId { get; set; }
    public string? SellerOrderId { get; set; }
    public string? PurchaseDate { get; set; }
    public string? LastUpdateDate { get; set; }
    public string? OrderStatus { get; set; }
    public string? FulfillmentChannel { get; set; }
    public string? SalesChannel { get; set; }
    public string? ShipServiceLevel { get; set; }
    public string? ShipmentServiceLevelCategory { get; set; }
    public string? MarketplaceId { get; set; }
    public string? EarliestShipDate { get; set; }
    public string? LatestShipDate { get; set; }
    public string? OrderType { get; set; }
    [JsonConverter(typeof(LenientBoolConverter))] public bool? IsBusinessOrder { get; set; }
    [JsonConverter(typeof(LenientBoolConverter))] public bool? IsPrime { get; set; }
    [JsonConverter(typeof(LenientBoolConverter))] public bool? IsPremiumOrder { get; set; }
    [JsonConverter(typeof(LenientBoolConverter))] public bool? IsReplacementOrder { get; set; }
    public V0Address? ShippingAddress { get; set; }
}

internal sealed class V0OrdersList
{
    public List<JsonElement>? Orders { get; set; }
    public string? NextToken { get; set; }
    public string? LastUpdatedBefore { get; set; }
    public string? CreatedBefore { get; set; }
}

internal sealed class V0GetOrdersResponse
{
    public V0OrdersList? Payload { get; set; }
    public List<ApiErrorDto>? Errors { get; set; }
}

internal sealed class V0GetOrderResponse
{
    public JsonElement? Payload { get; set; }
    public List<ApiErrorDto>? Errors { get; set; }
}

internal sealed class V0BuyerRequestedCancel
{
    [JsonConverter(typeof(LenientBoolConverter))] public bool? IsBuyerRequestedCancel { get; set; }
    public string? BuyerCancelReason { get; set; }
}

internal sealed class V0OrderItem
{
    public string? ASIN { get; set; }
    public string? SellerSKU { get; set; }
    public string? OrderItemId { get; set; }
    public string? Title { get; set; }
    public int? QuantityOrdered { get; set; }
    public int? QuantityShipped { get; set; }
    public V0Money? ItemPrice { get; set; }
    public string? ConditionId { get; set; }
    public V0BuyerRequestedCancel? BuyerRequestedCancel { get; set; }
}

internal sealed class V0OrderItemsList
{
    public string? AmazonOrderId { get; set; }
    public string? NextToken { get; set; }
    public List<JsonElement>? OrderItems { get; set; }
}

internal sealed class V0GetOrderItemsResponse
{
    public V0OrderItemsList? Payload { get; set; }
    public List<ApiErrorDto>? Errors { get; set; }
}

internal sealed class V0OrderAddress
{
    public string? AmazonOrderId { get; set; }
    public V0Address? ShippingAddress { get; set; }
}

internal sealed class V0GetOrderAddressResponse
{
    public V0OrderAddress? Payload { get; set; }
    public List<ApiErrorDto>? Errors { get; set; }
}

internal sealed class ConfirmShipmentOrderItemDto
{
    public required string OrderItemId { get; set; }
    public required int Quantity { get; set; }
    public List<string>? TransparencyCodes { get; set; }
}

internal sealed class PackageDetailDto
{
    public required string PackageReferenceId { get; set; }
    public required string CarrierCode { get; set; }
    public string? CarrierName { get; set; }
    public string? ShippingMethod { get; set; }
    public required string TrackingNumber { get; set; }
    public required string ShipDate { get; set; }
    public string? ShipFromSupplySourceId { get; set; }
    public required List<ConfirmShipmentOrderItemDto> OrderItems { get; set; }
}

internal sealed class ConfirmShipmentRequestDto
{
    public required string MarketplaceId { get; set; }
    public required PackageDetailDto PackageDetail { get; set; }
}

// ---- Orders v2026-01-01 ----

internal sealed class V26Money
{
    public string? Amount { get; set; }
    public string? CurrencyCode { get; set; }
}

internal sealed class V26Address
{
    public string? Name { get; set; }
    public string? CompanyName { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? AddressLine3 { get; set; }
    public string? City { get; set; }
    public string? DistrictOrCounty { get; set; }
    public string? StateOrRegion { get; set; }
    public string? Municipality { get; set; }
    public string? PostalCode { get; set; }
    public string? CountryCode { get; set; }
}

internal sealed class V26Recipient
{
    public V26Address? DeliveryAddress { get; set; }
}

internal sealed class V26DateTimeRange
{
    public string? EarliestDateTime { get; set; }
    public string? LatestDateTime { get; set; }
}

internal sealed class V26OrderFulfillment
{
    public string? FulfillmentStatus { get; set; }
    public string? FulfilledBy { get; set; }
    public string? FulfillmentServiceLevel { get; set; }
    public V26DateTimeRange? ShipByWindow { get; set; }
}

internal sealed class V26SalesChannel
{
    public string? ChannelName { get; set; }
    public string? MarketplaceId { get; set; }
}

internal sealed class V26Price
{
    public V26Money? UnitPrice { get; set; }
}

internal sealed class V26Product
{
    public string? Asin { get; set; }
    public string? Title { get; set; }
    public string? SellerSku { get; set; }
    public V26Price? Price { get; set; }
}

internal sealed class V26ItemFulfillment
{
    public int? QuantityFulfilled { get; set; }
    public int? QuantityUnfulfilled { get; set; }
}

internal sealed class V26CancellationRequest
{
    public string? Requester { get; set; }
    public string? CancelReason { get; set; }
}

internal sealed class V26Cancellation
{
    public V26CancellationRequest? CancellationRequest { get; set; }
}

internal sealed class V26OrderItem
{
    public string? OrderItemId { get; set; }
    public int? QuantityOrdered { get; set; }
    public V26Product? Product { get; set; }
    public V26ItemFulfillment? Fulfillment { get; set; }
    public V26Cancellation? Cancellation { get; set; }
}

internal sealed class V26Order
{
    public string? OrderId { get; set; }
    public string? CreatedTime { get; set; }
    public string? LastUpdatedTime { get; set; }
    public List<string>? Programs { get; set; }
    public V26SalesChannel? SalesChannel { get; set; }
    public V26Recipient? Recipient { get; set; }
    public V26OrderFulfillment? Fulfillment { get; set; }
    public List<JsonElement>? OrderItems { get; set; }
}

internal sealed class V26Pagination
{
    public string? NextToken { get; set; }
}

internal sealed class V26SearchOrdersResponse
{
    public List<JsonElement>? Orders { get; set; }
    public V26Pagination? Pagination { get; set; }
    public string? LastUpdatedBefore { get; set; }
    public string? CreatedBefore { get; set; }
    public List<ApiErrorDto>? Errors { get; set; }
}

internal sealed class V26GetOrderResponse
{
    public JsonElement? Order { get; set; }
    public List<ApiErrorDto>? Errors { get; set; }
}

// ---- Notifications (ORDER_CHANGE) ----

internal sealed class NotificationEnvelope
{
    public string? NotificationVersion { get; set; }
    public string? NotificationType { get; set; }
    public string? PayloadVersion { get; set; }
    public string? EventTime { get; set; }
    public NotificationPayloadDto? Payload { get; set; }
    public NotificationMetadataDto? NotificationMetadata { get; set; }
}

internal sealed class NotificationPayloadDto
{
    public OrderChangeNotificationDto? OrderChangeNotification { get; set; }
}

internal sealed class NotificationMetadataDto
{
    public string? ApplicationId { get; set; }
    public string? SubscriptionId { get; set; }
    public string? PublishTime { get; set; }
    public string? NotificationId { get; set; }
}

internal sealed class OrderChangeTriggerDto
{
    public string? TimeOfOrderChange { get; set; }
    public string? ChangeReason { get; set; }
}

internal sealed class OrderChangeItemDto
{
    public string? OrderItemId { get; set; }
    public string? SellerSKU { get; set; }
    public string? OrderItemStatus { get; set; }
    public int? Quantity { get; set; }
    public int? QuantityShipped { get; set; }
    [JsonConverter(typeof(LenientBoolConverter))] public bool? IsBuyerRequestedCancel { get; set; }
}

internal sealed class OrderChangeSummaryDto
{
    public string? MarketplaceId { get; set; }
    public string? OrderStatus { get; set; }
    public string? PurchaseDate { get; set; }
    public string? FulfillmentType { get; set; }
    public string? OrderType { get; set; }
    public List<OrderChangeItemDto>? OrderItems { get; set; }
}

internal sealed class OrderChangeNotificationDto
{
    public string? NotificationLevel { get; set; }
    public string? SellerId { get; set; }
    public string? AmazonOrderId { get; set; }
    public string? OrderChangeType { get; set; }
    public OrderChangeTriggerDto? OrderChangeTrigger { get; set; }
    public OrderChangeSummaryDto? Summary { get; set; }
}

// ---- Listings Items 2021-08-01, JSON_LISTINGS_FEED, Feeds 2021-06-30 ----

internal sealed class FulfillmentAvailabilityDto
{
    [JsonPropertyName("fulfillment_channel_code")] public required string FulfillmentChannelCode { get; set; }
    [JsonPropertyName("quantity")] public required int Quantity { get; set; }
}

internal sealed class ListingsPatchDto
{
    public required string Op { get; set; }
    public required string Path { get; set; }
    public required List<FulfillmentAvailabilityDto> Value { get; set; }
}

internal sealed class ListingsPatchRequest
{
    public required string ProductType { get; set; }
    public required List<ListingsPatchDto> Patches { get; set; }
}

internal sealed class ListingsIssueDto
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? Severity { get; set; }
    public List<string>? AttributeNames { get; set; }
}

internal sealed class ListingsSubmissionResponse
{
    public string? Sku { get; set; }
    public string? Status { get; set; }
    public string? SubmissionId { get; set; }
    public List<ListingsIssueDto>? Issues { get; set; }
}

internal sealed class ListingsFeedHeaderDto
{
    public required string SellerId { get; set; }
    public required string Version { get; set; }
    public string? IssueLocale { get; set; }
}

internal sealed class ListingsFeedMessageDto
{
    public required int MessageId { get; set; }
    public required string Sku { get; set; }
    public required string OperationType { get; set; }
    public required string ProductType { get; set; }
    public required List<ListingsPatchDto> Patches { get; set; }
}

internal sealed class ListingsFeedDto
{
    public required ListingsFeedHeaderDto Header { get; set; }
    public required List<ListingsFeedMessageDto> Messages { get; set; }
}

internal sealed class ProcessingReportIssueDto
{
    public int? MessageId { get; set; }
    public string? Sku { get; set; }
    public string? Code { get; set; }
    public string? Severity { get; set; }
    public string? Message { get; set; }
    public string? AttributeName { get; set; }
}

internal sealed class ProcessingReportSummaryDto
{
    public int? Errors { get; set; }
    public int? Warnings { get; set; }
    public int? MessagesProcessed { get; set; }
    public int? MessagesAccepted { get; set; }
    public int? MessagesInvalid { get; set; }
}

internal sealed class ProcessingReportHeaderDto
{
    public string? SellerId { get; set; }
    public string? FeedId { get; set; }
}

internal sealed class ProcessingReportDto
{
    public ProcessingReportHeaderDto? Header { get; set; }
    public List<ProcessingReportIssueDto>? Issues { get; set; }
    public ProcessingReportSummaryDto? Summary { get; set; }
}

internal sealed class CreateFeedDocumentRequest
{
    public required string ContentType { get; set; }
}

internal sealed class CreateFeedDocumentResponse
{
    public string? FeedDocumentId { get; set; }
    public string? Url { get; set; }
}

internal sealed class CreateFeedRequest
{
    public required string FeedType { get; set; }
    public required List<string> MarketplaceIds { get; set; }
    public required string InputFeedDocumentId { get; set; }
}

internal sealed class CreateFeedResponse
{
    public string? FeedId { get; set; }
}

internal sealed class FeedDto
{
    public string? FeedId { get; set; }
    public string? ProcessingStatus { get; set; }
    public string? ResultFeedDocumentId { get; set; }
}

internal sealed class FeedDocumentDto
{
    public string? FeedDocumentId { get; set; }
    public string? Url { get; set; }
    public string? CompressionAlgorithm { get; set; }
}

// ---- FBA Inventory v1 ----

internal sealed class ReservedQuantityDto
{
    public int? TotalReservedQuantity { get; set; }
    public int? PendingCustomerOrderQuantity { get; set; }
    public int? PendingTransshipmentQuantity { get; set; }
    public int? FcProcessingQuantity { get; set; }
}

internal sealed class ResearchingQuantityDto
{
    public int? TotalResearchingQuantity { get; set; }
}

internal sealed class UnfulfillableQuantityDto
{
    public int? TotalUnfulfillableQuantity { get; set; }
    public int? CustomerDamagedQuantity { get; set; }
    public int? WarehouseDamagedQuantity { get; set; }
    public int? DistributorDamagedQuantity { get; set; }
    public int? CarrierDamagedQuantity { get; set; }
    public int? DefectiveQuantity { get; set; }
    public int? ExpiredQuantity { get; set; }
}

internal sealed class InventoryDetailsDto
{
    public int? FulfillableQuantity { get; set; }
    public int? InboundWorkingQuantity { get; set; }
    public int? InboundShippedQuantity { get; set; }
    public int? InboundReceivingQuantity { get; set; }
    public ReservedQuantityDto? ReservedQuantity { get; set; }
    public ResearchingQuantityDto? ResearchingQuantity { get; set; }
    public UnfulfillableQuantityDto? UnfulfillableQuantity { get; set; }
}

internal sealed class InventorySummaryDto
{
    public string? Asin { get; set; }
    public string? FnSku { get; set; }
    public string? SellerSku { get; set; }
    public string? Condition { get; set; }
    public InventoryDetailsDto? InventoryDetails { get; set; }
    public string? LastUpdatedTime { get; set; }
    public int? TotalQuantity { get; set; }
}

internal sealed class GranularityDto
{
    public string? GranularityType { get; set; }
    public string? GranularityId { get; set; }
}

internal sealed class InventorySummariesPayload
{
    public GranularityDto? Granularity { get; set; }
    public List<InventorySummaryDto>? InventorySummaries { get; set; }
}

internal sealed class InventoryPagination
{
    public string? NextToken { get; set; }
}

internal sealed class GetInventorySummariesResponse
{
    public InventorySummariesPayload? Payload { get; set; }
    public InventoryPagination? Pagination { get; set; }
    public List<ApiErrorDto>? Errors { get; set; }
}

// ---- Fulfillment Inbound v2024-03-20 ----

internal sealed class InboundOperationResponse
{
    public string? OperationId { get; set; }
    public string? InboundPlanId { get; set; }
}

internal sealed class OperationProblemDto
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? Details { get; set; }
    public string? Severity { get; set; }
}

internal sealed class InboundOperationStatusDto
{
    public string? OperationId { get; set; }
    public string? Operation { get; set; }
    public string? OperationStatus { get; set; }
    public List<OperationProblemDto>? OperationProblems { get; set; }
}

internal sealed class InboundItemOwnersDto
{
    public string? Msku { get; set; }
    public string? PrepOwner { get; set; }
    public string? LabelOwner { get; set; }
}

internal sealed class InboundBoxDto
{
    public List<InboundItemOwnersDto>? Items { get; set; }
}

internal sealed class InboundPackageGroupingDto
{
    public List<InboundBoxDto>? Boxes { get; set; }
}

/// <summary>The parts of a createInboundPlan / setPackingInformation body the US prep/label owner rule reads.</summary>
internal sealed class InboundBodyOwnersDto
{
    public List<string>? DestinationMarketplaces { get; set; }
    public List<InboundItemOwnersDto>? Items { get; set; }
    public List<InboundPackageGroupingDto>? PackageGroupings { get; set; }
}

internal sealed class PackingOptionDto
{
    public string? PackingOptionId { get; set; }
    public List<string>? PackingGroups { get; set; }
    public string? Status { get; set; }
}

internal sealed class PlacementOptionDto
{
    public string? PlacementOptionId { get; set; }
    public List<string>? ShipmentIds { get; set; }
    public string? Status { get; set; }
}

internal sealed class TransportationOptionDto
{
    public string? TransportationOptionId { get; set; }
    public string? ShipmentId { get; set; }
    public string? ShippingMode { get; set; }
    public string? ShippingSolution { get; set; }
    public List<string>? Preconditions { get; set; }
}

internal sealed class InboundPaginationDto
{
    public string? NextToken { get; set; }
}

internal sealed class ListInboundOptionsResponse
{
    public List<PackingOptionDto>? PackingOptions { get; set; }
    public List<PlacementOptionDto>? PlacementOptions { get; set; }
    public List<TransportationOptionDto>? TransportationOptions { get; set; }
    public InboundPaginationDto? Pagination { get; set; }
}

internal sealed class InboundShipmentDto
{
    public string? ShipmentId { get; set; }
    public string? ShipmentConfirmationId { get; set; }
    public string? Status { get; set; }
    public string? PlacementOptionId { get; set; }
}

// ---- the examples' wrapper in ../shared/data/amazon-sp-api/examples ----

internal sealed class ExampleWrapper
{
    public string? OperationId { get; set; }
    public string? Status { get; set; }
    public JsonElement? Response { get; set; }
}
