namespace OrderCore.Cli.Tests;

/// <summary>Arguments, exit codes and error messages of <c>ordercore replay</c>.</summary>
public sealed class ReplayCommandTests
{
    private const string AmazonHeader =
        "index,Order ID,Date,Status,Fulfilment,Sales Channel ,ship-service-level,Style,SKU,Category,Size,ASIN,Courier Status,Qty,currency,Amount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids,B2B,fulfilled-by,Unnamed: 22";

    private const string StockCsv = "index,SKU Code,Design No.,Stock,Category,Size,Color\n0,AB1-RED-M,AB1,3.0,TOPS,M,Red\n";

    private const string WholesaleCsv = "index,DATE,Months,CUSTOMER,Style,SKU,Size,PCS,RATE,GROSS AMT\n0,04-27-22,Apr-22,CUSTOMER-0001,ab1,,m,1.00,100.00,100.00\n";

    private static void AssertOneCleanErrorLine(CliHarness.Result result, params string[] mentions)
    {
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        foreach (var m in mentions) Assert.Contains(m, lines[0]);
        Assert.False(CliHarness.HasStackTrace(result.Stderr + result.Stdout), result.Stderr);
    }

    private static void AssertUsageError(CliHarness.Result result, string mention)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(mention, result.Stderr);
        Assert.Contains("usage: ordercore replay", result.Stderr);
        Assert.False(CliHarness.HasStackTrace(result.Stderr + result.Stdout), result.Stderr);
    }

    [Fact]
    public async Task MissingStockFile_IsADataError()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Amazon Sale Report.x.csv", AmazonHeader + "\n");
        dir.Write("International sale Report.csv", WholesaleCsv);

        var result = await CliHarness.RunAsync("replay", "--data", dir.Path);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, "Sale Report.csv", "not found");
    }

    [Fact]
    public async Task MissingExplicitAmazonFile_IsADataError()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"Amazon Sale Report.{Guid.NewGuid():N}.csv");
        var result = await CliHarness.RunAsync("replay", "--amazon-orders", missing);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, missing, "not found");
    }

    [Fact]
    public async Task MissingDataFolder_IsADataError()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}");
        var result = await CliHarness.RunAsync("replay", "--data", missing);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, missing);
    }

    [Fact]
    public async Task DataFolderWithoutAmazonReport_IsADataError()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Sale Report.csv", StockCsv);

        var result = await CliHarness.RunAsync("replay", "--data", dir.Path);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, "Amazon Sale Report*.csv");
    }

    [Fact]
    public async Task AmazonReportWithoutARequiredColumn_NamesFileAndColumn()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Sale Report.csv", StockCsv);
        dir.Write("International sale Report.csv", WholesaleCsv);
        dir.Write("Amazon Sale Report.bad.csv", AmazonHeader.Replace(",Qty,", ",Quantity,", StringComparison.Ordinal) + "\n");

        var result = await CliHarness.RunAsync("replay", "--data", dir.Path);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, "Amazon Sale Report.bad.csv", "'Qty'");
    }

    [Fact]
    public async Task StockFileWithoutARequiredColumn_NamesFileAndColumn()
    {
        using var dir = new CliHarness.TempFolder();
        var stock = dir.Write("stock.csv", "index,SKU,Design No.,Stock,Category,Size,Color\n");

        var result = await CliHarness.RunAsync("replay", "--stock", stock);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, "stock.csv", "'SKU Code'");
    }

    [Fact]
    public async Task WholesaleFileWithoutARequiredColumn_NamesFileAndColumn()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Sale Report.csv", StockCsv);
        dir.Write("Amazon Sale Report.x.csv", AmazonHeader + "\n");
        dir.Write("International sale Report.csv", "index,DATE,Months,CUSTOMER,Style,SKU,Size,PCS,RATE\n");

        var result = await CliHarness.RunAsync("replay", "--data", dir.Path);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, "International sale Report.csv", "'GROSS AMT'");
    }

    [Fact]
    public async Task UnwritableSummaryJson_IsADataErrorBeforeReplaying()
    {
        var target = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "s.json");
        var result = await CliHarness.RunAsync("replay", "--summary-json", target);

        Assert.Equal(1, result.ExitCode);
        AssertOneCleanErrorLine(result, target);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--from", "2022-13-01")]
    [InlineData("--from", "04-27-22")]
    [InlineData("--to", "tomorrow")]
    [InlineData("--store", "sqlite")]
    [InlineData("--store", "postgres")]
    [InlineData("--from", "2022-04-29", "--to", "2022-04-27")]
    [InlineData("unexpected-argument")]
    [InlineData("--amazon-orders")]
    public async Task BadArguments_AreUsageErrors(params string[] args)
    {
        var result = await CliHarness.RunAsync(["replay", .. args]);
        AssertUsageError(result, "error: ");
    }

    [Fact]
    public async Task NoCommand_IsAUsageError()
        => AssertUsageError(await CliHarness.RunAsync(), "error: ");

    [Fact]
    public async Task FromAfterTo_SaysSo()
        => AssertUsageError(await CliHarness.RunAsync("replay", "--from", "2022-04-29", "--to", "2022-04-27"), "--from 2022-04-29 is after --to 2022-04-27");

    [Fact]
    public async Task Help_ExitsZero()
    {
        var result = await CliHarness.RunAsync("replay", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--amazon-orders", result.Stdout);
    }

    [Fact]
    public async Task SeveralAmazonFiles_TheFileWhoseNameSortsLastIsTheNewerVersion()
    {
        using var dir = new CliHarness.TempFolder();
        var stock = dir.Write("stock.csv", StockCsv);
        const string Row = ",121-0000001-0000001,04-27-22,{0},Merchant,Amazon.in,Standard,AB1,AB1-RED-M,Top,M,B0TEST0001,{1},1,INR,100.00,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,";
        var older = dir.Write("Amazon Sale Report.1.csv", AmazonHeader + "\n0" + string.Format(null, Row, "Shipped", "Shipped") + "\n");
        var newer = dir.Write("Amazon Sale Report.2.csv", AmazonHeader + "\n0" + string.Format(null, Row, "Cancelled", "") + "\n");

        // Given newest first on the command line: the file names, not the argument order, decide.
        var (_, summary) = await CliHarness.ReplayAsync("--stock", stock, "--amazon-orders", newer, "--amazon-orders", older);

        Assert.Equal(1, (int)summary["orders"]!["imported"]!);
        Assert.Equal(1, (int)summary["orders"]!["cancelled"]!);
        Assert.Equal(0, (int)summary["orders"]!["shipped"]!);
        Assert.Equal(3, (int)summary["inventory_end"]!["on_hand"]!);
    }

    [Fact]
    public async Task WholesaleOrder_ResolvedByStyleAndSize_ShipsWithoutAnAddressException()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Sale Report.csv", StockCsv);
        dir.Write("Amazon Sale Report.x.csv", AmazonHeader + "\n0,121-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Standard,AB1,AB1-RED-M,Top,M,B0TEST0001,Shipped,1,INR,100.00,,,,,,False,,\n");
        dir.Write("International sale Report.csv", WholesaleCsv);

        var (_, summary) = await CliHarness.ReplayAsync("--data", dir.Path);

        Assert.Equal(1, (int)summary["orders"]!["by_channel"]!["wholesale"]!);
        Assert.Equal(2, (int)summary["orders"]!["shipped"]!);
        Assert.Empty(summary["exceptions_open"]!.AsObject());
        Assert.Equal(1, (int)summary["units"]!["shipped_merchant"]!);
        Assert.Equal("200.00", (string?)summary["gross_sales"]!["INR"]);
        Assert.Equal(2, (int)summary["inventory_end"]!["on_hand"]!);
    }

    [Fact]
    public async Task BadRows_AreReportedAndTheReplayGoesOn()
    {
        using var dir = new CliHarness.TempFolder();
        dir.Write("Sale Report.csv", StockCsv + "1,#N/A,AB2,1.0,TOPS,M,Red\n2,AB3-RED-M,AB3,2.5,TOPS,M,Red\n");
        dir.Write("Amazon Sale Report.x.csv", AmazonHeader
            + "\n0,121-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Standard,AB1,AB1-RED-M,Top,M,B0TEST0001,Shipped,1,INR,100.00,,,,,,False,,"
            + "\n1,121-0000002-0000002,27/04/2022,Shipped,Amazon,Amazon.in,Standard,AB1,AB1-RED-M,Top,M,B0TEST0001,Shipped,1,INR,100.00,,,,,,False,,\n");
        dir.Write("International sale Report.csv", WholesaleCsv);

        var (result, summary) = await CliHarness.ReplayAsync("--data", dir.Path);

        Assert.Equal(2, (int)summary["stock"]!["rejected_rows"]!);
        Assert.Equal(2, (int)summary["orders"]!["imported"]!);
        Assert.Contains("Rejected rows of Amazon Sale Report.x.csv: 1", result.Stdout);
        Assert.Matches(@"\| 3 +\| Date +\| '27/04/2022' is not a date in MM-DD-YY form", result.Stdout);
        Assert.Matches(@"\| 4 +\| Stock +\|", result.Stdout);
    }

    [Fact]
    public async Task OrderWhoseEveryLineWasCancelled_IsImportedButNeitherAllocatedNorShipped()
    {
        using var dir = new CliHarness.TempFolder();
        var stock = dir.Write("stock.csv", StockCsv);
        var orders = dir.Write("Amazon Sale Report.x.csv", AmazonHeader
            + "\n0,121-0000001-0000001,04-27-22,Shipped,Merchant,Amazon.in,Standard,AB1,AB1-RED-M,Top,M,B0TEST0001,Cancelled,0,,,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,"
            + "\n1,121-0000002-0000002,04-27-22,Shipped,Amazon,Amazon.in,Standard,AB1,AB1-RED-M,Top,M,B0TEST0001,Cancelled,0,,,,,,,,False,,\n");

        var (_, summary) = await CliHarness.ReplayAsync("--stock", stock, "--amazon-orders", orders);

        Assert.Equal(2, (int)summary["orders"]!["imported"]!);
        Assert.Equal(0, (int)summary["orders"]!["shipped"]!);
        Assert.Equal(0, (int)summary["orders"]!["cancelled"]!);
        Assert.Equal(2, (int)summary["lines"]!["cancelled"]!);
        Assert.Empty(summary["exceptions_open"]!.AsObject());
        Assert.Equal(0, (int)summary["inventory_end"]!["reserved"]!);
    }
}
