using System.Globalization;
using NodaTime;
using OrderCore.Adapters.Shopify.Json;
using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Orders;

/// <summary>
/// Maps Shopify order and refund JSON (Admin REST 2026-07 shapes; a webhook body is the object without the
/// <c>{"order": …}</c> wrapper) to OrderCore's canonical <see cref="ChannelOrder"/> and to <see cref="ShopifyRefund"/>.
/// Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// <para>Order: <c>id</c> → external id; <c>updated_at</c> (ms since the Unix epoch) → version; <c>processed_at</c>
/// (else <c>created_at</c>) → placed at; <c>cancelled_at</c> → cancelled; <c>shipping_address</c> → ship-to;
/// <c>shipping_lines</c> → service level (<see cref="ShopifyServiceLevels"/>); <c>tags</c> (comma-separated) → tags;
/// <c>financial_status</c>/<c>fulfillment_status</c> → channel status <c>"{financial}/{fulfillment}"</c> (fulfilment
/// <c>unfulfilled</c> when null). Every order is merchant-fulfilled.</para>
/// <para>Line: <c>id</c> → external line id; <c>sku</c> → external SKU, or the <c>variant_id</c> in decimal digits when
/// the SKU is blank (listings may be keyed by either); <c>current_quantity</c> (else <c>quantity</c>) → quantity, a line
/// at 0 is cancelled; <c>price_set.shop_money</c> (else <c>price</c> in the order currency) → unit price. The order
/// state is the truth for quantities, so a newer <c>orders/updated</c> never revives what a refund removed.</para>
/// <para>Rejections are <see cref="ShopifyPayloadException"/>s naming the JSON path: a missing <c>id</c>,
/// <c>line_items</c>, <c>currency</c>, <c>created_at</c>, <c>updated_at</c>, line <c>id</c> or <c>quantity</c>, an
/// invalid country code, an unknown <c>restock_type</c>, a refund line whose subtotal exceeds what its units cost, or
/// refunds (Σ successful refund transactions) that add up to more than the order's <c>total_price</c>. Shopify's
/// <c>total_outstanding</c> is not used as "paid": it grows back as refunds are made, so it cannot bound them.</para>
/// </remarks>
/// <threadsafety>Immutable after construction; safe to share.</threadsafety>
public sealed class ShopifyOrderMapper
{
    private readonly OwnerId _owner;
    private readonly ChannelAccountId _account;
    private readonly IDictionary<string, ServiceLevel> _serviceLevels;
    private readonly ServiceLevel _defaultServiceLevel;

    /// <summary>Creates a mapper for one shop.</summary>
    /// <param name="owner">The merchant the orders belong to.</param>
    /// <param name="account">The channel account (usually the shop domain).</param>
    /// <param name="serviceLevels">Explicit shipping line code/title → service level entries, or null for none.</param>
    /// <param name="defaultServiceLevel">The level when no shipping line matches.</param>
    /// <exception cref="ArgumentException"><paramref name="owner"/> or <paramref name="account"/> is the default value.</exception>
    public ShopifyOrderMapper(OwnerId owner, ChannelAccountId account, IDictionary<string, ServiceLevel>? serviceLevels = null, ServiceLevel defaultServiceLevel = ServiceLevel.Standard)
    {
        if (owner.IsDefault) throw new ArgumentException("An owner is required.", nameof(owner));
        if (account.IsDefault) throw new ArgumentException("A channel account is required.", nameof(account));
        _owner = owner;
        _account = account;
        _serviceLevels = serviceLevels is null
            ? new Dictionary<string, ServiceLevel>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, ServiceLevel>(serviceLevels, StringComparer.OrdinalIgnoreCase);
        _defaultServiceLevel = defaultServiceLevel;
    }

    /// <summary>Creates a mapper from the adapter options (owner, account, service level table and default).</summary>
    /// <exception cref="ArgumentException">The options have no owner or no shop domain.</exception>
    public static ShopifyOrderMapper From(ShopifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ShopifyOrderMapper(options.Owner, options.EffectiveAccount, options.ServiceLevels, options.DefaultServiceLevel);
    }

    /// <summary>The merchant the orders belong to.</summary>
    public OwnerId Owner => _owner;

    /// <summary>The channel account of the orders.</summary>
    public ChannelAccountId Account => _account;

