using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using OrderCore.Catalog;
using OrderCore.Cli.Input;
using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;

namespace OrderCore.Cli.Routing;

/// <summary>
/// Reads the inventory file of <c>route simulate</c>: CSV with a header row; columns <c>location</c>, <c>sku</c>,
/// <c>status</c>, <c>on_hand</c> (required) and <c>owner</c>, <c>lot</c>, <c>reserved</c> (optional). Blank rows are
/// skipped; any other bad row stops the simulation with an error naming the file, the row (header = row 1) and the column.
/// </summary>
internal static class InventoryCsv
{
    public const string DefaultOwner = "default";

    public static IReadOnlyList<InventoryBalance> Read(string path)
    {
        using var table = CsvTable.Open(path, "location", "sku", "status", "on_hand");
        var balances = new Dictionary<BalanceKey, InventoryBalance>();
        while (table.Read())
        {
            if (table.IsBlankRow()) continue;
            var owner = Parse(table, "owner", table.Get("owner") ?? DefaultOwner, v => OwnerId.TryFrom(v, out var o) ? o : (OwnerId?)null, "an owner id");
            var location = Parse(table, "location", table.Get("location"), v => LocationId.TryFrom(v, out var l) ? l : (LocationId?)null, "a location id");
            var sku = Parse(table, "sku", table.Get("sku"), v => Sku.TryFrom(v, out var s) ? s : (Sku?)null, "a SKU");
            var status = Parse(table, "status", table.Get("status"), v => InventoryStatus.TryFrom(v, out var s) ? s : (InventoryStatus?)null, "an inventory status name");
            var lot = table.Get("lot") is { } code ? new Lot(code) : (Lot?)null;
            var onHand = Parse(table, "on_hand", table.Get("on_hand"), Int, "a whole number");
            var reserved = table.Get("reserved") is null ? 0 : Parse(table, "reserved", table.Get("reserved"), Int, "a whole number");
            if (reserved < 0) throw Bad(table, "reserved", reserved.ToString(CultureInfo.InvariantCulture), "0 or more");
            var key = new BalanceKey(owner, sku, location, status, lot);
            if (balances.ContainsKey(key)) throw new DataFileException(table.FileName, null, $"{table.FileName} row {table.RowNumber}: balance {key} is listed twice");
            balances[key] = new InventoryBalance(key, onHand, reserved, 1);
        }
        return balances.Values.ToArray();
    }

    private static int? Int(string v) => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static T Parse<T>(CsvTable table, string column, string? value, Func<string, T?> parse, string expected)
        where T : struct
        => value is not null && parse(value) is { } parsed ? parsed : throw Bad(table, column, value, expected);

    private static DataFileException Bad(CsvTable table, string column, string? value, string expected)
        => new(table.FileName, column, $"{table.FileName} row {table.RowNumber}, column {column}: {(value is null ? "blank" : $"'{value}' is not")} {(value is null ? $"(expected {expected})" : expected)}");
}

/// <summary>An order of the orders file, ready to route.</summary>
internal sealed record SimulatedOrder(string Id, RoutingRequest Request);

/// <summary>
/// Reads the orders file of <c>route simulate</c>: JSON (<c>ordercore.route-orders</c>, version 1) with the owner, the
/// decision instant, products (attributes, category), kits and orders. Errors name the file and the JSON path.
/// </summary>
internal static class OrdersFile
{
    public const string FormatName = "ordercore.route-orders";

