using System.Globalization;

namespace OrderCore;

/// <summary>Unit of a <see cref="Weight"/>.</summary>
public enum WeightUnit
{
    /// <summary>Pound (avoirdupois), 0.45359237 kg.</summary>
    Pound,
    /// <summary>Ounce (avoirdupois), 1/16 lb.</summary>
    Ounce,
    /// <summary>Kilogram.</summary>
    Kilogram,
    /// <summary>Gram.</summary>
    Gram,
}

/// <summary>Unit of a <see cref="Dimensions"/> length.</summary>
public enum LengthUnit
{
    /// <summary>Inch, exactly 2.54 cm.</summary>
    Inch,
    /// <summary>Centimetre.</summary>
    Centimetre,
}

/// <summary>A non-negative weight with an explicit unit. Conversions use exact factors (1 lb = 0.45359237 kg).</summary>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct Weight
{
    /// <summary>Creates a weight.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public Weight(decimal value, WeightUnit unit)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "Weight must not be negative.");
        Value = value;
        Unit = unit;
    }

    /// <summary>The magnitude in <see cref="Unit"/>.</summary>
    public decimal Value { get; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public WeightUnit Unit { get; }

    /// <summary>This weight in kilograms.</summary>
    public decimal Kilograms => Unit switch
    {
        WeightUnit.Kilogram => Value,
        WeightUnit.Gram => Value / 1000m,
        WeightUnit.Pound => Value * 0.45359237m,
        WeightUnit.Ounce => Value * 0.45359237m / 16m,
        _ => throw new InvalidOperationException($"Unknown weight unit {Unit}."),
    };

    /// <summary>This weight in pounds.</summary>
    public decimal Pounds => Unit switch
    {
        WeightUnit.Pound => Value,
        WeightUnit.Ounce => Value / 16m,
        _ => Kilograms / 0.45359237m,
    };

    /// <summary>Formats as <c>"1.5 Pound"</c>.</summary>
    public override string ToString() => $"{Value.ToString(CultureInfo.InvariantCulture)} {Unit}";
}

/// <summary>Box or item dimensions (length × width × height) with one explicit unit, each side ≥ 0.</summary>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct Dimensions
{
    /// <summary>Creates dimensions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is negative.</exception>
    public Dimensions(decimal length, decimal width, decimal height, LengthUnit unit)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "Length must not be negative.");
        if (width < 0) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must not be negative.");
        if (height < 0) throw new ArgumentOutOfRangeException(nameof(height), height, "Height must not be negative.");
        Length = length;
        Width = width;
        Height = height;
        Unit = unit;
    }

    /// <summary>Length in <see cref="Unit"/>.</summary>
    public decimal Length { get; }

    /// <summary>Width in <see cref="Unit"/>.</summary>
    public decimal Width { get; }

    /// <summary>Height in <see cref="Unit"/>.</summary>
    public decimal Height { get; }

    /// <summary>The unit of every side.</summary>
    public LengthUnit Unit { get; }

    /// <summary>Converts to <paramref name="unit"/> (1 in = 2.54 cm exactly).</summary>
    public Dimensions To(LengthUnit unit)
    {
        if (unit == Unit) return this;
        var f = unit == LengthUnit.Centimetre ? 2.54m : 1m / 2.54m;
        return new Dimensions(Length * f, Width * f, Height * f, unit);
    }

    /// <summary>The longest side in <see cref="Unit"/>.</summary>
    public decimal LongestSide => Math.Max(Length, Math.Max(Width, Height));

    /// <summary>Formats as <c>"10 x 8 x 2 Inch"</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Length} x {Width} x {Height} {Unit}");
}
