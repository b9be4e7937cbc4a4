using System.Text.Json.Serialization;

namespace OrderCore.FbaPrep.Inbound;

/// <summary>The key Amazon matches plan items and box items by: MSKU, expiration, lot code, prep owner, label owner.</summary>
/// <param name="Msku">The merchant SKU.</param>
/// <param name="Expiration">The expiration date, <c>YYYY-MM-DD</c>, or null.</param>
/// <param name="ManufacturingLotCode">The lot code, or null.</param>
/// <param name="PrepOwner">The prep owner wire name.</param>
/// <param name="LabelOwner">The label owner wire name.</param>
public readonly record struct InboundItemKey(string Msku, string? Expiration, string? ManufacturingLotCode, string PrepOwner, string LabelOwner);

/// <summary><c>ItemInput</c> of Fulfillment Inbound v2024-03-20: an item of a plan or of a box.</summary>
public sealed record InboundItemInput
{
    /// <summary>The merchant SKU, 1 to 255 characters.</summary>
    [JsonPropertyName("msku")]
    public required string Msku { get; init; }

    /// <summary>Units: 1 to 500,000 in a plan; units per box in a box.</summary>
    [JsonPropertyName("quantity")]
    public required int Quantity { get; init; }

    /// <summary><c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
    [JsonPropertyName("prepOwner")]
    public required string PrepOwner { get; init; }

    /// <summary><c>AMAZON</c>, <c>SELLER</c> or <c>NONE</c>.</summary>
    [JsonPropertyName("labelOwner")]
    public required string LabelOwner { get; init; }

