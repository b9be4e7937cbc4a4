namespace OrderCore.Inventory;

/// <summary>The key of one inventory balance: (owner, SKU, location, status, lot).</summary>
/// <remarks>Lot is null for SKUs that are not lot-tracked. Two owners with the same SKU code have distinct balances.</remarks>
/// <param name="Owner">The merchant whose stock it is.</param>
/// <param name="Sku">The merchant SKU.</param>
/// <param name="Location">Where the units are.</param>
/// <param name="Status">The purpose they are held for.</param>
/// <param name="Lot">The lot, for lot-tracked SKUs; otherwise null.</param>
public readonly record struct BalanceKey(OwnerId Owner, Sku Sku, LocationId Location, InventoryStatus Status, Lot? Lot = null)
{
    /// <summary>Throws when a part of the key is a default value.</summary>
    /// <exception cref="ArgumentException">Owner, SKU, location or status is the default value.</exception>
    public void Validate()
    {
        if (Owner.IsDefault) throw new ArgumentException("Balance key needs an owner.", nameof(Owner));
        if (Sku.IsDefault) throw new ArgumentException("Balance key needs a SKU.", nameof(Sku));
        if (Location.IsDefault) throw new ArgumentException("Balance key needs a location.", nameof(Location));
        if (Status.IsDefault) throw new ArgumentException("Balance key needs a status.", nameof(Status));
    }

    /// <summary>The same key in another status.</summary>
    public BalanceKey WithStatus(InventoryStatus status) => this with { Status = status };

    /// <summary>The same key at another location.</summary>
    public BalanceKey AtLocation(LocationId location) => this with { Location = location };

    /// <summary>Formats as <c>owner/sku@location[status]</c>, plus <c>#lot</c> when lot-tracked.</summary>
    public override string ToString() => $"{Owner}/{Sku}@{Location}[{Status}]{(Lot is { } l ? "#" + l.Code : "")}";
}

/// <summary>The quantities of one balance: units on hand and units reserved out of them.</summary>
/// <param name="Key">Which balance.</param>
/// <param name="OnHand">Units physically present, in base units. Negative only where a documented policy allowed it.</param>
/// <param name="Reserved">Units committed to orders or shipments; 0 ≤ reserved ≤ max(on hand, 0).</param>
/// <param name="Version">Incremented by every change to this balance; starts at 1 when the balance is created.</param>
public sealed record InventoryBalance(BalanceKey Key, int OnHand, int Reserved, long Version)
{
    /// <summary>On hand − reserved. Can be negative only when on hand is negative.</summary>
    public int Available => OnHand - Reserved;

    /// <summary>Available, floored at zero: what this balance can contribute to a reservation or to ATP.</summary>
    public int UsableAvailable => Math.Max(Available, 0);
}

/// <summary>How a change may affect on hand below zero.</summary>
public enum NegativeOnHandPolicy
{
    /// <summary>On hand must stay ≥ 0 (the default): a change that would take it below zero fails as a whole.</summary>
    Forbid,
    /// <summary>On hand may go below zero (e.g. a cycle-count adjustment recorded before the receipt). Reserved still never exceeds a positive on hand.</summary>
    Allow,
}
