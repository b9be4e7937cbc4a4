using NodaTime;
using OrderCore.Catalog;
using OrderCore.FbaPrep.Tests.Support;
using static OrderCore.FbaPrep.Tests.Support.Fixtures;

namespace OrderCore.FbaPrep.Tests.Compliance;

/// <summary>Each rule of the issue with a passing and a failing case, with the exact numbers of the issue.</summary>
public sealed class ComplianceRuleTests
{
    private static readonly PrepComplianceChecker Us = new(FbaMarketplaces.UnitedStates);
    private static readonly PrepComplianceChecker India = new(FbaMarketplaces.India);

    private static PrepComplianceReport CheckUs(FbaSku sku, LocalDate? date = null, Lot? lot = null)
        => Us.Check(new PrepComplianceInput([Line(sku, 10, lot)], [], date ?? ShipDate));

    [Fact]
    public void CompliantTextile_HasNoViolation()
    {
        var report = CheckUs(Textile());
        Assert.True(report.IsCompliant);
        Assert.Empty(report.Violations);
    }

    // ---- missing FNSKU ----

    [Fact]
    public void MissingFnsku_IsAnError_WithTheRuleAndSource()
    {
        var report = CheckUs(Textile(fnsku: null));
        var v = Assert.Single(report.Violations);
        Assert.Equal(FbaRuleIds.FnskuMissing, v.RuleId);
        Assert.Equal(ViolationSeverity.Error, v.Severity);
        Assert.Equal(Sku.From("TEE-RED-M"), v.Sku);
        Assert.Equal("(none)", v.Measured);
        Assert.Equal("an FNSKU for the unit label", v.Limit);
        Assert.Equal("SC-BARCODE", v.Source.Key);
        Assert.False(report.IsCompliant);
    }

    [Fact]
    public void FnskuPresent_Passes() => Assert.Empty(CheckUs(Textile(fnsku: "X00TEE0001")).ForRule(FbaRuleIds.FnskuMissing));

    [Fact]
    public void MissingFnsku_WhenAmazonLabels_IsOnlyAWarning()
    {
        var sku = Textile(fnsku: null, prep: p => p with { LabelOwner = LabelOwner.Amazon });
        var v = Assert.Single(India.Check(new PrepComplianceInput([Line(sku, 1)], [], ShipDate)).ForRule(FbaRuleIds.FnskuMissing));
        Assert.Equal(ViolationSeverity.Warning, v.Severity);
    }

    [Fact]
    public void FnskuLabel_WithoutLabelingStep_IsAnError()
    {
        var sku = Textile(prep: p => p with { PrepTypes = [PrepType.Polybagging] });
        var report = CheckUs(sku);
        Assert.Equal("no ITEM_LABELING", Assert.Single(report.ForRule(FbaRuleIds.FnskuLabelStep)).Measured);
    }

    // ---- category UNKNOWN ----

    [Fact]
    public void CategoryUnknown_IsAnError()
    {
        var report = CheckUs(Textile(prep: p => p with { Categories = [PrepCategory.Unknown] }));
        var v = Assert.Single(report.ForRule(FbaRuleIds.CategoryUnknown));
        Assert.Equal("UNKNOWN", v.Measured);
        Assert.Equal("M-FI24", v.Source.Key);
    }

    [Fact]
    public void NoCategory_IsReportedAsUnknown()
        => Assert.Equal("(none)", Assert.Single(CheckUs(Textile(prep: p => p with { Categories = [] })).ForRule(FbaRuleIds.CategoryUnknown)).Measured);

    [Fact]
    public void CategoryTextile_Passes() => Assert.Empty(CheckUs(Textile()).ForRule(FbaRuleIds.CategoryUnknown));

    [Fact]
    public void CategoryFcProvided_IsOutputOnly()
        => Assert.Single(CheckUs(Textile(prep: p => p with { Categories = [PrepCategory.Textile, PrepCategory.FcProvided] })).ForRule(FbaRuleIds.CategoryOutputOnly));

