using System.Net;
using NodaTime;

namespace OrderCore.Adapters.Walmart;

/// <summary>One entry of Walmart's error body (<c>errors.error[]</c> or <c>errors[]</c>; OpenAPI <c>GatewayError</c>).</summary>
/// <param name="Code">Walmart's error code, e.g. <c>INVALID_REQUEST_PARAM</c> or <c>UNAUTHORIZED.GMP_GATEWAY_API</c>.</param>
/// <param name="Field">The field concerned, if Walmart names one.</param>
/// <param name="Description">Walmart's description (or <c>message</c>).</param>
/// <param name="Info">Walmart's extra information.</param>
/// <param name="Severity"><c>INFO</c>, <c>WARN</c> or <c>ERROR</c>.</param>
/// <param name="Category"><c>APPLICATION</c>, <c>SYSTEM</c>, <c>REQUEST</c> or <c>DATA</c>.</param>
public sealed record WalmartError(string? Code, string? Field, string? Description, string? Info, string? Severity, string? Category);

/// <summary>
/// Base of the errors the Walmart client throws for a failed call: the HTTP status, Walmart's error body, the
/// <c>WM_QOS.CORRELATION_ID</c> of the failing request (quote it to Walmart support) and the operation.
/// </summary>
/// <remarks>Messages never contain credentials or access tokens.</remarks>
public abstract class WalmartApiException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    protected WalmartApiException(string operation, HttpStatusCode? statusCode, string? correlationId, IReadOnlyList<WalmartError> errors, string? rawBody, string message, Exception? inner = null)
        : base(message, inner)
    {
        Operation = operation;
        StatusCode = statusCode;
        CorrelationId = correlationId;
        Errors = errors;
        RawBody = rawBody;
    }

    /// <summary>The call, e.g. <c>POST /v3/orders/{purchaseOrderId}/shipping</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status; null when no response was received (client-side throttling).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The correlation id sent with the failing request, if one was sent.</summary>
    public string? CorrelationId { get; }

    /// <summary>Walmart's error entries (empty when the body had none).</summary>
    public IReadOnlyList<WalmartError> Errors { get; }

    /// <summary>The response body as received, cut to 4,096 characters; null when there was none.</summary>
    public string? RawBody { get; }

    internal static string Describe(string operation, HttpStatusCode? status, string? correlationId, IReadOnlyList<WalmartError> errors, string lead)
    {
        var codes = errors.Count == 0 ? "" : " [" + string.Join("; ", errors.Select(e => string.Join(": ", new[] { e.Code, e.Field, e.Description }.Where(x => !string.IsNullOrWhiteSpace(x))))) + "]";
        var st = status is { } s ? $" {(int)s} {s}" : "";
        return $"Walmart {operation}{st}: {lead}{codes} (correlation id {correlationId ?? "none"}).";
    }
}

/// <summary>
/// Walmart throttled the call (<c>429 Too Many Requests</c>) and the retries allowed by <see cref="WalmartOptions.MaxRetryAttempts"/>
/// were used up, or the rate-limit window replenishes later than <see cref="WalmartOptions.MaxThrottleWait"/>. Nothing was
/// changed at Walmart; try again at <see cref="RetryAt"/>.
/// </summary>
public sealed class WalmartRateLimitedException : WalmartApiException
{
    /// <summary>Creates the exception.</summary>
    public WalmartRateLimitedException(string operation, HttpStatusCode? statusCode, string? correlationId, IReadOnlyList<WalmartError> errors, string? rawBody, Instant? retryAt, int? tokensLeft)
        : base(operation, statusCode, correlationId, errors, rawBody, Describe(operation, statusCode, correlationId, errors, $"throttled; the window replenishes at {retryAt?.ToString() ?? "an unknown time"}"))
    {
        RetryAt = retryAt;
        TokensLeft = tokensLeft;
    }

    /// <summary>When Walmart replenishes the window (<c>X-Next-Replenishment-Time</c> or <c>Retry-After</c>), if it said.</summary>
    public Instant? RetryAt { get; }

    /// <summary>The last <c>X-Current-Token-Count</c> seen, if any.</summary>
    public int? TokensLeft { get; }
}

/// <summary>Walmart refused the request body as too large (<c>413 Payload Too Large</c>), e.g. a bulk feed over the file-size limit. Never retried as is: split the request.</summary>
public sealed class WalmartPayloadTooLargeException : WalmartApiException
{
    /// <summary>Creates the exception.</summary>
    public WalmartPayloadTooLargeException(string operation, string? correlationId, IReadOnlyList<WalmartError> errors, string? rawBody, long? requestBytes)
        : base(operation, HttpStatusCode.RequestEntityTooLarge, correlationId, errors, rawBody, Describe(operation, HttpStatusCode.RequestEntityTooLarge, correlationId, errors, $"the request body ({requestBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} bytes) is too large; split it"))
        => RequestBytes = requestBytes;

    /// <summary>The size of the refused body in bytes, if known.</summary>
    public long? RequestBytes { get; }
}

/// <summary>Walmart refused the credentials or the token (<c>400</c>/<c>401</c> from the token API, <c>401</c>/<c>403</c> from an API after one token renewal).</summary>
public sealed class WalmartAuthenticationException : WalmartApiException
{
    /// <summary>Creates the exception.</summary>
    public WalmartAuthenticationException(string operation, HttpStatusCode? statusCode, string? correlationId, IReadOnlyList<WalmartError> errors, string? rawBody)
        : base(operation, statusCode, correlationId, errors, rawBody, Describe(operation, statusCode, correlationId, errors, "the client id, secret or token was refused"))
    {
    }
}

/// <summary>Any other failed call: a 4xx naming the field at fault, or a 5xx that was not (or no longer) retried.</summary>
public sealed class WalmartRequestException : WalmartApiException
{
    /// <summary>Creates the exception.</summary>
    public WalmartRequestException(string operation, HttpStatusCode? statusCode, string? correlationId, IReadOnlyList<WalmartError> errors, string? rawBody, Exception? inner = null)
        : base(operation, statusCode, correlationId, errors, rawBody, Describe(operation, statusCode, correlationId, errors, statusCode is null ? "no response" : "the request failed"), inner)
    {
    }
}

/// <summary>
/// Thrown when the seller side is asked to acknowledge, ship or cancel a WFS (Walmart-fulfilled) order: Walmart does that
/// itself, so the adapter never makes those calls.
/// </summary>
public sealed class WalmartFulfilledOrderException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    public WalmartFulfilledOrderException(string purchaseOrderId, string operation)
        : base($"Walmart order {purchaseOrderId} is fulfilled by WFS: the seller cannot {operation} it, so OrderCore never calls Walmart for that.")
    {
        PurchaseOrderId = purchaseOrderId;
        Operation = operation;
    }

    /// <summary>The purchase order.</summary>
    public string PurchaseOrderId { get; }

    /// <summary>What was asked: <c>acknowledge</c>, <c>ship</c> or <c>cancel</c>.</summary>
    public string Operation { get; }
}
