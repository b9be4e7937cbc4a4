using NodaTime;
using OrderCore.Cli.Input;
using OrderCore.Orders;

namespace OrderCore.Cli.Tests;

public sealed class WholesaleReportReaderTests
{
    private const string Header = "index,DATE,Months,CUSTOMER,Style,SKU,Size,PCS,RATE,GROSS AMT";

    private static readonly DateInterval Window = new(new LocalDate(2022, 4, 27), new LocalDate(2022, 4, 29));

    private static readonly WholesaleReportOptions Options = new()
    {
        Owner = OwnerId.From("seller"),
        ShipTo = customer => Address.Create("Jaipur", "RAJASTHAN", "302001", "IN", name: customer),
    };

    private static WholesaleReport Read(params string[] rows)
        => WholesaleReportReader.Read(new StringReader(Header + "\n" + string.Join("\n", rows) + "\n"), "wholesale.csv", Window, Options);

    [Fact]
    public void Read_OneOrderPerDateAndCustomer_InFileOrder()
    {
        var r = Read(
            "0,04-27-22,Apr-22,CUSTOMER-0002,AB1,AB1-RED-M,M,1.00,550.00,550.00",
            "1,04-27-22,Apr-22,CUSTOMER-0003,AB2,AB2-RED-M,M,2.00,100.00,200.00",
            "2,04-27-22,Apr-22,CUSTOMER-0002,AB1,AB1-RED-L,L,5.00,687.50,3437.50",
            "3,04-28-22,Apr-22,CUSTOMER-0002,AB1,AB1-RED-S,S,1.00,10.00,10.00");

        Assert.Equal(4, r.Rows);
        Assert.Empty(r.Rejected);
        Assert.Equal(["2022-04-27/CUSTOMER-0002", "2022-04-27/CUSTOMER-0003", "2022-04-28/CUSTOMER-0002"], r.Orders.Select(o => o.Order.ExternalOrderId));
        var first = r.Orders[0];
        Assert.Equal(new LocalDate(2022, 4, 27), first.LocalDate);
        Assert.Equal(2, first.FirstRow);
        var o = first.Order;
        Assert.Equal(ChannelId.From("wholesale"), o.Channel);
        Assert.Equal(FulfilmentChannel.Merchant, o.FulfilmentChannel);
        Assert.Null(o.ChannelStatus);
        Assert.False(o.IsCancelled);
        Assert.Equal(Instant.FromUtc(2022, 4, 26, 18, 30), o.PlacedAt);
        Assert.Equal("CUSTOMER-0002", o.ShipTo!.Name);
        Assert.Empty(o.ShipTo.MissingShippingFields());
        Assert.Equal([1, 5], o.Lines.Select(l => l.Quantity));
        Assert.Equal(new Money(3437.50m, CurrencyCode.Inr), o.Lines[1].Amount);
        Assert.Equal(new Money(687.50m, CurrencyCode.Inr), o.Lines[1].UnitPrice);
    }

    [Fact]
    public void Read_BlankSku_KeepsStyleAndSizeForTheAlternateKey()
    {
        var r = Read("0,04-28-22,Apr-22,CUSTOMER-0113,set345,,xl,5.00,687.50,3437.50");

        var line = Assert.Single(Assert.Single(r.Orders).Order.Lines);
        Assert.Null(line.ExternalSku);
        Assert.Equal(("set345", "xl"), (line.Style, line.Size));
    }

    [Fact]
    public void Read_OnlyDatesInTheWindowAreRead()
    {
        var r = Read(
            "0,04-26-22,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.00,1.00,1.00",
            "1,04-29-22,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.00,1.00,1.00",
            "2,04-30-22,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.00,1.00,1.00");

        Assert.Equal(1, r.Rows);
        Assert.Equal("2022-04-29/CUSTOMER-0001", Assert.Single(r.Orders).Order.ExternalOrderId);
    }

    [Fact]
    public void Read_StopsAtTheFirstRowWhoseDateIsSku()
    {
        var r = Read(
            "0,04-27-22,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.00,1.00,1.00",
            "1,SKU,,,,,,,,",
            "2,AB1,,,,,,,,",
            "3,CUSTOMER,DATE,Months,Style,SKU,PCS,RATE,GROSS AMT,Stock",
            "4,CUSTOMER-0002,04-27-22,Apr-22,AB1,AB1-RED-M,1.00,1.00,1.00,3.00",
            "5,04-27-22,Apr-22,CUSTOMER-0009,AB1,AB1-RED-M,M,1.00,1.00,1.00");

        Assert.Equal(1, r.Rows);
        Assert.Empty(r.Rejected);
        Assert.Equal("2022-04-27/CUSTOMER-0001", Assert.Single(r.Orders).Order.ExternalOrderId);
    }

    [Fact]
    public void Read_BadRows_AreRejectedWithTheirRowNumber()
    {
        var r = Read(
            "0,4/27/2022,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.00,1.00,1.00",
            "1,04-27-22,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.50,1.00,1.00",
            "2,04-27-22,Apr-22,,AB1,AB1-RED-M,M,1.00,1.00,1.00",
            "3,04-27-22,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.00,1.00,lots",
            "4,04-27-22,Apr-22,CUSTOMER-0001,AB1,AB1-RED-M,M,1.00,1.00,1.00",
            "5,,,,,,,,,");

        Assert.Equal([(2, "DATE"), (3, "PCS"), (4, "CUSTOMER"), (5, "GROSS AMT")], r.Rejected.Select(x => (x.Row, x.Field)));
        Assert.Equal(5, r.Rows); // 4 in the window + 1 undatable; the all-blank row is skipped
        Assert.Single(Assert.Single(r.Orders).Order.Lines);
    }

    [Fact]
    public void Read_NoWindow_ReadsNoOrder()
    {
        var r = WholesaleReportReader.Read(new StringReader(Header + "\n0,04-27-22,Apr-22,C,AB1,AB1-RED-M,M,1.00,1.00,1.00\n"), "w.csv", null, Options);
        Assert.Empty(r.Orders);
    }

    [Fact]
    public void Read_MissingRequiredColumn_NamesFileAndColumn()
    {
        var ex = Assert.Throws<DataFileException>(() =>
            WholesaleReportReader.Read(new StringReader("index,DATE,Months,CUSTOMER,Style,SKU,Size,RATE,GROSS AMT\n"), "International sale Report.csv", Window, Options));
        Assert.Equal(("International sale Report.csv", "PCS"), (ex.FileName, ex.Column));
    }
}