    // ---- category → required prep ----

    [Fact]
    public void Textile_WithoutPolybag_FailsTheCategoryRule()
    {
        var v = Assert.Single(CheckUs(Textile(prep: p => p with { PrepTypes = [PrepType.Labeling] })).ForRule(FbaRuleIds.CategoryPrepMissing));
        Assert.Equal("ITEM_LABELING", v.Measured);
        Assert.Equal("ITEM_POLYBAGGING + ITEM_LABELING", v.Limit);
    }

    [Theory]
    [InlineData(PrepType.BubbleWrap, true)]
    [InlineData(PrepType.Boxing, true)]
    [InlineData(PrepType.Polybagging, false)]
    public void Fragile_NeedsBubbleWrapOrBox(PrepType step, bool passes)
    {
        var sku = Textile(prep: p => p with { Categories = [PrepCategory.Fragile], PrepTypes = [step, PrepType.Labeling] });
        Assert.Equal(passes, CheckUs(sku).ForRule(FbaRuleIds.CategoryPrepMissing).Count == 0);
    }

    [Fact]
    public void Set_NeedsASetLabel()
    {
        var without = Textile(prep: p => p with { Categories = [PrepCategory.Textile, PrepCategory.Set], Set = new SetMembership(3) });
        var with = Textile(prep: p => p with { Categories = [PrepCategory.Textile, PrepCategory.Set], Set = new SetMembership(3), PrepTypes = [PrepType.Polybagging, PrepType.Labeling, PrepType.SetCreation] });
        Assert.Equal("ITEM_SETCREAT or ITEM_SETSTK", Assert.Single(CheckUs(without).ForRule(FbaRuleIds.CategoryPrepMissing)).Limit);
        Assert.Empty(CheckUs(with).Violations);
    }

    [Fact]
    public void Baby_AcceptsAPrintedWarningForTheSuffocationSticker()
    {
        var printed = Textile(prep: p => p with { Categories = [PrepCategory.Baby], Polybag = p.Polybag! with { HasSuffocationWarning = true } });
        var bare = Textile(prep: p => p with { Categories = [PrepCategory.Baby] });
        Assert.Empty(CheckUs(printed).ForRule(FbaRuleIds.CategoryPrepMissing));
        Assert.Single(CheckUs(bare).ForRule(FbaRuleIds.CategoryPrepMissing));
    }

    // ---- polybag: 8 in x 6 in opening without a suffocation warning ----

    private static FbaSku Bagged(decimal opening, decimal depth, LengthUnit unit, bool warning = false, decimal mil = 1.5m, int? font = null, bool sticker = false)
        => Textile(prep: p => p with
        {
            Polybag = new PolybagSpec(new Length(opening, unit), new Length(depth, unit), mil, warning, font),
            PrepTypes = sticker ? [PrepType.Polybagging, PrepType.Labeling, PrepType.SuffocationSticker] : [PrepType.Polybagging, PrepType.Labeling],
        });

    [Fact]
    public void Polybag8x6InOpening_WithoutWarning_FailsInTheUs()
    {
        var v = Assert.Single(CheckUs(Bagged(8, 6, LengthUnit.Inch)).Violations);
        Assert.Equal(FbaRuleIds.SuffocationWarning, v.RuleId);
        Assert.Equal("opening 8 in, no warning", v.Measured);
        Assert.Equal("a suffocation warning when the opening is >= 5 in", v.Limit);
        Assert.Equal("SC-POLYFORUM", v.Source.Key);
    }

    [Fact]
    public void Polybag8x6InOpening_WithPrintedWarning_Passes() => Assert.Empty(CheckUs(Bagged(8, 6, LengthUnit.Inch, warning: true)).Violations);

