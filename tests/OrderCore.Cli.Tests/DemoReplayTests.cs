using System.Text.Json.Nodes;

namespace OrderCore.Cli.Tests;

/// <summary>
/// The replay over the bundled demo data (samples/OrderCore.Cli/demo). Every expected figure was computed by hand from
/// the demo files; the comments give the arithmetic.
/// </summary>
public sealed class DemoReplayTests
{
    // Stock: 17 data rows (rows 2–18). Rejected 5: #REF! (row 12), 1.5 (row 14), -1.0 (row 15), two blank rows (17, 18).
    // PL400-BLK-M is on rows 11 and 13 (3 + 2): one duplicate SKU. 11 SKUs, 5+4+3+2+2+1+4+6+0+5+10 = 42 units.
    //
    // Orders: 25 Amazon (32 rows, 2 rejected: Qty 1.5 on row 21, date 04-31-22 on row 29) + 5 wholesale
    // (04-27 CUSTOMER-0002, 04-28 CUSTOMER-0003, 04-29 CUSTOMER-0004, -0005, -0002) = 30.
    // Merchant 15 Amazon + 5 wholesale = 20; marketplace 10.
    // Cancelled: 171-…03, 403-…04 (merchant), 402-…04, 403-…09 (marketplace) = 4.
    // Shipped: merchant 171-…01, …04, 402-…01, …02, …03, 403-…01, …08 (7); marketplace 171-…02, …05, …07, …08, 402-…05,
    // …08, 403-…02, …07 (8); wholesale 04-27/0002, 04-28/0003, 04-29/0002 (3) = 18.
    // Lines: 9 (04-27) + 9 (04-28) + 12 (04-29) Amazon + 8 wholesale = 38. Cancelled: 4 lines of cancelled orders + 2
    // line-level cancellations (402-…01 line 2, 403-…07 line 2) = 6.
    // Open exceptions (orders): UnmappedSku 171-…05 (FBA), 403-…03, wholesale XX900 M = 3; AmbiguousSku wholesale DR200 M = 1;
    // MissingAddress 402-…06 (no postal code) = 1; InsufficientInventory 171-…06 (DR200-RED-L 2 > 1), 403-…05 (0 stock),
    // 403-…06 (PL400-BLK-M 2 + 3 = 5 > 4 left, although each line alone fits) = 3.
    // Units shipped merchant: 1 + 2 + 2 (wholesale 04-27) + 1 + 1 + 2 + 5 (wholesale 04-28) + 1 + 1 + 1 (wholesale 04-29) = 17.
    // Units shipped marketplace (live lines of FBA orders whose Status starts with Shipped): 1+1+1+1+1+1+2+1 = 9.
    // Returned: 171-…04 (2, Returned to Seller) + 402-…02 (1, Rejected by Buyer) = 3; lost 402-…03 comes back with nothing.
    // Gross INR: Amazon live lines of non-cancelled orders 18,026.50 (171-…07 has a blank amount) + wholesale 5,870.00.
    // End: 42 − 17 shipped = 25 Sellable (1 of them reserved by the Pending order 402-…07) + 3 ReturnPending = 28.
    private const string ExpectedFullWindow = """
    {
      "window": {"from": "2022-04-27", "to": "2022-04-29"},
      "stock": {"rows": 17, "rejected_rows": 5, "duplicate_skus": 1, "skus": 11, "on_hand": 42},
      "orders": {"imported": 30, "by_channel": {"amazon": 25, "wholesale": 5},
                 "by_fulfilment": {"merchant": 20, "marketplace": 10}, "cancelled": 4, "shipped": 18},
      "lines": {"imported": 38, "cancelled": 6},
      "exceptions_open": {"UnmappedSku": 3, "AmbiguousSku": 1, "MissingAddress": 1, "InsufficientInventory": 3},
      "units": {"shipped_merchant": 17, "shipped_marketplace": 9, "returned": 3},
      "gross_sales": {"INR": "23896.50"},
      "inventory_end": {"on_hand": 28, "reserved": 1, "by_status": {"Sellable": 25, "ReturnPending": 3}},
      "ledger": {"replay_matches_balances": true}
    }
    """;

    [Fact]
    public async Task Replay_NoArguments_RunsTheDemoData()
    {
        var result = await CliHarness.RunAsync("replay");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("Replay of demo data, window 2022-04-27 to 2022-04-29", result.Stdout);
        Assert.False(CliHarness.HasAnsi(result.Stdout), "redirected output must be plain text");
    }

    [Fact]
    public async Task Replay_Demo_SummaryJsonHasTheHandComputedFigures()
    {
        var (_, summary) = await CliHarness.ReplayAsync();
        CliHarness.AssertJsonEqual(ExpectedFullWindow, summary, "files");
    }

