using System.Diagnostics;
using OrderCore.Catalog;
using OrderCore.FbaPrep.Tests.Support;
using static OrderCore.FbaPrep.Tests.Support.Fixtures;

namespace OrderCore.FbaPrep.Tests.Cartons;

public sealed class CartonPlannerTests
{
    private static readonly FbaPrepRequirements Us = FbaMarketplaces.UnitedStates;
    private static readonly FbaPrepRequirements India = FbaMarketplaces.India;

    private static IReadOnlyList<PrepViolation> CartonViolations(CartonPlan plan, params FbaSku[] skus)
    {
        var checker = new PrepComplianceChecker(plan.Requirements);
        return plan.Cartons.SelectMany(c => checker.CheckCarton(c, s => skus.FirstOrDefault(x => x.Sku == s))).Concat(checker.CheckCasePacks(plan.Cartons)).ToArray();
    }

    [Fact]
    public void TenUnitsOf10Lb_FillThreeBoxes_AtTheLowerBound()
    {
        var sku = Plain("DUMBBELL", 10, 8, 4, 4);
        var plan = CartonPlanner.Plan([Line(sku, 10)], Us);
        Assert.Equal(3, plan.Cartons.Count);
        Assert.Equal(3, plan.MixedCartonsLowerBound);
        Assert.Equal([4, 4, 2], plan.Cartons.Select(c => c.UnitCount));
        Assert.All(plan.Cartons, c => Assert.True(c.Weight.Pounds <= 50));
        Assert.Empty(CartonViolations(plan, sku));
        Assert.All(plan.Cartons, c => Assert.Equal(BoxContentSource.BoxContentProvided, c.ContentSource));
    }

    [Fact]
    public void MixedSkus_ShareBoxes()
    {
        var a = Textile("A");
        var b = Textile("B");
        var plan = CartonPlanner.Plan([Line(a, 5), Line(b, 5)], Us);
        Assert.Single(plan.Cartons);
        Assert.Equal(2, plan.Cartons[0].Contents.Count);
        Assert.Equal(10, plan.PlannedUnits);
        Assert.Equal("M 18 x 14 x 12 in", plan.Cartons[0].BoxSize); // shrunk to the smallest box that holds 10 x 120 in3 at 85 %
    }

    [Fact]
    public void CasePacks_OneSkuSameQuantity_RestIndividually()
    {
        var sku = Plain("CASED", 1, 6, 4, 2, casePack: 12);
        var plan = CartonPlanner.Plan([Line(sku, 30)], Us);
        var cases = plan.Cartons.Where(c => c.IsCasePack).ToArray();
        Assert.Equal(2, cases.Length);
        Assert.All(cases, c => Assert.Equal(12, Assert.Single(c.Contents).Quantity));
        Assert.Equal(6, plan.Cartons.Where(c => !c.IsCasePack).Sum(c => c.UnitCount));
        Assert.Contains(plan.Notes, n => n.Contains("2 case(s) of 12", StringComparison.Ordinal));
        Assert.Empty(CartonViolations(plan, sku));
    }

    [Fact]
    public void CasePackOver150_IsPackedIndividually_WithANote()
    {
        var sku = Plain("TINY", 0.01m, 1, 1, 1, casePack: 200);
        var plan = CartonPlanner.Plan([Line(sku, 400)], Us);
        Assert.DoesNotContain(plan.Cartons, c => c.IsCasePack);
        Assert.Contains(plan.Notes, n => n.Contains("exceeds 150", StringComparison.Ordinal));
    }

    [Fact]
    public void HeavyUnit_ShipsAlone_WithTeamLift_AndMechLiftOver100Lb()
    {
        var heavy = Plain("BENCH", 60, 40, 20, 10);
        var heavier = Plain("SAFE", 120, 20, 20, 20);
        var plan = CartonPlanner.Plan([Line(heavy, 2), Line(heavier, 1)], Us);
        Assert.Equal(3, plan.Cartons.Count);
        Assert.All(plan.Cartons, c => Assert.Equal(1, c.UnitCount));
        Assert.Equal(["Team Lift"], plan.Cartons.First(c => c.Contents[0].Sku == heavy.Sku).HandlingLabels);
        Assert.Equal(["Team Lift", "Mech Lift"], plan.Cartons.First(c => c.Contents[0].Sku == heavier.Sku).HandlingLabels);
        Assert.Equal("own packaging", plan.Cartons[0].BoxSize);
        Assert.Empty(CartonViolations(plan, heavy, heavier));
    }

