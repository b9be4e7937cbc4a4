using System.Globalization;
using System.Text;
using NodaTime;
using OrderCore.Orders;
using Sylvan.Data.Csv;

namespace OrderCore.Adapters.Amazon;

/// <summary>
/// Reads the Amazon Seller Central order report (the flat file Seller Central exports as CSV, one row per order item)
/// into canonical <see cref="ChannelOrder"/>s.
/// </summary>
/// <remarks>
/// <para>
/// Columns are found by header name after trimming and ignoring case: <c>Sales Channel </c> with a trailing space is
/// <c>Sales Channel</c>, and columns the reader does not use (<c>index</c>, <c>Unnamed: 22</c>, …) are ignored. A
/// missing <see cref="RequiredColumns">required column</see> is an <see cref="AmazonReportFormatException"/> naming the
/// file and the column.
/// </para>
/// <para>Mapping, per row (one order per <c>Order ID</c>, its lines in file order):</para>
/// <list type="bullet">
/// <item><c>Date</c> is <c>MM-DD-YY</c> (years 2000–2099) or <c>MM-DD-YYYY</c> (see <see cref="TryParseReportDate"/>), the seller's local date; <see cref="ChannelOrder.PlacedAt"/> is the start of that day in <see cref="AmazonOrderReportOptions.TimeZone"/>.</item>
/// <item><c>Fulfilment</c> <c>Amazon</c> is <see cref="FulfilmentChannel.Marketplace"/> (FBA, including <c>Non-Amazon</c> multi-channel orders), <c>Merchant</c> is <see cref="FulfilmentChannel.Merchant"/>.</item>
/// <item><c>Status</c> is recorded as <see cref="ChannelOrder.ChannelStatus"/>; <c>Cancelled</c> sets <see cref="ChannelOrder.IsCancelled"/>.</item>
/// <item><c>Courier Status</c> <c>Cancelled</c> marks the line cancelled (a line-level cancellation).</item>
/// <item><c>SKU</c> is the line's external (listing) SKU; <c>Style</c> and <c>Size</c> are kept as the alternate key. A SKU cell holding a spreadsheet error (<c>#N/A</c>, <c>#REF!</c>, …) is kept as it is: the row is still a real order line, and OrderCore's validation puts the order in the exception queue as <c>UnmappedSku</c> (no product has that SKU) for someone to fix. A blank SKU is resolved by OrderCore through (<c>Style</c>, <c>Size</c>), and is <c>UnmappedSku</c> when nothing matches.</item>
/// <item><c>Qty</c> is a whole number ≥ 0 (<c>1.0</c> is 1). <c>Amount</c> is the line total in <c>currency</c> (blank currency: <see cref="AmazonOrderReportOptions.DefaultCurrency"/>); a blank amount is null.</item>
/// <item><c>ship-city</c>, <c>ship-state</c>, <c>ship-postal-code</c>, <c>ship-country</c> make the ship-to through <see cref="Address.Create"/> (postal <c>400081.0</c> is <c>400081</c>); all blank is no address.</item>
/// <item><c>ship-service-level</c> maps to <see cref="ServiceLevel"/> by name (<c>Standard</c>, <c>Expedited</c>, <c>Priority</c>, <c>NextDay</c>/<c>Next Day</c>, <c>SecondDay</c>/<c>Second Day</c>, <c>Scheduled</c>); blank or other values are <see cref="ServiceLevel.Standard"/>.</item>
/// <item>Tags: <c>sales-channel:{Sales Channel}</c> when that column has a value, and <c>b2b</c> when <c>B2B</c> is <c>True</c>.</item>
/// </list>
/// <para>
/// A malformed row (blank <c>Order ID</c>, a <c>Date</c> that is not <c>MM-DD-YY</c>, a <c>Qty</c> that is not a
/// whole number ≥ 0, an <c>Amount</c> that is not a number, an unknown <c>Fulfilment</c>, a currency or country that is
/// not an ISO code, a row whose <c>Date</c>, <c>Status</c> or <c>Fulfilment</c> contradicts the first row of the same
/// order, a row with fewer cells than the header (<c>row has 5 cells, the header has 24</c>), or a row where a column the
/// reader uses holds bytes that are not valid UTF-8 (<c>field 'SKU' holds bytes that are not valid UTF-8</c>)) is left out
/// and reported in <see cref="AmazonOrderReport.RejectedRows"/>; the order keeps its other rows. Values quoted in a
/// reason are cut to 80 characters. The order-level fields (date, status, fulfilment, service level, ship-to, tags)
/// come from the order's first accepted row.
/// </para>
/// <para>
/// A row may hold up to <see cref="MaxRowChars"/> characters; a longer row, an empty file (no header row) or a broken CSV
/// structure is an <see cref="AmazonReportFormatException"/>. Bytes that are not valid UTF-8 are decoded as U+FFFD, and a
/// U+FFFD in a used column rejects the row (one written literally in the file too).
/// </para>
/// </remarks>
/// <threadsafety>Stateless; safe to call from many threads with separate readers.</threadsafety>
public static class AmazonOrderReportReader
{
    /// <summary>The default channel id of Amazon orders: <c>amazon</c>.</summary>
    public static ChannelId DefaultChannel { get; } = ChannelId.From("amazon");

