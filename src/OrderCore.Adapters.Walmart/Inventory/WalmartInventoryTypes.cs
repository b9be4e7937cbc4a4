using NodaTime;

namespace OrderCore.Adapters.Walmart.Inventory;

/// <summary>A quantity for one ship node.</summary>
/// <param name="ShipNode">Walmart's ship node id (the fulfillment center registered in Seller Center).</param>
/// <param name="Quantity">Units to offer, ≥ 0 (sent as <c>inputQty.amount</c>, unit <c>EACH</c>).</param>
public sealed record WalmartNodeQuantity(string ShipNode, int Quantity);

/// <summary>One SKU of an <c>MP_INVENTORY</c> bulk feed (inventory spec 1.5, JSON, ship node mandatory).</summary>
/// <param name="Sku">The Walmart SKU.</param>
/// <param name="Nodes">The quantities per ship node.</param>
public sealed record WalmartInventoryFeedItem(string Sku, IReadOnlyList<WalmartNodeQuantity> Nodes);

/// <summary>The answer to <c>PUT /v3/inventories/{sku}</c>: the status per ship node.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Nodes">Each node and Walmart's status for it (e.g. <c>Success</c>).</param>
public sealed record WalmartInventoryUpdateResult(string Sku, IReadOnlyList<WalmartNodeResult> Nodes);

/// <summary>Walmart's status of one ship node in an inventory update.</summary>
/// <param name="ShipNode">The ship node.</param>
/// <param name="Status">Walmart's status text, e.g. <c>Success</c>.</param>
public sealed record WalmartNodeResult(string ShipNode, string? Status);

/// <summary>The processing state of a feed (<c>feedStatus</c>).</summary>
public enum WalmartFeedState
{
    /// <summary><c>RECEIVED</c>: received, not yet processed.</summary>
    Received,
    /// <summary><c>INPROGRESS</c>: being processed.</summary>
    InProgress,
    /// <summary><c>PROCESSED</c>: done; item-level results may still hold errors.</summary>
    Processed,
    /// <summary><c>ERROR</c>: the feed as a whole failed; nothing was processed.</summary>
    Error,
    /// <summary>A value this adapter does not know.</summary>
    Unknown,
}

/// <summary>The status of a submitted feed (<c>GET /v3/feeds/{feedId}</c>).</summary>
/// <param name="FeedId">The feed id.</param>
/// <param name="State">The state.</param>
/// <param name="ItemsReceived">Items received, if given.</param>
/// <param name="ItemsSucceeded">Items that succeeded, if given.</param>
/// <param name="ItemsFailed">Items that failed, if given.</param>
/// <param name="ItemsProcessing">Items still processing, if given.</param>
public sealed record WalmartFeedStatus(string FeedId, WalmartFeedState State, int? ItemsReceived, int? ItemsSucceeded, int? ItemsFailed, int? ItemsProcessing)
{
    /// <summary>True once Walmart will not change the state any more (processed or error).</summary>
    public bool IsFinal => State is WalmartFeedState.Processed or WalmartFeedState.Error;
}

/// <summary>A submitted feed the adapter keeps polling.</summary>
/// <param name="FeedId">The feed id.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="NextPollAt">When to poll it next.</param>
/// <param name="Polls">Polls made so far.</param>
/// <param name="LastStatus">The last status read, if any.</param>
public sealed record WalmartTrackedFeed(string FeedId, Instant SubmittedAt, Instant NextPollAt, int Polls, WalmartFeedStatus? LastStatus);
