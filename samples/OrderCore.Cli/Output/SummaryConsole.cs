using System.Globalization;
using NodaTime;
using OrderCore.Cli.Replay;
using Spectre.Console;

namespace OrderCore.Cli.Output;

/// <summary>
/// The console side of a replay: a Spectre.Console progress bar while it runs (interactive terminals only) and the
/// summary tables at the end. With redirected output it writes plain text: no ANSI codes, ASCII table borders.
/// </summary>
internal sealed class SummaryConsole
{
    /// <summary>Rejected rows listed per file; the rest are counted.</summary>
    public const int RejectedRowsListed = 10;

    /// <summary>The most characters of a rejected row's field or reason shown in the table (the readers already cut the values they quote).</summary>
    public const int MaxCellShown = 200;

    private readonly IAnsiConsole _console;
    private readonly bool _interactive;
    private readonly TextWriter? _errors;

    /// <param name="output">Where the progress and the tables go.</param>
    /// <param name="interactive">A terminal: progress bar, colours, rounded borders.</param>
    /// <param name="errors">Where warnings go (<c>warning: …</c>, one line each); null drops them.</param>
    public SummaryConsole(TextWriter output, bool interactive, TextWriter? errors = null)
    {
        _interactive = interactive;
        _errors = errors;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!interactive) _console.Profile.Width = 120;
    }

    /// <summary>Runs <paramref name="replay"/> with a progress bar (interactive) or one line per day with orders (plain).</summary>
    public async Task<T> WithProgressAsync<T>(Func<IReplayProgress, Task<T>> replay)
    {
        if (!_interactive) return await replay(new PlainProgress(_console, Warn)).ConfigureAwait(false);
        T result = default!;
        await _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Reading files", autoStart: true, maxValue: 1);
                result = await replay(new BarProgress(task, Warn)).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }

    public void Render(ReplaySummary s)
    {
        var border = _interactive ? TableBorder.Rounded : TableBorder.Ascii;
        var window = s.Window is { } w ? $"{Date(w.Start)} to {Date(w.End)} ({w.Length} day(s))" : "none (no dated Amazon order in the window)";
        _console.WriteLine();
        _console.MarkupLine($"[bold]Replay of {Markup.Escape(s.Source)}[/], window {window}");

        var files = NewTable(border, "Input file", "Kind", "Rows", "Rejected");
        foreach (var f in s.Files) files.AddRow(Cell(f.Name), Cell(f.Kind), Num(f.Rows), Num(f.Rejected.Count));
        _console.Write(files);

        var figures = NewTable(border, "Figure", "Value");
        figures.AddRow(Cell("stock rows / rejected / duplicate SKUs"), Cell($"{N(s.StockRows)} / {N(s.StockRejectedRows)} / {N(s.StockDuplicateSkus)}"));
        figures.AddRow(Cell("stock SKUs / units on hand"), Cell($"{N(s.StockSkus)} / {N(s.StockOnHand)}"));
        figures.AddRow(Cell("orders imported"), Num(s.OrdersImported));
        figures.AddRow(Cell("  amazon / wholesale"), Cell($"{N(s.OrdersAmazon)} / {N(s.OrdersWholesale)}"));
        figures.AddRow(Cell("  merchant / marketplace"), Cell($"{N(s.OrdersMerchant)} / {N(s.OrdersMarketplace)}"));
        figures.AddRow(Cell("  cancelled / shipped"), Cell($"{N(s.OrdersCancelled)} / {N(s.OrdersShipped)}"));
        figures.AddRow(Cell("lines imported / cancelled"), Cell($"{N(s.LinesImported)} / {N(s.LinesCancelled)}"));
        figures.AddRow(Cell("units shipped merchant / marketplace"), Cell($"{N(s.UnitsShippedMerchant)} / {N(s.UnitsShippedMarketplace)}"));
        figures.AddRow(Cell("units returned"), Num(s.UnitsReturned));
        foreach (var (currency, amount) in s.GrossSales) figures.AddRow(Cell($"gross sales {currency}"), Cell(SummaryJson.Money(amount)));
        _console.Write(figures);

        var exceptions = NewTable(border, "Open exceptions (orders)", "Orders");
        foreach (var (reason, orders) in s.ExceptionsOpen) exceptions.AddRow(Cell(reason), Num(orders));
        if (s.ExceptionsOpen.Count == 0) exceptions.AddRow(Cell("none"), Num(0));
        _console.Write(exceptions);

        var inventory = NewTable(border, "Inventory at end", "Units");
        inventory.AddRow(Cell("on hand"), Num(s.InventoryOnHand));
        inventory.AddRow(Cell("reserved"), Num(s.InventoryReserved));
        foreach (var (status, units) in s.InventoryByStatus) inventory.AddRow(Cell("  " + status), Num(units));
        inventory.AddRow(Cell("ledger replay matches balances"), Cell(s.LedgerMatchesBalances ? "yes" : $"NO ({s.LedgerMismatches} mismatches)"));
        _console.Write(inventory);

        foreach (var f in s.Files.Where(f => f.Rejected.Count > 0))
        {
            _console.WriteLine($"Rejected rows of {f.Name}: {N(f.Rejected.Count)}{(f.Rejected.Count > RejectedRowsListed ? $" (first {RejectedRowsListed} listed)" : "")}");
            var rejected = NewTable(border, "Row", "Field", "Reason");
            foreach (var r in f.Rejected.Take(RejectedRowsListed)) rejected.AddRow(Num(r.Row), Cell(Clip(r.Field)), Cell(Clip(r.Reason)));
            if (f.Rejected.Count > RejectedRowsListed) rejected.AddRow(Cell("..."), Cell(""), Cell($"and {N(f.Rejected.Count - RejectedRowsListed)} more"));
            _console.Write(rejected);
        }
    }

    private static Table NewTable(TableBorder border, params string[] headers)
    {
        var table = new Table().Border(border);
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(Markup.Escape(headers[i]));
            if (i > 0 && headers[i] is "Rows" or "Rejected" or "Value" or "Orders" or "Units") column.RightAligned();
            table.AddColumn(column);
        }
        return table;
    }

    private static Text Cell(string text) => new(text);

    private static string Clip(string text) => text.Length <= MaxCellShown ? text : string.Concat(text.AsSpan(0, MaxCellShown), "...");

    private void Warn(string message)
    {
        if (_errors is null) return;
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        _errors.WriteLine("warning: " + line);
        _errors.Flush();
    }

    private static Text Num(long value) => new(N(value));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Date(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class PlainProgress(IAnsiConsole console, Action<string> warn) : IReplayProgress
    {
        public void Warning(string message) => warn(message);

        public void Started(int orders) => console.WriteLine($"Replaying {orders.ToString(CultureInfo.InvariantCulture)} orders");

        public void DayStarted(LocalDate day, int orders) => console.WriteLine($"  {Date(day)}: {orders.ToString(CultureInfo.InvariantCulture)} orders");

        public void OrderDone() { }
    }

    private sealed class BarProgress(ProgressTask task, Action<string> warn) : IReplayProgress
    {
        public void Warning(string message) => warn(message);

        public void Started(int orders)
        {
            task.MaxValue = Math.Max(orders, 1);
            task.Value = 0;
            task.Description = "Replaying";
        }

        public void DayStarted(LocalDate day, int orders) => task.Description = $"Replaying {Date(day)}";

        public void OrderDone() => task.Increment(1);
    }
}
