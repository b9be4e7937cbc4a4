namespace OrderCore.Tests.Primitives;

public sealed class MoneyTests
{
    [Fact]
    public void Add_SameCurrency_AddsAmounts()
    {
        var sum = new Money(725.50m, CurrencyCode.Inr) + new Money(100m, CurrencyCode.Inr);

        Assert.Equal(new Money(825.50m, CurrencyCode.Inr), sum);
        Assert.Equal("INR 825.50", sum.ToString());
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsCurrencyMismatchNamingBoth()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, CurrencyCode.Usd) + new Money(1m, CurrencyCode.Eur));

        Assert.Equal(CurrencyCode.Usd, e.Expected);
        Assert.Equal(CurrencyCode.Eur, e.Actual);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_ThrowsCurrencyMismatch()
    {
        Assert.Throws<CurrencyMismatchException>(() => new Money(1m, CurrencyCode.Usd) - new Money(1m, CurrencyCode.Inr));
    }

    [Fact]
    public void Multiply_ByUnits_KeepsCurrency()
    {
        Assert.Equal(new Money(31.50m, CurrencyCode.Eur), new Money(10.50m, CurrencyCode.Eur) * 3);
    }

    [Fact]
    public void Equality_SameValueDifferentScale_IsEqual()
    {
        Assert.Equal(new Money(1.0m, CurrencyCode.Inr), new Money(1.00m, CurrencyCode.Inr));
        Assert.NotEqual(new Money(1m, CurrencyCode.Inr), new Money(1m, CurrencyCode.Usd));
    }

    [Fact]
    public void Constructor_DefaultCurrency_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new Money(1m, default));
    }

    [Theory]
    [InlineData("inr", "INR")]
    [InlineData(" usd ", "USD")]
    public void CurrencyCodeFrom_ThreeLettersAnyCase_IsUpperCase(string text, string expected)
    {
        Assert.Equal(expected, CurrencyCode.From(text).Code);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("US1")]
    [InlineData("")]
    [InlineData("EURO")]
    public void CurrencyCodeFrom_NotThreeLetters_ThrowsArgumentException(string text)
    {
        Assert.Throws<ArgumentException>(() => CurrencyCode.From(text));
        Assert.False(CurrencyCode.TryFrom(text, out _));
    }
}
