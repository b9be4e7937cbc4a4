using System.Globalization;
using NodaTime;
using OrderCore.Adapters.Amazon;
using OrderCore.Orders;

namespace OrderCore.Cli.Input;

/// <summary>A wholesale order: the lines of one customer on one date.</summary>
/// <param name="Order">The canonical order (merchant-fulfilled, INR, no channel status).</param>
/// <param name="LocalDate">The order's date in the seller's calendar.</param>
/// <param name="FirstRow">The row of its first line (header = row 1).</param>
internal sealed record WholesaleOrder(ChannelOrder Order, LocalDate LocalDate, int FirstRow);

/// <summary>The wholesale file as read for one window.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="Rows">
/// Rows of block 1 that were read: those dated inside the window, plus those rejected because their date cannot be read
/// (they cannot be placed in or out of the window). Rows dated outside the window and all-blank rows are not counted.
/// </param>
/// <param name="Orders">The orders, in the order of their first row.</param>
/// <param name="Rejected">The refused rows.</param>
internal sealed record WholesaleReport(string FileName, int Rows, IReadOnlyList<WholesaleOrder> Orders, IReadOnlyList<RejectedRow> Rejected);

/// <summary>How wholesale rows become channel orders.</summary>
/// <remarks>
/// <para>
/// Ship-to. The wholesale file has no address columns: it is this seller's B2B/export sales book, and its customers
/// are accounts (<c>CUSTOMER-nnnn</c>) whose delivery terms are agreed once, not per order. OrderCore validates a
/// merchant-fulfilled order's address (city, region, postal code, country), so the sample does not leave it blank,
/// which would put every wholesale order in the exception queue as <c>MissingAddress</c> although nothing is wrong
/// with it. Instead the replay treats wholesale orders as ex-works (EXW) sales: the customer or its forwarder
/// collects the goods at the seller's warehouse, so the ship-to is the warehouse's own dock address
/// (<see cref="ShipTo"/>, by default the replay's warehouse address, named after the customer). A host with a real
/// customer master supplies that customer's address on file instead.
/// </para>
/// </remarks>
internal sealed class WholesaleReportOptions
{
    public required OwnerId Owner { get; init; }

    /// <summary>Default <c>wholesale</c>.</summary>
    public ChannelId Channel { get; init; } = ChannelId.From("wholesale");

    /// <summary>Default <c>b2b</c>.</summary>
    public ChannelAccountId Account { get; init; } = ChannelAccountId.From("b2b");

    /// <summary>The ship-to of a customer's order (see remarks).</summary>
    public required Func<string, Address> ShipTo { get; init; }

    /// <summary>Default <c>Asia/Kolkata</c>.</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];

    /// <summary>Default INR: the file's amounts are rupees.</summary>
    public CurrencyCode Currency { get; init; } = CurrencyCode.Inr;
}

/// <summary>
/// Reads this seller's wholesale sales file (<c>International sale Report.csv</c>). Block 1 only
/// (<c>index, DATE, Months, CUSTOMER, Style, SKU, Size, PCS, RATE, GROSS AMT</c>); it ends at the first row whose
/// <c>DATE</c> cell is <c>SKU</c> (a stray sub-table), and nothing after it is read or counted.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>DATE</c> is <c>MM-DD-YY</c> or <c>MM-DD-YYYY</c> (<see cref="AmazonOrderReportReader.TryParseReportDate"/>, as for Amazon); only rows dated inside the window are read. A row whose date cannot be read is rejected (it cannot be placed in or out of the window); an all-blank row is skipped.</item>
/// <item>A row that is read but has fewer cells than the header, or whose date, customer, style, SKU, size, pieces, rate or amount holds bytes that are not valid UTF-8, is rejected.</item>
/// <item>One order per (<c>DATE</c>, <c>CUSTOMER</c>), lines in file order, external id <c>yyyy-MM-dd/CUSTOMER</c>.</item>
/// <item>A line's external SKU is <c>SKU</c>; when it is blank the core resolves (<c>Style</c>, <c>Size</c>) through the catalog's alternate key (trimmed, case-insensitive).</item>
/// <item><c>PCS</c> is a whole number (<c>1.00</c> is 1); <c>GROSS AMT</c> is the line amount in INR, <c>RATE</c> the unit price.</item>
/// <item>A blank <c>CUSTOMER</c>, a <c>PCS</c> that is not a whole number ≥ 0 or an amount that is not a number rejects the row.</item>
/// </list>
/// </remarks>
internal static class WholesaleReportReader
{
    public const string DateColumn = "DATE";
    public const string CustomerColumn = "CUSTOMER";
    public const string StyleColumn = "Style";
    public const string SkuColumn = "SKU";
    public const string SizeColumn = "Size";
    public const string PiecesColumn = "PCS";
    public const string RateColumn = "RATE";
    public const string GrossColumn = "GROSS AMT";

