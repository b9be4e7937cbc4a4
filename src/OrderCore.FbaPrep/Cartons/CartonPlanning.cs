using System.Globalization;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>A box size the warehouse stocks: outer dimensions and empty (tare) weight.</summary>
/// <param name="Name">A short name, e.g. <c>L</c>.</param>
/// <param name="Outer">Outer dimensions (contents are packed against this volume times the fill factor).</param>
/// <param name="Tare">The empty box's weight.</param>
public sealed record CartonSize(string Name, Dimensions Outer, Weight Tare)
{
    /// <summary>Volume in cubic centimetres.</summary>
    public decimal VolumeCm3
    {
        get
        {
            var d = Outer.To(LengthUnit.Centimetre);
            return d.Length * d.Width * d.Height;
        }
    }

    /// <summary>Formats as <c>L 60 x 40 x 40 cm</c>.</summary>
    public string Describe(FbaUnitSystem system) => $"{Name} {FbaFormat.Dimensions(Outer, system)}";
}

/// <summary>Settings of <see cref="CartonPlanner"/>.</summary>
public sealed class CartonPlanningOptions
{
    /// <summary>The box sizes to pack into; empty uses <see cref="DefaultBoxSizes"/> for the marketplace's unit system. Each must fit the marketplace's carton limits.</summary>
    public IList<CartonSize> BoxSizes { get; } = new List<CartonSize>();

    /// <summary>The share of a box's volume that contents may fill (folded, bagged goods do not tessellate).</summary>
    /// <value>Default 0.85; greater than 0 and at most 1.</value>
    public decimal FillFactor { get; set; } = 0.85m;

    /// <summary>How box contents are given to Amazon; null uses the marketplace default (<see cref="BoxContentSource.BoxContentProvided"/>).</summary>
    /// <value>Default null.</value>
    public BoxContentSource? ContentSource { get; set; }

    /// <summary>Whether SKUs with a case-pack quantity ship in case packs (full cases; the rest as individual units).</summary>
    /// <value>Default true.</value>
    public bool UseCasePacks { get; set; } = true;

    /// <summary>The prefix of carton ids (<c>C001</c>, <c>C002</c>…).</summary>
    /// <value>Default <c>C</c>.</value>
    public string CartonIdPrefix { get; set; } = "C";

    /// <summary>
    /// The default box sizes: imperial 24 x 18 x 18 in (2 lb), 18 x 14 x 12 in (1.3 lb), 12 x 10 x 8 in (0.7 lb);
    /// metric 60 x 40 x 40 cm (0.9 kg), 45 x 35 x 30 cm (0.6 kg), 30 x 25 x 20 cm (0.3 kg). Common regular slotted
    /// carton sizes within the US 25 in and the EU/AU 63.5 cm and India 70 x 70 x 45 cm limits.
    /// </summary>
    public static IReadOnlyList<CartonSize> DefaultBoxSizes(FbaUnitSystem system) => system == FbaUnitSystem.Imperial
        ? [
            new("L", new Dimensions(24, 18, 18, LengthUnit.Inch), new Weight(2m, WeightUnit.Pound)),
            new("M", new Dimensions(18, 14, 12, LengthUnit.Inch), new Weight(1.3m, WeightUnit.Pound)),
            new("S", new Dimensions(12, 10, 8, LengthUnit.Inch), new Weight(0.7m, WeightUnit.Pound)),
        ]
        : [
            new("L", new Dimensions(60, 40, 40, LengthUnit.Centimetre), new Weight(0.9m, WeightUnit.Kilogram)),
            new("M", new Dimensions(45, 35, 30, LengthUnit.Centimetre), new Weight(0.6m, WeightUnit.Kilogram)),
            new("S", new Dimensions(30, 25, 20, LengthUnit.Centimetre), new Weight(0.3m, WeightUnit.Kilogram)),
        ];
}

/// <summary>Units that could not be put in any carton, and why. Reported, never looped on.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Lot">The lot, or null.</param>
/// <param name="Quantity">Units left out.</param>
/// <param name="RuleId">The rule that made it impossible (one of <see cref="FbaRuleIds"/>).</param>
/// <param name="Reason">Why, with the measured values and the limits.</param>
public sealed record UnplannedUnits(Sku Sku, Lot? Lot, int Quantity, string RuleId, string Reason);

