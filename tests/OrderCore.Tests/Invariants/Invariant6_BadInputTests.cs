using OrderCore.Catalog;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 6: bad input gets a clear, typed error or an exception-queue entry naming the field and the reason;
/// the rest of the batch goes on; nothing already accepted is lost.
/// </summary>
public sealed class Invariant6_BadInputTests
{
    [Fact]
    public async Task ValidateAsync_UnmappedSku_RaisesUnmappedSkuNamingTheLine()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1).WithLine("NOPE-9", 1));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal(OrderExceptionReason.UnmappedSku, entry.Reason);
        Assert.Equal("lines[1].sku", entry.Field);
        Assert.Equal("SKU 'NOPE-9' maps to no product", entry.Detail);
        Assert.True(entry.IsOpen);
        Assert.Null(placed.Allocation);
    }

    [Fact]
    public async Task ValidateAsync_AmbiguousAlternateKey_RaisesAmbiguousSkuListingCandidates()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("JNE-M-A", p => p with { Style = "JNE3798", Size = "M" });
        await h.AddProductAsync("JNE-M-B", p => p with { Style = "jne3798 ", Size = "m" });

        var placed = await h.PlaceAsync(h.NewOrder().WithAlternateKeyLine("JNE3798", "M", 1));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal(OrderExceptionReason.AmbiguousSku, entry.Reason);
        Assert.Equal("lines[0].style+size", entry.Field);
        Assert.Contains("JNE-M-A, JNE-M-B", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_UnknownAlternateKey_RaisesUnmappedSkuOnStyleAndSize()
    {
        await using var h = OrderCoreHarness.Create();

        var placed = await h.PlaceAsync(h.NewOrder().WithAlternateKeyLine("SET123", "XL", 1));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal(OrderExceptionReason.UnmappedSku, entry.Reason);
        Assert.Equal("lines[0].style+size", entry.Field);
    }

    [Fact]
    public async Task ValidateAsync_BlankPostalCodeOnMerchantOrder_RaisesMissingAddressNamingPostalCode()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");

        var placed = await h.PlaceAsync(h.NewOrder().ShipTo("Mumbai", "MAHARASHTRA", "  ", "IN").WithLine("SKU-1", 1));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal(OrderExceptionReason.MissingAddress, entry.Reason);
        Assert.Equal("ship_to.postal_code", entry.Field);
    }

    [Fact]
    public async Task ValidateAsync_EveryShippingFieldBlank_RaisesOneEntryPerField()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");

        var placed = await h.PlaceAsync(h.NewOrder().ShipTo(null, " ", null, null).WithLine("SKU-1", 1));

        Assert.Equal(
            ["ship_to.city", "ship_to.region", "ship_to.postal_code", "ship_to.country"],
            placed.Validation.Exceptions.Select(e => e.Field));
        Assert.All(placed.Validation.Exceptions, e => Assert.Equal(OrderExceptionReason.MissingAddress, e.Reason));
    }

    [Fact]
    public async Task ValidateAsync_NoAddressOnMerchantOrder_RaisesMissingAddressOnShipTo()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");

        var placed = await h.PlaceAsync(h.NewOrder().WithoutAddress().WithLine("SKU-1", 1));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal(("ship_to", OrderExceptionReason.MissingAddress), (entry.Field, entry.Reason));
    }

    [Fact]
    public async Task ValidateAsync_NoAddressOnMarketplaceOrder_IsValid()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");

        var placed = await h.PlaceAsync(h.NewMarketplaceOrder().WithLine("SKU-1", 1));

        Assert.True(placed.Validation.IsValid);
    }

    [Fact]
    public async Task ValidateAsync_ZeroQuantityOnLiveLine_RaisesInvalidQuantity()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 0));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal((OrderExceptionReason.InvalidQuantity, "lines[0].quantity"), (entry.Reason, entry.Field));
    }

    [Fact]
    public async Task ValidateAsync_BlockedSku_RaisesBlockedSku()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("RECALLED", p => p with { IsBlocked = true });

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("RECALLED", 1));

        var entry = Assert.Single(placed.Validation.Exceptions);
        Assert.Equal((OrderExceptionReason.BlockedSku, "lines[0].sku"), (entry.Reason, entry.Field));
    }

    [Fact]
    public async Task AllocateAsync_NotEnoughStock_RaisesInsufficientInventoryNamingTheLineAndNumbers()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-2", 1);

        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 3));

        var entry = placed.Allocation!.Exception!;
        Assert.Equal(OrderExceptionReason.InsufficientInventory, entry.Reason);
        Assert.Equal("lines[1].quantity", entry.Field);
        Assert.Equal("SKU 'SKU-2' needs 3, best location has 1", entry.Detail);
    }

    [Theory]
    [InlineData(-1, "lines[0].quantity is negative (-1)")]
    public async Task ImportAsync_NegativeQuantity_ThrowsArgumentExceptionNamingTheField(int quantity, string message)
    {
        await using var h = OrderCoreHarness.Create();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => h.ImportAsync(h.NewOrder().WithLine("SKU-1", quantity).Build()));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Orders.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_NoLines_ThrowsArgumentException()
    {
        await using var h = OrderCoreHarness.Create();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => h.ImportAsync(h.NewOrder("1001").Build()));

        Assert.Contains("1001 has no lines", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_BatchWithOneBadOrder_ImportsTheOthersAndKeepsWhatWasAccepted()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 10);
        var batch = new[]
        {
            h.NewOrder("A").WithLine("SKU-1", 1).Build(),
            h.NewOrder("B").WithLine("SKU-1", -3).Build(),
            h.NewOrder("C").WithLine("UNKNOWN", 1).Build(),
            h.NewOrder("D").WithLine("SKU-1", 2).Build(),
        };

        var rejected = new List<string>();
        foreach (var order in batch)
        {
            try
            {
                await h.PlaceAsync(order);
            }
            catch (ArgumentException)
            {
                rejected.Add(order.ExternalOrderId);
            }
        }

        Assert.Equal(["B"], rejected);
        var stored = await h.Orders.ListAsync().ToListAsync();
        Assert.Equal(["A", "C", "D"], stored.Select(o => o.ExternalOrderId));
        Assert.Equal([OrderStatus.Allocated, OrderStatus.Received, OrderStatus.Allocated], stored.Select(o => o.Status));
        Assert.Equal(3, (await h.BalanceAsync("SKU-1")).Reserved);
        var open = Assert.Single(await h.Exceptions.ListOpenAsync());
        Assert.Equal((OrderExceptionReason.UnmappedSku, "lines[0].sku"), (open.Reason, open.Field));
    }

    [Fact]
    public void Identifiers_BlankOrTooLong_ThrowArgumentExceptionAndTryFromReturnsFalse()
    {
        Assert.Throws<ArgumentException>(() => Sku.From("  "));
        Assert.Throws<ArgumentNullException>(() => OwnerId.From(null!));
        Assert.Throws<ArgumentException>(() => LocationId.From(new string('x', 201)));
        Assert.Throws<ArgumentException>(() => ChannelId.From("bad\tid"));
        Assert.False(Sku.TryFrom("", out var sku));
        Assert.True(sku.IsDefault);
        Assert.True(Sku.TryFrom(" TEE-RED-M ", out sku));
        Assert.Equal("TEE-RED-M", sku.Value);
    }

    [Fact]
    public async Task ReserveAsync_Shortage_ReturnsTypedShortageWithRequestedAndAvailable()
    {
        var f = InventoryPoolFixture.Create();
        var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        await f.ReceiveAsync(key, 3);

        var result = await f.ReserveAsync("R1", (key, 5));

        var shortage = Assert.Single(result.Shortages);
        Assert.Equal((key, GuardKind.ReservedWithinOnHand, 5, 3), (shortage.Key, shortage.Kind, shortage.Requested, shortage.Available));
    }

    [Fact]
    public void GtinParse_BadCheckDigit_ThrowsFormatExceptionSayingWhichDigit()
    {
        var e = Assert.Throws<FormatException>(() => Gtin.Parse("036000291453"));

        Assert.Equal("GTIN '036000291453' has check digit 3, expected 2", e.Message);
    }
}
