using NodaTime;

namespace OrderCore.Testing;

/// <summary>
/// Well-known identifiers and values used as defaults by the builders and fixtures of this package, so that tests only
/// spell out what matters to them.
/// </summary>
/// <remarks>
/// Two owners (<see cref="Owner"/>, <see cref="OtherOwner"/>) let tests check that one owner's orders never draw another
/// owner's stock even when SKU codes collide. Two locations (<see cref="Warehouse"/>, <see cref="SecondWarehouse"/>) are
/// the default routing preference order of <see cref="OrderCoreHarness"/>.
/// </remarks>
/// <threadsafety>Every member returns an immutable value; safe to use from any thread.</threadsafety>
public static class TestIds
{
    /// <summary>The default owner, <c>acme</c>.</summary>
    public static OwnerId Owner { get; } = OwnerId.From("acme");

    /// <summary>A second owner, <c>globex</c>, for multi-owner (3PL) tests.</summary>
    public static OwnerId OtherOwner { get; } = OwnerId.From("globex");

    /// <summary>The default channel, <c>shopify</c>.</summary>
    public static ChannelId Channel { get; } = ChannelId.From("shopify");

    /// <summary>The default channel account, <c>acme-store</c>.</summary>
    public static ChannelAccountId Account { get; } = ChannelAccountId.From("acme-store");

    /// <summary>The first-preference warehouse, <c>WH-1</c>.</summary>
    public static LocationId Warehouse { get; } = LocationId.From("WH-1");

    /// <summary>The second-preference warehouse, <c>WH-2</c>.</summary>
    public static LocationId SecondWarehouse { get; } = LocationId.From("WH-2");

    /// <summary>The default currency of builders, US dollars.</summary>
    public static CurrencyCode Currency => CurrencyCode.Usd;

    /// <summary>The instant fixtures start their fake clock at: 2026-01-05T09:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 1, 5, 9, 0);

    /// <summary>A complete, shippable address: Austin, TX 78701, US.</summary>
    public static Address ShipTo { get; } = Address.Create("Austin", "TX", "78701", "US", line1: "100 Congress Ave", name: "Pat Buyer");
}
