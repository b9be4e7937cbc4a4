using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using OrderCore.Inventory;

namespace OrderCore.Testing;

/// <summary>
/// FsCheck 3 generators (<see cref="Gen{T}"/>) for OrderCore types. Use them directly with <c>Prop.ForAll</c> and
/// <c>Arb.From</c>, or register <see cref="OrderCoreArbitraries"/> so that <c>[Property]</c> parameters of these types
/// are generated automatically.
/// </summary>
/// <remarks>
/// Identifier generators draw from small pools on purpose (<c>SKU-1</c>..<c>SKU-5</c>, two owners, three locations, plus
/// occasional random codes), so that generated values collide the way real data does.
/// </remarks>
/// <threadsafety>Generators are immutable; safe to share.</threadsafety>
public static class OrderCoreGenerators
{
    private static readonly string[] SkuCodes = ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5", "TEE-RED-M", "JNE3798-KR-XXXL"];
    private static readonly string[] OwnerCodes = ["acme", "globex", "initech"];
    private static readonly string[] LocationCodes = ["WH-1", "WH-2", "WH-3", "FBA-IN-BOM5"];
    private static readonly string[] Cities = ["Mumbai", "Austin", "London", "Pune", "Berlin"];
    private static readonly string[] Regions = ["MAHARASHTRA", "TX", "Greater London", "BE"];
    private static readonly string[] Countries = ["IN", "us", "GB", " de "];
    private static readonly CurrencyCode[] CurrencyCodes = [CurrencyCode.Usd, CurrencyCode.Inr, CurrencyCode.Eur];

    private static Gen<string> Code(string prefix)
        => Gen.Choose(1, 99_999).Select(n => prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>SKUs: mostly from a small shared pool, sometimes a random code.</summary>
    public static Gen<Sku> Sku { get; } = Gen.Frequency(
        (4, Gen.Elements(SkuCodes)),
        (1, Code("SKU-R"))).Select(OrderCore.Sku.From);

    /// <summary>Owners: <c>acme</c>, <c>globex</c>, <c>initech</c>.</summary>
    public static Gen<OwnerId> Owner { get; } = Gen.Elements(OwnerCodes).Select(OwnerId.From);

    /// <summary>Locations: three warehouses and an FBA fulfilment centre.</summary>
    public static Gen<LocationId> Location { get; } = Gen.Elements(LocationCodes).Select(LocationId.From);

    /// <summary>Quantities from 0 to 1,000 (weighted towards small values, with 0 and 1 often).</summary>
    public static Gen<Quantity> Quantity { get; } = Gen.Frequency(
        (1, Gen.Elements(0, 1)),
        (6, Gen.Choose(0, 20)),
        (3, Gen.Choose(0, 1_000))).Select(OrderCore.Quantity.Of);

    /// <summary>Quantities of at least one unit, up to 1,000.</summary>
    public static Gen<Quantity> PositiveQuantity { get; } = Quantity.Select(q => OrderCore.Quantity.Of(Math.Max(q.Units, 1)));

    /// <summary>Quantities near <see cref="int.MaxValue"/>, to exercise checked arithmetic.</summary>
    public static Gen<Quantity> HugeQuantity { get; } = Gen.Choose(int.MaxValue - 1_000, int.MaxValue).Select(OrderCore.Quantity.Of);

    /// <summary>ISO 4217 codes: USD, INR, EUR.</summary>
    public static Gen<CurrencyCode> Currency { get; } = Gen.Elements(CurrencyCodes);

    /// <summary>Amounts of money in <paramref name="currency"/>: ±10,000,000.00 with two decimals, sometimes zero.</summary>
    public static Gen<Money> Money(CurrencyCode currency)
    {
        if (currency.IsDefault) throw new ArgumentException("A currency is required.", nameof(currency));
        return Gen.Frequency(
                (1, Gen.Constant(0)),
                (9, Gen.Choose(-1_000_000_000, 1_000_000_000)))
            .Select(cents => new Money(cents / 100m, currency));
    }

    /// <summary>The eight well-known inventory statuses.</summary>
    public static Gen<InventoryStatus> Status { get; } = Gen.Elements(InventoryStatus.WellKnown.ToArray());

    /// <summary>Instants between 2000-01-01 and 2100-01-01 (UTC), whole seconds.</summary>
    public static Gen<Instant> Instant { get; } =
        from day in Gen.Choose(0, 36_524)
        from second in Gen.Choose(0, 86_399)
        select NodaTime.Instant.FromUtc(2000, 1, 1, 0, 0) + Duration.FromDays(day) + Duration.FromSeconds(second);

    /// <summary>Postal codes as channels and spreadsheets send them: <c>400081</c>, <c>400081.0</c>, <c> 78701 </c>, <c>sw1a  1aa</c>.</summary>
    public static Gen<string> RawPostalCode { get; } = Gen.OneOf(
        Gen.Choose(100_000, 999_999).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Choose(100_000, 999_999).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".0"),
        Gen.Choose(10_000, 99_999).Select(n => " " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".00 "),
        Gen.Elements("sw1a 1aa", "SW1A  1AA", " ec1a 1bb", "10115"));

