#if ORDERCORE_FBAPREP
using NodaTime;
using OrderCore.Adapters.Amazon;
using OrderCore.Catalog;
using OrderCore.FbaPrep;
using OrderCore.FbaPrep.Inbound;
using OrderCore.Orders;

namespace OrderCore.Cli.Fba;

/// <summary>
/// Builds the <c>fba plan</c> input from the replay seller's exports: the stock snapshot (<c>Sale Report.csv</c>) and
/// the Amazon order reports (<c>Amazon Sale Report*.csv</c>, read by the Amazon adapter).
/// </summary>
/// <remarks>
/// <para>Demand: units on marketplace-fulfilled orders (<c>Fulfilment</c> = <c>Amazon</c>, including multi-channel
/// <c>Non-Amazon</c> orders, which FBA also fulfils) that were not cancelled, whole order or line, dated in the window.</para>
/// <para>Target = ⌈demand ÷ days in the window × days of cover⌉. The data holds no FBA stock or inbound, so none is subtracted.</para>
/// <para>Profile: textile apparel (the seller sells kurtas, tops, dresses and sets): <c>TEXTILE</c>, poly bag + FNSKU label,
/// plus <c>SET</c> and a set label when the stock category (or the order report's) says set; prep and label owner SELLER.
/// Unit dimensions and weights are not in the data: per-category defaults (<see cref="ApparelDefaults"/>) are used and
/// listed in the output. FNSKUs are not in the data either, and are reported missing.</para>
/// </remarks>
internal static class ReplaySellerInput
{
    public const string StockFileName = "Sale Report.csv";
    public const string AmazonReportPattern = "Amazon Sale Report*.csv";

    private static readonly HashSet<string> SpreadsheetErrors = new(["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"], StringComparer.OrdinalIgnoreCase);

    public static FbaPlanInput Load(FbaPlanArguments args)
    {
        var dir = args.DataDirectory!;
        if (!Directory.Exists(dir)) throw new FbaPlanDataException($"{dir}: the data folder does not exist");
        var stockPath = Path.Combine(dir, StockFileName);
        if (!File.Exists(stockPath)) throw new FbaPlanDataException($"{stockPath}: the stock file is missing");
        var reports = Directory.GetFiles(dir, AmazonReportPattern).Order(StringComparer.Ordinal).ToArray();
        if (reports.Length == 0) throw new FbaPlanDataException($"{dir}: no Amazon order report ({AmazonReportPattern})");

        var requirements = FbaMarketplaces.All[args.Marketplace ?? "IN"];
        var owner = OwnerId.From("replay-seller");
        var skipped = new List<string>();
        var stock = ReadStock(stockPath, skipped);

        AmazonOrderReportSet set;
        try
        {
            set = AmazonOrderReportReader.ReadFiles(reports, new AmazonOrderReportOptions(owner, ChannelAccountId.From("amazon-in")));
        }
        catch (Exception ex) when (ex is AmazonReportFormatException or IOException or UnauthorizedAccessException)
        {
            throw new FbaPlanDataException(ex.Message, ex);
        }
        var rejected = set.RejectedRows.Count();
        if (rejected > 0) skipped.Add($"{rejected} Amazon report row(s) refused by the report reader (first: {set.RejectedRows.First().SourceName} row {set.RejectedRows.First().RowNumber}: {set.RejectedRows.First().Reason})");

        var fbaOrders = set.Orders.Where(o => o.Order.FulfilmentChannel == FulfilmentChannel.Marketplace).ToArray();
        if (fbaOrders.Length == 0) throw new FbaPlanDataException($"{dir}: the Amazon reports hold no marketplace-fulfilled (Fulfilment = Amazon) order");
        var first = args.From ?? fbaOrders.Min(o => o.LocalDate);
        var last = args.To ?? fbaOrders.Max(o => o.LocalDate);
        var days = Period.Between(first, last, PeriodUnits.Days).Days + 1;

        var demand = new Dictionary<string, int>(StringComparer.Ordinal);
        var orderCategory = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in fbaOrders.Where(o => o.LocalDate >= first && o.LocalDate <= last && !o.Order.IsCancelled && o.State != AmazonOrderState.Cancelled))
        {
            foreach (var line in o.Order.Lines.Where(l => !l.IsCancelled && l.Quantity > 0 && !string.IsNullOrWhiteSpace(l.ExternalSku)))
            {
                var sku = line.ExternalSku!.Trim();
                demand[sku] = demand.GetValueOrDefault(sku) + line.Quantity;
            }
        }
        // The order report's Category column (e.g. "Set") is not on the canonical order; read it for set detection.
        foreach (var path in reports) ReadOrderCategories(path, orderCategory);

