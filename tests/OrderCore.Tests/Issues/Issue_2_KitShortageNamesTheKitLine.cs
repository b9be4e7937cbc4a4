using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): when a kit's component was short, the InsufficientInventory exception entry named
/// the field <c>lines</c> instead of the kit line (<c>lines[i].quantity</c>), because the short component SKU was matched
/// against the order lines' own SKUs (DESIGN invariant 6: the entry names the field).
/// </summary>
public sealed class Issue_2_KitShortageNamesTheKitLine
{
    [Fact]
    public async Task AllocateAsync_KitComponentShort_NamesTheKitLine()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SOCK", "C1", "C2");
        await h.AddKitAsync("KIT", ("C1", 2), ("C2", 1));
        await h.ReceiveAsync("SOCK", 5);
        await h.ReceiveAsync("C1", 3);
        await h.ReceiveAsync("C2", 5);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SOCK", 1).WithLine("KIT", 2));

        var entry = placed.Allocation!.Exception!;
        Assert.Equal(OrderExceptionReason.InsufficientInventory, entry.Reason);
        Assert.Equal("lines[1].quantity", entry.Field);
        Assert.Contains("SKU 'C1' needs 4, best location has 3", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await h.BalanceAsync("SOCK")).Reserved);
    }
}