    /// <summary>Maps one order object (a webhook body of <c>orders/create</c>, <c>orders/updated</c>, <c>orders/cancelled</c>).</summary>
    /// <exception cref="ShopifyPayloadException">The JSON is malformed or the order cannot map (see remarks of the class).</exception>
    public ShopifyMappedOrder MapOrder(ReadOnlySpan<byte> orderJson)
        => MapOrder(ShopifyJson.Read(orderJson, ShopifyJsonContext.Default.ShopifyOrderDto), "$");

    /// <summary>Maps one refund object (a <c>refunds/create</c> webhook body).</summary>
    /// <exception cref="ShopifyPayloadException">The JSON is malformed or the refund cannot map.</exception>
    public ShopifyRefund MapRefund(ReadOnlySpan<byte> refundJson)
    {
        var dto = ShopifyJson.Read(refundJson, ShopifyJsonContext.Default.ShopifyRefundDto);
        return MapRefund(dto, null, null, "$");
    }

    internal ShopifyMappedOrder MapOrder(ShopifyOrderDto dto, string path)
    {
        var id = dto.Id ?? throw new ShopifyPayloadException($"{path}.id", "is missing");
        if (dto.LineItems is null) throw new ShopifyPayloadException($"{path}.line_items", "is missing: an order without line items cannot map");
        if (dto.LineItems.Count == 0) throw new ShopifyPayloadException($"{path}.line_items", "is empty: an order needs at least one line item");
        var currencyText = dto.Currency ?? dto.LineItems.Select(l => l.PriceSet?.ShopMoney?.CurrencyCode).FirstOrDefault(c => c is not null);
        if (!CurrencyCode.TryFrom(currencyText, out var currency)) throw new ShopifyPayloadException($"{path}.currency", currencyText is null ? "is missing" : $"'{currencyText}' is not an ISO 4217 code");
        var created = dto.CreatedAt ?? throw new ShopifyPayloadException($"{path}.created_at", "is missing");
        var updated = dto.UpdatedAt ?? throw new ShopifyPayloadException($"{path}.updated_at", "is missing: it orders versions of the order");

        var lines = new List<ChannelOrderLine>(dto.LineItems.Count);
        var facts = new List<ShopifyLineFacts>(dto.LineItems.Count);
        for (var i = 0; i < dto.LineItems.Count; i++)
        {
            var li = dto.LineItems[i];
            var lp = $"{path}.line_items[{i}]";
            var lineId = li.Id ?? throw new ShopifyPayloadException($"{lp}.id", "is missing");
            var quantity = li.Quantity ?? throw new ShopifyPayloadException($"{lp}.quantity", "is missing");
            if (quantity < 0) throw new ShopifyPayloadException($"{lp}.quantity", $"is negative ({quantity})");
            var current = li.CurrentQuantity ?? quantity;
            if (current < 0 || current > quantity) throw new ShopifyPayloadException($"{lp}.current_quantity", $"{current} is outside 0..{quantity}");
            var unitPrice = PriceOf(li, currency, lp);
            var sku = string.IsNullOrWhiteSpace(li.Sku) ? null : li.Sku.Trim();
            lines.Add(new ChannelOrderLine
            {
                ExternalLineId = lineId.ToString(CultureInfo.InvariantCulture),
                ExternalSku = sku ?? li.VariantId?.ToString(CultureInfo.InvariantCulture),
                Quantity = current,
                UnitPrice = unitPrice,
                IsCancelled = current == 0,
            });
            var discount = li.DiscountAllocations is { Count: > 0 } d ? new Money(d.Sum(a => a.Amount ?? 0m), currency) : (Money?)null;
            facts.Add(new ShopifyLineFacts(lineId, sku, li.VariantId, quantity, current, li.FulfillableQuantity, li.FulfillmentStatus, unitPrice, discount));
        }

        var serviceLevel = _defaultServiceLevel;
        if (dto.ShippingLines is { Count: > 0 } shipping)
        {
            // The fastest level among the lines wins (a split shipment keeps the promise of its fastest part).
            serviceLevel = shipping.Select(s => ShopifyServiceLevels.Classify(s.Code, s.Title, _serviceLevels, _defaultServiceLevel)).OrderBy(Rank).First();
        }

        var refunds = new List<ShopifyRefund>();
        for (var i = 0; i < (dto.Refunds?.Count ?? 0); i++) refunds.Add(MapRefund(dto.Refunds![i], id, currency, $"{path}.refunds[{i}]"));

        Money? total = dto.TotalPrice is { } tp ? new Money(tp, currency) : null;
        Money? refundedToDate = null;
        foreach (var r in refunds)
        {
            if (r.Refunded is not { } amount) continue;
            if (amount.Currency != currency) throw new ShopifyPayloadException($"{path}.refunds", $"refund {r.RefundId} is in {amount.Currency}, the order in {currency}");
            refundedToDate = refundedToDate is { } sum ? sum + amount : amount;
        }
        if (total is { } charged && refundedToDate is { } refunded && refunded.Amount > charged.Amount)
        {
            throw new ShopifyPayloadException($"{path}.refunds", $"refunds add up to {refunded} but the order was charged {charged}: refunds never exceed what was paid");
        }

        var order = new ChannelOrder
        {
            Owner = _owner,
            Channel = ShopifyOptions.Channel,
            Account = _account,
            ExternalOrderId = id.ToString(CultureInfo.InvariantCulture),
            Version = updated.ToUnixTimeMilliseconds(),
            PlacedAt = Instant.FromDateTimeOffset(dto.ProcessedAt ?? created),
            FulfilmentChannel = FulfilmentChannel.Merchant,
            ServiceLevel = serviceLevel,
            ShipTo = AddressOf(dto.ShippingAddress, $"{path}.shipping_address"),
            ChannelStatus = $"{dto.FinancialStatus ?? "unknown"}/{dto.FulfillmentStatus ?? "unfulfilled"}",
            IsCancelled = dto.CancelledAt is not null,
            Tags = TagsOf(dto.Tags),
            Lines = lines,
        };
        return new ShopifyMappedOrder(order, id, dto.Name, dto.FinancialStatus, dto.FulfillmentStatus,
            dto.CancelledAt is { } c ? Instant.FromDateTimeOffset(c) : null, dto.CancelReason, Instant.FromDateTimeOffset(updated),
            total, refundedToDate, facts, refunds);
    }

