using OrderCore.Catalog;

namespace OrderCore.Tests.Catalog;

public sealed class GtinTests
{
    [Theory]
    [InlineData("036000291452")]   // UPC-A
    [InlineData("4006381333931")]  // EAN-13
    [InlineData("96385074")]       // GTIN-8
    [InlineData("10614141000415")] // GTIN-14
    [InlineData(" 036000291452 ")]
    public void TryParse_ValidCheckDigit_Succeeds(string text)
    {
        Assert.True(Gtin.TryParse(text, out var gtin, out var error));
        Assert.Equal(text.Trim(), gtin.Digits);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("036000291453", "GTIN '036000291453' has check digit 3, expected 2")]
    [InlineData("4006381333932", "GTIN '4006381333932' has check digit 2, expected 1")]
    [InlineData("03600029145", "GTIN '03600029145' must be 8, 12, 13 or 14 digits")]
    [InlineData("03600029145X", "GTIN '03600029145X' must be 8, 12, 13 or 14 digits")]
    [InlineData("", "GTIN '' must be 8, 12, 13 or 14 digits")]
    public void TryParse_BadCheckDigitOrShape_FailsWithReason(string text, string reason)
    {
        Assert.False(Gtin.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
        Assert.Throws<FormatException>(() => Gtin.Parse(text));
    }

    [Fact]
    public void CheckDigit_UpcBody_IsTwo()
    {
        Assert.Equal(2, Gtin.CheckDigit("03600029145"));
        Assert.Equal(1, Gtin.CheckDigit("400638133393"));
    }

    [Property(MaxTest = 200)]
    public bool CheckDigit_AppendedToAnyBody_Parses(PositiveInt seed)
    {
        var body = (seed.Get % 100_000_000_000L).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
        return Gtin.TryParse(body + Gtin.CheckDigit(body), out _, out _)
               && !Gtin.TryParse(body + ((Gtin.CheckDigit(body) + 1) % 10), out _, out _);
    }

    [Fact]
    public void Parse_AsinAndFnsku_UpperCaseAndRejectBadShape()
    {
        Assert.Equal("B09TY1CM1M", Asin.Parse("b09ty1cm1m").Value);
        Assert.True(Fnsku.Parse("x001abcdef").IsAmazonAssigned);
        Assert.False(Fnsku.Parse("B09TY1CM1M").IsAmazonAssigned);
        Assert.Throws<FormatException>(() => Asin.Parse("B09TY1"));
        Assert.Throws<FormatException>(() => Fnsku.Parse("X001-ABCDE"));
    }
}
