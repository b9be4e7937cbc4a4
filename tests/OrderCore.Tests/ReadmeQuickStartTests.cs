using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OrderCore.Catalog;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing;

namespace OrderCore.Tests;

/// <summary>The README's quick start, compiled and run so the README stays true.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public async Task QuickStart_AsWritten_ShipsTwoUnitsAndLeavesEight()
    {
        // --- begin README quick start ---
        var services = new ServiceCollection();
        services.AddOrderCore().AddPriorityRouting(r => r.Locations.Add(LocationId.From("WH1")));
        var sp = services.BuildServiceProvider();
        var pool = sp.GetRequiredService<InventoryPool>();
        var owner = OwnerId.From("acme"); var sku = Sku.From("TEE-RED-M");
        await sp.GetRequiredService<ICatalogStore>().UpsertProductAsync(new Product { Owner = owner, Sku = sku });
        await pool.ReceiveAsync(new BalanceKey(owner, sku, LocationId.From("WH1"), InventoryStatus.Sellable), Quantity.Of(10), "receipt", "PO-1");
        var order = new ChannelOrder { Owner = owner, Channel = ChannelId.From("shopify"), Account = ChannelAccountId.From("acme-store"),
            ExternalOrderId = "1001", PlacedAt = Instant.FromUtc(2026, 11, 29, 10, 0), FulfilmentChannel = FulfilmentChannel.Merchant,
            ShipTo = Address.Create("Austin", "TX", "78701", "US"), Lines = [new ChannelOrderLine { ExternalSku = "TEE-RED-M", Quantity = 2 }] };
        var imported = await sp.GetRequiredService<OrderIntake>().ImportAsync(order);      // idempotent on (owner, channel, account, id)
        await sp.GetRequiredService<OrderIntake>().ValidateAsync(imported.Order.Id);       // SKU mapping + address → exception queue
        var allocation = await sp.GetRequiredService<OrderFulfilment>().AllocateAsync(imported.Order.Id); // all-or-nothing reservation
        await sp.GetRequiredService<OrderFulfilment>().ShipAsync(imported.Order.Id, "shipment-1");       // units leave on hand
        // --- end README quick start ---

        Assert.True(allocation.Allocated);
        var balance = await pool.Store.GetBalanceAsync(new BalanceKey(owner, sku, LocationId.From("WH1"), InventoryStatus.Sellable));
        Assert.Equal(8, balance!.OnHand);
        Assert.Equal(0, balance.Reserved);
        var stored = await sp.GetRequiredService<IOrderStore>().GetAsync(imported.Order.Id);
        Assert.Equal(OrderStatus.Shipped, stored!.Status);
        Assert.Empty(await pool.VerifyLedgerAsync());
    }

    [Fact]
    public void Readme_QuickStart_MatchesThisTest()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "OrderCore.sln"))) root = Path.GetDirectoryName(root);
        Assert.NotNull(root);
        var readme = File.ReadAllText(Path.Combine(root!, "README.md"));
        var test = File.ReadAllText(Path.Combine(root!, "tests", "OrderCore.Tests", "ReadmeQuickStartTests.cs"));
        var begin = test.IndexOf("// --- begin README quick start ---", StringComparison.Ordinal);
        var end = test.IndexOf("// --- end README quick start ---", StringComparison.Ordinal);
        var snippetLines = test[begin..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        foreach (var line in snippetLines) Assert.Contains(line, readme);
    }
}
