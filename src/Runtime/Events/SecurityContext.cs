namespace SecureLogging;

/// <summary>
/// The ambient "who and where" of security events: client ip address, request id, user agent and user id.
/// Every event created inside a <see cref="Begin(string, string, string, string)"/> scope carries these values unless the call names them itself.
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
        var scope = new Scope(CurrentScope.Value, source: null, ipAddress, requestId, userAgent, userId);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>
    /// Starts a scope whose values are read from <paramref name="source"/> each time an event asks for them (the
    /// ASP.NET Core integration reads the client ip and the user from the request only once forwarded headers and
    /// authentication have been applied). Values the source does not know come from the enclosing scope.
    /// </summary>
    internal static IDisposable Begin(ISecurityContextSource source)
    {
        var scope = new Scope(CurrentScope.Value, source, ipAddress: null, requestId: null, userAgent: null, userId: null);
        CurrentScope.Value = scope;
        return scope;
    }

    private sealed class Scope : IDisposable
    {
        private readonly Scope? _outer;
        private readonly ISecurityContextSource? _source;
        private readonly string? _ipAddress;
        private readonly string? _requestId;
        private readonly string? _userAgent;
        private readonly string? _userId;
        private int _disposed;

        public Scope(Scope? outer, ISecurityContextSource? source, string? ipAddress, string? requestId, string? userAgent, string? userId)
        {
            _outer = outer;
            _source = source;
            _ipAddress = ipAddress;
            _requestId = requestId;
            _userAgent = userAgent;
            _userId = userId;
        }

        public string? IpAddress => _ipAddress ?? _source?.IpAddress ?? _outer?.IpAddress;

        public string? RequestId => _requestId ?? _source?.RequestId ?? _outer?.RequestId;

        public string? UserAgent => _userAgent ?? _source?.UserAgent ?? _outer?.UserAgent;

        public string? UserId => _userId ?? _source?.UserId ?? _outer?.UserId;

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
