namespace OrderCore.FbaPrep;

/// <summary>How much weight a rule's source carries.</summary>
public enum SourceGrade
{
    /// <summary>A vendor's own model, specification or help page (Amazon Seller Central, the SP-API model).</summary>
    Primary,
    /// <summary>A third-party mirror or blog, used as corroboration; verify before relying on it.</summary>
    ThirdParty,
    /// <summary>No published source: a default chosen by OrderCore, explained in the note.</summary>
    Assumption,
}

/// <summary>Where a rule or a number comes from.</summary>
/// <param name="Key">The short key used in <c>docs/fba-prep.md</c> and <c>domain-facts.md</c>, e.g. <c>SC-POLYFORUM</c>.</param>
/// <param name="Title">What the source is.</param>
/// <param name="Url">Where to read it (a web page, or a repository path).</param>
/// <param name="Grade">How much weight it carries.</param>
public sealed record RuleSource(string Key, string Title, string Url, SourceGrade Grade)
{
    /// <summary>Formats as <c>[KEY] Title</c>.</summary>
    public override string ToString() => $"[{Key}] {Title}";
}

/// <summary>The sources OrderCore's default FBA rules cite. Keys match <c>docs/fba-prep.md</c>.</summary>
public static class FbaSources
{
    /// <summary>The SP-API Fulfillment Inbound v2024-03-20 model (enums, field limits, <c>ITEM_SUFFOSTK</c> 12 cm, US owner text).</summary>
    public static RuleSource InboundModel { get; } = new("M-FI24", "SP-API Fulfillment Inbound v2024-03-20 model", "https://github.com/amzn/selling-partner-api-models/blob/main/models/fulfillment-inbound-api-model/fulfillmentInbound_2024-03-20.json", SourceGrade.Primary);

    /// <summary>SP-API docs: US FBA prep and item-labelling services end on 2026-01-01.</summary>
    public static RuleSource UsPrepServiceEnd { get; } = new("D-FIAPI", "SP-API Fulfillment Inbound docs: US prep and labelling services end 2026-01-01", "https://developer-docs.amazon.com/sp-api/docs/fulfillment-inbound-api", SourceGrade.Primary);

    /// <summary>Seller Central US: plush toys / poly bag film ≥ 1.5 mil, ≤ 3 in protrusion.</summary>
    public static RuleSource PolybagThickness { get; } = new("SC-PLUSH", "Seller Central US: plush and poly bag requirements (1.5 mil film)", "https://sellercentral.amazon.com/gp/help/external/G200280170", SourceGrade.Primary);

    /// <summary>Seller Central US (help 200141500 quoted): suffocation warning when the opening is ≥ 5 in; minimum print sizes.</summary>
    public static RuleSource SuffocationWarningUs { get; } = new("SC-POLYFORUM", "Seller Central US poly bag requirements (help 200141500): warning at opening >= 5 in, print sizes", "https://sellercentral.amazon.com/forums/t/fba-poly-bag-reqirements/388892", SourceGrade.Primary);

    /// <summary>The inbound model's <c>ITEM_SUFFOSTK</c> text: poly bags with an opening of 12 cm or larger need a suffocation warning.</summary>
    public static RuleSource SuffocationWarningApi { get; } = new("M-FI24", "SP-API PrepType ITEM_SUFFOSTK: opening >= 12 cm (flat) needs a suffocation warning", "https://github.com/amzn/selling-partner-api-models/blob/main/models/fulfillment-inbound-api-model/fulfillmentInbound_2024-03-20.json", SourceGrade.Primary);

    /// <summary>Seller Central: FBA product barcode (FNSKU) label requirements.</summary>
    public static RuleSource FnskuLabel { get; } = new("SC-BARCODE", "Seller Central: FBA product barcode requirements", "https://sellercentral.amazon.ca/gp/help/external/200141490", SourceGrade.Primary);

    /// <summary>Seller Central UK: manufacturer-barcode eligibility (not expiration-dated, not consumable, not dangerous goods).</summary>
    public static RuleSource ManufacturerBarcode { get; } = new("SC-COMMINGLE-UK", "Seller Central UK: manufacturer barcode eligibility", "https://sellercentral.amazon.co.uk/gp/help/external/help-page.html?itemID=200141480", SourceGrade.Primary);

    /// <summary>Amazon ends commingling on 2026-03-31: resellers must FNSKU-label (third parties quoting Amazon's notice).</summary>
    public static RuleSource CommingleEnd { get; } = new("COMMINGLE-2026", "Amazon ends commingling 2026-03-31 (third parties quoting Amazon's notice)", "https://en.link-trans.com/amazon-ends-inventory-commingling-new-barcode-rules-starting-march-31-2026", SourceGrade.ThirdParty);

    /// <summary>Seller Central US: expiration-dated products (> 90 days at receipt; consumption period + 90; 50-day disposal).</summary>
    public static RuleSource Expiration { get; } = new("SC-EXP", "Seller Central US: expiration-dated products", "https://sellercentral.amazon.com/gp/help/external/help.html?itemID=G201003420", SourceGrade.Primary);

    /// <summary>Sellers report a 105-day minimum remaining shelf life in the Send to Amazon workflow.</summary>
    public static RuleSource Expiration105 { get; } = new("3P-VPROPH", "Send to Amazon workflow: 105-day minimum remaining shelf life (seller reports)", "https://vproph.com/blog/does-your-product-have-expiration-date-here-are-some-tips-amazon-to-avoid-complaints/", SourceGrade.ThirdParty);

