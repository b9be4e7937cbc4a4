namespace OrderCore.Catalog;

/// <summary>A product in an owner's SKU master.</summary>
/// <remarks>Identifiers are validated when set: <see cref="Gtin"/> by check digit, <see cref="Asin"/> and <see cref="Fnsku"/> by shape.</remarks>
public sealed record Product
{
    /// <summary>The owner.</summary>
    public required OwnerId Owner { get; init; }

    /// <summary>The merchant SKU.</summary>
    public required Sku Sku { get; init; }

    /// <summary>Title or description.</summary>
    public string? Title { get; init; }

    /// <summary>Style or design number (alternate key part 1), e.g. <c>JNE3798</c>.</summary>
    public string? Style { get; init; }

    /// <summary>Size (alternate key part 2), e.g. <c>M</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Colour, if the product has one.</summary>
    public string? Color { get; init; }

    /// <summary>Category.</summary>
    public string? Category { get; init; }

    /// <summary>GTIN-8/12/13/14 (UPC, EAN), check digit validated.</summary>
    public Gtin? Gtin { get; init; }

    /// <summary>Amazon ASIN.</summary>
    public Asin? Asin { get; init; }

    /// <summary>Amazon FNSKU (fulfilment label barcode).</summary>
    public Fnsku? Fnsku { get; init; }

    /// <summary>True when balances of this SKU are kept per lot (lot code + expiry).</summary>
    public bool IsLotTracked { get; init; }

    /// <summary>Unit weight.</summary>
    public Weight? Weight { get; init; }

    /// <summary>Unit dimensions.</summary>
    public Dimensions? Dimensions { get; init; }

    /// <summary>Units per case pack (N units of this SKU per carton), if sold or shipped in cases.</summary>
    public int? CasePackQuantity { get; init; }

    /// <summary>True when the SKU must not be sold (recall, compliance); orders for it go to the exception queue.</summary>
    public bool IsBlocked { get; init; }

    /// <summary>Custom attributes for routing conditions (hazmat, oversize…), compared ordinally.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A SKU on a channel account: maps the channel's external SKU (or variant id, or ASIN) to a merchant SKU.</summary>
/// <param name="Owner">The owner.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Account">The account on the channel.</param>
/// <param name="ExternalSku">The channel's SKU / variant id / ASIN, trimmed, compared ordinally.</param>
/// <param name="Sku">The merchant SKU it sells.</param>
/// <param name="PackMultiplier">Base units per channel unit (a listing of a 3-pack has 3), ≥ 1.</param>
public sealed record ChannelListing(OwnerId Owner, ChannelId Channel, ChannelAccountId Account, string ExternalSku, Sku Sku, int PackMultiplier = 1);

/// <summary>A component of a kit.</summary>
/// <param name="Sku">The component SKU.</param>
/// <param name="Quantity">Units of the component per kit, ≥ 1.</param>
public readonly record struct KitComponent(Sku Sku, int Quantity);

/// <summary>A bundle or kit: a SKU made of component SKUs × quantities.</summary>
public sealed record KitDefinition
{
    /// <summary>Creates a kit.</summary>
    /// <exception cref="ArgumentException">No components, a component quantity below 1, a repeated component, or the kit is its own component.</exception>
    public KitDefinition(OwnerId owner, Sku kit, IReadOnlyList<KitComponent> components)
    {
        Guard.NotNull(components);
        if (components.Count == 0) throw new ArgumentException("A kit needs at least one component.", nameof(components));
        var seen = new HashSet<Sku>();
        foreach (var c in components)
        {
            if (c.Quantity < 1) throw new ArgumentOutOfRangeException(nameof(components), c.Quantity, $"Component {c.Sku} needs at least one unit per kit.");
            if (c.Sku == kit) throw new ArgumentException($"Kit {kit} cannot contain itself.", nameof(components));
            if (!seen.Add(c.Sku)) throw new ArgumentException($"Component {c.Sku} is listed twice.", nameof(components));
        }
        Owner = owner;
        Kit = kit;
        Components = components.ToArray();
    }

    /// <summary>The owner.</summary>
    public OwnerId Owner { get; }

    /// <summary>The kit SKU.</summary>
    public Sku Kit { get; }

    /// <summary>The components.</summary>
    public IReadOnlyList<KitComponent> Components { get; }

    /// <summary>
    /// Kits that can be built from component availability: the minimum over components of
    /// floor(component available / units per kit). A component with no or negative availability gives 0.
    /// </summary>
    public int Availability(Func<Sku, int> availableOf)
    {
        Guard.NotNull(availableOf);
        var min = int.MaxValue;
        foreach (var c in Components) min = Math.Min(min, Math.Max(availableOf(c.Sku), 0) / c.Quantity);
        return min;
    }
}