        var ranked = demand.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).ToArray();
        var chosen = new List<(string Sku, int Demand, StockRow Row)>();
        foreach (var (sku, units) in ranked)
        {
            if (chosen.Count == args.Top) break;
            if (!stock.TryGetValue(sku, out var row))
            {
                skipped.Add($"{sku}: {units} unit(s) of FBA demand but not in {StockFileName} (unmapped SKU)");
                continue;
            }
            chosen.Add((sku, units, row));
        }
        if (chosen.Count == 0) throw new FbaPlanDataException($"no SKU with FBA demand between {first:yyyy-MM-dd} and {last:yyyy-MM-dd} is in {StockFileName}");

        var skus = new List<FbaSku>();
        var sizing = new List<SizingRow>();
        var requests = new List<FbaTakeRequest>();
        var defaultsUsed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var cover = args.DaysOfCover;
        foreach (var (code, units, row) in chosen)
        {
            var isSet = IsSet(row.Category) || (orderCategory.TryGetValue(code, out var oc) && oc.Equals("Set", StringComparison.OrdinalIgnoreCase));
            var defaults = ApparelDefaults.For(row.Category, isSet);
            defaultsUsed[defaults.Name] = defaultsUsed.GetValueOrDefault(defaults.Name) + 1;
            var fbaSku = ApparelProfile(owner, Sku.From(code), row, isSet, defaults);
            skus.Add(fbaSku);
            var rate = (decimal)units / days;
            var target = (int)Math.Ceiling(rate * cover);
            sizing.Add(new SizingRow(fbaSku.Sku, row.Category, units, decimal.Round(rate, 2), target, row.Units));
            requests.Add(new FbaTakeRequest(fbaSku, Quantity.Of(Math.Max(target, 1))));
        }

        var assumptions = new List<string>
        {
            $"Demand: units on marketplace-fulfilled (FBA) orders not cancelled, {first:yyyy-MM-dd} to {last:yyyy-MM-dd} ({days} day(s)); target = ceil(units / {days} x {cover} days of cover). No FBA stock or inbound is in the data, so none is subtracted.",
            $"Profile: textile apparel - TEXTILE (ITEM_POLYBAGGING + ITEM_LABELING), plus SET (ITEM_SETCREAT) when the category says set; prepOwner and labelOwner SELLER.",
            "Poly bags: transparent, 1.5 mil, with a printed suffocation warning (assumed; the data has no bag specification).",
            "Unit dimensions and weights are not in the data; per-category defaults (folded garment in its bag) are used: " +
                string.Join("; ", defaultsUsed.Select(d => $"{ApparelDefaults.Describe(d.Key)} for {d.Value} SKU(s)")) + ".",
            "FNSKUs are not in the data: every SKU is reported LABEL-FNSKU-MISSING until its FNSKU is recorded (Seller Central: print item labels).",
            "Items per set are not in the data: set SKUs are reported SET-MEMBERSHIP-MISSING (warning).",
            "Ship-from address: not in the data; the createInboundPlan body carries a placeholder to replace before sending.",
            "packingGroupId / shipmentId: come from Amazon (listPackingOptions / confirmPlacementOption); the setPackingInformation body leaves them out.",
        };

        return new FbaPlanInput
        {
            Mode = "replay",
            Requirements = requirements,
            Owner = owner,
            Warehouse = LocationId.From("WH-1"),
            ShipDate = args.ShipDate ?? last.PlusDays(1),
            ShipFrom = PlaceholderShipFrom(requirements),
            Skus = skus,
            Stock = chosen.Where(c => c.Row.Units > 0).Select(c => (Sku.From(c.Sku), (Lot?)null, c.Row.Units)).ToArray(),
            Requests = requests,
            Sizing = sizing,
            Assumptions = assumptions,
            Skipped = skipped,
            WindowFrom = first,
            WindowTo = last,
            DaysOfCover = cover,
            Top = args.Top,
        };
    }

    public static InboundAddress PlaceholderShipFrom(FbaPrepRequirements requirements) => new()
    {
        Name = "REPLACE ship-from contact",
        CompanyName = "Replay seller",
        AddressLine1 = "REPLACE ship-from address line 1",
        City = "REPLACE city",
        CountryCode = requirements.MarketplaceCode is "UK" ? "GB" : requirements.MarketplaceCode,
        PostalCode = "000000",
        PhoneNumber = "0000000000",
    };

    private static bool IsSet(string? category)
        => category is not null && category.Split([' ', ':', '-', '/'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.Equals("SET", StringComparison.OrdinalIgnoreCase));

    private static FbaSku ApparelProfile(OwnerId owner, Sku sku, StockRow row, bool isSet, ApparelDefaults.Entry d)
    {
        var product = new Product
        {
            Owner = owner,
            Sku = sku,
            Style = row.Design,
            Size = row.Size,
            Color = row.Color,
            Category = row.Category,
            Dimensions = d.Dimensions,
            Weight = d.Weight,
        };
        var profile = new PrepProfile
        {
            Owner = owner,
            Sku = sku,
            Categories = isSet ? [PrepCategory.Textile, PrepCategory.Set] : [PrepCategory.Textile],
            PrepTypes = isSet ? [PrepType.Polybagging, PrepType.Labeling, PrepType.SetCreation] : [PrepType.Polybagging, PrepType.Labeling],
            PrepOwner = PrepOwner.Seller,
            LabelOwner = LabelOwner.Seller,
            Barcode = UnitBarcode.Fnsku,
            SellerRole = SellerRole.Reseller,
            Polybag = new PolybagSpec(FbaPrep.Length.Centimetres(d.BagOpeningCm), FbaPrep.Length.Centimetres(d.BagDepthCm), 1.5m, HasSuffocationWarning: true),
        };
        return new FbaSku(product, profile);
    }

    internal sealed record StockRow(string? Design, string? Category, string? Size, string? Color, int Units);

    /// <summary>Reads the stock snapshot: SKU Code, Design No., Stock, Category, Size, Color. Rows of one SKU are summed.</summary>
    internal static Dictionary<string, StockRow> ReadStock(string path, List<string> skipped)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FbaPlanDataException($"{path}: cannot read the stock file ({ex.Message})", ex);
        }
        if (lines.Length == 0) throw new FbaPlanDataException($"{path}: the stock file is empty");
        var header = Csv.Split(lines[0]).Select(h => h.Trim()).ToArray();
        int Col(string name)
        {
            var i = Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            return i >= 0 ? i : throw new FbaPlanDataException($"{path}: column '{name}' is missing");
        }
        int sku = Col("SKU Code"), stock = Col("Stock"), design = Col("Design No."), category = Col("Category"), size = Col("Size"), color = Col("Color");
        var index = Array.FindIndex(header, h => h.Equals("index", StringComparison.OrdinalIgnoreCase));
        var rows = new Dictionary<string, StockRow>(StringComparer.Ordinal);
        var refused = 0;
        for (var n = 1; n < lines.Length; n++)
        {
            var cells = Csv.Split(lines[n]);
            string? Cell(int i) => i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            var code = Cell(sku);
            if (code is null || SpreadsheetErrors.Contains(code) || !Sku.TryFrom(code, out _) || !Quantity.TryParse(Cell(stock), out var q, out _))
            {
                if (cells.Where((c, i) => i != index).Any(c => !string.IsNullOrWhiteSpace(c))) refused++; // all-blank rows are not refusals
                continue;
            }
            rows[code] = rows.TryGetValue(code, out var prior)
                ? prior with { Units = checked(prior.Units + q.Units) }
                : new StockRow(Cell(design), Cell(category), Cell(size), Cell(color), q.Units);
        }
        if (refused > 0) skipped.Add($"{refused} row(s) of {Path.GetFileName(path)} refused (blank or #REF! SKU code, or a stock that is not a whole number)");
        return rows;
    }

    private static void ReadOrderCategories(string path, Dictionary<string, string> categories)
    {
        using var reader = new StreamReader(path);
        var headerLine = reader.ReadLine();
        if (headerLine is null) return;
        var header = Csv.Split(headerLine).Select(h => h.Trim()).ToArray();
        var sku = Array.FindIndex(header, h => h.Equals("SKU", StringComparison.OrdinalIgnoreCase));
        var category = Array.FindIndex(header, h => h.Equals("Category", StringComparison.OrdinalIgnoreCase));
        if (sku < 0 || category < 0) return;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var cells = Csv.Split(line);
            if (cells.Count <= Math.Max(sku, category)) continue;
            var s = cells[sku].Trim();
            var c = cells[category].Trim();
            if (s.Length > 0 && c.Length > 0) categories.TryAdd(s, c);
        }
    }
}

