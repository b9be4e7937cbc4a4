namespace OrderCore.Cli.Input;

/// <summary>A data row an input reader refused. The replay goes on without it.</summary>
/// <param name="File">The file name.</param>
/// <param name="Row">The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2.</param>
/// <param name="Field">The column whose value is wrong.</param>
/// <param name="Reason">Why, naming the value.</param>
internal sealed record RejectedRow(string File, int Row, string Field, string Reason);

/// <summary>How a cell's value is shown in a rejection reason.</summary>
internal static class CellText
{
    /// <summary>The most characters of a value shown in a reason; a longer value is cut and its length given.</summary>
    public const int MaxShown = 80;

    /// <summary>
    /// <paramref name="value"/> as shown in a reason: itself when short, otherwise its first <see cref="MaxShown"/>
    /// characters, <c>...</c> and the full length (<c>AAAA... (5,000 characters)</c>), so that a runaway cell does not fill
    /// the rejected-rows table.
    /// </summary>
    public static string Clip(string value)
        => value.Length <= MaxShown
            ? value
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.AsSpan(0, MaxShown)}... ({value.Length:N0} characters)");

    /// <summary>A reason written by someone else (e.g. <see cref="Quantity.TryParse"/>) with <paramref name="value"/> clipped in it.</summary>
    public static string ClipIn(string reason, string? value)
        => value is { Length: > MaxShown } && reason.Contains(value, StringComparison.Ordinal)
            ? reason.Replace(value, Clip(value), StringComparison.Ordinal)
            : reason;
}