    private static readonly string[] Required = [DateColumn, CustomerColumn, StyleColumn, SkuColumn, SizeColumn, PiecesColumn, GrossColumn];

    /// <summary>The columns the reader uses (checked for bytes that are not valid UTF-8).</summary>
    private static readonly string[] Used = [DateColumn, CustomerColumn, StyleColumn, SkuColumn, SizeColumn, PiecesColumn, RateColumn, GrossColumn];

    /// <exception cref="DataFileException">The file is missing or unreadable, or lacks a required column.</exception>
    public static WholesaleReport ReadFile(string path, DateInterval? window, WholesaleReportOptions options)
    {
        using var table = CsvTable.Open(path, Required);
        return Read(table, window, options);
    }

    /// <exception cref="DataFileException">No header, or a required column is missing.</exception>
    public static WholesaleReport Read(TextReader text, string fileName, DateInterval? window, WholesaleReportOptions options)
    {
        using var table = CsvTable.Open(text, fileName, Required);
        return Read(table, window, options);
    }

    private static WholesaleReport Read(CsvTable table, DateInterval? window, WholesaleReportOptions options)
    {
        var rows = 0;
        var rejected = new List<RejectedRow>();
        var orders = new Dictionary<(LocalDate, string), (int FirstRow, List<ChannelOrderLine> Lines)>();
        var order = new List<(LocalDate Date, string Customer)>();
        while (table.Read())
        {
            var dateText = table.Get(DateColumn);
            if (string.Equals(dateText, "SKU", StringComparison.OrdinalIgnoreCase)) break; // end of block 1
            if (table.IsBlankRow("index")) continue;
            var dated = AmazonOrderReportReader.TryParseReportDate(dateText, out var date);
            if (dated && (window is null || !window.Contains(date))) continue; // outside the window: not read
            rows++;
            if (table.ShortRow() is { } shortRow)
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, shortRow.Column, shortRow.Reason));
                continue;
            }
            if (table.FindInvalidText(Used) is { } invalid)
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, invalid, CsvTable.InvalidTextReason(invalid)));
                continue;
            }
            if (!dated)
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, DateColumn, dateText is null ? "DATE is blank" : $"'{CellText.Clip(dateText)}' is not a date in MM-DD-YY form"));
                continue;
            }
            var customer = table.Get(CustomerColumn);
            if (customer is null)
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, CustomerColumn, "CUSTOMER is blank"));
                continue;
            }
            if (!Quantity.TryParse(table.Get(PiecesColumn), out var pieces, out var error))
            {
                rejected.Add(new RejectedRow(table.FileName, table.RowNumber, PiecesColumn, "PCS " + CellText.ClipIn(error, table.Get(PiecesColumn))));
                continue;
            }
            if (!TryAmount(table, GrossColumn, out var gross, rejected) || !TryAmount(table, RateColumn, out var rate, rejected)) continue;
            var key = (date, customer);
            if (!orders.TryGetValue(key, out var o))
            {
                orders[key] = o = (table.RowNumber, new List<ChannelOrderLine>());
                order.Add(key);
            }
            o.Lines.Add(new ChannelOrderLine
            {
                ExternalSku = table.Get(SkuColumn),
                Style = table.Get(StyleColumn),
                Size = table.Get(SizeColumn),
                Quantity = pieces.Units,
                UnitPrice = rate is { } r ? new Money(r, options.Currency) : null,
                Amount = gross is { } g ? new Money(g, options.Currency) : null,
            });
        }
        var result = order.Select(k =>
        {
            var (firstRow, lines) = orders[k];
            var channelOrder = new ChannelOrder
            {
                Owner = options.Owner,
                Channel = options.Channel,
                Account = options.Account,
                ExternalOrderId = $"{k.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{k.Customer}",
                Version = 1,
                PlacedAt = k.Date.AtStartOfDayInZone(options.TimeZone).ToInstant(),
                FulfilmentChannel = FulfilmentChannel.Merchant,
                ServiceLevel = ServiceLevel.Standard,
                ShipTo = options.ShipTo(k.Customer),
                Tags = ["wholesale", "ex-works"],
                Lines = lines.ToArray(),
            };
            return new WholesaleOrder(channelOrder, k.Date, firstRow);
        }).ToArray();
        return new WholesaleReport(table.FileName, rows, result, rejected);
    }

    private static bool TryAmount(CsvTable table, string column, out decimal? amount, List<RejectedRow> rejected)
    {
        amount = null;
        var text = table.Get(column);
        if (text is null) return true;
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            amount = value;
            return true;
        }
        rejected.Add(new RejectedRow(table.FileName, table.RowNumber, column, $"{column} '{CellText.Clip(text)}' is not an amount"));
        return false;
    }
}
