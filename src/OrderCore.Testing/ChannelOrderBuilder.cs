using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Testing;

/// <summary>
/// Fluent builder of <see cref="ChannelOrder"/> payloads for tests. Every field has a sensible default, so a test names
/// only what it is about:
/// <code>
/// var order = ChannelOrderBuilder.Merchant("1001").WithLine("TEE-RED-M", 2).Build();
/// </code>
/// </summary>
/// <remarks>
/// Defaults: owner <see cref="TestIds.Owner"/>, channel <see cref="TestIds.Channel"/>, account <see cref="TestIds.Account"/>,
/// external id <c>1001</c>, version 1, placed at <see cref="TestIds.Start"/>, merchant-fulfilled, standard service,
/// ship-to <see cref="TestIds.ShipTo"/>, no lines, prices in <see cref="TestIds.Currency"/>. <see cref="Build"/> does not
/// validate: a payload with no lines or a negative quantity can be built on purpose to test rejection.
/// </remarks>
/// <threadsafety>Not thread-safe. Each <see cref="Build"/> returns a new immutable payload; the builder can be reused.</threadsafety>
public sealed class ChannelOrderBuilder
{
    private readonly List<ChannelOrderLine> _lines = new();
    private readonly List<string> _tags = new();
    private OwnerId _owner = TestIds.Owner;
    private ChannelId _channel = TestIds.Channel;
    private ChannelAccountId _account = TestIds.Account;
    private string _externalOrderId = "1001";
    private long _version = 1;
    private Instant _placedAt = TestIds.Start;
    private FulfilmentChannel _fulfilment = FulfilmentChannel.Merchant;
    private ServiceLevel _serviceLevel = ServiceLevel.Standard;
    private Address? _shipTo = TestIds.ShipTo;
    private Instant? _shipBy;
    private string? _channelStatus;
    private bool _cancelled;
    private CurrencyCode _currency = TestIds.Currency;

    /// <summary>A builder with every default (a merchant-fulfilled order with external id <c>1001</c>).</summary>
    public ChannelOrderBuilder() { }

    /// <summary>A merchant-fulfilled order (the merchant ships from its own stock) with the given external id.</summary>
    /// <exception cref="ArgumentException"><paramref name="externalOrderId"/> is blank.</exception>
    public static ChannelOrderBuilder Merchant(string externalOrderId = "1001")
        => new ChannelOrderBuilder().WithExternalId(externalOrderId).MerchantFulfilled();

    /// <summary>A marketplace-fulfilled order (Amazon FBA/AFN, Walmart WFS) with the given external id and no ship-to address.</summary>
    /// <exception cref="ArgumentException"><paramref name="externalOrderId"/> is blank.</exception>
    public static ChannelOrderBuilder Marketplace(string externalOrderId = "1001")
        => new ChannelOrderBuilder().WithExternalId(externalOrderId).MarketplaceFulfilled().WithoutAddress();

    /// <summary>Sets the owner (the merchant whose order it is).</summary>
    public ChannelOrderBuilder ForOwner(OwnerId owner)
    {
        _owner = owner;
        return this;
    }

    /// <summary>Sets the channel and the account on it.</summary>
    public ChannelOrderBuilder OnChannel(ChannelId channel, ChannelAccountId account)
    {
        _channel = channel;
        _account = account;
        return this;
    }

    /// <summary>Sets the channel and the account on it from text.</summary>
    /// <exception cref="ArgumentException">A value is blank or too long.</exception>
    public ChannelOrderBuilder OnChannel(string channel, string account)
        => OnChannel(ChannelId.From(channel), ChannelAccountId.From(account));

    /// <summary>Sets the channel's order id.</summary>
    /// <exception cref="ArgumentException"><paramref name="externalOrderId"/> is null or blank.</exception>
    public ChannelOrderBuilder WithExternalId(string externalOrderId)
    {
        if (string.IsNullOrWhiteSpace(externalOrderId)) throw new ArgumentException("An external order id is required.", nameof(externalOrderId));
        _externalOrderId = externalOrderId;
        return this;
    }

    /// <summary>Sets the payload version (higher is newer).</summary>
    public ChannelOrderBuilder WithVersion(long version)
    {
        _version = version;
        return this;
    }

    /// <summary>Sets when the buyer placed the order.</summary>
    public ChannelOrderBuilder PlacedAt(Instant placedAt)
    {
        _placedAt = placedAt;
        return this;
    }

    /// <summary>Makes the order merchant-fulfilled.</summary>
    public ChannelOrderBuilder MerchantFulfilled()
    {
        _fulfilment = FulfilmentChannel.Merchant;
        return this;
    }

    /// <summary>Makes the order marketplace-fulfilled (the marketplace ships; no local stock is reserved).</summary>
    public ChannelOrderBuilder MarketplaceFulfilled()
    {
        _fulfilment = FulfilmentChannel.Marketplace;
        return this;
    }

    /// <summary>Sets the service level.</summary>
    public ChannelOrderBuilder WithServiceLevel(ServiceLevel serviceLevel)
    {
        _serviceLevel = serviceLevel;
        return this;
    }

