using Microsoft.AspNetCore.Authentication.Cookies;

namespace Corpus.MinimalApis;

public static class AuthEndpoints
{
    public static void MapAuth(this WebApplication app)
    {
        app.MapPost("/login", async (LoginInput input, SignInManager<AppUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(input.UserName, input.Password, false, true); // expect: SL2001
            return result.Succeeded ? Results.Ok() : Results.Unauthorized();
        });

        app.MapPost("/login2", async (LoginInput input, SignInManager<AppUser> signIn, ILogger<AppUser> logger) =>
        {
            var result = await signIn.PasswordSignInAsync(input.UserName, input.Password, false, true);
            if (result.Succeeded)
            {
                logger.LogLoginSucceeded(input.UserName);
                return Results.Ok();
            }

            logger.LogLoginFailed(input.UserName, result.IsLockedOut ? "locked_out" : "invalid_credentials");
            return Results.Unauthorized();
        });

        app.MapPost("/cookie-login", async (HttpContext http, LoginInput input, ILoggerFactory loggers) =>
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, input.UserName) }, CookieAuthenticationDefaults.AuthenticationScheme));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            loggers.CreateLogger("auth").LogLoginSucceeded(input.UserName);
            return Results.Ok();
        });

        app.MapPost("/cookie-logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme); // expect: SL2001
            return Results.Ok();
        });

        app.MapDelete("/users/{id}", async (string id, UserManager<AppUser> users) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return Results.NotFound();
            await users.DeleteAsync(user); // expect: SL2004
            return Results.NoContent();
        });

        app.MapGet("/reports/{id}", async (string id, ClaimsPrincipal user, IAuthorizationService authz, ILogger<AppUser> logger) =>
        {
            var result = await authz.AuthorizeAsync(user, id, "ReportReader");
            if (!result.Succeeded)
            {
                logger.LogAccessDenied(user.Identity?.Name, "report:" + id, "read", "policy");
                return Results.Forbid();
            }

            return Results.Ok();
        });

        app.MapGet("/admin/{id}", (string id, ClaimsPrincipal user) =>
            user.IsInRole("Admin") ? Results.Ok(id) : Results.Forbid()); // expect: SL2003

        app.MapPost("/keys", CreateApiKey);
        app.MapPost("/keys/revoke", RevokeApiKey);
    }

    private static IResult CreateApiKey(ClaimsPrincipal user) // expect: SL2005
    {
        return Results.Ok(Guid.NewGuid().ToString("N"));
    }

    private static IResult RevokeApiKey(string keyId, ClaimsPrincipal user, ILogger<AppUser> logger)
    {
        logger.LogApiKeyRevoked(user.Identity?.Name ?? "", keyId);
        return Results.NoContent();
    }
}
