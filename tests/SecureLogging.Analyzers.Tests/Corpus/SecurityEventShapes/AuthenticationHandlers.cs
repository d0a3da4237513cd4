using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Shapes.Events;

namespace Shapes.Handlers;

// Custom authentication handlers as the docs and blog posts write them: API-key and Basic schemes.

public class ApiKeyAuthenticationHandler : AuthenticationHandler<ApiKeyOptions>
{
    private readonly IApiKeyStore _keys;

    public ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys)
        : base(options, logger, encoder)
    {
        _keys = keys;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Options.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString();
        if (string.IsNullOrWhiteSpace(presented))
        {
            return AuthenticateResult.Fail("Empty API key"); // expect: SL2001
        }

        var record = await _keys.FindAsync(presented, Context.RequestAborted);
        if (record is null)
        {
            Logger.LogWarning("Invalid API key presented");
            return AuthenticateResult.Fail("Invalid API key"); // expect: SL2001
        }

        var claims = new[] { new Claim(ClaimTypes.NameIdentifier, record.OwnerId), new Claim("api_key_id", record.Id) };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)); // expect: SL2001
    }
}

// The same handler recording both outcomes with EventId fields and a [LoggerMessage] extension method.
public class AuditedApiKeyHandler : AuthenticationHandler<ApiKeyOptions>
{
    private readonly IApiKeyStore _keys;

    public AuditedApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys)
        : base(options, logger, encoder)
    {
        _keys = keys;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Options.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var record = await _keys.FindAsync(values.ToString(), Context.RequestAborted);
        if (record is null)
        {
            Logger.LogWarning(SecurityEventIds.LoginFailed, "Invalid API key presented from {Ip}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Invalid API key");
        }

        Logger.LoginAccepted(record.OwnerId);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, record.OwnerId) }, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

// Synchronous handler: Task.FromResult around each outcome. The failure is recorded, the success is not.
public class StaticKeyHandler : AuthenticationHandler<ApiKeyOptions>
{
    public StaticKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers[Options.HeaderName];
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!string.Equals(key, "expected", StringComparison.Ordinal))
        {
            Logger.LoginRejected("api-key", "invalid_key");
            return Task.FromResult(AuthenticateResult.Fail("Invalid key"));
        }

        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(ticket)); // expect: SL2002
    }
}

// Basic authentication delegating to a helper that returns the raw results: the helper is a wrapper and the call in
// HandleAuthenticateAsync is the API (SPEC §6). Nothing records anything.
public class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly UserManager<ApplicationUser> _users;

    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserManager<ApplicationUser> users)
        : base(options, logger, encoder)
    {
        _users = users;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Scheme != "Basic" || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
        return await ValidateAsync(decoded[0], decoded.Length > 1 ? decoded[1] : ""); // expect: SL2001
    }

    private async Task<AuthenticateResult> ValidateAsync(string userName, string password)
    {
        var user = await _users.FindByNameAsync(userName);
        if (user is null)
        {
            return AuthenticateResult.Fail("Unknown user");
        }

        if (!await _users.CheckPasswordAsync(user, password)) // expect: SL2001
        {
            return AuthenticateResult.Fail("Bad password");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, userName) }, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

// The audited Basic handler: the password check records both outcomes, so the results built from it are covered.
public class AuditedBasicHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly UserManager<ApplicationUser> _users;

    public AuditedBasicHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserManager<ApplicationUser> users)
        : base(options, logger, encoder)
    {
        _users = users;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (userName, password) = ReadCredentials();
        if (userName is null)
        {
            return AuthenticateResult.NoResult();
        }

        var user = await _users.FindByNameAsync(userName);
        if (user is null || !await _users.CheckPasswordAsync(user, password!))
        {
            Logger.LogLoginFailed(userName, "invalid_credentials", method: "basic");
            return AuthenticateResult.Fail("Invalid credentials");
        }

        Logger.LogLoginSucceeded(user.Id, user.UserName, method: "basic");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name));
    }

    private (string? UserName, string? Password) ReadCredentials()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : null);
    }
}
