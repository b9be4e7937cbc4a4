using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Cli.Shopify;

namespace OrderCore.Adapters.Shopify.Tests.Cli;

/// <summary><c>ordercore shopify import</c> (compiled here with ORDERCORE_SHOPIFY until the CLI wires it).</summary>
public sealed class ShopifyImportCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await ShopifyImportCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [SharedDataFact]
    public async Task ExamplesFolder_ImportsOrdersAndRefunds_ReportingDuplicatesExceptionsAndRejections()
    {
        var (code, output, err) = await RunAsync(SharedData.ExamplesDirectory, "--store", "memory", "--shop", "test-shop.myshopify.io");

        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("order__test_1.json: order 450789469: imported (created)", output, StringComparison.Ordinal);
        Assert.Contains("order__test_11.json: order 450789469: imported (updated)", output, StringComparison.Ordinal);
        Assert.Contains("order__test_2.json: order 450789469: ignored (older version)", output, StringComparison.Ordinal); // files run in ordinal order
        Assert.Contains("order__test_28.json: order 450789469: ignored (order closed, not revived)", output, StringComparison.Ordinal); // after test_13 cancelled it
        Assert.Contains("order__test_3.json: order 450789469: rejected ($.line_items:", output, StringComparison.Ordinal);
        Assert.Contains("exception queue: UnmappedSku at lines[1].sku", output, StringComparison.Ordinal);
        Assert.Contains("ignored (order closed, not revived)", output, StringComparison.Ordinal);
        Assert.Contains("skipped refund__test_5.json: a refund calculation, not a refund", output, StringComparison.Ordinal);
        Assert.Contains("refund__test_1.json: refund 509562969: duplicate", output, StringComparison.Ordinal); // recorded with order 1001
        Assert.Contains("refund__test_2.json: refund 929361472: refund applied", output, StringComparison.Ordinal);
        Assert.Contains("Summary: 11 created, 3 updated, 2 duplicate, 14 ignored, 2 refund(s) applied, 2 rejected, 23 exception-queue entries, 44 skipped", output, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task SingleFile_Imports()
    {
        var (code, output, _) = await RunAsync(SharedData.Example("order__test_20.json"));
        Assert.Equal(0, code);
        Assert.Contains("order 1073459966: imported (created)", output, StringComparison.Ordinal);
        Assert.Contains("exception queue: MissingAddress at ship_to", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "FILE or DIR is required")]
    [InlineData(new[] { "x.json", "--store", "sqlite" }, "--store 'sqlite' is not supported")]
    [InlineData(new[] { "x.json", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "a.json", "b.json" }, "one FILE or DIR only")]
    public async Task BadArguments_AreUsageErrors(string[] args, string message)
    {
        var (code, _, err) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Contains(ShopifyImportCommand.Usage, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPathOrNotJson_IsADataError_OnOneLine()
    {
        var (code, _, err) = await RunAsync("/nonexistent/orders.json");
        Assert.Equal(1, code);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: /nonexistent/orders.json: no such file or folder", err, StringComparison.Ordinal);

        var bad = Path.Combine(Path.GetTempPath(), $"shopify-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, "{\"id\": 1,");
        try
        {
            var (code2, _, err2) = await RunAsync(bad);
            Assert.Equal(1, code2);
            Assert.Contains("not JSON", err2, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", err2, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
