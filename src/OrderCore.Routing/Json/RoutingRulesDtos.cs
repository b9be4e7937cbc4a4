using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderCore.Routing.Json;

// The JSON shape of a rule set (docs/routing.md, docs/routing-rules.schema.json). Every DTO keeps unknown members in
// Extra so the loader can name them by path instead of silently ignoring a typo.
#pragma warning disable CS1591 // internal DTOs

internal abstract class Dto
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class RuleSetDto : Dto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }
    public string? Format { get; set; }
    public int? Version { get; set; }
    public string? Name { get; set; }
    public List<string?>? CustomStatuses { get; set; }
    public List<LocationDto?>? Locations { get; set; }
    public List<RuleDto?>? Rules { get; set; }
}

internal sealed class LocationDto : Dto
{
    public string? Id { get; set; }
    public List<string?>? Groups { get; set; }
    public string? TimeZone { get; set; }
    public string? Cutoff { get; set; }
    public List<string?>? WorkingDays { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public AddressDto? Address { get; set; }
}

internal sealed class AddressDto : Dto
{
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
}

internal sealed class RuleDto : Dto
{
    public string? Name { get; set; }
    public WhenDto? When { get; set; }
    public ThenDto? Then { get; set; }
}

internal sealed class WhenDto : Dto
{
    public List<ChannelDto?>? Channels { get; set; }
    public string? FulfilmentChannel { get; set; }
    public DestinationDto? Destination { get; set; }
    public List<string?>? ServiceLevels { get; set; }
    public TagsDto? Tags { get; set; }
    public List<AttributeDto?>? SkuAttributes { get; set; }
    public ValueRangeDto? OrderValue { get; set; }
    public CountRangeDto? LineCount { get; set; }
    public string? ShipByWithin { get; set; }
}

internal sealed class ChannelDto : Dto
{
    public string? Channel { get; set; }
    public string? Account { get; set; }
}

internal sealed class DestinationDto : Dto
{
    public List<string?>? Countries { get; set; }
    public List<string?>? Regions { get; set; }
    public List<string?>? PostalPrefixes { get; set; }
}

internal sealed class TagsDto : Dto
{
    public List<string?>? All { get; set; }
    public List<string?>? Any { get; set; }
    public List<string?>? None { get; set; }
}

internal sealed class AttributeDto : Dto
{
    public string? Name { get; set; }
    public List<string?>? Values { get; set; }
    public string? Match { get; set; }
}

internal sealed class ValueRangeDto : Dto
{
    public string? Currency { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

internal sealed class CountRangeDto : Dto
{
    public int? Min { get; set; }
    public int? Max { get; set; }
}

internal sealed class ThenDto : Dto
{
    public List<string?>? Locations { get; set; }
    public List<string?>? LocationGroups { get; set; }
    public List<string?>? ExcludeLocations { get; set; }
    public List<string?>? Statuses { get; set; }
    public string? Strategy { get; set; }
    public SplitDto? Split { get; set; }
    public bool? KitsShipTogether { get; set; }
    public string? WorkQueue { get; set; }
    public string? ShipMethod { get; set; }
    public UnfillableDto? WhenUnfillable { get; set; }
    public string? ShipBy { get; set; }
    public bool? PreferEarliestShipDate { get; set; }
    public double? MaxDistanceKm { get; set; }
}

internal sealed class SplitDto : Dto
{
    public string? Policy { get; set; }
    public int? MaxShipments { get; set; }
}

internal sealed class UnfillableDto : Dto
{
    public string? Action { get; set; }
    public string? Reason { get; set; }
    public string? HoldReason { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RuleSetDto))]
internal sealed partial class RoutingRulesJsonContext : JsonSerializerContext;
#pragma warning restore CS1591