    internal static ShopifyRefund MapRefund(ShopifyRefundDto dto, long? orderId, CurrencyCode? orderCurrency, string path)
    {
        var id = dto.Id ?? throw new ShopifyPayloadException($"{path}.id", "is missing (a refunds/calculate suggestion is not a refund)");
        var order = orderId ?? dto.OrderId ?? throw new ShopifyPayloadException($"{path}.order_id", "is missing");
        var currencyText = dto.Currency
            ?? dto.Transactions?.Select(t => t.Currency).FirstOrDefault(c => c is not null)
            ?? dto.RefundLineItems?.Select(l => l.SubtotalSet?.ShopMoney?.CurrencyCode).FirstOrDefault(c => c is not null);
        CurrencyCode? currency = orderCurrency;
        if (currency is null && currencyText is not null)
        {
            if (!CurrencyCode.TryFrom(currencyText, out var parsed)) throw new ShopifyPayloadException($"{path}.currency", $"'{currencyText}' is not an ISO 4217 code");
            currency = parsed;
        }

        var lines = new List<ShopifyRefundLine>();
        for (var i = 0; i < (dto.RefundLineItems?.Count ?? 0); i++)
        {
            var r = dto.RefundLineItems![i];
            var lp = $"{path}.refund_line_items[{i}]";
            var lineItemId = r.LineItemId ?? r.LineItem?.Id ?? throw new ShopifyPayloadException($"{lp}.line_item_id", "is missing");
            var quantity = r.Quantity ?? throw new ShopifyPayloadException($"{lp}.quantity", "is missing");
            if (quantity < 0) throw new ShopifyPayloadException($"{lp}.quantity", $"is negative ({quantity})");
            var restock = ParseRestock(r.RestockType, $"{lp}.restock_type");
            var subtotal = MoneyOf(r.SubtotalSet, r.Subtotal, currency, $"{lp}.subtotal");
            var tax = MoneyOf(r.TotalTaxSet, r.TotalTax, currency, $"{lp}.total_tax");
            Money? unitPrice = null;
            if (r.LineItem is { } li && currency is { } cur) unitPrice = PriceOf(li, cur, $"{lp}.line_item");
            if (subtotal is { } s && unitPrice is { } u && s.Currency == u.Currency && s.Amount > u.Amount * quantity)
            {
                throw new ShopifyPayloadException($"{lp}.subtotal", $"{s} exceeds what {quantity} unit(s) at {u} cost: a refund never exceeds what was paid");
            }
            var sku = string.IsNullOrWhiteSpace(r.LineItem?.Sku) ? null : r.LineItem!.Sku!.Trim();
            lines.Add(new ShopifyRefundLine(lineItemId, quantity, restock, r.LocationId, subtotal, tax, sku, unitPrice));
        }

        Money? refunded = null;
        foreach (var t in dto.Transactions ?? [])
        {
            if (!string.Equals(t.Kind, "refund", StringComparison.OrdinalIgnoreCase) || !string.Equals(t.Status, "success", StringComparison.OrdinalIgnoreCase) || t.Amount is not { } amount) continue;
            var tc = currency ?? (CurrencyCode.TryFrom(t.Currency, out var c) ? c : throw new ShopifyPayloadException($"{path}.transactions", $"currency '{t.Currency}' is not an ISO 4217 code"));
            var money = new Money(amount, tc);
            refunded = refunded is { } sum ? sum + money : money;
        }
        Money? shipping = null;
        if (currency is { } cc)
        {
            foreach (var a in dto.OrderAdjustments ?? [])
            {
                if (!string.Equals(a.Kind, "shipping_refund", StringComparison.OrdinalIgnoreCase) || a.Amount is not { } amt) continue;
                var money = new Money(-amt, cc);
                shipping = shipping is { } sum ? sum + money : money;
            }
        }
        return new ShopifyRefund(id, order, dto.CreatedAt is { } created ? Instant.FromDateTimeOffset(created) : null, lines, refunded, shipping);
    }