    /// <summary>Complete (shippable) addresses, built through <see cref="Address.Create"/> from raw, spreadsheet-style parts.</summary>
    public static Gen<Address> Address { get; } =
        from city in Gen.Elements(Cities)
        from region in Gen.Elements(Regions)
        from postal in RawPostalCode
        from country in Gen.Elements(Countries)
        select OrderCore.Address.Create(city, region, postal, country, line1: "1 Test Street");

    /// <summary>Balance keys of <paramref name="universe"/>, weighted towards its first SKU, its first location and Sellable.</summary>
    public static Gen<BalanceKey> BalanceKey(InventoryUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        return from owner in Gen.Elements(universe.Owners.ToArray())
               from key in BalanceKeyOf(universe, owner)
               select key;
    }

    private static Gen<BalanceKey> BalanceKeyOf(InventoryUniverse universe, OwnerId owner)
    {
        // Weighted towards the first SKU, the first location and Sellable, so that operations meet on the same balances
        // often enough for reservations, shipments and refusals to interact.
        var statuses = universe.Statuses.ToArray();
        var status = statuses.Contains(InventoryStatus.Sellable)
            ? Gen.Frequency((2, Gen.Constant(InventoryStatus.Sellable)), (1, Gen.Elements(statuses)))
            : Gen.Elements(statuses);
        var hot = new BalanceKey(owner, universe.Skus[0], universe.Locations[0], statuses.Contains(InventoryStatus.Sellable) ? InventoryStatus.Sellable : statuses[0]);
        var any = from sku in FirstMoreOften(universe.Skus)
                  from location in FirstMoreOften(universe.Locations)
                  from st in status
                  select new BalanceKey(owner, sku, location, st);
        return Gen.Frequency((1, Gen.Constant(hot)), (2, any));
    }

    /// <summary>Reservations aim at the busy balance more often still, so that they compete for the same units.</summary>
    private static Gen<BalanceKey> ReserveKeyOf(InventoryUniverse universe, OwnerId owner)
    {
        var statuses = universe.Statuses;
        var hot = new BalanceKey(owner, universe.Skus[0], universe.Locations[0], statuses.Contains(InventoryStatus.Sellable) ? InventoryStatus.Sellable : statuses[0]);
        return Gen.Frequency((1, Gen.Constant(hot)), (1, BalanceKeyOf(universe, owner)));
    }

    private static Gen<T> FirstMoreOften<T>(IReadOnlyList<T> items)
        => Gen.Frequency((1, Gen.Constant(items[0])), (1, Gen.Elements(items.ToArray())));

