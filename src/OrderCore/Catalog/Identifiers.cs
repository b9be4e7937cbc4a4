namespace OrderCore.Catalog;

/// <summary>A Global Trade Item Number: GTIN-8, UPC-A (GTIN-12), EAN-13 (GTIN-13) or GTIN-14, with a valid GS1 mod-10 check digit.</summary>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct Gtin
{
    private Gtin(string digits) => Digits = digits;

    /// <summary>The digits as given (8, 12, 13 or 14).</summary>
    public string Digits { get; }

    /// <summary>Parses a GTIN.</summary>
    /// <exception cref="FormatException">Not 8, 12, 13 or 14 digits, or the check digit is wrong.</exception>
    public static Gtin Parse(string text) => TryParse(text, out var g, out var error) ? g : throw new FormatException(error);

    /// <summary>Tries to parse a GTIN; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string? text, out Gtin gtin, out string error)
    {
        gtin = default;
        var t = text?.Trim() ?? string.Empty;
        if (t.Length is not (8 or 12 or 13 or 14) || !t.All(char.IsAsciiDigit))
        {
            error = $"GTIN '{t}' must be 8, 12, 13 or 14 digits";
            return false;
        }
        var expected = CheckDigit(t.AsSpan(0, t.Length - 1));
        if (t[^1] - '0' != expected)
        {
            error = $"GTIN '{t}' has check digit {t[^1]}, expected {expected}";
            return false;
        }
        gtin = new Gtin(t);
        error = string.Empty;
        return true;
    }

    /// <summary>The GS1 mod-10 check digit of <paramref name="body"/> (the digits without the check digit).</summary>
    public static int CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /// <inheritdoc />
    public override string ToString() => Digits ?? string.Empty;
}

/// <summary>An Amazon Standard Identification Number: 10 upper-case letters or digits (e.g. <c>B09TY1CM1M</c>).</summary>
public readonly record struct Asin
{
    private Asin(string value) => Value = value;

    /// <summary>The ASIN.</summary>
    public string Value { get; }

    /// <summary>Parses an ASIN (case-insensitive, stored upper case).</summary>
    /// <exception cref="FormatException">Not 10 ASCII letters or digits.</exception>
    public static Asin Parse(string text)
    {
        var t = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (t.Length != 10 || !t.All(char.IsAsciiLetterOrDigit)) throw new FormatException($"ASIN '{text}' must be 10 letters or digits.");
        return new Asin(t);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>
/// An Amazon Fulfillment Network SKU: the barcode on an FBA unit label, 10 upper-case letters or digits
/// (Amazon-assigned FNSKUs start with <c>X00</c>; a manufacturer-barcode-eligible unit uses its ASIN as FNSKU).
/// </summary>
public readonly record struct Fnsku
{
    private Fnsku(string value) => Value = value;

    /// <summary>The FNSKU.</summary>
    public string Value { get; }

    /// <summary>True when this FNSKU is an Amazon-assigned label barcode (<c>X00…</c>) rather than an ASIN.</summary>
    public bool IsAmazonAssigned => Value?.StartsWith("X00", StringComparison.Ordinal) == true;

    /// <summary>Parses an FNSKU (case-insensitive, stored upper case).</summary>
    /// <exception cref="FormatException">Not 10 ASCII letters or digits.</exception>
    public static Fnsku Parse(string text)
    {
        var t = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (t.Length != 10 || !t.All(char.IsAsciiLetterOrDigit)) throw new FormatException($"FNSKU '{text}' must be 10 letters or digits.");
        return new Fnsku(t);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
