namespace OrderCore;

/// <summary>Shared validation for the text behind OrderCore's strongly typed identifiers.</summary>
internal static class Identifier
{
    /// <summary>Longest identifier text accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 200;

    /// <summary>Trims <paramref name="value"/> and checks it is 1 to <see cref="MaxLength"/> characters with no control characters.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The trimmed value is empty, too long or holds a control character.</exception>
    public static string Normalize(string? value, string kind)
    {
        if (value is null) throw new ArgumentNullException(nameof(value), $"{kind} must not be null.");
        var trimmed = value.Trim();
        if (trimmed.Length == 0) throw new ArgumentException($"{kind} must not be blank.", nameof(value));
        if (trimmed.Length > MaxLength) throw new ArgumentException($"{kind} is longer than {MaxLength} characters.", nameof(value));
        foreach (var c in trimmed)
        {
            if (char.IsControl(c)) throw new ArgumentException($"{kind} must not contain control characters.", nameof(value));
        }
        return trimmed;
    }

    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = string.Empty;
        if (value is null) return false;
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxLength) return false;
        foreach (var c in trimmed)
        {
            if (char.IsControl(c)) return false;
        }
        normalized = trimmed;
        return true;
    }

    public static string Unset(string? value) => value ?? "(default)";
}
