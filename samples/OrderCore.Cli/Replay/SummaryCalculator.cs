using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OrderCore.Cli.Input;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore.Cli.Replay;

/// <summary>Computes the replay's figures from OrderCore's stores (orders, exception queue, balances, ledger) at the end.</summary>
internal static class SummaryCalculator
{
    public static async Task<ReplaySummary> ComputeAsync(IServiceProvider services, DateInterval? window, string source, IReadOnlyList<InputFileSummary> files, StockSnapshot? stock, CancellationToken ct)
    {
        var orderStore = services.GetRequiredService<IOrderStore>();
        var inventory = services.GetRequiredService<IInventoryStore>();
        var pool = services.GetRequiredService<InventoryPool>();
        var queue = services.GetRequiredService<ExceptionQueue>();

        var orders = new List<Order>();
        await foreach (var o in orderStore.ListAsync(ReplaySettings.Owner, ct).ConfigureAwait(false)) orders.Add(o);

        var openByReason = await queue.CountOpenOrdersByReasonAsync(ct).ConfigureAwait(false);
        var exceptions = Enum.GetValues<OrderExceptionReason>()
            .Where(r => openByReason.GetValueOrDefault(r) > 0)
            .Select(r => KeyValuePair.Create(r.ToString(), openByReason[r]))
            .ToArray();

        long shippedMerchant = 0, returned = 0;
        await foreach (var e in inventory.ReadLedgerAsync(0, ct).ConfigureAwait(false))
        {
            if (e.Type == MovementType.Ship) shippedMerchant -= e.Deltas.Sum(d => (long)d.OnHand);
            else if (e.Type == MovementType.Return) returned += e.Deltas.Sum(d => (long)d.OnHand);
        }

        var gross = orders.Where(o => o.Status != OrderStatus.Cancelled)
            .SelectMany(o => o.LiveLines)
            .Where(l => l.Amount is not null)
            .GroupBy(l => l.Amount!.Value.Currency.Code, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(l => l.Amount!.Value.Amount)))
            .ToArray();

        var balances = await inventory.GetAllBalancesAsync(ReplaySettings.Owner, ct).ConfigureAwait(false);
        var byStatus = balances.GroupBy(b => b.Key.Status)
            .Select(g => (Status: g.Key, Units: g.Sum(b => (long)b.OnHand)))
            .Where(s => s.Units != 0)
            .OrderBy(s => Rank(s.Status))
            .ThenBy(s => s.Status)
            .Select(s => KeyValuePair.Create(s.Status.Name, s.Units))
            .ToArray();
        var mismatches = await pool.VerifyLedgerAsync(ct).ConfigureAwait(false);

        return new ReplaySummary
        {
            Window = window,
            Source = source,
            Files = files,
            StockRows = stock?.Rows ?? 0,
            StockRejectedRows = stock?.Rejected.Count ?? 0,
            StockDuplicateSkus = stock?.DuplicateSkus ?? 0,
            StockSkus = stock?.Items.Count ?? 0,
            StockOnHand = stock?.OnHand ?? 0,
            OrdersImported = orders.Count,
            OrdersAmazon = orders.Count(o => o.Channel.Value == "amazon"),
            OrdersWholesale = orders.Count(o => o.Channel.Value == "wholesale"),
            OrdersMerchant = orders.Count(o => o.FulfilmentChannel == FulfilmentChannel.Merchant),
            OrdersMarketplace = orders.Count(o => o.FulfilmentChannel == FulfilmentChannel.Marketplace),
            OrdersCancelled = orders.Count(o => o.Status == OrderStatus.Cancelled),
            OrdersShipped = orders.Count(o => o.Status is OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Returned),
            LinesImported = orders.Sum(o => o.Lines.Count),
            LinesCancelled = orders.Sum(o => o.Status == OrderStatus.Cancelled ? o.Lines.Count : o.Lines.Count(l => l.Status == OrderLineStatus.Cancelled)),
            ExceptionsOpen = exceptions,
            UnitsShippedMerchant = shippedMerchant,
            UnitsShippedMarketplace = orders
                .Where(o => o.FulfilmentChannel == FulfilmentChannel.Marketplace && o.ChannelStatus?.StartsWith("Shipped", StringComparison.OrdinalIgnoreCase) == true)
                .Sum(o => o.LiveLines.Sum(l => (long)l.BaseUnits)),
            UnitsReturned = returned,
            GrossSales = gross,
            InventoryOnHand = balances.Sum(b => (long)b.OnHand),
            InventoryReserved = balances.Sum(b => (long)b.Reserved),
            InventoryByStatus = byStatus,
            LedgerMatchesBalances = mismatches.Count == 0,
            LedgerMismatches = mismatches.Count,
        };
    }

    /// <summary>Well-known statuses in their declared order, custom ones after them.</summary>
    private static int Rank(InventoryStatus status)
    {
        for (var i = 0; i < InventoryStatus.WellKnown.Count; i++)
        {
            if (InventoryStatus.WellKnown[i] == status) return i;
        }
        return int.MaxValue;
    }
}
