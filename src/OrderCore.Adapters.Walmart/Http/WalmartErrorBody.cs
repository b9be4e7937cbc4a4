using System.Text.Json;

namespace OrderCore.Adapters.Walmart.Http;

/// <summary>Reads Walmart's error bodies, which come as <c>{"errors":{"error":[…]}}</c>, <c>{"errors":[…]}</c> or <c>{"error":[…]}</c>.</summary>
internal static class WalmartErrorBody
{
    public const int MaxRawLength = 4096;

    public static IReadOnlyList<WalmartError> Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            using var doc = JsonDocument.Parse(body);
            var list = new List<WalmartError>();
            Collect(doc.RootElement, list, 0);
            return list;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string? Cut(string? body) => body is null ? null : body.Length <= MaxRawLength ? body : body[..MaxRawLength];

    private static void Collect(JsonElement e, List<WalmartError> list, int depth)
    {
        if (depth > 4) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Collect(item, list, depth + 1);
                break;
            case JsonValueKind.Object:
                if (Prop(e, "code") is not null || Prop(e, "description") is not null || Prop(e, "message") is not null && depth > 0)
                {
                    list.Add(new WalmartError(Prop(e, "code"), Prop(e, "field"), Prop(e, "description") ?? Prop(e, "message"), Prop(e, "info"), Prop(e, "severity"), Prop(e, "category")));
                    return;
                }
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals("errors") || p.NameEquals("error") || p.NameEquals("Errors") || p.NameEquals("Error")) Collect(p.Value, list, depth + 1);
                }
                break;
        }
    }

    private static string? Prop(JsonElement e, string name)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                    _ => null,
                };
            }
        }
        return null;
    }
}
