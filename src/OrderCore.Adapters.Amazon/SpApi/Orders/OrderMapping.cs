using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using OrderCore.Adapters.Amazon.SpApi.Json;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>Thrown inside the mappers to reject one order with a field and a reason; caught per order.</summary>
internal sealed class RejectException(AmazonRejectionReason reason, string field, string detail) : Exception(detail)
{
    public AmazonRejectionReason Reason { get; } = reason;
    public string Field { get; } = field;
}

/// <summary>
/// Maps Orders v0 and v2026-01-01 DTOs to <see cref="AmazonMappedOrder"/>. Both versions produce the same canonical order
/// for the same facts: external id, version (last update in ms), placed-at, fulfilment channel (AFN/AMAZON → marketplace,
/// MFN/MERCHANT → merchant), service level, ship-by, ship-to, channel status, cancellation and tags.
/// </summary>
internal static class OrderMapping
{
    private static readonly OffsetDateTimePattern IsoOffset = OffsetDateTimePattern.ExtendedIso;

    // ---------- v0 ----------

    public static AmazonMappedOrder MapV0(V0Order o, IReadOnlyList<JsonElement>? items, V0Address? rdtAddress, AmazonOrderMappingOptions options, string? itemsField = "OrderItems")
    {
        var id = Required(o.AmazonOrderId, "AmazonOrderId");
        var warnings = new List<string>();
        var status = ParseStatus(o.OrderStatus, "OrderStatus");
        var placed = RequiredDate(o.PurchaseDate, "PurchaseDate", options);
        var updated = RequiredDate(o.LastUpdateDate, "LastUpdateDate", options);
        var fulfilment = o.FulfillmentChannel?.Trim() switch
        {
            null or "" => throw new RejectException(AmazonRejectionReason.MissingField, "FulfillmentChannel", "FulfillmentChannel is missing: who fulfils the order is unknown"),
            var f when f.Equals("AFN", StringComparison.OrdinalIgnoreCase) => FulfilmentChannel.Marketplace,
            var f when f.Equals("MFN", StringComparison.OrdinalIgnoreCase) => FulfilmentChannel.Merchant,
            var f => throw new RejectException(AmazonRejectionReason.UnknownFulfillmentChannel, "FulfillmentChannel", $"'{f}' is neither AFN nor MFN"),
        };
        var level = ServiceLevelOf(o.ShipmentServiceLevelCategory, o.ShipServiceLevel, "ShipmentServiceLevelCategory", warnings);
        var shipBy = OptionalDate(o.LatestShipDate, "LatestShipDate", options, warnings);
        var address = rdtAddress ?? o.ShippingAddress;
        var shipTo = AddressOf(address?.Name, address?.AddressLine1, JoinLines(address?.AddressLine2, address?.AddressLine3), address?.City, address?.StateOrRegion, address?.PostalCode, address?.CountryCode, fulfilment, "ShippingAddress");
        var mappedItems = new List<AmazonOrderItem>();
        if (items is not null)
        {
            for (var i = 0; i < items.Count; i++) mappedItems.Add(MapV0Item(items[i], $"{itemsField}[{i}]"));
        }
        var tags = new List<string>();
        if (o.IsPrime == true) tags.Add("prime");
        if (o.IsBusinessOrder == true) tags.Add("b2b");
        if (o.IsPremiumOrder == true) tags.Add("premium");
        if (o.IsReplacementOrder == true) tags.Add("replacement");
        return Build(id, AmazonOrdersApi.V0, status, o.OrderStatus!.Trim(), placed, updated, fulfilment, level, shipBy, shipTo, o.MarketplaceId, mappedItems, items is not null, tags, warnings, options);
    }

