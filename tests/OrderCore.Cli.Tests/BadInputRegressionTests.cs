using System.Text;
using NodaTime;
using OrderCore.Cli.Input;

namespace OrderCore.Cli.Tests;

/// <summary>
/// Regressions from a newcomer's bad-input session (issue 2 §3.7): every case runs on small files the test writes into
/// a temporary folder and checks the exit code and the exact message or rejected-row reason.
/// </summary>
public sealed class BadInputRegressionTests
{
    private const string AmazonHeader =
        "index,Order ID,Date,Status,Fulfilment,Sales Channel ,ship-service-level,Style,SKU,Category,Size,ASIN,Courier Status,Qty,currency,Amount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids,B2B,fulfilled-by,Unnamed: 22";

    private const string StockHeader = "index,SKU Code,Design No.,Stock,Category,Size,Color";

    private const string StockCsv = StockHeader + "\n0,AB1-RED-M,AB1,3.0,TOPS,M,Red\n";

    private const string WholesaleHeader = "index,DATE,Months,CUSTOMER,Style,SKU,Size,PCS,RATE,GROSS AMT";

    private const string WholesaleCsv = WholesaleHeader + "\n0,04-27-22,Apr-22,CUSTOMER-0001,ab1,,m,1.00,100.00,100.00\n";

    private static readonly WholesaleReportOptions WholesaleOptions = new()
    {
        Owner = OwnerId.From("seller"),
        ShipTo = customer => Address.Create("Jaipur", "RAJASTHAN", "302001", "IN", name: customer),
    };

    private static readonly DateInterval April = new(new LocalDate(2022, 4, 27), new LocalDate(2022, 4, 29));

    /// <summary>An Amazon report row (merchant-fulfilled, shipped, one unit of AB1-RED-M) with the given values.</summary>
    private static string AmazonRow(int index, string date = "04-27-22", string sku = "AB1-RED-M", string city = "Pune")
        => $"{index},121-0000001-{index:D7},{date},Shipped,Merchant,Amazon.in,Standard,AB1,{sku},Top,M,B0TEST0001,Shipped,1,INR,100.00,{city},MAHARASHTRA,411001.0,IN,,False,Easy Ship,";

    private static string Amazon(params string[] rows) => AmazonHeader + "\n" + string.Join("\n", rows) + "\n";

    private static void WriteBytes(CliHarness.TempFolder dir, string fileName, params object[] parts)
    {
        using var buffer = new MemoryStream();
        foreach (var part in parts)
        {
            var bytes = part as byte[] ?? Encoding.UTF8.GetBytes((string)part);
            buffer.Write(bytes);
        }
        File.WriteAllBytes(Path.Combine(dir.Path, fileName), buffer.ToArray());
    }

    private static string OneErrorLine(CliHarness.Result result)
    {
        Assert.False(CliHarness.HasStackTrace(result.Stderr + result.Stdout), result.Stderr);
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        return Assert.Single(errors);
    }

    // 1. Duplicate stock rows whose sum passes int.MaxValue.

