using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderCore.Adapters.Walmart.Json;

/// <summary>Source-generated System.Text.Json metadata for every Walmart wire shape the adapter reads or writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(OrderDocumentDto))]
[JsonSerializable(typeof(PurchaseOrderDto))]
[JsonSerializable(typeof(ShipmentRequestDto))]
[JsonSerializable(typeof(CancelRequestDto))]
[JsonSerializable(typeof(RefundRequestDto))]
[JsonSerializable(typeof(MultiNodeInventoryRequestDto))]
[JsonSerializable(typeof(MultiNodeInventoryResponseDto))]
[JsonSerializable(typeof(InventoryFeedDto))]
[JsonSerializable(typeof(FeedIdDto))]
[JsonSerializable(typeof(FeedStatusDto))]
[JsonSerializable(typeof(TokenResponseDto))]
[JsonSerializable(typeof(ReturnsResponseDto))]
[JsonSerializable(typeof(ReturnOrderDto))]
[JsonSerializable(typeof(OutboxPayloadDto))]
internal sealed partial class WalmartJsonContext : JsonSerializerContext
{
}

/// <summary>Reads a JSON string, number or boolean as its text (Walmart sends ids and quantities as strings, sometimes as numbers); writes a string.</summary>
internal sealed class FlexibleStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : reader.GetDecimal().ToString(CultureInfo.InvariantCulture);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                throw new JsonException($"Expected a string or a number, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}

/// <summary>Reads <c>shipNode</c>, which Walmart sends as an object, as null, or (in the released-orders example) as an empty array.</summary>
internal sealed class ShipNodeConverter : JsonConverter<ShipNodeDto?>
{
    public override bool HandleNull => true;

    public override ShipNodeDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                ShipNodeDto? first = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject) first ??= ReadObject(ref reader);
                    else reader.Skip();
                }
                return first;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            default:
                throw new JsonException($"Expected shipNode to be an object, found {reader.TokenType}.");
        }
    }

    private static ShipNodeDto ReadObject(ref Utf8JsonReader reader)
    {
        var node = new ShipNodeDto();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => reader.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : reader.GetDecimal().ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            if (string.Equals(name, "type", StringComparison.OrdinalIgnoreCase)) node.Type = value;
            else if (string.Equals(name, "name", StringComparison.OrdinalIgnoreCase)) node.Name = value;
            else if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase)) node.Id = value;
        }
        return node;
    }

    public override void Write(Utf8JsonWriter writer, ShipNodeDto? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        if (value.Type is not null) writer.WriteString("type", value.Type);
        if (value.Name is not null) writer.WriteString("name", value.Name);
        if (value.Id is not null) writer.WriteString("id", value.Id);
        writer.WriteEndObject();
    }
}
