using System.Text.Json;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Import;

/// <summary>What happened to one order or refund found in a file.</summary>
public enum ShopifyFileItemOutcome
{
    /// <summary>A new order was created.</summary>
    Created,
    /// <summary>A newer version updated the stored order.</summary>
    Updated,
    /// <summary>The same version (or the same refund) was already imported: a duplicate.</summary>
    Duplicate,
    /// <summary>An older version than the stored one: ignored.</summary>
    IgnoredOlder,
    /// <summary>The stored order is cancelled or closed and is never revived: ignored.</summary>
    IgnoredClosed,
    /// <summary>A refund was applied.</summary>
    RefundApplied,
    /// <summary>A refund names an order not imported (yet): deferred to the order payload.</summary>
    RefundDeferred,
    /// <summary>The object cannot map (a typed rejection naming the field); the rest of the batch went on.</summary>
    Rejected,
}

/// <summary>One order or refund found in a file, and what the import did with it.</summary>
/// <param name="File">The file name.</param>
/// <param name="Kind"><c>order</c> or <c>refund</c>.</param>
/// <param name="ShopifyId">The Shopify id, when it could be read.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Exceptions">Exception-queue entries raised for the order (reason and field), empty otherwise.</param>
/// <param name="Detail">The rejection (field and reason) or a short note; null when none.</param>
public sealed record ShopifyFileItem(string File, string Kind, long? ShopifyId, ShopifyFileItemOutcome Outcome, IReadOnlyList<OrderExceptionEntry> Exceptions, string? Detail);

/// <summary>The result of importing files.</summary>
/// <param name="Items">Every order and refund found, orders first, in file order.</param>
/// <param name="Skipped">Files (or objects) that hold no order or refund, with the reason, e.g. a location list or a refund calculation.</param>
public sealed record ShopifyFileImportReport(IReadOnlyList<ShopifyFileItem> Items, IReadOnlyList<string> Skipped);

/// <summary>
/// Imports Shopify JSON files through <see cref="ShopifyOrderImporter"/>: webhook bodies (an order or a refund object),
/// REST responses (<c>{"order": …}</c>, <c>{"orders": […]}</c>, <c>{"refund": …}</c>, <c>{"refunds": […]}</c>) and recorded
/// exchanges (<c>{method, url, response_status, response_body}</c>, as in the shared examples). Orders are imported before
/// refunds; a file or object that fails is reported and the rest goes on (DESIGN invariant 6).
/// </summary>
/// <threadsafety>Not for concurrent use of one instance.</threadsafety>
public sealed class ShopifyFileImporter
{
    private readonly ShopifyOrderImporter _importer;

    /// <summary>Creates the file importer.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="importer"/> is null.</exception>
    public ShopifyFileImporter(ShopifyOrderImporter importer) => _importer = importer ?? throw new ArgumentNullException(nameof(importer));

