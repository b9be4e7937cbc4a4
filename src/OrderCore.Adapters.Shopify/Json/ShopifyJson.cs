using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrderCore.Adapters.Shopify.Json;

/// <summary>Reads Shopify JSON into the internal DTOs, turning every reader error into a <see cref="ShopifyPayloadException"/> that names the path.</summary>
internal static class ShopifyJson
{
    public static T Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type) where T : class
    {
        if (json.IsEmpty || json.Trim(" \t\r\n"u8).IsEmpty) throw new ShopifyPayloadException("$", "the body is empty");
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new ShopifyPayloadException("$", "the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new ShopifyPayloadException(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, Describe(ex), ex);
        }
    }

    public static T Read<T>(JsonElement element, JsonTypeInfo<T> type, string path) where T : class
    {
        try
        {
            return element.Deserialize(type) ?? throw new ShopifyPayloadException(path, "is JSON null");
        }
        catch (JsonException ex)
        {
            var inner = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : ex.Path[1..];
            throw new ShopifyPayloadException(path + inner, Describe(ex), ex);
        }
    }

    public static byte[] Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static string Describe(JsonException ex)
    {
        // The reader's message names the path and the position already; keep its first sentence, without the path part.
        var text = ex.Message;
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) text = text[..cut];
        return text.TrimEnd('.') + (ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "");
    }
}
