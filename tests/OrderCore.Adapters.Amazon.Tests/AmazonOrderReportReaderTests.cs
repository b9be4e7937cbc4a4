using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.Tests;

/// <summary>Tests of the order report reader over small hand-written reports in the Seller Central shape.</summary>
public sealed class AmazonOrderReportReaderTests
{
    // The real header, in order: a leading "index", "Sales Channel " with a trailing space and a trailing "Unnamed: 22".
    private const string Header =
        "index,Order ID,Date,Status,Fulfilment,Sales Channel ,ship-service-level,Style,SKU,Category,Size,ASIN,Courier Status,Qty,currency,Amount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids,B2B,fulfilled-by,Unnamed: 22";

    private static readonly AmazonOrderReportOptions Options = new(OwnerId.From("acme"), ChannelAccountId.From("amazon-in"));

    private static AmazonOrderReport Read(params string[] rows)
        => AmazonOrderReportReader.Read(new StringReader(Header + "\n" + string.Join("\n", rows) + "\n"), "orders.csv", Options);

    [Fact]
    public void Read_HeaderWithTrailingSpaceAndExtraColumns_MapsEveryField()
    {
        var report = Read(
            "0,111-0000001-0000001,04-27-22,Shipped - Delivered to Buyer,Merchant,Amazon.in,Expedited,ST100,ST100-RED-M,Kurta,M,B000000001,Shipped,1,INR,649.00,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,");

        Assert.Empty(report.RejectedRows);
        Assert.Equal(1, report.RowCount);
        var o = Assert.Single(report.Orders);
        Assert.Equal("orders.csv", o.SourceName);
        Assert.Equal(2, o.FirstRowNumber);
        Assert.Equal(new LocalDate(2022, 4, 27), o.LocalDate);
        Assert.Equal(AmazonOrderState.Delivered, o.State);
        var c = o.Order;
        Assert.Equal(OwnerId.From("acme"), c.Owner);
        Assert.Equal(ChannelId.From("amazon"), c.Channel);
        Assert.Equal(ChannelAccountId.From("amazon-in"), c.Account);
        Assert.Equal("111-0000001-0000001", c.ExternalOrderId);
        Assert.Equal(1, c.Version);
        Assert.Equal(FulfilmentChannel.Merchant, c.FulfilmentChannel);
        Assert.Equal(ServiceLevel.Expedited, c.ServiceLevel);
        Assert.Equal("Shipped - Delivered to Buyer", c.ChannelStatus);
        Assert.False(c.IsCancelled);
        Assert.Equal(["sales-channel:Amazon.in"], c.Tags);
        // Midnight in Asia/Kolkata (UTC+05:30) is 18:30 UTC the day before.
        Assert.Equal(Instant.FromUtc(2022, 4, 26, 18, 30), c.PlacedAt);
        Assert.Equal("Pune", c.ShipTo!.City);
        Assert.Equal("MAHARASHTRA", c.ShipTo.Region);
        Assert.Equal("IN", c.ShipTo.CountryCode);
        var line = Assert.Single(c.Lines);
        Assert.Equal("ST100-RED-M", line.ExternalSku);
        Assert.Equal("ST100", line.Style);
        Assert.Equal("M", line.Size);
        Assert.Equal(1, line.Quantity);
        Assert.Equal(new Money(649.00m, CurrencyCode.Inr), line.Amount);
        Assert.False(line.IsCancelled);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderAndCase_AreFoundByName()
    {
        var csv = "qty , ORDER ID,date,status,fulfilment,ship-service-level,sku,courier status,currency,amount,ship-city,ship-state,ship-postal-code,ship-country\n"
                  + "2,111-0000009-0000009,04-28-22,Shipped,Amazon,Standard,ST1-M,Shipped,INR,10.50,,,,\n";
        var report = AmazonOrderReportReader.Read(new StringReader(csv), "reordered.csv", Options);
        var o = Assert.Single(report.Orders);
        Assert.Equal(2, o.Order.Lines[0].Quantity);
        Assert.Equal("ST1-M", o.Order.Lines[0].ExternalSku);
        Assert.Null(o.Order.Lines[0].Style);
        Assert.Empty(o.Order.Tags);
    }

    [Theory]
    [InlineData("Qty")]
    [InlineData("Order ID")]
    [InlineData("ship-postal-code")]
    public void Read_RequiredColumnMissing_ThrowsNamingFileAndColumn(string column)
    {
        var header = string.Join(',', Header.Split(',').Where(h => h.Trim() != column));
        var ex = Assert.Throws<AmazonReportFormatException>(() =>
            AmazonOrderReportReader.Read(new StringReader(header + "\n"), "Amazon Sale Report.x.csv", Options));
        Assert.Equal("Amazon Sale Report.x.csv", ex.FileName);
        Assert.Equal(column, ex.Column);
        Assert.Contains("Amazon Sale Report.x.csv", ex.Message);
        Assert.Contains($"'{column}'", ex.Message);
    }

    [Fact]
    public void Read_EmptyText_IsAFileError()
    {
        var ex = Assert.Throws<AmazonReportFormatException>(() => AmazonOrderReportReader.Read(new StringReader(""), "empty.csv", Options));
        Assert.Equal("empty.csv", ex.FileName);
    }

    [Fact]
    public void Read_MultiLineOrder_IsOneOrderWithLinesInFileOrder()
    {
        var report = Read(
            "0,222-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Expedited,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,500.0,Chennai,TAMIL NADU,600001.0,IN,,False,,",
            "1,222-0000002-0000002,04-27-22,Shipped,Amazon,Amazon.in,Expedited,ST9,ST9-BLK-S,Set,S,B000000019,Shipped,1,INR,100.0,Chennai,TAMIL NADU,600001.0,IN,,False,,",
            "2,222-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Expedited,ST2,ST2-BLU-L,Top,L,B000000012,Shipped,2,INR,800.0,Chennai,TAMIL NADU,600001.0,IN,,False,,");

        Assert.Equal(2, report.Orders.Count);
        var first = report.Orders[0];
        Assert.Equal("222-0000001-0000001", first.Order.ExternalOrderId);
        Assert.Equal(["ST1-BLK-S", "ST2-BLU-L"], first.Order.Lines.Select(l => l.ExternalSku));
        Assert.Equal([1, 2], first.Order.Lines.Select(l => l.Quantity));
        Assert.Equal("222-0000002-0000002", report.Orders[1].Order.ExternalOrderId);
    }

    [Fact]
    public void Read_CourierStatusCancelled_CancelsOnlyThatLine()
    {
        var report = Read(
            "0,333-0000001-0000001,04-28-22,Shipped,Amazon,Amazon.in,Expedited,ST1,ST1-BLK-S,Set,S,B000000011,Cancelled,0,,,Mumbai,MAHARASHTRA,400081.0,IN,,False,,",
            "1,333-0000001-0000001,04-28-22,Shipped,Amazon,Amazon.in,Expedited,ST2,ST2-BLU-L,Top,L,B000000012,Shipped,1,INR,399.0,Mumbai,MAHARASHTRA,400081.0,IN,,False,,");

        var o = Assert.Single(report.Orders).Order;
        Assert.False(o.IsCancelled);
        Assert.True(o.Lines[0].IsCancelled);
        Assert.Equal(0, o.Lines[0].Quantity);
        Assert.False(o.Lines[1].IsCancelled);
    }

    [Fact]
    public void Read_StatusCancelled_CancelsTheOrder()
    {
        var report = Read(
            "0,444-0000001-0000001,04-29-22,Cancelled,Merchant,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,,0,,,Surat,GUJARAT,395007.0,IN,,False,Easy Ship,");

        var o = Assert.Single(report.Orders);
        Assert.True(o.Order.IsCancelled);
        Assert.Equal("Cancelled", o.Order.ChannelStatus);
        Assert.Equal(AmazonOrderState.Cancelled, o.State);
        Assert.False(o.Order.Lines[0].IsCancelled); // Courier Status is blank: the order, not the line, is cancelled.
    }

    [Fact]
    public void Read_BlankAmount_IsNoAmount()
    {
        var report = Read(
            "0,555-0000001-0000001,04-27-22,Shipped,Amazon,Non-Amazon,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,,,Delhi,DELHI,110001.0,IN,,False,,");

        var o = Assert.Single(report.Orders).Order;
        Assert.Null(o.Lines[0].Amount);
        Assert.Equal(["sales-channel:Non-Amazon"], o.Tags);
    }

    [Fact]
    public void Read_AmountWithBlankCurrency_UsesTheDefaultCurrency()
    {
        var report = Read(
            "0,555-0000002-0000002,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,,250.5,Delhi,DELHI,110001.0,IN,,True,,");

        var o = Assert.Single(report.Orders).Order;
        Assert.Equal(new Money(250.5m, CurrencyCode.Inr), o.Lines[0].Amount);
        Assert.Contains("b2b", o.Tags);
    }

    [Theory]
    [InlineData("400081.0", "400081")]
    [InlineData("400081", "400081")]
    [InlineData(" 560001.00 ", "560001")]
    public void Read_SpreadsheetPostalCode_IsNormalised(string cell, string expected)
    {
        var report = Read(
            $"0,666-0000001-0000001,04-27-22,Shipped,Merchant,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,mumbai,MAHARASHTRA,{cell},IN,,False,Easy Ship,");

        var shipTo = Assert.Single(report.Orders).Order.ShipTo!;
        Assert.Equal(expected, shipTo.PostalCode);
        Assert.Equal("mumbai", shipTo.City);
        Assert.Empty(shipTo.MissingShippingFields());
    }

    [Fact]
    public void Read_BadDate_RejectsTheRowWithItsRowNumberAndReadsTheRest()
    {
        var report = Read(
            "0,777-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,",
            "1,777-0000002-0000002,2022-04-27,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,",
            "2,777-0000003-0000003,04-28-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,");

        Assert.Equal(3, report.RowCount);
        Assert.Equal(["777-0000001-0000001", "777-0000003-0000003"], report.Orders.Select(o => o.Order.ExternalOrderId));
        var rejected = Assert.Single(report.RejectedRows);
        Assert.Equal(3, rejected.RowNumber); // header is row 1
        Assert.Equal("Date", rejected.Field);
        Assert.Equal("orders.csv", rejected.SourceName);
        Assert.Equal("777-0000002-0000002", rejected.ExternalOrderId);
        Assert.Contains("2022-04-27", rejected.Reason);
    }

    [Theory]
    [InlineData("1.5", "Qty")]
    [InlineData("-1", "Qty")]
    [InlineData("one", "Qty")]
    [InlineData("", "Qty")]
    public void Read_NonIntegerQuantity_RejectsTheRow(string qty, string field)
    {
        var report = Read(
            $"0,888-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,{qty},INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,");

        Assert.Empty(report.Orders);
        var rejected = Assert.Single(report.RejectedRows);
        Assert.Equal(2, rejected.RowNumber);
        Assert.Equal(field, rejected.Field);
    }

    [Fact]
    public void Read_SpreadsheetWholeQuantity_IsAccepted()
    {
        var report = Read(
            "0,888-0000002-0000002,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,3.0,INR,300.0,Pune,MAHARASHTRA,411001.0,IN,,False,,");
        Assert.Equal(3, Assert.Single(report.Orders).Order.Lines[0].Quantity);
    }

    [Fact]
    public void Read_BlankOrderIdAndOtherBadCells_AreRejectedWithTheirField()
    {
        var report = Read(
            "0,,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,",
            "1,999-0000001-0000001,04-27-22,Shipped,FBM,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,",
            "2,999-0000002-0000002,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,1O0.0,Pune,MAHARASHTRA,411001.0,IN,,False,,",
            "3,999-0000003-0000003,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,Rupees,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,",
            "4,999-0000004-0000004,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,India,,False,,");

        Assert.Empty(report.Orders);
        Assert.Equal([(2, "Order ID"), (3, "Fulfilment"), (4, "Amount"), (5, "currency"), (6, "ship-country")],
            report.RejectedRows.Select(r => (r.RowNumber, r.Field)));
    }

    [Fact]
    public void Read_RowContradictingItsOrdersFirstRow_IsRejected()
    {
        var report = Read(
            "0,121-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,",
            "1,121-0000001-0000001,04-27-22,Shipped,Merchant,Amazon.in,Standard,ST2,ST2-BLK-S,Set,S,B000000012,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,");

        Assert.Single(Assert.Single(report.Orders).Order.Lines);
        var rejected = Assert.Single(report.RejectedRows);
        Assert.Equal((3, "Fulfilment"), (rejected.RowNumber, rejected.Field));
    }

    [Fact]
    public void Read_MarketplaceOrderWithoutAddress_HasNoShipTo()
    {
        var report = Read(
            "0,131-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Expedited,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,,,,,,False,,");

        var o = Assert.Single(report.Orders).Order;
        Assert.Equal(FulfilmentChannel.Marketplace, o.FulfilmentChannel);
        Assert.Null(o.ShipTo);
        Assert.Empty(report.RejectedRows);
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasAndNewlines_AreOneRow()
    {
        var report = Read(
            "0,141-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.in,Expedited,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,\"Promo A,Promo\nB\",False,,",
            "1,141-0000002-0000002,04-27-22,Shipped,Amazon,Amazon.in,Expedited,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1.5,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,,");

        Assert.Single(report.Orders);
        Assert.Equal(3, Assert.Single(report.RejectedRows).RowNumber);
    }

    [Fact]
    public void Read_Options_SetChannelVersionAndZone()
    {
        var options = new AmazonOrderReportOptions(OwnerId.From("acme"), ChannelAccountId.From("amazon-us"))
        {
            Channel = ChannelId.From("amazon-us"),
            Version = 7,
            TimeZone = DateTimeZone.Utc,
            DefaultCurrency = CurrencyCode.Usd,
        };
        var csv = Header + "\n0,151-0000001-0000001,04-27-22,Shipped,Amazon,Amazon.com,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,,9.99,,,,,,False,,\n";
        var o = Assert.Single(AmazonOrderReportReader.Read(new StringReader(csv), "us.csv", options).Orders).Order;
        Assert.Equal(ChannelId.From("amazon-us"), o.Channel);
        Assert.Equal(7, o.Version);
        Assert.Equal(Instant.FromUtc(2022, 4, 27, 0, 0), o.PlacedAt);
        Assert.Equal(new Money(9.99m, CurrencyCode.Usd), o.Lines[0].Amount);
    }

    [Fact]
    public void ReadFiles_SameOrderInTwoFiles_TheFileWhoseNameSortsLastWins()
    {
        var dir = Directory.CreateTempSubdirectory("amazon-report-");
        try
        {
            // Written in reverse name order, to show the reader sorts by name rather than by argument order.
            File.WriteAllText(Path.Combine(dir.FullName, "Amazon Sale Report.b.csv"), Header + "\n"
                + "0,161-0000001-0000001,04-28-22,Cancelled,Merchant,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,,0,,,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Amazon Sale Report.a.csv"), Header + "\n"
                + "0,161-0000001-0000001,04-27-22,Shipped,Merchant,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,\n"
                + "1,161-0000002-0000002,04-27-22,Shipped,Merchant,Amazon.in,Standard,ST1,ST1-BLK-S,Set,S,B000000011,Shipped,1,INR,100.0,Pune,MAHARASHTRA,411001.0,IN,,False,Easy Ship,\n");

            var set = AmazonOrderReportReader.ReadFiles(Directory.GetFiles(dir.FullName).OrderDescending(), Options);

            Assert.Equal(["Amazon Sale Report.a.csv", "Amazon Sale Report.b.csv"], set.Files.Select(f => f.SourceName));
            Assert.Equal(2, set.Orders.Count);
            var newer = set.Orders.Single(o => o.Order.ExternalOrderId == "161-0000001-0000001");
            Assert.Equal("Amazon Sale Report.b.csv", newer.SourceName);
            Assert.Equal(2, newer.Order.Version);
            Assert.True(newer.Order.IsCancelled);
            Assert.Equal(new LocalDate(2022, 4, 28), newer.LocalDate);
            Assert.Equal(1, set.Orders.Single(o => o.Order.ExternalOrderId == "161-0000002-0000002").Order.Version);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsFileNotFound()
        => Assert.Throws<FileNotFoundException>(() => AmazonOrderReportReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-report-" + Guid.NewGuid() + ".csv"), Options));
}
