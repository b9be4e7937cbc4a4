using System.Net;
using NodaTime;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>One entry of an SP-API <c>errors[]</c> array (<c>Error{code, message, details}</c> in every SP-API model).</summary>
/// <param name="Code">The error code, e.g. <c>InvalidInput</c>, <c>QuotaExceeded</c>, <c>Unauthorized</c>.</param>
/// <param name="Message">Amazon's message.</param>
/// <param name="Details">Additional details, if any.</param>
public sealed record AmazonApiError(string Code, string? Message, string? Details = null);

/// <summary>
/// The base of every SP-API failure: carries the operation, the HTTP status, the SP-API <c>errors[]</c> and the
/// <c>x-amzn-RequestId</c> to quote to Amazon support. Catch this type to handle them all. The message never contains an
/// access token, a refresh token or a client secret.
/// </summary>
/// <seealso cref="AmazonSpApiCallException"/>
/// <seealso cref="AmazonQuotaExceededException"/>
/// <seealso cref="AmazonAuthenticationException"/>
/// <seealso cref="AmazonPaginationLoopException"/>
public abstract class AmazonSpApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The SP-API operation id, e.g. <c>getOrders</c>.</param>
    /// <param name="statusCode">The HTTP status; null when no response arrived or the body was unreadable on a 2xx.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> response header, if present.</param>
    /// <param name="errors">The SP-API <c>errors[]</c>; empty when the body had none.</param>
    /// <param name="message">What went wrong, naming the operation.</param>
    /// <param name="inner">The underlying error, if any.</param>
    protected AmazonSpApiException(string operation, HttpStatusCode? statusCode, string? requestId, IReadOnlyList<AmazonApiError> errors, string message, Exception? inner = null)
        : base(message, inner)
    {
        Operation = operation;
        StatusCode = statusCode;
        RequestId = requestId;
        Errors = errors ?? [];
    }

    /// <summary>The SP-API operation id, e.g. <c>getOrders</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status, or null when there was none.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the failed response, if any.</summary>
    public string? RequestId { get; }

    /// <summary>The SP-API <c>errors[]</c> of the response.</summary>
    public IReadOnlyList<AmazonApiError> Errors { get; }

    internal static string Describe(string operation, HttpStatusCode? status, string? requestId, IReadOnlyList<AmazonApiError> errors)
    {
        var what = errors.Count == 0 ? "no errors[] in the body" : string.Join("; ", errors.Select(x => x.Message is null ? x.Code : $"{x.Code}: {x.Message}"));
        return $"SP-API {operation} failed{(status is { } s ? $" with HTTP {(int)s}" : "")} ({what}){(requestId is null ? "" : $", request id {requestId}")}.";
    }
}

/// <summary>
/// Thrown when an SP-API call fails in any other way: a non-success status (400 <c>InvalidInput</c>, 403, 404, a 5xx after
/// the retries of a read), no response, or a body OrderCore cannot read.
/// </summary>
public sealed class AmazonSpApiCallException : AmazonSpApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The SP-API operation id, e.g. <c>getOrders</c>.</param>
    /// <param name="statusCode">The HTTP status; null when no response arrived.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> response header, if present.</param>
    /// <param name="errors">The SP-API <c>errors[]</c>; empty when the body had none.</param>
    /// <param name="message">What went wrong, naming the operation.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public AmazonSpApiCallException(string operation, HttpStatusCode? statusCode, string? requestId, IReadOnlyList<AmazonApiError> errors, string message, Exception? inner = null)
        : base(operation, statusCode, requestId, errors, message, inner)
    {
    }
}

/// <summary>
/// Thrown when an operation is throttled and the quota will not clear within <see cref="AmazonSpApiOptions.MaxThrottleWait"/>
/// (a long <c>Retry-After</c>, a very slow rate, or every retry used up). The caller should try again after
/// <see cref="RetryAfter"/>, not loop.
/// </summary>
public sealed class AmazonQuotaExceededException : AmazonSpApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The throttled operation.</param>
    /// <param name="retryAfter">How long until a request is expected to succeed.</param>
    /// <param name="requestId">The request id of the last 429, if any.</param>
    /// <param name="errors">The last 429's <c>errors[]</c>.</param>
    /// <param name="why">Why OrderCore stopped waiting.</param>
    public AmazonQuotaExceededException(string operation, Duration retryAfter, string? requestId, IReadOnlyList<AmazonApiError> errors, string why)
        : base(operation, HttpStatusCode.TooManyRequests, requestId, errors, $"SP-API {operation} is throttled: {why}; retry after {retryAfter}{(requestId is null ? "" : $" (request id {requestId})")}.")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long until a request is expected to succeed.</summary>
    public Duration RetryAfter { get; }
}

/// <summary>Thrown when Login with Amazon refuses the refresh-token exchange (e.g. <c>invalid_grant</c>, <c>invalid_client</c>). The message holds LWA's error code, never the credentials.</summary>
public sealed class AmazonAuthenticationException : AmazonSpApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The token endpoint's HTTP status.</param>
    /// <param name="error">LWA's <c>error</c> code, e.g. <c>invalid_grant</c>.</param>
    /// <param name="description">LWA's <c>error_description</c>, if any.</param>
    public AmazonAuthenticationException(HttpStatusCode? statusCode, string error, string? description)
        : base("lwaToken", statusCode, null, [new AmazonApiError(error, description)], $"Login with Amazon refused the refresh token exchange ({error}{(description is null ? "" : ": " + description)}).")
    {
        Error = error;
    }

    /// <summary>LWA's <c>error</c> code.</summary>
    public string Error { get; }
}

/// <summary>
/// Thrown when a paginated SP-API operation returns a next token it already returned in the same run: following it would
/// loop forever, so the pagination stops with this error instead.
/// </summary>
public sealed class AmazonPaginationLoopException : AmazonSpApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The paginated operation.</param>
    /// <param name="pagesRead">Pages read before the repeat.</param>
    public AmazonPaginationLoopException(string operation, int pagesRead)
        : base(operation, null, null, [], $"SP-API {operation} returned a next token it had already returned after {pagesRead} page(s); pagination stopped instead of looping.")
    {
        PagesRead = pagesRead;
    }

    /// <summary>Pages read before the repeated token.</summary>
    public int PagesRead { get; }
}
