namespace SecureLogging;

/// <summary>
/// The ambient "who and where" of security events: client ip address, request id, user agent and user id.
/// Every event created inside a <see cref="Begin"/> scope carries these values unless the call names them itself.
/// Scopes flow across <see langword="await"/> (they live in an <see cref="AsyncLocal{T}"/>) and nest: an inner
/// scope inherits what it does not set, and disposing it restores the outer one.
/// </summary>
public static class SecurityContext
{
    private static readonly AsyncLocal<Scope?> CurrentScope = new();

    /// <summary>Gets the client ip address of the current scope, or <see langword="null"/>.</summary>
    public static string? IpAddress => CurrentScope.Value?.IpAddress;

    /// <summary>Gets the request id of the current scope, or <see langword="null"/>.</summary>
    public static string? RequestId => CurrentScope.Value?.RequestId;

    /// <summary>Gets the user agent of the current scope, or <see langword="null"/>.</summary>
    public static string? UserAgent => CurrentScope.Value?.UserAgent;

    /// <summary>Gets the user id of the current scope, or <see langword="null"/>.</summary>
    public static string? UserId => CurrentScope.Value?.UserId;

    /// <summary>
    /// Starts a scope whose values are attached to every security event created inside it (on this async flow).
    /// A <see langword="null"/> argument keeps the value of the enclosing scope.
    /// </summary>
    /// <param name="ipAddress">The client ip address.</param>
    /// <param name="requestId">The request (correlation) id.</param>
    /// <param name="userAgent">The client user agent.</param>
    /// <param name="userId">The authenticated user's id.</param>
    /// <returns>A handle that ends the scope and restores the enclosing one when disposed.</returns>
    public static IDisposable Begin(string? ipAddress = null, string? requestId = null, string? userAgent = null, string? userId = null)
    {
        var outer = CurrentScope.Value;
        var scope = new Scope(
            outer,
            ipAddress ?? outer?.IpAddress,
            requestId ?? outer?.RequestId,
            userAgent ?? outer?.UserAgent,
            userId ?? outer?.UserId);
        CurrentScope.Value = scope;
        return scope;
    }

    private sealed class Scope : IDisposable
    {
        private readonly Scope? _outer;
        private int _disposed;

        public Scope(Scope? outer, string? ipAddress, string? requestId, string? userAgent, string? userId)
        {
            _outer = outer;
            IpAddress = ipAddress;
            RequestId = requestId;
            UserAgent = userAgent;
            UserId = userId;
        }

        public string? IpAddress { get; }

        public string? RequestId { get; }

        public string? UserAgent { get; }

        public string? UserId { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            // Only the innermost scope restores its outer one: disposing out of order must not resurrect
            // a scope that an inner (still active) scope has replaced.
            if (ReferenceEquals(CurrentScope.Value, this))
            {
                var outer = _outer;
                while (outer is not null && outer._disposed != 0)
                {
                    outer = outer._outer;
                }

                CurrentScope.Value = outer;
            }
        }
    }
}