    public static IReadOnlyList<SimulatedOrder> Read(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(name, null, $"{path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot be read: " + ex.Message)}", ex);
        }
        OrdersFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(bytes, SimulateJsonContext.Default.OrdersFileDto);
        }
        catch (JsonException ex)
        {
            throw new DataFileException(name, ex.Path, $"{name}: not valid JSON at {ex.Path ?? "$"} (line {(ex.LineNumber ?? 0) + 1})");
        }
        if (dto is null) throw new DataFileException(name, null, $"{name}: the document is null");
        return Map(dto, name);
    }

    private static IReadOnlyList<SimulatedOrder> Map(OrdersFileDto dto, string file)
    {
        DataFileException Bad(string path, string message) => new(file, path, $"{file}: {path}: {message}");
        if (dto.Format is not null && dto.Format != FormatName) throw Bad("format", $"expected '{FormatName}', not '{dto.Format}'");
        if (dto.Version != 1) throw Bad("version", $"required and must be 1 (was {dto.Version?.ToString(CultureInfo.InvariantCulture) ?? "missing"})");
        if (!OwnerId.TryFrom(dto.Owner ?? InventoryCsv.DefaultOwner, out var owner)) throw Bad("owner", $"'{dto.Owner}' is not an owner id");
        Instant? defaultAsOf = dto.AsOf is null ? null : ParseInstant(dto.AsOf, "as_of");

        var attributes = new Dictionary<Sku, IReadOnlyDictionary<string, string>>();
        for (var i = 0; i < (dto.Products?.Count ?? 0); i++)
        {
            var p = dto.Products![i];
            if (!Sku.TryFrom(p.Sku, out var sku)) throw Bad($"products[{i}].sku", "a SKU is required");
            var map = new Dictionary<string, string>(p.Attributes ?? [], StringComparer.Ordinal);
            if (p.Category is { } category) map.TryAdd("category", category);
            attributes[sku] = map;
        }
        var kits = new Dictionary<Sku, KitDefinition>();
        for (var i = 0; i < (dto.Kits?.Count ?? 0); i++)
        {
            var k = dto.Kits![i];
            if (!Sku.TryFrom(k.Sku, out var kitSku)) throw Bad($"kits[{i}].sku", "a SKU is required");
            var components = new List<KitComponent>();
            for (var c = 0; c < (k.Components?.Count ?? 0); c++)
            {
                var comp = k.Components![c];
                if (!Sku.TryFrom(comp.Sku, out var cs)) throw Bad($"kits[{i}].components[{c}].sku", "a SKU is required");
                components.Add(new KitComponent(cs, comp.Quantity ?? 1));
            }
            try
            {
                kits[kitSku] = new KitDefinition(owner, kitSku, components);
            }
            catch (ArgumentException ex)
            {
                throw Bad($"kits[{i}]", ex.Message);
            }
        }

        var orders = new List<SimulatedOrder>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dto.Orders?.Count ?? 0); i++)
        {
            var o = dto.Orders![i];
            var p = $"orders[{i}]";
            if (string.IsNullOrWhiteSpace(o.Id)) throw Bad($"{p}.id", "an order id is required");
            if (!ids.Add(o.Id.Trim())) throw Bad($"{p}.id", $"order '{o.Id}' is listed twice");
            if (!ChannelId.TryFrom(o.Channel ?? "simulation", out var channel)) throw Bad($"{p}.channel", $"'{o.Channel}' is not a channel id");
            if (!ChannelAccountId.TryFrom(o.Account ?? "default", out var account)) throw Bad($"{p}.account", $"'{o.Account}' is not an account id");
            var fulfilment = Enum<FulfilmentChannel>(o.FulfilmentChannel ?? "merchant", $"{p}.fulfilment_channel");
            var level = Enum<ServiceLevel>(o.ServiceLevel ?? "standard", $"{p}.service_level");
            var asOf = o.AsOf is null ? defaultAsOf : ParseInstant(o.AsOf, $"{p}.as_of");
            if (asOf is null) throw Bad($"{p}.as_of", "the decision instant is required here or at the top level (as_of)");
            var shipBy = o.ShipBy is null ? (Instant?)null : ParseInstant(o.ShipBy, $"{p}.ship_by");
            Address? shipTo = null;
            if (o.ShipTo is { } a)
            {
                try
                {
                    shipTo = Address.Create(a.City, a.Region, a.PostalCode, a.Country, a.Line1);
                }
                catch (ArgumentException)
                {
                    throw Bad($"{p}.ship_to.country", $"'{a.Country}' is not an ISO 3166-1 alpha-2 code");
                }
            }
            if (o.Lines is not { Count: > 0 }) throw Bad($"{p}.lines", "an order needs at least one line");
            var demand = new List<DemandLine>();
            Money? value = null;
            var valueKnown = true;
            for (var l = 0; l < o.Lines.Count; l++)
            {
                var line = o.Lines[l];
                var lp = $"{p}.lines[{l}]";
                if (!Sku.TryFrom(line.Sku, out var sku)) throw Bad($"{lp}.sku", "a SKU is required");
                if (line.Quantity is not (>= 1)) throw Bad($"{lp}.quantity", $"must be 1 or more (was {line.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "missing"})");
                var lineId = OrderLineId.From($"{o.Id.Trim()}/{line.Line ?? (l + 1).ToString(CultureInfo.InvariantCulture)}");
                if (kits.TryGetValue(sku, out var kit)) foreach (var c in kit.Components) demand.Add(new DemandLine(lineId, c.Sku, checked(c.Quantity * line.Quantity.Value), sku));
                else demand.Add(new DemandLine(lineId, sku, line.Quantity.Value));
                if (line.UnitPrice is { } price && CurrencyCode.TryFrom(line.Currency ?? dto.Currency, out var currency))
                {
                    var amount = new Money(price * line.Quantity.Value, currency);
                    if (value is null) value = amount;
                    else if (value.Value.Currency == currency) value = value.Value + amount;
                    else valueKnown = false;
                }
                else valueKnown = false;
            }
            var request = new RoutingRequest(OrderId.From(o.Id.Trim()), owner, channel, account, fulfilment, level, shipTo, (o.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray(), demand)
            {
                AsOf = asOf,
                ShipBy = shipBy,
                OrderValue = valueKnown ? value : null,
                LineCount = o.Lines.Count,
                SkuAttributes = attributes,
            };
            orders.Add(new SimulatedOrder(o.Id.Trim(), request));
        }
        return orders;

        Instant ParseInstant(string text, string path)
        {
            var r = InstantPattern.ExtendedIso.Parse(text.Trim());
            if (r.Success) return r.Value;
            var offset = OffsetDateTimePattern.ExtendedIso.Parse(text.Trim());
            return offset.Success ? offset.Value.ToInstant() : throw Bad(path, $"'{text}' is not an ISO 8601 instant such as 2026-01-05T16:30:00Z");
        }

        T Enum<T>(string text, string path)
            where T : struct, Enum
        {
            var key = new string(text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
            foreach (var v in System.Enum.GetValues<T>())
            {
                if (v.ToString().ToLowerInvariant() == key) return v;
            }
            throw Bad(path, $"unknown value '{text}' (expected one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))})");
        }
    }
}

