namespace OrderCore.FbaPrep;

/// <summary>
/// The preparation category of a unit: the 14 values of <c>PrepCategory</c> in SP-API Fulfillment Inbound v2024-03-20.
/// A unit can be in several categories and is prepped per all of them.
/// </summary>
/// <remarks>
/// <see cref="FcProvided"/> and <see cref="Unknown"/> are output-only in the API ("provided by Amazon and cannot be used
/// as an input"): a profile carrying either fails compliance. Wire names are given by <see cref="FbaApiNames"/>.
/// Source: M-FI24 (<c>fulfillmentInbound_2024-03-20.json</c>, definition <c>PrepCategory</c>).
/// </remarks>
public enum PrepCategory
{
    /// <summary><c>ADULT</c>: displays potentially offensive material such as profanity or nudity.</summary>
    Adult,
    /// <summary><c>BABY</c>: made for a child aged three years or younger, packaging with cutouts greater than one square inch.</summary>
    Baby,
    /// <summary><c>FC_PROVIDED</c>: a prep type defined by the fulfilment centre; output-only.</summary>
    FcProvided,
    /// <summary><c>FRAGILE</c>: glass or otherwise fragile, or a liquid in a glass container.</summary>
    Fragile,
    /// <summary><c>GRANULAR</c>: made of powder, pellets, or granular material.</summary>
    Granular,
    /// <summary><c>HANGER</c>: made of cloth or fabric and intended to be put on a hanger.</summary>
    Hanger,
    /// <summary><c>LIQUID</c>: liquid or viscous without a double seal.</summary>
    Liquid,
    /// <summary><c>PERFORATED</c>: in packaging that has a perforated opening.</summary>
    Perforated,
    /// <summary><c>SET</c>: multiple items that are sold as one unit.</summary>
    Set,
    /// <summary><c>SHARP</c>: sharp and easily exposed, not already contained in protective packaging.</summary>
    Sharp,
    /// <summary><c>SMALL</c>: longest side less than 2 1/8 inches (width of a credit card).</summary>
    Small,
    /// <summary><c>TEXTILE</c>: made of cloth or fabric that could be damaged by dirt, dust, moisture, or liquid.</summary>
    Textile,
    /// <summary><c>UNKNOWN</c>: an unknown category that needs to be updated; output-only.</summary>
    Unknown,
    /// <summary><c>NONE</c>: does not require prep.</summary>
    None,
}

/// <summary>A preparation step: the 16 values of <c>PrepType</c> in SP-API Fulfillment Inbound v2024-03-20.</summary>
/// <remarks>Wire names are given by <see cref="FbaApiNames"/>. Source: M-FI24, definition <c>PrepType</c>.</remarks>
public enum PrepType
{
    /// <summary><c>ITEM_BLACK_SHRINKWRAP</c>: black shrink wrapping.</summary>
    BlackShrinkWrap,
    /// <summary><c>ITEM_BLANKSTK</c>: a blank sticker obscuring a bad barcode that cannot be covered by another sticker.</summary>
    BlankSticker,
    /// <summary><c>ITEM_BOXING</c>: overboxing (items over 4.5 kg: double-wall corrugated boxes).</summary>
    Boxing,
    /// <summary><c>ITEM_BUBBLEWRAP</c>: bubble wrapping.</summary>
    BubbleWrap,
    /// <summary><c>ITEM_CAP_SEALING</c>: a secondary seal (induction seal, safety ring, clips, heat-shrink band or boxing).</summary>
    CapSealing,
    /// <summary><c>ITEM_DEBUNDLE</c>: take apart units grouped by tape or shrink wrap that are labelled for individual sale.</summary>
    Debundle,
    /// <summary><c>ITEM_HANG_GARMENT</c>: the item must be placed on a hanger.</summary>
    HangGarment,
    /// <summary><c>ITEM_LABELING</c>: the FNSKU label must be applied to the item.</summary>
    Labeling,
    /// <summary><c>ITEM_NO_PREP</c>: the item does not require any prep.</summary>
    NoPrep,
    /// <summary><c>ITEM_POLYBAGGING</c>: polybagging.</summary>
    Polybagging,
    /// <summary><c>ITEM_RMOVHANG</c>: the item cannot be shipped on a hanger (remove it).</summary>
    RemoveFromHanger,
    /// <summary><c>ITEM_SETCREAT</c>: sets labelled as sets; item barcodes must not face outward.</summary>
    SetCreation,
    /// <summary><c>ITEM_SETSTK</c>: a label stating the products must be received and sold as a single unit.</summary>
    SetSticker,
    /// <summary><c>ITEM_SIOC</c>: ships in its original product packaging.</summary>
    ShipsInOwnContainer,
    /// <summary><c>ITEM_SUFFOSTK</c>: a suffocation warning on (or attached to) the poly bag.</summary>
    SuffocationSticker,
    /// <summary><c>ITEM_TAPING</c>: taping.</summary>
    Taping,
}

/// <summary>Who preps (<c>PrepOwner</c>) the units: <c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
/// <remarks>Since 2026-01-01 <c>AMAZON</c> is not accepted in the US marketplace (M-FI24 model text; D-FIAPI).</remarks>
public enum PrepOwner
{
    /// <summary><c>AMAZON</c>: Amazon preps (a fee applies; not accepted in the US).</summary>
    Amazon,
    /// <summary><c>SELLER</c>: the seller (or its 3PL) preps.</summary>
    Seller,
    /// <summary><c>NONE</c>: no prep owner is required (the unit needs no prep).</summary>
    None,
}

/// <summary>Who labels (<c>LabelOwner</c>) the units: <c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
/// <remarks>"<c>AMAZON</c> is not an accepted value in the US marketplace" (M-FI24, definition <c>LabelOwner</c>).</remarks>
public enum LabelOwner
{
    /// <summary><c>AMAZON</c>: Amazon labels (a fee applies; not accepted in the US).</summary>
    Amazon,
    /// <summary><c>SELLER</c>: the seller (or its 3PL) applies the FNSKU label.</summary>
    Seller,
    /// <summary><c>NONE</c>: no label is applied (the unit ships on its manufacturer barcode).</summary>
    None,
}

/// <summary>How a box's contents are made known to Amazon (<c>BoxContentInformationSource</c>).</summary>
public enum BoxContentSource
{
    /// <summary><c>BOX_CONTENT_PROVIDED</c>: the seller gives the items of every box (the default).</summary>
    BoxContentProvided,
    /// <summary><c>MANUAL_PROCESS</c>: Amazon opens the boxes and charges a manual processing fee per unit; box items must be empty.</summary>
    ManualProcess,
    /// <summary><c>BARCODE_2D</c>: a 2D barcode on each box carries the contents; box items must be empty.</summary>
    Barcode2D,
}

/// <summary>Which barcode identifies the unit in the fulfilment centre.</summary>
public enum UnitBarcode
{
    /// <summary>An Amazon FNSKU label (<c>X00…</c>) applied over every other barcode.</summary>
    Fnsku,
    /// <summary>The manufacturer barcode (UPC/EAN/ISBN), where the marketplace and the seller's role allow it.</summary>
    Manufacturer,
}

/// <summary>The seller's role for the product, which decides manufacturer-barcode eligibility from 2026-03-31 in the US.</summary>
public enum SellerRole
{
    /// <summary>A reseller: must FNSKU-label from the marketplace's commingling end date (US 2026-03-31).</summary>
    Reseller,
    /// <summary>The brand owner (Brand Registry brand representative): may ship on the manufacturer barcode.</summary>
    BrandOwner,
}
