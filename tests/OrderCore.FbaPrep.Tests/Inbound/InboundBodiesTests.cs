using System.Text.Json;
using OrderCore.FbaPrep.Inbound;
using OrderCore.FbaPrep.Tests.Support;
using static OrderCore.FbaPrep.Tests.Support.Fixtures;

namespace OrderCore.FbaPrep.Tests.Inbound;

public sealed class InboundBodiesTests
{
    private static readonly InboundAddress ShipFrom = new()
    {
        Name = "Acme Prep",
        AddressLine1 = "100 Congress Ave",
        City = "Austin",
        StateOrProvinceCode = "TX",
        PostalCode = "78701",
        CountryCode = "US",
        PhoneNumber = "5125550100",
    };

    private static (CartonPlan Plan, FbaSku[] Skus) UsPlan()
    {
        var tee = Textile("TEE-A", "X00TEEA001");
        var vita = Plain("VITA", 0.2m, 3, 2, 2, expirationDated: true);
        var cased = Plain("CASED", 1, 6, 4, 2, casePack: 12);
        FbaSku[] skus = [tee, vita, cased];
        var plan = CartonPlanner.Plan(
            [Line(tee, 30), Line(vita, 40, Lot("L-2027A", 2027, 1, 31)), Line(vita, 25, Lot("L-2027B", 2027, 9, 30)), Line(cased, 36)],
            FbaMarketplaces.UnitedStates);
        return (plan, skus);
    }

