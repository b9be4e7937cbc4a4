using System.Text;

namespace OrderCore.Adapters.Amazon.Tests;

/// <summary>
/// Regressions from a bad-input session: long rows, bytes that are not valid UTF-8, short rows, empty files, long values
/// in reasons and an unreadable file among several. Each test writes its small report into a temporary folder.
/// </summary>
public sealed class ReaderRobustnessTests : IDisposable
{
    private const string Header =
        "index,Order ID,Date,Status,Fulfilment,Sales Channel ,ship-service-level,Style,SKU,Category,Size,ASIN,Courier Status,Qty,currency,Amount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids,B2B,fulfilled-by,Unnamed: 22";

    private static readonly AmazonOrderReportOptions Options = new(OwnerId.From("acme"), ChannelAccountId.From("amazon-in"));

    private readonly string _folder = Directory.CreateTempSubdirectory("ordercore-amazon-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Row(int index, string date = "04-27-22", string sku = "ST1-RED-M", string city = "Pune", string qty = "1")
        => $"{index},111-0000001-{index:D7},{date},Shipped,Merchant,Amazon.in,Standard,ST1,{sku},Kurta,M,B000000001,Shipped,{qty},INR,100.00,{city},MAHARASHTRA,411001.0,IN,,False,Easy Ship,";

    private string Write(string fileName, params object[] parts)
    {
        var path = Path.Combine(_folder, fileName);
        using var file = File.Create(path);
        foreach (var part in parts) file.Write(part as byte[] ?? Encoding.UTF8.GetBytes((string)part));
        return path;
    }

    private string WriteReport(string fileName, params string[] rows) => Write(fileName, Header + "\n" + string.Join("\n", rows) + "\n");

    [Fact]
    public void RowOf20000Characters_IsReadAndRowNumbersStayRight()
    {
        var path = WriteReport("orders.csv", Row(0), Row(1), Row(2, city: new string('C', 20_000)), Row(3));

        var report = AmazonOrderReportReader.ReadFile(path, Options);

        Assert.Empty(report.RejectedRows);
        Assert.Equal(4, report.RowCount);
        Assert.Equal([2, 3, 4, 5], report.Orders.Select(o => o.FirstRowNumber));
        Assert.Equal(20_000, report.Orders[2].Order.ShipTo!.City!.Length);
    }

    [Fact]
    public void RowLongerThanTheLimit_IsAFormatErrorNamingFileAndRow()
    {
        var path = WriteReport("orders.csv", Row(0), Row(1), Row(2, city: new string('C', AmazonOrderReportReader.MaxRowChars + 1)));

        var ex = Assert.Throws<AmazonReportFormatException>(() => AmazonOrderReportReader.ReadFile(path, Options));

        Assert.Equal("orders.csv: row 4 is longer than 8,388,608 characters, the most one row may hold", ex.Message);
        Assert.Equal(4, ex.RowNumber);
        Assert.Equal("orders.csv", ex.FileName);
    }

    [Fact]
    public void InvalidUtf8InSku_RejectsTheRow()
    {
        var path = Write("orders.csv", Header + "\n" + Row(0) + "\n" + "1,111-0000001-0000001,04-27-22,Shipped,Merchant,Amazon.in,Standard,ST1,ST1-", new byte[] { 0xFF, 0xFE },
            "-M,Kurta,M,B000000001,Shipped,1,INR,100.00,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,\n" + Row(2) + "\n");

        var report = AmazonOrderReportReader.ReadFile(path, Options);

        var rejected = Assert.Single(report.RejectedRows);
        Assert.Equal((3, "SKU", "field 'SKU' holds bytes that are not valid UTF-8", "111-0000001-0000001"),
            (rejected.RowNumber, rejected.Field, rejected.Reason, rejected.ExternalOrderId));
        Assert.Equal(2, report.Orders.Count);
        Assert.All(report.Orders.SelectMany(o => o.Order.Lines), l => Assert.Equal("ST1-RED-M", l.ExternalSku));
    }

    [Fact]
    public void ShortRow_IsRejectedWithTheCellCounts()
    {
        var path = WriteReport("orders.csv", Row(0), "1,111-0000001-0000009,04-27-22,Shipped,Merchant");

        var report = AmazonOrderReportReader.ReadFile(path, Options);

        var rejected = Assert.Single(report.RejectedRows);
        Assert.Equal((3, "Sales Channel", "row has 5 cells, the header has 24", "111-0000001-0000009"),
            (rejected.RowNumber, rejected.Field, rejected.Reason, rejected.ExternalOrderId));
    }

    [Fact]
    public void BlankShortRow_IsStillABlankOrderId()
    {
        var path = WriteReport("orders.csv", Row(0), "", Row(2));

        var report = AmazonOrderReportReader.ReadFile(path, Options);

        var rejected = Assert.Single(report.RejectedRows);
        Assert.Equal((3, "Order ID", "Order ID is blank"), (rejected.RowNumber, rejected.Field, rejected.Reason));
    }

    [Fact]
    public void EmptyFile_SaysItHasNoHeaderRow()
    {
        var path = Write("orders.csv", "");

        var ex = Assert.Throws<AmazonReportFormatException>(() => AmazonOrderReportReader.ReadFile(path, Options));

        Assert.Equal("'orders.csv' is empty: it has no header row", ex.Message);
        Assert.Equal(1, ex.RowNumber);
    }

    [Fact]
    public void MissingColumn_MessageHasNoTrailingPeriod()
    {
        var path = Write("orders.csv", Header.Replace(",Qty,", ",Quantity,", StringComparison.Ordinal) + "\n");

        var ex = Assert.Throws<AmazonReportFormatException>(() => AmazonOrderReportReader.ReadFile(path, Options));

        Assert.Equal("orders.csv: required column 'Qty' is missing from the header", ex.Message);
        Assert.Equal("Qty", ex.Column);
    }

    [Fact]
    public void LongValuesInReasons_AreCutTo80Characters()
    {
        var path = WriteReport("orders.csv", Row(0, date: new string('9', 5_000)), Row(1, qty: new string('x', 3_000)));

        var report = AmazonOrderReportReader.ReadFile(path, Options);

        Assert.Equal(2, report.RejectedRows.Count);
        Assert.Equal($"'{new string('9', 80)}... (5,000 characters)' is not a date in MM-DD-YY form", report.RejectedRows[0].Reason);
        Assert.Equal($"quantity '{new string('x', 80)}... (3,000 characters)' is not a number", report.RejectedRows[1].Reason);
    }

    [Fact]
    public void UnreadableFileAmongSeveral_TheExceptionNamesThatFile()
    {
        var good = WriteReport("Amazon Sale Report.a.csv", Row(0));
        var broken = Path.Combine(_folder, "Amazon Sale Report.zz.csv");
        File.CreateSymbolicLink(broken, Path.Combine(_folder, "no-such-target.csv"));

        var ex = Assert.ThrowsAny<IOException>(() => AmazonOrderReportReader.ReadFiles([good, broken], Options));

        Assert.Equal(broken, ex.Data[AmazonOrderReportReader.FailedPathKey]);
    }

    [Theory]
    [InlineData("04-29-22", 2022)]
    [InlineData("04-29-2022", 2022)]
    [InlineData("4-9-22", 2022)]
    [InlineData("04-29-99", 2099)]
    public void ReportDates_AcceptTwoAndFourDigitYears(string text, int year)
    {
        Assert.True(AmazonOrderReportReader.TryParseReportDate(text, out var date));
        Assert.Equal(year, date.Year);
    }
}
