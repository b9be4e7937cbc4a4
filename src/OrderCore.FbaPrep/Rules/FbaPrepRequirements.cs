using System.Collections.Frozen;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>
/// The FBA prep, labelling, expiry, carton and case-pack rules of one marketplace: configuration with a source for every
/// value, never bare constants. Defaults for US, India, UK, Germany and Australia are in <see cref="FbaMarketplaces"/>.
/// </summary>
/// <remarks>
/// Build one with <see cref="CreateBuilder"/> or change a default with <see cref="ToBuilder"/>;
/// <see cref="Builder.Build"/> validates everything and reports every error at once.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class FbaPrepRequirements
{
    private FbaPrepRequirements(Builder b)
    {
        MarketplaceCode = b.MarketplaceCode!.Trim();
        MarketplaceId = b.MarketplaceId!.Trim();
        Name = string.IsNullOrWhiteSpace(b.Name) ? MarketplaceCode : b.Name.Trim();
        UnitSystem = b.UnitSystem;
        Categories = b.CategoryMap.ToFrozenDictionary();
        Polybag = b.Polybag!;
        Labels = b.Labels!;
        Owners = b.Owners!;
        Expiry = b.Expiry!;
        Cartons = b.Cartons!;
        CasePacks = b.CasePacks!;
        DefaultBoxContentSource = b.DefaultBoxContentSource;
        Notes = b.Notes.ToArray();
    }

    /// <summary>The marketplace's short code, e.g. <c>US</c> or <c>IN</c>.</summary>
    public string MarketplaceCode { get; }

    /// <summary>The SP-API marketplace id used in <c>destinationMarketplaces</c>, e.g. <c>ATVPDKIKX0DER</c> (US) or <c>A21TJRUUN4KGV</c> (India).</summary>
    public string MarketplaceId { get; }

    /// <summary>A display name, e.g. <c>Amazon.in</c>.</summary>
    public string Name { get; }

    /// <summary>The units limits are stated and request bodies are written in.</summary>
    public FbaUnitSystem UnitSystem { get; }

    /// <summary>Required prep per input category (every category except <c>UNKNOWN</c> and <c>FC_PROVIDED</c>).</summary>
    public IReadOnlyDictionary<PrepCategory, CategoryRequirement> Categories { get; }

    /// <summary>Poly bag rules.</summary>
    public PolybagRules Polybag { get; }

    /// <summary>Unit label rules.</summary>
    public LabelRules Labels { get; }

    /// <summary>Accepted prep and label owners.</summary>
    public OwnerRules Owners { get; }

    /// <summary>Expiration-dated product rules.</summary>
    public ExpiryRules Expiry { get; }

    /// <summary>Carton limits.</summary>
    public CartonLimits Cartons { get; }

    /// <summary>Case-pack rules.</summary>
    public CasePackRules CasePacks { get; }

    /// <summary>How box contents are given by default.</summary>
    /// <value>Default <see cref="BoxContentSource.BoxContentProvided"/>.</value>
    public BoxContentSource DefaultBoxContentSource { get; }

    /// <summary>Which rule set is applied where the marketplace publishes none, and other caveats.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The minimum days between receipt and expiry for a SKU: the marketplace minimum, or the consumption period plus the margin when larger.</summary>
    public int MinRemainingShelfLifeDays(PrepProfile profile)
    {
        Check.NotNull(profile);
        var min = Expiry.MinRemainingShelfLifeDays.Value;
        return profile.ConsumptionPeriodDays is { } period ? Math.Max(min, checked(period + Expiry.ConsumptionPeriodMarginDays.Value)) : min;
    }

    /// <summary>An empty builder for a marketplace.</summary>
    public static Builder CreateBuilder(string marketplaceCode, string marketplaceId) => new() { MarketplaceCode = marketplaceCode, MarketplaceId = marketplaceId };

    /// <summary>A builder holding these rules, to change some of them.</summary>
    public Builder ToBuilder()
    {
        var b = new Builder
        {
            MarketplaceCode = MarketplaceCode,
            MarketplaceId = MarketplaceId,
            Name = Name,
            UnitSystem = UnitSystem,
            Polybag = Polybag,
            Labels = Labels,
            Owners = Owners,
            Expiry = Expiry,
            Cartons = Cartons,
            CasePacks = CasePacks,
            DefaultBoxContentSource = DefaultBoxContentSource,
        };
        foreach (var (c, r) in Categories) b.CategoryMap[c] = r;
        b.Notes.AddRange(Notes);
        return b;
    }

    /// <summary>Mutable builder of <see cref="FbaPrepRequirements"/>. Not thread-safe.</summary>
    public sealed class Builder
    {
        internal Builder() { }

        internal Dictionary<PrepCategory, CategoryRequirement> CategoryMap { get; } = new();

        /// <summary>The marketplace's short code, e.g. <c>US</c>. Required.</summary>
        public string? MarketplaceCode { get; set; }

        /// <summary>The SP-API marketplace id, 1 to 20 characters. Required.</summary>
        public string? MarketplaceId { get; set; }

        /// <summary>A display name; default the code.</summary>
        public string? Name { get; set; }

        /// <summary>The unit system; default <see cref="FbaUnitSystem.Metric"/>.</summary>
        public FbaUnitSystem UnitSystem { get; set; } = FbaUnitSystem.Metric;

        /// <summary>Poly bag rules. Required.</summary>
        public PolybagRules? Polybag { get; set; }

        /// <summary>Label rules. Required.</summary>
        public LabelRules? Labels { get; set; }

        /// <summary>Owner rules. Required.</summary>
        public OwnerRules? Owners { get; set; }

        /// <summary>Expiry rules. Required.</summary>
        public ExpiryRules? Expiry { get; set; }

        /// <summary>Carton limits. Required.</summary>
        public CartonLimits? Cartons { get; set; }

        /// <summary>Case-pack rules. Required.</summary>
        public CasePackRules? CasePacks { get; set; }

        /// <summary>The default box content source; default <see cref="BoxContentSource.BoxContentProvided"/>.</summary>
        public BoxContentSource DefaultBoxContentSource { get; set; } = BoxContentSource.BoxContentProvided;

        /// <summary>Notes on the rule set (which rules apply where the marketplace publishes none).</summary>
        public List<string> Notes { get; } = new();

        /// <summary>The configured category requirements.</summary>
        public IReadOnlyDictionary<PrepCategory, CategoryRequirement> Categories => CategoryMap;

        /// <summary>Sets what a category requires: every type of at least one alternative (no alternatives: nothing).</summary>
        /// <returns>This builder, so that calls can be chained.</returns>
        public Builder SetCategory(PrepCategory category, string description, RuleSource source, params PrepType[][] alternatives)
        {
            CategoryMap[category] = new CategoryRequirement(category, (alternatives ?? []).Select(a => (IReadOnlyList<PrepType>)(a ?? []).ToArray()).ToArray(), description ?? string.Empty, source);
            return this;
        }

        /// <summary>Removes a category's requirement (the builder then reports it missing unless it is set again).</summary>
        /// <returns>This builder, so that calls can be chained.</returns>
        public Builder RemoveCategory(PrepCategory category)
        {
            CategoryMap.Remove(category);
            return this;
        }

        /// <summary>Every problem with the current settings; empty when <see cref="Build"/> would succeed.</summary>
        public IReadOnlyList<string> Validate()
        {
            var errors = new List<string>();
            if (string.IsNullOrWhiteSpace(MarketplaceCode)) errors.Add("MarketplaceCode is required.");
            if (string.IsNullOrWhiteSpace(MarketplaceId)) errors.Add("MarketplaceId is required.");
            else if (MarketplaceId.Trim().Length > 20) errors.Add($"MarketplaceId '{MarketplaceId}' is longer than 20 characters (SP-API destinationMarketplaces items are 1 to 20).");
            foreach (var c in Enum.GetValues<PrepCategory>())
            {
                var inputOnly = c is not (PrepCategory.Unknown or PrepCategory.FcProvided);
                if (inputOnly && !CategoryMap.ContainsKey(c)) errors.Add($"Category {FbaApiNames.ToApi(c)} has no requirement: every input category needs one (use no alternatives for 'nothing required').");
                if (!inputOnly && CategoryMap.ContainsKey(c)) errors.Add($"Category {FbaApiNames.ToApi(c)} is output-only in the API and cannot have a requirement.");
            }
            foreach (var r in CategoryMap.Values)
            {
                if (r.Source is null) errors.Add($"Category {FbaApiNames.ToApi(r.Category)} needs a source.");
                if (r.Alternatives.Any(a => a.Count == 0)) errors.Add($"Category {FbaApiNames.ToApi(r.Category)} has an empty alternative; leave out alternatives instead to require nothing.");
            }
            if (Polybag is null) errors.Add("Polybag rules are required.");
            else
            {
                if (Polybag.MinFilmThicknessMil.Value <= 0) errors.Add($"Polybag.MinFilmThicknessMil must be greater than 0 (was {Polybag.MinFilmThicknessMil.Value}).");
                if (Polybag.SuffocationWarningOpening.Value.Value <= 0) errors.Add("Polybag.SuffocationWarningOpening must be greater than 0.");
                if (Polybag.WarningFontSizes.Any(f => f.MinPoints <= 0 || f.MinLengthPlusWidthInches < 0)) errors.Add("Polybag.WarningFontSizes need positive point sizes and non-negative bag sizes.");
            }
            if (Labels is null) errors.Add("Label rules are required.");
            if (Owners is null) errors.Add("Owner rules are required.");
            if (Expiry is null) errors.Add("Expiry rules are required.");
            else
            {
                if (Expiry.MinRemainingShelfLifeDays.Value < 0) errors.Add($"Expiry.MinRemainingShelfLifeDays must not be negative (was {Expiry.MinRemainingShelfLifeDays.Value}).");
                if (Expiry.ConsumptionPeriodMarginDays.Value < 0) errors.Add($"Expiry.ConsumptionPeriodMarginDays must not be negative (was {Expiry.ConsumptionPeriodMarginDays.Value}).");
            }
            if (Cartons is null) errors.Add("Carton limits are required.");
            else
            {
                var d = Cartons.MaxDimensions.Value;
                if (d.Length <= 0 || d.Width <= 0 || d.Height <= 0) errors.Add($"Cartons.MaxDimensions must be positive on every side (was {d}).");
                if (Cartons.MaxWeight.Value.Value <= 0) errors.Add("Cartons.MaxWeight must be greater than 0.");
                if (Cartons.JewelryMaxWeight is { } j && j.Value.Value <= 0) errors.Add("Cartons.JewelryMaxWeight must be greater than 0.");
                foreach (var l in Cartons.HandlingLabels)
                {
                    if (string.IsNullOrWhiteSpace(l.Label)) errors.Add("Cartons.HandlingLabels: a label text is blank.");
                    if (l.Above.Value <= 0) errors.Add($"Cartons.HandlingLabels: '{l.Label}' needs a threshold greater than 0.");
                }
            }
            if (CasePacks is null) errors.Add("Case-pack rules are required.");
            else if (CasePacks.MaxUnitsPerCase.Value < 1) errors.Add($"CasePacks.MaxUnitsPerCase must be at least 1 (was {CasePacks.MaxUnitsPerCase.Value}).");
            return errors;
        }

        /// <summary>Builds the immutable rules.</summary>
        /// <exception cref="FbaPrepConfigurationException">A setting is missing or out of range; the exception lists every problem.</exception>
        public FbaPrepRequirements Build()
        {
            var errors = Validate();
            if (errors.Count > 0) throw new FbaPrepConfigurationException(MarketplaceCode, errors);
            return new FbaPrepRequirements(this);
        }
    }
}

/// <summary>Thrown when FBA prep rules or planning options are invalid; lists every problem at once.</summary>
public sealed class FbaPrepConfigurationException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public FbaPrepConfigurationException(string? marketplace, IReadOnlyList<string> errors)
        : base($"Invalid FBA prep configuration{(string.IsNullOrWhiteSpace(marketplace) ? "" : $" for {marketplace}")}: {string.Join(" ", errors)}")
    {
        Marketplace = marketplace;
        Errors = errors;
    }

    /// <summary>The marketplace code, if known.</summary>
    public string? Marketplace { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Errors { get; }
}
