namespace OrderCore.FbaPrep;

/// <summary>The ids of the rules a <see cref="PrepComplianceReport"/> can name. Each is documented in <c>docs/fba-prep.md</c> with its source.</summary>
public static class FbaRuleIds
{
    /// <summary>The unit has no prep category, or <c>UNKNOWN</c>.</summary>
    public const string CategoryUnknown = "PREP-CATEGORY-UNKNOWN";
    /// <summary>The profile uses an output-only category (<c>FC_PROVIDED</c>).</summary>
    public const string CategoryOutputOnly = "PREP-CATEGORY-OUTPUT-ONLY";
    /// <summary>A category's required prep types are not all on the profile.</summary>
    public const string CategoryPrepMissing = "PREP-CATEGORY-TYPES";
    /// <summary><c>prepOwner</c> <c>AMAZON</c> where the marketplace does not accept it (US from 2026-01-01).</summary>
    public const string PrepOwnerAmazon = "PREP-OWNER-AMAZON";
    /// <summary><c>labelOwner</c> <c>AMAZON</c> where the marketplace does not accept it (US from 2026-01-01).</summary>
    public const string LabelOwnerAmazon = "LABEL-OWNER-AMAZON";
    /// <summary>Prep is required but <c>prepOwner</c> is <c>NONE</c>.</summary>
    public const string PrepOwnerNone = "PREP-OWNER-NONE";
    /// <summary>The unit needs an FNSKU label but no FNSKU is known.</summary>
    public const string FnskuMissing = "LABEL-FNSKU-MISSING";
    /// <summary>The unit needs an FNSKU label but <c>ITEM_LABELING</c> is not on the profile or <c>labelOwner</c> is <c>NONE</c>.</summary>
    public const string FnskuLabelStep = "LABEL-FNSKU-STEP";
    /// <summary>The unit ships on its manufacturer barcode but is not eligible.</summary>
    public const string ManufacturerBarcodeIneligible = "LABEL-MANUFACTURER-BARCODE";
    /// <summary>A poly bag is thinner than the minimum film thickness.</summary>
    public const string PolybagThickness = "POLYBAG-THICKNESS";
    /// <summary>A poly bag's opening is at or over the threshold and it has no suffocation warning.</summary>
    public const string SuffocationWarning = "POLYBAG-SUFFOCATION-WARNING";
    /// <summary>A suffocation warning is printed smaller than the minimum for the bag's size.</summary>
    public const string SuffocationWarningFont = "POLYBAG-WARNING-FONT";
    /// <summary>The profile bags units but gives no poly bag measurements.</summary>
    public const string PolybagSpecMissing = "POLYBAG-SPEC-MISSING";
    /// <summary>An expiration-dated unit has no expiry date.</summary>
    public const string ExpiryMissing = "EXPIRY-DATE-MISSING";
    /// <summary>A lot's remaining shelf life at receipt is below the minimum.</summary>
    public const string ExpiryShelfLife = "EXPIRY-SHELF-LIFE";
    /// <summary>A multi-unit carton has a side over the limit.</summary>
    public const string CartonSide = "CARTON-SIDE";
    /// <summary>A multi-unit carton is over the weight limit.</summary>
    public const string CartonWeight = "CARTON-WEIGHT";
    /// <summary>A carton with jewellery or watches is over the jewellery weight limit.</summary>
    public const string CartonJewelryWeight = "CARTON-JEWELRY-WEIGHT";
    /// <summary>A carton lacks a handling label its weight requires (Team Lift, Mech Lift, heavy package).</summary>
    public const string CartonHandlingLabel = "CARTON-HANDLING-LABEL";
    /// <summary>A single unit over the carton limits where the marketplace allows no single-oversize-unit box.</summary>
    public const string CartonOversizeUnit = "CARTON-OVERSIZE-UNIT";
    /// <summary>The same MSKU with two expiry dates in one carton.</summary>
    public const string CartonMixedExpiry = "CARTON-MIXED-EXPIRY";
    /// <summary>A case pack holds more than one SKU.</summary>
    public const string CasePackSingleSku = "CASE-PACK-ONE-SKU";
    /// <summary>Case packs of one SKU hold different quantities.</summary>
    public const string CasePackUniform = "CASE-PACK-SAME-QTY";
    /// <summary>A case pack holds more units than the maximum.</summary>
    public const string CasePackMaxUnits = "CASE-PACK-MAX-UNITS";
    /// <summary>The unit's dimensions or weight are missing, so cartons cannot be planned or checked.</summary>
    public const string UnitDataMissing = "UNIT-DATA-MISSING";
    /// <summary>A <c>SET</c> unit has no set membership (items per set) recorded (warning).</summary>
    public const string SetMembershipMissing = "SET-MEMBERSHIP-MISSING";
}
