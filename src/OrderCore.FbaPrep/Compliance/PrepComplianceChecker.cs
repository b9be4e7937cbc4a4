using NodaTime;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>
/// Checks SKU profiles, lots and cartons against one marketplace's <see cref="FbaPrepRequirements"/> and returns every
/// violation with the SKU, the rule, the measured value, the limit and the source. Pure: no I/O, no clock.
/// </summary>
/// <threadsafety>Immutable; safe to use from many threads.</threadsafety>
public sealed class PrepComplianceChecker
{
    private readonly FbaPrepRequirements _r;

    /// <summary>Creates a checker for one marketplace's rules.</summary>
    public PrepComplianceChecker(FbaPrepRequirements requirements) => _r = Internal.Check.NotNull(requirements);

    /// <summary>The rules checked against.</summary>
    public FbaPrepRequirements Requirements => _r;

    /// <summary>Checks every SKU once, every line, every carton and the case packs across cartons.</summary>
    public PrepComplianceReport Check(PrepComplianceInput input)
    {
        Internal.Check.NotNull(input);
        var violations = new List<PrepViolation>();
        var skus = new Dictionary<Sku, FbaSku>();
        foreach (var line in input.Lines)
        {
            if (skus.TryAdd(line.Sku.Sku, line.Sku)) violations.AddRange(CheckSku(line.Sku, input.ShipmentDate));
            violations.AddRange(CheckLine(line, input.ReceiptDate));
        }
        foreach (var carton in input.Cartons) violations.AddRange(CheckCarton(carton, s => skus.GetValueOrDefault(s)));
        violations.AddRange(CheckCasePacks(input.Cartons));
        return new PrepComplianceReport(_r.MarketplaceCode, input.ShipmentDate, input.ReceiptDate, skus.Count, input.Cartons.Count, violations);
    }

