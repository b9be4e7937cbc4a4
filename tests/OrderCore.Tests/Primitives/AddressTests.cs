using OrderCore.Testing;

namespace OrderCore.Tests.Primitives;

public sealed class AddressTests
{
    [Theory]
    [InlineData("400081.0", "400081")]
    [InlineData("400081.00", "400081")]
    [InlineData(" 400081 ", "400081")]
    [InlineData("sw1a  1aa", "SW1A 1AA")]
    [InlineData("400081.5", "400081.5")]
    [InlineData("A1.0", "A1.0")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void NormalizePostalCode_SpreadsheetAndMessyValues_AreCleaned(string? raw, string? expected)
    {
        Assert.Equal(expected, Address.NormalizePostalCode(raw));
    }

    [Fact]
    public void Create_RawParts_TrimsUpperCasesCountryAndNormalisesPostalCode()
    {
        var a = Address.Create(" Mumbai ", "MAHARASHTRA", "400081.0", " in ", line1: " 12 Link Road ");

        Assert.Equal("Mumbai", a.City);
        Assert.Equal("IN", a.CountryCode);
        Assert.Equal("400081", a.PostalCode);
        Assert.Equal("12 Link Road", a.Line1);
        Assert.Empty(a.MissingShippingFields());
    }

    [Fact]
    public void Create_BadCountryCode_ThrowsArgumentExceptionNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => Address.Create("Pune", "MH", "411001", "IND"));

        Assert.Equal("countryCode", e.ParamName);
    }

    [Fact]
    public void MissingShippingFields_BlankParts_NamesThemInOrder()
    {
        var a = Address.Create(null, "", "  ", null);

        Assert.Equal(["city", "region", "postal_code", "country"], a.MissingShippingFields());
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(OrderCoreArbitraries)])]
    public bool Create_AnyGeneratedAddress_IsShippableAndPostalCodeIsClean(Address a)
        => a.MissingShippingFields().Count == 0
           && a.PostalCode == a.PostalCode!.Trim()
           && !a.PostalCode.EndsWith(".0", StringComparison.Ordinal)
           && a.PostalCode == a.PostalCode.ToUpperInvariant()
           && !a.PostalCode.Contains("  ", StringComparison.Ordinal)
           && a.CountryCode!.Length == 2;

    [Property(MaxTest = 200)]
    public bool NormalizePostalCode_AnyText_IsIdempotent(NonNull<string> raw)
    {
        var once = Address.NormalizePostalCode(raw.Get);
        return Address.NormalizePostalCode(once) == once;
    }
}