    /// <summary>Sets the ship-to address (null for none).</summary>
    public ChannelOrderBuilder ShipTo(Address? address)
    {
        _shipTo = address;
        return this;
    }

    /// <summary>Sets the ship-to address from its parts, normalised by <see cref="Address.Create"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="countryCode"/> is not two letters.</exception>
    public ChannelOrderBuilder ShipTo(string? city, string? region, string? postalCode, string? countryCode)
        => ShipTo(Address.Create(city, region, postalCode, countryCode));

    /// <summary>Removes the ship-to address.</summary>
    public ChannelOrderBuilder WithoutAddress() => ShipTo((Address?)null);

    /// <summary>Sets the ship-by deadline.</summary>
    public ChannelOrderBuilder WithShipBy(Instant? shipBy)
    {
        _shipBy = shipBy;
        return this;
    }

    /// <summary>Sets the channel's own status text (recorded as-is).</summary>
    public ChannelOrderBuilder WithChannelStatus(string? channelStatus)
    {
        _channelStatus = channelStatus;
        return this;
    }

    /// <summary>Marks the whole order as cancelled by the channel (or not).</summary>
    public ChannelOrderBuilder Cancelled(bool cancelled = true)
    {
        _cancelled = cancelled;
        return this;
    }

    /// <summary>Adds tags.</summary>
    public ChannelOrderBuilder WithTags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags.AddRange(tags);
        return this;
    }

    /// <summary>Sets the currency of the unit prices given to later <see cref="WithLine(string, int, decimal?, bool)"/> calls.</summary>
    public ChannelOrderBuilder WithCurrency(CurrencyCode currency)
    {
        _currency = currency;
        return this;
    }

    /// <summary>Adds a line for a channel SKU.</summary>
    /// <param name="externalSku">The channel's SKU (a listing SKU or the merchant SKU itself).</param>
    /// <param name="quantity">Units ordered (not validated: a negative quantity can be built to test rejection).</param>
    /// <param name="unitPrice">Price of one unit in the builder's currency, if any.</param>
    /// <param name="cancelled">True for a line-level cancellation.</param>
    public ChannelOrderBuilder WithLine(string? externalSku, int quantity, decimal? unitPrice = null, bool cancelled = false)
        => WithLine(new ChannelOrderLine
        {
            ExternalLineId = $"L{_lines.Count + 1}",
            ExternalSku = externalSku,
            Quantity = quantity,
            UnitPrice = unitPrice is { } p ? new Money(p, _currency) : null,
            IsCancelled = cancelled,
        });

    /// <summary>Adds a line with no SKU, to be resolved by its alternate key (style, size).</summary>
    public ChannelOrderBuilder WithAlternateKeyLine(string? style, string? size, int quantity, bool cancelled = false)
        => WithLine(new ChannelOrderLine { ExternalLineId = $"L{_lines.Count + 1}", Style = style, Size = size, Quantity = quantity, IsCancelled = cancelled });

    /// <summary>Adds a fully specified line.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    public ChannelOrderBuilder WithLine(ChannelOrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _lines.Add(line);
        return this;
    }

    /// <summary>Marks the line at <paramref name="index"/> (0-based) as cancelled by the channel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No line has that index.</exception>
    public ChannelOrderBuilder CancelLine(int index)
    {
        if (index < 0 || index >= _lines.Count) throw new ArgumentOutOfRangeException(nameof(index), index, "No line has that index.");
        _lines[index] = _lines[index] with { IsCancelled = true };
        return this;
    }

    /// <summary>Removes every line added so far.</summary>
    public ChannelOrderBuilder WithoutLines()
    {
        _lines.Clear();
        return this;
    }

    /// <summary>A copy of this builder, to derive a variant (e.g. a newer version) without changing this one.</summary>
    public ChannelOrderBuilder Clone()
    {
        var clone = new ChannelOrderBuilder
        {
            _owner = _owner,
            _channel = _channel,
            _account = _account,
            _externalOrderId = _externalOrderId,
            _version = _version,
            _placedAt = _placedAt,
            _fulfilment = _fulfilment,
            _serviceLevel = _serviceLevel,
            _shipTo = _shipTo,
            _shipBy = _shipBy,
            _channelStatus = _channelStatus,
            _cancelled = _cancelled,
            _currency = _currency,
        };
        clone._lines.AddRange(_lines);
        clone._tags.AddRange(_tags);
        return clone;
    }

    /// <summary>Builds the payload. The builder keeps its state and can build again.</summary>
    public ChannelOrder Build() => new()
    {
        Owner = _owner,
        Channel = _channel,
        Account = _account,
        ExternalOrderId = _externalOrderId,
        Version = _version,
        PlacedAt = _placedAt,
        FulfilmentChannel = _fulfilment,
        ServiceLevel = _serviceLevel,
        ShipTo = _shipTo,
        ShipBy = _shipBy,
        ChannelStatus = _channelStatus,
        IsCancelled = _cancelled,
        Tags = _tags.ToArray(),
        Lines = _lines.ToArray(),
    };
}