/// <summary>The result of <see cref="CartonPlanner.Plan"/>: cartons, units that could not be planned, and the plan's quality against a lower bound.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CartonPlan
{
    internal CartonPlan(FbaPrepRequirements requirements, IReadOnlyList<PlannedCarton> cartons, IReadOnlyList<UnplannedUnits> unplanned, int mixedCartons, int mixedLowerBound, IReadOnlyList<string> notes)
    {
        Requirements = requirements;
        Cartons = cartons;
        Unplanned = unplanned;
        MixedCartons = mixedCartons;
        MixedCartonsLowerBound = mixedLowerBound;
        Notes = notes;
    }

    /// <summary>The marketplace rules the plan follows.</summary>
    public FbaPrepRequirements Requirements { get; }

    /// <summary>The cartons: case packs first, then mixed-SKU boxes, then single oversize units.</summary>
    public IReadOnlyList<PlannedCarton> Cartons { get; }

    /// <summary>Units that fit no carton within the limits (or lack dimensions or weight).</summary>
    public IReadOnlyList<UnplannedUnits> Unplanned { get; }

    /// <summary>How many mixed (individual-unit) cartons first-fit decreasing used.</summary>
    public int MixedCartons { get; }

    /// <summary>
    /// A lower bound on the mixed cartons any packing needs: ⌈max(Σ weight / largest payload, Σ volume / largest usable volume)⌉.
    /// <see cref="MixedCartons"/> − this bound is an upper bound on the plan's waste.
    /// </summary>
    public int MixedCartonsLowerBound { get; }

    /// <summary>What the planner decided and why (case-pack remainders, fallbacks, defaults).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Units in cartons.</summary>
    public int PlannedUnits => Cartons.Sum(c => c.UnitCount);

    /// <summary>Units in cartons per (SKU, lot).</summary>
    public IReadOnlyDictionary<(Sku Sku, Lot? Lot), int> UnitsBySkuAndLot()
        => Cartons.SelectMany(c => c.Contents).GroupBy(x => (x.Sku, x.Lot)).ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity));
}

