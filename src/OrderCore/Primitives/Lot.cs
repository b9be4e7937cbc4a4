using NodaTime;

namespace OrderCore;

/// <summary>A lot of a lot-tracked SKU: a lot code and an optional expiry date.</summary>
/// <remarks>
/// Balances of lot-tracked SKUs are kept per lot; SKUs that are not lot-tracked carry no lot (null).
/// The expiry is a calendar date (Amazon FBA: expiration-dated units must show it as MM-DD-YYYY or MM-YYYY).
/// </remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct Lot
{
    /// <summary>Creates a lot.</summary>
    /// <exception cref="ArgumentException"><paramref name="code"/> is blank or too long.</exception>
    public Lot(string code, LocalDate? expiry = null)
    {
        Code = Identifier.Normalize(code, "Lot code");
        Expiry = expiry;
    }

    /// <summary>The lot code, trimmed.</summary>
    public string Code { get; }

    /// <summary>The expiry date, if the lot expires.</summary>
    public LocalDate? Expiry { get; }

    /// <summary>Formats as <c>"L123 (exp 2027-01-31)"</c>.</summary>
    public override string ToString() => Expiry is { } e ? $"{Code} (exp {e:yyyy-MM-dd})" : Code ?? string.Empty;
}