    /// <summary>The expiration date, <c>YYYY-MM-DD</c>; omitted when the unit does not expire.</summary>
    [JsonPropertyName("expiration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Expiration { get; init; }

    /// <summary>The manufacturing lot code, 1 to 256 characters; omitted when not lot-tracked.</summary>
    [JsonPropertyName("manufacturingLotCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ManufacturingLotCode { get; init; }

    /// <summary>The matching key.</summary>
    [JsonIgnore]
    public InboundItemKey Key => new(Msku, Expiration, ManufacturingLotCode, PrepOwner, LabelOwner);
}

/// <summary><c>AddressInput</c>: the ship-from address of an inbound plan.</summary>
public sealed record InboundAddress
{
    /// <summary>Street address, 1 to 180 characters. Required.</summary>
    [JsonPropertyName("addressLine1")]
    public required string AddressLine1 { get; init; }

    /// <summary>More street address, 1 to 60 characters.</summary>
    [JsonPropertyName("addressLine2")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AddressLine2 { get; init; }

    /// <summary>City, 1 to 30 characters. Required.</summary>
    [JsonPropertyName("city")]
    public required string City { get; init; }

    /// <summary>Business name, 1 to 50 characters.</summary>
    [JsonPropertyName("companyName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CompanyName { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. <c>IN</c>. Required.</summary>
    [JsonPropertyName("countryCode")]
    public required string CountryCode { get; init; }

    /// <summary>District or county, 1 to 50 characters.</summary>
    [JsonPropertyName("districtOrCounty")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DistrictOrCounty { get; init; }

    /// <summary>E-mail, 1 to 1024 characters.</summary>
    [JsonPropertyName("email")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }

    /// <summary>Contact name, 1 to 50 characters. Required.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Phone, 1 to 20 characters. Required.</summary>
    [JsonPropertyName("phoneNumber")]
    public required string PhoneNumber { get; init; }

    /// <summary>Postal code, 1 to 32 characters. Required.</summary>
    [JsonPropertyName("postalCode")]
    public required string PostalCode { get; init; }

    /// <summary>State or province code, 1 to 64 characters.</summary>
    [JsonPropertyName("stateOrProvinceCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StateOrProvinceCode { get; init; }
}

/// <summary>The <c>createInboundPlan</c> request body (<c>CreateInboundPlanRequest</c>).</summary>
public sealed record CreateInboundPlanBody
{
    /// <summary>Exactly one marketplace id.</summary>
    [JsonPropertyName("destinationMarketplaces")]
    public required IReadOnlyList<string> DestinationMarketplaces { get; init; }

    /// <summary>1 to 2,000 items, one per matching key.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<InboundItemInput> Items { get; init; }

    /// <summary>The plan name, 1 to 40 characters; Amazon names it when omitted.</summary>
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>The ship-from address.</summary>
    [JsonPropertyName("sourceAddress")]
    public required InboundAddress SourceAddress { get; init; }
}

/// <summary><c>Dimensions</c> of a box: 0 to 100,000 in <c>IN</c> or <c>CM</c>.</summary>
public sealed record DimensionsInput
{
    /// <summary>Height.</summary>
    [JsonPropertyName("height")]
    public required decimal Height { get; init; }

    /// <summary>Length.</summary>
    [JsonPropertyName("length")]
    public required decimal Length { get; init; }

    /// <summary><c>IN</c> or <c>CM</c>.</summary>
    [JsonPropertyName("unitOfMeasurement")]
    public required string UnitOfMeasurement { get; init; }

    /// <summary>Width.</summary>
    [JsonPropertyName("width")]
    public required decimal Width { get; init; }
}

/// <summary><c>Weight</c> of a box: 0 to 100,000 <c>LB</c> or <c>KG</c>.</summary>
public sealed record WeightInput
{
    /// <summary><c>LB</c> or <c>KG</c>.</summary>
    [JsonPropertyName("unit")]
    public required string Unit { get; init; }

    /// <summary>The weight.</summary>
    [JsonPropertyName("value")]
    public required decimal Value { get; init; }
}

/// <summary><c>BoxInput</c>: identical boxes with their contents.</summary>
public sealed record BoxInput
{
    /// <summary><c>BOX_CONTENT_PROVIDED</c>, <c>MANUAL_PROCESS</c> or <c>BARCODE_2D</c>.</summary>
    [JsonPropertyName("contentInformationSource")]
    public required string ContentInformationSource { get; init; }

    /// <summary>The box dimensions.</summary>
    [JsonPropertyName("dimensions")]
    public required DimensionsInput Dimensions { get; init; }

    /// <summary>The items in one box; omitted (empty) unless the source is <c>BOX_CONTENT_PROVIDED</c>.</summary>
    [JsonPropertyName("items")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InboundItemInput>? Items { get; init; }

    /// <summary>How many identical boxes, 1 to 10,000.</summary>
    [JsonPropertyName("quantity")]
    public required int Quantity { get; init; }

    /// <summary>The weight of one box.</summary>
    [JsonPropertyName("weight")]
    public required WeightInput Weight { get; init; }

    /// <summary>The planned carton ids these boxes are (not sent).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> CartonIds { get; init; } = [];
}

/// <summary><c>PackageGroupingInput</c>: boxes of one packing group (before placement) or shipment (after).</summary>
public sealed record PackageGroupingInput
{
    /// <summary>1 to 5,000 box entries.</summary>
    [JsonPropertyName("boxes")]
    public required IReadOnlyList<BoxInput> Boxes { get; init; }

    /// <summary>The packing group id from <c>listPackingOptions</c> (38 characters), before placement confirmation.</summary>
    [JsonPropertyName("packingGroupId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PackingGroupId { get; init; }

    /// <summary>The shipment id (38 characters), after placement confirmation.</summary>
    [JsonPropertyName("shipmentId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ShipmentId { get; init; }
}

/// <summary>The <c>setPackingInformation</c> request body (<c>SetPackingInformationRequest</c>).</summary>
public sealed record SetPackingInformationBody
{
    /// <summary>At least one package grouping.</summary>
    [JsonPropertyName("packageGroupings")]
    public required IReadOnlyList<PackageGroupingInput> PackageGroupings { get; init; }
}