    [Fact]
    public async Task DuplicateStockRowsSummingPastIntMax_SecondRowIsRejected_ReplayExitsZero()
    {
        using var dir = new CliHarness.TempFolder();
        var stock = dir.Write("stock.csv", StockHeader + "\n0,AB1-RED-M,AB1,2147483647.0,TOPS,M,Red\n1,AB1-RED-M,AB1,2147483647.0,TOPS,M,Red\n");
        var orders = dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0)));

        var (result, summary) = await CliHarness.ReplayAsync("--stock", stock, "--amazon-orders", orders);

        Assert.Equal(1, (int)summary["stock"]!["rejected_rows"]!);
        Assert.Equal(0, (int)summary["stock"]!["duplicate_skus"]!);
        Assert.Equal(2147483647L, (long)summary["stock"]!["on_hand"]!);
        Assert.Matches(@"\| 3 +\| Stock +\| Stock 2147483647: the total of SKU 'AB1-RED-M' would exceed 2,147,483,647 units", result.Stdout);
        var r = Assert.Single(StockReportReader.ReadFile(stock).Rejected);
        Assert.Equal((3, "Stock", "Stock 2147483647: the total of SKU 'AB1-RED-M' would exceed 2,147,483,647 units"), (r.Row, r.Field, r.Reason));
    }

    // 2. Long rows, the row-size limit and long values in reasons.

    [Fact]
    public async Task RowOf20000Characters_IsReadInEveryReader()
    {
        using var dir = new CliHarness.TempFolder();
        var longText = new string('x', 20_000);
        dir.Write("Sale Report.csv", StockCsv + $"1,AB2-RED-M,AB2,1,TOPS,M,{longText}\n");
        dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0), AmazonRow(1, city: new string('C', 20_000)), AmazonRow(2)));
        dir.Write("International sale Report.csv", WholesaleCsv + $"1,04-27-22,Apr-22,CUSTOMER-0002,{longText},,m,1.00,1.00,1.00\n");

        var (result, summary) = await CliHarness.ReplayAsync("--data", dir.Path);

        Assert.Equal(0, (int)summary["stock"]!["rejected_rows"]!);
        Assert.Equal(3, (int)summary["orders"]!["by_channel"]!["amazon"]!);
        Assert.Equal(2, (int)summary["orders"]!["by_channel"]!["wholesale"]!);
        Assert.All(summary["files"]!.AsArray(), f => Assert.Equal(0, (int)f!["rejected_rows"]!));
        Assert.DoesNotContain("Rejected rows", result.Stdout);
    }

    [Fact]
    public async Task RowLongerThanTheLimit_IsAOneLineFileErrorNamingFileAndRow()
    {
        using var dir = new CliHarness.TempFolder();
        var stock = dir.Write("stock.csv", StockCsv + $"1,AB2-RED-M,AB2,1,TOPS,M,{new string('x', CsvTable.MaxRowChars + 10)}\n");

        var result = await CliHarness.RunAsync("replay", "--stock", stock);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: stock.csv: row 3 is longer than 8,388,608 characters, the most one row may hold", OneErrorLine(result));
    }

    [Fact]
    public async Task AmazonRowLongerThanTheLimit_IsAOneLineFileErrorNamingFileAndRow()
    {
        using var dir = new CliHarness.TempFolder();
        var orders = dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0), AmazonRow(1), AmazonRow(2, city: new string('C', 9_000_000))));

        var result = await CliHarness.RunAsync("replay", "--amazon-orders", orders);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Amazon Sale Report.x.csv: row 4 is longer than 8,388,608 characters, the most one row may hold", OneErrorLine(result));
    }

    [Fact]
    public async Task RejectedLongValue_IsCutTo80CharactersInTheReasonAndTheTable()
    {
        using var dir = new CliHarness.TempFolder();
        var longSku = new string('Q', 5_000);
        var stock = dir.Write("stock.csv", StockCsv + $"1,{longSku},AB2,1,TOPS,M,Red\n");
        var orders = dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0)));

        var (result, _) = await CliHarness.ReplayAsync("--stock", stock, "--amazon-orders", orders);

        var r = Assert.Single(StockReportReader.ReadFile(stock).Rejected);
        Assert.Equal(3, r.Row);
        Assert.Equal($"SKU Code '{new string('Q', 80)}... (5,000 characters)' is not a valid SKU (too long or has control characters)", r.Reason);
        Assert.DoesNotContain(new string('Q', 81), result.Stdout);
        var tableLines = result.Stdout.Split('\n')
            .SkipWhile(l => !l.StartsWith("Rejected rows of stock.csv", StringComparison.Ordinal))
            .Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.InRange(tableLines.Length, 3, 4); // header, separator, the row on one or two lines (it was 50 lines)
    }

    // 3. Bytes that are not valid UTF-8.

    [Fact]
    public async Task InvalidUtf8_RejectsTheRowInEveryReader()
    {
        using var dir = new CliHarness.TempFolder();
        byte[] ff = [0xFF];
        WriteBytes(dir, "Sale Report.csv", StockCsv, "1,AB", ff, "2-RED-M,AB2,1,TOPS,M,Red\n");
        WriteBytes(dir, "Amazon Sale Report.x.csv", Amazon(AmazonRow(0)), "1,121-0000001-0000009,04-27-22,Shipped,Merchant,Amazon.in,Standard,AB1,AB1-", ff,
            "-M,Top,M,B0TEST0001,Shipped,1,INR,100.00,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,\n");
        WriteBytes(dir, "International sale Report.csv", WholesaleCsv, "1,04-27-22,Apr-22,CUSTOMER-0002,ab1,AB", ff, ",m,1.00,1.00,1.00\n");

        var (result, summary) = await CliHarness.ReplayAsync("--data", dir.Path);

        Assert.Matches(@"\| 3 +\| SKU Code +\| field 'SKU Code' holds bytes that are not valid UTF-8", result.Stdout);
        Assert.Matches(@"\| 3 +\| SKU +\| field 'SKU' holds bytes that are not valid UTF-8", result.Stdout);
        Assert.Equal(1, (int)summary["orders"]!["by_channel"]!["amazon"]!);
        Assert.Equal(1, (int)summary["orders"]!["by_channel"]!["wholesale"]!);
        Assert.False(summary["exceptions_open"]!.AsObject().ContainsKey("UnmappedSku"));

        var stock = Assert.Single(StockReportReader.ReadFile(Path.Combine(dir.Path, "Sale Report.csv")).Rejected);
        Assert.Equal((3, "SKU Code", "field 'SKU Code' holds bytes that are not valid UTF-8"), (stock.Row, stock.Field, stock.Reason));
        var wholesale = Assert.Single(WholesaleReportReader.ReadFile(Path.Combine(dir.Path, "International sale Report.csv"), April, WholesaleOptions).Rejected);
        Assert.Equal((3, "SKU", "field 'SKU' holds bytes that are not valid UTF-8"), (wholesale.Row, wholesale.Field, wholesale.Reason));
    }

    // 4. Rows with fewer cells than the header.

    [Fact]
    public async Task ShortRow_IsRejectedWithTheCellCountsInEveryReader()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Sale Report.csv", StockCsv + "1,AB2-RED-M,AB2\n");
        dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0), "1,121-0000001-0000009,04-27-22,Shipped,Merchant"));
        dir.Write("International sale Report.csv", WholesaleCsv + "1,04-27-22,Apr-22,CUSTOMER-0002\n");

        var (result, summary) = await CliHarness.ReplayAsync("--data", dir.Path);

        Assert.Matches(@"\| 3 +\| Stock +\| row has 3 cells, the header has 7", result.Stdout);
        Assert.Matches(@"\| 3 +\| Sales Channel +\| row has 5 cells, the header has 24", result.Stdout);
        Assert.Matches(@"\| 3 +\| Style +\| row has 4 cells, the header has 10", result.Stdout);
        Assert.DoesNotContain("quantity is blank", result.Stdout);
        Assert.All(summary["files"]!.AsArray(), f => Assert.Equal(1, (int)f!["rejected_rows"]!));
    }

    // 5. A mistyped date widens the default window; progress lines; --from/--to range.

    [Fact]
    public async Task MistypedAmazonDate_WarnsOnceAndProgressListsOnlyDaysWithOrders()
    {
        using var dir = new CliHarness.TempFolder();
        var orders = dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0), AmazonRow(1, date: "04-28-22"), AmazonRow(2, date: "04-29-99")));

        var result = await CliHarness.RunAsync("replay", "--amazon-orders", orders);

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "warning: the Amazon order dates span 2022-04-27 to 2099-04-29 (28,127 days); far from the others: Amazon Sale Report.x.csv row 4 (2099-04-29); check for mistyped dates, or give --from and --to",
            warning);
        var dayLines = result.Stdout.Split('\n').Where(l => l.StartsWith("  20", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["  2022-04-27: 1 orders", "  2022-04-28: 1 orders", "  2099-04-29: 1 orders"], dayLines);
    }

    [Fact]
    public async Task NarrowDefaultWindow_HasNoWarning()
    {
        using var dir = new CliHarness.TempFolder();
        var orders = dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0), AmazonRow(1, date: "04-29-22")));

        var result = await CliHarness.RunAsync("replay", "--amazon-orders", orders, "--to", "2999-12-31");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(2, result.Stdout.Split('\n').Count(l => l.StartsWith("  20", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--from", "0000-01-01")]
    [InlineData("--from", "1899-12-31")]
    [InlineData("--to", "3000-01-01")]
    [InlineData("--to", "9999-12-31")]
    public async Task DateOutsideTheAcceptedRange_IsAUsageError(string option, string date)
    {
        var result = await CliHarness.RunAsync("replay", option, date);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {option} {date} is out of range: give a date from 1900-01-01 to 2999-12-31", OneErrorLine(result));
        Assert.Contains("usage: ordercore replay", result.Stderr);
    }

    // 6. An unreadable Amazon report among several.

    [Fact]
    public async Task BrokenAmazonReport_TheErrorNamesThatFile()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Sale Report.csv", StockCsv);
        dir.Write("Amazon Sale Report.a.csv", Amazon(AmazonRow(0)));
        dir.Write("International sale Report.csv", WholesaleCsv);
        var broken = Path.Combine(dir.Path, "Amazon Sale Report.zz.csv");
        File.CreateSymbolicLink(broken, Path.Combine(dir.Path, "no-such-target.csv"));

        var result = await CliHarness.RunAsync("replay", "--data", dir.Path);

        Assert.Equal(1, result.ExitCode);
        var line = OneErrorLine(result);
        Assert.Contains("Amazon Sale Report.zz.csv", line);
        Assert.DoesNotContain("Amazon Sale Report.a.csv", line);
    }

    // 7. Messages.

    [Fact]
    public async Task DataPointingToAFile_SaysItIsAFile()
    {
        using var dir = new CliHarness.TempFolder();
        var file = dir.Write("Sale Report.csv", StockCsv);

        var result = await CliHarness.RunAsync("replay", "--data", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: '{file}' is a file, not a data folder", OneErrorLine(result));
    }

    [Theory]
    [InlineData("--data", "--data needs a folder path")]
    [InlineData("--stock", "--stock needs a file path")]
    [InlineData("--amazon-orders", "--amazon-orders needs a file path")]
    [InlineData("--wholesale", "--wholesale needs a file path")]
    [InlineData("--summary-json", "--summary-json needs a file path")]
    public async Task EmptyPath_IsAUsageError(string option, string message)
    {
        var result = await CliHarness.RunAsync("replay", option, "");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: " + message, OneErrorLine(result));
        Assert.Contains("usage: ordercore replay", result.Stderr);
    }

    [Fact]
    public async Task SummaryJsonToAFolder_FailsBeforeReplaying()
    {
        using var dir = new CliHarness.TempFolder();

        var result = await CliHarness.RunAsync("replay", "--summary-json", dir.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {dir.Path}: cannot write the summary (it is a folder)", OneErrorLine(result));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task SummaryJsonBelowAFile_FailsBeforeReplaying()
    {
        using var dir = new CliHarness.TempFolder();
        var file = dir.Write("not-a-folder", "x");
        var target = Path.Combine(file, "s.json");

        var result = await CliHarness.RunAsync("replay", "--summary-json", target);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {target}: cannot write the summary", OneErrorLine(result));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task SummaryJsonCheck_LeavesNoFileBehindWhenTheReplayFails()
    {
        using var dir = new CliHarness.TempFolder();
        var target = Path.Combine(dir.Path, "s.json");

        var result = await CliHarness.RunAsync("replay", "--stock", Path.Combine(dir.Path, "missing.csv"), "--summary-json", target);

        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("--stock", "Sale Report.csv")]
    [InlineData("--amazon-orders", "Amazon Sale Report.x.csv")]
    [InlineData("--wholesale", "International sale Report.csv")]
    public async Task EmptyFile_SaysItHasNoHeaderRow(string option, string fileName)
    {
        using var dir = new CliHarness.TempFolder();
        var empty = dir.Write(fileName, "");
        var orders = dir.Write("Amazon Sale Report.ok.csv", Amazon(AmazonRow(0)));

        var result = option == "--amazon-orders"
            ? await CliHarness.RunAsync("replay", option, empty)
            : await CliHarness.RunAsync("replay", "--amazon-orders", orders, option, empty);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: '{fileName}' is empty: it has no header row", OneErrorLine(result));
    }

    [Fact]
    public async Task MissingRequiredColumn_MessagesArePunctuatedAlikeInTheThreeFiles()
    {
        using var dir = new CliHarness.TempFolder();
        var stock = dir.Write("stock.csv", StockHeader.Replace("Stock", "Units", StringComparison.Ordinal) + "\n");
        var orders = dir.Write("Amazon Sale Report.x.csv", AmazonHeader.Replace(",Qty,", ",Quantity,", StringComparison.Ordinal) + "\n");
        var okOrders = dir.Write("Amazon Sale Report.ok.csv", Amazon(AmazonRow(0)));
        var wholesale = dir.Write("wholesale.csv", WholesaleHeader.Replace(",PCS,", ",Pieces,", StringComparison.Ordinal) + "\n");

        var lines = new[]
        {
            OneErrorLine(await CliHarness.RunAsync("replay", "--stock", stock)),
            OneErrorLine(await CliHarness.RunAsync("replay", "--amazon-orders", orders)),
            OneErrorLine(await CliHarness.RunAsync("replay", "--amazon-orders", okOrders, "--wholesale", wholesale)),
        };

        Assert.Equal(
        [
            "error: stock.csv: required column 'Stock' is missing from the header",
            "error: Amazon Sale Report.x.csv: required column 'Qty' is missing from the header",
            "error: wholesale.csv: required column 'PCS' is missing from the header",
        ], lines);
    }

    // 8. --from after the last Amazon date, without --to.

    [Fact]
    public async Task FromAfterTheLastOrderDateWithoutTo_IsAUsageError()
    {
        using var dir = new CliHarness.TempFolder();
        var orders = dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0), AmazonRow(1, date: "04-29-22")));

        var result = await CliHarness.RunAsync("replay", "--amazon-orders", orders, "--from", "2022-05-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: the window is empty: --from 2022-05-01 is after the last order date 2022-04-29 (give --to)", OneErrorLine(result));
        Assert.Contains("usage: ordercore replay", result.Stderr);
    }

    [Fact]
    public async Task ToBeforeTheFirstOrderDateWithoutFrom_IsAUsageError()
    {
        using var dir = new CliHarness.TempFolder();
        var orders = dir.Write("Amazon Sale Report.x.csv", Amazon(AmazonRow(0), AmazonRow(1, date: "04-29-22")));

        var result = await CliHarness.RunAsync("replay", "--amazon-orders", orders, "--to", "2022-04-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: the window is empty: --to 2022-04-01 is before the first order date 2022-04-27 (give --from)", OneErrorLine(result));
    }

    // 9. One error line; the command's name in help.

    [Theory]
    [InlineData("error: Unrecognized command or argument 'frob'.", "frob")]
    [InlineData("error: Unrecognized command or argument '--data'.", "--data", "X")]
    [InlineData("error: Unrecognized command or argument '--bogus'.", "replay", "--bogus", "--also-bogus")]
    public async Task ArgumentErrors_PrintOneErrorLineAndTheUsage(string expected, params string[] args)
    {
        var result = await CliHarness.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines[0]);
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("usage: ordercore replay", lines[1]);
    }

    [Fact]
    public async Task Help_NamesTheCommandOrdercore()
    {
        var result = await CliHarness.RunAsync("replay", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ordercore replay [options]", result.Stdout);
        Assert.DoesNotContain("OrderCore.Cli", result.Stdout);
    }

    // 10. The file whose name sorts last wins, whatever its folder.

    [Fact]
    public async Task SeveralAmazonFiles_SortedByFileNameNotByFolder()
    {
        using var dir = new CliHarness.TempFolder();
        var stock = dir.Write("stock.csv", StockCsv);
        Directory.CreateDirectory(Path.Combine(dir.Path, "a"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "b"));
        // By full path, a/…2 sorts before b/…1 and the older file would win; by file name, …2 is the newer version.
        var newer = dir.Write(Path.Combine("a", "Amazon Sale Report.2.csv"), Amazon(AmazonRow(0).Replace(",Shipped,Merchant,", ",Cancelled,Merchant,", StringComparison.Ordinal)));
        var older = dir.Write(Path.Combine("b", "Amazon Sale Report.1.csv"), Amazon(AmazonRow(0)));

        var (_, summary) = await CliHarness.ReplayAsync("--stock", stock, "--amazon-orders", older, "--amazon-orders", newer);

        Assert.Equal(1, (int)summary["orders"]!["imported"]!);
        Assert.Equal(1, (int)summary["orders"]!["cancelled"]!);
        Assert.Equal(0, (int)summary["orders"]!["shipped"]!);
    }
}
