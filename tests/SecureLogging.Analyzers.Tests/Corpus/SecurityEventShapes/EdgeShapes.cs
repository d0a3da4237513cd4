using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Shapes.Edge;

// (An app's SignInManager subclass that records inside its override covers every call in the compilation, SPEC §6:
// AuthenticationWithoutEventAnalyzerTests.OverrideOfTheApiThatEmitsCoversCallsThroughTheBaseType, not here.)

// Hooks configured through the options pattern and a target-typed Events object.
public static class OptionsPatternSetup
{
    public static void Add(IServiceCollection services, ILogger logger)
    {
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Events = new()
            {
                OnAuthenticationFailed = context => // expect: SL2001
                {
                    context.NoResult();
                    return Task.CompletedTask;
                },
            };
        });

        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var previous = options.Events.OnAuthenticationFailed;
            options.Events.OnAuthenticationFailed = async context =>
            {
                await previous(context);
                logger.LogLoginFailed(null, "invalid_bearer_token", method: "jwt");
            };
        });
    }
}

// Handler outcomes through try/catch and through a result variable.
public class HeaderTokenHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public HeaderTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        try
        {
            var token = Request.Headers["X-Token"].ToString();
            await Task.Yield();
            if (token.Length == 0)
            {
                return AuthenticateResult.NoResult();
            }

            Logger.LogLoginSucceeded("token-user", method: "header_token");
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name));
        }
        catch (FormatException ex)
        {
            return AuthenticateResult.Fail(ex); // expect: SL2002
        }
    }
}

public class VariableResultHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public VariableResultHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        AuthenticateResult result;
        var key = Request.Headers["X-Key"].ToString();
        if (key == "secret-value")
        {
            result = AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name));
            Logger.LogLoginSucceeded("key-user", method: "api_key");
        }
        else
        {
            result = AuthenticateResult.Fail("Invalid key");
            Logger.LogLoginFailed(null, "invalid_api_key", method: "api_key");
        }

        return Task.FromResult(result);
    }
}

// Denials written with other status-code spellings and schemes.
public class ReportsController : Controller
{
    private readonly IAuthorizationService _authorization;

    public ReportsController(IAuthorizationService authorization) => _authorization = authorization;

    public IActionResult Monthly(bool allowed)
        => allowed ? View() : StatusCode((int)HttpStatusCode.Forbidden); // expect: SL2003

    public IActionResult Yearly(bool allowed)
    {
        if (!allowed)
        {
            return Forbid(JwtBearerDefaults.AuthenticationScheme); // expect: SL2003
        }

        return View();
    }

    public async Task<IActionResult> Shared(string id)
    {
        var result = await _authorization.AuthorizeAsync(User, id, "Reader"); // expect: SL2003
        if (!result.Succeeded)
        {
            return Challenge();
        }

        return View();
    }
}
