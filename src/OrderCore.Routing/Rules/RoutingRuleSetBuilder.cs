using OrderCore.Inventory;
using OrderCore.Routing.Geo;

namespace OrderCore.Routing.Rules;

/// <summary>
/// Builds a <see cref="RoutingRuleSet"/>. Add locations, custom statuses and rules in any order, then
/// <see cref="Build"/>: it validates everything and reports every problem at once, each named by its JSON path.
/// </summary>
/// <example>
/// <code>
/// var rules = new RoutingRuleSetBuilder { Name = "acme" }
///     .AddLocation(new RoutingLocation(LocationId.From("WH-EAST")) { TimeZone = tz, Cutoff = new LocalTime(15, 0) })
///     .AddRule(new RoutingRule("dtc", new RoutingConditions { FulfilmentChannel = FulfilmentChannel.Merchant },
///                              new RoutingActions { Split = SplitPolicy.WhenNoSingleLocation }))
///     .Build();
/// </code>
/// </example>
/// <threadsafety>Not thread-safe; the rule set it builds is.</threadsafety>
public sealed class RoutingRuleSetBuilder
{
    private readonly List<RoutingLocation> _locations = new();
    private readonly List<RoutingRule> _rules = new();
    private readonly List<InventoryStatus> _customStatuses = new();

    /// <summary>The rule set's name; optional.</summary>
    public string? Name { get; set; }

    /// <summary>Places locations that have an address but no coordinates. Default <see cref="CentroidGeoResolver.Default"/>.</summary>
    public IGeoResolver GeoResolver { get; set; } = CentroidGeoResolver.Default;

    /// <summary>The locations added so far.</summary>
    public IReadOnlyList<RoutingLocation> Locations => _locations;

    /// <summary>The rules added so far, in evaluation order.</summary>
    public IReadOnlyList<RoutingRule> Rules => _rules;

    /// <summary>Adds a location (its position is its place in the rule set's order).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="location"/> is null.</exception>
    public RoutingRuleSetBuilder AddLocation(RoutingLocation location)
    {
        _locations.Add(location ?? throw new ArgumentNullException(nameof(location)));
        return this;
    }

    /// <summary>Declares a custom inventory status rules may name (the eight well-known ones need no declaration).</summary>
    public RoutingRuleSetBuilder DeclareStatus(InventoryStatus status)
    {
        _customStatuses.Add(status);
        return this;
    }