    public static AmazonOrderItem MapV0Item(JsonElement element, string field)
    {
        V0OrderItem item;
        try
        {
            item = element.Deserialize(AmazonJsonContext.Default.V0OrderItem) ?? throw new JsonException("null item");
        }
        catch (JsonException ex)
        {
            throw new RejectException(AmazonRejectionReason.MalformedPayload, field + (ex.Path is { Length: > 1 } p ? p[1..] : ""), ex.Message);
        }
        var itemId = Required(item.OrderItemId, field + ".OrderItemId");
        var qty = item.QuantityOrdered ?? throw new RejectException(AmazonRejectionReason.InvalidQuantity, field + ".QuantityOrdered", "QuantityOrdered is missing");
        if (qty < 0) throw new RejectException(AmazonRejectionReason.InvalidQuantity, field + ".QuantityOrdered", $"QuantityOrdered {qty} is negative");
        var shipped = item.QuantityShipped ?? 0;
        if (shipped < 0) throw new RejectException(AmazonRejectionReason.InvalidQuantity, field + ".QuantityShipped", $"QuantityShipped {shipped} is negative");
        var total = MoneyOf(item.ItemPrice?.Amount, item.ItemPrice?.CurrencyCode, field + ".ItemPrice");
        Money? unit = total is { } t && qty > 0 ? new Money(t.Amount / qty, t.Currency) : null;
        var cancel = item.BuyerRequestedCancel?.IsBuyerRequestedCancel == true;
        return new AmazonOrderItem(itemId, Blank(item.SellerSKU), Blank(item.ASIN), qty, shipped, total, unit, cancel, cancel ? Blank(item.BuyerRequestedCancel?.BuyerCancelReason) : null);
    }

    // ---------- v2026-01-01 ----------

    public static AmazonMappedOrder Map2026(V26Order o, AmazonOrderMappingOptions options)
    {
        var id = Required(o.OrderId, "orderId");
        var warnings = new List<string>();
        var f = o.Fulfillment ?? throw new RejectException(AmazonRejectionReason.MissingField, "fulfillment", "fulfillment is missing: request includedData=FULFILLMENT to get the status, fulfilledBy and service level");
        var status = ParseStatus(f.FulfillmentStatus, "fulfillment.fulfillmentStatus");
        var placed = RequiredDate(o.CreatedTime, "createdTime", options);
        var updated = RequiredDate(o.LastUpdatedTime, "lastUpdatedTime", options);
        var fulfilment = f.FulfilledBy?.Trim() switch
        {
            null or "" => throw new RejectException(AmazonRejectionReason.MissingField, "fulfillment.fulfilledBy", "fulfilledBy is missing: who fulfils the order is unknown"),
            var x when x.Equals("AMAZON", StringComparison.OrdinalIgnoreCase) => FulfilmentChannel.Marketplace,
            var x when x.Equals("MERCHANT", StringComparison.OrdinalIgnoreCase) => FulfilmentChannel.Merchant,
            var x => throw new RejectException(AmazonRejectionReason.UnknownFulfillmentChannel, "fulfillment.fulfilledBy", $"'{x}' is neither AMAZON nor MERCHANT"),
        };
        var level = ServiceLevelOf(f.FulfillmentServiceLevel, null, "fulfillment.fulfillmentServiceLevel", warnings);
        var shipBy = OptionalDate(f.ShipByWindow?.LatestDateTime, "fulfillment.shipByWindow.latestDateTime", options, warnings);
        var a = o.Recipient?.DeliveryAddress;
        var shipTo = AddressOf(a?.Name, a?.AddressLine1, JoinLines(a?.AddressLine2, a?.AddressLine3), a?.City, a?.StateOrRegion, a?.PostalCode, a?.CountryCode, fulfilment, "recipient.deliveryAddress");
        if (o.OrderItems is not { Count: > 0 } rawItems) throw new RejectException(AmazonRejectionReason.NoItems, "orderItems", "the order has no orderItems");
        var items = new List<AmazonOrderItem>(rawItems.Count);
        for (var i = 0; i < rawItems.Count; i++) items.Add(Map2026Item(rawItems[i], $"orderItems[{i}]"));
        var programs = new HashSet<string>(o.Programs ?? [], StringComparer.OrdinalIgnoreCase);
        var tags = new List<string>();
        if (programs.Contains("PRIME")) tags.Add("prime");
        if (programs.Contains("AMAZON_BUSINESS")) tags.Add("b2b");
        if (programs.Contains("PREMIUM")) tags.Add("premium");
        return Build(id, AmazonOrdersApi.V20260101, status, f.FulfillmentStatus!.Trim(), placed, updated, fulfilment, level, shipBy, shipTo, o.SalesChannel?.MarketplaceId, items, true, tags, warnings, options);
    }

