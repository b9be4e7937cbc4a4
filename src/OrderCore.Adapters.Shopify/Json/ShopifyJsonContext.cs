using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderCore.Adapters.Shopify.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for every Shopify shape the adapter reads or writes: snake_case names,
/// numbers accepted as JSON strings (Shopify sends amounts as <c>"199.00"</c>), nulls not written.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ShopifyOrderDto))]
[JsonSerializable(typeof(ShopifyRefundDto))]
[JsonSerializable(typeof(ShopifyFulfillmentDto))]
[JsonSerializable(typeof(ShopifyEnvelopeDto))]
[JsonSerializable(typeof(ShopifyRecordedExchangeDto))]
[JsonSerializable(typeof(ShopifyFulfillmentCreateRequestDto))]
[JsonSerializable(typeof(ShopifyUpdateTrackingRequestDto))]
[JsonSerializable(typeof(ShopifyInventoryLevelSetRequestDto))]
[JsonSerializable(typeof(ShopifyGraphQlRequestDto))]
[JsonSerializable(typeof(FulfilmentOutboxPayload))]
[JsonSerializable(typeof(StockOutboxPayload))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ShopifyJsonContext : JsonSerializerContext;
