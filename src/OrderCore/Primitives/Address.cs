using System.Text;

namespace OrderCore;

/// <summary>A postal address, normalised: trimmed fields, an upper-case ISO 3166-1 alpha-2 country code and a clean postal code.</summary>
/// <remarks>
/// Every field is optional so that an address can be recorded as the channel sent it; <see cref="MissingShippingFields"/>
/// says which of the fields needed to ship (city, region, postal code, country) are absent.
/// Postal codes are normalised by <see cref="NormalizePostalCode"/>: a code exported from a spreadsheet as
/// <c>400081.0</c> becomes <c>400081</c>, and letters are upper-cased (<c>sw1a 1aa</c> → <c>SW1A 1AA</c>).
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed record Address
{
    /// <summary>Recipient name, if known.</summary>
    public string? Name { get; init; }

    /// <summary>First street line.</summary>
    public string? Line1 { get; init; }

    /// <summary>Second street line.</summary>
    public string? Line2 { get; init; }

    /// <summary>City or town.</summary>
    public string? City { get; init; }

    /// <summary>First-level region: state, province, county or territory (e.g. <c>MAHARASHTRA</c>, <c>CA</c>).</summary>
    public string? Region { get; init; }

    /// <summary>Postal code after <see cref="NormalizePostalCode"/>.</summary>
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, upper case (e.g. <c>IN</c>, <c>US</c>).</summary>
    public string? CountryCode { get; init; }

    /// <summary>Creates a normalised address. Blank fields become null.</summary>
    /// <exception cref="ArgumentException"><paramref name="countryCode"/> is given but is not two ASCII letters.</exception>
    public static Address Create(string? city, string? region, string? postalCode, string? countryCode,
        string? line1 = null, string? line2 = null, string? name = null)
    {
        var country = Clean(countryCode)?.ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1])))
        {
            throw new ArgumentException($"Country code '{countryCode}' is not an ISO 3166-1 alpha-2 code.", nameof(countryCode));
        }
        return new Address
        {
            Name = Clean(name),
            Line1 = Clean(line1),
            Line2 = Clean(line2),
            City = Clean(city),
            Region = Clean(region),
            PostalCode = NormalizePostalCode(postalCode),
            CountryCode = country,
        };
    }

    /// <summary>
    /// The names of the fields needed to ship that are blank, in the order
    /// <c>city</c>, <c>region</c>, <c>postal_code</c>, <c>country</c>. Empty when the address can be shipped to.
    /// </summary>
    public IReadOnlyList<string> MissingShippingFields()
    {
        var missing = new List<string>(4);
        if (City is null) missing.Add("city");
        if (Region is null) missing.Add("region");
        if (PostalCode is null) missing.Add("postal_code");
        if (CountryCode is null) missing.Add("country");
        return missing;
    }

    /// <summary>
    /// Normalises a postal code: trims, collapses inner runs of spaces, upper-cases letters, and removes a
    /// spreadsheet float suffix (<c>400081.0</c> or <c>400081.00</c> → <c>400081</c>) from an all-digit code.
    /// Returns null for a blank value.
    /// </summary>
    public static string? NormalizePostalCode(string? postalCode)
    {
        var t = Clean(postalCode);
        if (t is null) return null;
        var dot = t.IndexOf('.');
        if (dot > 0 && IsDigits(t.AsSpan(0, dot)) && IsZeros(t.AsSpan(dot + 1)))
        {
            t = t[..dot];
        }
        var sb = new StringBuilder(t.Length);
        var lastSpace = false;
        foreach (var ch in t)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            sb.Append(char.ToUpperInvariant(ch));
        }
        return sb.ToString();
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return s.Length > 0;
    }

    private static bool IsZeros(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c != '0') return false;
        return s.Length > 0;
    }

    private static string? Clean(string? value)
    {
        var t = value?.Trim();
        return string.IsNullOrEmpty(t) ? null : t;
    }
}