    /// <summary>One random inventory operation over <paramref name="universe"/>.</summary>
    /// <exception cref="ArgumentException">The universe has no owner, SKU or status, or fewer than two locations.</exception>
    public static Gen<InventoryOperation> InventoryOperation(InventoryUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        if (universe.Owners.Count == 0 || universe.Skus.Count == 0 || universe.Statuses.Count == 0 || universe.Locations.Count < 2)
        {
            throw new ArgumentException("The universe needs an owner, a SKU, a status and two locations.", nameof(universe));
        }
        var key = BalanceKey(universe);
        var units = Gen.Choose(1, 6);
        var receive = from k in key from u in Gen.Choose(1, 10) select (InventoryOperation)new ReceiveOperation(k, u);
        var ret = from k in key from u in units select (InventoryOperation)new ReturnOperation(k.WithStatus(universe.Statuses.Contains(InventoryStatus.ReturnPending) ? InventoryStatus.ReturnPending : k.Status), u);
        var dispose = from k in key from u in units select (InventoryOperation)new DisposeOperation(k, u);
        var adjust = from k in key from d in Gen.Choose(-6, 6).Where(d => d != 0) select (InventoryOperation)new AdjustOperation(k, d);
        var move = from k in key from to in Gen.Elements(universe.Statuses.ToArray()) from u in units select (InventoryOperation)new MoveStatusOperation(k, to, u);
        var transfer = from k in key
                       from to in Gen.Elements(universe.Locations.Where(l => l != k.Location).ToArray())
                       from u in units
                       select (InventoryOperation)new TransferOperation(k, to, u);
        // Further lines of a reservation often repeat the first line's balance: the same SKU on several order lines.
        var reserve = from owner in Gen.Elements(universe.Owners.ToArray())
                      from first in ReserveKeyOf(universe, owner)
                      from count in Gen.Frequency((2, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
                      from lines in Gen.ArrayOf(
                          from k in Gen.Frequency((1, Gen.Constant(first)), (1, ReserveKeyOf(universe, owner)))
                          from u in Gen.Choose(1, 4)
                          select new ReserveLine(k, u), count)
                      select (InventoryOperation)new ReserveOperation(owner, lines);
        var lineIndex = Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 3).Select(i => (int?)i)));
        var release = from r in Gen.Choose(0, 50) from l in lineIndex select (InventoryOperation)new ReleaseOperation(r, l);
        var ship = from r in Gen.Choose(0, 50) from l in lineIndex select (InventoryOperation)new ShipOperation(r, l);
        return Gen.Frequency(
            (5, receive), (5, reserve), (2, release), (2, ship), (2, move), (2, adjust), (2, transfer), (1, ret), (1, dispose));
    }

    /// <summary>
    /// Scripts of 0 to <paramref name="maxLength"/> operations over <paramref name="universe"/> (longer as FsCheck's size
    /// grows): receive, reserve, release, ship, status moves, adjustments, transfers, returns and disposals, with colliding
    /// balances and SKU codes shared across owners. A script usually opens with a few larger receipts, so that later
    /// operations find stock to reserve, ship and move, and also run into its limits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is negative.</exception>
    public static Gen<InventoryScript> InventoryScript(InventoryUniverse? universe = null, int maxLength = 40)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var u = universe ?? InventoryUniverse.Default;
        var op = InventoryOperation(u);
        var receipt = from k in BalanceKey(u) from units in Gen.Choose(5, 20) select (InventoryOperation)new ReceiveOperation(k, units);
        return Gen.Sized(size => Gen.Choose(0, Math.Min(maxLength, Math.Max(size, 1))))
            .SelectMany(n => Gen.Choose(0, Math.Min(n, 4)).SelectMany(stock => Gen.ArrayOf(receipt, stock).SelectMany(prelude => Gen.ArrayOf(op, n - stock).Select(rest => prelude.Concat(rest).ToArray()))))
            .Select(ops => new InventoryScript(ops));
    }

    /// <summary>Shrinks a script: drops the second half, the first half, then one operation at a time.</summary>
    public static IEnumerable<InventoryScript> ShrinkScript(InventoryScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var ops = script.Operations;
        if (ops.Count == 0) yield break;
        if (ops.Count > 1)
        {
            yield return new InventoryScript(ops.Take(ops.Count / 2).ToArray());
            yield return new InventoryScript(ops.Skip(ops.Count / 2).ToArray());
        }
        for (var i = ops.Count - 1; i >= 0; i--)
        {
            yield return new InventoryScript(ops.Where((_, j) => j != i).ToArray());
        }
    }
}
