using System.Globalization;

namespace OrderCore;

/// <summary>A non-negative whole number of units in the SKU's base unit (each).</summary>
/// <remarks>
/// Quantities are never fractional: a case of 12 is 12 base units. Arithmetic is checked:
/// an overflow throws <see cref="OverflowException"/>, and a subtraction below zero throws
/// <see cref="ArgumentOutOfRangeException"/>. The default value is zero units.
/// Signed movements (ledger deltas) are plain <see cref="int"/> values, not quantities.
/// </remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct Quantity : IComparable<Quantity>
{
    private Quantity(int units) => Units = units;

    /// <summary>Zero units.</summary>
    public static Quantity Zero => default;

    /// <summary>The number of base units, 0 or more.</summary>
    public int Units { get; }

    /// <summary>True when this is zero units.</summary>
    public bool IsZero => Units == 0;

    /// <summary>Creates a quantity of <paramref name="units"/> base units.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is negative.</exception>
    public static Quantity Of(int units) => new(Guard.NotNegative(units));

    /// <summary>
    /// Parses a quantity as spreadsheets export it: <c>5</c>, <c>5.0</c> and <c>5.00</c> are 5.
    /// A fractional (<c>5.5</c>), negative, blank or non-numeric value fails.
    /// </summary>
    /// <param name="text">The text, invariant culture, surrounding spaces ignored.</param>
    /// <param name="quantity">The parsed quantity when the result is true.</param>
    /// <param name="error">Why the text was refused when the result is false.</param>
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = Zero;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "quantity is blank";
            return false;
        }
        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"quantity '{trimmed}' is not a number";
            return false;
        }
        if (value < 0)
        {
            error = $"quantity '{trimmed}' is negative";
            return false;
        }
        if (decimal.Truncate(value) != value)
        {
            error = $"quantity '{trimmed}' is not a whole number of units";
            return false;
        }
        if (value > int.MaxValue)
        {
            error = $"quantity '{trimmed}' is too large";
            return false;
        }
        quantity = new Quantity((int)value);
        error = string.Empty;
        return true;
    }

    /// <summary>Adds two quantities.</summary>
    /// <exception cref="OverflowException">The sum exceeds <see cref="int.MaxValue"/>.</exception>
    public static Quantity operator +(Quantity left, Quantity right) => new(checked(left.Units + right.Units));

    /// <summary>Subtracts <paramref name="right"/> from <paramref name="left"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would be negative.</exception>
    public static Quantity operator -(Quantity left, Quantity right)
        => right.Units > left.Units
            ? throw new ArgumentOutOfRangeException(nameof(right), $"Cannot subtract {right.Units} from {left.Units} units: quantities are never negative.")
            : new(left.Units - right.Units);

    /// <summary>Multiplies a quantity by a whole factor, e.g. a kit quantity times the component count.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative.</exception>
    /// <exception cref="OverflowException">The product exceeds <see cref="int.MaxValue"/>.</exception>
    public static Quantity operator *(Quantity left, int factor) => new(checked(left.Units * Guard.NotNegative(factor)));

    /// <summary>Compares two quantities.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.Units < right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.Units > right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.Units <= right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.Units >= right.Units;

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Units.CompareTo(other.Units);

    /// <summary>The number of units, invariant culture.</summary>
    public override string ToString() => Units.ToString(CultureInfo.InvariantCulture);
}
