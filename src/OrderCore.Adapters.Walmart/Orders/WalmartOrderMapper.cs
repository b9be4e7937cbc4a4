using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart.Json;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Orders;

/// <summary>Why a Walmart order (or a whole document) could not be mapped: the field, in Walmart's own path notation, and the reason.</summary>
/// <param name="PurchaseOrderId">The purchase order concerned, when it could be read.</param>
/// <param name="Field">The field path, e.g. <c>list.elements.order[3].orderLines.orderLine[0].orderLineQuantity.amount</c>; <c>$</c> for the whole document.</param>
/// <param name="Reason">What is wrong with it, naming the value.</param>
public sealed record WalmartOrderRejection(string? PurchaseOrderId, string Field, string Reason)
{
    /// <summary><c>{field}: {reason}</c>, with the purchase order id when known.</summary>
    public override string ToString() => PurchaseOrderId is null ? $"{Field}: {Reason}" : $"PO {PurchaseOrderId}: {Field}: {Reason}";
}

/// <summary>The orders of one Walmart document (an order-list page or a single order), the ones that could not be mapped, and the paging cursor.</summary>
/// <param name="Orders">The mapped orders, in document order.</param>
/// <param name="Rejections">One entry per order (or document) that could not be mapped; the rest of the batch is unaffected.</param>
/// <param name="NextCursor">The list's <c>meta.nextCursor</c> exactly as received (a query string starting with <c>?</c>), or null on the last page.</param>
/// <param name="TotalCount">The list's <c>meta.totalCount</c>, if given.</param>
public sealed record WalmartOrderBatch(IReadOnlyList<WalmartOrder> Orders, IReadOnlyList<WalmartOrderRejection> Rejections, string? NextCursor, int? TotalCount);

/// <summary>Thrown when a response that must hold exactly one order (get, acknowledge, ship, cancel, refund) cannot be mapped.</summary>
public sealed class WalmartOrderMappingException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public WalmartOrderMappingException(WalmartOrderRejection rejection) : base($"The Walmart order cannot be mapped: {rejection}.")
        => Rejection = rejection;

    /// <summary>The field and the reason.</summary>
    public WalmartOrderRejection Rejection { get; }
}

