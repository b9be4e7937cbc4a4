using OrderCore.Inventory;
using OrderCore.Testing;
using OrderCore.Tests.Support;

namespace OrderCore.Tests.Primitives;

/// <summary>Equality, hashing and ordering laws for every value type, over generated values that collide often.</summary>
[Properties(Arbitrary = [typeof(OrderCoreArbitraries)], MaxTest = 200)]
public sealed class ValueTypeLawTests
{
    [Property]
    public bool Sku_AnyTwo_ObeyEqualityAndOrderingLaws(Sku a, Sku b) => Laws.Equality(a, b) && Laws.Ordering(a, b) && (a == b) == (a.Value == b.Value);

    [Property]
    public bool OwnerId_AnyTwo_ObeyEqualityAndOrderingLaws(OwnerId a, OwnerId b) => Laws.Equality(a, b) && Laws.Ordering(a, b);

    [Property]
    public bool LocationId_AnyTwo_ObeyEqualityAndOrderingLaws(LocationId a, LocationId b) => Laws.Equality(a, b) && Laws.Ordering(a, b);

    [Property]
    public bool Quantity_AnyTwo_ObeyEqualityAndOrderingLaws(Quantity a, Quantity b)
        => Laws.Equality(a, b) && Laws.Ordering(a, b) && (a < b) == (a.Units < b.Units) && (a >= b) == (a.Units >= b.Units);

    [Property]
    public bool Money_AnyTwo_ObeyEqualityLaws(Money a, Money b) => Laws.Equality(a, b) && (a == b) == (a.Amount == b.Amount);

    [Property]
    public bool InventoryStatus_AnyTwo_ObeyEqualityAndOrderingLaws(InventoryStatus a, InventoryStatus b) => Laws.Equality(a, b) && Laws.Ordering(a, b);

    [Property]
    public bool BalanceKey_SameParts_AreEqualAndHashAlike(OwnerId o, Sku s, LocationId l, InventoryStatus st)
        => Laws.Equality(new BalanceKey(o, s, l, st), new BalanceKey(o, Sku.From(s.Value), l, st)) && new BalanceKey(o, s, l, st) == new BalanceKey(o, Sku.From(s.Value), l, st);

    [Property]
    public bool DefaultIdentifiers_EqualOnlyEachOther(Sku s) => !s.Equals(default) && default(Sku).Equals(default) && default(Sku).CompareTo(s) < 0;
}
