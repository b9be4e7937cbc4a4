namespace OrderCore.Tests.Primitives;

public sealed class IdentifierTests
{
    [Fact]
    public void From_SurroundingSpaces_AreTrimmedAndEqualityIsOrdinal()
    {
        Assert.Equal(Sku.From("TEE-RED-M"), Sku.From("  TEE-RED-M "));
        Assert.NotEqual(Sku.From("tee-red-m"), Sku.From("TEE-RED-M"));
        Assert.Equal(StringComparer.Ordinal.GetHashCode("TEE-RED-M"), Sku.From(" TEE-RED-M").GetHashCode());
    }

    [Fact]
    public void Default_HoldsNoValue_AndPrintsAsDefault()
    {
        Assert.True(default(OwnerId).IsDefault);
        Assert.Equal(string.Empty, default(LocationId).Value);
        Assert.Equal("(default)", default(OrderId).ToString());
        Assert.False(OwnerId.From("acme").IsDefault);
    }

    [Fact]
    public void CompareTo_MixedCase_OrdersOrdinally()
    {
        var sorted = new[] { LocationId.From("b"), LocationId.From("B"), LocationId.From("a") }.Order().Select(l => l.Value);

        Assert.Equal(["B", "a", "b"], sorted);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void TryFrom_LengthLimit_Is200Characters(int length, bool ok)
    {
        Assert.Equal(ok, ReservationId.TryFrom(new string('r', length), out _));
        Assert.Equal(ok, OrderLineId.TryFrom(new string('l', length), out _));
        Assert.Equal(ok, ChannelAccountId.TryFrom(new string('c', length), out _));
    }

    [Fact]
    public void ToString_LotWithExpiry_FormatsCodeAndDate()
    {
        Assert.Equal("L42 (exp 2027-01-31)", new Lot(" L42 ", new NodaTime.LocalDate(2027, 1, 31)).ToString());
        Assert.Throws<ArgumentException>(() => new Lot(" "));
    }

    [Fact]
    public void Convert_WeightAndDimensions_UseExactFactors()
    {
        Assert.Equal(0.45359237m, new Weight(1m, WeightUnit.Pound).Kilograms);
        Assert.Equal(2m, new Weight(32m, WeightUnit.Ounce).Pounds);
        Assert.Equal(new Dimensions(25.4m, 5.08m, 2.54m, LengthUnit.Centimetre), new Dimensions(10m, 2m, 1m, LengthUnit.Inch).To(LengthUnit.Centimetre));
        Assert.Equal(10m, new Dimensions(10m, 2m, 1m, LengthUnit.Inch).LongestSide);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Weight(-1m, WeightUnit.Gram));
    }
}
