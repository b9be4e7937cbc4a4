#if ORDERCORE_SHOPIFY
using Microsoft.Extensions.DependencyInjection;
using OrderCore.Adapters.Shopify;
using OrderCore.Adapters.Shopify.Import;
using OrderCore.Adapters.Shopify.Orders;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing;

namespace OrderCore.Cli.Shopify;

/// <summary>
/// <c>ordercore shopify import FILE|DIR [--store memory] [--owner ID] [--shop DOMAIN]</c>: imports Shopify order or
/// webhook JSON files (order/refund objects, REST responses, recorded examples) through the Shopify adapter into the
/// store, and prints what was imported, what was a duplicate and what went to the exception queue.
/// </summary>
/// <remarks>
/// Exit codes: 0 success (rejected objects are listed, the rest goes on), 1 data error (FILE/DIR missing or unreadable,
/// no <c>*.json</c> in DIR, or FILE not JSON), 2 usage error. Errors are one line on stderr, never a stack trace.
/// Store: <c>memory</c> (the only one until the stores issue adds SQLite), so a run starts from an empty catalog and every
/// line is an UnmappedSku entry unless its SKU maps (the run reports that honestly).
/// </remarks>
public static class ShopifyImportCommand
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>A data error.</summary>
    public const int ExitDataError = 1;

    /// <summary>A usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>The usage line.</summary>
    public const string Usage = "usage: ordercore shopify import FILE|DIR [--store memory] [--owner ID] [--shop DOMAIN]";

    /// <summary>Runs the command on the tokens after <c>shopify import</c>; returns the exit code, never throws.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!TryParse(args, out var path, out var owner, out var shop, out var error))
        {
            await stderr.WriteLineAsync("error: " + error).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitUsage;
        }
        try
        {
            var files = ReadInputs(path!);
            var services = new ServiceCollection();
            services.AddOrderCore().AddPriorityRouting(r => r.Locations.Add(LocationId.From("DEFAULT")));
            await using var provider = services.BuildServiceProvider();
            var mapper = new ShopifyOrderMapper(owner, ChannelAccountId.From(shop));
            var importer = new ShopifyOrderImporter(
                provider.GetRequiredService<OrderIntake>(), provider.GetRequiredService<OrderFulfilment>(), provider.GetRequiredService<IOrderStore>(),
                provider.GetRequiredService<ICatalogStore>(), provider.GetRequiredService<IChannelEventInbox>(), provider.GetRequiredService<OrderCore.Events.DomainEventHub>(),
                provider.GetRequiredService<NodaTime.IClock>(), mapper);
            var report = await new ShopifyFileImporter(importer).ImportAsync(files, ct).ConfigureAwait(false);
            await WriteAsync(report, stdout).ConfigureAwait(false);
            return ExitOk;
        }
        catch (ShopifyImportDataException ex)
        {
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return ExitDataError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitDataError;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"error: unexpected failure ({ex.GetType().Name}): {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitDataError;
        }
    }

    private static bool TryParse(string[] args, out string? path, out OwnerId owner, out string shop, out string error)
    {
        path = null;
        owner = OwnerId.From("default");
        shop = "shop.myshopify.com";
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string? Value()
            {
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) return args[++i];
                return null;
            }
            switch (a)
            {
                case "--store":
                    var store = Value();
                    if (store is null) { error = "--store needs a value"; return false; }
                    if (store != "memory") { error = $"--store '{store}' is not supported (only 'memory' for now)"; return false; }
                    break;
                case "--owner":
                    var o = Value();
                    if (o is null || !OwnerId.TryFrom(o, out owner)) { error = "--owner needs an owner id"; return false; }
                    break;
                case "--shop":
                    var s = Value();
                    if (string.IsNullOrWhiteSpace(s)) { error = "--shop needs a shop domain"; return false; }
                    shop = s.Trim().ToLowerInvariant();
                    break;
                case "-h" or "--help":
                    error = "help requested";
                    return false;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal)) { error = $"unknown option '{a}'"; return false; }
                    if (path is not null) { error = $"one FILE or DIR only (got '{path}' and '{a}')"; return false; }
                    path = a;
                    break;
            }
        }
        if (path is null) { error = "FILE or DIR is required"; return false; }
        return true;
    }

    private static List<(string Name, byte[] Content)> ReadInputs(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var names = Directory.GetFiles(path, "*.json").OrderBy(p => p, StringComparer.Ordinal).ToArray();
                if (names.Length == 0) throw new ShopifyImportDataException($"{path}: no *.json file in the folder");
                return names.Select(n => (Path.GetFileName(n), File.ReadAllBytes(n))).ToList();
            }
            if (!File.Exists(path)) throw new ShopifyImportDataException($"{path}: no such file or folder");
            var content = File.ReadAllBytes(path);
            try
            {
                using var _ = System.Text.Json.JsonDocument.Parse(content);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new ShopifyImportDataException($"{path}: not JSON ({ex.Message})");
            }
            return [(Path.GetFileName(path), content)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ShopifyImportDataException($"{path}: cannot read ({ex.Message})");
        }
    }

    private static async Task WriteAsync(ShopifyFileImportReport report, TextWriter o)
    {
        foreach (var item in report.Items)
        {
            var id = item.ShopifyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            var what = item.Outcome switch
            {
                ShopifyFileItemOutcome.Created => "imported (created)",
                ShopifyFileItemOutcome.Updated => "imported (updated)",
                ShopifyFileItemOutcome.Duplicate => "duplicate",
                ShopifyFileItemOutcome.IgnoredOlder => "ignored (older version)",
                ShopifyFileItemOutcome.IgnoredClosed => "ignored (order closed, not revived)",
                ShopifyFileItemOutcome.RefundApplied => "refund applied",
                ShopifyFileItemOutcome.RefundDeferred => "refund deferred (order not imported)",
                _ => "rejected",
            };
            var line = $"{item.File}: {item.Kind} {id}: {what}";
            if (item.Detail is not null) line += $" ({item.Detail})";
            await o.WriteLineAsync(line).ConfigureAwait(false);
            foreach (var e in item.Exceptions) await o.WriteLineAsync($"    exception queue: {e.Reason} at {e.Field}: {e.Detail}").ConfigureAwait(false);
        }
        foreach (var s in report.Skipped) await o.WriteLineAsync($"skipped {s}").ConfigureAwait(false);
        var orders = report.Items.Where(i => i.Kind == "order").ToArray();
        await o.WriteLineAsync(
            $"Summary: {orders.Count(i => i.Outcome == ShopifyFileItemOutcome.Created)} created, {orders.Count(i => i.Outcome == ShopifyFileItemOutcome.Updated)} updated, " +
            $"{report.Items.Count(i => i.Outcome == ShopifyFileItemOutcome.Duplicate)} duplicate, " +
            $"{orders.Count(i => i.Outcome is ShopifyFileItemOutcome.IgnoredOlder or ShopifyFileItemOutcome.IgnoredClosed)} ignored, " +
            $"{report.Items.Count(i => i.Outcome == ShopifyFileItemOutcome.RefundApplied)} refund(s) applied, " +
            $"{report.Items.Count(i => i.Outcome == ShopifyFileItemOutcome.Rejected)} rejected, " +
            $"{report.Items.Sum(i => i.Exceptions.Count)} exception-queue entries, {report.Skipped.Count} skipped").ConfigureAwait(false);
    }

    private static string OneLine(string message)
        => string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A whole input cannot be read.</summary>
    private sealed class ShopifyImportDataException(string message) : Exception(message);
}
#endif