    /// <summary>Checks one SKU's profile: categories and their prep, owners, labels, poly bag, unit data.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="shipmentDate">The date the shipment is created; dated rules (US owners, reseller FNSKU) use it.</param>
    public IReadOnlyList<PrepViolation> CheckSku(FbaSku sku, LocalDate shipmentDate)
    {
        Internal.Check.NotNull(sku);
        var v = new List<PrepViolation>();
        var p = sku.Prep;
        var s = sku.Sku;
        var barcode = BarcodeEligibility.Evaluate(sku, _r, shipmentDate);
        var usesManufacturerBarcode = p.Barcode == UnitBarcode.Manufacturer && barcode.IsEligible;

        // Categories.
        if (p.Categories.Count == 0 || p.IsIn(PrepCategory.Unknown))
        {
            v.Add(Error(FbaRuleIds.CategoryUnknown, s, null, p.Categories.Count == 0 ? "(none)" : "UNKNOWN", "one of the input categories (e.g. TEXTILE, SET, NONE)", FbaSources.InboundModel,
                "The prep category is unknown: set it (UNKNOWN is output-only: 'needs to be updated')."));
        }
        if (p.IsIn(PrepCategory.FcProvided))
        {
            v.Add(Error(FbaRuleIds.CategoryOutputOnly, s, null, "FC_PROVIDED", "an input category", FbaSources.InboundModel, "FC_PROVIDED is provided by Amazon and cannot be used as an input."));
        }
        foreach (var category in p.Categories)
        {
            if (!_r.Categories.TryGetValue(category, out var req) || req.Alternatives.Count == 0) continue;
            if (req.Alternatives.Any(alt => alt.All(t => IsSatisfied(t, p, usesManufacturerBarcode)))) continue;
            var have = p.PrepTypes.Count == 0 ? "(none)" : string.Join(" + ", p.PrepTypes.Select(FbaApiNames.ToApi));
            v.Add(Error(FbaRuleIds.CategoryPrepMissing, s, null, have, req.Describe(), req.Source,
                $"{FbaApiNames.ToApi(category)} requires {req.Description}."));
        }
        if (p.IsIn(PrepCategory.Set) && p.Set is null)
        {
            v.Add(Warning(FbaRuleIds.SetMembershipMissing, s, null, "(none)", "the number of items in the set", FbaSources.SetLabel, "The SKU is a SET but its set membership (items per set) is not recorded."));
        }

        // Owners.
        if (p.PrepOwner == PrepOwner.Amazon && _r.Owners.AmazonPrepOwnerRefusedFrom is { } prepFrom && shipmentDate >= prepFrom.Value)
        {
            v.Add(Error(FbaRuleIds.PrepOwnerAmazon, s, null, "AMAZON", $"SELLER or NONE (AMAZON refused in {_r.MarketplaceCode} from {prepFrom.Value:yyyy-MM-dd})", prepFrom.Source,
                $"Amazon no longer preps FBA inventory in {_r.MarketplaceCode}: the seller or its 3PL must prep (prepOwner SELLER)."));
        }
        if (p.LabelOwner == LabelOwner.Amazon && _r.Owners.AmazonLabelOwnerRefusedFrom is { } labelFrom && shipmentDate >= labelFrom.Value)
        {
            v.Add(Error(FbaRuleIds.LabelOwnerAmazon, s, null, "AMAZON", $"SELLER or NONE (AMAZON refused in {_r.MarketplaceCode} from {labelFrom.Value:yyyy-MM-dd})", labelFrom.Source,
                $"Amazon no longer labels FBA inventory in {_r.MarketplaceCode}: the seller or its 3PL must apply the FNSKU labels (labelOwner SELLER)."));
        }
        var prepSteps = p.PrepTypes.Where(t => t is not (PrepType.NoPrep or PrepType.Labeling)).ToArray();
        if (p.PrepOwner == PrepOwner.None && prepSteps.Length > 0)
        {
            v.Add(Error(FbaRuleIds.PrepOwnerNone, s, null, "NONE", "SELLER (or AMAZON where accepted)", FbaSources.InboundModel,
                $"The unit needs prep ({string.Join(", ", prepSteps.Select(FbaApiNames.ToApi))}) but prepOwner is NONE."));
        }

        // Unit labels.
        if (p.Barcode == UnitBarcode.Manufacturer && !barcode.IsEligible)
        {
            v.Add(Error(FbaRuleIds.ManufacturerBarcodeIneligible, s, null, "manufacturer barcode", "FNSKU label", BarcodeSource(barcode),
                "The unit cannot ship on its manufacturer barcode: " + string.Join("; ", barcode.Reasons) + "."));
        }
        if (!usesManufacturerBarcode)
        {
            if (sku.Fnsku is null)
            {
                var severity = p.LabelOwner == LabelOwner.Amazon ? ViolationSeverity.Warning : ViolationSeverity.Error;
                v.Add(new PrepViolation(FbaRuleIds.FnskuMissing, severity, s, null, "(none)", "an FNSKU for the unit label", FbaSources.FnskuLabel,
                    "The unit needs an FNSKU label but the SKU master has no FNSKU: print item labels from Seller Central (or createMarketplaceItemLabels) and record the FNSKU."));
            }
            if (!p.Has(PrepType.Labeling) || p.LabelOwner == LabelOwner.None)
            {
                var measured = !p.Has(PrepType.Labeling) ? "no ITEM_LABELING" : "labelOwner NONE";
                v.Add(Error(FbaRuleIds.FnskuLabelStep, s, null, measured, "ITEM_LABELING with labelOwner SELLER" + (_r.Owners.AmazonLabelOwnerRefusedFrom is null ? " or AMAZON" : ""), FbaSources.FnskuLabel,
                    "Every unit needs one scannable FNSKU label covering all other barcodes."));
            }
        }

        // Poly bag.
        if (p.Has(PrepType.Polybagging))
        {
            if (p.Polybag is not { } bag)
            {
                v.Add(Warning(FbaRuleIds.PolybagSpecMissing, s, null, "(none)", "bag opening, size and film thickness", _r.Polybag.SuffocationWarningOpening.Source,
                    "The unit is bagged but the bag is not measured: the suffocation-warning and film rules cannot be checked."));
            }
            else
            {
                var minMil = _r.Polybag.MinFilmThicknessMil;
                if (bag.FilmThicknessMil < minMil.Value)
                {
                    v.Add(Error(FbaRuleIds.PolybagThickness, s, null, $"{FbaFormat.Number(bag.FilmThicknessMil)} mil", $"{FbaFormat.Number(minMil.Value)} mil", minMil.Source,
                        "The poly bag film is too thin."));
                }
                var threshold = _r.Polybag.SuffocationWarningOpening;
                var unit = threshold.Value.Unit;
                if (bag.Opening.CompareTo(threshold.Value) >= 0 && !bag.HasSuffocationWarning && !p.Has(PrepType.SuffocationSticker))
                {
                    v.Add(Error(FbaRuleIds.SuffocationWarning, s, null,
                        $"opening {FbaFormat.Length(bag.Opening.In(unit), unit)}, no warning",
                        $"a suffocation warning when the opening is >= {threshold.Value}",
                        threshold.Source,
                        $"A poly bag with an opening of {threshold.Value} or more (measured flat) needs a suffocation warning printed on the bag or an ITEM_SUFFOSTK sticker."));
                }
                if (bag.HasSuffocationWarning && bag.WarningFontPoints is { } pts && RequiredWarningPoints(bag) is { } need && pts < need)
                {
                    v.Add(Error(FbaRuleIds.SuffocationWarningFont, s, null, $"{pts} pt", $"{need} pt for length + width {FbaFormat.Number(bag.LengthPlusWidthInches)} in", _r.Polybag.WarningFontSource,
                        "The suffocation warning is printed too small for the bag's size."));
                }
            }
        }

        // Unit data for cartons.
        if (sku.UnitDimensions is null || sku.UnitWeight is null)
        {
            var missing = string.Join(" and ", new[] { sku.UnitDimensions is null ? "dimensions" : null, sku.UnitWeight is null ? "weight" : null }.Where(x => x is not null));
            v.Add(Warning(FbaRuleIds.UnitDataMissing, s, null, $"no unit {missing}", "unit dimensions and weight", _r.Cartons.MaxWeight.Source,
                $"Cartons cannot be planned or checked without the unit {missing}."));
        }
        return v;
    }

