using Microsoft.Extensions.Options;
using OrderCore.Inventory;

namespace OrderCore;

/// <summary>Options of the OrderCore core, registered by <c>services.AddOrderCore(o => ...)</c>.</summary>
public sealed class OrderCoreOptions
{
    /// <summary>Whether a count adjustment may take on hand below zero (e.g. a shortage recorded before the late receipt).</summary>
    /// <value>Default false: a movement that would take on hand below zero fails as a whole. Even when true, status moves,
    /// transfers and disposals need the units to be there, and reserved never exceeds a positive on hand.</value>
    public bool AllowNegativeOnHand { get; set; }

    /// <summary>The legal inventory status moves.</summary>
    /// <value>Default <see cref="InventoryStatusGraph.Default"/>.</value>
    public InventoryStatusGraph StatusGraph { get; set; } = InventoryStatusGraph.Default;

    /// <summary>Whether a channel SKU with no listing maps to the product with the same SKU code (ordinal, trimmed).</summary>
    /// <value>Default true, as most sellers list under their own SKU codes.</value>
    public bool MapUnlistedSkusByCode { get; set; } = true;

    /// <summary>How many times an allocation is retried when stock changed between the routing decision and the reservation.</summary>
    /// <value>Default 3; 1 to 20.</value>
    public int AllocationAttempts { get; set; } = 3;
}

/// <summary>Validates <see cref="OrderCoreOptions"/>.</summary>
public sealed class OrderCoreOptionsValidator : IValidateOptions<OrderCoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OrderCoreOptions options)
    {
        var errors = new List<string>();
        if (options.StatusGraph is null) errors.Add("StatusGraph is required.");
        else
        {
            foreach (var s in new[] { InventoryStatus.Sellable, InventoryStatus.ReturnPending })
            {
                if (!options.StatusGraph.Contains(s)) errors.Add($"StatusGraph must contain {s}.");
            }
        }
        if (options.AllocationAttempts is < 1 or > 20) errors.Add($"AllocationAttempts must be between 1 and 20 (was {options.AllocationAttempts}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
