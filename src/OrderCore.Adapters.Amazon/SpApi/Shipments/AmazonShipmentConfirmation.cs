using System.Text.Json;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi.Http;
using OrderCore.Adapters.Amazon.SpApi.Json;
using OrderCore.Orders;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>One item of a shipped package: Amazon's order item id and the units in the package.</summary>
/// <param name="OrderItemId">The order item id (<see cref="OrderLine.ExternalLineId"/> of an imported Amazon order).</param>
/// <param name="Quantity">Units of the item in this package, ≥ 1.</param>
public sealed record AmazonShippedItem(string OrderItemId, int Quantity);

/// <summary>
/// An MFN shipment confirmation (<c>confirmShipment</c>, Orders v0, 2 rps burst 10; [M-ORD0], domain-facts §4.3): one
/// package of one order with carrier, tracking number, ship date and items.
/// </summary>
/// <param name="AmazonOrderId">The Amazon order id.</param>
/// <param name="MarketplaceId">The order's marketplace id (required by the body).</param>
/// <param name="PackageReferenceId">The seller's package id, unique within the order (e.g. <c>1</c>).</param>
/// <param name="CarrierCode">The carrier code, required in every marketplace (e.g. <c>UPS</c>, <c>USPS</c>, <c>FedEx</c>, or <c>Other</c>).</param>
/// <param name="CarrierName">The carrier's name; required when <paramref name="CarrierCode"/> is <c>Other</c>.</param>
/// <param name="ShippingMethod">The service, e.g. <c>UPS Ground</c>; optional.</param>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="ShipDate">When the package shipped.</param>
/// <param name="Items">The items and units in the package; at least one.</param>
/// <param name="ShipFromSupplySourceId">The supply source it shipped from, optional.</param>
public sealed record AmazonShipmentConfirmation(
    string AmazonOrderId,
    string MarketplaceId,
    string PackageReferenceId,
    string CarrierCode,
    string? CarrierName,
    string? ShippingMethod,
    string TrackingNumber,
    Instant ShipDate,
    IReadOnlyList<AmazonShippedItem> Items,
    string? ShipFromSupplySourceId = null)
{
    /// <summary>The outbox message kind of a shipment confirmation.</summary>
    public const string OutboxKind = "amazon.confirmShipment";

    /// <summary>Checks the confirmation against the model's required fields; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (string.IsNullOrWhiteSpace(AmazonOrderId)) e.Add("AmazonOrderId is required.");
        if (string.IsNullOrWhiteSpace(MarketplaceId)) e.Add("MarketplaceId is required.");
        if (string.IsNullOrWhiteSpace(PackageReferenceId)) e.Add("PackageReferenceId is required.");
        if (string.IsNullOrWhiteSpace(CarrierCode)) e.Add("CarrierCode is required in every marketplace.");
        else if (string.Equals(CarrierCode.Trim(), "Other", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(CarrierName)) e.Add("CarrierName is required when CarrierCode is Other.");
        if (string.IsNullOrWhiteSpace(TrackingNumber)) e.Add("TrackingNumber is required.");
        if (Items is not { Count: > 0 }) e.Add("Items needs at least one order item.");
        else
        {
            for (var i = 0; i < Items.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(Items[i].OrderItemId)) e.Add($"Items[{i}].OrderItemId is required.");
                if (Items[i].Quantity < 1) e.Add($"Items[{i}].Quantity must be at least 1 (was {Items[i].Quantity}).");
            }
        }
        return e;
    }

    /// <summary>
    /// The confirmation of an OrderCore order's shipped lines: each line's <see cref="OrderLine.ExternalLineId"/> is the
    /// Amazon order item id and its quantity the units shipped.
    /// </summary>
    /// <param name="order">An imported Amazon order (merchant-fulfilled).</param>
    /// <param name="lines">The lines in the package; null for every shipped line.</param>
    /// <param name="marketplaceId">The marketplace id.</param>
    /// <param name="packageReferenceId">The package id.</param>
    /// <param name="carrierCode">The carrier code.</param>
    /// <param name="trackingNumber">The tracking number.</param>
    /// <param name="shipDate">When it shipped.</param>
    /// <param name="carrierName">The carrier name (required for <c>Other</c>).</param>
    /// <param name="shippingMethod">The service.</param>
    /// <exception cref="ArgumentException">The order is marketplace-fulfilled (Amazon ships it), or a line has no Amazon order item id.</exception>
    public static AmazonShipmentConfirmation FromOrder(Order order, IEnumerable<OrderLine>? lines, string marketplaceId, string packageReferenceId, string carrierCode,
        string trackingNumber, Instant shipDate, string? carrierName = null, string? shippingMethod = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.FulfilmentChannel != FulfilmentChannel.Merchant) throw new ArgumentException($"Order {order.Id} is fulfilled by Amazon: there is no shipment to confirm.", nameof(order));
        var chosen = (lines ?? order.Lines.Where(l => l.Status == OrderLineStatus.Shipped)).ToArray();
        var items = chosen.Select(l => new AmazonShippedItem(l.ExternalLineId ?? throw new ArgumentException($"Line {l.Id} has no Amazon order item id.", nameof(lines)), l.Quantity)).ToArray();
        return new AmazonShipmentConfirmation(order.ExternalOrderId, marketplaceId, packageReferenceId, carrierCode, carrierName, shippingMethod, trackingNumber, shipDate, items);
    }

    internal string ToRequestBody()
        => JsonSerializer.Serialize(new ConfirmShipmentRequestDto
        {
            MarketplaceId = MarketplaceId.Trim(),
            PackageDetail = new PackageDetailDto
            {
                PackageReferenceId = PackageReferenceId.Trim(),
                CarrierCode = CarrierCode.Trim(),
                CarrierName = string.IsNullOrWhiteSpace(CarrierName) ? null : CarrierName.Trim(),
                ShippingMethod = string.IsNullOrWhiteSpace(ShippingMethod) ? null : ShippingMethod.Trim(),
                TrackingNumber = TrackingNumber.Trim(),
                ShipDate = AmazonSpApiClient.Iso(ShipDate),
                ShipFromSupplySourceId = string.IsNullOrWhiteSpace(ShipFromSupplySourceId) ? null : ShipFromSupplySourceId.Trim(),
                OrderItems = Items.Select(i => new ConfirmShipmentOrderItemDto { OrderItemId = i.OrderItemId.Trim(), Quantity = i.Quantity }).ToList(),
            },
        }, AmazonJsonContext.Default.ConfirmShipmentRequestDto);

    /// <summary>The outbox payload: the order id and the <c>confirmShipment</c> body, JSON.</summary>
    public string ToOutboxPayload()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("amazonOrderId", AmazonOrderId.Trim());
            w.WritePropertyName("body");
            using (var body = JsonDocument.Parse(ToRequestBody())) body.RootElement.WriteTo(w);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads an outbox payload written by <see cref="ToOutboxPayload"/>.</summary>
    /// <exception cref="FormatException">The payload is not one.</exception>
    public static AmazonShipmentConfirmation FromOutboxPayload(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var id = doc.RootElement.GetProperty("amazonOrderId").GetString() ?? throw new FormatException("amazonOrderId is null");
            var body = doc.RootElement.GetProperty("body").Deserialize(AmazonJsonContext.Default.ConfirmShipmentRequestDto) ?? throw new FormatException("body is null");
            var p = body.PackageDetail;
            return new AmazonShipmentConfirmation(id, body.MarketplaceId, p.PackageReferenceId, p.CarrierCode, p.CarrierName, p.ShippingMethod, p.TrackingNumber,
                OrderMapping.ParseDate(p.ShipDate, "shipDate"), p.OrderItems.Select(i => new AmazonShippedItem(i.OrderItemId, i.Quantity)).ToArray(), p.ShipFromSupplySourceId);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or RejectException)
        {
            throw new FormatException($"Not an Amazon shipment confirmation outbox payload: {ex.Message}", ex);
        }
    }
}

/// <summary>MFN shipment confirmation through Orders v0 <c>confirmShipment</c> (not deprecated).</summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class AmazonShipmentClient
{
    private readonly SpApiTransport _t;

    internal AmazonShipmentClient(SpApiTransport transport) => _t = transport;

    /// <summary>Confirms one package of an MFN order (<c>POST /orders/v0/orders/{orderId}/shipmentConfirmation</c>, 204 on success).</summary>
    /// <exception cref="ArgumentException">The confirmation is invalid (missing carrier code, no items…); nothing is sent.</exception>
    /// <exception cref="AmazonSpApiException">Amazon refused it (e.g. 400 <c>InvalidInput</c>), with <c>errors[]</c> and the request id.</exception>
    public async Task ConfirmShipmentAsync(AmazonShipmentConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var problems = confirmation.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid shipment confirmation: " + string.Join(" ", problems), nameof(confirmation));
        await _t.SendAsync(new SpApiRequest("confirmShipment", HttpMethod.Post,
            $"/orders/v0/orders/{AmazonSpApiClient.Q(confirmation.AmazonOrderId.Trim())}/shipmentConfirmation", confirmation.ToRequestBody()), cancellationToken).ConfigureAwait(false);
    }
}
