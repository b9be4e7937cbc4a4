namespace OrderCore.Adapters.Walmart.Orders;

/// <summary>Who fulfils a Walmart purchase order: Walmart's <c>shipNode.type</c>.</summary>
public enum WalmartShipNodeType
{
    /// <summary><c>SellerFulfilled</c> (Walmart's default): the seller ships from its own stock. OrderCore: merchant-fulfilled.</summary>
    SellerFulfilled,
    /// <summary><c>WFSFulfilled</c>: Walmart Fulfillment Services ships. OrderCore: marketplace-fulfilled, no local reservation; the seller can neither acknowledge, ship nor cancel it.</summary>
    WalmartFulfilled,
    /// <summary><c>3PLFulfilled</c>: the seller's third-party logistics node ships. OrderCore: merchant-fulfilled at the 3PL location.</summary>
    ThirdPartyLogistics,
}

/// <summary>The status of a quantity of an order line. Walmart keeps status on lines, never on the order.</summary>
/// <remarks>Source: <c>OrderLineStatusType.status</c> in the Order Management OpenAPI 0.6.3.</remarks>
public enum WalmartLineStatus
{
    /// <summary><c>Created</c>: released to the seller, to be acknowledged within the acknowledgement window.</summary>
    Created,
    /// <summary><c>Acknowledged</c>: the seller accepted it.</summary>
    Acknowledged,
    /// <summary><c>Shipped</c>: a ship notice was posted.</summary>
    Shipped,
    /// <summary><c>Delivered</c>: the carrier delivered it.</summary>
    Delivered,
    /// <summary><c>Cancelled</c>.</summary>
    Cancelled,
    /// <summary><c>Refund</c>: refunded after shipment.</summary>
    Refund,
}

/// <summary>The state of a whole purchase order, derived from the statuses of its lines' quantities.</summary>
/// <remarks>
/// Rules, over every quantity that is not cancelled: none left → <see cref="Cancelled"/>; any <c>Created</c> →
/// <see cref="Created"/> (it needs acknowledging); any <c>Acknowledged</c> → <see cref="PartiallyShipped"/> when something
/// else already shipped, else <see cref="Acknowledged"/>; everything <c>Delivered</c> → <see cref="Delivered"/>; otherwise
/// <see cref="Shipped"/> (shipped, delivered or refunded).
/// </remarks>
public enum WalmartOrderState
{
    /// <summary>At least one quantity waits for acknowledgement.</summary>
    Created,
    /// <summary>Acknowledged, nothing shipped yet.</summary>
    Acknowledged,
    /// <summary>Some quantities shipped, others are acknowledged and still to ship.</summary>
    PartiallyShipped,
    /// <summary>Every live quantity shipped (some may be delivered or refunded).</summary>
    Shipped,
    /// <summary>Every live quantity was delivered.</summary>
    Delivered,
    /// <summary>Every quantity was cancelled.</summary>
    Cancelled,
}

/// <summary>Walmart's shipping method codes (<c>shippingInfo.methodCode</c>, <c>trackingInfo.methodCode</c>).</summary>
public enum WalmartMethodCode
{
    /// <summary><c>Standard</c> → OrderCore <see cref="OrderCore.Orders.ServiceLevel.Standard"/>.</summary>
    Standard,
    /// <summary><c>Express</c> → <see cref="OrderCore.Orders.ServiceLevel.Expedited"/>.</summary>
    Express,
    /// <summary><c>OneDay</c> → <see cref="OrderCore.Orders.ServiceLevel.NextDay"/>.</summary>
    OneDay,
    /// <summary><c>Freight</c> → Standard, tagged <c>walmart-method:Freight</c>.</summary>
    Freight,
    /// <summary><c>WhiteGlove</c> → Standard, tagged <c>walmart-method:WhiteGlove</c>.</summary>
    WhiteGlove,
    /// <summary><c>Value</c> (economy) → Standard, tagged <c>walmart-method:Value</c>.</summary>
    Value,
}

/// <summary>Conversions between OrderCore's enums and Walmart's wire names.</summary>
public static class WalmartApiNames
{
    /// <summary>The wire name of a ship node type: <c>SellerFulfilled</c>, <c>WFSFulfilled</c> or <c>3PLFulfilled</c>.</summary>
    public static string ToApi(this WalmartShipNodeType type) => type switch
    {
        WalmartShipNodeType.WalmartFulfilled => "WFSFulfilled",
        WalmartShipNodeType.ThirdPartyLogistics => "3PLFulfilled",
        _ => "SellerFulfilled",
    };

    /// <summary>Parses a ship node type (case-insensitive); false for anything else.</summary>
    public static bool TryParseShipNodeType(string? text, out WalmartShipNodeType type)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "SELLERFULFILLED":
                type = WalmartShipNodeType.SellerFulfilled;
                return true;
            case "WFSFULFILLED":
                type = WalmartShipNodeType.WalmartFulfilled;
                return true;
            case "3PLFULFILLED":
                type = WalmartShipNodeType.ThirdPartyLogistics;
                return true;
            default:
                type = WalmartShipNodeType.SellerFulfilled;
                return false;
        }
    }

    /// <summary>Parses a line status (case-insensitive); false for anything else.</summary>
    public static bool TryParseLineStatus(string? text, out WalmartLineStatus status)
        => Enum.TryParse(text?.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);

    /// <summary>Parses a method code (case-insensitive); false for anything else.</summary>
    public static bool TryParseMethodCode(string? text, out WalmartMethodCode code)
        => Enum.TryParse(text?.Trim(), ignoreCase: true, out code) && Enum.IsDefined(code) && !int.TryParse(text, out _);

    /// <summary>The OrderCore service level of a Walmart method code (domain facts §7.1; OrderCore has no Economy or Freight level, so those map to Standard).</summary>
    public static OrderCore.Orders.ServiceLevel ToServiceLevel(this WalmartMethodCode code) => code switch
    {
        WalmartMethodCode.Express => OrderCore.Orders.ServiceLevel.Expedited,
        WalmartMethodCode.OneDay => OrderCore.Orders.ServiceLevel.NextDay,
        _ => OrderCore.Orders.ServiceLevel.Standard,
    };
}
