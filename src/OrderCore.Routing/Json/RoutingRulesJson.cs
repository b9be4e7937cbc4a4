using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Routing.Geo;
using OrderCore.Routing.Rules;

namespace OrderCore.Routing.Json;

/// <summary>
/// Reads a <see cref="RoutingRuleSet"/> from its versioned JSON form (format <c>ordercore.routing-rules</c>, version
/// <see cref="RoutingRuleSet.FormatVersion"/>), documented in <c>docs/routing.md</c> and <c>docs/routing-rules.schema.json</c>.
/// </summary>
/// <remarks>
/// Every problem is reported at once in a <see cref="RoutingRuleSetException"/>, each naming its path, e.g.
/// <c>rules[3].then.strategy: unknown strategy 'closest' (expected one of priority, most_available, nearest, fewest_shipments)</c>.
/// Malformed JSON reports the path, line and byte position where reading stopped. Unknown properties are errors (a typo
/// must not silently change routing). Enumerated values are read case-insensitively, with <c>_</c> and <c>-</c> ignored
/// (<c>most_available</c>, <c>MostAvailable</c>).
/// </remarks>
/// <threadsafety>Stateless; safe to call concurrently.</threadsafety>
public static class RoutingRulesJson
{
    /// <summary>The value of the top-level <c>format</c> property.</summary>
    public const string FormatName = "ordercore.routing-rules";

