using System.Collections.Frozen;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>A usage plan: the token bucket of one SP-API operation.</summary>
/// <param name="RequestsPerSecond">Tokens added per second (e.g. 0.0167 for getOrders: one request a minute).</param>
/// <param name="Burst">The bucket size: requests that can be made at once after a quiet period.</param>
public readonly record struct AmazonRateLimit(double RequestsPerSecond, int Burst);

/// <summary>
/// The built-in per-operation usage plans, from the SP-API models (each operation's description table; see
/// <c>reference/domain-facts.md</c> §2.5, §4). OrderCore enforces them client-side with one token bucket per operation,
/// and replaces an operation's rate with the <c>x-amzn-RateLimit-Limit</c> header whenever a response carries it.
/// </summary>
public static class AmazonRateLimits
{
    /// <summary>The default plan of an operation missing from <see cref="Defaults"/>: 1 rps, burst 1.</summary>
    public static AmazonRateLimit Fallback { get; } = new(1, 1);

    /// <summary>
    /// Usage plans by operation id. Sources: ordersV0.json ([M-ORD0]: getOrders 0.0167/20, getOrder/getOrderItems/
    /// getOrderAddress 0.5/30, confirmShipment 2/10), orders_2026-01-01.json ([M-ORD26]: searchOrders 0.0056/20, getOrder
    /// 0.5/30), tokens_2021-03-01.json ([M-TOK]: 1/10), listingsItems_2021-08-01.json ([M-LI]: patchListingsItem 5/5),
    /// feeds_2021-06-30.json ([M-FEED]: createFeed 0.0083/15, createFeedDocument 0.5/15, getFeed 2/15, getFeedDocument
    /// 0.0222/10), fbaInventory.json ([M-INV]: 2/2), fulfillmentInbound_2024-03-20.json ([M-FI24]) and the v0 getLabels (2/30).
    /// </summary>
    public static IReadOnlyDictionary<string, AmazonRateLimit> Defaults { get; } = new Dictionary<string, AmazonRateLimit>(StringComparer.Ordinal)
    {
        ["getOrders"] = new(0.0167, 20),
        ["getOrder"] = new(0.5, 30),
        ["getOrderItems"] = new(0.5, 30),
        ["getOrderAddress"] = new(0.5, 30),
        ["getOrderBuyerInfo"] = new(0.5, 30),
        ["getOrderItemsBuyerInfo"] = new(0.5, 30),
        ["confirmShipment"] = new(2, 10),
        ["updateShipmentStatus"] = new(5, 15),
        ["searchOrders"] = new(0.0056, 20),
        ["getOrder2026"] = new(0.5, 30),
        ["createRestrictedDataToken"] = new(1, 10),
        ["patchListingsItem"] = new(5, 5),
        ["createFeedDocument"] = new(0.5, 15),
        ["createFeed"] = new(0.0083, 15),
        ["getFeed"] = new(2, 15),
        ["getFeedDocument"] = new(0.0222, 10),
        ["getInventorySummaries"] = new(2, 2),
        ["createInboundPlan"] = new(2, 2),
        ["getInboundPlan"] = new(2, 6),
        ["generatePackingOptions"] = new(2, 2),
        ["listPackingOptions"] = new(2, 6),
        ["listPackingGroupItems"] = new(2, 30),
        ["confirmPackingOption"] = new(2, 2),
        ["setPackingInformation"] = new(2, 2),
        ["generatePlacementOptions"] = new(2, 2),
        ["listPlacementOptions"] = new(2, 6),
        ["confirmPlacementOption"] = new(2, 2),
        ["getShipment"] = new(2, 6),
        ["generateTransportationOptions"] = new(2, 2),
        ["listTransportationOptions"] = new(2, 6),
        ["generateDeliveryWindowOptions"] = new(2, 30),
        ["confirmDeliveryWindowOptions"] = new(2, 30),
        ["confirmTransportationOptions"] = new(2, 2),
        ["getInboundOperationStatus"] = new(2, 6),
        ["createMarketplaceItemLabels"] = new(2, 30),
        ["getLabels"] = new(2, 30),
        ["cancelInboundPlan"] = new(2, 2),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
