using NodaTime;
using OrderCore.Catalog;
using OrderCore.FbaPrep.Tests.Support;

namespace OrderCore.FbaPrep.Tests.Cartons;

/// <summary>FsCheck properties of carton planning, over random SKUs (some heavy, some oversize, some case-packed, some with two lots).</summary>
public sealed class CartonPlannerProperties
{
    public sealed record Scenario(FbaPrepRequirements Requirements, IReadOnlyList<ReplenishmentLine> Lines)
    {
        public override string ToString()
            => $"{Requirements.MarketplaceCode}: " + string.Join("; ", Lines.Select(l => $"{l.Sku.Sku} x{l.Quantity} {l.Sku.UnitWeight} {l.Sku.UnitDimensions} case={l.Sku.CasePackQuantity} lot={l.Lot} jewel={l.Sku.Prep.IsJewelryOrWatch}"));
    }

    private static Gen<FbaSku> SkuGen(int index, bool metric) =>
        from weightTenths in Gen.Frequency((6, Gen.Choose(1, 60)), (3, Gen.Choose(60, 400)), (1, Gen.Choose(400, 1500)))
        from l in Gen.Frequency((8, Gen.Choose(1, 20)), (1, Gen.Choose(20, 40)))
        from w in Gen.Choose(1, 16)
        from h in Gen.Choose(1, 12)
        from casePack in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 30)), (1, Gen.Choose(140, 200)))
        from jewelry in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new FbaSku(
            new Product
            {
                Owner = Fixtures.Owner,
                Sku = Sku.From($"S{index}"),
                Fnsku = Fnsku.Parse($"X00PROP{index:000}"),
                Weight = metric ? new Weight(weightTenths / 20m, WeightUnit.Kilogram) : new Weight(weightTenths / 10m, WeightUnit.Pound),
                Dimensions = metric ? new Dimensions(l * 2.5m, w * 2.5m, h * 2.5m, LengthUnit.Centimetre) : new Dimensions(l, w, h, LengthUnit.Inch),
                CasePackQuantity = casePack == 0 ? null : casePack,
            },
            new PrepProfile { Owner = Fixtures.Owner, Sku = Sku.From($"S{index}"), Categories = [PrepCategory.None], PrepTypes = [PrepType.Labeling], IsJewelryOrWatch = jewelry, IsExpirationDated = true });

    private static Gen<IReadOnlyList<ReplenishmentLine>> LinesOf(FbaSku sku) =>
        from twoLots in Gen.Elements(false, true)
        from q1 in Gen.Choose(1, 80)
        from q2 in Gen.Choose(1, 40)
        from d1 in Gen.Choose(200, 400)
        from d2 in Gen.Choose(401, 700)
        select (IReadOnlyList<ReplenishmentLine>)(twoLots
            ? [Fixtures.Line(sku, q1, new Lot("L1", Fixtures.ShipDate.PlusDays(d1))), Fixtures.Line(sku, q2, new Lot("L2", Fixtures.ShipDate.PlusDays(d2)))]
            : [Fixtures.Line(sku, q1, new Lot("L1", Fixtures.ShipDate.PlusDays(d1)))]);

    public static Arbitrary<Scenario> Scenarios() => Arb.From(
        from market in Gen.Elements(FbaMarketplaces.UnitedStates, FbaMarketplaces.India, FbaMarketplaces.UnitedKingdom)
        from count in Gen.Choose(1, 6)
        from skus in Gen.CollectToArray(Enumerable.Range(1, count).Select(i => SkuGen(i, market.UnitSystem == FbaUnitSystem.Metric)))
        from lines in Gen.CollectToArray(skus.Select(LinesOf))
        select new Scenario(market, lines.SelectMany(x => x).ToArray()));

    private static readonly Arbitrary<Scenario> Arbitrary = Scenarios();

    [Property(MaxTest = 300)]
    public Property NoCarton_ExceedsItsLimits_UnlessItHoldsOneOversizeUnitWithTheRightLabel() => Prop.ForAll(Arbitrary, s =>
    {
        var plan = CartonPlanner.Plan(s.Lines, s.Requirements);
        var skus = s.Lines.Select(l => l.Sku).DistinctBy(x => x.Sku).ToDictionary(x => x.Sku);
        var checker = new PrepComplianceChecker(s.Requirements);
        var c = s.Requirements.Cartons;
        foreach (var carton in plan.Cartons)
        {
            Assert.Empty(checker.CheckCarton(carton, skus.GetValueOrDefault));
            var over = !PrepComplianceChecker.FitsEnvelope(carton.Dimensions, c.MaxDimensions.Value) || checker.IsOverMaxWeight(carton.Weight);
            if (over)
            {
                Assert.Equal(1, carton.UnitCount);
                Assert.True(c.AllowSingleOversizeUnit.Value);
                foreach (var rule in c.HandlingLabels.Where(r => r.Basis == WeightLabelBasis.Carton && carton.Weight.Kilograms > r.Above.Kilograms))
                {
                    Assert.True(carton.HasLabel(rule.Label), $"{carton.Id} {carton.Weight} lacks {rule.Label}");
                }
            }
            if (carton.IsCasePack)
            {
                var content = Assert.Single(carton.Contents);
                Assert.Equal(skus[content.Sku].CasePackQuantity, content.Quantity);
                Assert.True(content.Quantity <= s.Requirements.CasePacks.MaxUnitsPerCase.Value);
            }
        }
        Assert.Empty(checker.CheckCasePacks(plan.Cartons));
    });

    [Property(MaxTest = 300)]
    public Property UnitsInCartons_PlusUnplanned_EqualTheUnitsPlanned() => Prop.ForAll(Arbitrary, s =>
    {
        var plan = CartonPlanner.Plan(s.Lines, s.Requirements);
        var requested = s.Lines.GroupBy(l => (l.Sku.Sku, l.Lot)).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity.Units));
        var inCartons = plan.UnitsBySkuAndLot();
        var unplanned = plan.Unplanned.GroupBy(u => (u.Sku, u.Lot)).ToDictionary(g => g.Key, g => g.Sum(u => u.Quantity));
        foreach (var (key, units) in requested)
        {
            Assert.Equal(units, inCartons.GetValueOrDefault(key) + unplanned.GetValueOrDefault(key));
        }
        Assert.All(inCartons.Keys.Concat(unplanned.Keys), k => Assert.True(requested.ContainsKey(k)));
        Assert.True(plan.MixedCartons >= (plan.MixedCartons == 0 ? 0 : plan.MixedCartonsLowerBound));
    });

    [Property(MaxTest = 300)]
    public Property SameSku_WithTwoExpiryDates_IsNeverInOneBox() => Prop.ForAll(Arbitrary, s =>
    {
        var plan = CartonPlanner.Plan(s.Lines, s.Requirements);
        foreach (var carton in plan.Cartons)
        {
            foreach (var group in carton.Contents.GroupBy(x => x.Sku))
            {
                Assert.Single(group.Select(x => x.Expiry).Distinct());
            }
        }
    });

    [Property(MaxTest = 100)]
    public Property Planning_IsDeterministic() => Prop.ForAll(Arbitrary, s =>
    {
        var a = CartonPlanner.Plan(s.Lines, s.Requirements);
        var b = CartonPlanner.Plan(s.Lines.Reverse().ToArray(), s.Requirements);
        Assert.Equal(a.Cartons.Count, b.Cartons.Count);
        Assert.Equal(a.Cartons.Select(c => (c.Id, c.UnitCount, c.Weight)), b.Cartons.Select(c => (c.Id, c.UnitCount, c.Weight)));
    });
}