    /// <summary>One expiration date per ASIN (MSKU) per box; the model: same MSKU with different expiration dates cannot share a box.</summary>
    public static RuleSource OneExpiryPerBox { get; } = new("M-FI24", "SP-API ItemInput.expiration: items with the same MSKU but different expiration dates cannot go into the same box", "https://github.com/amzn/selling-partner-api-models/blob/main/models/fulfillment-inbound-api-model/fulfillmentInbound_2024-03-20.json", SourceGrade.Primary);

    /// <summary>Seller Central US: case-packed products (one SKU, same quantity per case, ≤ 150 units).</summary>
    public static RuleSource CasePack { get; } = new("SC-CASE", "Seller Central US: case-packed products", "https://sellercentral.amazon.com/gp/help/external/help.html?itemID=200257960", SourceGrade.Primary);

    /// <summary>Seller Central US shipping and routing requirements: 25 in per side, 50 lb, single oversize unit exception.</summary>
    public static RuleSource UsBoxLimits { get; } = new("SC-SHIPROUTE", "Seller Central US: shipping and routing requirements (25 in, 50 lb); restated by SELLTEC and Flexport", "https://sellercentral.amazon.com/help/hub/reference/external/201022330", SourceGrade.Primary);

    /// <summary>Flexport: single unit over 50 lb needs Team Lift, over 100 lb Mech Lift, on top and sides.</summary>
    public static RuleSource UsLiftLabels { get; } = new("3P-FLEXPORT-OW", "Flexport: overweight cargo (Team Lift > 50 lb, Mech Lift > 100 lb)", "https://flexport.com/help/411-overweight-cargo", SourceGrade.ThirdParty);

    /// <summary>Jewellery and watch cartons ≤ 40 lb (historical US rule; third parties only).</summary>
    public static RuleSource JewelryCarton { get; } = new("3P-GLMG", "GLMG / ShippingAmazonFBA: jewellery and watch cartons <= 40 lb", "https://www.glmg.com/News/What-are-the-packaging-requirements-for-Amazon-FBA-warehousing.html", SourceGrade.ThirdParty);

    /// <summary>Seller Central AU shipping and routing requirements: 63.5 cm, 22.6 kg, single oversize item with Team Lift.</summary>
    public static RuleSource AuBoxLimits { get; } = new("SC-AU-SHIPROUTE", "Seller Central AU: shipping and routing requirements (63.5 cm, 22.6 kg)", "https://sellercentral.amazon.com.au/gp/help/external/help.html?itemID=200141510", SourceGrade.Primary);

    /// <summary>EU/UK carton length back to 63.5 cm; EU ≤ 23 kg with heavy labels from 15 kg (third parties).</summary>
    public static RuleSource EuBoxLimits { get; } = new("3P-NBN", "Third-party summaries: EU/UK 63.5 cm (Valuezon), <= 22.7 kg with heavy-package label from 15 kg (NBN)", "https://www.china-nbn-inspection.com/blogshow_215.html", SourceGrade.ThirdParty);

    /// <summary>Seller Central India: packaging for the FBA pick-up service — each box &lt; 18 kg and at most 70 x 70 x 45 cm.</summary>
    public static RuleSource InBoxLimits { get; } = new("SC-IN-PICKUP", "Seller Central India: packaging and labelling requirements for FBA pick-up service (< 18 kg, 70 x 70 x 45 cm)", "https://sellercentral.amazon.in/gp/help/external/help.html?itemID=TMGUHZNTXWLB5EA&language=en_IN", SourceGrade.Primary);

    /// <summary>Seller Central India: packaging and prep requirements — one scannable FNSKU on every unit, each FNSKU in a single package, printed MRP label, heavy (&gt; 10 kg) units.</summary>
    public static RuleSource InPrep { get; } = new("SC-IN-PREP", "Seller Central India: packaging and prep requirements (FNSKU on every unit, MRP label, > 10 kg units)", "https://sellercentral.amazon.in/gp/help/external/200141500?language=en_IN", SourceGrade.Primary);

    /// <summary>The US Seller Central category → prep table, mapped to the API enums (domain-facts §1.1; per-category sources there).</summary>
    public static RuleSource CategoryTable { get; } = new("DF-1.1", "Category -> required prep (US Seller Central rules mapped to API enums; model example TEXTILE -> ITEM_LABELING + ITEM_POLYBAGGING)", "../shared/reference/domain-facts.md#11-prep-categories--required-prep-us-seller-central-rules-mapped-to-api-enums", SourceGrade.Primary);

    /// <summary>Seller Central: sets must be labelled as sets ("Sold as set", "This is a set. Do not separate.").</summary>
    public static RuleSource SetLabel { get; } = new("SC-SET", "Seller Central: sold-as-set prep requirements", "https://sellercentral.amazon.com/seller-forums/discussions/t/18e6ff94-573a-4f6d-ad53-8a95806d5a63", SourceGrade.Primary);

    /// <summary>Apparel: US does not accept hangers (<c>ITEM_RMOVHANG</c>).</summary>
    public static RuleSource NoHangers { get; } = new("3P-SELLTEC-TEX", "Apparel prep: no hangers in the US (SELLTEC; Amazon UK apparel page)", "https://selltecprep.com/knowledge-base-2/packaging-apparel-fabric-and-textiles/", SourceGrade.ThirdParty);

    /// <summary>A default OrderCore chose where no source publishes a value; the note says why.</summary>
    /// <param name="why">Why this default was chosen.</param>
    public static RuleSource Assumption(string why) => new("ORDERCORE", why, "docs/fba-prep.md", SourceGrade.Assumption);
}