/// <summary>Per-category unit defaults for folded apparel in its poly bag, where the data gives no dimensions or weight.</summary>
/// <remarks>OrderCore assumptions (typical folded garments), not measurements: replace them with the SKU master's values.</remarks>
internal static class ApparelDefaults
{
    internal sealed record Entry(string Name, Dimensions Dimensions, Weight Weight, decimal BagOpeningCm, decimal BagDepthCm);

    private static readonly Entry Kurta = new("kurta", new Dimensions(35, 28, 3, LengthUnit.Centimetre), new Weight(0.30m, WeightUnit.Kilogram), 32, 42);
    private static readonly Entry Set = new("set", new Dimensions(38, 30, 5, LengthUnit.Centimetre), new Weight(0.55m, WeightUnit.Kilogram), 35, 45);
    private static readonly Entry Top = new("top", new Dimensions(30, 25, 2, LengthUnit.Centimetre), new Weight(0.20m, WeightUnit.Kilogram), 28, 36);
    private static readonly Entry Dress = new("dress", new Dimensions(35, 28, 4, LengthUnit.Centimetre), new Weight(0.35m, WeightUnit.Kilogram), 32, 42);
    private static readonly Entry Saree = new("saree", new Dimensions(38, 30, 6, LengthUnit.Centimetre), new Weight(0.70m, WeightUnit.Kilogram), 35, 45);
    private static readonly Entry Bottom = new("bottom", new Dimensions(30, 25, 3, LengthUnit.Centimetre), new Weight(0.30m, WeightUnit.Kilogram), 28, 36);
    private static readonly Entry Other = new("other apparel", new Dimensions(35, 28, 4, LengthUnit.Centimetre), new Weight(0.40m, WeightUnit.Kilogram), 32, 42);

