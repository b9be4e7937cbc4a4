#if ORDERCORE_AMAZON_SPAPI
using Microsoft.Extensions.DependencyInjection;
using OrderCore.Adapters.Amazon.SpApi;
using OrderCore.Catalog;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing;

namespace OrderCore.Cli.Amazon;

/// <summary>
/// <c>ordercore amazon import FILE|DIR [--store memory] [--owner ID] [--account ID] [--seed-catalog]</c>: imports SP-API
/// Orders v0 (<c>getOrders</c>, <c>getOrder</c> with their <c>getOrderItems</c> / <c>getOrderAddress</c>) and v2026-01-01
/// (<c>searchOrders</c>, <c>getOrder</c>) responses and <c>ORDER_CHANGE</c> notifications from JSON files (raw bodies, or the
/// model examples' <c>{operationId, response}</c> wrapper) into an OrderCore store, and prints what was imported, updated,
/// duplicated, rejected (with field and reason) or sent to the exception queue, then what each notification did.
/// </summary>
/// <remarks>Exit codes: 0 success (rejections are reported, not failures), 1 data error (no such file or folder, no JSON file), 2 usage error. Errors are one line on stderr.</remarks>
public static class AmazonImportCommand
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>A data error.</summary>
    public const int ExitDataError = 1;

    /// <summary>A usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>The usage line.</summary>
    public const string Usage = "usage: ordercore amazon import FILE|DIR [--store memory] [--owner ID] [--account ID] [--seed-catalog]";

    /// <summary>Parses the words after <c>ordercore</c> (a leading <c>amazon import</c> is skipped) and runs; returns the exit code, never throws.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!TryParse(args, out var a, out var error))
        {
            await stderr.WriteLineAsync("error: " + error).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitUsage;
        }
        try
        {
            return await RunAsync(a, stdout, ct).ConfigureAwait(false);
        }
        catch (DataError d)
        {
            await stderr.WriteLineAsync("error: " + d.Message).ConfigureAwait(false);
            return ExitDataError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitDataError;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"error: unexpected failure ({ex.GetType().Name}): {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitDataError;
        }
    }

    private sealed record Arguments(string Path, OwnerId Owner, ChannelAccountId Account, bool SeedCatalog);

    private sealed class DataError(string message) : Exception(message);

    private static bool TryParse(string[] args, out Arguments parsed, out string error)
    {
        parsed = null!;
        var words = args.ToList();
        if (words.Count >= 1 && words[0] == "amazon") words.RemoveAt(0);
        if (words.Count >= 1 && words[0] == "import") words.RemoveAt(0);
        string? path = null;
        var owner = "seller";
        var account = "amazon";
        var seed = false;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            string? Next() => i + 1 < words.Count ? words[++i] : null;
            switch (w)
            {
                case "--store":
                    var store = Next();
                    if (store != "memory")
                    {
                        error = store is null ? "--store needs a value" : $"--store '{store}' is not available here: only 'memory'";
                        return false;
                    }
                    break;
                case "--owner":
                    owner = Next() ?? "";
                    break;
                case "--account":
                    account = Next() ?? "";
                    break;
                case "--seed-catalog":
                    seed = true;
                    break;
                default:
                    if (w.StartsWith("--", StringComparison.Ordinal))
                    {
                        error = $"unknown option '{w}'";
                        return false;
                    }
                    if (path is not null)
                    {
                        error = $"one FILE or DIR is expected (got '{path}' and '{w}')";
                        return false;
                    }
                    path = w;
                    break;
            }
        }
        if (path is null)
        {
            error = "FILE or DIR is required";
            return false;
        }
        if (!OwnerId.TryFrom(owner, out var o) || !ChannelAccountId.TryFrom(account, out var acc))
        {
            error = "--owner and --account need a non-blank id";
            return false;
        }
        parsed = new Arguments(path, o, acc, seed);
        error = "";
        return true;
    }

    private static async Task<int> RunAsync(Arguments a, TextWriter stdout, CancellationToken ct)
    {
        var files = Directory.Exists(a.Path)
            ? Directory.GetFiles(a.Path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(a.Path) ? [a.Path] : throw new DataError($"{a.Path}: no such file or folder");
        if (files.Length == 0) throw new DataError($"{a.Path}: no .json file");

        var payloads = new List<AmazonPayload>();
        foreach (var file in files)
        {
            var name = Directory.Exists(a.Path) ? Path.GetRelativePath(a.Path, file) : Path.GetFileName(file);
            try
            {
                var p = AmazonPayload.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false), name);
                if (p.Kind == AmazonPayloadKind.ErrorResponse)
                {
                    await stdout.WriteLineAsync($"skipped   {name}: an error response ({string.Join("; ", p.Errors.Select(e => e.Code))})").ConfigureAwait(false);
                    continue;
                }
                payloads.Add(p);
            }
            catch (AmazonPayloadFormatException ex)
            {
                await stdout.WriteLineAsync($"skipped   {ex.Message}").ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new DataError($"{file}: cannot read ({ex.Message})");
            }
        }

        var services = new ServiceCollection();
        services.AddOrderCore().AddPriorityRouting(o => o.Locations.Add(LocationId.From("WH-1")));
        await using var provider = services.BuildServiceProvider();
        var mapping = new AmazonOrderMappingOptions(a.Owner, a.Account);
        var importer = new AmazonOrderImporter(provider.GetRequiredService<OrderIntake>(), provider.GetRequiredService<OrderFulfilment>());
        var handler = new AmazonOrderChangeHandler(provider.GetRequiredService<IChannelEventInbox>(), provider.GetRequiredService<IOrderStore>(),
            provider.GetRequiredService<OrderFulfilment>(), provider.GetRequiredService<NodaTime.IClock>(), mapping);

        var result = AmazonOrderMapper.Map(payloads, mapping);
        if (a.SeedCatalog)
        {
            var catalog = provider.GetRequiredService<ICatalogStore>();
            foreach (var sku in result.Orders.SelectMany(o => o.Items).Select(i => i.SellerSku).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (Sku.TryFrom(sku, out var s)) await catalog.UpsertProductAsync(new Product { Owner = a.Owner, Sku = s }, ct).ConfigureAwait(false);
            }
        }
        int created = 0, updated = 0, duplicates = 0, ignored = 0, rejected = result.Rejections.Count, queued = 0;
        foreach (var r in result.Rejections)
        {
            await stdout.WriteLineAsync($"rejected  {r.Source}: {r.AmazonOrderId ?? "(no order id)"}: {r.Reason} at {r.Field}: {r.Detail}").ConfigureAwait(false);
        }
        foreach (var order in result.Orders)
        {
            var r = await importer.ImportAsync(order, ct).ConfigureAwait(false);
            var what = r.Outcome switch
            {
                IntakeOutcome.Created => "imported ",
                IntakeOutcome.Updated => "updated  ",
                IntakeOutcome.Unchanged => "duplicate",
                IntakeOutcome.IgnoredOlder => "older    ",
                IntakeOutcome.IgnoredClosed => "closed   ",
                _ => "rejected ",
            };
            switch (r.Outcome)
            {
                case IntakeOutcome.Created: created++; break;
                case IntakeOutcome.Updated: updated++; break;
                case IntakeOutcome.Unchanged: duplicates++; break;
                case null: rejected++; break;
                default: ignored++; break;
            }
            var detail = r.Rejection is { } rej
                ? $"{rej.Reason} at {rej.Field}: {rej.Detail}"
                : $"{order.Api} {order.Status} {order.Order.FulfilmentChannel}, {order.Order.Lines.Count} line(s), status {r.Order!.Status}"
                  + (r.Actions.Count > 0 ? $", {string.Join(", ", r.Actions)}" : "")
                  + (order.Warnings.Count > 0 ? $", warnings: {string.Join("; ", order.Warnings)}" : "");
            await stdout.WriteLineAsync($"{what} {order.AmazonOrderId}: {detail}").ConfigureAwait(false);
            if (r.Exceptions.Count > 0) queued++;
            foreach (var e in r.Exceptions)
            {
                await stdout.WriteLineAsync($"  exception queue: {e.Reason} at {e.Field}: {e.Detail}").ConfigureAwait(false);
            }
        }
        var notifications = new Dictionary<AmazonNotificationOutcome, int>();
        foreach (var p in payloads.Where(p => p.Kind == AmazonPayloadKind.OrderChangeNotification))
        {
            AmazonOrderChangeEvent e;
            try
            {
                e = AmazonOrderChangeEvent.From(p);
            }
            catch (AmazonPayloadFormatException ex)
            {
                await stdout.WriteLineAsync($"unreadable {ex.Message}").ConfigureAwait(false);
                continue;
            }
            var n = await handler.HandleAsync(e, ct).ConfigureAwait(false);
            notifications[n.Outcome] = notifications.GetValueOrDefault(n.Outcome) + 1;
            await stdout.WriteLineAsync($"notification {p.SourceName}: {e.ChangeType} {e.AmazonOrderId} -> {n.Outcome}: {n.Detail}").ConfigureAwait(false);
        }
        await stdout.WriteLineAsync($"{files.Length} file(s): {created} imported, {updated} updated, {duplicates} duplicate, {ignored} ignored (older or closed), {rejected} rejected, {queued} in the exception queue; "
            + $"notifications: {(notifications.Count == 0 ? "none" : string.Join(", ", notifications.Select(kv => $"{kv.Value} {kv.Key}")))}").ConfigureAwait(false);
        return ExitOk;
    }
}
#endif