    [Fact]
    public async Task Replay_Demo_ListsInputFilesWithRowsAndRejections()
    {
        var (_, summary) = await CliHarness.ReplayAsync();
        var expected = JsonNode.Parse("""
        [
          {"name": "demo-stock.csv", "kind": "stock", "rows": 17, "rejected_rows": 5},
          {"name": "demo-amazon-orders.csv", "kind": "amazon", "rows": 32, "rejected_rows": 2},
          {"name": "demo-wholesale.csv", "kind": "wholesale", "rows": 10, "rejected_rows": 2}
        ]
        """);
        Assert.True(JsonNode.DeepEquals(expected, summary["files"]), summary["files"]!.ToJsonString());
    }

    [Fact]
    public async Task Replay_Demo_PrintsRejectedRowsPerFileWithRowNumbers()
    {
        var result = await CliHarness.RunAsync("replay");

        Assert.Contains("Rejected rows of demo-stock.csv: 5", result.Stdout);
        Assert.Contains("Rejected rows of demo-amazon-orders.csv: 2", result.Stdout);
        Assert.Contains("Rejected rows of demo-wholesale.csv: 2", result.Stdout);
        Assert.Matches(@"\| 12 +\| SKU Code \| SKU Code is the spreadsheet error #REF!", result.Stdout);
        Assert.Matches(@"\| 21 +\| Qty +\| quantity '1\.5' is not a whole number of units", result.Stdout);
        Assert.Matches(@"\| 29 +\| Date +\| '04-31-22' is not a date in MM-DD-YY form", result.Stdout);
        Assert.Matches(@"\| 10 +\| DATE +\| '4/29/2022' is not a date in MM-DD-YY form", result.Stdout);
        Assert.Matches(@"\| 12 +\| PCS +\|", result.Stdout);
    }

    // Only 2022-04-28: Amazon 402-…01 to …08 (8) and wholesale 04-28/CUSTOMER-0003 (1).
    // Merchant 402-…01, …02, …03, …06, …07 + wholesale = 6; marketplace …04, …05, …08 = 3. Cancelled …04. Shipped …01, …02,
    // …03, …05, …08 + wholesale = 6. Lines 9 + 2 = 11; cancelled 1 (…04) + 1 (…01 line 2) = 2. Exceptions: MissingAddress …06.
    // Units merchant 1 + 1 + 2 + 5 = 9, marketplace 1 + 1 = 2, returned 1. Gross 649 + 699 + 1100 + 599 + 499 + 599 + 899
    // + 2400 = 7444. End: 42 − 9 = 33 Sellable (1 reserved by …07) + 1 ReturnPending.
    [Fact]
    public async Task Replay_Demo_FromTo_ReplaysOnlyThatWindow()
    {
        var (_, summary) = await CliHarness.ReplayAsync("--from", "2022-04-28", "--to", "2022-04-28");
        CliHarness.AssertJsonEqual("""
        {
          "window": {"from": "2022-04-28", "to": "2022-04-28"},
          "stock": {"rows": 17, "rejected_rows": 5, "duplicate_skus": 1, "skus": 11, "on_hand": 42},
          "orders": {"imported": 9, "by_channel": {"amazon": 8, "wholesale": 1},
                     "by_fulfilment": {"merchant": 6, "marketplace": 3}, "cancelled": 1, "shipped": 6},
          "lines": {"imported": 11, "cancelled": 2},
          "exceptions_open": {"MissingAddress": 1},
          "units": {"shipped_merchant": 9, "shipped_marketplace": 2, "returned": 1},
          "gross_sales": {"INR": "7444.00"},
          "inventory_end": {"on_hand": 34, "reserved": 1, "by_status": {"Sellable": 33, "ReturnPending": 1}},
          "ledger": {"replay_matches_balances": true}
        }
        """, summary, "files");
    }

    [Fact]
    public async Task Replay_Demo_ExplicitFileOptionsGiveTheSameSummary()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "demo");
        var (_, summary) = await CliHarness.ReplayAsync(
            "--stock", Path.Combine(demo, "demo-stock.csv"),
            "--amazon-orders", Path.Combine(demo, "demo-amazon-orders.csv"),
            "--wholesale", Path.Combine(demo, "demo-wholesale.csv"),
            "--store", "memory");
        CliHarness.AssertJsonEqual(ExpectedFullWindow, summary, "files");
    }

    [Fact]
    public async Task Replay_Demo_IsDeterministic()
    {
        var (_, first) = await CliHarness.ReplayAsync();
        var (_, second) = await CliHarness.ReplayAsync();
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }
}