    public static IReadOnlyList<Entry> All { get; } = [Kurta, Set, Top, Dress, Saree, Bottom, Other];

    public static Entry For(string? category, bool isSet)
    {
        if (isSet) return Set;
        var c = (category ?? string.Empty).ToUpperInvariant();
        if (c.Contains("SAREE", StringComparison.Ordinal) || c.Contains("LEHENGA", StringComparison.Ordinal)) return Saree;
        if (c.Contains("KURTA", StringComparison.Ordinal) || c.Contains("KURTI", StringComparison.Ordinal)) return c.Contains("KURTI", StringComparison.Ordinal) ? Top : Kurta;
        if (c.Contains("TOP", StringComparison.Ordinal) || c.Contains("BLOUSE", StringComparison.Ordinal) || c.Contains("TUNIC", StringComparison.Ordinal)) return Top;
        if (c.Contains("DRESS", StringComparison.Ordinal) || c.Contains("JUMPSUIT", StringComparison.Ordinal) || c.Contains("NIGHT", StringComparison.Ordinal)) return Dress;
        if (c.Contains("PANT", StringComparison.Ordinal) || c.Contains("PALAZZO", StringComparison.Ordinal) || c.Contains("SKIRT", StringComparison.Ordinal)
            || c.Contains("SHARARA", StringComparison.Ordinal) || c.Contains("BOTTOM", StringComparison.Ordinal) || c.Contains("LEGGING", StringComparison.Ordinal)) return Bottom;
        return Other;
    }

    public static string Describe(string name)
    {
        var e = All.First(x => x.Name == name);
        return $"{e.Name} {FbaFormat.Dimensions(e.Dimensions, FbaUnitSystem.Metric)} {FbaFormat.Weight(e.Weight, FbaUnitSystem.Metric)}";
    }
}

/// <summary>Splits one CSV line (RFC 4180 quotes; no line breaks inside fields, which these exports do not have).</summary>
internal static class Csv
{
    public static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
#endif
