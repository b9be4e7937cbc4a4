using NodaTime;

namespace OrderCore.FbaPrep;

/// <summary>
/// Default <see cref="FbaPrepRequirements"/> per marketplace, each value with its source. Start from one of these and
/// change what your marketplace or contract says differently with <see cref="FbaPrepRequirements.ToBuilder"/>.
/// </summary>
/// <remarks>
/// <para>
/// The category → prep table is the US Seller Central table mapped to the API enums (the enums are the same in every
/// marketplace); no marketplace-specific table was found for the others, so they apply it too and say so in
/// <see cref="FbaPrepRequirements.Notes"/>. The suffocation-warning threshold keeps both published values: the US help
/// page's 5 in for the US, the API text's 12 cm elsewhere.
/// </para>
/// <para>Marketplace ids: SP-API "Marketplace IDs" page.</para>
/// </remarks>
/// <threadsafety>Every member returns an immutable value; safe to use from any thread.</threadsafety>
public static class FbaMarketplaces
{
    /// <summary>The US help page's suffocation-warning threshold: opening ≥ 5 in, measured flat [SC-POLYFORUM].</summary>
    public static Sourced<Length> SuffocationOpeningUsHelpPage { get; } = new(Length.Inches(5), FbaSources.SuffocationWarningUs, "The API text says 12 cm (about 4.72 in) [M-FI24]; UK third parties say > 12 cm or 12.5 cm.");

    /// <summary>The API's <c>ITEM_SUFFOSTK</c> threshold: opening ≥ 12 cm, measured flat [M-FI24].</summary>
    public static Sourced<Length> SuffocationOpeningApiText { get; } = new(Length.Centimetres(12), FbaSources.SuffocationWarningApi, "The US help page says 5 in [SC-POLYFORUM]; UK third parties say > 12 cm or 12.5 cm.");

    /// <summary>Amazon.com (US), marketplace <c>ATVPDKIKX0DER</c>: inches and pounds.</summary>
    public static FbaPrepRequirements UnitedStates { get; } = CreateUnitedStatesBuilder().Build();

    /// <summary>Amazon.in (India), marketplace <c>A21TJRUUN4KGV</c>: centimetres and kilograms. See the notes for which rules are applied where India publishes none.</summary>
    public static FbaPrepRequirements India { get; } = CreateIndiaBuilder().Build();

    /// <summary>Amazon.co.uk (UK), marketplace <c>A1F83G8C2ARO7P</c>: carton limits from third-party summaries only.</summary>
    public static FbaPrepRequirements UnitedKingdom { get; } = CreateEuropeBuilder("UK", "A1F83G8C2ARO7P", "Amazon.co.uk").Build();

    /// <summary>Amazon.de (Germany, EU), marketplace <c>A1PA6795UKMFR9</c>: carton limits from third-party summaries only.</summary>
    public static FbaPrepRequirements Germany { get; } = CreateEuropeBuilder("DE", "A1PA6795UKMFR9", "Amazon.de").Build();

    /// <summary>Amazon.com.au (Australia), marketplace <c>A39IBJ37TRP1C6</c>: carton limits from the AU Seller Central page.</summary>
    public static FbaPrepRequirements Australia { get; } = CreateAustraliaBuilder().Build();

    /// <summary>Every default, by marketplace code.</summary>
    public static IReadOnlyDictionary<string, FbaPrepRequirements> All { get; } = new Dictionary<string, FbaPrepRequirements>(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = UnitedStates,
        ["IN"] = India,
        ["UK"] = UnitedKingdom,
        ["GB"] = UnitedKingdom,
        ["DE"] = Germany,
        ["AU"] = Australia,
    };

    /// <summary>The default rules of a marketplace code (<c>US</c>, <c>IN</c>, <c>UK</c>/<c>GB</c>, <c>DE</c>, <c>AU</c>; case-insensitive), or false.</summary>
    public static bool TryGet(string? code, out FbaPrepRequirements requirements)
    {
        if (code is not null && All.TryGetValue(code.Trim(), out var r))
        {
            requirements = r;
            return true;
        }
        requirements = UnitedStates;
        return false;
    }

