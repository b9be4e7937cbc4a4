using System.Text.Json;
using OrderCore.Cli.Fba;
using OrderCore.FbaPrep.Tests.Support;

namespace OrderCore.FbaPrep.Tests.Cli;

public sealed class FbaPlanCommandTests
{
    [Fact]
    public void TryParse_ReadsEveryOption()
    {
        Assert.True(FbaPlanCommand.TryParse(["fba", "plan", "--data", "d", "--from", "2022-04-27", "--to=2022-04-29", "--top", "5", "--days-of-cover", "14", "--json", "o.json", "--marketplace", "in"], out var a, out var error), error);
        Assert.Equal("d", a.DataDirectory);
        Assert.Equal(new NodaTime.LocalDate(2022, 4, 29), a.To);
        Assert.Equal(5, a.Top);
        Assert.Equal(14, a.DaysOfCover);
        Assert.Equal("o.json", a.JsonPath);
        Assert.False(a.IsProfilesMode);
        Assert.True(FbaPlanCommand.TryParse(["--profiles", "p.json", "--quantities", "q.json"], out var b, out _));
        Assert.True(b.IsProfilesMode);
        Assert.Equal(FbaPlanArguments.DefaultTop, FbaPlanCommand.TryParse(["--data", "x"], out var c, out _) ? c.Top : -1);
    }

