using System.Globalization;
using System.Text.Json;
using NodaTime;
using OrderCore.Adapters.Walmart.Inventory;
using OrderCore.Adapters.Walmart.Json;
using OrderCore.Adapters.Walmart.Orders;

namespace OrderCore.Adapters.Walmart.Outbound;

/// <summary>Validates outbound requests against the order they concern and writes Walmart's request bodies.</summary>
internal static class WalmartRequestBodies
{
    public static string Ship(WalmartOrder order, WalmartShipment shipment, Instant now, Duration shipWindow)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(shipment);
        if (order.IsWalmartFulfilled) throw new WalmartFulfilledOrderException(order.PurchaseOrderId, "ship");
        CheckLines(order, shipment.Lines, nameof(shipment));
        if (string.IsNullOrWhiteSpace(shipment.TrackingNumber)) throw new ArgumentException("shipment.TrackingNumber is required.", nameof(shipment));
        ArgumentNullException.ThrowIfNull(shipment.Carrier, nameof(shipment.Carrier));
        if (shipment.Carrier.IsOther && string.IsNullOrWhiteSpace(shipment.TrackingUrl))
        {
            throw new ArgumentException($"shipment.TrackingUrl is mandatory for another carrier ('{shipment.Carrier.Name}').", nameof(shipment));
        }
        if (shipment.TrackingUrl is { } url && (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"shipment.TrackingUrl '{url}' is not an absolute http(s) URL.", nameof(shipment));
        }
        if (now > order.OrderDate + shipWindow)
        {
            throw new InvalidOperationException($"Walmart order {order.PurchaseOrderId} was created {order.OrderDate}: ship notices are accepted only within {shipWindow.Days} days of creation.");
        }
        var dto = new ShipmentRequestDto
        {
            OrderShipment = new ShipmentBodyDto
            {
                OrderLines = new ShipLinesDto
                {
                    OrderLine = shipment.Lines.Select(l => new ShipLineDto
                    {
                        LineNumber = l.LineNumber.Trim(),
                        SellerOrderId = shipment.SellerOrderId,
                        OrderLineStatuses = new ShipLineStatusesDto
                        {
                            OrderLineStatus =
                            [
                                new ShipLineStatusDto
                                {
                                    Status = "Shipped",
                                    StatusQuantity = Each(l.Quantity),
                                    TrackingInfo = new TrackingInfoDto
                                    {
                                        ShipDateTime = shipment.ShipDateTime.ToUnixTimeMilliseconds(),
                                        CarrierName = shipment.Carrier.IsOther ? new CarrierNameDto { OtherCarrier = shipment.Carrier.Name } : new CarrierNameDto { Carrier = shipment.Carrier.Name },
                                        MethodCode = shipment.MethodCode.ToString(),
                                        TrackingNumber = shipment.TrackingNumber.Trim(),
                                        TrackingUrl = shipment.TrackingUrl?.Trim(),
                                    },
                                },
                            ],
                        },
                    }).ToList(),
                },
            },
        };
        return JsonSerializer.Serialize(dto, WalmartJsonContext.Default.ShipmentRequestDto);
    }

    public static string Cancel(WalmartOrder order, WalmartCancellation cancellation)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(cancellation);
        if (order.IsWalmartFulfilled) throw new WalmartFulfilledOrderException(order.PurchaseOrderId, "cancel");
        CheckLines(order, cancellation.Lines, nameof(cancellation));
        var reason = cancellation.Reason.ToApi();
        var dto = new CancelRequestDto
        {
            OrderCancellation = new CancelBodyDto
            {
                OrderLines = new ShipLinesDto
                {
                    OrderLine = cancellation.Lines.Select(l => new ShipLineDto
                    {
                        LineNumber = l.LineNumber.Trim(),
                        OrderLineStatuses = new ShipLineStatusesDto
                        {
                            OrderLineStatus = [new ShipLineStatusDto { Status = "Cancelled", CancellationReason = reason, StatusQuantity = Each(l.Quantity) }],
                        },
                    }).ToList(),
                },
            },
        };
        return JsonSerializer.Serialize(dto, WalmartJsonContext.Default.CancelRequestDto);
    }

    public static string Refund(WalmartOrder order, WalmartRefund refund, Money pending)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(refund);
        var line = order.FindLine(refund.LineNumber) ?? throw new ArgumentException($"refund.LineNumber '{refund.LineNumber}' is not a line of Walmart order {order.PurchaseOrderId}.", nameof(refund));
        if (string.IsNullOrWhiteSpace(refund.Reference)) throw new ArgumentException("refund.Reference is required (it makes the refund idempotent).", nameof(refund));
        var currency = order.Currency;
        var parts = new (Money? Amount, string Field)[] { (refund.Product, "Product"), (refund.ProductTax, "ProductTax"), (refund.Shipping, "Shipping"), (refund.ShippingTax, "ShippingTax") };
        foreach (var (amount, field) in parts)
        {
            if (amount is not { } m) continue;
            if (m.Currency != currency) throw new ArgumentException($"refund.{field} is in {m.Currency}; Walmart order {order.PurchaseOrderId} is in {currency}.", nameof(refund));
            if (m.Amount < 0) throw new ArgumentException($"refund.{field} must be given as a positive amount (it is sent negative).", nameof(refund));
        }
        var total = refund.Total(currency);
        if (total.Amount <= 0) throw new ArgumentException("A refund needs an amount greater than zero.", nameof(refund));
        if ((refund.Product?.Amount ?? 0) > line.ProductAmount.Amount) throw new ArgumentException($"refund.Product {refund.Product} exceeds the line's product charge {line.ProductAmount}.", nameof(refund));
        if ((refund.Shipping?.Amount ?? 0) > line.ShippingAmount.Amount) throw new ArgumentException($"refund.Shipping {refund.Shipping} exceeds the line's shipping charge {line.ShippingAmount}.", nameof(refund));
        var remaining = line.RefundableAmount - pending;
        if (total.Amount > remaining.Amount)
        {
            throw new InvalidOperationException($"Refund of {total} on line {line.LineNumber} of Walmart order {order.PurchaseOrderId} exceeds what remains refundable ({(remaining.Amount < 0 ? Money.Zero(currency) : remaining)}: total {line.Total}, refunded {line.RefundedAmount}, pending {pending}).");
        }
        var charges = new List<RefundChargeDto>();
        void Add(string type, Money? amount, Money? tax)
        {
            if ((amount?.Amount ?? 0) == 0 && (tax?.Amount ?? 0) == 0) return;
            var original = line.Charges.FirstOrDefault(c => c.ChargeType == type);
            charges.Add(new RefundChargeDto
            {
                RefundReason = refund.Reason.ToApi(),
                Charge = new ChargeDto
                {
                    ChargeType = type,
                    ChargeName = original?.ChargeName ?? (type == "SHIPPING" ? "Shipping" : "ItemPrice"),
                    ChargeAmount = new MoneyDto { Currency = currency.Code, Amount = -(amount?.Amount ?? 0m) },
                    Tax = tax is { } t ? new TaxDto { TaxName = original?.TaxName ?? "Tax1", TaxAmount = new MoneyDto { Currency = currency.Code, Amount = -t.Amount } } : null,
                },
            });
        }
        Add("PRODUCT", refund.Product, refund.ProductTax);
        Add("SHIPPING", refund.Shipping, refund.ShippingTax);
        var dto = new RefundRequestDto
        {
            OrderRefund = new RefundBodyDto
            {
                PurchaseOrderId = order.PurchaseOrderId,
                OrderLines = new RefundLinesDto
                {
                    OrderLine =
                    [
                        new RefundLineDto
                        {
                            LineNumber = line.LineNumber,
                            IsFullRefund = refund.IsFullRefund,
                            Refunds = new RefundsDto { Refund = [new RefundDto { RefundComments = refund.Comments, RefundCharges = new RefundChargesDto { RefundCharge = [.. charges] } }] },
                        },
                    ],
                },
            },
        };
        return JsonSerializer.Serialize(dto, WalmartJsonContext.Default.RefundRequestDto);
    }

    public static string MultiNodeInventory(IReadOnlyList<WalmartNodeQuantity> nodes)
    {
        CheckNodes(nodes, nameof(nodes));
        var dto = new MultiNodeInventoryRequestDto
        {
            Inventories = new InventoryNodesDto { Nodes = nodes.Select(n => new InventoryNodeDto { ShipNode = n.ShipNode.Trim(), InputQty = new InventoryQuantityDto { Unit = "EACH", Amount = n.Quantity } }).ToList() },
        };
        return JsonSerializer.Serialize(dto, WalmartJsonContext.Default.MultiNodeInventoryRequestDto);
    }

    public static string InventoryFeed(IReadOnlyList<WalmartInventoryFeedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) throw new ArgumentException("A feed needs at least one SKU.", nameof(items));
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item.Sku)) throw new ArgumentException("Every feed item needs a SKU.", nameof(items));
            CheckNodes(item.Nodes, nameof(items));
        }
        var dto = new InventoryFeedDto
        {
            InventoryHeader = new InventoryFeedHeaderDto { Version = "1.5" },
            Inventory = items.Select(i => new InventoryFeedItemDto
            {
                Sku = i.Sku.Trim(),
                ShipNodes = i.Nodes.Select(n => new InventoryFeedNodeDto { ShipNode = n.ShipNode.Trim(), Quantity = new InventoryQuantityDto { Unit = "EACH", Amount = n.Quantity } }).ToList(),
            }).ToList(),
        };
        return JsonSerializer.Serialize(dto, WalmartJsonContext.Default.InventoryFeedDto);
    }

    private static void CheckNodes(IReadOnlyList<WalmartNodeQuantity> nodes, string param)
    {
        ArgumentNullException.ThrowIfNull(nodes, param);
        if (nodes.Count == 0) throw new ArgumentException("Name at least one ship node.", param);
        foreach (var n in nodes)
        {
            if (string.IsNullOrWhiteSpace(n.ShipNode)) throw new ArgumentException("A ship node id is blank.", param);
            if (n.Quantity < 0) throw new ArgumentOutOfRangeException(param, n.Quantity, $"Quantity for ship node {n.ShipNode} is negative.");
        }
    }

    private static void CheckLines(WalmartOrder order, IReadOnlyList<WalmartLineQuantity> lines, string param)
    {
        ArgumentNullException.ThrowIfNull(lines, param);
        if (lines.Count == 0) throw new ArgumentException("Name at least one line.", param);
        foreach (var group in lines.GroupBy(l => l.LineNumber?.Trim() ?? "", StringComparer.Ordinal))
        {
            var line = order.FindLine(group.Key) ?? throw new ArgumentException($"{param}: '{group.Key}' is not a line of Walmart order {order.PurchaseOrderId}.", param);
            if (group.Any(l => l.Quantity < 1)) throw new ArgumentOutOfRangeException(param, $"{param}: line {line.LineNumber} needs a quantity of at least 1.");
            var asked = group.Sum(l => l.Quantity);
            if (asked > line.OpenQuantity)
            {
                throw new InvalidOperationException($"Line {line.LineNumber} of Walmart order {order.PurchaseOrderId} has {line.OpenQuantity} open unit(s) (created or acknowledged); {asked} asked.");
            }
        }
    }

    private static QuantityDto Each(int units) => new() { UnitOfMeasurement = "EACH", Amount = units.ToString(CultureInfo.InvariantCulture) };
}
