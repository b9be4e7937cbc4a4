using OrderCore.Cli.Input;

namespace OrderCore.Cli.Tests;

public sealed class StockReportReaderTests
{
    private const string Header = "index,SKU Code ,Design No.,Stock,Category,Size,Color,Unnamed: 7";

    private static StockSnapshot Read(params string[] rows)
        => StockReportReader.Read(new StringReader(Header + "\n" + string.Join("\n", rows) + "\n"), "stock.csv");

    [Fact]
    public void Read_AcceptedRows_BecomeItemsWithTheirAttributes()
    {
        var s = Read("0,AB1-RED-M,AB1,5.0,TOPS,M,Red,", "1,AB1-RED-L,AB1,3,TOPS,L,Red,");

        Assert.Equal(2, s.Rows);
        Assert.Empty(s.Rejected);
        Assert.Equal(8, s.OnHand);
        var item = s.Items[0];
        Assert.Equal(Sku.From("AB1-RED-M"), item.Sku);
        Assert.Equal(("AB1", "M", "TOPS", "Red", 5), (item.Style, item.Size, item.Category, item.Color, item.Units));
    }

    [Fact]
    public void Read_BlankRowsCountAsRowsAndAreRejected()
    {
        var s = Read("0,AB1-RED-M,AB1,5.0,TOPS,M,Red,", "1,,,,,,,", "2,,,,,,,");

        Assert.Equal(3, s.Rows);
        Assert.Single(s.Items);
        Assert.Equal([3, 4], s.Rejected.Select(r => r.Row));
        Assert.All(s.Rejected, r => Assert.Equal("blank row", r.Reason));
    }

    [Theory]
    [InlineData("#REF!")]
    [InlineData("#N/A")]
    [InlineData("#VALUE!")]
    [InlineData("#DIV/0!")]
    [InlineData("#NAME?")]
    [InlineData("#NULL!")]
    [InlineData("#NUM!")]
    public void Read_SpreadsheetErrorAsSku_IsRejected(string error)
    {
        var s = Read($"0,{error},AB1,0.0,TOPS,FREE,Black,");

        Assert.Empty(s.Items);
        var r = Assert.Single(s.Rejected);
        Assert.Equal((2, "SKU Code"), (r.Row, r.Field));
        Assert.Contains(error, r.Reason);
    }

    [Fact]
    public void Read_BlankSkuWithOtherCells_IsRejected()
    {
        var s = Read("0,,AB1,1.0,TOPS,M,Red,");
        Assert.Equal("SKU Code is blank", Assert.Single(s.Rejected).Reason);
    }

    [Fact]
    public void Read_DuplicateSku_IsSummedAndCountedOnce()
    {
        var s = Read("0,AB1-RED-M,AB1,2.0,TOPS,M,Red,", "1,AB2-RED-M,AB2,1.0,TOPS,M,Red,", "2, AB1-RED-M ,AB1,3.0,TOPS,M,Red,", "3,AB1-RED-M,AB1,1.0,TOPS,M,Red,");

        Assert.Equal(1, s.DuplicateSkus);
        Assert.Equal(2, s.Items.Count);
        Assert.Equal((6, 3), (s.Items[0].Units, s.Items[0].Rows));
        Assert.Equal(7, s.OnHand);
    }

    [Fact]
    public void Read_SkusAreComparedCaseSensitively()
    {
        var s = Read("0,ab1-red-m,AB1,2.0,TOPS,M,Red,", "1,AB1-RED-M,AB1,3.0,TOPS,M,Red,");
        Assert.Equal(2, s.Items.Count);
        Assert.Equal(0, s.DuplicateSkus);
    }

    [Theory]
    [InlineData("5.5", "not a whole number")]
    [InlineData("-1.0", "negative")]
    [InlineData("five", "not a number")]
    [InlineData("", "blank")]
    public void Read_BadStock_RejectsTheRow(string stock, string reason)
    {
        var s = Read("0,AB1-RED-M,AB1,1.0,TOPS,M,Red,", $"1,AB2-RED-M,AB2,{stock},TOPS,M,Red,");

        Assert.Single(s.Items);
        var r = Assert.Single(s.Rejected);
        Assert.Equal((3, "Stock"), (r.Row, r.Field));
        Assert.Contains(reason, r.Reason);
    }

    [Fact]
    public void Read_ZeroStock_IsAProductWithNoUnits()
    {
        var s = Read("0,AB1-RED-M,AB1,0.0,TOPS,M,Red,");
        Assert.Equal(0, Assert.Single(s.Items).Units);
    }

    [Fact]
    public void Read_MissingRequiredColumn_NamesFileAndColumn()
    {
        var ex = Assert.Throws<DataFileException>(() => StockReportReader.Read(new StringReader("index,SKU Code,Design No.,Category,Size\n"), "Sale Report.csv"));
        Assert.Equal(("Sale Report.csv", "Stock"), (ex.FileName, ex.Column));
        Assert.Contains("Sale Report.csv", ex.Message);
        Assert.Contains("'Stock'", ex.Message);
    }

    [Fact]
    public void ReadFile_MissingFile_IsAFileError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-stock-{Guid.NewGuid():N}.csv");
        var ex = Assert.Throws<DataFileException>(() => StockReportReader.ReadFile(path));
        Assert.Contains(path, ex.Message);
    }
}
