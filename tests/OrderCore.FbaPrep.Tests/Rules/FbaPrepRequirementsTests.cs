using System.Text.Json;
using OrderCore.FbaPrep.Tests.Support;

namespace OrderCore.FbaPrep.Tests.Rules;

public sealed class FbaPrepRequirementsTests
{
    [Fact]
    public void Defaults_Build_ForEveryMarketplace()
    {
        foreach (var (code, r) in FbaMarketplaces.All)
        {
            Assert.Empty(r.ToBuilder().Validate());
            Assert.Equal(12, r.Categories.Count);
            Assert.False(string.IsNullOrEmpty(r.MarketplaceId), code);
        }
        Assert.Equal("ATVPDKIKX0DER", FbaMarketplaces.UnitedStates.MarketplaceId);
        Assert.Equal("A21TJRUUN4KGV", FbaMarketplaces.India.MarketplaceId);
    }

    [Fact]
    public void Builder_ReportsEveryErrorAtOnce()
    {
        var b = FbaPrepRequirements.CreateBuilder(" ", "THIS-ID-IS-LONGER-THAN-TWENTY");
        b.SetCategory(PrepCategory.Unknown, "x", FbaSources.InboundModel, [PrepType.Labeling]);
        var ex = Assert.Throws<FbaPrepConfigurationException>(() => b.Build());
        Assert.Contains("MarketplaceCode is required.", ex.Errors);
        Assert.Contains(ex.Errors, e => e.StartsWith("MarketplaceId", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("UNKNOWN is output-only", StringComparison.Ordinal) || e.Contains("Category UNKNOWN is output-only", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("Category TEXTILE has no requirement", StringComparison.Ordinal));
        Assert.Contains("Polybag rules are required.", ex.Errors);
        Assert.Contains("Carton limits are required.", ex.Errors);
        Assert.Contains("Case-pack rules are required.", ex.Errors);
        Assert.True(ex.Errors.Count >= 15, string.Join(Environment.NewLine, ex.Errors));
    }

    [Fact]
    public void Builder_RejectsOutOfRangeLimits_AllAtOnce()
    {
        var b = FbaMarketplaces.UnitedStates.ToBuilder();
        b.Polybag = b.Polybag! with { MinFilmThicknessMil = new Sourced<decimal>(0, FbaSources.PolybagThickness) };
        b.Expiry = new ExpiryRules(new Sourced<int>(-1, FbaSources.Expiration), new Sourced<int>(-5, FbaSources.Expiration));
        b.CasePacks = new CasePackRules(new Sourced<int>(0, FbaSources.CasePack), FbaSources.CasePack);
        var ex = Assert.Throws<FbaPrepConfigurationException>(() => b.Build());
        Assert.Equal(4, ex.Errors.Count);
    }

    [Fact]
    public void ToBuilder_ChangesOneValue_AndKeepsTheRest()
    {
        var b = FbaMarketplaces.UnitedStates.ToBuilder();
        b.DefaultBoxContentSource = BoxContentSource.Barcode2D;
        var r = b.Build();
        Assert.Equal(BoxContentSource.Barcode2D, r.DefaultBoxContentSource);
        Assert.Equal(FbaMarketplaces.UnitedStates.Cartons, r.Cartons);
        Assert.Equal(BoxContentSource.BoxContentProvided, FbaMarketplaces.UnitedStates.DefaultBoxContentSource);
    }

    [Fact]
    public void BothSuffocationThresholdsAreKept_WithTheirSources()
    {
        Assert.Equal(Length.Inches(5), FbaMarketplaces.SuffocationOpeningUsHelpPage.Value);
        Assert.Equal("SC-POLYFORUM", FbaMarketplaces.SuffocationOpeningUsHelpPage.Source.Key);
        Assert.Equal(Length.Centimetres(12), FbaMarketplaces.SuffocationOpeningApiText.Value);
        Assert.Equal("M-FI24", FbaMarketplaces.SuffocationOpeningApiText.Source.Key);
        Assert.Equal(FbaMarketplaces.SuffocationOpeningUsHelpPage, FbaMarketplaces.UnitedStates.Polybag.SuffocationWarningOpening);
        Assert.Equal(FbaMarketplaces.SuffocationOpeningApiText, FbaMarketplaces.India.Polybag.SuffocationWarningOpening);
    }

    [Fact]
    public void India_SaysWhichRulesItApplies()
    {
        var notes = string.Join(" ", FbaMarketplaces.India.Notes);
        Assert.Contains("70 x 70 x 45 cm", notes, StringComparison.Ordinal);
        Assert.Contains("US Seller Central table", notes, StringComparison.Ordinal);
        Assert.Contains("105", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiryDefault_Is105_WithTheConflictNoted()
    {
        var rule = FbaMarketplaces.UnitedStates.Expiry.MinRemainingShelfLifeDays;
        Assert.Equal(105, rule.Value);
        Assert.Contains("90", rule.Note, StringComparison.Ordinal);
    }

    // ---- the enums against the model file ----

    private static JsonElement Definition(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.InboundModelPath));
        return doc.RootElement.GetProperty("definitions").GetProperty(name).Clone();
    }

    private static string[] EnumOf(string definition) => Definition(definition).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

    [SharedDataFact]
    public void PrepCategory_HasThe14ValuesOfTheModel()
    {
        var model = EnumOf("PrepCategory");
        Assert.Equal(14, model.Length);
        Assert.Equal(model, FbaApiNames.PrepCategories);
    }

    [SharedDataFact]
    public void PrepType_HasThe16ValuesOfTheModel()
    {
        var model = EnumOf("PrepType");
        Assert.Equal(16, model.Length);
        Assert.Equal(model, FbaApiNames.PrepTypes);
    }

    [SharedDataFact]
    public void Owners_AndBoxContentSources_MatchTheModel()
    {
        Assert.Equal(EnumOf("PrepOwner"), Enum.GetValues<PrepOwner>().Select(FbaApiNames.ToApi));
        Assert.Equal(EnumOf("LabelOwner"), Enum.GetValues<LabelOwner>().Select(FbaApiNames.ToApi));
        Assert.Equal(EnumOf("BoxContentInformationSource"), Enum.GetValues<BoxContentSource>().Select(FbaApiNames.ToApi));
        Assert.Contains("not an accepted value in the US marketplace", Definition("LabelOwner").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void DataTables_AgreeWithTheEnums()
    {
        static string[] Column(string file) => File.ReadAllLines(Path.Combine(SharedData.FbaPrepDirectory, file)).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(FbaApiNames.PrepCategories.Order(), Column("prep_categories.csv").Order());
        Assert.Equal(FbaApiNames.PrepTypes.Order(), Column("prep_types.csv").Order());
        Assert.Equal(["AMAZON", "SELLER", "NONE"], Column("prep_owners.csv"));
    }

    [SharedDataFact]
    public void ModelSuffocationText_Says12Cm()
    {
        var table = Definition("PrepType").GetProperty("x-docgen-enum-table-extension").EnumerateArray()
            .First(e => e.GetProperty("value").GetString() == "ITEM_SUFFOSTK").GetProperty("description").GetString();
        Assert.Contains("12 cm", table, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void BoxRequirementsSummary_AgreesWithTheUsAndAuDefaults()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.FbaPrepDirectory, "box_requirements_summary.json")));
        var us = doc.RootElement.GetProperty("US");
        Assert.Equal(us.GetProperty("max_box_side_in").GetDecimal(), FbaMarketplaces.UnitedStates.Cartons.MaxDimensions.Value.Length);
        Assert.Equal(us.GetProperty("max_box_weight_lb").GetDecimal(), FbaMarketplaces.UnitedStates.Cartons.MaxWeight.Value.Value);
        Assert.Equal(us.GetProperty("jewelry_watches_max_box_weight_lb").GetDecimal(), FbaMarketplaces.UnitedStates.Cartons.JewelryMaxWeight!.Value.Value);
        var au = doc.RootElement.GetProperty("AU");
        Assert.Equal(au.GetProperty("max_box_side_cm").GetDecimal(), FbaMarketplaces.Australia.Cartons.MaxDimensions.Value.Length);
        Assert.Equal(au.GetProperty("max_box_weight_kg").GetDecimal(), FbaMarketplaces.Australia.Cartons.MaxWeight.Value.Value);
    }
}
