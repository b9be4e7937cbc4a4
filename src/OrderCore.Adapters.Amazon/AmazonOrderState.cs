namespace OrderCore.Adapters.Amazon;

/// <summary>
/// What an order report's <c>Status</c> text says about the order's final state, reduced to the cases an order
/// management system acts on.
/// </summary>
public enum AmazonOrderState
{
    /// <summary>Not final: blank, <c>Pending</c>, <c>Pending - Waiting for Pick Up</c>, <c>Shipping</c>, <c>Unshipped</c> or an unknown text. The order is left as it is.</summary>
    Open,
    /// <summary><c>Shipped</c> and every other <c>Shipped - …</c> text not listed below (e.g. <c>Shipped - Out for Delivery</c>, <c>Shipped - Returning to Seller</c>): the order shipped.</summary>
    Shipped,
    /// <summary><c>Shipped - Delivered to Buyer</c>: shipped, then delivered.</summary>
    Delivered,
    /// <summary><c>Shipped - Returned to Seller</c> or <c>Shipped - Rejected by Buyer</c>: shipped, then the parcel came back to the seller.</summary>
    ReturnedToSeller,
    /// <summary><c>Shipped - Lost in Transit</c>: shipped, and nothing comes back.</summary>
    LostInTransit,
    /// <summary><c>Cancelled</c>: the whole order was cancelled.</summary>
    Cancelled,
}

/// <summary>Classifies the <c>Status</c> text of an Amazon order report.</summary>
public static class AmazonOrderStatus
{
    /// <summary>
    /// Classifies a <c>Status</c> text. Comparison ignores case, surrounding spaces and repeated inner spaces.
    /// Any text that starts with <c>Shipped</c> is at least <see cref="AmazonOrderState.Shipped"/>.
    /// </summary>
    /// <param name="status">The report's <c>Status</c> cell; null or blank gives <see cref="AmazonOrderState.Open"/>.</param>
    public static AmazonOrderState Classify(string? status)
    {
        if (string.IsNullOrWhiteSpace(status)) return AmazonOrderState.Open;
        var s = string.Join(' ', status.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (s.Equals("Cancelled", StringComparison.OrdinalIgnoreCase) || s.Equals("Canceled", StringComparison.OrdinalIgnoreCase)) return AmazonOrderState.Cancelled;
        if (!s.StartsWith("Shipped", StringComparison.OrdinalIgnoreCase)) return AmazonOrderState.Open;
        if (s.Equals("Shipped - Delivered to Buyer", StringComparison.OrdinalIgnoreCase)) return AmazonOrderState.Delivered;
        if (s.Equals("Shipped - Returned to Seller", StringComparison.OrdinalIgnoreCase)
            || s.Equals("Shipped - Rejected by Buyer", StringComparison.OrdinalIgnoreCase)) return AmazonOrderState.ReturnedToSeller;
        if (s.Equals("Shipped - Lost in Transit", StringComparison.OrdinalIgnoreCase)) return AmazonOrderState.LostInTransit;
        return AmazonOrderState.Shipped;
    }
}