    private static AmazonOrderItem Map2026Item(JsonElement element, string field)
    {
        V26OrderItem item;
        try
        {
            item = element.Deserialize(AmazonJsonContext.Default.V26OrderItem) ?? throw new JsonException("null item");
        }
        catch (JsonException ex)
        {
            throw new RejectException(AmazonRejectionReason.MalformedPayload, field + (ex.Path is { Length: > 1 } p ? p[1..] : ""), ex.Message);
        }
        var itemId = Required(item.OrderItemId, field + ".orderItemId");
        var qty = item.QuantityOrdered ?? throw new RejectException(AmazonRejectionReason.InvalidQuantity, field + ".quantityOrdered", "quantityOrdered is missing");
        if (qty < 0) throw new RejectException(AmazonRejectionReason.InvalidQuantity, field + ".quantityOrdered", $"quantityOrdered {qty} is negative");
        var shipped = item.Fulfillment?.QuantityFulfilled ?? 0;
        if (shipped < 0) throw new RejectException(AmazonRejectionReason.InvalidQuantity, field + ".fulfillment.quantityFulfilled", $"quantityFulfilled {shipped} is negative");
        var unit = MoneyOf(item.Product?.Price?.UnitPrice?.Amount, item.Product?.Price?.UnitPrice?.CurrencyCode, field + ".product.price.unitPrice");
        Money? total = unit is { } u ? u * qty : null;
        var request = item.Cancellation?.CancellationRequest;
        var cancel = string.Equals(request?.Requester, "BUYER", StringComparison.OrdinalIgnoreCase);
        return new AmazonOrderItem(itemId, Blank(item.Product?.SellerSku), Blank(item.Product?.Asin), qty, shipped, total, unit, cancel, cancel ? Blank(request?.CancelReason) : null);
    }

    // ---------- shared ----------

