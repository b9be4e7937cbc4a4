using System.Runtime.CompilerServices;

namespace OrderCore.FbaPrep.Internal;

/// <summary>Argument checks that throw the standard <see cref="ArgumentException"/> family with the parameter name.</summary>
internal static class Check
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null) throw new ArgumentNullException(name);
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("Value must not be blank.", name);
        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Value must be greater than zero.");

    public static int NotNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Value must not be negative.");

    public static OwnerId Owner(OwnerId owner, [CallerArgumentExpression(nameof(owner))] string? name = null)
        => owner.IsDefault ? throw new ArgumentException("An owner is required.", name) : owner;

    public static Sku Sku(Sku sku, [CallerArgumentExpression(nameof(sku))] string? name = null)
        => sku.IsDefault ? throw new ArgumentException("A SKU is required.", name) : sku;

    public static LocationId Location(LocationId location, [CallerArgumentExpression(nameof(location))] string? name = null)
        => location.IsDefault ? throw new ArgumentException("A location is required.", name) : location;
}
