namespace OrderCore.Adapters.Walmart.Outbound;

/// <summary>
/// The carrier of a ship notice: one of Walmart's listed carriers (<c>carrierName.carrier</c>), or another carrier by
/// name (<c>carrierName.otherCarrier</c>), for which Walmart requires a tracking URL.
/// </summary>
/// <remarks>Source: <c>CarrierNameType.carrier</c> enum of the Order Management OpenAPI 0.6.3 (57 values).</remarks>
public sealed record WalmartCarrier
{
    /// <summary>Walmart's listed carriers, spelled as Walmart spells them.</summary>
    public static IReadOnlyList<string> Listed { get; } =
    [
        "UPS", "USPS", "FedEx", "Airborne", "OnTrac", "DHL Ecommerce - US", "DHL", "LS", "UDS", "UPSMI", "FDX", "PILOT", "ESTES", "SAIA",
        "FDS Express", "Seko Worldwide", "HIT Delivery", "FEDEXSP", "RL Carriers", "Metropolitan Warehouse & Delivery", "China Post",
        "YunExpress", "Yellow Freight Sys", "AIT Worldwide Logistics", "Chukou1", "Sendle", "Landmark Global", "Sunyou", "Yanwen", "4PX",
        "GLS", "OSM Worldwide", "FIRST MILE", "AM Trucking", "CEVA", "India Post", "SF Express", "CNE", "TForce Freight", "AxleHire", "LSO",
        "Royal Mail", "ABF Freight System", "WanB", "Roadrunner Freight", "Meyer Distribution", "AAA Cooper", "Canada Post",
        "Southeastern Freight Lines", "Japan Post", "Correos de Mexico", "XPO Logistics", "JD Logistics", "YDH", "JCEX", "Flyt", "Deutsche Post",
    ];

    private WalmartCarrier(string name, bool isOther)
    {
        Name = name;
        IsOther = isOther;
    }

    /// <summary>The carrier's name (a listed name in Walmart's spelling, or the free text of another carrier).</summary>
    public string Name { get; }

    /// <summary>True for a carrier outside Walmart's list (sent as <c>otherCarrier</c>; a tracking URL is then mandatory).</summary>
    public bool IsOther { get; }

    /// <summary>A listed carrier, matched case-insensitively and stored in Walmart's spelling.</summary>
    /// <exception cref="ArgumentException">The name is not in <see cref="Listed"/>.</exception>
    public static WalmartCarrier Known(string name)
    {
        var match = Listed.FirstOrDefault(c => string.Equals(c, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not one of Walmart's listed carriers; use WalmartCarrier.Other with a tracking URL.", nameof(name));
        return new WalmartCarrier(match, false);
    }

    /// <summary>A carrier outside Walmart's list.</summary>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public static WalmartCarrier Other(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A carrier name is required.", nameof(name));
        return new WalmartCarrier(name.Trim(), true);
    }

    /// <summary>A listed carrier when the name is in the list, otherwise another carrier.</summary>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public static WalmartCarrier Parse(string name)
        => Listed.Any(c => string.Equals(c, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ? Known(name!) : Other(name!);

    /// <summary>The name.</summary>
    public override string ToString() => IsOther ? $"other:{Name}" : Name;
}