/// <summary>
/// Plans FBA cartons from replenishment lines: case packs where the SKU has one, otherwise mixed-SKU boxes packed by
/// first-fit decreasing on weight and volume, within the marketplace's carton limits; one box per single oversize unit
/// where the marketplace allows it, with its handling labels. Pure and deterministic.
/// </summary>
/// <remarks>
/// <para>Rules kept by construction: no multi-unit box over the side or weight limit (nor the jewellery limit); the same SKU
/// with two expiry dates never in one box; a case pack holds one SKU and lot, the SKU's case quantity (≤ the case maximum);
/// every unit in is either in exactly one carton or reported in <see cref="CartonPlan.Unplanned"/>.</para>
/// <para>
/// Quality: items are sorted by their larger share of the box's payload and usable volume, largest first, and each goes to
/// the first box it fits (FFD). When one constraint binds (e.g. heavy goods), FFD uses at most 11/9·OPT + 6/9 boxes
/// (Dósa 2007, tight). With both constraints binding, first-fit on any order is within 2.7·OPT asymptotically
/// (d + 7/10 for d = 2; Garey, Graham, Johnson and Yao 1976). Each plan reports a lower bound
/// (<see cref="CartonPlan.MixedCartonsLowerBound"/>) so the actual gap is measured, not assumed.
/// </para>
/// <para>
/// Volume model: a unit fits a box when its sorted sides fit the box's sorted sides; several units fit when their total
/// volume is at most the box volume times <see cref="CartonPlanningOptions.FillFactor"/> (soft, bagged goods). After
/// packing, each box is shrunk to the smallest stocked size that still holds it.
/// </para>
/// </remarks>
public static class CartonPlanner
{
    /// <summary>Plans cartons for <paramref name="lines"/> under <paramref name="requirements"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FbaPrepConfigurationException">A box size does not fit the marketplace limits, or the fill factor is out of range.</exception>
    public static CartonPlan Plan(IReadOnlyList<ReplenishmentLine> lines, FbaPrepRequirements requirements, CartonPlanningOptions? options = null)
    {
        Check.NotNull(lines);
        Check.NotNull(requirements);
        options ??= new CartonPlanningOptions();
        var sys = requirements.UnitSystem;
        var boxes = (options.BoxSizes.Count > 0 ? options.BoxSizes.ToList() : CartonPlanningOptions.DefaultBoxSizes(sys).ToList())
            .OrderBy(b => b.VolumeCm3).ThenBy(b => b.Tare.Kilograms).ThenBy(b => b.Name, StringComparer.Ordinal).ToArray();
        var limits = new Limits(requirements);
        ValidateOptions(options, boxes, limits, requirements);
        var source = options.ContentSource ?? requirements.DefaultBoxContentSource;

        var notes = new List<string>();
        var unplanned = new List<UnplannedUnits>();
        var caseCartons = new List<Draft>();
        var oversize = new List<Draft>();
        var individual = new List<Item>();

        var merged = lines.Where(l => l.Quantity.Units > 0)
            .GroupBy(l => (l.Sku.Sku, l.Lot))
            .Select(g => (Sku: g.First().Sku, Lot: g.Key.Lot, Units: g.Sum(l => l.Quantity.Units)))
            .OrderBy(x => x.Sku.Sku)
            .ThenBy(x => x.Lot?.Expiry ?? NodaTime.LocalDate.MaxIsoValue)
            .ThenBy(x => x.Lot?.Code ?? "", StringComparer.Ordinal)
            .ToArray();

        foreach (var (sku, lot, units) in merged)
        {
            if (sku.UnitDimensions is not { } dims || sku.UnitWeight is not { } weight)
            {
                unplanned.Add(new UnplannedUnits(sku.Sku, lot, units, FbaRuleIds.UnitDataMissing, $"no unit {(sku.UnitDimensions is null ? "dimensions" : "weight")}: cartons cannot be planned"));
                continue;
            }
            var item = new Item(sku, lot, dims, weight, limits.In(weight), limits.JewelryCap(sku));
            var remaining = units;
            var standardBox = boxes.FirstOrDefault(b => item.FitsAlone(b, limits));
            if (standardBox is null)
            {
                var oversizeReason = limits.OversizeBlock(item);
                if (oversizeReason is { } why)
                {
                    unplanned.Add(new UnplannedUnits(sku.Sku, lot, units, why.RuleId, why.Reason));
                }
                else
                {
                    for (var i = 0; i < units; i++) oversize.Add(Draft.Oversize(item));
                    notes.Add($"{sku.Sku}: {units} unit(s) of {FbaFormat.Weight(weight, sys)}, {FbaFormat.Dimensions(dims, sys)} exceed every stocked box within the limits; each ships alone in its own packaging.");
                }
                continue;
            }
            if (options.UseCasePacks && sku.CasePackQuantity is { } n && n >= 1)
            {
                var maxCase = requirements.CasePacks.MaxUnitsPerCase.Value;
                if (n > maxCase)
                {
                    notes.Add($"{sku.Sku}: case pack of {n} exceeds {maxCase} units per case [{requirements.CasePacks.MaxUnitsPerCase.Source.Key}]; packed as individual units.");
                }
                else if (units >= n)
                {
                    var caseBox = boxes.FirstOrDefault(b => item.FitsCase(b, n, limits, options.FillFactor));
                    if (caseBox is null)
                    {
                        notes.Add($"{sku.Sku}: a case of {n} ({FbaFormat.Number(item.W * n)} {(sys == FbaUnitSystem.Imperial ? "lb" : "kg")}) fits no stocked box within the limits; packed as individual units.");
                    }
                    else
                    {
                        var cases = units / n;
                        for (var i = 0; i < cases; i++) caseCartons.Add(Draft.Case(item, n, caseBox));
                        remaining = units - cases * n;
                        if (remaining > 0) notes.Add($"{sku.Sku}{(lot is { } l ? " lot " + l.Code : "")}: {cases} case(s) of {n}; the other {remaining} unit(s) are packed individually (round the quantity to a multiple of {n} to ship only cases).");
                    }
                }
                else
                {
                    notes.Add($"{sku.Sku}: {units} unit(s) are fewer than one case of {n}; packed individually.");
                }
            }
            if (remaining > 0) individual.Add(item with { Count = remaining });
        }

        var (mixed, lowerBound) = FirstFitDecreasing(individual, boxes, limits, options.FillFactor);

        var cartons = new List<PlannedCarton>();
        var next = 1;
        foreach (var d in caseCartons.Concat(mixed).Concat(oversize))
        {
            cartons.Add(d.ToCarton(options.CartonIdPrefix + next.ToString("000", CultureInfo.InvariantCulture), requirements, source));
            next++;
        }
        return new CartonPlan(requirements, cartons, unplanned, mixed.Count, lowerBound, notes);
    }

