using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OrderCore.Adapters.Amazon;
using OrderCore.Catalog;
using OrderCore.Cli.Input;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing.Json;
using OrderCore.Routing.Rules;

namespace OrderCore.Cli.Replay;

/// <summary>Receives progress while a replay runs (a progress bar, plain lines, or nothing).</summary>
internal interface IReplayProgress
{
    /// <summary>Called once, when the orders to replay are known.</summary>
    void Started(int orders);

    /// <summary>Called when a day that has orders starts (days without orders are skipped).</summary>
    void DayStarted(LocalDate day, int orders);

    /// <summary>Called with a warning about the inputs (e.g. a suspiciously wide default window); the replay goes on.</summary>
    void Warning(string message);

    /// <summary>Called after each order.</summary>
    void OrderDone();
}

/// <summary>The fixed facts of this seller's replay.</summary>
internal static class ReplaySettings
{
    public static OwnerId Owner { get; } = OwnerId.From("seller");

    public static ChannelAccountId AmazonAccount { get; } = ChannelAccountId.From("amazon-in");

    /// <summary>The one warehouse where the stock snapshot is held and where returns come back.</summary>
    public static LocationId Warehouse { get; } = LocationId.From("WH-1");

    /// <summary>
    /// The warehouse's dock address. The data names no address for the seller, so this is a documented placeholder:
    /// wholesale (ex-works) orders are collected here, see <see cref="WholesaleReportOptions"/>.
    /// </summary>
    public static Address WarehouseAddress { get; } = Address.Create("Jaipur", "RAJASTHAN", "302001", "IN", line1: "Warehouse WH-1, dispatch dock");

    /// <summary>The seller's time zone: every date in the files is a local date here.</summary>
    public static DateTimeZone TimeZone { get; } = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];

    /// <summary>
    /// The replay's routing rules, <c>samples/routing/replay-default.rules.json</c> (embedded): every merchant-fulfilled
    /// order ships whole from <see cref="Warehouse"/>, drawing only <c>Sellable</c> units, never split, and goes to the
    /// exception queue when the stock cannot cover it (wholesale orders to the <c>wholesale</c> work queue, others to
    /// <c>parcel</c>). This is exactly the foundation's allocation, now decided by the routing engine.
    /// </summary>
    public static RoutingRuleSet RoutingRules { get; } = LoadRoutingRules();

    private static RoutingRuleSet LoadRoutingRules()
    {
        using var stream = typeof(ReplaySettings).Assembly.GetManifestResourceStream("replay-default.rules.json")
            ?? throw new InvalidOperationException("The embedded replay-default.rules.json is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return RoutingRulesJson.Parse(buffer.ToArray(), source: "replay-default.rules.json");
    }
}

/// <summary>
/// Replays the seller's exports through OrderCore: stock in, then day by day the Amazon orders (file order) and the
/// wholesale orders (file order), each imported, validated, allocated when merchant-fulfilled, and moved to its final
/// state. Everything that is inventory or order behaviour is done by the library; this class reads files, builds
/// channel orders and calls the library's services in that order.
/// </summary>
internal sealed class ReplayRunner
{
    private readonly ReplayClock _clock;
    private readonly ServiceProvider _services;
    private readonly OrderIntake _intake;
    private readonly OrderFulfilment _fulfilment;
    private readonly InventoryPool _pool;
    private readonly ICatalogStore _catalog;
    private readonly IOrderStore _orders;
    private readonly FinalStateApplier _applier;

    private ReplayRunner(Instant start)
    {
        _clock = new ReplayClock(start);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddOrderCore().AddRoutingRules(ReplaySettings.RoutingRules, o => o.Trace = false);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _intake = _services.GetRequiredService<OrderIntake>();
        _fulfilment = _services.GetRequiredService<OrderFulfilment>();
        _pool = _services.GetRequiredService<InventoryPool>();
        _catalog = _services.GetRequiredService<ICatalogStore>();
        _orders = _services.GetRequiredService<IOrderStore>();
        _applier = new FinalStateApplier(_orders, _fulfilment);
    }

