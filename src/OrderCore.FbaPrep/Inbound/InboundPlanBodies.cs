using System.Text.Json;
using System.Text.RegularExpressions;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep.Inbound;

/// <summary>
/// Produces the SP-API Fulfillment Inbound v2024-03-20 request bodies of a carton plan: <c>createInboundPlan</c> (items
/// with msku, quantity, prepOwner, labelOwner, expiration, lot) and <c>setPackingInformation</c> (boxes with dimensions,
/// weight, items and contentInformationSource). Plan items and box items are built from the same
/// <see cref="InboundItemKey"/>, so Amazon can match them. Sending them is the Amazon adapter's job.
/// </summary>
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
public static partial class InboundPlanBodies
{
    /// <summary>Serializer options for the bodies: the API's own field names (from the attributes), nulls omitted, compact.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.General) { WriteIndented = false };

    /// <summary>Serializer options that indent, for people to read.</summary>
    public static JsonSerializerOptions IndentedJsonOptions { get; } = new(JsonSerializerDefaults.General) { WriteIndented = true };

    /// <summary>Serializes a body with the API's field names.</summary>
    public static string ToJson<T>(T body, bool indented = false) => JsonSerializer.Serialize(body, indented ? IndentedJsonOptions : JsonOptions);

    /// <summary>The matching key of a SKU's units of one lot.</summary>
    public static InboundItemKey KeyOf(FbaSku sku, Lot? lot)
    {
        Check.NotNull(sku);
        return new InboundItemKey(sku.Sku.Value, lot?.Expiry?.ToString("yyyy-MM-dd", null), lot?.Code, FbaApiNames.ToApi(sku.Prep.PrepOwner), FbaApiNames.ToApi(sku.Prep.LabelOwner));
    }

    /// <summary>The <c>createInboundPlan</c> body: one item per matching key, quantities summed over the plan's cartons.</summary>
    /// <param name="plan">The carton plan.</param>
    /// <param name="skus">The SKUs in the plan.</param>
    /// <param name="sourceAddress">The ship-from address.</param>
    /// <param name="name">The plan name (cut to 40 characters), or null.</param>
    /// <exception cref="ArgumentException">A carton holds a SKU not in <paramref name="skus"/>.</exception>
    public static CreateInboundPlanBody CreateInboundPlan(CartonPlan plan, IEnumerable<FbaSku> skus, InboundAddress sourceAddress, string? name = null)
    {
        Check.NotNull(plan);
        Check.NotNull(sourceAddress);
        var map = Map(skus);
        var items = plan.Cartons.SelectMany(c => c.Contents)
            .Select(c => (Key: KeyOf(Find(map, c.Sku), c.Lot), c.Quantity))
            .GroupBy(x => x.Key)
            .Select(g => Item(g.Key, g.Sum(x => x.Quantity)))
            .OrderBy(i => i.Msku, StringComparer.Ordinal)
            .ThenBy(i => i.Expiration, StringComparer.Ordinal)
            .ThenBy(i => i.ManufacturingLotCode, StringComparer.Ordinal)
            .ToArray();
        return new CreateInboundPlanBody
        {
            DestinationMarketplaces = [plan.Requirements.MarketplaceId],
            Items = items,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim() is { Length: > 40 } n ? n[..40] : name.Trim(),
            SourceAddress = sourceAddress,
        };
    }

