namespace OrderCore.Cli.Input;

/// <summary>One SKU of the stock snapshot, its rows summed.</summary>
/// <param name="Sku">The SKU code, trimmed.</param>
/// <param name="Style">The <c>Design No.</c> (alternate key part 1).</param>
/// <param name="Size">The size (alternate key part 2).</param>
/// <param name="Category">The category.</param>
/// <param name="Color">The colour.</param>
/// <param name="Units">Units on hand, summed over every accepted row of the SKU.</param>
/// <param name="Rows">How many accepted rows carried this SKU (2 or more is a duplicate).</param>
internal sealed record StockItem(Sku Sku, string? Style, string? Size, string? Category, string? Color, int Units, int Rows);

/// <summary>The seller's stock snapshot (<c>Sale Report.csv</c>) as read.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="Rows">Every data row, all-blank rows included.</param>
/// <param name="Items">One item per accepted SKU, in the order of its first row.</param>
/// <param name="Rejected">The refused rows.</param>
internal sealed record StockSnapshot(string FileName, int Rows, IReadOnlyList<StockItem> Items, IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>SKUs that appear on more than one accepted row (each counted once).</summary>
    public int DuplicateSkus => Items.Count(i => i.Rows > 1);

    /// <summary>Total units on hand over every accepted row.</summary>
    public long OnHand => Items.Sum(i => (long)i.Units);
}

/// <summary>
/// Reads this seller's stock snapshot spreadsheet export: <c>index, SKU Code, Design No., Stock, Category, Size, Color</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every data row counts in <see cref="StockSnapshot.Rows"/>, all-blank rows included.</item>
/// <item>A blank SKU code, or a spreadsheet error literal as SKU code (<c>#REF!</c>, <c>#N/A</c>, <c>#VALUE!</c>, <c>#DIV/0!</c>, <c>#NAME?</c>, <c>#NULL!</c>, <c>#NUM!</c>), rejects the row.</item>
/// <item>SKU codes are trimmed and compared ordinally (case-sensitive).</item>
/// <item><c>Stock</c> is a whole number ≥ 0; <c>5.0</c> is 5. A blank, fractional, negative or non-numeric stock rejects the row.</item>
/// <item>A SKU on several accepted rows is one item whose units are summed; its attributes come from its first row. A row that would take a SKU's total past 2,147,483,647 units is rejected.</item>
/// <item>A row with fewer cells than the header, or whose SKU code, design, stock, size, category or colour holds bytes that are not valid UTF-8, is rejected (all-blank rows are still "blank row").</item>
/// </list>
/// </remarks>
internal static class StockReportReader
{
    public const string SkuColumn = "SKU Code";
    public const string DesignColumn = "Design No.";
    public const string StockColumn = "Stock";
    public const string SizeColumn = "Size";
    public const string CategoryColumn = "Category";
    public const string ColorColumn = "Color";

    /// <summary>The columns the reader uses (checked for bytes that are not valid UTF-8).</summary>
    private static readonly string[] Used = [SkuColumn, DesignColumn, StockColumn, SizeColumn, CategoryColumn, ColorColumn];

    /// <summary>The spreadsheet error values that stand in a cell whose formula broke.</summary>
    public static IReadOnlySet<string> SpreadsheetErrors { get; } =
        new HashSet<string>(["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"], StringComparer.OrdinalIgnoreCase);

    /// <exception cref="DataFileException">The file is missing or unreadable, or lacks a required column.</exception>
    public static StockSnapshot ReadFile(string path)
    {
        using var table = CsvTable.Open(path, SkuColumn, DesignColumn, StockColumn, SizeColumn);
        return Read(table);
    }

    /// <exception cref="DataFileException">No header, or a required column is missing.</exception>
    public static StockSnapshot Read(TextReader text, string fileName)
    {
        using var table = CsvTable.Open(text, fileName, SkuColumn, DesignColumn, StockColumn, SizeColumn);
        return Read(table);
    }

    private static StockSnapshot Read(CsvTable table)
    {
        var rows = 0;
        var rejected = new List<RejectedRow>();
        var items = new Dictionary<Sku, StockItem>();
        var order = new List<Sku>();
        while (table.Read())
        {
            rows++;
            if (table.ShortRow() is { } shortRow && !table.IsBlankRow("index"))
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, shortRow.Column, shortRow.Reason));
                continue;
            }
            if (table.FindInvalidText(Used) is { } invalid)
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, invalid, CsvTable.InvalidTextReason(invalid)));
                continue;
            }
            var code = table.Get(SkuColumn);
            if (code is null)
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, SkuColumn, table.IsBlankRow("index") ? "blank row" : "SKU Code is blank"));
                continue;
            }
            if (SpreadsheetErrors.Contains(code))
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, SkuColumn, $"SKU Code is the spreadsheet error {code}"));
                continue;
            }
            if (!Sku.TryFrom(code, out var sku))
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, SkuColumn, $"SKU Code '{CellText.Clip(code)}' is not a valid SKU (too long or has control characters)"));
                continue;
            }
            if (!Quantity.TryParse(table.Get(StockColumn), out var units, out var error))
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, StockColumn, "Stock " + CellText.ClipIn(error, table.Get(StockColumn))));
                continue;
            }
            if (items.TryGetValue(sku, out var existing))
            {
                if ((long)existing.Units + units.Units > int.MaxValue)
                {
                    rejected.Add(new RejectedRow(table.FileName, table.RowNumber, StockColumn,
                        $"Stock {units.Units}: the total of SKU '{CellText.Clip(code)}' would exceed 2,147,483,647 units"));
                    continue;
                }
                items[sku] = existing with { Units = checked(existing.Units + units.Units), Rows = existing.Rows + 1 };
            }
            else
            {
                items[sku] = new StockItem(sku, table.Get(DesignColumn), table.Get(SizeColumn), table.Get(CategoryColumn), table.Get(ColorColumn), units.Units, 1);
                order.Add(sku);
            }
        }
        return new StockSnapshot(table.FileName, rows, order.Select(s => items[s]).ToArray(), rejected);
    }
}
