using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Refunds;

/// <summary>The units of one refund line item as OrderCore holds them when the refund is applied.</summary>
/// <param name="OpenUnits">Units on the order not yet shipped (channel units).</param>
/// <param name="ShippedUnits">Units OrderCore has shipped.</param>
public readonly record struct ShopifyLineUnits(int OpenUnits, int ShippedUnits);

/// <summary>What one refund line does in OrderCore.</summary>
/// <param name="LineItemId">The Shopify line item.</param>
/// <param name="RestockType">The refund line's restock type.</param>
/// <param name="Requested">Units the refund line names.</param>
/// <param name="Released">Unfulfilled units cancelled and released (cancel, no_restock, legacy_restock).</param>
/// <param name="ExpectedReturn">Shipped units expected back (return, legacy_restock).</param>
/// <param name="RefundOnly">Shipped units refunded with no return expected (no_restock), or units a <c>cancel</c> named beyond the unfulfilled ones.</param>
/// <param name="AlreadyGone">Units OrderCore no longer holds on the line (already cancelled or reduced), so nothing is done for them.</param>
/// <param name="ShopifyLocationId">The refund line's <c>location_id</c>, if any.</param>
/// <param name="Location">The OrderCore location mapped to it, or null when unmapped or absent.</param>
public sealed record ShopifyRefundLineEffect(long LineItemId, ShopifyRestockType RestockType, int Requested, int Released, int ExpectedReturn, int RefundOnly, int AlreadyGone, long? ShopifyLocationId, LocationId? Location);

/// <summary>
/// Decides what each refund line does, per <c>restock_type</c> (domain facts §6):
/// <list type="bullet">
/// <item><c>cancel</c>: unfulfilled units are released (never shipped units first); units named beyond them are refund only.</item>
/// <item><c>no_restock</c>: unfulfilled units are released too (they never left the shelf; OrderCore's own ATP push decides what Shopify shows); shipped units are refund only, no return expected.</item>
/// <item><c>return</c>: shipped units are expected back (an RMA awaiting receipt) at the refund line's location.</item>
/// <item><c>legacy_restock</c>: as <c>cancel</c> for unfulfilled units, then as <c>return</c> for shipped ones.</item>
/// </list>
/// Several refund lines on one line item consume its units in order. Pure.
/// </summary>
public static class ShopifyRefundPlanner
{
    /// <summary>Plans a refund.</summary>
    /// <param name="refund">The refund.</param>
    /// <param name="unitsOf">OrderCore's units of a Shopify line item, or null when the order has no such line (all its units count as already gone).</param>
    /// <param name="locationOf">The OrderCore location of a Shopify location id, or null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<ShopifyRefundLineEffect> Plan(ShopifyRefund refund, Func<long, ShopifyLineUnits?> unitsOf, Func<long, LocationId?> locationOf)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(unitsOf);
        ArgumentNullException.ThrowIfNull(locationOf);
        var remaining = new Dictionary<long, ShopifyLineUnits>();
        var effects = new List<ShopifyRefundLineEffect>(refund.Lines.Count);
        foreach (var line in refund.Lines)
        {
            if (!remaining.TryGetValue(line.LineItemId, out var units)) units = unitsOf(line.LineItemId) ?? default;
            var left = line.Quantity;
            int released = 0, returned = 0, refundOnly = 0;
            switch (line.RestockType)
            {
                case ShopifyRestockType.Cancel:
                    released = Take(ref left, units.OpenUnits);
                    refundOnly = Take(ref left, units.ShippedUnits);
                    break;
                case ShopifyRestockType.NoRestock:
                    released = Take(ref left, units.OpenUnits);
                    refundOnly = Take(ref left, units.ShippedUnits);
                    break;
                case ShopifyRestockType.Return:
                    returned = Take(ref left, units.ShippedUnits);
                    break;
                case ShopifyRestockType.LegacyRestock:
                    released = Take(ref left, units.OpenUnits);
                    returned = Take(ref left, units.ShippedUnits);
                    break;
            }
            remaining[line.LineItemId] = new ShopifyLineUnits(units.OpenUnits - released, units.ShippedUnits - returned - refundOnly);
            var location = line.ShopifyLocationId is { } sl ? locationOf(sl) : null;
            effects.Add(new ShopifyRefundLineEffect(line.LineItemId, line.RestockType, line.Quantity, released, returned, refundOnly, left, line.ShopifyLocationId, location));
        }
        return effects;
    }

    private static int Take(ref int left, int available)
    {
        var n = Math.Min(left, Math.Max(available, 0));
        left -= n;
        return n;
    }
}