    private static AmazonMappedOrder Build(string id, AmazonOrdersApi api, AmazonOrderStatusCode status, string rawStatus, Instant placed, Instant updated,
        FulfilmentChannel fulfilment, ServiceLevel level, Instant? shipBy, Address? shipTo, string? marketplaceId, IReadOnlyList<AmazonOrderItem> items, bool hasItems,
        List<string> tags, List<string> warnings, AmazonOrderMappingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(marketplaceId)) tags.Add("marketplace:" + marketplaceId.Trim());
        if (status is AmazonOrderStatusCode.Pending or AmazonOrderStatusCode.PendingAvailability) tags.Add("amazon-pending");
        if (items.Any(i => i.BuyerRequestedCancel)) tags.Add("buyer-requested-cancel");
        var cancelled = status is AmazonOrderStatusCode.Canceled or AmazonOrderStatusCode.Unfulfillable;
        var lines = items.Select(i => new ChannelOrderLine
        {
            ExternalLineId = i.OrderItemId,
            ExternalSku = i.SellerSku,
            Quantity = i.QuantityOrdered,
            UnitPrice = i.UnitPrice,
            Amount = i.ItemPrice,
            IsCancelled = i.QuantityOrdered == 0,
        }).ToArray();
        return new AmazonMappedOrder
        {
            AmazonOrderId = id,
            Api = api,
            Status = status,
            Order = new ChannelOrder
            {
                Owner = options.Owner,
                Channel = options.Channel,
                Account = options.Account,
                ExternalOrderId = id,
                Version = updated.ToUnixTimeMilliseconds(),
                PlacedAt = placed,
                FulfilmentChannel = fulfilment,
                ServiceLevel = level,
                ShipTo = shipTo,
                ShipBy = shipBy,
                ChannelStatus = rawStatus,
                IsCancelled = cancelled,
                Tags = tags,
                Lines = lines,
            },
            Items = items,
            HasItems = hasItems,
            MarketplaceId = Blank(marketplaceId),
            LastUpdated = updated,
            Warnings = warnings,
        };
    }

    /// <summary>Reads a v0 or v2026 status; spelling, case and underscores do not matter (<c>PartiallyShipped</c> = <c>PARTIALLY_SHIPPED</c>; <c>Canceled</c> = <c>CANCELLED</c>).</summary>
    public static AmazonOrderStatusCode ParseStatus(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RejectException(AmazonRejectionReason.MissingField, field, "the order status is missing");
        return Squash(text) switch
        {
            "PENDINGAVAILABILITY" => AmazonOrderStatusCode.PendingAvailability,
            "PENDING" => AmazonOrderStatusCode.Pending,
            "UNSHIPPED" => AmazonOrderStatusCode.Unshipped,
            "PARTIALLYSHIPPED" => AmazonOrderStatusCode.PartiallyShipped,
            "SHIPPED" => AmazonOrderStatusCode.Shipped,
            "CANCELED" or "CANCELLED" => AmazonOrderStatusCode.Canceled,
            "UNFULFILLABLE" => AmazonOrderStatusCode.Unfulfillable,
            "INVOICEUNCONFIRMED" => AmazonOrderStatusCode.InvoiceUnconfirmed,
            _ => throw new RejectException(AmazonRejectionReason.UnknownOrderStatus, field,
                $"'{text}' is not an Amazon order status (PendingAvailability, Pending, Unshipped, PartiallyShipped, Shipped, Canceled, Unfulfillable, InvoiceUnconfirmed)"),
        };
    }

    /// <summary>
    /// The canonical service level of <c>ShipmentServiceLevelCategory</c> / <c>fulfillmentServiceLevel</c> (domain-facts §7.1):
    /// Standard, FreeEconomy → Standard; Expedited; Priority; NextDay; SameDay → NextDay (the fastest canonical level);
    /// SecondDay; Scheduled. Without a category, the free-text <c>ShipServiceLevel</c> is read the same way; an unknown value is
    /// Standard with a warning.
    /// </summary>
    public static ServiceLevel ServiceLevelOf(string? category, string? freeText, string field, List<string> warnings)
    {
        var text = string.IsNullOrWhiteSpace(category) ? freeText : category;
        if (string.IsNullOrWhiteSpace(text)) return ServiceLevel.Standard;
        switch (Squash(text))
        {
            case "STANDARD" or "FREEECONOMY" or "STD": return ServiceLevel.Standard;
            case "EXPEDITED": return ServiceLevel.Expedited;
            case "PRIORITY": return ServiceLevel.Priority;
            case "NEXTDAY" or "SAMEDAY": return ServiceLevel.NextDay;
            case "SECONDDAY": return ServiceLevel.SecondDay;
            case "SCHEDULED" or "SCHEDULEDDELIVERY": return ServiceLevel.Scheduled;
        }
        if (string.IsNullOrWhiteSpace(category))
        {
            // Free text like "Std US D2D Dom" or "Expedited": look for a known word.
            var t = text.ToUpperInvariant();
            if (t.Contains("EXPEDITED", StringComparison.Ordinal)) return ServiceLevel.Expedited;
            if (t.Contains("NEXT", StringComparison.Ordinal)) return ServiceLevel.NextDay;
            if (t.Contains("SECOND", StringComparison.Ordinal)) return ServiceLevel.SecondDay;
            if (t.Contains("PRIORITY", StringComparison.Ordinal)) return ServiceLevel.Priority;
            if (t.StartsWith("STD", StringComparison.Ordinal) || t.Contains("STANDARD", StringComparison.Ordinal)) return ServiceLevel.Standard;
        }
        warnings.Add($"{field}: service level '{text}' is not known; read as Standard");
        return ServiceLevel.Standard;
    }

    public static Instant RequiredDate(string? text, string field, AmazonOrderMappingOptions options)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RejectException(AmazonRejectionReason.MissingField, field, $"{field} is missing");
        var instant = ParseDate(text, field);
        if (instant < options.EarliestPlausibleDate)
        {
            throw new RejectException(AmazonRejectionReason.PlaceholderDate, field,
                $"'{text}' is a placeholder date (before {InstantPattern.General.Format(options.EarliestPlausibleDate)}): when the order was placed or updated is not known");
        }
        return instant;
    }

    public static Instant? OptionalDate(string? text, string field, AmazonOrderMappingOptions options, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var instant = ParseDate(text, field);
        if (instant < options.EarliestPlausibleDate)
        {
            warnings.Add($"{field}: '{text}' is a placeholder date and was dropped");
            return null;
        }
        return instant;
    }

    public static Instant ParseDate(string text, string field)
    {
        var t = text.Trim();
        var r = IsoOffset.Parse(t);
        if (r.Success) return r.Value.ToInstant();
        throw new RejectException(AmazonRejectionReason.InvalidDate, field, $"'{text}' is not an ISO 8601 date-time with an offset");
    }

    public static Money? MoneyOf(string? amount, string? currency, string field)
    {
        if (string.IsNullOrWhiteSpace(amount) && string.IsNullOrWhiteSpace(currency)) return null;
        if (string.IsNullOrWhiteSpace(amount)) return null;
        if (!decimal.TryParse(amount.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new RejectException(AmazonRejectionReason.InvalidMoney, field + ".Amount", $"'{amount}' is not a decimal amount");
        }
        if (!CurrencyCode.TryFrom(currency, out var code))
        {
            throw new RejectException(AmazonRejectionReason.InvalidMoney, field + ".CurrencyCode", $"'{currency}' is not an ISO 4217 currency code");
        }
        return new Money(value, code);
    }

    /// <summary>
    /// The ship-to. A merchant-fulfilled order keeps the recipient's name and street lines (needed to ship). A
    /// marketplace-fulfilled order keeps only city, region, postal code and country: Amazon ships it, so OrderCore does not
    /// store the buyer's personal data at all (data minimisation, Amazon Data Protection Policy).
    /// </summary>
    private static Address? AddressOf(string? name, string? line1, string? line2, string? city, string? region, string? postal, string? country, FulfilmentChannel fulfilment, string field)
    {
        if (new[] { name, line1, line2, city, region, postal, country }.All(string.IsNullOrWhiteSpace)) return null;
        try
        {
            return fulfilment == FulfilmentChannel.Merchant
                ? Address.Create(city, region, postal, country, line1, line2, name)
                : Address.Create(city, region, postal, country);
        }
        catch (ArgumentException ex)
        {
            throw new RejectException(AmazonRejectionReason.InvalidAddress, field + ".CountryCode", ex.Message);
        }
    }

    private static string? JoinLines(string? a, string? b)
    {
        var parts = new[] { a, b }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    private static string Required(string? value, string field)
        => string.IsNullOrWhiteSpace(value) ? throw new RejectException(AmazonRejectionReason.MissingField, field, $"{field} is missing") : value.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Squash(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        foreach (var c in text)
        {
            if (c is '_' or ' ' or '-') continue;
            if (n == buffer.Length) break;
            buffer[n++] = char.ToUpperInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
