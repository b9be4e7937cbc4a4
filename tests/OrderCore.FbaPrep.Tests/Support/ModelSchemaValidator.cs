using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderCore.FbaPrep.Tests.Support;

/// <summary>
/// Validates JSON against a definition of a Swagger 2.0 model (the SP-API model files): <c>$ref</c>, <c>type</c>,
/// <c>required</c>, <c>properties</c> (a property the model does not define is an error), <c>enum</c>, string lengths and
/// <c>pattern</c>, number ranges, array sizes and <c>items</c>.
/// </summary>
public sealed class ModelSchemaValidator
{
    private readonly JsonElement _definitions;

    public ModelSchemaValidator(JsonDocument model) => _definitions = model.RootElement.GetProperty("definitions");

    public static ModelSchemaValidator LoadInboundModel() => new(JsonDocument.Parse(File.ReadAllText(SharedData.InboundModelPath)));

    public IReadOnlyList<string> Validate(string json, string definition)
    {
        using var doc = JsonDocument.Parse(json);
        var errors = new List<string>();
        Check(doc.RootElement, _definitions.GetProperty(definition), "$", errors);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var r))
        {
            var name = r.GetString()!.Split('/')[^1];
            Check(value, _definitions.GetProperty(name), path, errors);
            return;
        }
        if (schema.TryGetProperty("type", out var t))
        {
            var type = t.GetString();
            var ok = type switch
            {
                "object" => value.ValueKind == JsonValueKind.Object,
                "array" => value.ValueKind == JsonValueKind.Array,
                "string" => value.ValueKind == JsonValueKind.String,
                "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                "number" => value.ValueKind == JsonValueKind.Number,
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                _ => true,
            };
            if (!ok)
            {
                errors.Add($"{path}: expected {type}, got {value.ValueKind}");
                return;
            }
        }
        if (schema.TryGetProperty("enum", out var e) && !e.EnumerateArray().Any(x => x.ToString() == value.ToString()))
        {
            errors.Add($"{path}: '{value}' is not one of {string.Join(", ", e.EnumerateArray())}");
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var props = schema.TryGetProperty("properties", out var p) ? p : default;
                if (schema.TryGetProperty("required", out var req))
                {
                    foreach (var name in req.EnumerateArray().Select(x => x.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: required '{name}' is missing");
                    }
                }
                foreach (var prop in value.EnumerateObject())
                {
                    if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty(prop.Name, out var ps)) errors.Add($"{path}: '{prop.Name}' is not in the model");
                    else Check(prop.Value, ps, $"{path}.{prop.Name}", errors);
                }
                break;
            case JsonValueKind.Array:
                var count = value.GetArrayLength();
                if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32()) errors.Add($"{path}: {count} items < minItems {min}");
                if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32()) errors.Add($"{path}: {count} items > maxItems {max}");
                if (schema.TryGetProperty("items", out var itemSchema))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray()) Check(item, itemSchema, $"{path}[{i++}]", errors);
                }
                break;
            case JsonValueKind.String:
                var s = value.GetString()!;
                if (schema.TryGetProperty("minLength", out var minL) && s.Length < minL.GetInt32()) errors.Add($"{path}: length {s.Length} < minLength {minL}");
                if (schema.TryGetProperty("maxLength", out var maxL) && s.Length > maxL.GetInt32()) errors.Add($"{path}: length {s.Length} > maxLength {maxL}");
                if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(s, pattern.GetString()!)) errors.Add($"{path}: '{s}' does not match {pattern}");
                break;
            case JsonValueKind.Number:
                var n = value.GetDecimal();
                if (schema.TryGetProperty("minimum", out var lo) && n < lo.GetDecimal()) errors.Add($"{path}: {n.ToString(CultureInfo.InvariantCulture)} < minimum {lo}");
                if (schema.TryGetProperty("maximum", out var hi) && n > hi.GetDecimal()) errors.Add($"{path}: {n.ToString(CultureInfo.InvariantCulture)} > maximum {hi}");
                break;
        }
    }
}
