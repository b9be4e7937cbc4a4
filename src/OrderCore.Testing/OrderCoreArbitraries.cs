using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using OrderCore.Inventory;

namespace OrderCore.Testing;

/// <summary>
/// FsCheck 3 arbitraries for OrderCore types, for <c>[Property(Arbitrary = new[] { typeof(OrderCoreArbitraries) })]</c>
/// or <c>ArbMap.Default.Merge&lt;OrderCoreArbitraries&gt;()</c>.
/// </summary>
/// <remarks>
/// Registered types: <see cref="Sku"/>, <see cref="OwnerId"/>, <see cref="LocationId"/>, <see cref="Quantity"/>,
/// <see cref="Money"/> (always in <see cref="TestIds.Currency"/>, so that any two generated amounts can be added),
/// <see cref="CurrencyCode"/>, <see cref="InventoryStatus"/>, <see cref="Instant"/>, <see cref="Address"/> and
/// <see cref="InventoryScript"/> (over <see cref="InventoryUniverse.Default"/>, shrinking by dropping operations).
/// The generators themselves are in <see cref="OrderCoreGenerators"/>.
/// </remarks>
/// <example>
/// <code>
/// [Property(Arbitrary = new[] { typeof(OrderCoreArbitraries) })]
/// public bool Addition_IsCommutative(Money a, Money b) => a + b == b + a;
/// </code>
/// </example>
public static class OrderCoreArbitraries
{
    /// <summary>An arb map with every OrderCore arbitrary merged into FsCheck's defaults.</summary>
    public static IArbMap Map { get; } = ArbMap.Default.Merge(typeof(OrderCoreArbitraries));

    /// <summary>SKUs (see <see cref="OrderCoreGenerators.Sku"/>).</summary>
    public static Arbitrary<Sku> Skus() => Arb.From(OrderCoreGenerators.Sku);

    /// <summary>Owners (see <see cref="OrderCoreGenerators.Owner"/>).</summary>
    public static Arbitrary<OwnerId> Owners() => Arb.From(OrderCoreGenerators.Owner);

    /// <summary>Locations (see <see cref="OrderCoreGenerators.Location"/>).</summary>
    public static Arbitrary<LocationId> Locations() => Arb.From(OrderCoreGenerators.Location);

    /// <summary>Quantities from 0 to 1,000, shrinking towards zero.</summary>
    public static Arbitrary<Quantity> Quantities()
        => Arb.From(OrderCoreGenerators.Quantity, q => q.Units == 0 ? [] : new[] { 0, q.Units / 2, q.Units - 1 }.Distinct().Select(Quantity.Of));

    /// <summary>Amounts in <see cref="TestIds.Currency"/>, shrinking towards zero.</summary>
    public static Arbitrary<Money> Amounts()
        => Arb.From(OrderCoreGenerators.Money(TestIds.Currency), m => m.Amount == 0m ? [] : [Money.Zero(m.Currency), new Money(decimal.Truncate(m.Amount / 2), m.Currency)]);

    /// <summary>Currency codes (see <see cref="OrderCoreGenerators.Currency"/>).</summary>
    public static Arbitrary<CurrencyCode> Currencies() => Arb.From(OrderCoreGenerators.Currency);

    /// <summary>The well-known inventory statuses.</summary>
    public static Arbitrary<InventoryStatus> Statuses() => Arb.From(OrderCoreGenerators.Status);

    /// <summary>Instants between 2000 and 2100.</summary>
    public static Arbitrary<Instant> Instants() => Arb.From(OrderCoreGenerators.Instant);

    /// <summary>Complete addresses (see <see cref="OrderCoreGenerators.Address"/>).</summary>
    public static Arbitrary<Address> Addresses() => Arb.From(OrderCoreGenerators.Address);

    /// <summary>Inventory scripts over <see cref="InventoryUniverse.Default"/>, up to 40 operations.</summary>
    public static Arbitrary<InventoryScript> InventoryScripts()
        => Arb.From(OrderCoreGenerators.InventoryScript(), OrderCoreGenerators.ShrinkScript);
}
