using NodaTime;
using OrderCore.Catalog;

namespace OrderCore.FbaPrep.Tests.Support;

/// <summary>Builders for SKUs, profiles and lines used across the tests.</summary>
public static class Fixtures
{
    public static OwnerId Owner { get; } = OwnerId.From("acme");

    public static LocationId Warehouse { get; } = LocationId.From("WH-1");

    public static LocationId FbaInbound { get; } = LocationId.From("FBA-US");

    /// <summary>2026-05-01: after the US prep-service end (2026-01-01) and the commingling end (2026-03-31).</summary>
    public static LocalDate ShipDate { get; } = new(2026, 5, 1);

    /// <summary>A compliant US textile SKU: TEXTILE, polybag + label, FNSKU, 12 x 10 x 1 in, 0.5 lb, bag 4 x 3 in opening (under 5 in).</summary>
    public static FbaSku Textile(string sku = "TEE-RED-M", string? fnsku = "X00TEE0001", Func<PrepProfile, PrepProfile>? prep = null, Func<Product, Product>? product = null)
    {
        var p = new Product
        {
            Owner = Owner,
            Sku = Sku.From(sku),
            Fnsku = fnsku is null ? null : Fnsku.Parse(fnsku),
            Dimensions = new Dimensions(12, 10, 1, LengthUnit.Inch),
            Weight = new Weight(0.5m, WeightUnit.Pound),
        };
        var profile = new PrepProfile
        {
            Owner = Owner,
            Sku = Sku.From(sku),
            Categories = [PrepCategory.Textile],
            PrepTypes = [PrepType.Polybagging, PrepType.Labeling],
            PrepOwner = PrepOwner.Seller,
            LabelOwner = LabelOwner.Seller,
            Polybag = new PolybagSpec(Length.Inches(4), Length.Inches(3), 1.5m, HasSuffocationWarning: false),
        };
        return new FbaSku(product?.Invoke(p) ?? p, prep?.Invoke(profile) ?? profile);
    }

    /// <summary>A plain SKU needing no prep beyond the label, with the given unit weight and dimensions.</summary>
    public static FbaSku Plain(string sku, decimal weightLb, decimal l = 10, decimal w = 8, decimal h = 4, int? casePack = null, bool expirationDated = false, bool jewelry = false)
    {
        var p = new Product
        {
            Owner = Owner,
            Sku = Sku.From(sku),
            Fnsku = Fnsku.Parse("X00" + StableNumber(sku).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture)),
            Dimensions = new Dimensions(l, w, h, LengthUnit.Inch),
            Weight = new Weight(weightLb, WeightUnit.Pound),
            CasePackQuantity = casePack,
            IsLotTracked = expirationDated,
        };
        var profile = new PrepProfile
        {
            Owner = Owner,
            Sku = Sku.From(sku),
            Categories = [PrepCategory.None],
            PrepTypes = [PrepType.Labeling],
            IsExpirationDated = expirationDated,
            IsJewelryOrWatch = jewelry,
        };
        return new FbaSku(p, profile);
    }

    /// <summary>A deterministic 7-digit number for a text (string.GetHashCode is randomised per process).</summary>
    private static int StableNumber(string text)
    {
        var h = 2166136261u;
        foreach (var c in text) h = unchecked((h ^ c) * 16777619u);
        return (int)(h % 10_000_000u);
    }

    public static ReplenishmentLine Line(FbaSku sku, int units, Lot? lot = null) => new(sku, Quantity.Of(units), lot);

    public static Lot Lot(string code, int year, int month, int day) => new(code, new LocalDate(year, month, day));
}

/// <summary>An inventory pool over a fresh in-memory store with a fake clock (no dependency on routing).</summary>
public static class Pools
{
    public static OrderCore.Inventory.InventoryPool Create(OrderCore.Inventory.InventoryStatusGraph? graph = null)
        => new(
            new OrderCore.InMemory.InMemoryInventoryStore(),
            new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 5, 1, 9, 0)),
            new OrderCore.Events.DomainEventHub(),
            Microsoft.Extensions.Options.Options.Create(new OrderCoreOptions { StatusGraph = graph ?? OrderCore.Inventory.InventoryStatusGraph.Default }));
}