    /// <summary>
    /// The <c>setPackingInformation</c> body: one package grouping with every carton, identical cartons merged into one
    /// box entry with a quantity. Items are listed only for <c>BOX_CONTENT_PROVIDED</c> (the API requires them empty otherwise).
    /// </summary>
    /// <param name="plan">The carton plan.</param>
    /// <param name="skus">The SKUs in the plan.</param>
    /// <param name="packingGroupId">The packing group id from <c>listPackingOptions</c>, before placement; or null.</param>
    /// <param name="shipmentId">The shipment id, after placement; or null. Amazon needs one of the two; leave both null to fill in later.</param>
    /// <exception cref="ArgumentException">A carton holds a SKU not in <paramref name="skus"/>, or both ids are given.</exception>
    public static SetPackingInformationBody SetPackingInformation(CartonPlan plan, IEnumerable<FbaSku> skus, string? packingGroupId = null, string? shipmentId = null)
    {
        Check.NotNull(plan);
        if (packingGroupId is not null && shipmentId is not null) throw new ArgumentException("Give a packing group id (before placement) or a shipment id (after), not both.", nameof(shipmentId));
        var map = Map(skus);
        var sys = plan.Requirements.UnitSystem;
        var boxes = new List<(string Signature, BoxInput Box, List<string> Ids)>();
        foreach (var carton in plan.Cartons)
        {
            var source = FbaApiNames.ToApi(carton.ContentSource);
            IReadOnlyList<InboundItemInput>? items = carton.ContentSource == BoxContentSource.BoxContentProvided
                ? carton.Contents.Select(c => (Key: KeyOf(Find(map, c.Sku), c.Lot), c.Quantity))
                    .GroupBy(x => x.Key).Select(g => Item(g.Key, g.Sum(x => x.Quantity)))
                    .OrderBy(i => i.Msku, StringComparer.Ordinal).ThenBy(i => i.Expiration, StringComparer.Ordinal).ThenBy(i => i.ManufacturingLotCode, StringComparer.Ordinal)
                    .ToArray()
                : null;
            var d = carton.Dimensions.To(FbaFormat.LengthUnitOf(sys));
            var box = new BoxInput
            {
                ContentInformationSource = source,
                Dimensions = new DimensionsInput
                {
                    Length = Number(d.Length),
                    Width = Number(d.Width),
                    Height = Number(d.Height),
                    UnitOfMeasurement = sys == FbaUnitSystem.Imperial ? "IN" : "CM",
                },
                Items = items,
                Quantity = 1,
                Weight = new WeightInput { Unit = sys == FbaUnitSystem.Imperial ? "LB" : "KG", Value = Number(FbaFormat.WeightIn(carton.Weight, sys)) },
            };
            var signature = JsonSerializer.Serialize(box, JsonOptions);
            var same = boxes.FindIndex(b => b.Signature == signature);
            if (same >= 0) boxes[same].Ids.Add(carton.Id);
            else boxes.Add((signature, box, [carton.Id]));
        }
        return new SetPackingInformationBody
        {
            PackageGroupings =
            [
                new PackageGroupingInput
                {
                    Boxes = boxes.Select(b => b.Box with { Quantity = b.Ids.Count, CartonIds = b.Ids.ToArray() }).ToArray(),
                    PackingGroupId = packingGroupId,
                    ShipmentId = shipmentId,
                },
            ],
        };
    }

    /// <summary>Checks a <c>createInboundPlan</c> body against the model's limits; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(CreateInboundPlanBody body)
    {
        Check.NotNull(body);
        var e = new List<string>();
        if (body.DestinationMarketplaces is not { Count: 1 }) e.Add("destinationMarketplaces must hold exactly one marketplace id.");
        else if (body.DestinationMarketplaces[0] is not { Length: >= 1 and <= 20 }) e.Add("destinationMarketplaces[0] must be 1 to 20 characters.");
        if (body.Items is not { Count: >= 1 and <= 2000 }) e.Add($"items must hold 1 to 2000 entries (has {body.Items?.Count ?? 0}); split the plan.");
        else
        {
            for (var i = 0; i < body.Items.Count; i++) ValidateItem(body.Items[i], $"items[{i}]", 500_000, e);
            foreach (var dup in body.Items.GroupBy(x => x.Key).Where(g => g.Count() > 1)) e.Add($"items: key {dup.Key} appears {dup.Count()} times.");
        }
        if (body.Name is { } n && n.Length is < 1 or > 40) e.Add("name must be 1 to 40 characters.");
        var a = body.SourceAddress;
        if (a is null) e.Add("sourceAddress is required.");
        else
        {
            Length(a.AddressLine1, "sourceAddress.addressLine1", 180, true, e);
            Length(a.AddressLine2, "sourceAddress.addressLine2", 60, false, e);
            Length(a.City, "sourceAddress.city", 30, true, e);
            Length(a.CompanyName, "sourceAddress.companyName", 50, false, e);
            if (a.CountryCode is null || !CountryCode().IsMatch(a.CountryCode)) e.Add("sourceAddress.countryCode must be two upper-case letters (ISO 3166-1 alpha-2).");
            Length(a.DistrictOrCounty, "sourceAddress.districtOrCounty", 50, false, e);
            Length(a.Email, "sourceAddress.email", 1024, false, e);
            Length(a.Name, "sourceAddress.name", 50, true, e);
            Length(a.PhoneNumber, "sourceAddress.phoneNumber", 20, true, e);
            Length(a.PostalCode, "sourceAddress.postalCode", 32, true, e);
            Length(a.StateOrProvinceCode, "sourceAddress.stateOrProvinceCode", 64, false, e);
        }
        return e;
    }

