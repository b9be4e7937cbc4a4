namespace OrderCore.Tests.Primitives;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("5.0", 5)]
    [InlineData("5.00", 5)]
    [InlineData(" 12 ", 12)]
    [InlineData("0", 0)]
    [InlineData("+3", 3)]
    public void TryParse_WholeNumberAsSpreadsheetsExportIt_Succeeds(string text, int expected)
    {
        Assert.True(Quantity.TryParse(text, out var q, out var error));
        Assert.Equal(expected, q.Units);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("5.5", "quantity '5.5' is not a whole number of units")]
    [InlineData("-1", "quantity '-1' is negative")]
    [InlineData("", "quantity is blank")]
    [InlineData("   ", "quantity is blank")]
    [InlineData(null, "quantity is blank")]
    [InlineData("abc", "quantity 'abc' is not a number")]
    [InlineData("1e3", "quantity '1e3' is not a number")]
    [InlineData("3000000000", "quantity '3000000000' is too large")]
    public void TryParse_FractionalNegativeBlankOrText_FailsWithReason(string? text, string reason)
    {
        Assert.False(Quantity.TryParse(text, out var q, out var error));
        Assert.Equal(Quantity.Zero, q);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Of_Negative_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(-1));
    }

    [Fact]
    public void Add_PastIntMax_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => Quantity.Of(int.MaxValue) + Quantity.Of(1));
    }

    [Fact]
    public void Multiply_PastIntMax_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => Quantity.Of(1 << 30) * 2);
    }

    [Fact]
    public void Multiply_NegativeFactor_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(2) * -1);
    }

    [Fact]
    public void Subtract_BelowZero_ThrowsArgumentOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(2) - Quantity.Of(3));
        Assert.Contains("Cannot subtract 3 from 2 units", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operators_CompareAndCombine_GiveIntegerResults()
    {
        var five = Quantity.Of(5);
        var three = Quantity.Of(3);

        Assert.Equal(8, (five + three).Units);
        Assert.Equal(2, (five - three).Units);
        Assert.Equal(15, (five * 3).Units);
        Assert.True(three < five && five > three && three <= Quantity.Of(3) && five >= Quantity.Of(5));
        Assert.Equal(1, five.CompareTo(three));
        Assert.True(default(Quantity).IsZero);
        Assert.Equal("5", five.ToString());
    }
}