    private static (List<Draft> Bins, int LowerBound) FirstFitDecreasing(List<Item> items, CartonSize[] boxes, Limits limits, decimal fill)
    {
        var bins = new List<Draft>();
        if (items.Count == 0) return (bins, 0);
        var maxPayload = boxes.Max(b => limits.MaxWeight - limits.In(b.Tare));
        var maxUsable = boxes.Max(b => b.VolumeCm3) * fill;
        var ordered = items
            .OrderByDescending(i => Math.Max(maxPayload > 0 ? i.W / maxPayload : 1m, maxUsable > 0 ? i.VolumeCm3 / maxUsable : 1m))
            .ThenBy(i => i.Sku.Sku)
            .ThenBy(i => i.Lot?.Expiry ?? NodaTime.LocalDate.MaxIsoValue)
            .ThenBy(i => i.Lot?.Code ?? "", StringComparer.Ordinal)
            .ToList();
        foreach (var item in ordered)
        {
            var left = item.Count;
            foreach (var bin in bins)
            {
                if (left == 0) break;
                var k = Math.Min(left, bin.HowManyFit(item, boxes, limits, fill));
                if (k <= 0) continue;
                bin.Add(item, k);
                left -= k;
            }
            while (left > 0)
            {
                var bin = Draft.Mixed();
                var k = Math.Min(left, bin.HowManyFit(item, boxes, limits, fill));
                if (k <= 0) throw new InvalidOperationException($"A unit of {item.Sku.Sku} fits no empty box although it was checked to fit one."); // unreachable: FitsAlone was checked
                bin.Add(item, k);
                left -= k;
                bins.Add(bin);
            }
        }
        foreach (var bin in bins) bin.Shrink(boxes, limits, fill);

        var totalWeight = items.Sum(i => i.W * i.Count);
        var totalVolume = items.Sum(i => i.VolumeCm3 * i.Count);
        var lb = (int)Math.Max(maxPayload > 0 ? Math.Ceiling(totalWeight / maxPayload) : 0m, maxUsable > 0 ? Math.Ceiling(totalVolume / maxUsable) : 0m);
        return (bins, Math.Max(lb, 1));
    }

    private static void ValidateOptions(CartonPlanningOptions options, CartonSize[] boxes, Limits limits, FbaPrepRequirements r)
    {
        var errors = new List<string>();
        if (options.FillFactor is <= 0m or > 1m) errors.Add($"FillFactor must be greater than 0 and at most 1 (was {options.FillFactor}).");
        if (string.IsNullOrWhiteSpace(options.CartonIdPrefix)) errors.Add("CartonIdPrefix must not be blank.");
        foreach (var b in boxes)
        {
            if (b is null) { errors.Add("A box size is null."); continue; }
            if (!PrepComplianceChecker.FitsEnvelope(b.Outer, r.Cartons.MaxDimensions.Value)) errors.Add($"Box {b.Name} ({FbaFormat.Dimensions(b.Outer, r.UnitSystem)}) does not fit the {r.MarketplaceCode} limit {FbaFormat.Dimensions(r.Cartons.MaxDimensions.Value, r.UnitSystem)}.");
            if (!limits.WeightOk(limits.In(b.Tare), null)) errors.Add($"Box {b.Name}'s tare alone reaches the {r.MarketplaceCode} weight limit.");
            if (b.VolumeCm3 <= 0) errors.Add($"Box {b.Name} has no volume.");
        }
        if (errors.Count > 0) throw new FbaPrepConfigurationException(r.MarketplaceCode, errors);
    }

    /// <summary>The marketplace limits in cm and kg.</summary>
    private sealed class Limits(FbaPrepRequirements r)
    {
        public FbaPrepRequirements R { get; } = r;
        public decimal MaxWeight { get; } = FbaFormat.WeightIn(r.Cartons.MaxWeight.Value, r.UnitSystem);
        public decimal? JewelryMax { get; } = r.Cartons.JewelryMaxWeight is { } j ? FbaFormat.WeightIn(j.Value, r.UnitSystem) : null;

