using OrderCore.Catalog;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>
/// One SKU as FBA prep sees it: the SKU master's <see cref="Catalog.Product"/> (identity, FNSKU, GTIN, unit dimensions
/// and weight, case pack) with its <see cref="PrepProfile"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed record FbaSku
{
    /// <summary>Combines a product and its prep profile.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The profile is for another owner or SKU.</exception>
    public FbaSku(Product product, PrepProfile prep)
    {
        Check.NotNull(product);
        Check.NotNull(prep);
        if (product.Owner != prep.Owner || product.Sku != prep.Sku)
        {
            throw new ArgumentException($"The prep profile {prep.Owner}/{prep.Sku} belongs to another SKU than the product {product.Owner}/{product.Sku}.", nameof(prep));
        }
        Product = product;
        Prep = prep;
    }

    /// <summary>The SKU master record.</summary>
    public Product Product { get; }

    /// <summary>The prep profile.</summary>
    public PrepProfile Prep { get; }

    /// <summary>The owner.</summary>
    public OwnerId Owner => Product.Owner;

    /// <summary>The merchant SKU.</summary>
    public Sku Sku => Product.Sku;

    /// <summary>The FNSKU, if known.</summary>
    public Fnsku? Fnsku => Product.Fnsku;

    /// <summary>The unit dimensions, if known.</summary>
    public Dimensions? UnitDimensions => Product.Dimensions;

    /// <summary>The unit weight, if known.</summary>
    public Weight? UnitWeight => Product.Weight;

    /// <summary>Units per case pack, if the SKU ships in case packs.</summary>
    public int? CasePackQuantity => Product.CasePackQuantity;
}

/// <summary>Units of one SKU (and lot) to send to FBA.</summary>
/// <param name="Sku">The SKU with its profile.</param>
/// <param name="Quantity">Units, ≥ 1.</param>
/// <param name="Lot">The lot, with its expiry, for lot-tracked or expiration-dated SKUs; otherwise null.</param>
public sealed record ReplenishmentLine(FbaSku Sku, Quantity Quantity, Lot? Lot = null)
{
    /// <summary>The lot's expiry date, if any.</summary>
    public NodaTime.LocalDate? Expiry => Lot?.Expiry;
}