    /// <summary>Reads a rule set from a file.</summary>
    /// <param name="path">The file, UTF-8 JSON.</param>
    /// <param name="geoResolver">Places locations given by address; default <see cref="CentroidGeoResolver.Default"/>.</param>
    /// <exception cref="RoutingRuleSetException">The content is not a valid rule set; the message names the file and every problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RoutingRuleSet Load(string path, IGeoResolver? geoResolver = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), geoResolver, Path.GetFileName(path));
    }

    /// <summary>Reads a rule set from JSON text.</summary>
    /// <exception cref="RoutingRuleSetException">The content is not a valid rule set.</exception>
    public static RoutingRuleSet Parse(string json, IGeoResolver? geoResolver = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), geoResolver, source);
    }

    /// <summary>Reads a rule set from UTF-8 JSON bytes.</summary>
    /// <exception cref="RoutingRuleSetException">The content is not a valid rule set.</exception>
    public static RoutingRuleSet Parse(ReadOnlySpan<byte> utf8Json, IGeoResolver? geoResolver = null, string? source = null)
    {
        RuleSetDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, RoutingRulesJsonContext.Default.RuleSetDto);
        }
        catch (JsonException ex)
        {
            var at = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            throw new RoutingRuleSetException([new RoutingRuleError(PathOf(ex.Path), $"not valid JSON for this field or document{at}")], source);
        }
        if (dto is null) throw new RoutingRuleSetException([new RoutingRuleError("(root)", "the document is null; expected an object")], source);
        var reader = new Reader();
        var builder = reader.Map(dto);
        builder.GeoResolver = geoResolver ?? CentroidGeoResolver.Default;
        var errors = reader.Errors;
        if (errors.Count == 0) errors.AddRange(builder.Validate());
        else
        {
            // Report cross-reference problems too, except where the loader already named the same path.
            foreach (var e in builder.Validate())
            {
                if (!errors.Any(x => x.Path == e.Path)) errors.Add(e);
            }
        }
        if (errors.Count > 0) throw new RoutingRuleSetException(errors.OrderBy(e => e.Path, PathComparer.Instance).ToArray(), source);
        return builder.Build();
    }

    private static string PathOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "(root)";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>Sorts paths in document order: <c>rules[2]</c> before <c>rules[10]</c>.</summary>
    private sealed class PathComparer : IComparer<string>
    {
        public static PathComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var a = Split(x ?? "");
            var b = Split(y ?? "");
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ia) && int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ib)
                    ? ia.CompareTo(ib) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }

        private static string[] Split(string path) => path.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Maps the DTOs to a builder, collecting every parse problem with its path.</summary>
    private sealed class Reader
    {
        public List<RoutingRuleError> Errors { get; } = new();

        private void Error(string path, string message) => Errors.Add(new RoutingRuleError(path, message));

        private void Unknown(Dto? dto, string path)
        {
            if (dto?.Extra is null) return;
            foreach (var key in dto.Extra.Keys) Error(path.Length == 0 ? key : $"{path}.{key}", "unknown property");
        }

        public RoutingRuleSetBuilder Map(RuleSetDto dto)
        {
            var b = new RoutingRuleSetBuilder { Name = dto.Name };
            Unknown(dto, "");
            if (dto.Format is not null && dto.Format != FormatName) Error("format", $"expected '{FormatName}', not '{dto.Format}'");
            if (dto.Version is null) Error("version", $"required: the format version ({RoutingRuleSet.FormatVersion})");
            else if (dto.Version != RoutingRuleSet.FormatVersion) Error("version", $"unsupported version {dto.Version} (this library reads version {RoutingRuleSet.FormatVersion})");
            var custom = dto.CustomStatuses ?? [];
            for (var i = 0; i < custom.Count; i++)
            {
                if (InventoryStatus.TryFrom(custom[i], out var st)) b.DeclareStatus(st);
                else Error($"custom_statuses[{i}]", $"'{custom[i]}' is not a valid status name (1-64 letters, digits, '_' or '-')");
            }
            var known = new HashSet<InventoryStatus>(InventoryStatus.WellKnown);
            foreach (var c in custom) if (InventoryStatus.TryFrom(c, out var st)) known.Add(st);
            if (dto.Locations is null) Error("locations", "required: at least one location");
            else for (var i = 0; i < dto.Locations.Count; i++)
            {
                if (MapLocation(dto.Locations[i], $"locations[{i}]") is { } l) b.AddLocation(l);
            }
            if (dto.Rules is null) Error("rules", "required: at least one rule");
            else for (var i = 0; i < dto.Rules.Count; i++)
            {
                if (MapRule(dto.Rules[i], $"rules[{i}]", known) is { } r) b.AddRule(r);
                else b.AddRule(new RoutingRule($"(invalid rule {i})", RoutingConditions.Always, new RoutingActions())); // keeps later indices aligned
            }
            return b;
        }

        private RoutingLocation? MapLocation(LocationDto? dto, string p)
        {
            if (dto is null)
            {
                Error(p, "a location must be an object");
                return null;
            }
            Unknown(dto, p);
            if (!LocationId.TryFrom(dto.Id, out var id))
            {
                Error($"{p}.id", "required: a location id (1-200 characters, no control characters)");
                return null;
            }
            var location = new RoutingLocation(id) { Groups = Strings(dto.Groups, $"{p}.groups") };
            if (dto.TimeZone is { } tz)
            {
                if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz.Trim()) is { } zone) location = location with { TimeZone = zone };
                else Error($"{p}.time_zone", $"unknown time zone '{tz}' (use a TZDB id such as 'America/New_York')");
            }
            if (dto.Cutoff is { } cutoff)
            {
                var parsed = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(cutoff.Trim());
                if (parsed.Success) location = location with { Cutoff = parsed.Value };
                else Error($"{p}.cutoff", $"'{cutoff}' is not a time in HH:mm form");
            }
            if (dto.WorkingDays is { } days)
            {
                var list = new List<IsoDayOfWeek>();
                var bad = false;
                for (var i = 0; i < days.Count; i++)
                {
                    if (Day(days[i]) is { } d) list.Add(d);
                    else
                    {
                        Error($"{p}.working_days[{i}]", $"'{days[i]}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
                        bad = true;
                    }
                }
                if (!bad) location = location with { WorkingDays = list }; // on a bad day, report it alone (no cascade)
            }
            if (dto.Latitude is not null || dto.Longitude is not null)
            {
                if (dto.Latitude is not { } lat || dto.Longitude is not { } lon) Error($"{p}.{(dto.Latitude is null ? "latitude" : "longitude")}", "latitude and longitude go together");
                else if (lat is < -90 or > 90) Error($"{p}.latitude", $"{lat} is outside -90..90");
                else if (lon is < -180 or > 180) Error($"{p}.longitude", $"{lon} is outside -180..180");
                else location = location with { Coordinates = new GeoPoint(lat, lon) };
            }
            if (dto.Address is { } a)
            {
                Unknown(a, $"{p}.address");
                try
                {
                    location = location with { Address = Address.Create(a.City, a.Region, a.PostalCode, a.Country) };
                }
                catch (ArgumentException)
                {
                    Error($"{p}.address.country", $"'{a.Country}' is not an ISO 3166-1 alpha-2 country code");
                }
            }
            return location;
        }

        private RoutingRule? MapRule(RuleDto? dto, string p, HashSet<InventoryStatus> known)
        {
            if (dto is null)
            {
                Error(p, "a rule must be an object");
                return null;
            }
            Unknown(dto, p);
            var when = MapWhen(dto.When, $"{p}.when");
            var then = MapThen(dto.Then, $"{p}.then", known);
            if (dto.Then is null) Error($"{p}.then", "required: the rule's actions (use {} for the defaults)");
            return new RoutingRule(dto.Name ?? "", when, then);
        }

        private RoutingConditions MapWhen(WhenDto? w, string p)
        {
            if (w is null) return RoutingConditions.Always;
            Unknown(w, p);
            var channels = new List<ChannelMatch>();
            for (var i = 0; i < (w.Channels?.Count ?? 0); i++)
            {
                var c = w.Channels![i];
                Unknown(c, $"{p}.channels[{i}]");
                if (!ChannelId.TryFrom(c?.Channel, out var channel))
                {
                    Error($"{p}.channels[{i}].channel", "required: a channel id");
                    continue;
                }
                ChannelAccountId? account = null;
                if (c!.Account is not null)
                {
                    if (ChannelAccountId.TryFrom(c.Account, out var a)) account = a;
                    else Error($"{p}.channels[{i}].account", $"'{c.Account}' is not a valid account id");
                }
                channels.Add(new ChannelMatch(channel, account));
            }
            FulfilmentChannel? fc = null;
            if (w.FulfilmentChannel is { } f)
            {
                fc = Enum<FulfilmentChannel>(f, $"{p}.fulfilment_channel", "fulfilment channel");
            }
            var levels = new List<ServiceLevel>();
            for (var i = 0; i < (w.ServiceLevels?.Count ?? 0); i++)
            {
                if (Enum<ServiceLevel>(w.ServiceLevels![i], $"{p}.service_levels[{i}]", "service level") is { } level) levels.Add(level);
            }
            Unknown(w.Destination, $"{p}.destination");
            Unknown(w.Tags, $"{p}.tags");
            var attributes = new List<SkuAttributeCondition>();
            for (var i = 0; i < (w.SkuAttributes?.Count ?? 0); i++)
            {
                var a = w.SkuAttributes![i];
                var ap = $"{p}.sku_attributes[{i}]";
                if (a is null)
                {
                    Error(ap, "an attribute condition must be an object");
                    continue;
                }
                Unknown(a, ap);
                var match = a.Match is null ? AttributeMatch.Any : Enum<AttributeMatch>(a.Match, $"{ap}.match", "attribute match") ?? AttributeMatch.Any;
                attributes.Add(new SkuAttributeCondition(a.Name ?? "", Strings(a.Values, $"{ap}.values"), match));
            }
            OrderValueRange? value = null;
            if (w.OrderValue is { } v)
            {
                Unknown(v, $"{p}.order_value");
                if (!CurrencyCode.TryFrom(v.Currency, out var currency)) Error($"{p}.order_value.currency", $"required: an ISO 4217 currency code{(v.Currency is null ? "" : $", not '{v.Currency}'")}");
                else value = new OrderValueRange(currency, v.Min, v.Max);
            }
            Unknown(w.LineCount, $"{p}.line_count");
            Duration? within = null;
            if (w.ShipByWithin is { } text)
            {
                var parsed = PeriodPattern.NormalizingIso.Parse(text.Trim());
                if (!parsed.Success || parsed.Value.HasDateComponent && (parsed.Value.Months != 0 || parsed.Value.Years != 0))
                {
                    Error($"{p}.ship_by_within", $"'{text}' is not an ISO 8601 duration in weeks, days, hours or minutes (e.g. PT24H, P2D)");
                }
                else within = parsed.Value.Normalize().ToDuration();
            }
            return new RoutingConditions
            {
                Channels = channels,
                FulfilmentChannel = fc,
                Countries = Strings(w.Destination?.Countries, $"{p}.destination.countries"),
                Regions = Strings(w.Destination?.Regions, $"{p}.destination.regions"),
                PostalPrefixes = Strings(w.Destination?.PostalPrefixes, $"{p}.destination.postal_prefixes"),
                ServiceLevels = levels,
                TagsAll = Strings(w.Tags?.All, $"{p}.tags.all"),
                TagsAny = Strings(w.Tags?.Any, $"{p}.tags.any"),
                TagsNone = Strings(w.Tags?.None, $"{p}.tags.none"),
                SkuAttributes = attributes,
                OrderValue = value,
                MinLines = w.LineCount?.Min,
                MaxLines = w.LineCount?.Max,
                ShipByWithin = within,
            };
        }

        private RoutingActions MapThen(ThenDto? t, string p, HashSet<InventoryStatus> known)
        {
            var actions = new RoutingActions();
            if (t is null) return actions;
            Unknown(t, p);
            actions = actions with
            {
                Locations = Locations(t.Locations, $"{p}.locations"),
                LocationGroups = Strings(t.LocationGroups, $"{p}.location_groups"),
                ExcludedLocations = Locations(t.ExcludeLocations, $"{p}.exclude_locations"),
            };
            if (t.Statuses is { } statuses)
            {
                var list = new List<InventoryStatus>();
                for (var i = 0; i < statuses.Count; i++)
                {
                    if (InventoryStatus.TryFrom(statuses[i], out var st) && known.Contains(st)) list.Add(st);
                    else Error($"{p}.statuses[{i}]", $"unknown inventory status '{statuses[i]}' (known: {string.Join(", ", known.Select(x => x.Name).Order(StringComparer.Ordinal))}; declare others in custom_statuses)");
                }
                actions = actions with { Statuses = list.Count == 0 && statuses.Count > 0 ? [InventoryStatus.Sellable] : list };
            }
            if (t.Strategy is { } strategy && Enum<RoutingStrategy>(strategy, $"{p}.strategy", "strategy") is { } s) actions = actions with { Strategy = s };
            if (t.Split is { } split)
            {
                Unknown(split, $"{p}.split");
                var kind = split.Policy is null ? (SplitKind?)null : Enum<SplitKind>(split.Policy, $"{p}.split.policy", "split policy");
                if (split.Policy is null) Error($"{p}.split.policy", "required: never, allowed, at_most or when_no_single_location");
                if (kind is { } k)
                {
                    if (k != SplitKind.AtMost && split.MaxShipments is not null) Error($"{p}.split.max_shipments", "only at_most takes max_shipments");
                    actions = actions with { Split = new SplitPolicy(k, k == SplitKind.AtMost ? split.MaxShipments ?? 0 : 0) };
                }
            }
            if (t.KitsShipTogether is { } kits) actions = actions with { KitsShipTogether = kits };
            if (t.WorkQueue is { } queue) actions = actions with { WorkQueue = queue.Trim() };
            if (t.ShipMethod is { } method) actions = actions with { ShipMethod = method.Trim() };
            if (t.WhenUnfillable is { } u)
            {
                Unknown(u, $"{p}.when_unfillable");
                var kind = u.Action is null ? null : Enum<UnfillableKind>(u.Action, $"{p}.when_unfillable.action", "unfillable action");
                if (u.Action is null) Error($"{p}.when_unfillable.action", "required: next_rule, backorder, hold or exception");
                HoldReason? hold = null;
                if (u.HoldReason is { } h)
                {
                    hold = Enum<HoldReason>(h, $"{p}.when_unfillable.hold_reason", "hold reason");
                    if (kind is not null and not UnfillableKind.Hold) Error($"{p}.when_unfillable.hold_reason", "only the hold action takes a hold_reason");
                }
                if (kind is { } uk) actions = actions with { WhenUnfillable = new UnfillableAction(uk, string.IsNullOrWhiteSpace(u.Reason) ? null : u.Reason.Trim(), uk == UnfillableKind.Hold ? hold ?? HoldReason.Inventory : null) };
            }
            if (t.ShipBy is { } shipBy && Enum<ShipByPolicy>(shipBy, $"{p}.ship_by", "ship-by policy") is { } policy) actions = actions with { ShipBy = policy };
            if (t.PreferEarliestShipDate is { } earliest) actions = actions with { PreferEarliestShipDate = earliest };
            if (t.MaxDistanceKm is { } km) actions = actions with { MaxDistanceKm = km };
            return actions;
        }

        private List<LocationId> Locations(List<string?>? values, string p)
        {
            var list = new List<LocationId>();
            for (var i = 0; i < (values?.Count ?? 0); i++)
            {
                if (LocationId.TryFrom(values![i], out var id)) list.Add(id);
                else Error($"{p}[{i}]", "a location id is required");
            }
            return list;
        }

        private List<string> Strings(List<string?>? values, string p)
        {
            var list = new List<string>();
            for (var i = 0; i < (values?.Count ?? 0); i++)
            {
                if (string.IsNullOrWhiteSpace(values![i])) Error($"{p}[{i}]", "must not be blank");
                else list.Add(values[i]!.Trim());
            }
            return list;
        }

        private T? Enum<T>(string? text, string path, string what)
            where T : struct, Enum
        {
            var key = Key(text);
            foreach (var value in System.Enum.GetValues<T>())
            {
                if (Key(value.ToString()) == key) return value;
            }
            Error(path, $"unknown {what} '{text}' (expected one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => Snake(v.ToString())))})");
            return null;
        }

        private static string Key(string? text) => new((text ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

        private static IsoDayOfWeek? Day(string? text)
        {
            var key = Key(text);
            if (key.Length < 3) return null;
            foreach (var d in System.Enum.GetValues<IsoDayOfWeek>())
            {
                if (d == IsoDayOfWeek.None) continue;
                var name = d.ToString().ToLowerInvariant();
                if (name.StartsWith(key, StringComparison.Ordinal)) return d;
            }
            return null;
        }
    }

    /// <summary><c>MostAvailable</c> → <c>most_available</c>.</summary>
    internal static string Snake(string pascal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }
}