    /// <summary>Appends a rule.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public RoutingRuleSetBuilder AddRule(RoutingRule rule)
    {
        _rules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));
        return this;
    }

    /// <summary>Appends a rule from its parts.</summary>
    public RoutingRuleSetBuilder AddRule(string name, RoutingConditions when, RoutingActions then) => AddRule(new RoutingRule(name, when, then));

    /// <summary>Every problem of the current content; empty when <see cref="Build"/> would succeed.</summary>
    public IReadOnlyList<RoutingRuleError> Validate()
    {
        var errors = new List<RoutingRuleError>();
        void Error(string path, string message) => errors.Add(new RoutingRuleError(path, message));

        var ids = new HashSet<LocationId>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        if (_locations.Count == 0) Error("locations", "a rule set needs at least one location");
        for (var i = 0; i < _locations.Count; i++)
        {
            var l = _locations[i];
            var p = $"locations[{i}]";
            if (l.Id.IsDefault) Error($"{p}.id", "a location needs an id");
            else if (!ids.Add(l.Id)) Error($"{p}.id", $"location '{l.Id}' is listed twice");
            if (l.TimeZone is null) Error($"{p}.time_zone", "a location needs a time zone");
            if (l.WorkingDays is null || l.WorkingDays.Count == 0) Error($"{p}.working_days", "a location needs at least one working day");
            else for (var d = 0; d < l.WorkingDays.Count; d++)
            {
                if (l.WorkingDays[d] is < NodaTime.IsoDayOfWeek.Monday or > NodaTime.IsoDayOfWeek.Sunday) Error($"{p}.working_days[{d}]", $"'{l.WorkingDays[d]}' is not a day of the week");
            }
            for (var g = 0; g < (l.Groups?.Count ?? 0); g++)
            {
                if (string.IsNullOrWhiteSpace(l.Groups![g])) Error($"{p}.groups[{g}]", "a group name cannot be blank");
                else groups.Add(l.Groups[g]);
            }
        }

        var known = new HashSet<InventoryStatus>(InventoryStatus.WellKnown);
        for (var i = 0; i < _customStatuses.Count; i++)
        {
            if (_customStatuses[i].IsDefault) Error($"custom_statuses[{i}]", "a status needs a name");
            else known.Add(_customStatuses[i]);
        }

        if (_rules.Count == 0) Error("rules", "a rule set needs at least one rule");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _rules.Count; i++)
        {
            var r = _rules[i];
            var p = $"rules[{i}]";
            if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 100) Error($"{p}.name", "a rule needs a name of 1 to 100 characters");
            else if (!names.Add(r.Name)) Error($"{p}.name", $"rule name '{r.Name}' is used twice");
            if (r.When is null) Error($"{p}.when", "conditions are required (use RoutingConditions.Always)");
            else ValidateWhen(r.When, $"{p}.when", Error);
            if (r.Then is null)
            {
                Error($"{p}.then", "actions are required");
                continue;
            }
            ValidateThen(r.Then, $"{p}.then", ids, groups, known, Error);
        }
        if (errors.Count == 0)
        {
            // Cross-checks that need a consistent set: nearest/max-distance rules need placed locations.
            for (var i = 0; i < _rules.Count; i++)
            {
                var then = _rules[i].Then;
                if (then.Strategy != RoutingStrategy.Nearest && then.MaxDistanceKm is null) continue;
                foreach (var li in Candidates(then))
                {
                    var l = _locations[li];
                    if (l.Coordinates is null && (l.Address is null || !GeoResolver.TryResolve(l.Address, out _)))
                    {
                        Error($"locations[{li}]", $"location '{l.Id}' needs latitude/longitude or an address the geo resolver can place, because rule '{_rules[i].Name}' ranks or limits by distance");
                    }
                }
                if (Candidates(then).Count == 0) Error($"rules[{i}].then", "no location is left once exclusions are applied");
            }
            for (var i = 0; i < _rules.Count; i++)
            {
                if (Candidates(_rules[i].Then).Count == 0 && !errors.Any(e => e.Path == $"rules[{i}].then")) Error($"rules[{i}].then", "no location is left once exclusions are applied");
            }
        }
        return errors;
    }

    /// <summary>Validates and builds the immutable rule set.</summary>
    /// <exception cref="RoutingRuleSetException">Anything is invalid; <see cref="RoutingRuleSetException.Errors"/> lists every problem.</exception>
    public RoutingRuleSet Build()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new RoutingRuleSetException(errors);
        return new RoutingRuleSet(Name, _locations.ToArray(), _rules.ToArray(), _customStatuses.Distinct().ToArray(), GeoResolver ?? CentroidGeoResolver.Default);
    }

    /// <summary>Builds the rule set, or returns false with every problem.</summary>
    public bool TryBuild(out RoutingRuleSet? ruleSet, out IReadOnlyList<RoutingRuleError> errors)
    {
        errors = Validate();
        ruleSet = errors.Count == 0 ? new RoutingRuleSet(Name, _locations.ToArray(), _rules.ToArray(), _customStatuses.Distinct().ToArray(), GeoResolver ?? CentroidGeoResolver.Default) : null;
        return ruleSet is not null;
    }

    private List<int> Candidates(RoutingActions then)
    {
        var result = new List<int>();
        for (var i = 0; i < _locations.Count; i++)
        {
            var l = _locations[i];
            var listed = (then.Locations.Count == 0 && then.LocationGroups.Count == 0)
                || then.Locations.Contains(l.Id)
                || then.LocationGroups.Any(g => l.Groups.Contains(g, StringComparer.Ordinal));
            if (listed && !then.ExcludedLocations.Contains(l.Id)) result.Add(i);
        }
        return result;
    }

    private static void ValidateWhen(RoutingConditions w, string p, Action<string, string> error)
    {
        for (var i = 0; i < w.Channels.Count; i++)
        {
            if (w.Channels[i].Channel.IsDefault) error($"{p}.channels[{i}].channel", "a channel is required");
        }
        for (var i = 0; i < w.Countries.Count; i++)
        {
            var c = w.Countries[i]?.Trim();
            if (c is null || c.Length != 2 || !char.IsAsciiLetter(c[0]) || !char.IsAsciiLetter(c[1])) error($"{p}.destination.countries[{i}]", $"'{w.Countries[i]}' is not an ISO 3166-1 alpha-2 country code");
        }
        for (var i = 0; i < w.Regions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(w.Regions[i])) error($"{p}.destination.regions[{i}]", "a region cannot be blank");
        }
        for (var i = 0; i < w.PostalPrefixes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(w.PostalPrefixes[i])) error($"{p}.destination.postal_prefixes[{i}]", "a postal prefix cannot be blank");
        }
        for (var i = 0; i < w.ServiceLevels.Count; i++)
        {
            if (!Enum.IsDefined(w.ServiceLevels[i])) error($"{p}.service_levels[{i}]", $"'{w.ServiceLevels[i]}' is not a service level");
        }
        CheckTags(w.TagsAll, $"{p}.tags.all");
        CheckTags(w.TagsAny, $"{p}.tags.any");
        CheckTags(w.TagsNone, $"{p}.tags.none");
        for (var i = 0; i < w.SkuAttributes.Count; i++)
        {
            var a = w.SkuAttributes[i];
            if (a is null || string.IsNullOrWhiteSpace(a.Name)) error($"{p}.sku_attributes[{i}].name", "an attribute name is required");
            else if (a.Values is null) error($"{p}.sku_attributes[{i}].values", "values are required (empty for 'present')");
            else if (!Enum.IsDefined(a.Match)) error($"{p}.sku_attributes[{i}].match", $"'{a.Match}' is not a match kind");
        }
        if (w.OrderValue is { } v)
        {
            if (v.Currency.IsDefault) error($"{p}.order_value.currency", "a currency is required");
            if (v.Min is null && v.Max is null) error($"{p}.order_value", "give min, max or both");
            if (v.Min is { } min && v.Max is { } max && min > max) error($"{p}.order_value", $"min {min} is greater than max {max}");
        }
        if (w.MinLines is < 0) error($"{p}.line_count.min", "must be 0 or more");
        if (w.MaxLines is < 0) error($"{p}.line_count.max", "must be 0 or more");
        if (w.MinLines is { } lo && w.MaxLines is { } hi && lo > hi) error($"{p}.line_count", $"min {lo} is greater than max {hi}");
        if (w.ShipByWithin is { } d && d < NodaTime.Duration.Zero) error($"{p}.ship_by_within", "must not be negative");

        void CheckTags(IReadOnlyList<string> tags, string path)
        {
            for (var i = 0; i < tags.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(tags[i])) error($"{path}[{i}]", "a tag cannot be blank");
            }
        }
    }

    private static void ValidateThen(RoutingActions t, string p, HashSet<LocationId> ids, HashSet<string> groups, HashSet<InventoryStatus> statuses, Action<string, string> error)
    {
        for (var i = 0; i < t.Locations.Count; i++)
        {
            if (!ids.Contains(t.Locations[i])) error($"{p}.locations[{i}]", $"unknown location '{t.Locations[i]}'");
        }
        for (var i = 0; i < t.LocationGroups.Count; i++)
        {
            if (!groups.Contains(t.LocationGroups[i] ?? "")) error($"{p}.location_groups[{i}]", $"unknown location group '{t.LocationGroups[i]}' (no location is in it)");
        }
        for (var i = 0; i < t.ExcludedLocations.Count; i++)
        {
            if (!ids.Contains(t.ExcludedLocations[i])) error($"{p}.exclude_locations[{i}]", $"unknown location '{t.ExcludedLocations[i]}'");
        }
        if (t.Statuses is null || t.Statuses.Count == 0) error($"{p}.statuses", "at least one inventory status is required");
        else
        {
            var seen = new HashSet<InventoryStatus>();
            for (var i = 0; i < t.Statuses.Count; i++)
            {
                var s = t.Statuses[i];
                if (s.IsDefault || !statuses.Contains(s)) error($"{p}.statuses[{i}]", $"unknown inventory status '{s}' (known: {string.Join(", ", statuses.Select(x => x.Name).Order(StringComparer.Ordinal))}; declare others in custom_statuses)");
                else if (!seen.Add(s)) error($"{p}.statuses[{i}]", $"status '{s}' is listed twice");
            }
        }
        if (!Enum.IsDefined(t.Strategy)) error($"{p}.strategy", $"unknown strategy '{t.Strategy}'");
        if (!Enum.IsDefined(t.Split.Kind)) error($"{p}.split.policy", $"unknown split policy '{t.Split.Kind}'");
        else if (t.Split.Kind == SplitKind.AtMost && t.Split.MaxShipments < 1) error($"{p}.split.max_shipments", $"at_most needs max_shipments of 1 or more (was {t.Split.MaxShipments})");
        if (string.IsNullOrWhiteSpace(t.WorkQueue)) error($"{p}.work_queue", "a work queue is required");
        if (t.ShipMethod is { } m && string.IsNullOrWhiteSpace(m)) error($"{p}.ship_method", "a ship method cannot be blank (omit it instead)");
        if (t.WhenUnfillable is null) error($"{p}.when_unfillable", "an unfillable action is required");
        else
        {
            if (!Enum.IsDefined(t.WhenUnfillable.Kind)) error($"{p}.when_unfillable.action", $"unknown unfillable action '{t.WhenUnfillable.Kind}'");
            if (t.WhenUnfillable.HoldReason is { } h && !Enum.IsDefined(h)) error($"{p}.when_unfillable.hold_reason", $"unknown hold reason '{h}'");
        }
        if (!Enum.IsDefined(t.ShipBy)) error($"{p}.ship_by", $"unknown ship-by policy '{t.ShipBy}'");
        if (t.MaxDistanceKm is { } km && !(km > 0)) error($"{p}.max_distance_km", $"must be greater than 0 (was {km})");
    }
}
