using System.Globalization;
using System.Text;

namespace OrderCore.Cli.Tests.RealData;

/// <summary>
/// The replay summary re-computed from the CSV rows with plain C#, independently of the OrderCore library,
/// following the replay semantics of issue 2 (section 3, points 1 to 6). It reads like the specification:
/// load the stock, read the Amazon and wholesale orders of the window, then walk the orders day by day,
/// validating, allocating, shipping, returning and cancelling against a single warehouse.
/// </summary>
/// <remarks>
/// The result is the summary flattened to <c>path = JSON literal</c> pairs, e.g. <c>stock.rows = 9271</c>,
/// <c>gross_sales.INR = "2372209.50"</c>, so that it compares key by key with the CLI's <c>--summary-json</c>.
/// </remarks>
internal static class IndependentReplay
{
    private static readonly HashSet<string> SpreadsheetErrors =
        ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record StockRow(string Sku, string Style, string Size);

    /// <summary>A line. <c>Sku</c> blank and <c>Style</c> set means: resolve by (style, size).</summary>
    private sealed record Line(string Sku, string? Style, string Size, long Qty, string Currency, decimal? Amount, bool Cancelled);

    private sealed record Order(string Channel, DateOnly Date, bool Merchant, string Status, bool HasAddress, List<Line> Lines)
    {
        public IEnumerable<Line> Live => Lines.Where(l => !l.Cancelled);
    }

    public static SortedDictionary<string, string> Compute(string dataDir, DateOnly? from = null, DateOnly? to = null)
    {
        var s = new SortedDictionary<string, string>(StringComparer.Ordinal);

        // 1. Stock: every data row counts; blank / error-literal SKU or a non-whole or negative Stock rejects the row.
        var stock = Csv.Read(Path.Combine(dataDir, "Sale Report.csv"), "SKU Code", "Design No.", "Stock", "Size");
        var onHand = new Dictionary<string, long>(StringComparer.Ordinal);      // Sellable at the one warehouse
        var rowsPerSku = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = new List<StockRow>();
        int rejected = 0;
        foreach (var row in stock.Rows)
        {
            string sku = stock.Get(row, "SKU Code").Trim();
            if (sku.Length == 0 || SpreadsheetErrors.Contains(sku) || !TryWhole(stock.Get(row, "Stock"), out long qty))
            {
                rejected++;
                continue;
            }
            onHand[sku] = onHand.GetValueOrDefault(sku) + qty;
            rowsPerSku[sku] = rowsPerSku.GetValueOrDefault(sku) + 1;
            accepted.Add(new StockRow(sku, stock.Get(row, "Design No.").Trim(), stock.Get(row, "Size").Trim()));
        }
        s["stock.rows"] = N(stock.Rows.Count);
        s["stock.rejected_rows"] = N(rejected);
        s["stock.duplicate_skus"] = N(rowsPerSku.Count(kv => kv.Value > 1));
        s["stock.skus"] = N(onHand.Count);
        s["stock.on_hand"] = N(onHand.Values.Sum());

        // 2. Amazon orders: one order per Order ID, lines in file order; a later file (by name) replaces an order.
        var amazonById = new OrderedDictionary<string, List<(Csv Table, string[] Row)>>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(dataDir, "Amazon Sale Report*.csv").Order(StringComparer.Ordinal))
        {
            var t = Csv.Read(file, "Order ID", "Date", "Status", "Fulfilment", "SKU", "Courier Status", "Qty", "currency",
                "Amount", "ship-city", "ship-state", "ship-postal-code", "ship-country");
            var inThisFile = new OrderedDictionary<string, List<(Csv, string[])>>(StringComparer.Ordinal);
            foreach (var row in t.Rows)
            {
                string id = t.Get(row, "Order ID").Trim();
                if (!inThisFile.TryGetValue(id, out var lines)) inThisFile.Add(id, lines = []);
                lines.Add((t, row));
            }
            foreach (var (id, lines) in inThisFile) amazonById[id] = lines;
        }
        var amazon = amazonById.Values.Select(rows =>
        {
            var (t, head) = rows[0];
            return new Order("amazon", Date(t.Get(head, "Date")), t.Get(head, "Fulfilment").Trim() == "Merchant",
                t.Get(head, "Status").Trim(),
                new[] { "ship-city", "ship-state", "ship-postal-code", "ship-country" }.All(c => t.Get(head, c).Trim().Length > 0),
                rows.Select(r => new Line(r.Table.Get(r.Row, "SKU").Trim(), null, "", long.Parse(r.Table.Get(r.Row, "Qty").Trim(), Inv),
                    r.Table.Get(r.Row, "currency").Trim(), Amount(r.Table.Get(r.Row, "Amount")),
                    r.Table.Get(r.Row, "Courier Status").Trim() == "Cancelled")).ToList());
        }).ToList();
        DateOnly windowFrom = from ?? amazon.Min(o => o.Date), windowTo = to ?? amazon.Max(o => o.Date);
        bool InWindow(DateOnly d) => d >= windowFrom && d <= windowTo;
        s["window.from"] = Str(windowFrom.ToString("yyyy-MM-dd", Inv));
        s["window.to"] = Str(windowTo.ToString("yyyy-MM-dd", Inv));

