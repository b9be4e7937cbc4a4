using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.Tests;

public sealed class AmazonOrderStatusTests
{
    [Theory]
    [InlineData("Shipped", AmazonOrderState.Shipped)]
    [InlineData("Shipped - Delivered to Buyer", AmazonOrderState.Delivered)]
    [InlineData("shipped -  delivered to buyer ", AmazonOrderState.Delivered)]
    [InlineData("Shipped - Returned to Seller", AmazonOrderState.ReturnedToSeller)]
    [InlineData("Shipped - Rejected by Buyer", AmazonOrderState.ReturnedToSeller)]
    [InlineData("Shipped - Lost in Transit", AmazonOrderState.LostInTransit)]
    [InlineData("Shipped - Out for Delivery", AmazonOrderState.Shipped)]
    [InlineData("Shipped - Returning to Seller", AmazonOrderState.Shipped)]
    [InlineData("Cancelled", AmazonOrderState.Cancelled)]
    [InlineData("Pending", AmazonOrderState.Open)]
    [InlineData("Pending - Waiting for Pick Up", AmazonOrderState.Open)]
    [InlineData("Shipping", AmazonOrderState.Open)]
    [InlineData("", AmazonOrderState.Open)]
    [InlineData(null, AmazonOrderState.Open)]
    public void Classify_KnownTexts(string? status, AmazonOrderState expected)
        => Assert.Equal(expected, AmazonOrderStatus.Classify(status));

    [Property]
    public bool Classify_AnyTextStartingWithShipped_IsAShippedState(NonNull<string> suffix)
        => AmazonOrderStatus.Classify("Shipped" + suffix.Get) is AmazonOrderState.Shipped or AmazonOrderState.Delivered
            or AmazonOrderState.ReturnedToSeller or AmazonOrderState.LostInTransit;

    [Property]
    public Property TryParseReportDate_RoundTripsEveryDateOfTheCentury()
        => Prop.ForAll(Gen.Choose(0, 36524).ToArbitrary(), offset =>
        {
            var date = new LocalDate(2000, 1, 1).PlusDays(offset);
            var text = $"{date.Month:00}-{date.Day:00}-{date.Year % 100:00}";
            return AmazonOrderReportReader.TryParseReportDate(text, out var parsed) && parsed == date;
        });

    [Theory]
    [InlineData("13-01-22")]
    [InlineData("02-30-22")]
    [InlineData("2022-04-27")]
    [InlineData("04/27/22")]
    [InlineData("04-27-222")]
    [InlineData("")]
    public void TryParseReportDate_RefusesMalformedDates(string text)
        => Assert.False(AmazonOrderReportReader.TryParseReportDate(text, out _));

    [Theory]
    [InlineData("Standard", ServiceLevel.Standard)]
    [InlineData("Expedited", ServiceLevel.Expedited)]
    [InlineData("Next Day", ServiceLevel.NextDay)]
    [InlineData("second-day", ServiceLevel.SecondDay)]
    [InlineData("FreeEconomy", ServiceLevel.Standard)]
    [InlineData("1", ServiceLevel.Standard)]
    [InlineData(null, ServiceLevel.Standard)]
    public void ServiceLevel_MapsByName(string? text, ServiceLevel expected)
        => Assert.Equal(expected, AmazonOrderReportReader.ParseServiceLevel(text));
}