    [SharedDataFact]
    public void CreateInboundPlan_ValidatesAgainstTheModel()
    {
        var (plan, skus) = UsPlan();
        var body = InboundPlanBodies.CreateInboundPlan(plan, skus, ShipFrom, "OrderCore WO-1 2026-05-01");
        var json = InboundPlanBodies.ToJson(body);
        Assert.Empty(ModelSchemaValidator.LoadInboundModel().Validate(json, "CreateInboundPlanRequest"));
        Assert.Empty(InboundPlanBodies.Validate(body));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("ATVPDKIKX0DER", doc.RootElement.GetProperty("destinationMarketplaces")[0].GetString());
        var vita = doc.RootElement.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("msku").GetString() == "VITA").ToArray();
        Assert.Equal(["2027-01-31", "2027-09-30"], vita.Select(i => i.GetProperty("expiration").GetString()));
        Assert.Equal([40, 25], vita.Select(i => i.GetProperty("quantity").GetInt32()));
        Assert.All(doc.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("SELLER", i.GetProperty("labelOwner").GetString()));
        Assert.False(doc.RootElement.GetProperty("items").EnumerateArray().First(i => i.GetProperty("msku").GetString() == "TEE-A").TryGetProperty("expiration", out _));
    }

    [SharedDataFact]
    public void SetPackingInformation_ValidatesAgainstTheModel()
    {
        var (plan, skus) = UsPlan();
        var body = InboundPlanBodies.SetPackingInformation(plan, skus, packingGroupId: "pg1234abcd-1234-abcd-5678-1234abcd5678");
        var json = InboundPlanBodies.ToJson(body);
        Assert.Empty(ModelSchemaValidator.LoadInboundModel().Validate(json, "SetPackingInformationRequest"));
        Assert.Empty(InboundPlanBodies.Validate(body));
        using var doc = JsonDocument.Parse(json);
        var box = doc.RootElement.GetProperty("packageGroupings")[0].GetProperty("boxes")[0];
        Assert.Equal("BOX_CONTENT_PROVIDED", box.GetProperty("contentInformationSource").GetString());
        Assert.Equal("IN", box.GetProperty("dimensions").GetProperty("unitOfMeasurement").GetString());
        Assert.Equal("LB", box.GetProperty("weight").GetProperty("unit").GetString());
    }

    [SharedDataFact]
    public void MetricPlan_ManualProcess_ValidatesWithEmptyItems()
    {
        var kurta = Plain("KURTA", 0.5m);
        var plan = CartonPlanner.Plan([Line(kurta, 40)], FbaMarketplaces.India, new CartonPlanningOptions { ContentSource = BoxContentSource.ManualProcess });
        var body = InboundPlanBodies.SetPackingInformation(plan, [kurta]);
        var json = InboundPlanBodies.ToJson(body);
        Assert.Empty(ModelSchemaValidator.LoadInboundModel().Validate(json, "SetPackingInformationRequest"));
        Assert.Empty(InboundPlanBodies.Validate(body));
        Assert.All(body.PackageGroupings[0].Boxes, b => Assert.Null(b.Items));
        Assert.Contains("\"unitOfMeasurement\":\"CM\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unit\":\"KG\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanItemsAndBoxItems_UseIdenticalKeys_AndQuantitiesAddUp()
    {
        var (plan, skus) = UsPlan();
        var create = InboundPlanBodies.CreateInboundPlan(plan, skus, ShipFrom);
        var packing = InboundPlanBodies.SetPackingInformation(plan, skus);
        var planKeys = create.Items.Select(i => i.Key).ToHashSet();
        var boxKeys = packing.PackageGroupings.SelectMany(g => g.Boxes).SelectMany(b => b.Items!).Select(i => i.Key).ToHashSet();
        Assert.True(planKeys.SetEquals(boxKeys));
        Assert.Empty(InboundPlanBodies.CrossCheck(create, packing));
        Assert.Equal(plan.PlannedUnits, create.Items.Sum(i => i.Quantity));
    }

    [Fact]
    public void IdenticalCartons_BecomeOneBoxEntryWithAQuantity()
    {
        var (plan, skus) = UsPlan();
        var packing = InboundPlanBodies.SetPackingInformation(plan, skus);
        var cases = packing.PackageGroupings[0].Boxes.Single(b => b.Items!.Count == 1 && b.Items[0].Msku == "CASED");
        Assert.Equal(3, cases.Quantity);
        Assert.Equal(12, cases.Items![0].Quantity);
        Assert.Equal(3, cases.CartonIds.Count);
        Assert.Equal(plan.Cartons.Count, packing.PackageGroupings[0].Boxes.Sum(b => b.Quantity));
    }

    [Fact]
    public void CrossCheck_FindsAMismatch()
    {
        var (plan, skus) = UsPlan();
        var create = InboundPlanBodies.CreateInboundPlan(plan, skus, ShipFrom);
        var tampered = create with { Items = create.Items.Select(i => i.Msku == "TEE-A" ? i with { LabelOwner = "NONE" } : i).ToArray() };
        Assert.Equal(2, InboundPlanBodies.CrossCheck(tampered, InboundPlanBodies.SetPackingInformation(plan, skus)).Count);
    }

    [Fact]
    public void Validate_ReportsBadFields()
    {
        var (plan, skus) = UsPlan();
        var body = InboundPlanBodies.CreateInboundPlan(plan, skus, ShipFrom with { CountryCode = "us", PhoneNumber = "" }) with { Name = new string('x', 41) };
        var errors = InboundPlanBodies.Validate(body);
        Assert.Equal(3, errors.Count);
        Assert.Throws<ArgumentException>(() => InboundPlanBodies.SetPackingInformation(plan, skus, "pg1234abcd-1234-abcd-5678-1234abcd5678", "sh1234abcd-1234-abcd-5678-1234abcd5678"));
        Assert.Single(InboundPlanBodies.Validate(InboundPlanBodies.SetPackingInformation(plan, skus, packingGroupId: "pg-too-short")));
    }

    [SharedDataFact]
    public void ModelValidator_RejectsWhatTheModelForbids()
    {
        var v = ModelSchemaValidator.LoadInboundModel();
        const string bad = """{"destinationMarketplaces":["A","B"],"items":[{"msku":"","quantity":0,"prepOwner":"ME","labelOwner":"SELLER","expiration":"2027-13-01","extra":1}],"sourceAddress":{"city":"X"}}""";
        var errors = v.Validate(bad, "CreateInboundPlanRequest");
        Assert.Contains(errors, e => e.Contains("maxItems", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("minLength", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("minimum", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'ME' is not one of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("does not match", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'extra' is not in the model", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("required 'addressLine1'", StringComparison.Ordinal));
        using var model = JsonDocument.Parse(File.ReadAllText(SharedData.InboundModelPath));
        var example = model.RootElement.GetProperty("definitions").GetProperty("CreateInboundPlanRequest").GetProperty("example").GetRawText();
        Assert.Empty(v.Validate(example, "CreateInboundPlanRequest"));
    }
}
