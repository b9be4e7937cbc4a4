namespace OrderCore;

/// <summary>Identifies a account on a sales channel (a seller account, a shop, a marketplace id).</summary>
/// <remarks>
/// The value is trimmed text of 1 to 200 characters with no control characters. Equality is ordinal.
/// The default value (<c>default(ChannelAccountId)</c>) holds no text and is rejected at API boundaries.
/// There is no implicit conversion from <see cref="string"/>: use <see cref="From"/> or <see cref="TryFrom"/>.
/// </remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct ChannelAccountId : IComparable<ChannelAccountId>
{
    private readonly string? _value;

    private ChannelAccountId(string value) => _value = value;

    /// <summary>The identifier text; empty for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True when this is the default value, which holds no identifier.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Creates the identifier from <paramref name="value"/>, trimmed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The value is blank, longer than 200 characters or has a control character.</exception>
    public static ChannelAccountId From(string value) => new(Identifier.Normalize(value, nameof(ChannelAccountId)));

    /// <summary>Tries to create the identifier; returns false instead of throwing when <paramref name="value"/> is not valid.</summary>
    public static bool TryFrom(string? value, out ChannelAccountId id)
    {
        if (Identifier.TryNormalize(value, out var text))
        {
            id = new(text);
            return true;
        }
        id = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(ChannelAccountId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Orders identifiers ordinally by their text.</summary>
    public int CompareTo(ChannelAccountId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the identifier text.</summary>
    public override string ToString() => Identifier.Unset(_value);
}
