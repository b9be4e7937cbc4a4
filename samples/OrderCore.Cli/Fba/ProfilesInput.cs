#if ORDERCORE_FBAPREP
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using OrderCore.Catalog;
using OrderCore.FbaPrep;
using OrderCore.FbaPrep.Inbound;

namespace OrderCore.Cli.Fba;

/// <summary>
/// Builds the <c>fba plan</c> input from a user's own JSON: <c>--profiles FILE</c> (SKU profiles, marketplace, ship-from)
/// and <c>--quantities FILE</c> (units per SKU and lot). The format is documented in <c>docs/fba-prep.md</c>.
/// The quantities are taken as available in the warehouse: they are loaded as <c>Sellable</c> and then taken.
/// </summary>
internal static class ProfilesInput
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static FbaPlanInput Load(FbaPlanArguments args)
    {
        var profilesFile = Read<ProfilesFile>(args.ProfilesPath!);
        var quantitiesFile = Read<QuantitiesFile>(args.QuantitiesPath!);
        var errors = new List<string>();
        var profilesName = Path.GetFileName(args.ProfilesPath!);
        var quantitiesName = Path.GetFileName(args.QuantitiesPath!);

        var code = args.Marketplace ?? profilesFile.Marketplace ?? "US";
        if (!FbaMarketplaces.TryGet(code, out var requirements)) errors.Add($"{profilesName}: marketplace '{code}' is not one of {string.Join(", ", FbaMarketplaces.All.Keys)}");
        if (!OwnerId.TryFrom(profilesFile.Owner ?? "default", out var owner)) errors.Add($"{profilesName}: owner '{profilesFile.Owner}' is not a valid id");
        if (!LocationId.TryFrom(profilesFile.Warehouse ?? "WH-1", out var warehouse)) errors.Add($"{profilesName}: warehouse '{profilesFile.Warehouse}' is not a valid id");
        LocalDate shipDate = default;
        if (args.ShipDate is { } d) shipDate = d;
        else if (profilesFile.ShipDate is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed) shipDate = parsed.Value;
        else errors.Add($"{profilesName}: shipDate is missing or not YYYY-MM-DD (or pass --ship-date)");

        var skus = new Dictionary<Sku, FbaSku>();
        if (profilesFile.Profiles is not { Count: > 0 }) errors.Add($"{profilesName}: profiles is empty");
        for (var i = 0; i < (profilesFile.Profiles?.Count ?? 0); i++)
        {
            var at = $"{profilesName}: profiles[{i}]";
            if (ToSku(profilesFile.Profiles![i], owner, at, errors) is { } sku && !skus.TryAdd(sku.Sku, sku)) errors.Add($"{at}: SKU {sku.Sku} is listed twice");
        }

        var stock = new List<(Sku, Lot?, int)>();
        var requests = new Dictionary<Sku, int>();
        if (quantitiesFile.Lines is not { Count: > 0 }) errors.Add($"{quantitiesName}: lines is empty");
        for (var i = 0; i < (quantitiesFile.Lines?.Count ?? 0); i++)
        {
            var line = quantitiesFile.Lines![i];
            var at = $"{quantitiesName}: lines[{i}]";
            if (!Sku.TryFrom(line.Sku, out var sku) || !skus.ContainsKey(sku)) { errors.Add($"{at}: sku '{line.Sku}' has no profile"); continue; }
            if (line.Quantity is not > 0) { errors.Add($"{at}: quantity must be at least 1"); continue; }
            Lot? lot = null;
            if (line.Lot is not null || line.Expiration is not null)
            {
                LocalDate? expiry = null;
                if (line.Expiration is { } e)
                {
                    var p = LocalDatePattern.Iso.Parse(e);
                    if (!p.Success) { errors.Add($"{at}: expiration '{e}' is not YYYY-MM-DD"); continue; }
                    expiry = p.Value;
                }
                lot = new Lot(string.IsNullOrWhiteSpace(line.Lot) ? $"EXP-{expiry:yyyyMMdd}" : line.Lot, expiry);
            }
            stock.Add((sku, lot, line.Quantity.Value));
            requests[sku] = requests.GetValueOrDefault(sku) + line.Quantity.Value;
        }
        if (errors.Count > 0) throw new FbaPlanDataException(string.Join("; ", errors));

        var shipFrom = profilesFile.ShipFrom ?? ReplaySellerInput.PlaceholderShipFrom(requirements);
        var assumptions = new List<string> { "Quantities are taken as available: they are loaded into the warehouse as Sellable, then taken (Sellable -> FbaBound)." };
        if (profilesFile.ShipFrom is null) assumptions.Add("Ship-from address: not in the profiles file; the createInboundPlan body carries a placeholder to replace before sending.");
        assumptions.Add("packingGroupId / shipmentId: come from Amazon (listPackingOptions / confirmPlacementOption); the setPackingInformation body leaves them out.");
        return new FbaPlanInput
        {
            Mode = "profiles",
            Requirements = requirements,
            Owner = owner,
            Warehouse = warehouse,
            ShipDate = shipDate,
            ShipFrom = shipFrom,
            Skus = skus.Values.ToArray(),
            Stock = stock,
            Requests = requests.Select(r => new FbaTakeRequest(skus[r.Key], Quantity.Of(r.Value))).ToArray(),
            Sizing = requests.Select(r => new SizingRow(r.Key, skus[r.Key].Product.Category, null, null, r.Value, r.Value)).ToArray(),
            Assumptions = assumptions,
            Skipped = [],
        };
    }

    private static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new FbaPlanDataException($"{path}: the file is empty");
        }
        catch (JsonException ex)
        {
            throw new FbaPlanDataException($"{path}: not valid JSON ({ex.Message})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FbaPlanDataException($"{path}: cannot read the file ({ex.Message})", ex);
        }
    }

    private static FbaSku? ToSku(ProfileEntry p, OwnerId owner, string at, List<string> errors)
    {
        var before = errors.Count;
        if (!Sku.TryFrom(p.Sku, out var sku)) { errors.Add($"{at}: sku is missing or not valid"); return null; }
        at = $"{at} ({sku})";
        Fnsku? fnsku = null;
        if (p.Fnsku is { } f) { try { fnsku = Fnsku.Parse(f); } catch (FormatException ex) { errors.Add($"{at}: {ex.Message}"); } }
        Gtin? gtin = null;
        if (p.Gtin is { } g) { if (Gtin.TryParse(g, out var parsed, out var why)) gtin = parsed; else errors.Add($"{at}: {why}"); }
        var categories = new List<PrepCategory>();
        foreach (var c in p.Categories ?? []) { if (FbaApiNames.TryParsePrepCategory(c, out var pc)) categories.Add(pc); else errors.Add($"{at}: category '{c}' is not one of {string.Join(", ", FbaApiNames.PrepCategories)}"); }
        var types = new List<PrepType>();
        foreach (var t in p.PrepTypes ?? []) { if (FbaApiNames.TryParsePrepType(t, out var pt)) types.Add(pt); else errors.Add($"{at}: prepType '{t}' is not one of {string.Join(", ", FbaApiNames.PrepTypes)}"); }
        var prepOwner = PrepOwner.Seller;
        if (p.PrepOwner is { } po && !FbaApiNames.TryParsePrepOwner(po, out prepOwner)) errors.Add($"{at}: prepOwner '{po}' is not AMAZON, SELLER or NONE");
        var labelOwner = LabelOwner.Seller;
        if (p.LabelOwner is { } lo && !FbaApiNames.TryParseLabelOwner(lo, out labelOwner)) errors.Add($"{at}: labelOwner '{lo}' is not AMAZON, SELLER or NONE");
        var barcode = p.Barcode?.ToUpperInvariant() switch
        {
            null or "FNSKU" => UnitBarcode.Fnsku,
            "MANUFACTURER" => UnitBarcode.Manufacturer,
            _ => Fail(UnitBarcode.Fnsku, $"{at}: barcode '{p.Barcode}' is not FNSKU or MANUFACTURER"),
        };
        var role = p.SellerRole?.ToUpperInvariant() switch
        {
            null or "RESELLER" => SellerRole.Reseller,
            "BRAND_OWNER" => SellerRole.BrandOwner,
            _ => Fail(SellerRole.Reseller, $"{at}: sellerRole '{p.SellerRole}' is not RESELLER or BRAND_OWNER"),
        };
        Dimensions? dims = null;
        if (p.Dimensions is { } dd)
        {
            if (LengthUnitOf(dd.Unit, at, errors) is { } u && dd.Length >= 0 && dd.Width >= 0 && dd.Height >= 0) dims = new Dimensions(dd.Length, dd.Width, dd.Height, u);
            else if (dd.Length < 0 || dd.Width < 0 || dd.Height < 0) errors.Add($"{at}: dimensions must not be negative");
        }
        Weight? weight = null;
        if (p.Weight is { } w)
        {
            WeightUnit? wu = w.Unit?.ToUpperInvariant() switch { "LB" => WeightUnit.Pound, "OZ" => WeightUnit.Ounce, "KG" => WeightUnit.Kilogram, "G" => WeightUnit.Gram, _ => null };
            if (wu is null) errors.Add($"{at}: weight.unit '{w.Unit}' is not LB, OZ, KG or G");
            else if (w.Value < 0) errors.Add($"{at}: weight must not be negative");
            else weight = new Weight(w.Value, wu.Value);
        }
        PolybagSpec? bag = null;
        if (p.Polybag is { } b && LengthUnitOf(b.Unit, at + " polybag", errors) is { } bu)
        {
            if (b.Opening < 0 || b.Depth < 0 || b.ThicknessMil <= 0) errors.Add($"{at}: polybag opening and depth must not be negative, thicknessMil must be positive");
            else bag = new PolybagSpec(new FbaPrep.Length(b.Opening, bu), new FbaPrep.Length(b.Depth, bu), b.ThicknessMil, b.SuffocationWarning, b.WarningFontPoints, b.Transparent ?? true);
        }
        SetMembership? set = null;
        if (p.Set is { } s) { if (s.Items >= 2) set = new SetMembership(s.Items, s.Description); else errors.Add($"{at}: set.items must be at least 2"); }
        if (p.CasePackQuantity is < 1) errors.Add($"{at}: casePackQuantity must be at least 1");
        if (errors.Count > before) return null;

        var product = new Product { Owner = owner, Sku = sku, Title = p.Title, Category = p.Category, Fnsku = fnsku, Gtin = gtin, Dimensions = dims, Weight = weight, CasePackQuantity = p.CasePackQuantity, IsLotTracked = p.ExpirationDated == true };
        var profile = new PrepProfile
        {
            Owner = owner,
            Sku = sku,
            Categories = categories,
            PrepTypes = types,
            PrepOwner = prepOwner,
            LabelOwner = labelOwner,
            Barcode = barcode,
            SellerRole = role,
            IsExpirationDated = p.ExpirationDated == true,
            IsConsumable = p.Consumable == true,
            IsDangerousGoods = p.DangerousGoods == true,
            ConsumptionPeriodDays = p.ConsumptionPeriodDays,
            Polybag = bag,
            Set = set,
            ArrivesOnHanger = p.ArrivesOnHanger == true,
            IsJewelryOrWatch = p.Jewelry == true,
        };
        return new FbaSku(product, profile);

        TEnum Fail<TEnum>(TEnum fallback, string message)
        {
            errors.Add(message);
            return fallback;
        }
    }

    private static LengthUnit? LengthUnitOf(string? unit, string at, List<string> errors)
    {
        switch (unit?.ToUpperInvariant())
        {
            case "IN": return LengthUnit.Inch;
            case "CM": return LengthUnit.Centimetre;
            default:
                errors.Add($"{at}: unit '{unit}' is not IN or CM");
                return null;
        }
    }

    internal sealed class ProfilesFile
    {
        public string? Marketplace { get; set; }
        public string? Owner { get; set; }
        public string? Warehouse { get; set; }
        public string? ShipDate { get; set; }
        public InboundAddress? ShipFrom { get; set; }
        public List<ProfileEntry>? Profiles { get; set; }
    }

    internal sealed class ProfileEntry
    {
        public string? Sku { get; set; }
        public string? Title { get; set; }
        public string? Category { get; set; }
        public string? Fnsku { get; set; }
        public string? Gtin { get; set; }
        public List<string>? Categories { get; set; }
        public List<string>? PrepTypes { get; set; }
        public string? PrepOwner { get; set; }
        public string? LabelOwner { get; set; }
        public string? Barcode { get; set; }
        public string? SellerRole { get; set; }
        public bool? ExpirationDated { get; set; }
        public bool? Consumable { get; set; }
        public bool? DangerousGoods { get; set; }
        public int? ConsumptionPeriodDays { get; set; }
        public bool? Jewelry { get; set; }
        public bool? ArrivesOnHanger { get; set; }
        public int? CasePackQuantity { get; set; }
        public DimensionsEntry? Dimensions { get; set; }
        public WeightEntry? Weight { get; set; }
        public PolybagEntry? Polybag { get; set; }
        public SetEntry? Set { get; set; }
    }

    internal sealed class DimensionsEntry
    {
        public decimal Length { get; set; }
        public decimal Width { get; set; }
        public decimal Height { get; set; }
        public string? Unit { get; set; }
    }

    internal sealed class WeightEntry
    {
        public decimal Value { get; set; }
        public string? Unit { get; set; }
    }

    internal sealed class PolybagEntry
    {
        public decimal Opening { get; set; }
        public decimal Depth { get; set; }
        public string? Unit { get; set; }
        public decimal ThicknessMil { get; set; }
        public bool SuffocationWarning { get; set; }
        public int? WarningFontPoints { get; set; }
        public bool? Transparent { get; set; }
    }

    internal sealed class SetEntry
    {
        public int Items { get; set; }
        public string? Description { get; set; }
    }

    internal sealed class QuantitiesFile
    {
        public List<QuantityLine>? Lines { get; set; }
    }

    internal sealed class QuantityLine
    {
        public string? Sku { get; set; }
        public int? Quantity { get; set; }
        public string? Lot { get; set; }
        public string? Expiration { get; set; }
    }
}
#endif