    /// <summary>Parses a <c>restock_type</c> value.</summary>
    internal static ShopifyRestockType ParseRestock(string? value, string path) => value?.Trim().ToLowerInvariant() switch
    {
        "no_restock" => ShopifyRestockType.NoRestock,
        "cancel" => ShopifyRestockType.Cancel,
        "return" => ShopifyRestockType.Return,
        "legacy_restock" => ShopifyRestockType.LegacyRestock,
        null or "" => throw new ShopifyPayloadException(path, "is missing"),
        _ => throw new ShopifyPayloadException(path, $"'{value}' is not one of no_restock, cancel, return, legacy_restock"),
    };

    private static Money? PriceOf(ShopifyLineItemDto li, CurrencyCode currency, string path)
    {
        if (li.PriceSet?.ShopMoney is { Amount: { } amount } shop)
        {
            if (shop.CurrencyCode is { } code && !string.Equals(code, currency.Code, StringComparison.OrdinalIgnoreCase))
            {
                throw new ShopifyPayloadException($"{path}.price_set.shop_money.currency_code", $"'{code}' differs from the order currency {currency}");
            }
            return new Money(amount, currency);
        }
        return li.Price is { } price ? new Money(price, currency) : null;
    }

    private static Money? MoneyOf(ShopifyPriceSetDto? set, decimal? plain, CurrencyCode? currency, string path)
    {
        if (set?.ShopMoney is { Amount: { } amount } shop)
        {
            var code = shop.CurrencyCode ?? currency?.Code;
            if (!CurrencyCode.TryFrom(code, out var c)) throw new ShopifyPayloadException($"{path}_set.shop_money.currency_code", $"'{code}' is not an ISO 4217 code");
            if (currency is { } expected && c != expected) throw new ShopifyPayloadException($"{path}_set.shop_money.currency_code", $"'{code}' differs from {expected}");
            return new Money(amount, c);
        }
        return plain is { } p && currency is { } cur ? new Money(p, cur) : null;
    }

    private static Address? AddressOf(ShopifyAddressDto? a, string path)
    {
        if (a is null) return null;
        var name = a.Name ?? string.Join(' ', new[] { a.FirstName, a.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        try
        {
            return Address.Create(a.City, a.ProvinceCode ?? a.Province, a.Zip, a.CountryCode, a.Address1, a.Address2, name);
        }
        catch (ArgumentException ex)
        {
            throw new ShopifyPayloadException($"{path}.country_code", $"'{a.CountryCode}' is not an ISO 3166-1 alpha-2 code", ex);
        }
    }

    private static IReadOnlyList<string> TagsOf(string? tags)
        => string.IsNullOrWhiteSpace(tags) ? [] : tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static int Rank(ServiceLevel level) => level switch
    {
        ServiceLevel.NextDay => 0,
        ServiceLevel.SecondDay => 1,
        ServiceLevel.Priority => 2,
        ServiceLevel.Expedited => 3,
        ServiceLevel.Scheduled => 4,
        _ => 5,
    };
}
