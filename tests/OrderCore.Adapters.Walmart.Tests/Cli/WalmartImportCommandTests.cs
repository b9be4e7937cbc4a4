using OrderCore.Adapters.Walmart.Tests.Support;
using OrderCore.Cli.Walmart;

namespace OrderCore.Adapters.Walmart.Tests.Cli;

/// <summary><c>ordercore walmart import FILE|DIR</c>, compiled from samples/OrderCore.Cli/Walmart with ORDERCORE_WALMART.</summary>
public sealed class WalmartImportCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await WalmartImportCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [WalmartDataFact]
    public async Task Import_FolderAndFile_PrintsCreatedUpdatedDuplicatesExceptionsAndRejections()
    {
        var folder = Path.Combine(SharedData.Walmart, "examples", "orders");
        var page = Path.Combine(folder, "getAllOrders__response200__example.json");

        var (code, output, err) = await RunAsync("import", page, folder, SharedData.CapturedOrder, "--owner", "acme", "--now", "2019-09-14T16:30:00Z");

        Assert.True(code == 0, output + err);
        Assert.Equal("", err);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("walmart import: 13 file(s), store memory, owner acme, account walmart-us, as of 2019-09-14T16:30:00Z", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("created    1796277083022", StringComparison.Ordinal) && l.Contains("ack-by 2019-09-14T17:09:31Z", StringComparison.Ordinal) && l.Contains("exception UnmappedSku lines[0].sku", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("created    3796235970012   Cancelled", StringComparison.Ordinal) && l.EndsWith("cancelled", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("updated    1796277083022   Acknowledged", StringComparison.Ordinal)); // the acknowledge response is newer
        Assert.Contains(lines, l => l.StartsWith("ignored    1796277083022", StringComparison.Ordinal) && l.EndsWith("older than the stored version: ignored", StringComparison.Ordinal)); // the page again, from the folder
        Assert.Contains(lines, l => l.StartsWith("duplicate  2792338900105", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("rejected   $: neither an order list", StringComparison.Ordinal)); // the request bodies in the folder
        Assert.Contains(lines, l => l.StartsWith("created    1577684050862", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("imported ", StringComparison.Ordinal) && l.Contains("rejected 3", StringComparison.Ordinal));
    }

    [WalmartDataFact]
    public async Task Import_PrintsTheOrdersAtRiskOfMissingTheAcknowledgementDeadline()
    {
        var page = Path.Combine(SharedData.Walmart, "examples", "orders", "getAllOrders__response200__example.json");

        var (code, output, _) = await RunAsync("import", page, "--now", "2019-09-14T16:30:00Z");

        Assert.Equal(0, code);
        Assert.Contains("SLA at risk or overdue: 1", output);
        Assert.Contains("AtRisk   Acknowledgement 1796277083022   due 2019-09-14T17:09:31Z (39 min left)", output);
    }

    [WalmartDataFact]
    public async Task Import_WithRegisteredSkus_AcceptsAndQueuesTheAcknowledgement()
    {
        var page = Path.Combine(SharedData.Walmart, "examples", "orders", "getAllReleasedOrders__response200__example.json");

        var (code, output, _) = await RunAsync("walmart", "import", page, "--register-skus", "--ship-node", "10001=WH-1", "--now", "2019-10-24T09:00:00Z");

        Assert.Equal(0, code);
        Assert.Contains("created    4792982839409   Created          SellerFulfilled lines 1   ack-by 2019-10-24T11:52:30Z     accepted, acknowledgement queued", output);
        Assert.Contains("acknowledgements queued 10", output);
    }

    [WalmartDataFact]
    public async Task Import_AsWfs_NeverQueuesAnAcknowledgement()
    {
        var page = Path.Combine(SharedData.Walmart, "examples", "orders", "getAllReleasedOrders__response200__example.json");

        var (code, output, _) = await RunAsync("import", page, "--register-skus", "--ship-node-type", "WFSFulfilled", "--now", "2019-10-24T09:00:00Z");

        Assert.Equal(0, code);
        Assert.Contains("WFS: no ack", output);
        Assert.Contains("acknowledgements queued 0", output);
        Assert.Contains("SLA at risk or overdue: 0", output);
    }

    [Theory]
    [InlineData(2, "import")]
    [InlineData(2, "export", "x.json")]
    [InlineData(2, "import", "x.json", "--store", "postgres")]
    [InlineData(2, "import", "x.json", "--ship-node", "10001")]
    [InlineData(2, "import", "x.json", "--now", "yesterday")]
    [InlineData(1, "import", "/no/such/walmart/file.json")]
    public async Task BadArgumentsOrMissingFiles_ExitWithOneLineError(int expected, params string[] args)
    {
        var (code, output, err) = await RunAsync(args);

        Assert.Equal(expected, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", err);
    }
}