    /// <summary>Checks one line's lot: an expiry for expiration-dated SKUs, and the remaining shelf life at receipt.</summary>
    /// <param name="line">The line.</param>
    /// <param name="expectedReceipt">The date the units are expected at the fulfilment centre.</param>
    public IReadOnlyList<PrepViolation> CheckLine(ReplenishmentLine line, LocalDate expectedReceipt)
    {
        Internal.Check.NotNull(line);
        var v = new List<PrepViolation>();
        var p = line.Sku.Prep;
        var s = line.Sku.Sku;
        if (line.Expiry is not { } expiry)
        {
            if (p.IsExpirationDated)
            {
                v.Add(Error(FbaRuleIds.ExpiryMissing, s, null, line.Lot is { } lot ? $"lot {lot.Code} without expiry" : "no lot", "an expiration date (YYYY-MM-DD in the plan; MM-DD-YYYY or MM-YYYY on the unit)", FbaSources.Expiration,
                    "Expiration-dated units need their expiry date on the unit, the carton and the inbound plan."));
            }
            return v;
        }
        var remaining = Period.Between(expectedReceipt, expiry, PeriodUnits.Days).Days;
        var min = _r.MinRemainingShelfLifeDays(p);
        if (remaining < min)
        {
            var rule = _r.Expiry.MinRemainingShelfLifeDays;
            var why = p.ConsumptionPeriodDays is { } period && min > rule.Value ? $" (consumption period {period} + {_r.Expiry.ConsumptionPeriodMarginDays.Value} days)" : "";
            v.Add(Error(FbaRuleIds.ExpiryShelfLife, s, null,
                $"{remaining} days (expires {expiry:yyyy-MM-dd}, received {expectedReceipt:yyyy-MM-dd})",
                $"{min} days{why}",
                min > rule.Value ? _r.Expiry.ConsumptionPeriodMarginDays.Source : rule.Source,
                $"Lot {line.Lot?.Code} has too little shelf life left at receipt" + (rule.Note is null ? "." : $". {rule.Note}")));
        }
        return v;
    }