    [Theory]
    [InlineData(new string[0], "give --data DIR, or --profiles FILE --quantities FILE")]
    [InlineData(new[] { "--data" }, "--data needs a value")]
    [InlineData(new[] { "--data", "d", "--top", "0" }, "--top '0' must be a whole number from 1 to 2000")]
    [InlineData(new[] { "--data", "d", "--from", "2022-04-30", "--to", "2022-04-27" }, "--from 2022-04-30 is after --to 2022-04-27")]
    [InlineData(new[] { "--data", "d", "--from", "04-27-22" }, "--from '04-27-22' is not a date in YYYY-MM-DD form")]
    [InlineData(new[] { "--profiles", "p.json" }, "--profiles and --quantities go together")]
    [InlineData(new[] { "--data", "d", "--profiles", "p", "--quantities", "q" }, "give either --data (the replay seller) or --profiles with --quantities, not both")]
    [InlineData(new[] { "--data", "d", "--bogus", "1" }, "unknown option --bogus")]
    [InlineData(new[] { "--data", "d", "--marketplace", "XX" }, "--marketplace 'XX' is not one of US, IN, UK, GB, DE, AU")]
    public void TryParse_RefusesBadArguments(string[] args, string expected)
    {
        Assert.False(FbaPlanCommand.TryParse(args, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task UsageError_ExitsWith2()
    {
        var err = new StringWriter();
        Assert.Equal(2, await FbaPlanCommand.RunAsync(["--top", "3"], TextWriter.Null, err, CancellationToken.None));
        Assert.StartsWith("error: ", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDataFolder_ExitsWith1_OnOneLine()
    {
        var err = new StringWriter();
        Assert.Equal(1, await FbaPlanCommand.RunAsync(["--data", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid())], TextWriter.Null, err, CancellationToken.None));
        Assert.Single(err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [SharedDataFact]
    public async Task ReplaySeller_PlansAmazonInReplenishment_WithValidBodies()
    {
        var json = Path.Combine(Path.GetTempPath(), $"fba-plan-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        var err = new StringWriter();
        try
        {
            var code = await FbaPlanCommand.RunAsync(["fba", "plan", "--data", SharedData.AmazonInDirectory, "--top", "10", "--days-of-cover", "30", "--json", json], output, err, CancellationToken.None);
            Assert.True(code == 0, err.ToString());
            var text = output.ToString();
            Assert.Contains("FBA replenishment plan for Amazon.in (marketplace A21TJRUUN4KGV)", text, StringComparison.Ordinal);
            Assert.Contains("Demand window 2022-04-27 to 2022-04-29", text, StringComparison.Ordinal);
            Assert.Contains("70 x 70 x 45 cm", text, StringComparison.Ordinal);
            Assert.Contains("ERROR LABEL-FNSKU-MISSING", text, StringComparison.Ordinal);
            Assert.Contains("createInboundPlan", text, StringComparison.Ordinal);
            Assert.Contains("per-category defaults", text, StringComparison.Ordinal);

            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = doc.RootElement;
            var validator = ModelSchemaValidator.LoadInboundModel();
            Assert.Empty(validator.Validate(root.GetProperty("createInboundPlan").GetRawText(), "CreateInboundPlanRequest"));
            Assert.Empty(validator.Validate(root.GetProperty("setPackingInformation").GetRawText(), "SetPackingInformationRequest"));
            Assert.Empty(root.GetProperty("bodyErrors").EnumerateArray());

            var rows = root.GetProperty("replenishment").EnumerateArray().ToArray();
            Assert.Equal(10, rows.Length);
            Assert.Equal("JNE3373-KR-XXL", rows[0].GetProperty("sku").GetString()); // 28 FBA units over the 3 days, the top SKU
            Assert.Equal(28, rows[0].GetProperty("demandUnits").GetInt32());
            Assert.Equal(280, rows[0].GetProperty("target").GetInt32()); // ceil(28 / 3 x 30)
            Assert.Equal(59, rows[0].GetProperty("taken").GetInt32()); // never more than the 59 in stock
            Assert.All(rows, r => Assert.True(r.GetProperty("taken").GetInt32() <= r.GetProperty("stock").GetInt32()));

            var takenTotal = rows.Sum(r => r.GetProperty("taken").GetInt32());
            Assert.Equal(takenTotal, root.GetProperty("cartons").GetProperty("units").GetInt32());
            Assert.Equal(takenTotal, root.GetProperty("createInboundPlan").GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("quantity").GetInt32()));
            Assert.All(root.GetProperty("cartons").GetProperty("items").EnumerateArray(), c => Assert.EndsWith(" kg", c.GetProperty("weight").GetString(), StringComparison.Ordinal));
            Assert.Contains(root.GetProperty("compliance").GetProperty("violations").EnumerateArray(), v => v.GetProperty("ruleId").GetString() == FbaRuleIds.FnskuMissing);
            Assert.DoesNotContain(root.GetProperty("compliance").GetProperty("violations").EnumerateArray(), v => v.GetProperty("ruleId").GetString()!.StartsWith("CARTON", StringComparison.Ordinal));
            Assert.Equal("Open", root.GetProperty("workOrder").GetProperty("status").GetString());
            Assert.Contains(root.GetProperty("workOrder").GetProperty("tasks").EnumerateArray(), t => t.GetProperty("kind").GetString() == "SetLabel");
            Assert.Contains(root.GetProperty("workOrder").GetProperty("tasks").EnumerateArray(), t => t.GetProperty("kind").GetString() == "ApplyMrpLabel");
            Assert.All(root.GetProperty("ledger").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "MoveStatus"),
                e => Assert.Equal(root.GetProperty("workOrderId").GetString(), e.GetProperty("reference").GetString()));
        }
        finally
        {
            File.Delete(json);
        }
    }

    [SharedDataFact]
    public async Task ProfilesMode_RunsOnAUsersOwnJson()
    {
        var dir = Directory.CreateTempSubdirectory("fba-profiles-");
        try
        {
            var profiles = Path.Combine(dir.FullName, "profiles.json");
            var quantities = Path.Combine(dir.FullName, "quantities.json");
            await File.WriteAllTextAsync(profiles, """
            {
              "marketplace": "US",
              "owner": "acme",
              "shipDate": "2026-05-01",
              "shipFrom": { "name": "Acme Prep", "addressLine1": "100 Congress Ave", "city": "Austin", "stateOrProvinceCode": "TX", "postalCode": "78701", "countryCode": "US", "phoneNumber": "5125550100" },
              "profiles": [
                { "sku": "TEE-RED-M", "fnsku": "X00TEE0001", "categories": ["TEXTILE"], "prepTypes": ["ITEM_POLYBAGGING", "ITEM_LABELING"],
                  "dimensions": { "length": 12, "width": 10, "height": 1, "unit": "IN" }, "weight": { "value": 8, "unit": "OZ" },
                  "polybag": { "opening": 8, "depth": 6, "unit": "IN", "thicknessMil": 1.5, "suffocationWarning": false } },
                { "sku": "VITAMIN-D", "fnsku": "X00VITD001", "categories": ["NONE"], "prepTypes": ["ITEM_LABELING"], "expirationDated": true, "consumable": true,
                  "casePackQuantity": 24, "dimensions": { "length": 3, "width": 2, "height": 2, "unit": "IN" }, "weight": { "value": 0.3, "unit": "LB" } },
                { "sku": "GLASS-VASE", "categories": ["FRAGILE"], "prepTypes": ["ITEM_BUBBLEWRAP", "ITEM_LABELING"], "prepOwner": "AMAZON",
                  "dimensions": { "length": 10, "width": 6, "height": 6, "unit": "IN" }, "weight": { "value": 2, "unit": "LB" } }
              ]
            }
            """);
            await File.WriteAllTextAsync(quantities, """
            { "lines": [
              { "sku": "TEE-RED-M", "quantity": 40 },
              { "sku": "VITAMIN-D", "quantity": 48, "lot": "VD-2027-01", "expiration": "2027-01-31" },
              { "sku": "VITAMIN-D", "quantity": 10, "lot": "VD-2026-06", "expiration": "2026-06-15" },
              { "sku": "GLASS-VASE", "quantity": 6 }
            ] }
            """);
            var json = Path.Combine(dir.FullName, "out", "plan.json");
            var output = new StringWriter();
            var err = new StringWriter();
            Assert.Equal(0, await FbaPlanCommand.RunAsync(["--profiles", profiles, "--quantities", quantities, "--json", json], output, err, CancellationToken.None));
            var text = output.ToString();
            Assert.Contains("ERROR POLYBAG-SUFFOCATION-WARNING TEE-RED-M: opening 8 in, no warning", text, StringComparison.Ordinal);
            Assert.Contains("ERROR PREP-OWNER-AMAZON GLASS-VASE", text, StringComparison.Ordinal);
            Assert.Contains("ERROR LABEL-FNSKU-MISSING GLASS-VASE", text, StringComparison.Ordinal);
            // The short-dated vitamin lot (45 days at receipt) is left in the warehouse, not taken.
            Assert.Contains("shortfall VITAMIN-D: 48 of 58 taken", text, StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var validator = ModelSchemaValidator.LoadInboundModel();
            Assert.Empty(validator.Validate(doc.RootElement.GetProperty("createInboundPlan").GetRawText(), "CreateInboundPlanRequest"));
            Assert.Empty(validator.Validate(doc.RootElement.GetProperty("setPackingInformation").GetRawText(), "SetPackingInformationRequest"));
            var vitamin = doc.RootElement.GetProperty("createInboundPlan").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("msku").GetString() == "VITAMIN-D");
            Assert.Equal("2027-01-31", vitamin.GetProperty("expiration").GetString());
            Assert.Equal("VD-2027-01", vitamin.GetProperty("manufacturingLotCode").GetString());
            Assert.Equal(2, doc.RootElement.GetProperty("cartons").GetProperty("items").EnumerateArray().Count(c => c.GetProperty("casePack").GetBoolean()));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ProfilesMode_BadJson_ExitsWith1_NamingTheField()
    {
        var dir = Directory.CreateTempSubdirectory("fba-profiles-");
        try
        {
            var profiles = Path.Combine(dir.FullName, "p.json");
            var quantities = Path.Combine(dir.FullName, "q.json");
            await File.WriteAllTextAsync(profiles, """{ "shipDate": "2026-05-01", "profiles": [ { "sku": "A", "categories": ["CLOTHES"], "dimensions": { "length": 1, "width": 1, "height": 1, "unit": "MM" } } ] }""");
            await File.WriteAllTextAsync(quantities, """{ "lines": [ { "sku": "B", "quantity": 1 } ] }""");
            var err = new StringWriter();
            Assert.Equal(1, await FbaPlanCommand.RunAsync(["--profiles", profiles, "--quantities", quantities], TextWriter.Null, err, CancellationToken.None));
            var message = err.ToString();
            Assert.Contains("category 'CLOTHES' is not one of", message, StringComparison.Ordinal);
            Assert.Contains("unit 'MM' is not IN or CM", message, StringComparison.Ordinal);
            Assert.Contains("sku 'B' has no profile", message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
