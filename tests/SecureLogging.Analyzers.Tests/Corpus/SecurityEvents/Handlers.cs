using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Corpus.Handlers;

public class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Api-Key", out var provided))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (provided != "k")
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key")); // expect: SL2001
        }

        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "api") }, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name))); // expect: SL2001
    }
}

public class AuditedApiKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public AuditedApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        await Task.Yield();
        string? key = Request.Headers["X-Api-Key"];
        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        if (key != "k")
        {
            Logger.LogLoginFailed(null, "invalid_api_key", method: "api_key");
            return AuthenticateResult.Fail("Invalid API key");
        }

        Logger.LogLoginSucceeded("api", method: "api_key");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name));
    }
}

public class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        await Task.Yield();
        if (!Request.Headers.ContainsKey("Authorization"))
        {
            return AuthenticateResult.NoResult();
        }

        if (!Request.Headers["Authorization"].ToString().StartsWith("Basic ", StringComparison.Ordinal))
        {
            return Reject("Malformed header"); // expect: SL2002
        }

        Logger.LogLoginSucceeded("basic-user", method: "basic");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name));
    }

    // A helper returning the raw Fail result: its call site is the API.
    private static AuthenticateResult Reject(string reason) => AuthenticateResult.Fail(reason);
}

public static class AuthenticationSetup
{
    public static void Configure(JwtBearerOptions jwt, OpenIdConnectOptions oidc, ILogger logger)
    {
        jwt.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context => // expect: SL2001
            {
                logger.LogWarning(context.Exception, "JWT authentication failed");
                return Task.CompletedTask;
            },
            OnForbidden = context => Task.CompletedTask,
        };

        oidc.Events = new OpenIdConnectEvents
        {
            OnRemoteFailure = context =>
            {
                logger.LogLoginFailed(null, "oidc_remote_failure", method: "oidc");
                context.HandleResponse();
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = OnOidcFailed,
        };
    }

    private static Task OnOidcFailed(Microsoft.AspNetCore.Authentication.OpenIdConnect.AuthenticationFailedContext context)
    {
        var logger = context.HttpContext.RequestServices.GetService(typeof(ILogger<OpenIdConnectEvents>)) as ILogger;
        logger?.LogLoginFailed(null, "oidc_token_invalid", method: "oidc");
        return Task.CompletedTask;
    }
}
