namespace OrderCore;

/// <summary>An ISO 4217 alphabetic currency code such as <c>USD</c>, <c>INR</c> or <c>EUR</c>.</summary>
/// <remarks>Three ASCII letters, stored upper case. The default value holds no code and is rejected by <see cref="Money"/>.</remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct CurrencyCode
{
    private readonly string? _code;

    private CurrencyCode(string code) => _code = code;

    /// <summary>The three-letter code, upper case; empty for the default value.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>True for the default value, which holds no code.</summary>
    public bool IsDefault => _code is null;

    /// <summary>Creates a currency code from three ASCII letters in any case, surrounding spaces ignored.</summary>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three ASCII letters.</exception>
    public static CurrencyCode From(string code)
        => TryFrom(code, out var c) ? c : throw new ArgumentException($"'{code}' is not an ISO 4217 alphabetic currency code (three letters).", nameof(code));

    /// <summary>Tries to create a currency code; false when <paramref name="code"/> is not three ASCII letters.</summary>
    public static bool TryFrom(string? code, out CurrencyCode currency)
    {
        currency = default;
        var t = code?.Trim();
        if (t is null || t.Length != 3) return false;
        foreach (var ch in t)
        {
            if (!char.IsAsciiLetter(ch)) return false;
        }
        currency = new CurrencyCode(t.ToUpperInvariant());
        return true;
    }

    /// <summary>US dollar.</summary>
    public static CurrencyCode Usd { get; } = new("USD");

    /// <summary>Indian rupee.</summary>
    public static CurrencyCode Inr { get; } = new("INR");

    /// <summary>Euro.</summary>
    public static CurrencyCode Eur { get; } = new("EUR");

    /// <summary>Returns the code.</summary>
    public override string ToString() => Identifier.Unset(_code);
}