/// <summary>
/// Maps Walmart purchase orders (order-list pages of <c>GET /v3/orders</c> and <c>/v3/orders/released</c>, and single
/// <c>{"order": …}</c> documents) to <see cref="WalmartOrder"/> and the canonical <see cref="ChannelOrder"/>.
/// </summary>
/// <remarks>
/// <para>Each order of a page is mapped on its own: one that cannot be mapped becomes a <see cref="WalmartOrderRejection"/>
/// naming the field, and the others go on (DESIGN invariant 6).</para>
/// <para>Rules: quantities are the strings <c>orderLineQuantity.amount</c> / <c>statusQuantity.amount</c> and must be whole
/// numbers; dates are epoch milliseconds; money is <c>{currency, amount}</c> and one order has one currency; a null tax,
/// a null <c>address2</c> and a null <c>refund</c> are absent values, not errors; a <c>shipNode</c> sent as an empty array
/// counts as absent; the ship-to country may be ISO alpha-3 (<c>USA</c>) and is stored as alpha-2.</para>
/// <para>Canonical order: external id = <c>purchaseOrderId</c>; version = the latest <c>statusDate</c> (or <c>orderDate</c>) in
/// epoch milliseconds, so a newer payload replaces an older one; a line whose every quantity is cancelled is a cancelled
/// line with quantity 0, other lines carry their live (not cancelled) quantity; the order is cancelled when every line
/// is; <see cref="ChannelOrder.ChannelStatus"/> is the derived <see cref="WalmartOrderState"/>; ship-by is
/// <c>estimatedShipDate</c>; WFS orders are marketplace-fulfilled.</para>
/// </remarks>
/// <threadsafety>Stateless after construction; safe to use concurrently.</threadsafety>
public sealed class WalmartOrderMapper
{
    private static readonly Dictionary<string, string> Alpha3 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = "US", ["CAN"] = "CA", ["MEX"] = "MX", ["CHL"] = "CL", ["PRI"] = "PR", ["GUM"] = "GU", ["VIR"] = "VI", ["ASM"] = "AS", ["MNP"] = "MP",
    };

    private readonly WalmartOptions _options;
    private readonly OwnerId _owner;
    private readonly ChannelAccountId _account;

    /// <summary>Creates the mapper.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The owner or account in the options is not a valid identifier.</exception>
    public WalmartOrderMapper(IOptions<WalmartOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _owner = OwnerId.From(_options.Owner);
        _account = ChannelAccountId.From(_options.Account);
    }

    /// <summary>Maps a Walmart JSON document: an order list (<c>{"list": …}</c>), a single order (<c>{"order": …}</c>) or a bare order object.</summary>
    /// <param name="json">The document.</param>
    /// <param name="defaultShipNodeType">The ship node type of orders whose payload has no <c>shipNode</c> (the <c>shipNodeType</c> the query asked for; Walmart's default is SellerFulfilled).</param>
    /// <returns>The orders and the rejections; never throws for bad content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public WalmartOrderBatch Parse(string json, WalmartShipNodeType defaultShipNodeType = WalmartShipNodeType.SellerFulfilled)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return new WalmartOrderBatch([], [new WalmartOrderRejection(null, "$", $"not valid JSON ({e.Message})")], null, null);
        }
        using (doc) return Parse(doc.RootElement, defaultShipNodeType);
    }

    /// <summary>Maps an already parsed document; see <see cref="Parse(string, WalmartShipNodeType)"/>.</summary>
    public WalmartOrderBatch Parse(JsonElement root, WalmartShipNodeType defaultShipNodeType = WalmartShipNodeType.SellerFulfilled)
    {
        var orders = new List<WalmartOrder>();
        var rejections = new List<WalmartOrderRejection>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new WalmartOrderBatch([], [new WalmartOrderRejection(null, "$", $"expected a JSON object, found {root.ValueKind}")], null, null);
        }
        if (TryGet(root, "list", out var list))
        {
            string? cursor = null;
            int? total = null;
            if (TryGet(list, "meta", out var meta))
            {
                if (TryGet(meta, "nextCursor", out var c) && c.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(c.GetString())) cursor = c.GetString();
                if (TryGet(meta, "totalCount", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var tc)) total = tc;
            }
            if (TryGet(list, "elements", out var elements) && TryGet(elements, "order", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var element in array.EnumerateArray())
                {
                    MapElement(element, $"list.elements.order[{i}]", defaultShipNodeType, orders, rejections);
                    i++;
                }
            }
            return new WalmartOrderBatch(orders, rejections, cursor, total);
        }
        if (TryGet(root, "order", out var single))
        {
            MapElement(single, "order", defaultShipNodeType, orders, rejections);
            return new WalmartOrderBatch(orders, rejections, null, null);
        }
        if (TryGet(root, "purchaseOrderId", out _))
        {
            MapElement(root, "$", defaultShipNodeType, orders, rejections);
            return new WalmartOrderBatch(orders, rejections, null, null);
        }
        return new WalmartOrderBatch([], [new WalmartOrderRejection(null, "$", "neither an order list (list.elements.order) nor an order (order)")], null, null);
    }

    /// <summary>Maps a document that must hold exactly one order.</summary>
    /// <exception cref="WalmartOrderMappingException">The document holds no order, or the order cannot be mapped.</exception>
    public WalmartOrder ParseSingle(string json, WalmartShipNodeType defaultShipNodeType = WalmartShipNodeType.SellerFulfilled)
    {
        var batch = Parse(json, defaultShipNodeType);
        if (batch.Rejections.Count > 0) throw new WalmartOrderMappingException(batch.Rejections[0]);
        if (batch.Orders.Count != 1) throw new WalmartOrderMappingException(new WalmartOrderRejection(null, "$", $"expected one order, found {batch.Orders.Count}"));
        return batch.Orders[0];
    }

    private void MapElement(JsonElement element, string prefix, WalmartShipNodeType defaultType, List<WalmartOrder> orders, List<WalmartOrderRejection> rejections)
    {
        string? poHint = null;
        if (element.ValueKind == JsonValueKind.Object && TryGet(element, "purchaseOrderId", out var p) && p.ValueKind is JsonValueKind.String or JsonValueKind.Number) poHint = p.ToString();
        PurchaseOrderDto? dto;
        try
        {
            dto = element.Deserialize(WalmartJsonContext.Default.PurchaseOrderDto);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } jp ? Join(prefix, jp.TrimStart('$').TrimStart('.')) : prefix;
            rejections.Add(new WalmartOrderRejection(poHint, path, $"has the wrong JSON type ({FirstSentence(e.Message)})"));
            return;
        }
        if (dto is null)
        {
            rejections.Add(new WalmartOrderRejection(null, prefix, "is null"));
            return;
        }
        var order = Map(dto, prefix, defaultType, out var rejection);
        if (order is not null) orders.Add(order);
        else rejections.Add(rejection!);
    }

    internal WalmartOrder? Map(PurchaseOrderDto dto, string prefix, WalmartShipNodeType defaultType, out WalmartOrderRejection? rejection)
    {
        var po = Clean(dto.PurchaseOrderId);
        WalmartOrder? Fail(string field, string reason, out WalmartOrderRejection? r)
        {
            r = new WalmartOrderRejection(po, Join(prefix, field), reason);
            return null;
        }

        if (po is null) return Fail("purchaseOrderId", "is missing", out rejection);
        if (po.Length > 150) return Fail("purchaseOrderId", $"is {po.Length} characters long (at most 150)", out rejection);
        var customerOrderId = Clean(dto.CustomerOrderId);
        if (customerOrderId is null) return Fail("customerOrderId", "is missing", out rejection);
        if (dto.OrderDate is not { } orderMs) return Fail("orderDate", "is missing", out rejection);
        if (!TryInstant(orderMs, out var orderDate)) return Fail("orderDate", $"{orderMs} is not an epoch-millisecond date", out rejection);

        var shipNodeType = defaultType;
        if (Clean(dto.ShipNode?.Type) is { } typeText && !WalmartApiNames.TryParseShipNodeType(typeText, out shipNodeType))
        {
            return Fail("shipNode.type", $"'{typeText}' is not SellerFulfilled, WFSFulfilled or 3PLFulfilled", out rejection);
        }
        var shipNodeId = Clean(dto.ShipNode?.Id);
        var location = shipNodeType == WalmartShipNodeType.WalmartFulfilled ? null : _options.LocationOf(shipNodeId);

        var info = dto.ShippingInfo;
        var methodText = Clean(info?.MethodCode);
        WalmartMethodCode? method = methodText is not null && WalmartApiNames.TryParseMethodCode(methodText, out var m) ? m : null;
        Instant? shipBy = null, deliverBy = null;
        if (info?.EstimatedShipDate is { } esd)
        {
            if (!TryInstant(esd, out var v)) return Fail("shippingInfo.estimatedShipDate", $"{esd} is not an epoch-millisecond date", out rejection);
            shipBy = v;
        }
        if (info?.EstimatedDeliveryDate is { } edd)
        {
            if (!TryInstant(edd, out var v)) return Fail("shippingInfo.estimatedDeliveryDate", $"{edd} is not an epoch-millisecond date", out rejection);
            deliverBy = v;
        }
        Address? shipTo = null;
        if (info?.PostalAddress is { } a)
        {
            var country = Clean(a.Country);
            if (country is not null)
            {
                if (country.Length == 3)
                {
                    if (!Alpha3.TryGetValue(country, out var alpha2)) return Fail("shippingInfo.postalAddress.country", $"'{country}' is not a country code OrderCore knows", out rejection);
                    country = alpha2;
                }
                if (country.Length != 2 || !country.All(char.IsAsciiLetter)) return Fail("shippingInfo.postalAddress.country", $"'{a.Country}' is not an ISO 3166 country code", out rejection);
            }
            shipTo = Address.Create(a.City, a.State, a.PostalCode, country, a.Address1, a.Address2, a.Name);
        }

        var lineDtos = dto.OrderLines?.OrderLine;
        if (lineDtos is null || lineDtos.Count == 0) return Fail("orderLines.orderLine", "has no line", out rejection);
        CurrencyCode? currency = null;
        var lines = new List<WalmartOrderLine>(lineDtos.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var version = orderMs;
        for (var i = 0; i < lineDtos.Count; i++)
        {
            var lp = $"orderLines.orderLine[{i}]";
            var l = lineDtos[i];
            if (l is null) return Fail(lp, "is null", out rejection);
            var lineNumber = Clean(l.LineNumber);
            if (lineNumber is null) return Fail($"{lp}.lineNumber", "is missing", out rejection);
            if (!seen.Add(lineNumber)) return Fail($"{lp}.lineNumber", $"'{lineNumber}' appears twice", out rejection);
            var sku = Clean(l.Item?.Sku);
            if (sku is null) return Fail($"{lp}.item.sku", "is missing", out rejection);
            if (l.OrderLineQuantity is null) return Fail($"{lp}.orderLineQuantity", "is missing", out rejection);
            if (!TryUnit(l.OrderLineQuantity.UnitOfMeasurement)) return Fail($"{lp}.orderLineQuantity.unitOfMeasurement", $"'{l.OrderLineQuantity.UnitOfMeasurement}' is not EACH", out rejection);
            if (!Quantity.TryParse(l.OrderLineQuantity.Amount, out var ordered, out var qError)) return Fail($"{lp}.orderLineQuantity.amount", qError, out rejection);
            Instant? statusDate = null;
            if (l.StatusDate is { } sd)
            {
                if (!TryInstant(sd, out var v)) return Fail($"{lp}.statusDate", $"{sd} is not an epoch-millisecond date", out rejection);
                statusDate = v;
                version = Math.Max(version, sd);
            }

            var statusDtos = l.OrderLineStatuses?.OrderLineStatus;
            if (statusDtos is null || statusDtos.Count == 0) return Fail($"{lp}.orderLineStatuses.orderLineStatus", "has no status: Walmart keeps status on lines", out rejection);
            var statuses = new List<WalmartStatusQuantity>(statusDtos.Count);
            for (var s = 0; s < statusDtos.Count; s++)
            {
                var sp = $"{lp}.orderLineStatuses.orderLineStatus[{s}]";
                var st = statusDtos[s];
                if (st is null) return Fail(sp, "is null", out rejection);
                if (!WalmartApiNames.TryParseLineStatus(st.Status, out var status)) return Fail($"{sp}.status", $"'{st.Status}' is not Created, Acknowledged, Shipped, Delivered, Cancelled or Refund", out rejection);
                if (st.StatusQuantity is null) return Fail($"{sp}.statusQuantity", "is missing", out rejection);
                if (!Quantity.TryParse(st.StatusQuantity.Amount, out var sq, out var sqError)) return Fail($"{sp}.statusQuantity.amount", sqError, out rejection);
                WalmartTracking? tracking = null;
                if (st.TrackingInfo is { } t)
                {
                    Instant? shipped = null;
                    if (t.ShipDateTime is { } sdt)
                    {
                        if (!TryInstant(sdt, out var v)) return Fail($"{sp}.trackingInfo.shipDateTime", $"{sdt} is not an epoch-millisecond date", out rejection);
                        shipped = v;
                    }
                    tracking = new WalmartTracking(shipped, Clean(t.CarrierName?.Carrier), Clean(t.CarrierName?.OtherCarrier), Clean(t.MethodCode), Clean(t.TrackingNumber), Clean(t.TrackingUrl));
                }
                statuses.Add(new WalmartStatusQuantity(status, sq.Units, Clean(st.CancellationReason), tracking));
            }

            var charges = new List<WalmartCharge>();
            var chargeDtos = l.Charges?.Charge ?? [];
            for (var c = 0; c < chargeDtos.Count; c++)
            {
                var cp = $"{lp}.charges.charge[{c}]";
                var ch = chargeDtos[c];
                if (ch is null) return Fail(cp, "is null", out rejection);
                var type = Clean(ch.ChargeType);
                if (type is null) return Fail($"{cp}.chargeType", "is missing", out rejection);
                if (!TryMoney(ch.ChargeAmount, ref currency, out var amount, out var mField, out var mError)) return Fail($"{cp}.chargeAmount{mField}", mError, out rejection);
                Money? tax = null;
                if (ch.Tax?.TaxAmount is { Amount: not null } taxDto)
                {
                    if (!TryMoney(taxDto, ref currency, out var taxMoney, out var tField, out var tError)) return Fail($"{cp}.tax.taxAmount{tField}", tError, out rejection);
                    tax = taxMoney;
                }
                charges.Add(new WalmartCharge(type.ToUpperInvariant(), Clean(ch.ChargeName), amount, tax, Clean(ch.Tax?.TaxName)));
            }

            var refunds = new List<WalmartRefundCharge>();
            var refundDtos = l.Refund?.RefundCharges?.RefundCharge ?? [];
            for (var r = 0; r < refundDtos.Count; r++)
            {
                var rp = $"{lp}.refund.refundCharges.refundCharge[{r}]";
                var rc = refundDtos[r];
                if (rc?.Charge is null) continue;
                if (!TryMoney(rc.Charge.ChargeAmount, ref currency, out var amount, out var rField, out var rError)) return Fail($"{rp}.charge.chargeAmount{rField}", rError, out rejection);
                Money? tax = null;
                if (rc.Charge.Tax?.TaxAmount is { Amount: not null } taxDto)
                {
                    if (!TryMoney(taxDto, ref currency, out var taxMoney, out var tField, out var tError)) return Fail($"{rp}.charge.tax.taxAmount{tField}", tError, out rejection);
                    tax = taxMoney;
                }
                refunds.Add(new WalmartRefundCharge(Clean(rc.RefundReason), Clean(rc.Charge.ChargeType)?.ToUpperInvariant() ?? "PRODUCT", Clean(rc.Charge.ChargeName), amount, tax));
            }

            lines.Add(new WalmartOrderLine
            {
                LineNumber = lineNumber,
                Sku = sku,
                ProductName = Clean(l.Item?.ProductName),
                OrderedQuantity = ordered.Units,
                Statuses = statuses,
                Status = LineStatus(statuses),
                Charges = charges,
                // Amounts are filled in below, once the order's currency is known.
                ProductAmount = default,
                ShippingAmount = default,
                TaxAmount = default,
                Refunds = refunds,
                StatusDate = statusDate,
                ShippingProgramType = Clean(l.Fulfillment?.ShippingProgramType),
            });
        }

        var cur = currency ?? CurrencyCode.Usd;
        var wfs = shipNodeType == WalmartShipNodeType.WalmartFulfilled;
        Instant? ackBy = null;
        if (!wfs && lines.Any(l => l.QuantityIn(WalmartLineStatus.Created) > 0)) ackBy = orderDate + _options.AcknowledgementWindow;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            lines[i] = l with
            {
                ProductAmount = Sum(l.Charges.Where(c => c.ChargeType == "PRODUCT").Select(c => c.Amount), cur),
                ShippingAmount = Sum(l.Charges.Where(c => c.ChargeType == "SHIPPING").Select(c => c.Amount), cur),
                TaxAmount = Sum(l.Charges.Where(c => c.Tax is not null).Select(c => c.Tax!.Value), cur),
                AcknowledgeBy = ackBy is not null && l.QuantityIn(WalmartLineStatus.Created) > 0 ? ackBy : null,
            };
        }
        var state = OrderState(lines);
        Instant? autoCancel = !wfs && lines.Any(l => l.OpenQuantity > 0) ? orderDate + _options.AutoCancelWindow : null;

        var programTwoDay = lines.Any(l => string.Equals(l.ShippingProgramType, "TWO_DAY", StringComparison.OrdinalIgnoreCase));
        var serviceLevel = method?.ToServiceLevel() ?? ServiceLevel.Standard;
        if (programTwoDay && serviceLevel == ServiceLevel.Standard) serviceLevel = ServiceLevel.SecondDay;

        var tags = new List<string> { "walmart", $"walmart-ship-node:{shipNodeType.ToApi()}", $"walmart-customer-order:{customerOrderId}" };
        if (shipNodeId is not null) tags.Add($"walmart-ship-node-id:{shipNodeId}");
        if (location is { } loc) tags.Add($"walmart-location:{loc.Value}");
        if (methodText is not null) tags.Add($"walmart-method:{methodText}");
        if (Clean(dto.OrderType) is { } orderType) tags.Add($"walmart-order-type:{orderType}");
        foreach (var program in lines.Select(l => l.ShippingProgramType).Where(p => p is not null).Distinct(StringComparer.OrdinalIgnoreCase)) tags.Add($"walmart-program:{program}");

        var channelOrder = new ChannelOrder
        {
            Owner = _owner,
            Channel = WalmartChannel.Id,
            Account = _account,
            ExternalOrderId = po,
            Version = version,
            PlacedAt = orderDate,
            FulfilmentChannel = wfs ? FulfilmentChannel.Marketplace : FulfilmentChannel.Merchant,
            ServiceLevel = serviceLevel,
            ShipTo = shipTo,
            ShipBy = shipBy,
            ChannelStatus = state.ToString(),
            IsCancelled = state == WalmartOrderState.Cancelled,
            Tags = tags,
            Lines = lines.Select(l => new ChannelOrderLine
            {
                ExternalLineId = l.LineNumber,
                ExternalSku = l.Sku,
                Quantity = l.Status == WalmartLineStatus.Cancelled ? 0 : l.LiveQuantity,
                Amount = l.ProductAmount,
                IsCancelled = l.Status == WalmartLineStatus.Cancelled,
            }).ToArray(),
        };

        rejection = null;
        return new WalmartOrder
        {
            PurchaseOrderId = po,
            CustomerOrderId = customerOrderId,
            OrderDate = orderDate,
            ShipNodeType = shipNodeType,
            ShipNodeId = shipNodeId,
            ShipNodeLocation = location,
            OrderType = Clean(dto.OrderType),
            MethodCode = methodText,
            EstimatedShipDate = shipBy,
            EstimatedDeliveryDate = deliverBy,
            ShipTo = shipTo,
            Lines = lines,
            State = state,
            Currency = cur,
            AcknowledgeBy = ackBy,
            AutoCancelAt = autoCancel,
            ChannelOrder = channelOrder,
        };
    }

    private static int Rank(WalmartLineStatus s) => s switch
    {
        WalmartLineStatus.Created => 0,
        WalmartLineStatus.Acknowledged => 1,
        WalmartLineStatus.Shipped => 2,
        WalmartLineStatus.Delivered => 3,
        WalmartLineStatus.Refund => 4,
        _ => 5,
    };

    private static WalmartLineStatus LineStatus(IReadOnlyList<WalmartStatusQuantity> statuses)
    {
        var live = Live(statuses);
        return live.Count == 0 ? WalmartLineStatus.Cancelled : live.MinBy(s => Rank(s.Status))!.Status;
    }

    private static List<WalmartStatusQuantity> Live(IEnumerable<WalmartStatusQuantity> statuses)
    {
        var live = statuses.Where(s => s.Status != WalmartLineStatus.Cancelled).ToList();
        var counted = live.Where(s => s.Quantity > 0).ToList();
        return counted.Count > 0 ? counted : live;
    }

    internal static WalmartOrderState OrderState(IReadOnlyList<WalmartOrderLine> lines)
    {
        var live = Live(lines.SelectMany(l => l.Statuses)).Select(s => s.Status).ToHashSet();
        if (live.Count == 0) return WalmartOrderState.Cancelled;
        if (live.Contains(WalmartLineStatus.Created)) return WalmartOrderState.Created;
        if (live.Contains(WalmartLineStatus.Acknowledged)) return live.Count > 1 ? WalmartOrderState.PartiallyShipped : WalmartOrderState.Acknowledged;
        return live.All(s => s == WalmartLineStatus.Delivered) ? WalmartOrderState.Delivered : WalmartOrderState.Shipped;
    }

    private static bool TryMoney(MoneyDto? dto, ref CurrencyCode? currency, out Money money, out string field, out string error)
    {
        money = default;
        if (dto is null)
        {
            (field, error) = ("", "is missing");
            return false;
        }
        if (!CurrencyCode.TryFrom(dto.Currency, out var c))
        {
            (field, error) = (".currency", dto.Currency is null ? "is missing" : $"'{dto.Currency}' is not an ISO 4217 code");
            return false;
        }
        if (dto.Amount is not { } amount)
        {
            (field, error) = (".amount", "is missing");
            return false;
        }
        if (currency is { } known && known != c)
        {
            (field, error) = (".currency", $"'{c}' differs from the order's currency {known}");
            return false;
        }
        currency = c;
        money = new Money(amount, c);
        (field, error) = ("", "");
        return true;
    }

    private static Money Sum(IEnumerable<Money> amounts, CurrencyCode currency) => amounts.Aggregate(Money.Zero(currency), (s, a) => s + a);

    private static bool TryUnit(string? unit) => Clean(unit) is null or "EACH" or "EA" or "each" or "Each";

    internal static bool TryInstant(long epochMs, out Instant instant)
    {
        instant = default;
        if (epochMs < -62_135_596_800_000L || epochMs > 253_402_300_799_999L) return false;
        instant = Instant.FromUnixTimeMilliseconds(epochMs);
        return true;
    }

    private static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        if (e.ValueKind != JsonValueKind.Object) return false;
        foreach (var p in e.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.Null)
            {
                value = p.Value;
                return true;
            }
        }
        return false;
    }

    internal static string? Clean(string? s)
    {
        var t = s?.Trim();
        return string.IsNullOrEmpty(t) ? null : t;
    }

    private static string Join(string prefix, string field) => prefix == "$" ? field : $"{prefix}.{field}";

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }
}
