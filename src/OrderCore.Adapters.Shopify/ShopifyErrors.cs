namespace OrderCore.Adapters.Shopify;

/// <summary>
/// Thrown when a Shopify payload (webhook body, REST response, recorded file) is not valid JSON or lacks a field the
/// mapping needs, e.g. an order without <c>id</c> or a line item without <c>quantity</c>. Nothing was applied: the
/// adapter parses and maps a whole payload before it changes any state.
/// </summary>
public sealed class ShopifyPayloadException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The JSON path of the offending field, e.g. <c>$.line_items[1].quantity</c>, or <c>$</c> for the whole body.</param>
    /// <param name="reason">What is wrong with it.</param>
    /// <param name="inner">The JSON reader error, if any.</param>
    public ShopifyPayloadException(string field, string reason, Exception? inner = null)
        : base($"Shopify payload: {field}: {reason}", inner)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>The JSON path of the offending field (<c>$</c> for the whole body).</summary>
    public string Field { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}

/// <summary>
/// Thrown by <see cref="Http.ShopifyClient"/> when Shopify answers with an error: a non-success HTTP status after the
/// resilience pipeline gave up (including a 429 still throttled after the bounded retries), a GraphQL top-level error
/// (e.g. <c>THROTTLED</c> after the bounded waits, <c>ACCESS_DENIED</c>), or a response body that cannot be read.
/// </summary>
public sealed class ShopifyApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path relative to the shop, e.g. <c>/admin/api/2026-07/fulfillments.json</c>.</param>
    /// <param name="statusCode">The HTTP status (200 for a GraphQL error delivered with HTTP 200).</param>
    /// <param name="requestId">Shopify's <c>X-Request-Id</c> response header, quoted to Shopify support; null when absent.</param>
    /// <param name="errorCode">A machine-readable code when Shopify gave one (GraphQL <c>extensions.code</c>), else null.</param>
    /// <param name="errorBody">The error body as Shopify sent it (truncated to 4,000 characters), or null.</param>
    /// <param name="message">A one-line description.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ShopifyApiException(string method, string path, int statusCode, string? requestId, string? errorCode, string? errorBody, string message, Exception? inner = null)
        : base(message, inner)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        RequestId = requestId;
        ErrorCode = errorCode;
        ErrorBody = errorBody;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request path relative to the shop.</summary>
    public string Path { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Shopify's <c>X-Request-Id</c>, or null.</summary>
    public string? RequestId { get; }

    /// <summary>A machine-readable error code (GraphQL <c>extensions.code</c>, e.g. <c>THROTTLED</c>), or null.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error body Shopify sent, truncated to 4,000 characters, or null.</summary>
    public string? ErrorBody { get; }
}

/// <summary>A GraphQL mutation user error: <c>userErrors[]{code, field, message}</c>.</summary>
/// <param name="Code">The error code, e.g. <c>CHANGE_FROM_QUANTITY_STALE</c>; null when Shopify gave none.</param>
/// <param name="Field">The input path, e.g. <c>input.quantities.0.changeFromQuantity</c>, joined with dots; null when none.</param>
/// <param name="Message">Shopify's message.</param>
public sealed record ShopifyUserError(string? Code, string? Field, string Message);