        // 3. Wholesale: block 1 only (ends at the first DATE cell "SKU"); one order per (DATE, CUSTOMER); INR; ships when allocated.
        var ws = Csv.Read(Path.Combine(dataDir, "International sale Report.csv"), "DATE", "CUSTOMER", "Style", "SKU", "Size", "PCS", "GROSS AMT");
        var wholesaleByKey = new OrderedDictionary<(DateOnly, string), Order>();
        foreach (var row in ws.Rows.TakeWhile(r => ws.Get(r, "DATE").Trim() != "SKU"))
        {
            if (!DateOnly.TryParseExact(ws.Get(row, "DATE").Trim(), "MM-dd-yy", Inv, DateTimeStyles.None, out var date) || !InWindow(date)) continue;
            var key = (date, ws.Get(row, "CUSTOMER").Trim());
            if (!wholesaleByKey.TryGetValue(key, out var order))
                wholesaleByKey.Add(key, order = new Order("wholesale", date, Merchant: true, "Shipped", HasAddress: true, []));
            order.Lines.Add(new Line(ws.Get(row, "SKU").Trim(), ws.Get(row, "Style").Trim(), ws.Get(row, "Size").Trim(),
                TryWhole(ws.Get(row, "PCS"), out long pcs) ? pcs : throw new FormatException($"PCS '{ws.Get(row, "PCS")}'"),
                "INR", decimal.Parse(ws.Get(row, "GROSS AMT").Trim(), NumberStyles.Number, Inv), Cancelled: false));
        }

        // 4. Day by day; within a day Amazon orders (file order) first, then wholesale orders (file order). OrderBy is stable.
        var orders = amazon.Where(o => InWindow(o.Date)).Concat(wholesaleByKey.Values).OrderBy(o => o.Date).ToList();

        // 5. Each order: validate live lines, reserve all-or-nothing (merchant), apply the final status.
        var reserved = new Dictionary<string, long>(StringComparer.Ordinal);
        var returnPending = new Dictionary<string, long>(StringComparer.Ordinal);
        var exceptionsOpen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var gross = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        int cancelledOrders = 0, shippedOrders = 0, cancelledLines = 0;
        long unitsMerchant = 0, unitsMarketplace = 0, unitsReturned = 0;
        foreach (var order in orders)
        {
            if (order.Status == "Cancelled")
            {
                // Imported then cancelled: any reservation is released and any exception closed, so no trace in the end state.
                cancelledOrders++;
                cancelledLines += order.Lines.Count;
                continue;
            }
            cancelledLines += order.Lines.Count(l => l.Cancelled);
            foreach (var l in order.Live.Where(l => l.Amount is not null))
                gross[l.Currency] = gross.GetValueOrDefault(l.Currency) + l.Amount!.Value;

            var reasons = new HashSet<string>(StringComparer.Ordinal);
            var need = new Dictionary<string, long>(StringComparer.Ordinal);   // same SKU on several lines: summed first
            foreach (var line in order.Live)
            {
                var (sku, problem) = Resolve(line, onHand, accepted);
                if (problem is not null) reasons.Add(problem);
                else need[sku!] = need.GetValueOrDefault(sku!) + line.Qty;
            }
            if (order.Merchant && !order.HasAddress) reasons.Add("MissingAddress");
            bool shipsPerStatus = order.Status.StartsWith("Shipped", StringComparison.Ordinal);

            if (!order.Merchant)
            {
                // Marketplace-fulfilled: no local stock; its channel status counts even with an open mapping exception.
                foreach (string r in reasons) exceptionsOpen[r] = exceptionsOpen.GetValueOrDefault(r) + 1;
                if (shipsPerStatus)
                {
                    shippedOrders++;
                    unitsMarketplace += order.Live.Sum(l => l.Qty);
                }
                continue;
            }
            if (reasons.Count == 0 && need.Any(kv => onHand.GetValueOrDefault(kv.Key) - reserved.GetValueOrDefault(kv.Key) < kv.Value))
                reasons.Add("InsufficientInventory");
            if (reasons.Count > 0)
            {
                // An open exception: not allocated, so not advanced.
                foreach (string r in reasons) exceptionsOpen[r] = exceptionsOpen.GetValueOrDefault(r) + 1;
                continue;
            }
            foreach (var (sku, q) in need) reserved[sku] = reserved.GetValueOrDefault(sku) + q;
            if (!shipsPerStatus) continue; // e.g. Pending: stays allocated (reserved)

            shippedOrders++;
            foreach (var (sku, q) in need)
            {
                reserved[sku] -= q;
                onHand[sku] -= q;
                unitsMerchant += q;
                if (order.Status is "Shipped - Returned to Seller" or "Shipped - Rejected by Buyer")
                {
                    returnPending[sku] = returnPending.GetValueOrDefault(sku) + q;
                    unitsReturned += q;
                }
            }
        }

