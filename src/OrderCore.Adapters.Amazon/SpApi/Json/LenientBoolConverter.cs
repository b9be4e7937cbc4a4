using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderCore.Adapters.Amazon.SpApi.Json;

/// <summary>
/// Reads a boolean sent as a JSON boolean or as the string <c>"true"</c>/<c>"false"</c> (any case), as SP-API sandbox
/// examples do (<c>"IsBuyerRequestedCancel": "true"</c>). Any other value is a <see cref="JsonException"/> naming it.
/// </summary>
internal sealed class LenientBoolConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            case JsonTokenType.String:
                var s = reader.GetString()?.Trim();
                if (string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)) return true;
                if (string.Equals(s, "false", StringComparison.OrdinalIgnoreCase)) return false;
                if (string.IsNullOrEmpty(s)) return null;
                throw new JsonException($"'{s}' is not a boolean.");
            default:
                throw new JsonException($"A {reader.TokenType} is not a boolean.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } b) writer.WriteBooleanValue(b);
        else writer.WriteNullValue();
    }
}