    /// <summary>Checks one carton: sides, weight, jewellery weight, handling labels, one expiry per SKU, case-pack content.</summary>
    /// <param name="carton">The carton.</param>
    /// <param name="skuOf">Finds a SKU's profile (for unit weights and jewellery); may return null.</param>
    public IReadOnlyList<PrepViolation> CheckCarton(PlannedCarton carton, Func<Sku, FbaSku?> skuOf)
    {
        Internal.Check.NotNull(carton);
        Internal.Check.NotNull(skuOf);
        var v = new List<PrepViolation>();
        var c = _r.Cartons;
        var sys = _r.UnitSystem;
        var id = carton.Id;
        var single = carton.UnitCount == 1;
        var soleSku = carton.Contents.Select(x => x.Sku).Distinct().Count() == 1 ? carton.Contents[0].Sku : (Sku?)null;
        var oversizeAllowed = single && c.AllowSingleOversizeUnit.Value;

        var sidesOver = !FitsEnvelope(carton.Dimensions, c.MaxDimensions.Value);
        var weightOver = IsOverMaxWeight(carton.Weight);
        if (sidesOver && !oversizeAllowed)
        {
            v.Add(Error(single ? FbaRuleIds.CartonOversizeUnit : FbaRuleIds.CartonSide, soleSku, id,
                FbaFormat.Dimensions(carton.Dimensions, sys), FbaFormat.Dimensions(c.MaxDimensions.Value, sys), c.MaxDimensions.Source,
                single
                    ? $"{_r.Name} allows no box over the size limit, even for one unit."
                    : $"A box with several units ({carton.UnitCount}) must fit {FbaFormat.Dimensions(c.MaxDimensions.Value, sys)}; only a single oversize unit may need a larger box."));
        }
        if (weightOver && !oversizeAllowed)
        {
            v.Add(Error(single ? FbaRuleIds.CartonOversizeUnit : FbaRuleIds.CartonWeight, soleSku, id,
                FbaFormat.Weight(carton.Weight, sys), (c.MaxWeightIsExclusive ? "< " : "") + FbaFormat.Weight(c.MaxWeight.Value, sys), c.MaxWeight.Source,
                single
                    ? $"{_r.Name} allows no box over the weight limit, even for one unit."
                    : $"A box with several units ({carton.UnitCount}) must not exceed {FbaFormat.Weight(c.MaxWeight.Value, sys)}; only a box holding one oversize unit may."));
        }
        if (c.JewelryMaxWeight is { } jewelry && carton.Contents.Any(x => skuOf(x.Sku)?.Prep.IsJewelryOrWatch == true) && Compare(carton.Weight, jewelry.Value) > 0)
        {
            v.Add(Error(FbaRuleIds.CartonJewelryWeight, soleSku, id, FbaFormat.Weight(carton.Weight, sys), FbaFormat.Weight(jewelry.Value, sys), jewelry.Source,
                "Boxes with jewellery or watches have a lower weight limit."));
        }
        if (!(weightOver || sidesOver) || oversizeAllowed)
        {
            var heaviestUnit = carton.Contents.Select(x => skuOf(x.Sku)?.UnitWeight).Where(w => w is not null).Select(w => w!.Value).OrderByDescending(w => w.Kilograms).FirstOrDefault();
            foreach (var rule in c.HandlingLabels)
            {
                var basis = rule.Basis == WeightLabelBasis.Carton ? carton.Weight : heaviestUnit;
                if (Compare(basis, rule.Above) <= 0 || carton.HasLabel(rule.Label)) continue;
                v.Add(Error(FbaRuleIds.CartonHandlingLabel, soleSku, id,
                    $"{FbaFormat.Weight(basis, sys)}{(rule.Basis == WeightLabelBasis.HeaviestUnit ? " unit" : "")}, no '{rule.Label}' label",
                    $"'{rule.Label}' label over {FbaFormat.Weight(rule.Above, sys)}", rule.Source,
                    $"Put a '{rule.Label}' label on the top and sides of the box."));
            }
        }
        foreach (var group in carton.Contents.GroupBy(x => x.Sku))
        {
            var expiries = group.Select(x => x.Expiry).Distinct().ToArray();
            if (expiries.Length > 1)
            {
                v.Add(Error(FbaRuleIds.CartonMixedExpiry, group.Key, id,
                    string.Join(", ", expiries.Select(e => e is { } d ? d.ToString("yyyy-MM-dd", null) : "no expiry")),
                    "one expiration date per MSKU per box", FbaSources.OneExpiryPerBox,
                    "Items with the same MSKU but different expiration dates cannot go into the same box."));
            }
        }
        if (carton.IsCasePack)
        {
            var skus = carton.Contents.Select(x => x.Sku).Distinct().ToArray();
            if (skus.Length > 1)
            {
                v.Add(Error(FbaRuleIds.CasePackSingleSku, null, id, $"{skus.Length} SKUs ({string.Join(", ", skus)})", "1 SKU", _r.CasePacks.Source, "A case pack holds units of one SKU only."));
            }
            var max = _r.CasePacks.MaxUnitsPerCase;
            if (carton.UnitCount > max.Value)
            {
                v.Add(Error(FbaRuleIds.CasePackMaxUnits, soleSku, id, $"{carton.UnitCount} units", $"{max.Value} units", max.Source, "A case pack holds at most this many units."));
            }
        }
        return v;
    }