    /// <summary>Adds the category → prep table (US Seller Central rules mapped to the API enums) to a builder.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hangerPrep">What <c>HANGER</c> requires: <see cref="PrepType.RemoveFromHanger"/> where hangers are not accepted (US).</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    public static FbaPrepRequirements.Builder AddCategoryTable(FbaPrepRequirements.Builder builder, PrepType hangerPrep = PrepType.RemoveFromHanger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var t = FbaSources.CategoryTable;
        return builder
            .SetCategory(PrepCategory.Textile, "sealed poly bag (or shrink wrap) with a scannable FNSKU label", t, [PrepType.Polybagging, PrepType.Labeling])
            .SetCategory(PrepCategory.Fragile, "six-sided box or full bubble wrap; must survive a 3 ft drop test x5", t, [PrepType.BubbleWrap], [PrepType.Boxing])
            .SetCategory(PrepCategory.Liquid, "secondary seal or sealed bag (not double-sealed liquids)", t, [PrepType.CapSealing], [PrepType.Polybagging])
            .SetCategory(PrepCategory.Sharp, "bubble wrap or box so no edge is exposed", t, [PrepType.BubbleWrap], [PrepType.Boxing])
            .SetCategory(PrepCategory.Small, "transparent poly bag (longest side < 2 1/8 in)", t, [PrepType.Polybagging])
            .SetCategory(PrepCategory.Baby, "sealed poly bag or shrink wrap with a suffocation warning", t, [PrepType.Polybagging, PrepType.SuffocationSticker])
            .SetCategory(PrepCategory.Adult, "black opaque bag or shrink wrap", t, [PrepType.BlackShrinkWrap])
            .SetCategory(PrepCategory.Granular, "sealed poly bag", t, [PrepType.Polybagging])
            .SetCategory(PrepCategory.Perforated, "sealed poly bag", t, [PrepType.Polybagging])
            .SetCategory(PrepCategory.Set, "set label: 'Sold as set' / 'This is a set. Do not separate.'", FbaSources.SetLabel, [PrepType.SetCreation], [PrepType.SetSticker])
            .SetCategory(PrepCategory.Hanger, hangerPrep == PrepType.RemoveFromHanger ? "no hangers: remove before shipping" : "ship on a hanger", FbaSources.NoHangers, [hangerPrep])
            .SetCategory(PrepCategory.None, "no prep beyond the unit label", t);
    }

    /// <summary>A builder holding the US defaults.</summary>
    public static FbaPrepRequirements.Builder CreateUnitedStatesBuilder()
    {
        var b = FbaPrepRequirements.CreateBuilder("US", "ATVPDKIKX0DER");
        b.Name = "Amazon.com";
        b.UnitSystem = FbaUnitSystem.Imperial;
        AddCategoryTable(b);
        b.Polybag = new PolybagRules(
            new Sourced<decimal>(1.5m, FbaSources.PolybagThickness, "Old third-party mirrors say '.09 mil', a typo."),
            SuffocationOpeningUsHelpPage,
            [new WarningFontRule(60, 24), new WarningFontRule(40, 18), new WarningFontRule(30, 14), new WarningFontRule(0, 10)],
            FbaSources.SuffocationWarningUs);
        b.Labels = new LabelRules(
            new Sourced<bool>(false, FbaSources.FnskuLabel),
            new Sourced<LocalDate>(new LocalDate(2026, 3, 31), FbaSources.CommingleEnd, "Brand owners may keep the manufacturer barcode; resellers must FNSKU-label."),
            FbaSources.ManufacturerBarcode);
        var prepEnd = new LocalDate(2026, 1, 1);
        b.Owners = new OwnerRules(
            new Sourced<LocalDate>(prepEnd, FbaSources.UsPrepServiceEnd, "Model text since 2026-02-20: AMAZON is not an accepted value in the US; shipments created before 2026-01-01 keep the old eligibility."),
            new Sourced<LocalDate>(prepEnd, FbaSources.InboundModel, "LabelOwner: 'AMAZON is not an accepted value in the US marketplace'."));
        b.Expiry = new ExpiryRules(
            new Sourced<int>(105, FbaSources.Expiration105, "Conflict: the help page says > 90 days [SC-EXP]; the Send to Amazon workflow enforces 105 [3P-VPROPH, 3P-HAQM-FORUM]; others cite 12 weeks. Default: the stricter 105."),
            new Sourced<int>(90, FbaSources.Expiration));
        var lb = WeightUnit.Pound;
        b.Cartons = new CartonLimits(
            new Sourced<Dimensions>(new Dimensions(25, 25, 25, LengthUnit.Inch), FbaSources.UsBoxLimits, "Applies to boxes with several standard-size units; one oversize unit may need a larger box."),
            new Sourced<Weight>(new Weight(50, lb), FbaSources.UsBoxLimits),
            MaxWeightIsExclusive: false,
            new Sourced<bool>(true, FbaSources.UsBoxLimits, "Over 50 lb only for a box holding one oversize unit."),
            [
                new HandlingLabelRule("Team Lift", new Weight(50, lb), WeightLabelBasis.Carton, FbaSources.UsLiftLabels),
                new HandlingLabelRule("Mech Lift", new Weight(100, lb), WeightLabelBasis.Carton, FbaSources.UsLiftLabels),
            ],
            new Sourced<Weight>(new Weight(40, lb), FbaSources.JewelryCarton, "Historical US rule; third-party sources only."));
        b.CasePacks = new CasePackRules(new Sourced<int>(150, FbaSources.CasePack), FbaSources.CasePack);
        return b;
    }

    /// <summary>A builder holding the Amazon.in defaults (see <see cref="India"/>).</summary>
    public static FbaPrepRequirements.Builder CreateIndiaBuilder()
    {
        var b = FbaPrepRequirements.CreateBuilder("IN", "A21TJRUUN4KGV");
        b.Name = "Amazon.in";
        b.UnitSystem = FbaUnitSystem.Metric;
        AddCategoryTable(b);
        b.Notes.Add("Cartons: Seller Central India publishes '< 18 kg' and at most 70 x 70 x 45 cm per box for the FBA pick-up service [SC-IN-PICKUP]; applied to every box. No single-oversize-unit exception is published, so a unit over these limits is reported as unplannable.");
        b.Notes.Add("Labels: Seller Central India requires one scannable FNSKU label on every unit and a printed MRP label [SC-IN-PREP]; no manufacturer-barcode (stickerless) option is applied.");
        b.Notes.Add("Prep categories: no India-specific category table was found; the US Seller Central table mapped to the API enums is applied, since the API enums are the same in every marketplace [DF-1.1]. Hangers follow the US rule (removed).");
        b.Notes.Add("Poly bags: the API text's 12 cm suffocation-warning threshold is applied [M-FI24]; the 1.5 mil film minimum is the US rule [SC-PLUSH], applied for want of an India value.");
        b.Notes.Add("Expiry: no India shelf-life minimum was found; the stricter US default of 105 days is applied (the US help page says 90) [3P-VPROPH, SC-EXP]. Dates on units: MM-DD-YYYY or MM-YYYY [SC-EXPFMT].");
        b.Notes.Add("Owners: AMAZON as prep or label owner is refused only in the US per the API model; accepted here.");
        b.Polybag = new PolybagRules(
            new Sourced<decimal>(1.5m, FbaSources.PolybagThickness, "US value, applied for want of an India value."),
            SuffocationOpeningApiText,
            [],
            FbaSources.SuffocationWarningApi);
        b.Labels = new LabelRules(
            new Sourced<bool>(true, FbaSources.InPrep, "All products must be labelled with one scannable FNSKU."),
            null,
            FbaSources.ManufacturerBarcode,
            new Sourced<bool>(true, FbaSources.InPrep, "A printed MRP label on each unit (all products except books and tyres)."));
        b.Owners = new OwnerRules(null, null);
        b.Expiry = new ExpiryRules(
            new Sourced<int>(105, FbaSources.Assumption("No India value found: the stricter US default (105 days; the US help page says 90) is applied.")),
            new Sourced<int>(90, FbaSources.Expiration, "US value."));
        var kg = WeightUnit.Kilogram;
        b.Cartons = new CartonLimits(
            new Sourced<Dimensions>(new Dimensions(70, 70, 45, LengthUnit.Centimetre), FbaSources.InBoxLimits),
            new Sourced<Weight>(new Weight(18, kg), FbaSources.InBoxLimits, "'Weight of each box should be < 18 kg'."),
            MaxWeightIsExclusive: true,
            new Sourced<bool>(false, FbaSources.InBoxLimits, "No oversize exception is published: boxes over the limits 'can be sent back'."),
            [new HandlingLabelRule("Heavy lift with care", new Weight(10, kg), WeightLabelBasis.HeaviestUnit, FbaSources.InPrep)],
            null);
        b.CasePacks = new CasePackRules(new Sourced<int>(150, FbaSources.CasePack, "US value, applied for want of an India value."), FbaSources.CasePack);
        return b;
    }

    /// <summary>A builder holding the EU/UK defaults (63.5 cm, 23 kg with a heavy-package label from 15 kg; third-party sources).</summary>
    /// <param name="code">The marketplace code, e.g. <c>UK</c>.</param>
    /// <param name="marketplaceId">The SP-API marketplace id.</param>
    /// <param name="name">The display name.</param>
    public static FbaPrepRequirements.Builder CreateEuropeBuilder(string code, string marketplaceId, string name)
    {
        var b = FbaPrepRequirements.CreateBuilder(code, marketplaceId);
        b.Name = name;
        b.UnitSystem = FbaUnitSystem.Metric;
        AddCategoryTable(b);
        b.Notes.Add("Carton limits from third-party summaries only (63.5 cm [3P-VALUEZON]; 23 kg, heavy label from 15 kg [3P-NBN]): verify against Seller Central.");
        b.Notes.Add("Prep categories: the US table mapped to the API enums is applied [DF-1.1]; suffocation warning at the API's 12 cm.");
        b.Polybag = new PolybagRules(new Sourced<decimal>(1.5m, FbaSources.PolybagThickness, "US value."), SuffocationOpeningApiText, [], FbaSources.SuffocationWarningApi);
        b.Labels = new LabelRules(new Sourced<bool>(false, FbaSources.FnskuLabel), null, FbaSources.ManufacturerBarcode);
        b.Owners = new OwnerRules(null, null);
        b.Expiry = new ExpiryRules(
            new Sourced<int>(105, FbaSources.Expiration105, "US default; the EU/IT page asks > 18 months for non-food expiring items [SC-EXP-IT]."),
            new Sourced<int>(90, FbaSources.Expiration));
        var kg = WeightUnit.Kilogram;
        b.Cartons = new CartonLimits(
            new Sourced<Dimensions>(new Dimensions(63.5m, 63.5m, 63.5m, LengthUnit.Centimetre), FbaSources.EuBoxLimits),
            new Sourced<Weight>(new Weight(23, kg), FbaSources.EuBoxLimits, "Third parties give 22.7 kg to 23 kg."),
            MaxWeightIsExclusive: false,
            new Sourced<bool>(true, FbaSources.EuBoxLimits),
            [new HandlingLabelRule("Heavy package", new Weight(15, kg), WeightLabelBasis.Carton, FbaSources.EuBoxLimits)],
            null);
        b.CasePacks = new CasePackRules(new Sourced<int>(150, FbaSources.CasePack, "US value."), FbaSources.CasePack);
        return b;
    }

    /// <summary>A builder holding the Australian defaults (63.5 cm, 22.6 kg, single oversize item with Team Lift).</summary>
    public static FbaPrepRequirements.Builder CreateAustraliaBuilder()
    {
        var b = CreateEuropeBuilder("AU", "A39IBJ37TRP1C6", "Amazon.com.au");
        b.Notes.Clear();
        b.Notes.Add("Carton limits from Seller Central AU [SC-AU-SHIPROUTE]; prep categories from the US table mapped to the API enums [DF-1.1].");
        var kg = WeightUnit.Kilogram;
        b.Cartons = new CartonLimits(
            new Sourced<Dimensions>(new Dimensions(63.5m, 63.5m, 63.5m, LengthUnit.Centimetre), FbaSources.AuBoxLimits),
            new Sourced<Weight>(new Weight(22.6m, kg), FbaSources.AuBoxLimits),
            MaxWeightIsExclusive: false,
            new Sourced<bool>(true, FbaSources.AuBoxLimits, "Only one single oversized item over 22.6 kg, with a Team Lift label."),
            [new HandlingLabelRule("Team Lift", new Weight(22.6m, kg), WeightLabelBasis.Carton, FbaSources.AuBoxLimits)],
            null);
        return b;
    }
}