    [Fact]
    public void Polybag8x6InOpening_WithSuffocationSticker_Passes() => Assert.Empty(CheckUs(Bagged(8, 6, LengthUnit.Inch, sticker: true)).Violations);

    [Theory]
    [InlineData(4.99, false)]
    [InlineData(5, true)]
    public void Polybag_ThresholdIsInclusiveAt5In(double opening, bool fails)
        => Assert.Equal(fails, CheckUs(Bagged((decimal)opening, 3, LengthUnit.Inch)).ForRule(FbaRuleIds.SuffocationWarning).Count == 1);

    [Fact]
    public void Polybag8x6InOpening_FailsAgainstTheApis12CmInIndia()
    {
        var v = Assert.Single(India.Check(new PrepComplianceInput([Line(Bagged(8, 6, LengthUnit.Inch), 1)], [], ShipDate)).ForRule(FbaRuleIds.SuffocationWarning));
        Assert.Equal("opening 20.32 cm, no warning", v.Measured);
        Assert.Equal("a suffocation warning when the opening is >= 12 cm", v.Limit);
        Assert.Equal("M-FI24", v.Source.Key);
    }

    [Fact]
    public void BothThresholdsAreKept_A4Point8InOpeningPassesInTheUsButNotInIndia()
    {
        var sku = Bagged(4.8m, 3, LengthUnit.Inch); // 12.19 cm
        Assert.Empty(CheckUs(sku).ForRule(FbaRuleIds.SuffocationWarning));
        Assert.Single(India.Check(new PrepComplianceInput([Line(sku, 1)], [], ShipDate)).ForRule(FbaRuleIds.SuffocationWarning));
    }

    [Fact]
    public void PolybagFilm_1Point2Mil_Fails_1Point5Passes()
    {
        var v = Assert.Single(CheckUs(Bagged(4, 3, LengthUnit.Inch, mil: 1.2m)).ForRule(FbaRuleIds.PolybagThickness));
        Assert.Equal("1.2 mil", v.Measured);
        Assert.Equal("1.5 mil", v.Limit);
        Assert.Empty(CheckUs(Bagged(4, 3, LengthUnit.Inch, mil: 1.5m)).ForRule(FbaRuleIds.PolybagThickness));
    }

    [Fact]
    public void WarningFont_8x6InBag_Needs10Pt()
    {
        Assert.Equal("10 pt for length + width 14 in", Assert.Single(CheckUs(Bagged(8, 6, LengthUnit.Inch, warning: true, font: 8)).ForRule(FbaRuleIds.SuffocationWarningFont)).Limit);
        Assert.Empty(CheckUs(Bagged(8, 6, LengthUnit.Inch, warning: true, font: 10)).Violations);
        Assert.Equal("24 pt for length + width 62 in", Assert.Single(CheckUs(Bagged(32, 30, LengthUnit.Inch, warning: true, font: 18)).ForRule(FbaRuleIds.SuffocationWarningFont)).Limit);
    }

    [Fact]
    public void BaggedWithoutMeasurements_IsAWarning()
        => Assert.Equal(ViolationSeverity.Warning, Assert.Single(CheckUs(Textile(prep: p => p with { Polybag = null })).Violations).Severity);

    // ---- prepOwner AMAZON in the US ----

    [Fact]
    public void PrepOwnerAmazon_InTheUs_IsAnError()
    {
        var v = Assert.Single(CheckUs(Textile(prep: p => p with { PrepOwner = PrepOwner.Amazon })).Violations);
        Assert.Equal(FbaRuleIds.PrepOwnerAmazon, v.RuleId);
        Assert.Equal("AMAZON", v.Measured);
        Assert.Equal("SELLER or NONE (AMAZON refused in US from 2026-01-01)", v.Limit);
        Assert.Equal("D-FIAPI", v.Source.Key);
    }

    [Fact]
    public void PrepOwnerSeller_InTheUs_Passes() => Assert.Empty(CheckUs(Textile(prep: p => p with { PrepOwner = PrepOwner.Seller })).Violations);