        /// <summary>A weight in the marketplace's unit (lb or kg).</summary>
        public decimal In(Weight w) => FbaFormat.WeightIn(w, R.UnitSystem);

        public decimal? JewelryCap(FbaSku sku) => sku.Prep.IsJewelryOrWatch ? JewelryMax : null;

        /// <summary>True when a box of this gross weight (marketplace unit), as declared (rounded up to 2 decimals), is within the limits.</summary>
        public bool WeightOk(decimal gross, decimal? cap)
        {
            var declared = Declared(gross);
            var ok = R.Cartons.MaxWeightIsExclusive ? declared < MaxWeight : declared <= MaxWeight;
            return ok && (cap is not { } c || declared <= c);
        }

        /// <summary>Why a unit that fits no box cannot ship alone, or null when it may.</summary>
        public (string RuleId, string Reason)? OversizeBlock(Item item)
        {
            var sys = R.UnitSystem;
            var what = $"a unit of {FbaFormat.Weight(item.Weight, sys)}, {FbaFormat.Dimensions(item.Dims, sys)}";
            if (!R.Cartons.AllowSingleOversizeUnit.Value)
            {
                return (FbaRuleIds.CartonOversizeUnit,
                    $"{what} fits no box within {FbaFormat.Dimensions(R.Cartons.MaxDimensions.Value, sys)} and {(R.Cartons.MaxWeightIsExclusive ? "< " : "")}{FbaFormat.Weight(R.Cartons.MaxWeight.Value, sys)}, and {R.Name} allows no single-oversize-unit box [{R.Cartons.AllowSingleOversizeUnit.Source.Key}]");
            }
            if (item.JewelryCap is { } cap && Declared(item.W) > cap)
            {
                return (FbaRuleIds.CartonJewelryWeight, $"{what} is over the jewellery box limit of {FbaFormat.Weight(R.Cartons.JewelryMaxWeight!.Value, sys)}");
            }
            return null;
        }
    }

    // W: the unit weight in the marketplace's unit (lb or kg).
    private sealed record Item(FbaSku Sku, Lot? Lot, Dimensions Dims, Weight Weight, decimal W, decimal? JewelryCap)
    {
        public int Count { get; init; } = 1;
        public decimal[] SidesCm { get; } = PrepComplianceChecker.Sorted(Dims.To(LengthUnit.Centimetre));
        public decimal VolumeCm3 => SidesCm[0] * SidesCm[1] * SidesCm[2];

        public bool FitsDims(CartonSize box)
        {
            var b = PrepComplianceChecker.Sorted(box.Outer.To(LengthUnit.Centimetre));
            return SidesCm[0] <= b[0] && SidesCm[1] <= b[1] && SidesCm[2] <= b[2];
        }

        public bool FitsAlone(CartonSize box, Limits limits)
            => FitsDims(box) && VolumeCm3 <= box.VolumeCm3 && limits.WeightOk(W + limits.In(box.Tare), JewelryCap);

        public bool FitsCase(CartonSize box, int n, Limits limits, decimal fill)
            => FitsDims(box) && VolumeCm3 * n <= box.VolumeCm3 * fill && limits.WeightOk(W * n + limits.In(box.Tare), JewelryCap);
    }

    /// <summary>A carton being built.</summary>
    private sealed class Draft
    {
        private readonly List<(Item Item, int Units)> _contents = new();
        private readonly Dictionary<Sku, NodaTime.LocalDate?> _expiryBySku = new();

        private Draft(CartonSize? box, bool isCase, bool isOversize)
        {
            Box = box;
            IsCase = isCase;
            IsOversize = isOversize;
        }

        public CartonSize? Box { get; private set; }
        public bool IsCase { get; }
        public bool IsOversize { get; }
        public decimal W { get; private set; }
        public decimal VolumeCm3 { get; private set; }
        public decimal? Cap { get; private set; }

        public static Draft Mixed() => new(null, false, false);

        public static Draft Case(Item item, int n, CartonSize box)
        {
            var d = new Draft(box, true, false);
            d.Add(item, n);
            return d;
        }

        public static Draft Oversize(Item item)
        {
            var d = new Draft(null, false, true);
            d.Add(item, 1);
            return d;
        }

