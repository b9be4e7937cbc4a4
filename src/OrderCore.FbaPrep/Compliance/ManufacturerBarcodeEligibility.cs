using NodaTime;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>Whether a unit may ship on its manufacturer barcode (no FNSKU sticker), and why not.</summary>
/// <param name="IsEligible">True when the manufacturer barcode may be used.</param>
/// <param name="Reasons">Why not, when not eligible.</param>
public sealed record BarcodeEligibility(bool IsEligible, IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// Evaluates the manufacturer-barcode rules of <paramref name="requirements"/> for <paramref name="sku"/> on
    /// <paramref name="asOf"/>: the marketplace must allow it, the product needs a valid GTIN, must not be
    /// expiration-dated, consumable or dangerous goods [SC-COMMINGLE-UK], and from the reseller date (US 2026-03-31)
    /// only the brand owner may use it [COMMINGLE-2026].
    /// </summary>
    public static BarcodeEligibility Evaluate(FbaSku sku, FbaPrepRequirements requirements, LocalDate asOf)
    {
        Check.NotNull(sku);
        Check.NotNull(requirements);
        var reasons = new List<string>();
        var p = sku.Prep;
        if (requirements.Labels.FnskuAlwaysRequired.Value) reasons.Add($"{requirements.Name} requires an FNSKU label on every unit");
        if (sku.Product.Gtin is null) reasons.Add("the product has no GTIN (UPC/EAN)");
        if (p.IsExpirationDated) reasons.Add("expiration-dated products always need an FNSKU label");
        if (p.IsConsumable) reasons.Add("consumable or topical products always need an FNSKU label");
        if (p.IsDangerousGoods) reasons.Add("dangerous goods always need an FNSKU label");
        if (requirements.Labels.ResellerFnskuFrom is { } from && asOf >= from.Value && p.SellerRole == SellerRole.Reseller)
        {
            reasons.Add($"from {from.Value:yyyy-MM-dd} resellers must FNSKU-label even when a manufacturer barcode exists");
        }
        return new BarcodeEligibility(reasons.Count == 0, reasons);
    }
}
