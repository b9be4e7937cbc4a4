using NodaTime;

namespace OrderCore.Adapters.Amazon;

/// <summary>How <see cref="AmazonOrderReportReader"/> maps a Seller Central order report to canonical channel orders.</summary>
/// <remarks>
/// The report itself names neither the merchant nor the seller account, so both are given here. Create one options
/// instance per seller account; instances are not shared between threads while being changed.
/// </remarks>
public sealed class AmazonOrderReportOptions
{
    /// <summary>Creates options for one seller account.</summary>
    /// <param name="owner">The merchant the orders belong to.</param>
    /// <param name="account">The Amazon seller account the report was downloaded from (e.g. the marketplace id or a seller name).</param>
    /// <exception cref="ArgumentException"><paramref name="owner"/> or <paramref name="account"/> is the default value.</exception>
    public AmazonOrderReportOptions(OwnerId owner, ChannelAccountId account)
    {
        if (owner.IsDefault) throw new ArgumentException("An owner is required.", nameof(owner));
        if (account.IsDefault) throw new ArgumentException("A channel account is required.", nameof(account));
        Owner = owner;
        Account = account;
    }

    /// <summary>The merchant the orders belong to.</summary>
    public OwnerId Owner { get; }

    /// <summary>The Amazon seller account the report belongs to.</summary>
    public ChannelAccountId Account { get; }

    /// <summary>The channel id given to every order.</summary>
    /// <value>Default <c>amazon</c> (<see cref="AmazonOrderReportReader.DefaultChannel"/>).</value>
    public ChannelId Channel { get; set; } = AmazonOrderReportReader.DefaultChannel;

    /// <summary>
    /// The <see cref="Orders.ChannelOrder.Version"/> given to every order read from one file. Give a later download of the
    /// report a higher version so that OrderCore's idempotent import treats its rows as the newer state of an order.
    /// </summary>
    /// <value>
    /// Default 1. <see cref="AmazonOrderReportReader.ReadFiles"/> ignores this value for its own ordering and gives the file
    /// at position <c>i</c> (0-based, files in ordinal file-name order) the version <c>Version + i</c>.
    /// </value>
    public long Version { get; set; } = 1;

    /// <summary>The time zone of the report's <c>Date</c> column (the seller's local calendar date).</summary>
    /// <value>Default <c>Asia/Kolkata</c> from the TZDB provider (Amazon.in reports).</value>
    public DateTimeZone TimeZone { get; set; } = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];

    /// <summary>The currency of an <c>Amount</c> whose <c>currency</c> cell is blank.</summary>
    /// <value>Default <see cref="CurrencyCode.Inr"/>.</value>
    public CurrencyCode DefaultCurrency { get; set; } = CurrencyCode.Inr;

    internal void Validate()
    {
        if (Channel.IsDefault) throw new ArgumentException("AmazonOrderReportOptions.Channel is required.", nameof(Channel));
        if (TimeZone is null) throw new ArgumentException("AmazonOrderReportOptions.TimeZone is required.", nameof(TimeZone));
        if (DefaultCurrency.IsDefault) throw new ArgumentException("AmazonOrderReportOptions.DefaultCurrency is required.", nameof(DefaultCurrency));
    }
}