        /// <summary>How many more units of <paramref name="item"/> fit, in the stocked box that takes the most of them with the current contents.</summary>
        public int HowManyFit(Item item, CartonSize[] boxes, Limits limits, decimal fill)
        {
            if (_expiryBySku.TryGetValue(item.Sku.Sku, out var expiry) && expiry != item.Lot?.Expiry) return 0;
            var best = 0;
            foreach (var box in boxes)
            {
                if (!item.FitsDims(box) || !_contents.All(c => c.Item.FitsDims(box))) continue;
                best = Math.Max(best, HowManyFit(item, box, limits, fill));
            }
            return best;
        }

        private int HowManyFit(Item item, CartonSize box, Limits limits, decimal fill)
        {
            var cap = Min(Cap, item.JewelryCap);
            var tare = limits.In(box.Tare);
            var room = box.VolumeCm3 * fill - VolumeCm3;
            var byVolume = room < 0 ? 0 : item.VolumeCm3 <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, Math.Floor(room / item.VolumeCm3));
            if (_contents.Count == 0) byVolume = Math.Max(byVolume, 1); // one unit whose sides fit always fits, whatever the fill factor
            int byWeight;
            if (item.W <= 0) byWeight = limits.WeightOk(W + tare, cap) ? int.MaxValue : 0;
            else
            {
                var limit = Math.Min(limits.MaxWeight, cap ?? decimal.MaxValue);
                byWeight = (int)Math.Max(-1m, Math.Min(int.MaxValue, Math.Floor((limit - tare - W) / item.W)));
                while (byWeight > 0 && !limits.WeightOk(W + byWeight * item.W + tare, cap)) byWeight--;
            }
            return Math.Max(0, Math.Min(byVolume, byWeight));
        }

        public void Add(Item item, int units)
        {
            var i = _contents.FindIndex(c => c.Item.Sku.Sku == item.Sku.Sku && c.Item.Lot == item.Lot);
            if (i >= 0) _contents[i] = (_contents[i].Item, _contents[i].Units + units);
            else _contents.Add((item, units));
            _expiryBySku[item.Sku.Sku] = item.Lot?.Expiry;
            W += item.W * units;
            VolumeCm3 += item.VolumeCm3 * units;
            Cap = Min(Cap, item.JewelryCap);
        }

        public void Shrink(CartonSize[] boxes, Limits limits, decimal fill)
        {
            foreach (var b in boxes)
            {
                var volumeOk = VolumeCm3 <= b.VolumeCm3 * fill || _contents.Sum(c => c.Units) == 1;
                if (_contents.All(c => c.Item.FitsDims(b)) && volumeOk && limits.WeightOk(W + limits.In(b.Tare), Cap))
                {
                    Box = b;
                    return;
                }
            }
        }

        public PlannedCarton ToCarton(string id, FbaPrepRequirements r, BoxContentSource source)
        {
            var sys = r.UnitSystem;
            Dimensions dims;
            decimal gross;
            string boxName;
            if (Box is { } box)
            {
                dims = box.Outer.To(FbaFormat.LengthUnitOf(sys));
                gross = W + FbaFormat.WeightIn(box.Tare, sys);
                boxName = box.Describe(sys);
            }
            else
            {
                dims = _contents[0].Item.Dims.To(FbaFormat.LengthUnitOf(sys));
                gross = W;
                boxName = "own packaging";
            }
            var declared = new Weight(Declared(gross), FbaFormat.WeightUnitOf(sys));
            var heaviest = _contents.Max(c => c.Item.Weight.Kilograms);
            var labels = r.Cartons.HandlingLabels
                .Where(l => (l.Basis == WeightLabelBasis.Carton ? declared.Kilograms : heaviest) > l.Above.Kilograms)
                .Select(l => l.Label)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            return new PlannedCarton
            {
                Id = id,
                Dimensions = new Dimensions(Declared(dims.Length), Declared(dims.Width), Declared(dims.Height), dims.Unit),
                Weight = declared,
                Contents = _contents.Select(c => new CartonContent(c.Item.Sku.Sku, c.Item.Lot, c.Units)).ToArray(),
                IsCasePack = IsCase,
                HandlingLabels = labels,
                ContentSource = source,
                BoxSize = boxName,
            };
        }

        private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    }

    /// <summary>Rounds up to 2 decimals (after removing conversion noise below 1e-6): a declared weight or side is never below the real one.</summary>
    private static decimal Declared(decimal value) => Math.Ceiling(Math.Round(value, 6) * 100m) / 100m;
}