    /// <summary>Checks a <c>setPackingInformation</c> body against the model's limits; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(SetPackingInformationBody body)
    {
        Check.NotNull(body);
        var e = new List<string>();
        if (body.PackageGroupings is not { Count: >= 1 }) e.Add("packageGroupings must hold at least one grouping.");
        else
        {
            for (var g = 0; g < body.PackageGroupings.Count; g++)
            {
                var grouping = body.PackageGroupings[g];
                var at = $"packageGroupings[{g}]";
                foreach (var (id, field) in new[] { (grouping.PackingGroupId, "packingGroupId"), (grouping.ShipmentId, "shipmentId") })
                {
                    if (id is not null && !GroupingId().IsMatch(id)) e.Add($"{at}.{field} must be 38 letters, digits or '-'.");
                }
                if (grouping.Boxes is not { Count: >= 1 and <= 5000 }) { e.Add($"{at}.boxes must hold 1 to 5000 entries."); continue; }
                for (var b = 0; b < grouping.Boxes.Count; b++)
                {
                    var box = grouping.Boxes[b];
                    var bat = $"{at}.boxes[{b}]";
                    if (!FbaApiNames.TryParseBoxContentSource(box.ContentInformationSource, out var source)) e.Add($"{bat}.contentInformationSource '{box.ContentInformationSource}' is not BOX_CONTENT_PROVIDED, MANUAL_PROCESS or BARCODE_2D.");
                    else if (source != BoxContentSource.BoxContentProvided && box.Items is { Count: > 0 }) e.Add($"{bat}.items must be empty for {box.ContentInformationSource}.");
                    else if (source == BoxContentSource.BoxContentProvided && box.Items is not { Count: > 0 }) e.Add($"{bat}.items are required for BOX_CONTENT_PROVIDED.");
                    if (box.Quantity is < 1 or > 10_000) e.Add($"{bat}.quantity must be 1 to 10000.");
                    if (box.Dimensions is not { } d) e.Add($"{bat}.dimensions is required.");
                    else
                    {
                        if (d.UnitOfMeasurement is not ("IN" or "CM")) e.Add($"{bat}.dimensions.unitOfMeasurement must be IN or CM.");
                        foreach (var (v, f) in new[] { (d.Length, "length"), (d.Width, "width"), (d.Height, "height") })
                        {
                            if (v is < 0 or > 100_000) e.Add($"{bat}.dimensions.{f} must be 0 to 100000.");
                        }
                    }
                    if (box.Weight is not { } w) e.Add($"{bat}.weight is required.");
                    else
                    {
                        if (w.Unit is not ("LB" or "KG")) e.Add($"{bat}.weight.unit must be LB or KG.");
                        if (w.Value is < 0 or > 100_000) e.Add($"{bat}.weight.value must be 0 to 100000.");
                    }
                    for (var i = 0; i < (box.Items?.Count ?? 0); i++) ValidateItem(box.Items![i], $"{bat}.items[{i}]", 500_000, e);
                }
            }
        }
        return e;
    }