    /// <summary>The most characters one row of a report may hold (8 Mi characters).</summary>
    public const int MaxRowChars = 8 * 1024 * 1024;

    private const string MaxRowCharsText = "8,388,608";

    /// <summary>The most characters of a cell value quoted in a rejection reason; a longer value is cut.</summary>
    internal const int MaxValueShown = 80;

    /// <summary>
    /// The key under which <see cref="ReadFiles"/> records, in an I/O exception's <see cref="Exception.Data"/>, the full
    /// path of the file that could not be read.
    /// </summary>
    public const string FailedPathKey = "OrderCore.Adapters.Amazon.Path";

    /// <summary>The columns a report must have (matched after trimming, ignoring case).</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        Col.OrderId, Col.Date, Col.Status, Col.Fulfilment, Col.ServiceLevel, Col.Sku, Col.CourierStatus, Col.Qty,
        Col.Currency, Col.Amount, Col.City, Col.State, Col.PostalCode, Col.Country,
    ];

    /// <summary>Reads a report from text.</summary>
    /// <param name="reader">The CSV text, header first. Not closed by this method.</param>
    /// <param name="sourceName">The name used in errors and in <see cref="AmazonReportRejectedRow.SourceName"/>, usually the file name.</param>
    /// <param name="options">Owner, account, version, time zone and default currency.</param>
    /// <returns>The orders in file order and the rejected rows.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is blank or an option is unset.</exception>
    /// <exception cref="AmazonReportFormatException">The header is missing, a required column is absent, or the CSV structure is broken.</exception>
    public static AmazonOrderReport Read(TextReader reader, string sourceName, AmazonOrderReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var row = 1;
        var headerRead = false;
        try
        {
            using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = ',',
                OwnsReader = false,
                BufferSize = 64 * 1024,
                MaxBufferSize = MaxRowChars,
            });
            headerRead = true;
            var columns = Columns.Resolve(csv, sourceName);
            var builder = new ReportBuilder(sourceName, options);
            while (csv.Read())
            {
                row++;
                builder.Add(new RowView(csv, columns), row);
            }
            return builder.Build(row - 1);
        }
        catch (CsvMissingHeadersException ex)
        {
            throw new AmazonReportFormatException(sourceName, null, 1, $"'{sourceName}' is empty: it has no header row", ex);
        }
        catch (CsvRecordTooLargeException ex)
        {
            var at = headerRead ? row + 1 : 1;
            throw new AmazonReportFormatException(sourceName, null, at,
                $"{sourceName}: row {at}{(headerRead ? "" : " (the header)")} is longer than {MaxRowCharsText} characters, the most one row may hold", ex);
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvInvalidCharacterException or CsvRecordTooLargeException or CsvMissingHeadersException)
        {
            throw new AmazonReportFormatException(sourceName, null, row + 1, $"{sourceName}: the CSV is malformed near row {row + 1}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a report from a stream of UTF-8 text (a byte-order mark, if present, selects the encoding).</summary>
    /// <param name="stream">The CSV bytes. Left open.</param>
    /// <param name="sourceName">The name used in errors and rejected rows, usually the file name.</param>
    /// <param name="options">Owner, account, version, time zone and default currency.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="AmazonReportFormatException">The header is missing, a required column is absent, or the CSV structure is broken.</exception>
    public static AmazonOrderReport Read(Stream stream, string sourceName, AmazonOrderReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        return Read(text, sourceName, options);
    }

    /// <summary>Reads one report file. The source name is the file name without its folder.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Owner, account, version, time zone and default currency.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read (<see cref="FileNotFoundException"/>, <see cref="DirectoryNotFoundException"/>, …).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="AmazonReportFormatException">The header is missing, a required column is absent, or the CSV structure is broken.</exception>
    public static AmazonOrderReport ReadFile(string path, AmazonOrderReportOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path), options);
    }

    /// <summary>
    /// Reads several report files (e.g. successive downloads) and keeps every order in its newest version: files are taken
    /// in ordinal order of their file names, the file at position <c>i</c> gets version
    /// <see cref="AmazonOrderReportOptions.Version"/> + <c>i</c>, and when an <c>Order ID</c> appears in several files the
    /// rows of the file whose name sorts last are the order.
    /// </summary>
    /// <param name="paths">The files; duplicates are read once.</param>
    /// <param name="options">Owner, account, base version, time zone and default currency. Not modified.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">A file does not exist or cannot be read; <see cref="Exception.Data"/>[<see cref="FailedPathKey"/>] holds its full path.</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be read; <see cref="Exception.Data"/>[<see cref="FailedPathKey"/>] holds its full path.</exception>
    /// <exception cref="AmazonReportFormatException">A file's header is missing, a required column is absent, or its CSV structure is broken.</exception>
    public static AmazonOrderReportSet ReadFiles(IEnumerable<string> paths, AmazonOrderReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ThenBy(p => p, StringComparer.Ordinal).ToArray();
        var reports = new List<AmazonOrderReport>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            var perFile = new AmazonOrderReportOptions(options.Owner, options.Account)
            {
                Channel = options.Channel,
                Version = checked(options.Version + i),
                TimeZone = options.TimeZone,
                DefaultCurrency = options.DefaultCurrency,
            };
            try
            {
                reports.Add(ReadFile(ordered[i], perFile));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ex.Data[FailedPathKey] = ordered[i];
                throw;
            }
        }
        return new AmazonOrderReportSet(reports, Merge(reports));
    }

    /// <summary>
    /// Keeps each order once, in its newest version (highest <see cref="ChannelOrder.Version"/>; on a tie, the later report).
    /// The result is ordered by report and then by the row where the kept version starts.
    /// </summary>
    /// <param name="reports">Reports in the order they should be considered (oldest first).</param>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> is null.</exception>
    public static IReadOnlyList<AmazonReportOrder> Merge(IEnumerable<AmazonOrderReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var newest = new Dictionary<string, (int Report, AmazonReportOrder Order)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var report in reports)
        {
            foreach (var o in report.Orders)
            {
                var id = o.Order.ExternalOrderId;
                if (!newest.TryGetValue(id, out var kept) || o.Order.Version >= kept.Order.Order.Version) newest[id] = (index, o);
            }
            index++;
        }
        return newest.Values.OrderBy(v => v.Report).ThenBy(v => v.Order.FirstRowNumber).Select(v => v.Order).ToArray();
    }

    /// <summary>Parses a report date: <c>MM-DD-YY</c> (two-digit year 2000–2099). Also accepts one-digit month and day and a four-digit year.</summary>
    /// <param name="text">The cell.</param>
    /// <param name="date">The date when the result is true.</param>
    /// <returns>False when the text is not such a date.</returns>
    public static bool TryParseReportDate(string? text, out LocalDate date)
    {
        date = default;
        var parts = text?.Trim().Split('-');
        if (parts is not { Length: 3 }) return false;
        if (!TryDigits(parts[0], 1, 2, out var month) || !TryDigits(parts[1], 1, 2, out var day)) return false;
        int year;
        if (parts[2].Length == 2 && TryDigits(parts[2], 2, 2, out var yy)) year = 2000 + yy;
        else if (parts[2].Length == 4 && TryDigits(parts[2], 4, 4, out var yyyy)) year = yyyy;
        else return false;
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return false;
        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(string s, int min, int max, out int value)
    {
        value = 0;
        if (s.Length < min || s.Length > max) return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>A cell value as quoted in a rejection reason: cut to <see cref="MaxValueShown"/> characters, with <c>...</c> and its length.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    internal static string? Clip(string? value)
        => value is null || value.Length <= MaxValueShown
            ? value
            : string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, MaxValueShown)}... ({value.Length:N0} characters)");

    /// <summary>A reason written elsewhere (e.g. by <see cref="Quantity.TryParse"/>) with <paramref name="value"/> cut in it.</summary>
    internal static string ClipIn(string reason, string? value)
        => value is { Length: > MaxValueShown } && reason.Contains(value, StringComparison.Ordinal)
            ? reason.Replace(value, Clip(value), StringComparison.Ordinal)
            : reason;

    internal static ServiceLevel ParseServiceLevel(string? text)
    {
        var t = text?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(t)) return ServiceLevel.Standard;
        return Enum.TryParse<ServiceLevel>(t, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(t, out _)
            ? level
            : ServiceLevel.Standard;
    }

    private static class Col
    {
        public const string OrderId = "Order ID";
        public const string Date = "Date";
        public const string Status = "Status";
        public const string Fulfilment = "Fulfilment";
        public const string SalesChannel = "Sales Channel";
        public const string ServiceLevel = "ship-service-level";
        public const string Style = "Style";
        public const string Sku = "SKU";
        public const string Size = "Size";
        public const string CourierStatus = "Courier Status";
        public const string Qty = "Qty";
        public const string Currency = "currency";
        public const string Amount = "Amount";
        public const string City = "ship-city";
        public const string State = "ship-state";
        public const string PostalCode = "ship-postal-code";
        public const string Country = "ship-country";
        public const string B2B = "B2B";

        /// <summary>Every column the reader uses, in header order of the usual report.</summary>
        public static readonly string[] Used =
        [
            OrderId, Date, Status, Fulfilment, SalesChannel, ServiceLevel, Style, Sku, Size, CourierStatus, Qty, Currency,
            Amount, City, State, PostalCode, Country, B2B,
        ];
    }

    /// <summary>Column ordinals by name, found after trimming and ignoring case.</summary>
    private sealed class Columns
    {
        private readonly Dictionary<string, int> _ordinals;

        private Columns(Dictionary<string, int> ordinals) => _ordinals = ordinals;

        public static Columns Resolve(CsvDataReader csv, string sourceName)
        {
            var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var name = csv.GetName(i)?.Trim();
                if (!string.IsNullOrEmpty(name)) ordinals.TryAdd(name, i);
            }
            foreach (var required in RequiredColumns)
            {
                if (!ordinals.ContainsKey(required))
                {
                    throw new AmazonReportFormatException(sourceName, required, 1,
                        $"{sourceName}: required column '{required}' is missing from the header");
                }
            }
            return new Columns(ordinals);
        }

        public int? this[string name] => _ordinals.TryGetValue(name, out var i) ? i : null;
    }

    /// <summary>One data row, read through column names.</summary>
    private readonly struct RowView(CsvDataReader csv, Columns columns)
    {
        /// <summary>The trimmed cell, or null when blank or when the column is absent.</summary>
        public string? Get(string column)
        {
            if (columns[column] is not { } i || i >= csv.RowFieldCount) return null;
            var value = csv.GetString(i).Trim();
            return value.Length == 0 ? null : value;
        }

        /// <summary>True when every cell of the row is blank.</summary>
        public bool IsBlank
        {
            get
            {
                for (var i = 0; i < csv.RowFieldCount; i++)
                {
                    if (!string.IsNullOrWhiteSpace(csv.GetString(i))) return false;
                }
                return true;
            }
        }

        /// <summary>When the row has fewer cells than the header: the first column it lacks and the reason; otherwise null.</summary>
        public (string Column, string Reason)? ShortRow()
        {
            var cells = csv.RowFieldCount;
            if (cells >= csv.FieldCount) return null;
            var missing = csv.GetName(cells)?.Trim();
            return (string.IsNullOrEmpty(missing) ? $"column {cells + 1}" : missing,
                $"row has {cells} cell{(cells == 1 ? "" : "s")}, the header has {csv.FieldCount}");
        }

        /// <summary>The first of <paramref name="names"/> whose cell holds U+FFFD (bytes that were not valid UTF-8), or null.</summary>
        public string? FindInvalidText(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                if (columns[name] is not { } i || i >= csv.RowFieldCount) continue;
                if (csv.GetString(i).Contains('\uFFFD', StringComparison.Ordinal)) return name;
            }
            return null;
        }
    }

    private sealed class ReportBuilder(string sourceName, AmazonOrderReportOptions options)
    {
        private readonly Dictionary<string, PendingOrder> _orders = new(StringComparer.Ordinal);
        private readonly List<PendingOrder> _inFileOrder = new();
        private readonly List<AmazonReportRejectedRow> _rejected = new();

        public void Add(RowView r, int row)
        {
            if (r.ShortRow() is { } shortRow && !r.IsBlank)
            {
                Reject(row, shortRow.Column, shortRow.Reason, Clip(r.Get(Col.OrderId)));
                return;
            }
            if (r.FindInvalidText(Col.Used) is { } invalid)
            {
                Reject(row, invalid, $"field '{invalid}' holds bytes that are not valid UTF-8", invalid == Col.OrderId ? null : Clip(r.Get(Col.OrderId)));
                return;
            }
            var orderId = r.Get(Col.OrderId);
            if (orderId is null)
            {
                Reject(row, Col.OrderId, "Order ID is blank", null);
                return;
            }
            var dateText = r.Get(Col.Date);
            if (!TryParseReportDate(dateText, out var date))
            {
                Reject(row, Col.Date, dateText is null ? "Date is blank" : $"'{Clip(dateText)}' is not a date in MM-DD-YY form", orderId);
                return;
            }
            var fulfilmentText = r.Get(Col.Fulfilment);
            FulfilmentChannel fulfilment;
            if (string.Equals(fulfilmentText, "Amazon", StringComparison.OrdinalIgnoreCase)) fulfilment = FulfilmentChannel.Marketplace;
            else if (string.Equals(fulfilmentText, "Merchant", StringComparison.OrdinalIgnoreCase)) fulfilment = FulfilmentChannel.Merchant;
            else
            {
                Reject(row, Col.Fulfilment, fulfilmentText is null ? "Fulfilment is blank" : $"'{Clip(fulfilmentText)}' is neither Amazon nor Merchant", orderId);
                return;
            }
            var qtyText = r.Get(Col.Qty);
            if (!Quantity.TryParse(qtyText, out var qty, out var qtyError))
            {
                Reject(row, Col.Qty, ClipIn(qtyError, qtyText), orderId);
                return;
            }
            var amountText = r.Get(Col.Amount);
            decimal? amount = null;
            if (amountText is not null)
            {
                if (!decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a))
                {
                    Reject(row, Col.Amount, $"'{Clip(amountText)}' is not an amount", orderId);
                    return;
                }
                amount = a;
            }
            var currencyText = r.Get(Col.Currency);
            var currency = options.DefaultCurrency;
            if (currencyText is not null && !CurrencyCode.TryFrom(currencyText, out currency))
            {
                Reject(row, Col.Currency, $"'{Clip(currencyText)}' is not an ISO 4217 currency code", orderId);
                return;
            }
            var country = r.Get(Col.Country);
            if (country is not null && (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1])))
            {
                Reject(row, Col.Country, $"'{Clip(country)}' is not an ISO 3166-1 alpha-2 country code", orderId);
                return;
            }
            var status = r.Get(Col.Status);

            if (_orders.TryGetValue(orderId, out var pending))
            {
                if (pending.Date != date)
                {
                    Reject(row, Col.Date, $"Date {Clip(dateText)} differs from the order's first row ({pending.Date:MM-dd-yy})", orderId);
                    return;
                }
                if (pending.Fulfilment != fulfilment)
                {
                    Reject(row, Col.Fulfilment, $"Fulfilment '{Clip(fulfilmentText)}' differs from the order's first row", orderId);
                    return;
                }
                if (!string.Equals(pending.Status, status, StringComparison.Ordinal))
                {
                    Reject(row, Col.Status, $"Status '{Clip(status)}' differs from the order's first row ('{Clip(pending.Status)}')", orderId);
                    return;
                }
            }
            else
            {
                var city = r.Get(Col.City);
                var state = r.Get(Col.State);
                var postal = r.Get(Col.PostalCode);
                var tags = new List<string>(2);
                if (r.Get(Col.SalesChannel) is { } salesChannel) tags.Add("sales-channel:" + salesChannel);
                if (string.Equals(r.Get(Col.B2B), "True", StringComparison.OrdinalIgnoreCase)) tags.Add("b2b");
                pending = new PendingOrder(orderId, date, status, fulfilment, row)
                {
                    ServiceLevel = ParseServiceLevel(r.Get(Col.ServiceLevel)),
                    ShipTo = city is null && state is null && postal is null && country is null ? null : Address.Create(city, state, postal, country),
                    Tags = tags,
                };
                _orders.Add(orderId, pending);
                _inFileOrder.Add(pending);
            }
            pending.Lines.Add(new ChannelOrderLine
            {
                ExternalSku = r.Get(Col.Sku),
                Style = r.Get(Col.Style),
                Size = r.Get(Col.Size),
                Quantity = qty.Units,
                Amount = amount is { } value ? new Money(value, currency) : null,
                IsCancelled = string.Equals(r.Get(Col.CourierStatus), "Cancelled", StringComparison.OrdinalIgnoreCase),
            });
        }

        public AmazonOrderReport Build(int rowCount)
        {
            var orders = _inFileOrder.Select(p => new AmazonReportOrder(new ChannelOrder
            {
                Owner = options.Owner,
                Channel = options.Channel,
                Account = options.Account,
                ExternalOrderId = p.OrderId,
                Version = options.Version,
                PlacedAt = p.Date.AtStartOfDayInZone(options.TimeZone).ToInstant(),
                FulfilmentChannel = p.Fulfilment,
                ServiceLevel = p.ServiceLevel,
                ShipTo = p.ShipTo,
                ChannelStatus = p.Status,
                IsCancelled = AmazonOrderStatus.Classify(p.Status) == AmazonOrderState.Cancelled,
                Tags = p.Tags,
                Lines = p.Lines.ToArray(),
            }, p.Date, sourceName, p.FirstRow)).ToArray();
            return new AmazonOrderReport(sourceName, rowCount, orders, _rejected.ToArray());
        }

        private void Reject(int row, string field, string reason, string? orderId)
            => _rejected.Add(new AmazonReportRejectedRow(sourceName, row, field, reason, orderId));
    }

    private sealed class PendingOrder(string orderId, LocalDate date, string? status, FulfilmentChannel fulfilment, int firstRow)
    {
        public string OrderId { get; } = orderId;
        public LocalDate Date { get; } = date;
        public string? Status { get; } = status;
        public FulfilmentChannel Fulfilment { get; } = fulfilment;
        public int FirstRow { get; } = firstRow;
        public ServiceLevel ServiceLevel { get; init; }
        public Address? ShipTo { get; init; }
        public IReadOnlyList<string> Tags { get; init; } = [];
        public List<ChannelOrderLine> Lines { get; } = new();
    }
}
