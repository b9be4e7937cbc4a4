using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart.Json;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Returns;

/// <summary>Maps <c>GET /v3/returns</c> pages to <see cref="WalmartReturn"/>s; a return that cannot be mapped becomes a rejection naming the field, and the others go on.</summary>
/// <threadsafety>Stateless after construction; safe to use concurrently.</threadsafety>
public sealed class WalmartReturnMapper
{
    private readonly OwnerId _owner;
    private readonly ChannelAccountId _account;

    /// <summary>Creates the mapper.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public WalmartReturnMapper(IOptions<WalmartOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _owner = OwnerId.From(options.Value.Owner);
        _account = ChannelAccountId.From(options.Value.Account);
    }

    /// <summary>Maps one page (<c>{"meta": …, "returnOrders": […]}</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public WalmartReturnBatch Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ReturnsResponseDto? page;
        try
        {
            page = JsonSerializer.Deserialize(json, WalmartJsonContext.Default.ReturnsResponseDto);
        }
        catch (JsonException e)
        {
            return new WalmartReturnBatch([], [new WalmartOrderRejection(null, "$", $"not a returns page ({e.Message})")], null, null);
        }
        if (page?.ReturnOrders is null)
        {
            return new WalmartReturnBatch([], page is null ? [new WalmartOrderRejection(null, "$", "is empty")] : [], Cursor(page?.Meta), page?.Meta?.TotalCount);
        }
        var returns = new List<WalmartReturn>();
        var rejections = new List<WalmartOrderRejection>();
        for (var i = 0; i < page.ReturnOrders.Count; i++)
        {
            var prefix = $"returnOrders[{i}]";
            ReturnOrderDto? dto;
            try
            {
                dto = page.ReturnOrders[i].Deserialize(WalmartJsonContext.Default.ReturnOrderDto);
            }
            catch (JsonException e)
            {
                rejections.Add(new WalmartOrderRejection(null, e.Path is { Length: > 1 } p ? $"{prefix}.{p.TrimStart('$').TrimStart('.')}" : prefix, $"has the wrong JSON type ({e.Message})"));
                continue;
            }
            if (dto is null)
            {
                rejections.Add(new WalmartOrderRejection(null, prefix, "is null"));
                continue;
            }
            if (Map(dto, prefix, out var rejection) is { } r) returns.Add(r);
            else rejections.Add(rejection!);
        }
        return new WalmartReturnBatch(returns, rejections, Cursor(page.Meta), page.Meta?.TotalCount);
    }

    private WalmartReturn? Map(ReturnOrderDto dto, string prefix, out WalmartOrderRejection? rejection)
    {
        var rma = WalmartOrderMapper.Clean(dto.ReturnOrderId);
        WalmartReturn? Fail(string field, string reason, out WalmartOrderRejection? r)
        {
            r = new WalmartOrderRejection(rma is null ? null : $"RMA {rma}", $"{prefix}.{field}", reason);
            return null;
        }
        if (rma is null) return Fail("returnOrderId", "is missing", out rejection);
        var customerOrderId = WalmartOrderMapper.Clean(dto.CustomerOrderId);
        if (customerOrderId is null) return Fail("customerOrderId", "is missing", out rejection);
        if (!TryDate(dto.ReturnOrderDate, out var created)) return Fail("returnOrderDate", $"'{dto.ReturnOrderDate}' is not an ISO 8601 date", out rejection);
        if (!TryDate(dto.ReturnByDate, out var returnBy)) return Fail("returnByDate", $"'{dto.ReturnByDate}' is not an ISO 8601 date", out rejection);
        if (!TryMoney(dto.TotalRefundAmount, out var total)) return Fail("totalRefundAmount.currencyUnit", $"'{dto.TotalRefundAmount?.CurrencyUnit}' is not an ISO 4217 code", out rejection);
        var lineDtos = dto.ReturnOrderLines ?? [];
        if (lineDtos.Count == 0) return Fail("returnOrderLines", "has no line", out rejection);
        var lines = new List<WalmartReturnLine>();
        for (var i = 0; i < lineDtos.Count; i++)
        {
            var lp = $"returnOrderLines[{i}]";
            var l = lineDtos[i];
            if (l is null) return Fail(lp, "is null", out rejection);
            if (l.ReturnOrderLineNumber is not { } number) return Fail($"{lp}.returnOrderLineNumber", "is missing", out rejection);
            var po = WalmartOrderMapper.Clean(l.PurchaseOrderId);
            if (po is null) return Fail($"{lp}.purchaseOrderId", "is missing", out rejection);
            var sku = WalmartOrderMapper.Clean(l.Item?.Sku);
            if (sku is null) return Fail($"{lp}.item.sku", "is missing", out rejection);
            if (l.Quantity?.MeasurementValue is not { } qty || qty < 0 || decimal.Truncate(qty) != qty || qty > int.MaxValue)
            {
                return Fail($"{lp}.quantity.measurementValue", $"'{l.Quantity?.MeasurementValue?.ToString(CultureInfo.InvariantCulture) ?? "null"}' is not a whole number of units", out rejection);
            }
            if (!TryMoney(l.UnitPrice, out var unitPrice)) return Fail($"{lp}.unitPrice.currencyUnit", $"'{l.UnitPrice?.CurrencyUnit}' is not an ISO 4217 code", out rejection);
            Money? lineTotal = null, lineTax = null;
            foreach (var t in l.ChargeTotals ?? [])
            {
                if (t is null) continue;
                if (!TryMoney(t.Value, out var m)) return Fail($"{lp}.chargeTotals.value.currencyUnit", $"'{t.Value?.CurrencyUnit}' is not an ISO 4217 code", out rejection);
                if (string.Equals(t.Name, "lineTotal", StringComparison.OrdinalIgnoreCase)) lineTotal = m;
                else if (string.Equals(t.Name, "lineTotalTaxes", StringComparison.OrdinalIgnoreCase)) lineTax = m;
            }
            if (!TryDate(l.StatusTime, out var statusTime)) return Fail($"{lp}.statusTime", $"'{l.StatusTime}' is not an ISO 8601 date", out rejection);
            lines.Add(new WalmartReturnLine
            {
                ReturnOrderLineNumber = number,
                PurchaseOrderId = po,
                PurchaseOrderLineNumber = WalmartOrderMapper.Clean(l.PurchaseOrderLineNumber),
                OrderId = OrderIdFor(po),
                Sku = sku,
                ProductName = WalmartOrderMapper.Clean(l.Item?.ProductName),
                Reason = WalmartOrderMapper.Clean(l.ReturnReason),
                Quantity = (int)qty,
                RefundedQuantity = l.RefundedQty ?? 0,
                UnitPrice = unitPrice,
                RefundAmount = lineTotal,
                TaxAmount = lineTax,
                Status = WalmartOrderMapper.Clean(l.Status),
                StatusTime = statusTime,
                CurrentDeliveryStatus = WalmartOrderMapper.Clean(l.CurrentDeliveryStatus),
                CurrentRefundStatus = WalmartOrderMapper.Clean(l.CurrentRefundStatus),
                IsReturnForException = l.IsReturnForException ?? false,
            });
        }
        var tracking = new List<WalmartReturnTracking>();
        foreach (var g in dto.ReturnLineGroups ?? [])
        {
            if (g is null) continue;
            var numbers = (g.ReturnLines ?? []).Where(r => r?.ReturnOrderLineNumber is not null).Select(r => r!.ReturnOrderLineNumber!.Value).ToArray();
            foreach (var carrier in (g.Labels ?? []).Where(x => x is not null).SelectMany(x => x!.CarrierInfoList ?? []).Where(c => c is not null))
            {
                tracking.Add(new WalmartReturnTracking(g.GroupNo, numbers, WalmartOrderMapper.Clean(carrier!.CarrierName), WalmartOrderMapper.Clean(carrier.ServiceType), WalmartOrderMapper.Clean(carrier.TrackingNo)));
            }
        }
        rejection = null;
        return new WalmartReturn
        {
            ReturnOrderId = rma,
            CustomerOrderId = customerOrderId,
            ReturnOrderDate = created,
            ReturnByDate = returnBy,
            RefundMode = WalmartOrderMapper.Clean(dto.RefundMode),
            ReturnType = WalmartOrderMapper.Clean(dto.ReturnType),
            ReplacementCustomerOrderId = WalmartOrderMapper.Clean(dto.ReplacementCustomerOrderId),
            TotalRefundAmount = total,
            ReturnChannel = WalmartOrderMapper.Clean(dto.ReturnChannel?.ChannelName),
            Lines = lines,
            Tracking = tracking,
        };
    }

    /// <summary>The OrderCore order id of a Walmart purchase order under these options.</summary>
    public OrderId OrderIdFor(string purchaseOrderId) => OrderIntake.IdFor(new ChannelOrder
    {
        Owner = _owner,
        Channel = WalmartChannel.Id,
        Account = _account,
        ExternalOrderId = purchaseOrderId,
        PlacedAt = default,
        FulfilmentChannel = FulfilmentChannel.Merchant,
        Lines = [],
    });

    private static string? Cursor(ListMetaDto? meta) => string.IsNullOrWhiteSpace(meta?.NextCursor) ? null : meta.NextCursor;

    private static bool TryMoney(ReturnMoneyDto? dto, out Money? money)
    {
        money = null;
        if (dto?.CurrencyAmount is not { } amount) return true;
        if (!CurrencyCode.TryFrom(dto.CurrencyUnit, out var c)) return false;
        money = new Money(amount, c);
        return true;
    }

    private static bool TryDate(string? text, out Instant? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)) return false;
        instant = Instant.FromDateTimeOffset(dto);
        return true;
    }
}
