#if ORDERCORE_WALMART
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using OrderCore.Adapters.Walmart;
using OrderCore.Adapters.Walmart.Intake;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbox;
using OrderCore.Adapters.Walmart.Sla;
using OrderCore.Catalog;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Routing;

namespace OrderCore.Cli.Walmart;

/// <summary>
/// <c>ordercore walmart import FILE|DIR... [--store memory] [--owner ID] [--account ID] [--ship-node NODE=LOCATION]...
/// [--ship-node-type SellerFulfilled|WFSFulfilled|3PLFulfilled] [--register-skus] [--now ISO-INSTANT]</c>: imports Walmart
/// order-list pages (<c>{"list": …}</c>) or single orders (<c>{"order": …}</c>) into an OrderCore store and prints, per
/// order, whether it was created, updated, a duplicate, or sent to the exception queue, with its acknowledge-by deadline.
/// </summary>
/// <remarks>
/// <para>A folder means every <c>*.json</c> file directly in it, in name order; a file that holds no order (a request body)
/// is reported as rejected and the rest goes on. Exit codes: 0 done (rejections are reported, not fatal), 1 a file is missing
/// or unreadable, 2 bad arguments. Self-contained: wire it from Program.cs as <c>ordercore walmart …</c> and pass the
/// arguments after <c>walmart</c> (a leading <c>walmart</c> is accepted too).</para>
/// <para><c>--register-skus</c> registers every Walmart SKU seen as an OrderCore product with the same code first, so that
/// orders are accepted (a demo of the acknowledgement path); without it an empty catalog sends every order to the
/// exception queue with <c>UnmappedSku</c>.</para>
/// </remarks>
public static class WalmartImportCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: ordercore walmart import FILE|DIR... [--store memory] [--owner ID] [--account ID] [--ship-node NODE=LOCATION]... [--ship-node-type SellerFulfilled|WFSFulfilled|3PLFulfilled] [--register-skus] [--now 2019-09-14T15:00:00Z]";

    /// <summary>Runs the command; never throws (errors are one line on <paramref name="stderr"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Arguments parsed;
        try
        {
            parsed = Arguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        List<string> files;
        try
        {
            files = Expand(parsed.Paths);
        }
        catch (FileNotFoundException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        try
        {
            return await ImportAsync(parsed, files, stdout, ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return 1;
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync("error: " + string.Join("; ", e.Failures)).ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> ImportAsync(Arguments a, List<string> files, TextWriter stdout, CancellationToken ct)
    {
#pragma warning disable RS0030 // A console host reads the wall clock unless --now pins it.
        IClock clock = a.Now is { } now ? new FixedClock(now) : SystemClock.Instance;
#pragma warning restore RS0030
        var options = new WalmartOptions { ClientId = "offline-import", ClientSecret = "offline-import", Owner = a.Owner, Account = a.Account };
        foreach (var (node, location) in a.ShipNodes) options.ShipNodes[node] = location;
        var validation = new WalmartOptionsValidator().Validate(null, options);
        if (validation.Failed) throw new OptionsValidationException(nameof(WalmartOptions), typeof(WalmartOptions), validation.Failures ?? []);
        var wrapped = Options.Create(options);

        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddOrderCore().AddPriorityRouting(o => o.Locations.Add(LocationId.From(options.ShipNodes.Values.FirstOrDefault() ?? "WALMART-DEFAULT")));
        await using var sp = services.BuildServiceProvider();
        var mapper = new WalmartOrderMapper(wrapped);
        var sla = new WalmartSlaMonitor(clock, wrapped);
        var outbox = new WalmartOutbox(sp.GetRequiredService<IOutboxStore>(), sp.GetRequiredService<IChannelEventInbox>(), clock, wrapped);
        var importer = new WalmartOrderImporter(sp.GetRequiredService<OrderIntake>(), sp.GetRequiredService<ExceptionQueue>(), outbox, sla);
        var catalog = sp.GetRequiredService<ICatalogStore>();
        var owner = OwnerId.From(options.Owner);

        await stdout.WriteLineAsync($"walmart import: {files.Count} file(s), store {a.Store}, owner {options.Owner}, account {options.Account}, as of {InstantPattern.General.Format(clock.GetCurrentInstant())}").ConfigureAwait(false);
        int created = 0, updated = 0, duplicates = 0, ignored = 0, exceptions = 0, rejected = 0, acks = 0;
        foreach (var file in files)
        {
            var json = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
            var batch = mapper.Parse(json, a.ShipNodeType);
            await stdout.WriteLineAsync($"{Path.GetFileName(file)}: {batch.Orders.Count} order(s), {batch.Rejections.Count} rejected").ConfigureAwait(false);
            foreach (var r in batch.Rejections)
            {
                rejected++;
                await stdout.WriteLineAsync($"  rejected   {r}").ConfigureAwait(false);
            }
            if (a.RegisterSkus)
            {
                foreach (var sku in batch.Orders.SelectMany(o => o.Lines).Select(l => l.Sku).Distinct(StringComparer.Ordinal))
                {
                    if (Sku.TryFrom(sku, out var s) && await catalog.GetProductAsync(owner, s, ct).ConfigureAwait(false) is null)
                    {
                        await catalog.UpsertProductAsync(new Product { Owner = owner, Sku = s, Title = sku }, ct).ConfigureAwait(false);
                    }
                }
            }
            foreach (var order in batch.Orders)
            {
                var result = await importer.ImportAsync(order, ct).ConfigureAwait(false);
                var outcome = result.Outcome switch
                {
                    IntakeOutcome.Created => "created",
                    IntakeOutcome.Updated => "updated",
                    IntakeOutcome.Unchanged => "duplicate",
                    _ => "ignored",
                };
                switch (result.Outcome)
                {
                    case IntakeOutcome.Created: created++; break;
                    case IntakeOutcome.Updated: updated++; break;
                    case IntakeOutcome.Unchanged: duplicates++; break;
                    default: ignored++; break;
                }
                if (result.Exceptions.Count > 0 && result.Outcome is not (IntakeOutcome.IgnoredOlder or IntakeOutcome.IgnoredClosed)) exceptions++;
                if (result.Acknowledgement?.Outcome == WalmartEnqueueOutcome.Enqueued) acks++;
                var ackBy = order.AcknowledgeBy is { } by ? "ack-by " + InstantPattern.General.Format(by) : order.IsWalmartFulfilled ? "WFS: no ack" : "ack-by -";
                var what = result.Outcome switch
                {
                    IntakeOutcome.IgnoredOlder => "older than the stored version: ignored",
                    IntakeOutcome.IgnoredClosed => "closed in OrderCore: ignored",
                    _ when result.Status == OrderStatus.Cancelled => "cancelled",
                    _ when result.Exceptions.Count > 0 => "exception " + string.Join("; ", result.Exceptions.Select(e => $"{e.Reason} {e.Field}")),
                    _ => result.Acknowledgement?.Outcome switch
                    {
                        WalmartEnqueueOutcome.Enqueued => "accepted, acknowledgement queued",
                        WalmartEnqueueOutcome.Duplicate => "accepted, acknowledgement already queued",
                        _ => "accepted",
                    },
                };
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {outcome,-10} {order.PurchaseOrderId,-15} {order.State,-16} {order.ShipNodeType.ToApi(),-15} lines {order.Lines.Count,-3} {ackBy,-31} {what}")).ConfigureAwait(false);
            }
        }
        await stdout.WriteLineAsync($"imported {created + updated} (created {created}, updated {updated}), duplicates {duplicates}, ignored {ignored}, exception queue {exceptions}, rejected {rejected}, acknowledgements queued {acks}").ConfigureAwait(false);
        var risks = sla.GetBreachRisks();
        await stdout.WriteLineAsync($"SLA at risk or overdue: {risks.Count}").ConfigureAwait(false);
        foreach (var r in risks)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {r.Level,-8} {r.Kind,-15} {r.PurchaseOrderId,-15} due {InstantPattern.General.Format(r.Deadline)} ({FormatRemaining(r.Remaining)})")).ConfigureAwait(false);
        }
        return 0;
    }

    private static string FormatRemaining(Duration d)
        => d < Duration.Zero ? $"{Math.Floor(-d.TotalHours):0} h overdue" : $"{Math.Floor(d.TotalMinutes):0} min left";

    private static List<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.GetFiles(p, "*.json").Order(StringComparer.Ordinal));
            else if (File.Exists(p)) files.Add(p);
            else throw new FileNotFoundException($"{p}: no such file or folder", p);
        }
        return files;
    }

    private sealed record Arguments(IReadOnlyList<string> Paths, string Store, string Owner, string Account, IReadOnlyList<(string Node, string Location)> ShipNodes, WalmartShipNodeType ShipNodeType, bool RegisterSkus, Instant? Now)
    {
        public static Arguments Parse(string[] args)
        {
            var i = 0;
            if (i < args.Length && args[i] == "walmart") i++;
            if (i >= args.Length || args[i] != "import") throw new ArgumentException(i >= args.Length ? "missing sub-command 'import'" : $"unknown sub-command '{args[i]}'");
            i++;
            var paths = new List<string>();
            var nodes = new List<(string, string)>();
            string store = "memory", owner = "default", account = "walmart-us";
            var type = WalmartShipNodeType.SellerFulfilled;
            var register = false;
            Instant? now = null;
            string Value(string name) => ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value");
            for (; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--store":
                        store = Value("--store");
                        if (store != "memory") throw new ArgumentException($"--store '{store}' is not supported (only 'memory' for now)");
                        break;
                    case "--owner": owner = Value("--owner"); break;
                    case "--account": account = Value("--account"); break;
                    case "--ship-node":
                        var pair = Value("--ship-node").Split('=', 2);
                        if (pair.Length != 2 || pair[0].Trim().Length == 0 || pair[1].Trim().Length == 0) throw new ArgumentException("--ship-node takes NODE=LOCATION");
                        nodes.Add((pair[0].Trim(), pair[1].Trim()));
                        break;
                    case "--ship-node-type":
                        var t = Value("--ship-node-type");
                        if (!WalmartApiNames.TryParseShipNodeType(t, out type)) throw new ArgumentException($"--ship-node-type '{t}' is not SellerFulfilled, WFSFulfilled or 3PLFulfilled");
                        break;
                    case "--register-skus": register = true; break;
                    case "--now":
                        var text = Value("--now");
                        var parse = InstantPattern.ExtendedIso.Parse(text);
                        if (!parse.Success) throw new ArgumentException($"--now '{text}' is not an ISO instant such as 2019-09-14T15:00:00Z");
                        now = parse.Value;
                        break;
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option '{args[i]}'");
                        paths.Add(args[i]);
                        break;
                }
            }
            if (paths.Count == 0) throw new ArgumentException("name at least one FILE or DIR");
            return new Arguments(paths, store, owner, account, nodes, type, register, now);
        }
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
#endif
