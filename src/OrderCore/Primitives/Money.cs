using System.Globalization;

namespace OrderCore;

/// <summary>An amount of money: a <see cref="decimal"/> in one ISO 4217 currency.</summary>
/// <remarks>
/// Arithmetic between two amounts requires the same currency and throws <see cref="CurrencyMismatchException"/> otherwise.
/// No rounding is applied: amounts keep the precision the channel sent. Equality compares amount and currency,
/// so <c>1.0 INR</c> equals <c>1.00 INR</c>.
/// </remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct Money
{
    /// <summary>Creates an amount.</summary>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value.</exception>
    public Money(decimal amount, CurrencyCode currency)
    {
        if (currency.IsDefault) throw new ArgumentException("Money needs a currency.", nameof(currency));
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount in the currency's major unit (rupees, dollars).</summary>
    public decimal Amount { get; }

    /// <summary>The currency.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.Currency, right.Currency);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.Currency, right.Currency);
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Multiplies an amount by a whole number of units.</summary>
    public static Money operator *(Money left, int units) => new(left.Amount * units, left.Currency);

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Formats as <c>"INR 725.00"</c> (invariant culture, amount as stored).</summary>
    public override string ToString() => $"{Currency} {Amount.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Thrown when amounts of two different currencies are combined.</summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CurrencyMismatchException(CurrencyCode expected, CurrencyCode actual)
        : base($"Cannot combine {expected} with {actual}: amounts must share one currency.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The currency of the left operand.</summary>
    public CurrencyCode Expected { get; }

    /// <summary>The currency that did not match.</summary>
    public CurrencyCode Actual { get; }

    internal static void ThrowIfDifferent(CurrencyCode expected, CurrencyCode actual)
    {
        if (expected != actual) throw new CurrencyMismatchException(expected, actual);
    }
}
