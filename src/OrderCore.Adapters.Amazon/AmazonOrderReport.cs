using NodaTime;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon;

/// <summary>One order of an Amazon order report: the canonical channel order and where it came from.</summary>
/// <param name="Order">
/// The canonical order: one per <c>Order ID</c>, lines in file order. Marketplace-fulfilled (<c>Fulfilment</c> =
/// <c>Amazon</c>) or merchant-fulfilled (<c>Merchant</c>); <see cref="ChannelOrder.ChannelStatus"/> is the report's
/// <c>Status</c> text; <see cref="ChannelOrder.IsCancelled"/> when <c>Status</c> is <c>Cancelled</c>; a line is
/// cancelled when its <c>Courier Status</c> is <c>Cancelled</c>.
/// </param>
/// <param name="LocalDate">The order's date in the seller's calendar (the report's <c>Date</c>, in <see cref="AmazonOrderReportOptions.TimeZone"/>).</param>
/// <param name="SourceName">The file (or source name) it was read from.</param>
/// <param name="FirstRowNumber">The row of its first line (header = row 1, first data row = row 2).</param>
public sealed record AmazonReportOrder(ChannelOrder Order, LocalDate LocalDate, string SourceName, int FirstRowNumber)
{
    /// <summary>The order's final state according to its <c>Status</c> text.</summary>
    public AmazonOrderState State => AmazonOrderStatus.Classify(Order.ChannelStatus);
}

/// <summary>A data row the reader refused, with the reason. The rest of the file is still read.</summary>
/// <param name="SourceName">The file (or source name).</param>
/// <param name="RowNumber">The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2.</param>
/// <param name="Field">The column whose value is wrong, e.g. <c>Date</c> or <c>Qty</c>.</param>
/// <param name="Reason">Why, naming the value, e.g. <c>'13-45-22' is not a date in MM-DD-YY form</c>.</param>
/// <param name="ExternalOrderId">The row's <c>Order ID</c>, when it has one.</param>
public sealed record AmazonReportRejectedRow(string SourceName, int RowNumber, string Field, string Reason, string? ExternalOrderId = null);

/// <summary>The result of reading one Amazon order report file.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class AmazonOrderReport
{
    internal AmazonOrderReport(string sourceName, int rowCount, IReadOnlyList<AmazonReportOrder> orders, IReadOnlyList<AmazonReportRejectedRow> rejectedRows)
    {
        SourceName = sourceName;
        RowCount = rowCount;
        Orders = orders;
        RejectedRows = rejectedRows;
    }

    /// <summary>The file (or source name given to the reader).</summary>
    public string SourceName { get; }

    /// <summary>Data rows read (the header not included), accepted and rejected.</summary>
    public int RowCount { get; }

    /// <summary>The orders, in the order their first row appears in the file.</summary>
    public IReadOnlyList<AmazonReportOrder> Orders { get; }

    /// <summary>The rows that were refused, in file order.</summary>
    public IReadOnlyList<AmazonReportRejectedRow> RejectedRows { get; }
}

/// <summary>Several order report files read together, with every order in its newest version.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class AmazonOrderReportSet
{
    internal AmazonOrderReportSet(IReadOnlyList<AmazonOrderReport> files, IReadOnlyList<AmazonReportOrder> orders)
    {
        Files = files;
        Orders = orders;
    }

    /// <summary>Each file's report, in ordinal file-name order (the order of their versions).</summary>
    public IReadOnlyList<AmazonOrderReport> Files { get; }

    /// <summary>
    /// Every order once, in its newest version: when an <c>Order ID</c> appears in several files, the rows of the file
    /// whose name sorts last win. Ordered by file (name order) and then by the row where the winning version starts.
    /// </summary>
    public IReadOnlyList<AmazonReportOrder> Orders { get; }

    /// <summary>Every rejected row of every file, file by file.</summary>
    public IEnumerable<AmazonReportRejectedRow> RejectedRows => Files.SelectMany(f => f.RejectedRows);
}
