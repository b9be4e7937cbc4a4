using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Testing;

public sealed class ChannelOrderBuilderTests
{
    [Fact]
    public void Build_Defaults_AreAShippableMerchantOrderOfTheDefaultOwner()
    {
        var order = new ChannelOrderBuilder().WithLine("SKU-1", 2, 9.99m).Build();

        Assert.Equal((TestIds.Owner, TestIds.Channel, TestIds.Account, "1001", 1L), (order.Owner, order.Channel, order.Account, order.ExternalOrderId, order.Version));
        Assert.Equal(FulfilmentChannel.Merchant, order.FulfilmentChannel);
        Assert.Equal(TestIds.Start, order.PlacedAt);
        Assert.Empty(order.ShipTo!.MissingShippingFields());
        var line = Assert.Single(order.Lines);
        Assert.Equal(("L1", "SKU-1", 2, new Money(9.99m, CurrencyCode.Usd)), (line.ExternalLineId, line.ExternalSku, line.Quantity, line.UnitPrice!.Value));
        Assert.False(order.IsCancelled);
    }

    [Fact]
    public void Marketplace_Build_HasNoAddressAndMarketplaceFulfilment()
    {
        var order = ChannelOrderBuilder.Marketplace("402-1").WithLine("SKU-1", 1).Build();

        Assert.Equal((FulfilmentChannel.Marketplace, "402-1"), (order.FulfilmentChannel, order.ExternalOrderId));
        Assert.Null(order.ShipTo);
    }

    [Fact]
    public void Clone_ThenChange_LeavesTheOriginalUntouched()
    {
        var v1 = ChannelOrderBuilder.Merchant().WithLine("SKU-1", 1).WithLine("SKU-2", 1);

        var v2 = v1.Clone().WithVersion(2).CancelLine(1).Cancelled();

        Assert.Equal([false, false], v1.Build().Lines.Select(l => l.IsCancelled));
        Assert.False(v1.Build().IsCancelled);
        Assert.Equal([false, true], v2.Build().Lines.Select(l => l.IsCancelled));
        Assert.Equal((2L, true), (v2.Build().Version, v2.Build().IsCancelled));
    }

    [Fact]
    public void Fluent_Setters_AllReachThePayload()
    {
        var shipBy = TestIds.Start.Plus(NodaTime.Duration.FromDays(2));
        var order = ChannelOrderBuilder.Merchant("X")
            .ForOwner(TestIds.OtherOwner).OnChannel("amazon", "IN-1").PlacedAt(TestIds.Start).WithServiceLevel(ServiceLevel.NextDay)
            .ShipTo("Mumbai", "MH", "400081.0", "IN").WithShipBy(shipBy).WithChannelStatus("Unshipped").WithTags("vip", "gift")
            .WithCurrency(CurrencyCode.Inr).WithLine("A", 1, 725m).WithAlternateKeyLine("JNE3798", "XL", 2)
            .Build();

        Assert.Equal((TestIds.OtherOwner, "amazon", "IN-1"), (order.Owner, order.Channel.Value, order.Account.Value));
        Assert.Equal((ServiceLevel.NextDay, (NodaTime.Instant?)shipBy, "Unshipped"), (order.ServiceLevel, order.ShipBy, order.ChannelStatus));
        Assert.Equal("400081", order.ShipTo!.PostalCode);
        Assert.Equal(["vip", "gift"], order.Tags);
        Assert.Equal(CurrencyCode.Inr, order.Lines[0].UnitPrice!.Value.Currency);
        Assert.Equal(("JNE3798", "XL", (string?)null), (order.Lines[1].Style, order.Lines[1].Size, order.Lines[1].ExternalSku));
    }

    [Fact]
    public void WithExternalId_Blank_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChannelOrderBuilder.Merchant(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelOrderBuilder.Merchant().CancelLine(0));
    }
}