    /// <summary>Imports files (in the order given).</summary>
    /// <param name="files">(name, content) pairs.</param>
    /// <param name="cancellationToken">Cancels the import between objects.</param>
    public async Task<ShopifyFileImportReport> ImportAsync(IEnumerable<(string Name, byte[] Content)> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var orders = new List<(string File, JsonElement Json)>();
        var refunds = new List<(string File, JsonElement Json)>();
        var items = new List<ShopifyFileItem>();
        var skipped = new List<string>();
        foreach (var (name, content) in files)
        {
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(content);
                root = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                items.Add(new ShopifyFileItem(name, "file", null, ShopifyFileItemOutcome.Rejected, [], $"not JSON: {ex.Message}"));
                continue;
            }
            Collect(name, root, orders, refunds, skipped);
        }
        foreach (var (file, json) in orders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            items.Add(await ImportOrderAsync(file, json, cancellationToken).ConfigureAwait(false));
        }
        foreach (var (file, json) in refunds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            items.Add(await ApplyRefundAsync(file, json, cancellationToken).ConfigureAwait(false));
        }
        return new ShopifyFileImportReport(items, skipped);
    }

    private async Task<ShopifyFileItem> ImportOrderAsync(string file, JsonElement json, CancellationToken ct)
    {
        var id = IdOf(json);
        try
        {
            var result = await _importer.ImportOrderJsonAsync(JsonSerializer.SerializeToUtf8Bytes(json, Json.ShopifyJsonContext.Default.JsonElement), ct).ConfigureAwait(false);
            var outcome = result.Outcome switch
            {
                IntakeOutcome.Created => ShopifyFileItemOutcome.Created,
                IntakeOutcome.Updated => ShopifyFileItemOutcome.Updated,
                IntakeOutcome.Unchanged => ShopifyFileItemOutcome.Duplicate,
                IntakeOutcome.IgnoredOlder => ShopifyFileItemOutcome.IgnoredOlder,
                _ => ShopifyFileItemOutcome.IgnoredClosed,
            };
            var applied = result.Refunds.Count(r => r.Outcome == ShopifyRefundOutcome.Applied);
            return new ShopifyFileItem(file, "order", result.ShopifyOrderId, outcome, result.Exceptions, applied > 0 ? $"{applied} refund(s) applied" : null);
        }
        catch (ShopifyPayloadException ex)
        {
            return new ShopifyFileItem(file, "order", id, ShopifyFileItemOutcome.Rejected, [], $"{ex.Field}: {ex.Reason}");
        }
    }

    private async Task<ShopifyFileItem> ApplyRefundAsync(string file, JsonElement json, CancellationToken ct)
    {
        var id = IdOf(json);
        try
        {
            var result = await _importer.ApplyRefundJsonAsync(JsonSerializer.SerializeToUtf8Bytes(json, Json.ShopifyJsonContext.Default.JsonElement), ct).ConfigureAwait(false);
            var outcome = result.Outcome switch
            {
                ShopifyRefundOutcome.Applied => ShopifyFileItemOutcome.RefundApplied,
                ShopifyRefundOutcome.OrderUnknown => ShopifyFileItemOutcome.RefundDeferred,
                _ => ShopifyFileItemOutcome.Duplicate,
            };
            var detail = result.Outcome == ShopifyRefundOutcome.Applied
                ? $"released {result.Lines.Sum(l => l.Released)}, return expected {result.Lines.Sum(l => l.ExpectedReturn)}, refund only {result.Lines.Sum(l => l.RefundOnly)}"
                : null;
            return new ShopifyFileItem(file, "refund", result.RefundId, outcome, [], detail);
        }
        catch (ShopifyPayloadException ex)
        {
            return new ShopifyFileItem(file, "refund", id, ShopifyFileItemOutcome.Rejected, [], $"{ex.Field}: {ex.Reason}");
        }
    }

    private static void Collect(string file, JsonElement root, List<(string, JsonElement)> orders, List<(string, JsonElement)> refunds, List<string> skipped)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            skipped.Add($"{file}: not a JSON object");
            return;
        }
        if (root.TryGetProperty("response_body", out var body))
        {
            var url = root.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var status = root.TryGetProperty("response_status", out var s) && s.TryGetInt32(out var code) ? code : 200;
            if (status is < 200 or > 299) { skipped.Add($"{file}: response status {status}"); return; }
            if (url.Contains("/refunds/calculate", StringComparison.Ordinal)) { skipped.Add($"{file}: a refund calculation, not a refund"); return; }
            if (body.ValueKind != JsonValueKind.Object) { skipped.Add($"{file}: empty response body"); return; }
            root = body;
        }
        var found = false;
        if (root.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Object) { orders.Add((file, order)); found = true; }
        if (root.TryGetProperty("orders", out var list) && list.ValueKind == JsonValueKind.Array) { foreach (var o in list.EnumerateArray()) orders.Add((file, o)); found = true; }
        if (root.TryGetProperty("refund", out var refund) && refund.ValueKind == JsonValueKind.Object) { refunds.Add((file, refund)); found = true; }
        if (root.TryGetProperty("refunds", out var rl) && rl.ValueKind == JsonValueKind.Array && !root.TryGetProperty("line_items", out _)) { foreach (var r in rl.EnumerateArray()) refunds.Add((file, r)); found = true; }
        if (found) return;
        if (root.TryGetProperty("line_items", out _)) orders.Add((file, root));
        else if (root.TryGetProperty("refund_line_items", out _)) refunds.Add((file, root));
        else skipped.Add($"{file}: no order or refund in it");
    }

    private static long? IdOf(JsonElement json) => json.TryGetProperty("id", out var id) && id.TryGetInt64(out var v) ? v : null;
}
