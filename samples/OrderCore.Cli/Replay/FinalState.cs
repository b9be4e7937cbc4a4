using OrderCore.Adapters.Amazon;

namespace OrderCore.Cli.Replay;

/// <summary>The final state a source file gives an order, which the replay applies after import, validation and allocation.</summary>
internal enum FinalState
{
    /// <summary>Not final (pending, unknown, blank): the order is left as it is.</summary>
    Open,
    /// <summary>Shipped.</summary>
    Shipped,
    /// <summary>Shipped, then delivered.</summary>
    Delivered,
    /// <summary>Shipped, then the parcel came back to the seller (returned to seller, rejected by the buyer).</summary>
    Returned,
    /// <summary>Shipped and lost in transit: nothing comes back.</summary>
    Lost,
    /// <summary>Cancelled.</summary>
    Cancelled,
}

internal static class FinalStates
{
    public static FinalState From(AmazonOrderState state) => state switch
    {
        AmazonOrderState.Shipped => FinalState.Shipped,
        AmazonOrderState.Delivered => FinalState.Delivered,
        AmazonOrderState.ReturnedToSeller => FinalState.Returned,
        AmazonOrderState.LostInTransit => FinalState.Lost,
        AmazonOrderState.Cancelled => FinalState.Cancelled,
        _ => FinalState.Open,
    };

    public static bool IsShipped(this FinalState state) => state is FinalState.Shipped or FinalState.Delivered or FinalState.Returned or FinalState.Lost;
}
