// Spec corpus: what real services log that must stay quiet (names near the lists, framework objects, counts and
// flags about secrets), and request values reached through helpers.
using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Threading.Tasks;
using Contoso.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Contoso.Traps;

public sealed class QuietService(ILogger<QuietService> logger, UserManager<IdentityUser> users)
{
    public async Task QuietAsync(IdentityUser user, IdentityResult result, Microsoft.AspNetCore.Identity.SignInResult signIn, ClaimsPrincipal principal,
        TokenValidationParameters parameters, SigningCredentials signingCredentials, string[] recoveryCodes, string emailTemplate,
        bool emailConfirmed, string passwordResetLink, string keyVaultUri, string secretVersion, string cardLast4, string emailDomain,
        int pinAttempts, string customerName, string cookieName, string authenticationScheme, string jwtAudience)
    {
        logger.LogInformation("User {UserId} ({UserName}) created: {Succeeded}", user.Id, user.UserName, result.Succeeded);
        logger.LogWarning("Password change failed: {Errors}", string.Join(", ", result.Errors.Select(e => e.Description)));
        logger.LogInformation("Sign-in {Result} locked {Locked}", signIn, signIn.IsLockedOut);
        logger.LogInformation("Principal {Name} authenticated by {Type}", principal.Identity?.Name, principal.Identity?.AuthenticationType);
        logger.LogDebug("Validating issuer {Issuer}", parameters.ValidIssuer);
        logger.LogDebug("Signing with {Algorithm}", signingCredentials.Algorithm);
        logger.LogInformation("Generated {Count} recovery codes", recoveryCodes.Length);
        logger.LogInformation("{Count} codes left", recoveryCodes.Count());
        logger.LogInformation("Template {Template}, confirmed {Confirmed}", emailTemplate, emailConfirmed);
        logger.LogInformation("Reset link sent ({Length} chars)", passwordResetLink.Length);
        logger.LogInformation("Vault {Vault} version {Version}", keyVaultUri, secretVersion);
        logger.LogInformation("Card ending {Last4}, domain {Domain}", cardLast4, emailDomain);
        logger.LogInformation("{Attempts} PIN attempts by {Customer}", pinAttempts, customerName);
        logger.LogInformation("Cookie {CookieName} for scheme {Scheme} audience {Audience}", cookieName, authenticationScheme, jwtAudience);
        logger.LogInformation("Email confirmed {Confirmed}, two-factor {TwoFactor}", user.EmailConfirmed, user.TwoFactorEnabled);
        logger.LogInformation("Lockout ends {End}, failures {Failures}", user.LockoutEnd, user.AccessFailedCount);
        logger.LogInformation("User {User}", user);
        logger.LogInformation("Has password {HasPassword}", await users.HasPasswordAsync(user));
        logger.LogInformation("Roles {Roles}", await users.GetRolesAsync(user));
        logger.LogDebug("Identity user {@User}", user); // expect: SL1004
    }

    public async Task TokensAsync(HttpContext context, JwtSecurityTokenHandler handler, JwtSecurityToken jwt)
    {
        logger.LogDebug("Access token {Token}", await context.GetTokenAsync("access_token")); // expect: SL1001
        logger.LogDebug("Token {Token}", handler.WriteToken(jwt)); // expect: SL1001
        logger.LogDebug("Token for {Subject} valid to {ValidTo} with {ClaimCount} claims", jwt.Subject, jwt.ValidTo, jwt.Claims.Count());
        logger.LogDebug("Token {Jwt}", jwt); // expect: SL1001
    }
}

[ApiController]
[Route("api/files")]
public sealed class FilesController(ILogger<FilesController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Upload(IFormFile file, string q, int page)
    {
        logger.LogInformation("Uploaded " + file.FileName + " (" + file.Length + " bytes)"); // expect: SL3001
        logger.LogInformation("Term " + q.Trim().ToLowerInvariant()); // expect: SL3001
        logger.LogInformation("Length " + q.Length + " page " + page.ToString());
        logger.LogInformation("Slug " + Request.RouteValues["slug"]); // expect: SL3001
        logger.LogInformation("Url " + Request.GetDisplayUrl()); // expect: SL3001
        var dto = await Request.ReadFromJsonAsync<SearchFilter>();
        logger.LogInformation("Filter " + dto?.Term); // expect: SL3001
        logger.LogInformation("Method " + Request.Method + " scheme " + Request.Scheme);
        return Ok();
    }
}