#pragma warning disable CA1812
internal sealed class OrdersFileDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }
    public string? Format { get; set; }
    public int? Version { get; set; }
    public string? Owner { get; set; }
    public string? AsOf { get; set; }
    public string? Currency { get; set; }
    public List<ProductDto>? Products { get; set; }
    public List<KitDto>? Kits { get; set; }
    public List<OrderDto>? Orders { get; set; }
}

internal sealed class ProductDto
{
    public string? Sku { get; set; }
    public string? Category { get; set; }
    public Dictionary<string, string>? Attributes { get; set; }
}

internal sealed class KitDto
{
    public string? Sku { get; set; }
    public List<KitComponentDto>? Components { get; set; }
}

internal sealed class KitComponentDto
{
    public string? Sku { get; set; }
    public int? Quantity { get; set; }
}

internal sealed class OrderDto
{
    public string? Id { get; set; }
    public string? Channel { get; set; }
    public string? Account { get; set; }
    public string? FulfilmentChannel { get; set; }
    public string? ServiceLevel { get; set; }
    public string? AsOf { get; set; }
    public string? ShipBy { get; set; }
    public List<string>? Tags { get; set; }
    public ShipToDto? ShipTo { get; set; }
    public List<LineDto>? Lines { get; set; }
}

internal sealed class ShipToDto
{
    public string? Line1 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
}

internal sealed class LineDto
{
    public string? Line { get; set; }
    public string? Sku { get; set; }
    public int? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    public string? Currency { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(OrdersFileDto))]
internal sealed partial class SimulateJsonContext : JsonSerializerContext;
#pragma warning restore CA1812