    [Fact]
    public void PrepOwnerAmazon_BeforeTheUsServiceEnd_Passes()
        => Assert.Empty(CheckUs(Textile(prep: p => p with { PrepOwner = PrepOwner.Amazon }), new LocalDate(2025, 12, 31)).ForRule(FbaRuleIds.PrepOwnerAmazon));

    [Fact]
    public void PrepOwnerAmazon_InIndia_Passes()
        => Assert.Empty(India.Check(new PrepComplianceInput([Line(Textile(prep: p => p with { PrepOwner = PrepOwner.Amazon }), 1)], [], ShipDate)).ForRule(FbaRuleIds.PrepOwnerAmazon));

    [Fact]
    public void LabelOwnerAmazon_InTheUs_IsAnError()
        => Assert.Equal("AMAZON", Assert.Single(CheckUs(Textile(prep: p => p with { LabelOwner = LabelOwner.Amazon })).ForRule(FbaRuleIds.LabelOwnerAmazon)).Measured);

    [Fact]
    public void PrepOwnerNone_WithPrepSteps_IsAnError()
        => Assert.Single(CheckUs(Textile(prep: p => p with { PrepOwner = PrepOwner.None })).ForRule(FbaRuleIds.PrepOwnerNone));

    // ---- manufacturer barcode vs FNSKU ----

    private static FbaSku OnManufacturerBarcode(SellerRole role, bool expiring = false)
        => Textile(fnsku: null,
            prep: p => p with { Barcode = UnitBarcode.Manufacturer, SellerRole = role, LabelOwner = LabelOwner.None, PrepTypes = [PrepType.Polybagging], IsExpirationDated = expiring },
            product: p => p with { Gtin = Gtin.Parse("036000291452") });