    /// <summary>
    /// Checks that the boxes' items match the plan's: the same keys (msku, expiration, lot, prepOwner, labelOwner) and,
    /// per key, box quantity × box count summing to the plan quantity. Empty when they match.
    /// </summary>
    public static IReadOnlyList<string> CrossCheck(CreateInboundPlanBody plan, SetPackingInformationBody packing)
    {
        Check.NotNull(plan);
        Check.NotNull(packing);
        var planned = plan.Items.GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        var boxed = new Dictionary<InboundItemKey, int>();
        foreach (var box in packing.PackageGroupings.SelectMany(g => g.Boxes))
        {
            foreach (var item in box.Items ?? []) boxed[item.Key] = boxed.GetValueOrDefault(item.Key) + item.Quantity * box.Quantity;
        }
        var e = new List<string>();
        if (boxed.Count == 0) return e; // MANUAL_PROCESS / BARCODE_2D: nothing to match
        foreach (var key in planned.Keys.Union(boxed.Keys))
        {
            var p = planned.GetValueOrDefault(key);
            var b = boxed.GetValueOrDefault(key);
            if (p != b) e.Add($"{key}: plan {p} unit(s), boxes {b} unit(s).");
        }
        return e;
    }

    private static void ValidateItem(InboundItemInput item, string at, int maxQuantity, List<string> e)
    {
        Length(item.Msku, at + ".msku", 255, true, e);
        if (item.Quantity < 1 || item.Quantity > maxQuantity) e.Add($"{at}.quantity must be 1 to {maxQuantity}.");
        if (!FbaApiNames.TryParsePrepOwner(item.PrepOwner, out _)) e.Add($"{at}.prepOwner '{item.PrepOwner}' is not AMAZON, SELLER or NONE.");
        if (!FbaApiNames.TryParseLabelOwner(item.LabelOwner, out _)) e.Add($"{at}.labelOwner '{item.LabelOwner}' is not AMAZON, SELLER or NONE.");
        if (item.Expiration is { } x && !ExpirationDate().IsMatch(x)) e.Add($"{at}.expiration '{x}' is not YYYY-MM-DD.");
        Length(item.ManufacturingLotCode, at + ".manufacturingLotCode", 256, false, e);
    }

    private static void Length(string? value, string field, int max, bool required, List<string> e)
    {
        if (value is null)
        {
            if (required) e.Add($"{field} is required.");
            return;
        }
        if (value.Length < 1 || value.Length > max) e.Add($"{field} must be 1 to {max} characters.");
    }

    private static InboundItemInput Item(InboundItemKey key, int quantity) => new()
    {
        Msku = key.Msku,
        Quantity = quantity,
        PrepOwner = key.PrepOwner,
        LabelOwner = key.LabelOwner,
        Expiration = key.Expiration,
        ManufacturingLotCode = key.ManufacturingLotCode,
    };

    private static Dictionary<Sku, FbaSku> Map(IEnumerable<FbaSku> skus)
    {
        Check.NotNull(skus);
        var map = new Dictionary<Sku, FbaSku>();
        foreach (var s in skus) map.TryAdd(s.Sku, s);
        return map;
    }

    private static FbaSku Find(Dictionary<Sku, FbaSku> map, Sku sku)
        => map.TryGetValue(sku, out var s) ? s : throw new ArgumentException($"SKU {sku} is in a carton but has no profile.", "skus");

    /// <summary>Rounds up to 2 decimals and drops trailing zeros, so a declared size or weight is never below the real one.</summary>
    private static decimal Number(decimal value)
    {
        var up = Math.Ceiling(Math.Round(value, 6) * 100m) / 100m;
        return decimal.Parse(up.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])$")]
    private static partial Regex ExpirationDate();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-zA-Z0-9-]{38}$")]
    private static partial Regex GroupingId();
}