    [Fact]
    public void UnitOverEveryLimit_InIndia_IsReported_NotLoopedOn()
    {
        var anvil = new FbaSku(
            new Product { Owner = Owner, Sku = Sku.From("ANVIL"), Fnsku = Fnsku.Parse("X00ANVIL01"), Weight = new Weight(25, WeightUnit.Kilogram), Dimensions = new Dimensions(40, 30, 30, LengthUnit.Centimetre) },
            new PrepProfile { Owner = Owner, Sku = Sku.From("ANVIL"), Categories = [PrepCategory.None], PrepTypes = [PrepType.Labeling] });
        var kurta = Plain("KURTA", 1);
        var watch = Stopwatch.StartNew();
        var plan = CartonPlanner.Plan([Line(anvil, 100_000), Line(kurta, 5)], India);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        var u = Assert.Single(plan.Unplanned);
        Assert.Equal(100_000, u.Quantity);
        Assert.Equal(FbaRuleIds.CartonOversizeUnit, u.RuleId);
        Assert.Contains("25 kg", u.Reason, StringComparison.Ordinal);
        Assert.Contains("SC-IN-PICKUP", u.Reason, StringComparison.Ordinal);
        Assert.Equal(5, plan.PlannedUnits);
    }

    [Fact]
    public void UnitFillingABoxBeyondTheFillFactor_StillShipsInIt()
    {
        var bulky = Plain("BULKY", 5, 23, 17, 17); // 6647 in3, more than 85 % of the 24 x 18 x 18 in box
        var plan = CartonPlanner.Plan([Line(bulky, 2)], Us);
        Assert.Equal(2, plan.Cartons.Count);
        Assert.All(plan.Cartons, c => Assert.Equal("L 24 x 18 x 18 in", c.BoxSize));
    }

    [Fact]
    public void MissingUnitData_IsReported()
    {
        var sku = Textile(product: p => p with { Weight = null });
        var plan = CartonPlanner.Plan([Line(sku, 3)], Us);
        Assert.Empty(plan.Cartons);
        Assert.Equal(FbaRuleIds.UnitDataMissing, Assert.Single(plan.Unplanned).RuleId);
    }

    [Fact]
    public void SameSkuTwoExpiries_NeverShareABox()
    {
        var sku = Plain("VITA", 0.2m, 3, 2, 2, expirationDated: true);
        var plan = CartonPlanner.Plan([Line(sku, 10, Lot("A", 2027, 1, 1)), Line(sku, 10, Lot("B", 2027, 6, 1))], Us);
        Assert.Equal(2, plan.Cartons.Count);
        Assert.All(plan.Cartons, c => Assert.Single(c.Contents.Select(x => x.Expiry).Distinct()));
    }

    [Fact]
    public void JewelryCartons_StayUnder40Lb()
    {
        var ring = Plain("RING-BOX", 5, 4, 4, 4, jewelry: true);
        var plan = CartonPlanner.Plan([Line(ring, 20)], Us);
        Assert.All(plan.Cartons, c => Assert.True(c.Weight.Pounds <= 40, c.Weight.ToString()));
        Assert.Equal(3, plan.Cartons.Count); // 7 + 7 + 6 units of 5 lb with a 2 lb box
        Assert.Empty(CartonViolations(plan, ring));
    }

    [Fact]
    public void India_BoxesStayStrictlyUnder18Kg()
    {
        var sku = new FbaSku(
            new Product { Owner = Owner, Sku = Sku.From("KURTA-SET"), Fnsku = Fnsku.Parse("X00KSET001"), Weight = new Weight(0.5m, WeightUnit.Kilogram), Dimensions = new Dimensions(35, 28, 4, LengthUnit.Centimetre) },
            new PrepProfile { Owner = Owner, Sku = Sku.From("KURTA-SET"), Categories = [PrepCategory.Textile], PrepTypes = [PrepType.Polybagging, PrepType.Labeling] });
        var plan = CartonPlanner.Plan([Line(sku, 100)], India);
        Assert.All(plan.Cartons, c => Assert.True(c.Weight.Kilograms < 18m, c.Weight.ToString()));
        Assert.Empty(CartonViolations(plan, sku));
        Assert.Equal(100, plan.PlannedUnits);
    }

    [Fact]
    public void BoxContentSource_CanBeChanged()
    {
        var options = new CartonPlanningOptions { ContentSource = BoxContentSource.ManualProcess };
        Assert.All(CartonPlanner.Plan([Line(Textile(), 5)], Us, options).Cartons, c => Assert.Equal(BoxContentSource.ManualProcess, c.ContentSource));
    }

    [Fact]
    public void BoxSizesOverTheLimit_AreRejected_AllAtOnce()
    {
        var options = new CartonPlanningOptions { FillFactor = 1.5m };
        options.BoxSizes.Add(new CartonSize("XXL", new Dimensions(30, 20, 20, LengthUnit.Inch), new Weight(3, WeightUnit.Pound)));
        options.BoxSizes.Add(new CartonSize("LEAD", new Dimensions(10, 10, 10, LengthUnit.Inch), new Weight(60, WeightUnit.Pound)));
        var ex = Assert.Throws<FbaPrepConfigurationException>(() => CartonPlanner.Plan([Line(Textile(), 1)], Us, options));
        Assert.Equal(3, ex.Errors.Count);
    }
}
