using System.Globalization;

namespace OrderCore.FbaPrep;

/// <summary>A non-negative length with an explicit unit (1 in = 2.54 cm exactly), e.g. a poly bag opening.</summary>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct Length : IComparable<Length>
{
    /// <summary>Creates a length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public Length(decimal value, LengthUnit unit)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "A length must not be negative.");
        Value = value;
        Unit = unit;
    }

    /// <summary>A length in inches.</summary>
    public static Length Inches(decimal value) => new(value, LengthUnit.Inch);

    /// <summary>A length in centimetres.</summary>
    public static Length Centimetres(decimal value) => new(value, LengthUnit.Centimetre);

    /// <summary>The magnitude in <see cref="Unit"/>.</summary>
    public decimal Value { get; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public LengthUnit Unit { get; }

    /// <summary>This length in <paramref name="unit"/>.</summary>
    public decimal In(LengthUnit unit)
        => unit == Unit ? Value : unit == LengthUnit.Centimetre ? Value * 2.54m : Value / 2.54m;

    /// <summary>Compares by physical length.</summary>
    public int CompareTo(Length other) => In(LengthUnit.Centimetre).CompareTo(other.In(LengthUnit.Centimetre));

    /// <summary>Formats as <c>"5 in"</c> or <c>"12 cm"</c>.</summary>
    public override string ToString() => FbaFormat.Length(Value, Unit);
}

/// <summary>The units a marketplace states its limits in and that its request bodies use.</summary>
public enum FbaUnitSystem
{
    /// <summary>Inches and pounds (<c>IN</c>, <c>LB</c>): the US marketplace.</summary>
    Imperial,
    /// <summary>Centimetres and kilograms (<c>CM</c>, <c>KG</c>): India, Europe, Australia, Japan.</summary>
    Metric,
}

/// <summary>Formats measurements for reports, invariant culture, with short unit symbols (<c>in</c>, <c>cm</c>, <c>lb</c>, <c>kg</c>).</summary>
public static class FbaFormat
{
    /// <summary>The length unit of a unit system.</summary>
    public static LengthUnit LengthUnitOf(FbaUnitSystem system) => system == FbaUnitSystem.Imperial ? LengthUnit.Inch : LengthUnit.Centimetre;

    /// <summary>The weight unit of a unit system.</summary>
    public static WeightUnit WeightUnitOf(FbaUnitSystem system) => system == FbaUnitSystem.Imperial ? WeightUnit.Pound : WeightUnit.Kilogram;

    /// <summary>A number rounded to at most 2 decimals, without trailing zeros: <c>52</c>, <c>20.32</c>.</summary>
    public static string Number(decimal value)
        => decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A length such as <c>"25 in"</c>.</summary>
    public static string Length(decimal value, LengthUnit unit) => $"{Number(value)} {Symbol(unit)}";

    /// <summary>A weight in the unit system's unit, such as <c>"52 lb"</c> or <c>"18 kg"</c>.</summary>
    public static string Weight(Weight weight, FbaUnitSystem system)
        => system == FbaUnitSystem.Imperial ? $"{Number(weight.Pounds)} lb" : $"{Number(weight.Kilograms)} kg";

    /// <summary>Dimensions in the unit system's unit, such as <c>"24 x 18 x 18 in"</c>.</summary>
    public static string Dimensions(Dimensions dimensions, FbaUnitSystem system)
    {
        var d = dimensions.To(LengthUnitOf(system));
        return $"{Number(d.Length)} x {Number(d.Width)} x {Number(d.Height)} {Symbol(d.Unit)}";
    }

    /// <summary>The short symbol of a length unit: <c>in</c> or <c>cm</c>.</summary>
    public static string Symbol(LengthUnit unit) => unit == LengthUnit.Inch ? "in" : "cm";

    /// <summary>A weight's magnitude in a unit system's unit.</summary>
    public static decimal WeightIn(Weight weight, FbaUnitSystem system) => system == FbaUnitSystem.Imperial ? weight.Pounds : weight.Kilograms;
}