    [Fact]
    public void Reseller_OnManufacturerBarcode_AfterMarch31_2026_MustFnskuLabel()
    {
        var report = CheckUs(OnManufacturerBarcode(SellerRole.Reseller));
        var v = Assert.Single(report.ForRule(FbaRuleIds.ManufacturerBarcodeIneligible));
        Assert.Equal("COMMINGLE-2026", v.Source.Key);
        Assert.Contains("2026-03-31", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reseller_OnManufacturerBarcode_BeforeMarch31_2026_Passes()
        => Assert.Empty(CheckUs(OnManufacturerBarcode(SellerRole.Reseller), new LocalDate(2026, 3, 30)).ForRule(FbaRuleIds.ManufacturerBarcodeIneligible));

    [Fact]
    public void BrandOwner_OnManufacturerBarcode_Passes() => Assert.Empty(CheckUs(OnManufacturerBarcode(SellerRole.BrandOwner)).Violations);

    [Fact]
    public void ExpirationDated_OnManufacturerBarcode_IsIneligible()
        => Assert.Single(CheckUs(OnManufacturerBarcode(SellerRole.BrandOwner, expiring: true), lot: Lot("L1", 2027, 1, 1)).ForRule(FbaRuleIds.ManufacturerBarcodeIneligible));

    [Fact]
    public void India_RequiresAnFnskuOnEveryUnit()
        => Assert.Equal("SC-IN-PREP", Assert.Single(India.Check(new PrepComplianceInput([Line(OnManufacturerBarcode(SellerRole.BrandOwner), 1)], [], ShipDate)).ForRule(FbaRuleIds.ManufacturerBarcodeIneligible)).Source.Key);

    // ---- expiry ----

    private static FbaSku Expiring(int? consumptionDays = null) => Textile(prep: p => p with { IsExpirationDated = true, ConsumptionPeriodDays = consumptionDays });

    [Fact]
    public void ExpiryTooClose_61DaysAtReceipt_Fails()
    {
        var v = Assert.Single(CheckUs(Expiring(), lot: Lot("L1", 2026, 7, 1)).Violations);
        Assert.Equal(FbaRuleIds.ExpiryShelfLife, v.RuleId);
        Assert.Equal("61 days (expires 2026-07-01, received 2026-05-01)", v.Measured);
        Assert.Equal("105 days", v.Limit);
        Assert.Equal("3P-VPROPH", v.Source.Key);
        Assert.Contains("90 days", v.Message, StringComparison.Ordinal); // the conflicting source is noted
    }

    [Theory]
    [InlineData(8, 13, true)]  // 104 days
    [InlineData(8, 14, false)] // 105 days
    public void Expiry_MinimumIs105DaysInclusive(int month, int day, bool fails)
        => Assert.Equal(fails, CheckUs(Expiring(), lot: Lot("L1", 2026, month, day)).ForRule(FbaRuleIds.ExpiryShelfLife).Count == 1);

    [Fact]
    public void Expiry_ConsumptionPeriodPlus90_RaisesTheMinimum()
    {
        var v = Assert.Single(CheckUs(Expiring(consumptionDays: 240), lot: Lot("L1", 2027, 1, 1)).ForRule(FbaRuleIds.ExpiryShelfLife));
        Assert.Equal("330 days (consumption period 240 + 90 days)", v.Limit);
        Assert.Empty(CheckUs(Expiring(consumptionDays: 240), lot: Lot("L1", 2027, 3, 28)).ForRule(FbaRuleIds.ExpiryShelfLife));
    }

    [Fact]
    public void Expiry_MinimumIsConfigurable()
    {
        var ninety = FbaMarketplaces.UnitedStates.ToBuilder();
        ninety.Expiry = new ExpiryRules(new Sourced<int>(90, FbaSources.Expiration), ninety.Expiry!.ConsumptionPeriodMarginDays);
        var checker = new PrepComplianceChecker(ninety.Build());
        var line = Line(Expiring(), 1, Lot("L1", 2026, 8, 1)); // 92 days
        Assert.Empty(checker.Check(new PrepComplianceInput([line], [], ShipDate)).Violations);
        Assert.Single(Us.Check(new PrepComplianceInput([line], [], ShipDate)).ForRule(FbaRuleIds.ExpiryShelfLife));
    }

    [Fact]
    public void ExpirationDated_WithoutExpiry_Fails()
        => Assert.Equal("no lot", Assert.Single(CheckUs(Expiring()).ForRule(FbaRuleIds.ExpiryMissing)).Measured);

    // ---- cartons: 52 lb with several units ----

    private static PlannedCarton Carton(decimal weight, WeightUnit unit, params (FbaSku Sku, int Units, Lot? Lot)[] contents)
        => new()
        {
            Id = "C001",
            Dimensions = new Dimensions(24, 18, 18, LengthUnit.Inch),
            Weight = new Weight(weight, unit),
            Contents = contents.Select(c => new CartonContent(c.Sku.Sku, c.Lot, c.Units)).ToArray(),
        };

    private static IReadOnlyList<PrepViolation> CheckCarton(PrepComplianceChecker checker, PlannedCarton carton, params FbaSku[] skus)
        => checker.CheckCarton(carton, s => skus.FirstOrDefault(x => x.Sku == s));

    [Fact]
    public void Box52Lb_WithSeveralUnits_Fails()
    {
        var sku = Plain("HEAVY", 13);
        var v = Assert.Single(CheckCarton(Us, Carton(52, WeightUnit.Pound, (sku, 4, null)), sku));
        Assert.Equal(FbaRuleIds.CartonWeight, v.RuleId);
        Assert.Equal("C001", v.CartonId);
        Assert.Equal("52 lb", v.Measured);
        Assert.Equal("50 lb", v.Limit);
        Assert.Equal("SC-SHIPROUTE", v.Source.Key);
    }

    [Fact]
    public void Box48Lb_WithSeveralUnits_Passes()
    {
        var sku = Plain("HEAVY", 12);
        Assert.Empty(CheckCarton(Us, Carton(48, WeightUnit.Pound, (sku, 4, null)), sku));
    }

    [Fact]
    public void Box52Lb_SingleOversizeUnit_WithTeamLift_Passes()
    {
        var sku = Plain("ANVIL", 52, 30, 20, 12);
        var carton = Carton(52, WeightUnit.Pound, (sku, 1, null)) with { Dimensions = new Dimensions(30, 20, 12, LengthUnit.Inch), HandlingLabels = ["Team Lift"] };
        Assert.Empty(CheckCarton(Us, carton, sku));
    }

    [Fact]
    public void Box52Lb_SingleUnit_WithoutTeamLift_Fails()
    {
        var sku = Plain("ANVIL", 52);
        var v = Assert.Single(CheckCarton(Us, Carton(52, WeightUnit.Pound, (sku, 1, null)), sku));
        Assert.Equal(FbaRuleIds.CartonHandlingLabel, v.RuleId);
        Assert.Equal("52 lb, no 'Team Lift' label", v.Measured);
        Assert.Equal("3P-FLEXPORT-OW", v.Source.Key);
    }

    [Fact]
    public void Box101Lb_SingleUnit_NeedsMechLiftToo()
    {
        var sku = Plain("SAFE", 101);
        var v = Assert.Single(CheckCarton(Us, Carton(101, WeightUnit.Pound, (sku, 1, null)) with { HandlingLabels = ["Team Lift"] }, sku));
        Assert.Equal("'Mech Lift' label over 100 lb", v.Limit);
    }

    [Fact]
    public void Box26InSide_WithSeveralUnits_Fails_25Passes()
    {
        var sku = Plain("LONG", 1);
        var v = Assert.Single(CheckCarton(Us, Carton(10, WeightUnit.Pound, (sku, 3, null)) with { Dimensions = new Dimensions(26, 12, 12, LengthUnit.Inch) }, sku));
        Assert.Equal(FbaRuleIds.CartonSide, v.RuleId);
        Assert.Equal("26 x 12 x 12 in", v.Measured);
        Assert.Equal("25 x 25 x 25 in", v.Limit);
        Assert.Empty(CheckCarton(Us, Carton(10, WeightUnit.Pound, (sku, 3, null)) with { Dimensions = new Dimensions(25, 12, 12, LengthUnit.Inch) }, sku));
    }

    [Fact]
    public void JewelryBox42Lb_Fails_40Passes()
    {
        var sku = Plain("RING", 1, jewelry: true);
        Assert.Equal("40 lb", Assert.Single(CheckCarton(Us, Carton(42, WeightUnit.Pound, (sku, 30, null)), sku)).Limit);
        Assert.Empty(CheckCarton(Us, Carton(40, WeightUnit.Pound, (sku, 30, null)), sku));
    }

    [Fact]
    public void India_18KgBox_Fails_BecauseTheLimitIsStrictlyBelow18()
    {
        var sku = Plain("KURTA", 0.5m);
        var v = Assert.Single(CheckCarton(India, Carton(18, WeightUnit.Kilogram, (sku, 30, null)) with { Dimensions = new Dimensions(60, 40, 40, LengthUnit.Centimetre) }, sku));
        Assert.Equal("18 kg", v.Measured);
        Assert.Equal("< 18 kg", v.Limit);
        Assert.Equal("SC-IN-PICKUP", v.Source.Key);
        Assert.Empty(CheckCarton(India, Carton(17.99m, WeightUnit.Kilogram, (sku, 30, null)) with { Dimensions = new Dimensions(60, 40, 40, LengthUnit.Centimetre) }, sku));
    }

    [Fact]
    public void India_BoxOver45CmOnTheShortSide_Fails()
    {
        var sku = Plain("KURTA", 0.5m);
        Assert.Equal("70 x 70 x 45 cm", Assert.Single(CheckCarton(India, Carton(10, WeightUnit.Kilogram, (sku, 30, null)) with { Dimensions = new Dimensions(60, 50, 50, LengthUnit.Centimetre) }, sku)).Limit);
    }

    [Fact]
    public void India_SingleOversizeUnit_IsNotAllowed()
    {
        var big = Plain("BIG", 44);
        var v = Assert.Single(CheckCarton(India, Carton(20, WeightUnit.Kilogram, (big, 1, null)) with { Dimensions = new Dimensions(60, 40, 40, LengthUnit.Centimetre) }, big));
        Assert.Equal(FbaRuleIds.CartonOversizeUnit, v.RuleId);
        Assert.Equal("20 kg", v.Measured);
    }

    [Fact]
    public void SameMskuTwoExpiries_InOneBox_Fails_OneExpiryPasses()
    {
        var sku = Plain("VITA", 0.2m, expirationDated: true);
        var a = Lot("A", 2027, 1, 1);
        var b = Lot("B", 2027, 6, 1);
        var v = Assert.Single(CheckCarton(Us, Carton(5, WeightUnit.Pound, (sku, 5, a), (sku, 5, b)), sku));
        Assert.Equal(FbaRuleIds.CartonMixedExpiry, v.RuleId);
        Assert.Equal("2027-01-01, 2027-06-01", v.Measured);
        Assert.Empty(CheckCarton(Us, Carton(5, WeightUnit.Pound, (sku, 5, a), (sku, 5, Lot("C", 2027, 1, 1))), sku));
    }

    [Fact]
    public void CasePack_TwoSkus_Fails()
    {
        var a = Plain("A", 1);
        var b = Plain("B", 1);
        Assert.Single(CheckCarton(Us, Carton(20, WeightUnit.Pound, (a, 6, null), (b, 6, null)) with { IsCasePack = true }, a, b), v => v.RuleId == FbaRuleIds.CasePackSingleSku);
    }

    [Fact]
    public void CasePack_151Units_Fails_150Passes()
    {
        var a = Plain("A", 0.1m);
        Assert.Equal("151 units", Assert.Single(CheckCarton(Us, Carton(20, WeightUnit.Pound, (a, 151, null)) with { IsCasePack = true }, a)).Measured);
        Assert.Empty(CheckCarton(Us, Carton(20, WeightUnit.Pound, (a, 150, null)) with { IsCasePack = true }, a));
    }

    [Fact]
    public void CasePacks_OfOneSku_MustHoldTheSameQuantity()
    {
        var a = Plain("A", 1);
        var c1 = Carton(13, WeightUnit.Pound, (a, 12, null)) with { IsCasePack = true };
        var c2 = c1 with { Id = "C002", Contents = [new CartonContent(a.Sku, null, 10)] };
        Assert.Equal("10, 12 units per case", Assert.Single(Us.CheckCasePacks([c1, c2])).Measured);
        Assert.Empty(Us.CheckCasePacks([c1, c1 with { Id = "C002" }]));
    }

    [Fact]
    public void Report_IsAResult_ListingEveryViolation()
    {
        var bad = Textile("BAD-1", fnsku: null, prep: p => p with { Categories = [PrepCategory.Unknown], PrepOwner = PrepOwner.Amazon });
        var report = CheckUs(bad);
        Assert.Equal(
            [FbaRuleIds.FnskuMissing, FbaRuleIds.CategoryUnknown, FbaRuleIds.PrepOwnerAmazon],
            report.Errors.Select(v => v.RuleId).OrderBy(r => r == FbaRuleIds.FnskuMissing ? 0 : r == FbaRuleIds.CategoryUnknown ? 1 : 2).ToArray());
        Assert.All(report.Violations, v => Assert.False(string.IsNullOrEmpty(v.Source.Url)));
        Assert.Equal(1, report.SkusChecked);
    }
}
