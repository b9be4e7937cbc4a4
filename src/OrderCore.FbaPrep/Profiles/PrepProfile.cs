using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>
/// The FBA prep part of an owner's SKU master: everything the core <see cref="Catalog.Product"/> does not hold —
/// prep categories and types, prep and label owners, barcode choice, expiration dating, poly bag, set membership.
/// Keyed by (owner, SKU), like the product it extends; stored through <see cref="IPrepProfileStore"/>.
/// </summary>
/// <remarks>
/// <para>
/// Identity, FNSKU, GTIN, unit dimensions and weight, case-pack quantity and lot tracking stay on the product; the two are
/// combined into an <see cref="FbaSku"/> for rules, planning and work orders, so no prep instruction is kept outside the
/// SKU master and no field exists twice.
/// </para>
/// <para>Lot codes and expiry dates are per lot, not per SKU: they come with each <see cref="ReplenishmentLine"/>.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed record PrepProfile
{
    private readonly IReadOnlyList<PrepCategory> _categories = [];
    private readonly IReadOnlyList<PrepType> _prepTypes = [];

    /// <summary>The owner.</summary>
    public required OwnerId Owner { get; init; }

    /// <summary>The merchant SKU (MSKU).</summary>
    public required Sku Sku { get; init; }

    /// <summary>The prep categories the unit is in (distinct, sorted); a unit is prepped per all of them. Empty means not yet classified.</summary>
    public IReadOnlyList<PrepCategory> Categories
    {
        get => _categories;
        init => _categories = Check.NotNull(value).Distinct().Order().ToArray();
    }

    /// <summary>The prep steps done on every unit (distinct, sorted), e.g. <see cref="PrepType.Polybagging"/> and <see cref="PrepType.Labeling"/>.</summary>
    public IReadOnlyList<PrepType> PrepTypes
    {
        get => _prepTypes;
        init => _prepTypes = Check.NotNull(value).Distinct().Order().ToArray();
    }

    /// <summary>Who preps the units.</summary>
    /// <value>Default <see cref="FbaPrep.PrepOwner.Seller"/>.</value>
    public PrepOwner PrepOwner { get; init; } = PrepOwner.Seller;

    /// <summary>Who labels the units.</summary>
    /// <value>Default <see cref="FbaPrep.LabelOwner.Seller"/>.</value>
    public LabelOwner LabelOwner { get; init; } = LabelOwner.Seller;

    /// <summary>Which barcode the fulfilment centre scans.</summary>
    /// <value>Default <see cref="UnitBarcode.Fnsku"/>.</value>
    public UnitBarcode Barcode { get; init; } = UnitBarcode.Fnsku;

    /// <summary>The seller's role for this product (brand owner or reseller), which decides manufacturer-barcode eligibility.</summary>
    /// <value>Default <see cref="FbaPrep.SellerRole.Reseller"/> (the stricter case).</value>
    public SellerRole SellerRole { get; init; } = SellerRole.Reseller;

    /// <summary>True when units carry an expiration date (all topical and consumable products count, even without a printed date).</summary>
    public bool IsExpirationDated { get; init; }

    /// <summary>True for consumable or topical products (never eligible for the manufacturer barcode).</summary>
    public bool IsConsumable { get; init; }

    /// <summary>True for dangerous goods (hazmat; never eligible for the manufacturer barcode).</summary>
    public bool IsDangerousGoods { get; init; }

    /// <summary>Days one unit lasts a customer (e.g. a 240-count daily supplement: 240); the minimum remaining shelf life is then this plus the marketplace margin.</summary>
    public int? ConsumptionPeriodDays { get; init; }

    /// <summary>The poly bag, when units are bagged (<see cref="PrepType.Polybagging"/>).</summary>
    public PolybagSpec? Polybag { get; init; }

    /// <summary>Set membership, when the unit is several items sold as one (<see cref="PrepCategory.Set"/>).</summary>
    public SetMembership? Set { get; init; }

    /// <summary>True when the unit arrives at prep on a hanger (it must come off where the marketplace forbids hangers).</summary>
    public bool ArrivesOnHanger { get; init; }

    /// <summary>True for jewellery and watches, whose cartons have a lower weight limit in the US (40 lb).</summary>
    public bool IsJewelryOrWatch { get; init; }

    /// <summary>True when the profile declares <paramref name="type"/>.</summary>
    public bool Has(PrepType type) => _prepTypes.Contains(type);

    /// <summary>True when the unit is in <paramref name="category"/>.</summary>
    public bool IsIn(PrepCategory category) => _categories.Contains(category);
}

/// <summary>The poly bag a unit is sealed in, measured flat.</summary>
/// <param name="Opening">The width of the opening, measured flat (the suffocation-warning trigger).</param>
/// <param name="Depth">The other side of the flat bag.</param>
/// <param name="FilmThicknessMil">Film thickness in mil (thousandths of an inch).</param>
/// <param name="HasSuffocationWarning">True when a suffocation warning is printed on the bag; a sticker applied at prep is <see cref="PrepType.SuffocationSticker"/> on the profile.</param>
/// <param name="WarningFontPoints">The warning's print size in points, when known (the US minimum depends on length + width).</param>
/// <param name="IsTransparent">True for clear bags (required except for adult products, which use black opaque bags).</param>
public sealed record PolybagSpec(Length Opening, Length Depth, decimal FilmThicknessMil, bool HasSuffocationWarning, int? WarningFontPoints = null, bool IsTransparent = true)
{
    /// <summary>Opening + depth, in inches (the US table of minimum warning print sizes is by length + width).</summary>
    public decimal LengthPlusWidthInches => Opening.In(LengthUnit.Inch) + Depth.In(LengthUnit.Inch);
}

/// <summary>A unit made of several items sold as one (a set, bundle or multipack).</summary>
/// <param name="ItemCount">Items in the set, ≥ 2.</param>
/// <param name="Description">What the set is, e.g. <c>kurta + pant + dupatta</c>.</param>
public sealed record SetMembership(int ItemCount, string? Description = null)
{
    /// <summary>Items in the set, ≥ 2.</summary>
    public int ItemCount { get; } = ItemCount >= 2 ? ItemCount : throw new ArgumentOutOfRangeException(nameof(ItemCount), ItemCount, "A set has at least two items.");
}