        // 6. Summary.
        s["orders.imported"] = N(orders.Count);
        s["orders.by_channel.amazon"] = N(orders.Count(o => o.Channel == "amazon"));
        s["orders.by_channel.wholesale"] = N(orders.Count(o => o.Channel == "wholesale"));
        s["orders.by_fulfilment.merchant"] = N(orders.Count(o => o.Merchant));
        s["orders.by_fulfilment.marketplace"] = N(orders.Count(o => !o.Merchant));
        s["orders.cancelled"] = N(cancelledOrders);
        s["orders.shipped"] = N(shippedOrders);
        s["lines.imported"] = N(orders.Sum(o => o.Lines.Count));
        s["lines.cancelled"] = N(cancelledLines);
        foreach (var (reason, count) in exceptionsOpen) s[$"exceptions_open.{reason}"] = N(count);
        s["units.shipped_merchant"] = N(unitsMerchant);
        s["units.shipped_marketplace"] = N(unitsMarketplace);
        s["units.returned"] = N(unitsReturned);
        foreach (var (currency, amount) in gross) s[$"gross_sales.{currency}"] = Str(amount.ToString("0.00", Inv));
        long sellable = onHand.Values.Sum(), pending = returnPending.Values.Sum();
        s["inventory_end.on_hand"] = N(sellable + pending);
        s["inventory_end.reserved"] = N(reserved.Values.Sum());
        if (sellable != 0) s["inventory_end.by_status.Sellable"] = N(sellable);
        if (pending != 0) s["inventory_end.by_status.ReturnPending"] = N(pending);
        s["ledger.replay_matches_balances"] = "true";
        return s;
    }

    /// <summary>By SKU (trimmed, ordinal); a blank wholesale SKU by (Design No., Size), trimmed, case-insensitive, exactly one product.</summary>
    private static (string? Sku, string? Problem) Resolve(Line line, Dictionary<string, long> products, List<StockRow> stockRows)
    {
        if (line.Sku.Length > 0) return products.ContainsKey(line.Sku) ? (line.Sku, null) : (null, "UnmappedSku");
        if (line.Style is null) return (null, "UnmappedSku");
        var matches = stockRows
            .Where(r => string.Equals(r.Style, line.Style, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(r.Size, line.Size, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Sku).Distinct(StringComparer.Ordinal).ToList();
        return matches.Count switch { 1 => (matches[0], null), 0 => (null, "UnmappedSku"), _ => (null, "AmbiguousSku") };
    }

    /// <summary>A non-negative whole number, <c>5.0</c> being 5. Blank is not a number.</summary>
    private static bool TryWhole(string text, out long value)
    {
        value = 0;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, Inv, out decimal d) || d < 0 || d != decimal.Truncate(d)) return false;
        value = (long)d;
        return true;
    }

    private static DateOnly Date(string mmddyy) => DateOnly.ParseExact(mmddyy.Trim(), "MM-dd-yy", Inv);

    private static decimal? Amount(string text) =>
        text.Trim().Length == 0 ? null : decimal.Parse(text.Trim(), NumberStyles.Number, Inv);

    private static string N(long n) => n.ToString(Inv);

    private static string Str(string text) => "\"" + text + "\"";

    /// <summary>A small RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside quotes.</summary>
    internal sealed class Csv
    {
        private readonly Dictionary<string, int> _columns;

        private Csv(Dictionary<string, int> columns, List<string[]> rows) => (_columns, Rows) = (columns, rows);

        /// <summary>The data rows (the header excluded).</summary>
        public List<string[]> Rows { get; }

        /// <summary>A cell by header name (headers are trimmed); a short row reads as blank.</summary>
        public string Get(string[] row, string column) => _columns[column] < row.Length ? row[_columns[column]] : "";

        public static Csv Read(string path, params string[] required)
        {
            var records = Parse(File.ReadAllText(path, Encoding.UTF8));
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < records[0].Length; i++) columns.TryAdd(records[0][i].Trim(), i);
            foreach (string c in required)
                if (!columns.ContainsKey(c)) throw new InvalidDataException($"{path}: missing column '{c}'");
            return new Csv(columns, records.Skip(1).ToList());
        }

        public static List<string[]> Parse(string text)
        {
            var records = new List<string[]>();
            var record = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, any = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                    continue;
                }
                switch (c)
                {
                    case '"': quoted = true; any = true; break;
                    case ',': record.Add(field.ToString()); field.Clear(); any = true; break;
                    case '\r': break;
                    case '\n': EndRecord(); break;
                    default: field.Append(c); any = true; break;
                }
            }
            EndRecord();
            return records;

            void EndRecord()
            {
                if (any) // a completely empty physical line (e.g. the trailing newline) is not a record
                {
                    record.Add(field.ToString());
                    records.Add([.. record]);
                }
                record.Clear();
                field.Clear();
                any = false;
            }
        }
    }
}