    /// <summary>Checks that every case pack of a SKU holds the same quantity.</summary>
    public IReadOnlyList<PrepViolation> CheckCasePacks(IEnumerable<PlannedCarton> cartons)
    {
        Internal.Check.NotNull(cartons);
        var v = new List<PrepViolation>();
        foreach (var group in cartons.Where(c => c.IsCasePack && c.Contents.Count > 0 && c.Contents.All(x => x.Sku == c.Contents[0].Sku)).GroupBy(c => c.Contents[0].Sku))
        {
            var quantities = group.Select(c => c.UnitCount).Distinct().Order().ToArray();
            if (quantities.Length > 1)
            {
                v.Add(Error(FbaRuleIds.CasePackUniform, group.Key, string.Join(",", group.Select(c => c.Id)),
                    $"{string.Join(", ", quantities)} units per case", "the same quantity in every case", _r.CasePacks.Source,
                    "Every case pack of a SKU must hold the same number of units."));
            }
        }
        return v;
    }

    /// <summary>True when the sorted sides of <paramref name="box"/> fit the sorted sides of <paramref name="envelope"/>.</summary>
    public static bool FitsEnvelope(Dimensions box, Dimensions envelope)
    {
        var a = Sorted(box.To(LengthUnit.Centimetre));
        var b = Sorted(envelope.To(LengthUnit.Centimetre));
        return a[0] <= b[0] && a[1] <= b[1] && a[2] <= b[2];
    }

    /// <summary>True when <paramref name="weight"/> is over the marketplace's box weight limit (at or over it when the limit is exclusive).</summary>
    public bool IsOverMaxWeight(Weight weight)
    {
        var cmp = Compare(weight, _r.Cartons.MaxWeight.Value);
        return _r.Cartons.MaxWeightIsExclusive ? cmp >= 0 : cmp > 0;
    }

    internal static decimal[] Sorted(Dimensions d)
    {
        var a = new[] { d.Length, d.Width, d.Height };
        Array.Sort(a);
        Array.Reverse(a);
        return a;
    }

    private static int Compare(Weight a, Weight b) => a.Kilograms.CompareTo(b.Kilograms);

    private int? RequiredWarningPoints(PolybagSpec bag)
    {
        var size = bag.LengthPlusWidthInches;
        return _r.Polybag.WarningFontSizes.OrderByDescending(f => f.MinLengthPlusWidthInches).FirstOrDefault(f => size >= f.MinLengthPlusWidthInches)?.MinPoints;
    }

    private bool IsSatisfied(PrepType type, PrepProfile p, bool usesManufacturerBarcode) => type switch
    {
        _ when p.Has(type) => true,
        PrepType.Labeling => usesManufacturerBarcode || p.LabelOwner == LabelOwner.Amazon,
        PrepType.SuffocationSticker => p.Polybag?.HasSuffocationWarning == true,
        _ => false,
    };

    private RuleSource BarcodeSource(BarcodeEligibility e)
        => _r.Labels.FnskuAlwaysRequired.Value ? _r.Labels.FnskuAlwaysRequired.Source
           : e.Reasons.Any(r => r.Contains("resellers", StringComparison.Ordinal)) && _r.Labels.ResellerFnskuFrom is { } f ? f.Source
           : _r.Labels.ManufacturerBarcodeSource;

    private static PrepViolation Error(string rule, Sku? sku, string? carton, string measured, string limit, RuleSource source, string message)
        => new(rule, ViolationSeverity.Error, sku, carton, measured, limit, source, message);

    private static PrepViolation Warning(string rule, Sku? sku, string? carton, string measured, string limit, RuleSource source, string message)
        => new(rule, ViolationSeverity.Warning, sku, carton, measured, limit, source, message);
}
