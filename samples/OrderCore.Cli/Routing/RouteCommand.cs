using System.CommandLine;
using OrderCore.Cli.Input;

namespace OrderCore.Cli.Routing;

/// <summary>The <c>route</c> command and its <c>simulate</c> subcommand.</summary>
internal static class RouteCommand
{
    public static Command Build(TextWriter stdout)
    {
        var rules = new Option<string>("--rules") { HelpName = "FILE", Description = "Routing rule set (JSON, docs/routing.md).", Required = true };
        var inventory = new Option<string>("--inventory") { HelpName = "FILE", Description = "Inventory balances (CSV: location, sku, status, on_hand[, owner, lot, reserved]).", Required = true };
        var orders = new Option<string>("--orders") { HelpName = "FILE", Description = "Orders to route (JSON, ordercore.route-orders).", Required = true };
        var explain = new Option<bool>("--explain") { Description = "Print each order's decision trace after the table." };
        var json = new Option<string?>("--json") { HelpName = "OUT", Description = "Also write one decision per order, with its trace, as JSON to OUT." };
        var simulate = new Command("simulate", "Route orders against an inventory file with a rule set, without changing the inventory, and print the decisions.")
        {
            rules, inventory, orders, explain, json,
        };
        simulate.SetAction(async (parse, ct) =>
        {
            var rulesPath = parse.GetValue(rules)!;
            var results = RouteSimulator.Run(rulesPath, parse.GetValue(inventory)!, parse.GetValue(orders)!);
            RouteSimulator.Render(stdout, results, parse.GetValue(explain));
            if (parse.GetValue(json) is { } path)
            {
                try
                {
                    var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
                    await using (stream.ConfigureAwait(false))
                    {
                        RouteSimulator.WriteJson(stream, Path.GetFileName(rulesPath), results);
                        await stream.FlushAsync(ct).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new DataFileException(path, null, $"{path}: cannot write the decisions ({ex.Message})", ex);
                }
                await stdout.WriteLineAsync($"Decisions written to {path}").ConfigureAwait(false);
            }
            return Program.ExitOk;
        });
        return new Command("route", "Routing tools.") { simulate };
    }
}
