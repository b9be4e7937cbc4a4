using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderCore.Adapters.Amazon.SpApi.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for every SP-API DTO. Reading is case-insensitive (v0 uses PascalCase,
/// the newer APIs camelCase) and accepts numbers sent as strings (<c>"QuantityOrdered": "1"</c>); writing is camelCase
/// without nulls, as the request bodies of the models are.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ErrorListDto))]
[JsonSerializable(typeof(LwaTokenResponse))]
[JsonSerializable(typeof(CreateRestrictedDataTokenRequest))]
[JsonSerializable(typeof(CreateRestrictedDataTokenResponse))]
[JsonSerializable(typeof(V0Order))]
[JsonSerializable(typeof(V0GetOrdersResponse))]
[JsonSerializable(typeof(V0GetOrderResponse))]
[JsonSerializable(typeof(V0OrderItem))]
[JsonSerializable(typeof(V0GetOrderItemsResponse))]
[JsonSerializable(typeof(V0GetOrderAddressResponse))]
[JsonSerializable(typeof(ConfirmShipmentRequestDto))]
[JsonSerializable(typeof(V26Order))]
[JsonSerializable(typeof(V26OrderItem))]
[JsonSerializable(typeof(V26SearchOrdersResponse))]
[JsonSerializable(typeof(V26GetOrderResponse))]
[JsonSerializable(typeof(NotificationEnvelope))]
[JsonSerializable(typeof(ListingsPatchRequest))]
[JsonSerializable(typeof(ListingsSubmissionResponse))]
[JsonSerializable(typeof(ListingsFeedDto))]
[JsonSerializable(typeof(ProcessingReportDto))]
[JsonSerializable(typeof(CreateFeedDocumentRequest))]
[JsonSerializable(typeof(CreateFeedDocumentResponse))]
[JsonSerializable(typeof(CreateFeedRequest))]
[JsonSerializable(typeof(CreateFeedResponse))]
[JsonSerializable(typeof(FeedDto))]
[JsonSerializable(typeof(FeedDocumentDto))]
[JsonSerializable(typeof(GetInventorySummariesResponse))]
[JsonSerializable(typeof(InboundOperationResponse))]
[JsonSerializable(typeof(InboundOperationStatusDto))]
[JsonSerializable(typeof(InboundBodyOwnersDto))]
[JsonSerializable(typeof(ListInboundOptionsResponse))]
[JsonSerializable(typeof(InboundShipmentDto))]
[JsonSerializable(typeof(ExampleWrapper))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class AmazonJsonContext : JsonSerializerContext
{
}
