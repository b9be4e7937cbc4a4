using OrderCore.Testing;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 9: quantities are integers in the SKU's base unit with checked arithmetic; money is decimal with an
/// ISO 4217 currency and never mixes currencies.
/// </summary>
[Properties(Arbitrary = [typeof(OrderCoreArbitraries)], MaxTest = 300)]
public sealed class Invariant9_UnitsAndMoneyProperties
{
    [Property]
    public bool QuantityAddition_WithinRange_IsIntegerAdditionAndCommutative(Quantity a, Quantity b)
        => (a + b).Units == a.Units + b.Units && a + b == b + a;

    [Property]
    public bool QuantitySubtraction_ThenAddition_RoundTrips(Quantity a, Quantity b)
    {
        var (big, small) = a >= b ? (a, b) : (b, a);
        return big - small + small == big;
    }

    [Property]
    public void QuantitySubtraction_BelowZero_Throws(Quantity a, Quantity b)
    {
        if (a >= b) return;
        Assert.Throws<ArgumentOutOfRangeException>(() => a - b);
    }

    [Property]
    public Property QuantityAddition_PastIntMax_ThrowsOverflow() =>
        Prop.ForAll(Arb.From(OrderCoreGenerators.HugeQuantity), Arb.From(OrderCoreGenerators.HugeQuantity), (a, b) =>
        {
            Assert.Throws<OverflowException>(() => a + b);
        });

    [Property]
    public bool QuantityMultiplication_ByWholeFactor_IsRepeatedAddition(Quantity q, byte factor)
    {
        var sum = Quantity.Zero;
        for (var i = 0; i < factor % 8; i++) sum += q;
        return q * (factor % 8) == sum;
    }

    [Property]
    public bool MoneyAddition_SameCurrency_IsCommutative(Money a, Money b) => a + b == b + a;

    [Property]
    public bool MoneyAddition_SameCurrency_IsAssociative(Money a, Money b, Money c) => a + b + c == a + (b + c);

    [Property]
    public bool MoneyAddition_Zero_IsIdentity(Money a) => a + Money.Zero(a.Currency) == a;

    [Property]
    public bool MoneySubtraction_AfterAddingSameAmount_UndoesIt(Money a, Money b) => a + b - b == a;

    [Property]
    public Property MoneyArithmetic_DifferentCurrencies_ThrowsCurrencyMismatch() =>
        Prop.ForAll(Arb.From(OrderCoreGenerators.Money(CurrencyCode.Usd)), Arb.From(OrderCoreGenerators.Money(CurrencyCode.Inr)), (usd, inr) =>
        {
            var plus = Assert.Throws<CurrencyMismatchException>(() => usd + inr);
            var minus = Assert.Throws<CurrencyMismatchException>(() => inr - usd);
            Assert.Equal((CurrencyCode.Usd, CurrencyCode.Inr), (plus.Expected, plus.Actual));
            Assert.Equal((CurrencyCode.Inr, CurrencyCode.Usd), (minus.Expected, minus.Actual));
        });

    [Property]
    public bool MoneyEquality_TrailingZeros_AreEqualWithEqualHashCodes(Money a)
    {
        var rescaled = new Money(a.Amount * 1.00m, a.Currency);
        return rescaled == a && rescaled.GetHashCode() == a.GetHashCode();
    }
}