    /// <summary>Reads the inputs and replays them.</summary>
    /// <exception cref="DataFileException">A whole file cannot be used.</exception>
    /// <exception cref="AmazonReportFormatException">An Amazon report lacks a required column or is not CSV.</exception>
    public static async Task<ReplaySummary> RunAsync(ReplayInputs inputs, LocalDate? from, LocalDate? to, IReplayProgress progress, CancellationToken cancellationToken = default)
    {
        var stock = inputs.StockFile is null ? null : StockReportReader.ReadFile(inputs.StockFile);
        var amazon = ReadAmazon(inputs.AmazonFiles);
        var window = ResolveWindow(amazon, from, to);
        if (WideWindowWarning(amazon, window, from, to) is { } wide) progress.Warning(wide);
        var wholesaleOptions = new WholesaleReportOptions
        {
            Owner = ReplaySettings.Owner,
            TimeZone = ReplaySettings.TimeZone,
            ShipTo = customer => ReplaySettings.WarehouseAddress with { Name = customer + " (ex-works collection)" },
        };
        var wholesale = inputs.WholesaleFile is null ? null : WholesaleReportReader.ReadFile(inputs.WholesaleFile, window, wholesaleOptions);

        var plan = Plan(window, amazon, wholesale);
        var start = window?.Start.AtStartOfDayInZone(ReplaySettings.TimeZone).ToInstant() ?? Instant.FromUnixTimeSeconds(0);
        var runner = new ReplayRunner(start);
        await using (runner._services.ConfigureAwait(false))
        {
            if (stock is not null) await runner.LoadStockAsync(stock, cancellationToken).ConfigureAwait(false);
            progress.Started(plan.Sum(d => d.Orders.Count));
            foreach (var (day, orders) in plan)
            {
                runner._clock.Set(day.AtStartOfDayInZone(ReplaySettings.TimeZone).ToInstant());
                progress.DayStarted(day, orders.Count);
                foreach (var (order, state) in orders)
                {
                    await runner.ReplayOrderAsync(order, state, cancellationToken).ConfigureAwait(false);
                    progress.OrderDone();
                }
            }
            var files = new List<InputFileSummary>();
            if (stock is not null) files.Add(new InputFileSummary(stock.FileName, "stock", stock.Rows, stock.Rejected));
            foreach (var f in amazon?.Files ?? [])
            {
                files.Add(new InputFileSummary(f.SourceName, "amazon", f.RowCount,
                    f.RejectedRows.Select(r => new RejectedRow(r.SourceName, r.RowNumber, r.Field, r.Reason)).ToArray()));
            }
            if (wholesale is not null) files.Add(new InputFileSummary(wholesale.FileName, "wholesale", wholesale.Rows, wholesale.Rejected));
            return await SummaryCalculator.ComputeAsync(runner._services, window, inputs.Source, files, stock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AmazonOrderReportSet? ReadAmazon(IReadOnlyList<string> files)
    {
        if (files.Count == 0) return null;
        try
        {
            return AmazonOrderReportReader.ReadFiles(files, new AmazonOrderReportOptions(ReplaySettings.Owner, ReplaySettings.AmazonAccount) { TimeZone = ReplaySettings.TimeZone });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // ReadFiles records the file that failed; without it (not expected), name the first one that is missing.
            var file = ex.Data[AmazonOrderReportReader.FailedPathKey] as string ?? files.FirstOrDefault(f => !File.Exists(f)) ?? files[0];
            var what = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot be read: " + ex.Message;
            throw new DataFileException(Path.GetFileName(file), null, $"{file}: {what}", ex);
        }
    }

    /// <summary>The window: <c>--from</c>/<c>--to</c> where given, otherwise the first and last date of the Amazon orders.</summary>
    /// <exception cref="Program.UsageException">Only one of <c>--from</c>/<c>--to</c> is given and the window it leaves is empty.</exception>
    private static DateInterval? ResolveWindow(AmazonOrderReportSet? amazon, LocalDate? from, LocalDate? to)
    {
        var dates = amazon?.Orders.Select(o => o.LocalDate).ToArray() ?? [];
        var start = from ?? (dates.Length > 0 ? dates.Min() : to);
        var end = to ?? (dates.Length > 0 ? dates.Max() : from);
        if (start is null || end is null) return null;
        if (start > end)
        {
            // --from and --to together were checked when parsing; here one of them met a default from the Amazon dates.
            throw new Program.UsageException(from is { } f
                ? $"the window is empty: --from {Iso(f)} is after the last order date {Iso(end.Value)} (give --to)"
                : $"the window is empty: --to {Iso(end.Value)} is before the first order date {Iso(start.Value)} (give --from)");
        }
        return new DateInterval(start.Value, end.Value);
    }

    /// <summary>A default window wider than this many days gets a warning: one mistyped date can stretch it by decades.</summary>
    internal const int WideWindowDays = 92;

    /// <summary>
    /// When the window takes a bound from the Amazon dates and the Amazon orders inside it span more than
    /// <see cref="WideWindowDays"/> days, a one-line warning naming their earliest and latest dates and the outliers
    /// (orders more than <see cref="WideWindowDays"/> days from the median order date, by file and row); otherwise null.
    /// A wide window the user asked for with <c>--from</c> and <c>--to</c> gets no warning.
    /// </summary>
    private static string? WideWindowWarning(AmazonOrderReportSet? amazon, DateInterval? window, LocalDate? from, LocalDate? to)
    {
        if (window is null || amazon is null || (from is not null && to is not null)) return null;
        var orders = amazon.Orders.Where(o => window.Contains(o.LocalDate)).OrderBy(o => o.LocalDate).ToArray();
        if (orders.Length == 0) return null;
        var days = Period.Between(orders[0].LocalDate, orders[^1].LocalDate, PeriodUnits.Days).Days + 1;
        if (days <= WideWindowDays) return null;
        var median = orders[orders.Length / 2].LocalDate;
        var outliers = orders.Where(o => Math.Abs(Period.Between(median, o.LocalDate, PeriodUnits.Days).Days) > WideWindowDays).ToArray();
        var text = $"the Amazon order dates span {Iso(orders[0].LocalDate)} to {Iso(orders[^1].LocalDate)} ({N(days)} days)";
        if (outliers.Length > 0)
        {
            const int Listed = 5;
            text += "; far from the others: " + string.Join(", ", outliers.Take(Listed).Select(o => $"{o.SourceName} row {o.FirstRowNumber} ({Iso(o.LocalDate)})"))
                + (outliers.Length > Listed ? $" and {N(outliers.Length - Listed)} more" : "");
        }
        return text + "; check for mistyped dates, or give --from and --to";
    }

    private static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Day by day; within a day, Amazon orders in file order, then wholesale orders in file order.</summary>
    private static List<(LocalDate Day, List<(ChannelOrder Order, FinalState State)> Orders)> Plan(DateInterval? window, AmazonOrderReportSet? amazon, WholesaleReport? wholesale)
    {
        var plan = new List<(LocalDate, List<(ChannelOrder, FinalState)>)>();
        if (window is null) return plan;
        var amazonByDay = (amazon?.Orders ?? []).Where(o => window.Contains(o.LocalDate)).ToLookup(o => o.LocalDate);
        var wholesaleByDay = (wholesale?.Orders ?? []).Where(o => window.Contains(o.LocalDate)).ToLookup(o => o.LocalDate);
        foreach (var day in amazonByDay.Select(g => g.Key).Union(wholesaleByDay.Select(g => g.Key)).Order()) // days with orders only
        {
            var orders = amazonByDay[day].Select(o => (o.Order, FinalStates.From(o.State)))
                .Concat(wholesaleByDay[day].Select(o => (o.Order, FinalState.Shipped))) // no status column: an allocated wholesale order ships
                .ToList();
            plan.Add((day, orders));
        }
        return plan;
    }

    /// <summary>Every accepted SKU becomes a product; its units are received as Sellable at the warehouse.</summary>
    private async Task LoadStockAsync(StockSnapshot stock, CancellationToken ct)
    {
        foreach (var item in stock.Items)
        {
            await _catalog.UpsertProductAsync(new Product
            {
                Owner = ReplaySettings.Owner,
                Sku = item.Sku,
                Style = item.Style,
                Size = item.Size,
                Category = item.Category,
                Color = item.Color,
            }, ct).ConfigureAwait(false);
            if (item.Units > 0)
            {
                var key = new BalanceKey(ReplaySettings.Owner, item.Sku, ReplaySettings.Warehouse, InventoryStatus.Sellable);
                await _pool.ReceiveAsync(key, Quantity.Of(item.Units), "stock-snapshot", stock.FileName, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Import, validate, allocate (merchant-fulfilled only), then apply the final state.</summary>
    private async Task ReplayOrderAsync(ChannelOrder order, FinalState state, CancellationToken ct)
    {
        try
        {
            var imported = await _intake.ImportAsync(order, ct).ConfigureAwait(false);
            if (imported.Outcome is not (IntakeOutcome.Created or IntakeOutcome.Updated)) return;
            if (imported.Order.Status == OrderStatus.Cancelled) return; // cancelled on import: nothing to validate or allocate
            var validation = await _intake.ValidateAsync(imported.Order.Id, ct).ConfigureAwait(false);
            if (order.FulfilmentChannel == FulfilmentChannel.Merchant && validation.IsValid)
            {
                await _fulfilment.AllocateAsync(imported.Order.Id, ct).ConfigureAwait(false);
            }
            await _applier.ApplyAsync(imported.Order.Id, state, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ReplayException($"order {order.Channel}/{order.ExternalOrderId}: {ex.Message}", ex);
        }
    }
}

/// <summary>An unexpected failure while replaying one order; the message names the order.</summary>
internal sealed class ReplayException(string message, Exception inner) : Exception(message, inner);
