using System.Globalization;
using System.Text.Json;
using OrderCore.Cli.Replay;

namespace OrderCore.Cli.Output;

/// <summary>
/// Writes the replay summary as JSON with the keys of issue 2 §3.6, in that order. Counts are integers; money is a
/// decimal string per currency (<c>"123.45"</c>, at least two decimals, invariant culture). Added keys: <c>files</c>.
/// </summary>
internal static class SummaryJson
{
    public static async Task WriteFileAsync(string path, ReplaySummary s, CancellationToken ct = default)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (stream.ConfigureAwait(false))
        {
            Write(stream, s);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    public static string ToJson(ReplaySummary s)
    {
        using var buffer = new MemoryStream();
        Write(buffer, s);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Money(decimal amount) => amount.ToString("0.00##########", CultureInfo.InvariantCulture);

    private static void Write(Stream stream, ReplaySummary s)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();

        w.WriteStartObject("window");
        if (s.Window is { } window)
        {
            w.WriteString("from", window.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("to", window.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("from");
            w.WriteNull("to");
        }
        w.WriteEndObject();

        w.WriteStartObject("stock");
        w.WriteNumber("rows", s.StockRows);
        w.WriteNumber("rejected_rows", s.StockRejectedRows);
        w.WriteNumber("duplicate_skus", s.StockDuplicateSkus);
        w.WriteNumber("skus", s.StockSkus);
        w.WriteNumber("on_hand", s.StockOnHand);
        w.WriteEndObject();

        w.WriteStartObject("orders");
        w.WriteNumber("imported", s.OrdersImported);
        w.WriteStartObject("by_channel");
        w.WriteNumber("amazon", s.OrdersAmazon);
        w.WriteNumber("wholesale", s.OrdersWholesale);
        w.WriteEndObject();
        w.WriteStartObject("by_fulfilment");
        w.WriteNumber("merchant", s.OrdersMerchant);
        w.WriteNumber("marketplace", s.OrdersMarketplace);
        w.WriteEndObject();
        w.WriteNumber("cancelled", s.OrdersCancelled);
        w.WriteNumber("shipped", s.OrdersShipped);
        w.WriteEndObject();

        w.WriteStartObject("lines");
        w.WriteNumber("imported", s.LinesImported);
        w.WriteNumber("cancelled", s.LinesCancelled);
        w.WriteEndObject();

        w.WriteStartObject("exceptions_open");
        foreach (var (reason, orders) in s.ExceptionsOpen) w.WriteNumber(reason, orders);
        w.WriteEndObject();

        w.WriteStartObject("units");
        w.WriteNumber("shipped_merchant", s.UnitsShippedMerchant);
        w.WriteNumber("shipped_marketplace", s.UnitsShippedMarketplace);
        w.WriteNumber("returned", s.UnitsReturned);
        w.WriteEndObject();

        w.WriteStartObject("gross_sales");
        foreach (var (currency, amount) in s.GrossSales) w.WriteString(currency, Money(amount));
        w.WriteEndObject();

        w.WriteStartObject("inventory_end");
        w.WriteNumber("on_hand", s.InventoryOnHand);
        w.WriteNumber("reserved", s.InventoryReserved);
        w.WriteStartObject("by_status");
        foreach (var (status, units) in s.InventoryByStatus) w.WriteNumber(status, units);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("ledger");
        w.WriteBoolean("replay_matches_balances", s.LedgerMatchesBalances);
        w.WriteEndObject();

        w.WriteStartArray("files");
        foreach (var f in s.Files)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("kind", f.Kind);
            w.WriteNumber("rows", f.Rows);
            w.WriteNumber("rejected_rows", f.Rejected.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteEndObject();
    }
}
