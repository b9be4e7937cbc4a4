using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): <see cref="OrderIntake.IdFor"/> joined owner, channel, account and external id with
/// <c>:</c>, which identifiers may contain, so two different orders (<c>amazon:in</c>/<c>acct</c> and
/// <c>amazon</c>/<c>in:acct</c>) got the same order id and the second import threw
/// <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class Issue_2_OrderIdsOfDifferentKeysNeverCollide
{
    [Fact]
    public void IdFor_SeparatorInsideParts_GivesDistinctIds()
    {
        var a = ChannelOrderBuilder.Merchant("x").OnChannel("amazon:in", "acct").Build();
        var b = ChannelOrderBuilder.Merchant("x").OnChannel("amazon", "in:acct").Build();

        Assert.Equal("acme:amazon%3Ain:acct:x", OrderIntake.IdFor(a).Value);
        Assert.Equal("acme:amazon:in%3Aacct:x", OrderIntake.IdFor(b).Value);
    }

    [Fact]
    public void IdFor_PartsWithoutSeparator_KeepTheReadableForm()
    {
        var id = OrderIntake.IdFor(ChannelOrderBuilder.Merchant(" 408-3526661-0965957 ").Build());

        Assert.Equal("acme:shopify:acme-store:408-3526661-0965957", id.Value);
    }

    [Fact]
    public async Task ImportAsync_TwoOrdersWhoseKeysOnlyDifferByWhereTheColonIs_CreatesBoth()
    {
        await using var h = OrderCoreHarness.Create();

        var a = await h.ImportAsync(ChannelOrderBuilder.Merchant("x").OnChannel("amazon:in", "acct").WithLine("SKU-1", 1).Build());
        var b = await h.ImportAsync(ChannelOrderBuilder.Merchant("x").OnChannel("amazon", "in:acct").WithLine("SKU-1", 1).Build());

        Assert.Equal(IntakeOutcome.Created, a.Outcome);
        Assert.Equal(IntakeOutcome.Created, b.Outcome);
        Assert.Equal(2, (await h.Orders.ListAsync().ToListAsync()).Count);
    }
}
