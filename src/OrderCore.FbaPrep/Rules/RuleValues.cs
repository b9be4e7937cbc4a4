using NodaTime;

namespace OrderCore.FbaPrep;

/// <summary>A configured value with the source it comes from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Note">A conflict or caveat about the value (e.g. another source says 90 days), if any.</param>
public sealed record Sourced<T>(T Value, RuleSource Source, string? Note = null);

/// <summary>What a prep category requires: at least one of the alternatives, every prep type of it.</summary>
/// <param name="Category">The category.</param>
/// <param name="Alternatives">Sets of prep types; the unit must carry every type of at least one set. Empty: nothing is required.</param>
/// <param name="Description">The human rule, e.g. <c>six-sided box or bubble wrap</c>.</param>
/// <param name="Source">Where the rule comes from.</param>
public sealed record CategoryRequirement(PrepCategory Category, IReadOnlyList<IReadOnlyList<PrepType>> Alternatives, string Description, RuleSource Source)
{
    /// <summary>Formats the alternatives with the API names: <c>ITEM_BUBBLEWRAP or ITEM_BOXING</c>.</summary>
    public string Describe()
        => Alternatives.Count == 0 ? "no prep" : string.Join(" or ", Alternatives.Select(a => string.Join(" + ", a.Select(FbaApiNames.ToApi))));
}

/// <summary>Poly bag rules.</summary>
/// <param name="MinFilmThicknessMil">Minimum film thickness in mil (US: 1.5).</param>
/// <param name="SuffocationWarningOpening">The opening (measured flat) at or above which a bag needs a suffocation warning: US help page 5 in; API text 12 cm.</param>
/// <param name="WarningFontSizes">Minimum warning print size by bag length + width (US); empty when the marketplace publishes none.</param>
/// <param name="WarningFontSource">The source of <paramref name="WarningFontSizes"/>.</param>
public sealed record PolybagRules(Sourced<decimal> MinFilmThicknessMil, Sourced<Length> SuffocationWarningOpening, IReadOnlyList<WarningFontRule> WarningFontSizes, RuleSource WarningFontSource);

/// <summary>A bag whose length + width is at least <paramref name="MinLengthPlusWidthInches"/> needs a warning of at least <paramref name="MinPoints"/> points.</summary>
/// <param name="MinLengthPlusWidthInches">Lower bound of the bag's length + width, in inches.</param>
/// <param name="MinPoints">Minimum print size in points.</param>
public sealed record WarningFontRule(decimal MinLengthPlusWidthInches, int MinPoints);

/// <summary>Unit label (barcode) rules.</summary>
/// <param name="FnskuAlwaysRequired">True when every unit must carry a scannable FNSKU label (no manufacturer-barcode shipping at all).</param>
/// <param name="ResellerFnskuFrom">From this date resellers must FNSKU-label even when a manufacturer barcode exists (US: 2026-03-31); null when not applicable.</param>
/// <param name="ManufacturerBarcodeSource">The source of the manufacturer-barcode eligibility criteria (not expiration-dated, not consumable, not dangerous goods).</param>
/// <param name="RequiresMrpLabel">True when each unit needs a printed MRP (maximum retail price) label (India), with its source; null elsewhere.</param>
public sealed record LabelRules(Sourced<bool> FnskuAlwaysRequired, Sourced<LocalDate>? ResellerFnskuFrom, RuleSource ManufacturerBarcodeSource, Sourced<bool>? RequiresMrpLabel = null);

/// <summary>Which prep and label owners the marketplace accepts.</summary>
/// <param name="AmazonPrepOwnerRefusedFrom">From this date <c>prepOwner</c> <c>AMAZON</c> is refused (US: 2026-01-01); null when accepted.</param>
/// <param name="AmazonLabelOwnerRefusedFrom">From this date <c>labelOwner</c> <c>AMAZON</c> is refused (US: 2026-01-01); null when accepted.</param>
public sealed record OwnerRules(Sourced<LocalDate>? AmazonPrepOwnerRefusedFrom, Sourced<LocalDate>? AmazonLabelOwnerRefusedFrom);

/// <summary>Expiration-dated product rules.</summary>
/// <param name="MinRemainingShelfLifeDays">Minimum days between receipt at the fulfilment centre and expiry (US default 105: see the note for the 90-day help page).</param>
/// <param name="ConsumptionPeriodMarginDays">Days added to a product's consumption period for its own minimum (US: 90).</param>
public sealed record ExpiryRules(Sourced<int> MinRemainingShelfLifeDays, Sourced<int> ConsumptionPeriodMarginDays);

/// <summary>What a handling label is required by.</summary>
public enum WeightLabelBasis
{
    /// <summary>The carton's gross weight.</summary>
    Carton,
    /// <summary>The weight of the heaviest unit in the carton.</summary>
    HeaviestUnit,
}

/// <summary>A handling label required when a weight is over a threshold, e.g. US <c>Team Lift</c> over 50 lb.</summary>
/// <param name="Label">The label text, e.g. <c>Team Lift</c>.</param>
/// <param name="Above">The label is required when the weight is strictly over this.</param>
/// <param name="Basis">Which weight is compared.</param>
/// <param name="Source">Where the rule comes from.</param>
public sealed record HandlingLabelRule(string Label, Weight Above, WeightLabelBasis Basis, RuleSource Source);

/// <summary>Carton (box) limits.</summary>
/// <param name="MaxDimensions">The envelope a box with several units must fit, compared side by side after sorting (US 25 x 25 x 25 in; India 70 x 70 x 45 cm).</param>
/// <param name="MaxWeight">The weight limit of a box with several units (US 50 lb).</param>
/// <param name="MaxWeightIsExclusive">True when the weight must be strictly below <paramref name="MaxWeight"/> (India: "&lt; 18 kg").</param>
/// <param name="AllowSingleOversizeUnit">True when a box holding one unit may exceed the limits (US: a single oversize unit over 50 lb, with labels).</param>
/// <param name="HandlingLabels">Labels required by weight.</param>
/// <param name="JewelryMaxWeight">The lower weight limit of boxes with jewellery or watches (US 40 lb); null when none.</param>
public sealed record CartonLimits(
    Sourced<Dimensions> MaxDimensions,
    Sourced<Weight> MaxWeight,
    bool MaxWeightIsExclusive,
    Sourced<bool> AllowSingleOversizeUnit,
    IReadOnlyList<HandlingLabelRule> HandlingLabels,
    Sourced<Weight>? JewelryMaxWeight);

/// <summary>Case-pack rules: one SKU per case, the same quantity in every case of a SKU, at most a number of units.</summary>
/// <param name="MaxUnitsPerCase">Maximum units per case pack (150).</param>
/// <param name="Source">The source of the one-SKU and same-quantity rules.</param>
public sealed record CasePackRules(Sourced<int> MaxUnitsPerCase, RuleSource Source);
