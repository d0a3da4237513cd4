using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureLogging;
using Shop.Models;

namespace Shop.Identity;

public sealed class ManageController : Controller
{
    private readonly UserManager<AppUser> _users;
    private readonly ILogger<ManageController> _logger;
    private readonly PasswordPolicy _policy;

    public ManageController(UserManager<AppUser> users, ILogger<ManageController> logger, IOptions<PasswordPolicy> policy)
    {
        _users = users;
        _logger = logger;
        _policy = policy.Value;
    }

    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        var user = await _users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        _logger.LogInformation("Password change for {UserId}, sign out everywhere: {SignOut}", user.Id, model.SignOutEverywhere);
        _logger.LogDebug("Password change from {Current} to {New}", model.CurrentPassword, model.NewPassword); // expect: SL1001, SL1001
        _logger.LogDebug("Confirmation matches: {Matches}", model.NewPassword == model.ConfirmNewPassword);
        _logger.LogDebug("Policy {@Policy}", _policy);
        _logger.LogDebug("Password policy requires {Length} characters", _policy.RequiredLength);
        _logger.LogDebug("New password length {PasswordLength}", model.NewPassword.Length);
        _logger.LogTrace("Change password model {@Model}", model); // expect: SL1004
        var newPassword = model.NewPassword;
        _logger.LogTrace("Setting {Value}", newPassword); // expect: SL1001
        var candidate = newPassword.Trim();
        _logger.LogTrace("Trimmed candidate {Candidate}", candidate); // expect: SL1001
        var hasPassword = await _users.HasPasswordAsync(user);
        _logger.LogDebug("User {UserId} has password: {HasPassword}", user.Id, hasPassword);
        var result = await _users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            _logger.LogWarning("Password change failed for {UserId}: {Errors}", user.Id, string.Join("; ", result.Errors.Select(e => e.Code)));
            _logger.LogWarning($"Password change failed for {user.Email}"); // expect: SL1003
            return View(model);
        }

        _logger.LogInformation("Password changed for {UserId}; stamp now {SecurityStamp}", user.Id, user.SecurityStamp); // expect: SL1001
        _logger.LogInformation("Password changed for {UserId}; concurrency {Stamp}", user.Id, user.ConcurrencyStamp);
        return RedirectToAction("Index");
    }

    [HttpPost]
    public async Task<IActionResult> TwoFactor(TwoFactorModel model)
    {
        var user = await _users.GetUserAsync(User);
        _logger.LogDebug("Two-factor code {Code} remember {Remember}", model.Code, model.RememberMachine);
        _logger.LogDebug("Two-factor recovery {RecoveryCode}", model.RecoveryCode); // expect: SL1001
        var verificationCode = model.Code.Replace(" ", string.Empty);
        _logger.LogDebug("Verifying {VerificationCode}", verificationCode); // expect: SL1001
        var mfaCode = verificationCode;
        Console.WriteLine("MFA " + mfaCode); // expect: SL1001
        var valid = await _users.VerifyTwoFactorTokenAsync(user!, TokenOptions.DefaultAuthenticatorProvider, verificationCode);
        _logger.LogInformation("Two-factor verification for {UserId}: {IsTokenValid}", user!.Id, valid);
        var recoveryCodesLeft = await _users.CountRecoveryCodesAsync(user);
        _logger.LogInformation("{UserId} has {Count} recovery codes left", user.Id, recoveryCodesLeft);
        var authenticatorKey = await _users.GetAuthenticatorKeyAsync(user);
        _logger.LogDebug("Authenticator key configured: {Configured}", authenticatorKey is not null);
        return Ok();
    }

    public async Task<IActionResult> Profile()
    {
        var user = await _users.GetUserAsync(User);
        var email = await _users.GetEmailAsync(user!);
        var phone = await _users.GetPhoneNumberAsync(user!);
        _logger.LogInformation("Profile for {Email}", email); // expect: SL1003
        _logger.LogInformation("Profile phone {Phone}", phone); // expect: SL1003
        _logger.LogInformation("Profile email confirmed {EmailConfirmed}", user!.EmailConfirmed);
        _logger.LogInformation("Profile normalized {NormalizedEmail}", user.NormalizedEmail); // expect: SL1003
        _logger.LogInformation("Profile user {NormalizedUserName}", user.NormalizedUserName);
        _logger.LogInformation("Profile {@User}", user); // expect: SL1004
        _logger.LogInformation("Profile {UserId} lockout {LockoutEnd} failures {AccessFailedCount}", user.Id, user.LockoutEnd, user.AccessFailedCount);
        return View();
    }
}

public sealed class ExternalLoginService
{
    private readonly ILogger<ExternalLoginService> _logger;
    private readonly IHttpContextAccessor _accessor;

    public ExternalLoginService(ILogger<ExternalLoginService> logger, IHttpContextAccessor accessor)
    {
        _logger = logger;
        _accessor = accessor;
    }

    public async Task OnLoginAsync(ExternalLoginInfo info, OAuthSettings settings)
    {
        _logger.LogInformation("External login via {Provider} for key {ProviderKey}", info.LoginProvider, info.ProviderKey);
        _logger.LogInformation("Provider display name {DisplayName}", info.ProviderDisplayName);
        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        _logger.LogInformation("External login email {Email}", email); // expect: SL1003
        var accessToken = info.AuthenticationTokens?.FirstOrDefault(t => t.Name == "access_token")?.Value;
        _logger.LogDebug("External access token {Token}", accessToken); // expect: SL1001
        _logger.LogDebug("External tokens {Count}", info.AuthenticationTokens?.Count() ?? 0);
        var idToken = info.AuthenticationProperties?.GetTokenValue("id_token");
        _logger.LogDebug("Id token {IdToken}", idToken); // expect: SL1001
        _logger.LogDebug("Refresh token {Value}", info.AuthenticationProperties?.GetTokenValue("refresh_token")); // expect: SL1001
        var context = _accessor.HttpContext!;
        var bearer = await context.GetTokenAsync("access_token");
        _logger.LogDebug("Bearer from context {Bearer}", bearer); // expect: SL1001

        _logger.LogInformation("OAuth authority {Authority} client {ClientId}", settings.Authority, settings.ClientId);
        _logger.LogInformation("OAuth token endpoint {TokenEndpoint}", settings.TokenEndpoint);
        _logger.LogInformation("OAuth authorization endpoint {AuthorizationEndpoint} callback {CallbackPath}", settings.AuthorizationEndpoint, settings.CallbackPath);
        _logger.LogDebug("OAuth client secret {ClientSecret}", settings.ClientSecret); // expect: SL1001
        _logger.LogDebug("OAuth settings {Settings}", System.Text.Json.JsonSerializer.Serialize(settings)); // expect: SL1004
        _logger.LogDebug("OAuth scopes {Scopes}", string.Join(" ", settings.Scopes));
    }
}

public static class JwtSetup
{
    public static JwtBearerEvents Events(ILogger logger) => new()
    {
        OnMessageReceived = context =>
        {
            logger.LogDebug("Bearer token received: {Token}", context.Token); // expect: SL1001
            logger.LogDebug("Authorization header present: {Present}", context.Request.Headers.ContainsKey("Authorization"));
            logger.LogDebug("Authorization header {Header}", context.Request.Headers.Authorization.ToString()); // expect: SL1001
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            logger.LogInformation("Token validated for {Subject}", context.Principal?.FindFirstValue("sub"));
            logger.LogDebug("Validated token {SecurityToken}", context.SecurityToken); // expect: SL1001
            logger.LogDebug("Validated token valid to {ValidTo}", context.SecurityToken.ValidTo);
            logger.LogDebug("Validated token issuer {Issuer}", context.SecurityToken.Issuer);
            return Task.CompletedTask;
        },
        OnAuthenticationFailed = context =>
        {
            logger.LogWarning(context.Exception, "Bearer authentication failed: {Message}", context.Exception.Message);
            return Task.CompletedTask;
        },
        OnChallenge = context =>
        {
            logger.LogInformation("Challenge {Error}: {Description}", context.Error, context.ErrorDescription);
            return Task.CompletedTask;
        },
    };

    public static OpenIdConnectEvents OidcEvents(ILogger logger) => new()
    {
        OnTokenResponseReceived = context =>
        {
            logger.LogDebug("Token response access token {AccessToken}", context.TokenEndpointResponse.AccessToken); // expect: SL1001
            logger.LogDebug("Token response type {TokenType} expires in {ExpiresIn}", context.TokenEndpointResponse.TokenType, context.TokenEndpointResponse.ExpiresIn);
            logger.LogDebug("Id token {Value}", context.TokenEndpointResponse.IdToken); // expect: SL1001
            return Task.CompletedTask;
        },
        OnRedirectToIdentityProvider = context =>
        {
            logger.LogInformation("Redirecting to {Address} with state {State}", context.ProtocolMessage.IssuerAddress, context.ProtocolMessage.State);
            return Task.CompletedTask;
        },
    };

    public static void Inspect(ILogger logger, string rawJwt)
    {
        var handler = new JwtSecurityTokenHandler();
        var jwt = handler.ReadJwtToken(rawJwt);
        logger.LogDebug("JWT subject {Subject} issuer {Issuer} expires {ValidTo}", jwt.Subject, jwt.Issuer, jwt.ValidTo);
        logger.LogDebug("JWT algorithm {Algorithm} audiences {Audiences}", jwt.Header.Alg, string.Join(",", jwt.Audiences));
        logger.LogDebug("JWT raw {Raw}", jwt.RawData); // expect: SL1001
        logger.LogDebug("JWT {Jwt}", jwt); // expect: SL1001
        logger.LogDebug("JWT claims {Claims}", jwt.Claims.Select(c => c.Type).ToArray());
        logger.LogDebug("JWT length {Length}", rawJwt.Length);
        var header = new AuthenticationHeaderValue("Bearer", rawJwt);
        logger.LogDebug("Outgoing header {Header}", header); // expect: SL1001
    }
}

public sealed class ApiKeyMiddleware
{
    private const string HeaderName = "X-Api-Key";
    private readonly RequestDelegate _next;
    private readonly ILogger<ApiKeyMiddleware> _logger;

    public ApiKeyMiddleware(RequestDelegate next, ILogger<ApiKeyMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, IApiKeyStore store)
    {
        _logger.LogDebug("Checking {HeaderName} on {Path}", HeaderName, context.Request.Path);
        var apiKey = context.Request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(apiKey))
        {
            _logger.LogWarning("Missing API key from {RemoteIp}", context.Connection.RemoteIpAddress);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var record = await store.FindAsync(apiKey);
        if (record is null)
        {
            _logger.LogWarning("Unknown API key {ApiKey} from {RemoteIp}", apiKey, context.Connection.RemoteIpAddress); // expect: SL1001
            _logger.LogWarning("Unknown API key with prefix {Prefix}", apiKey.Substring(0, Math.Min(6, apiKey.Length))); // expect: SL1001
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        _logger.LogInformation("API key {ApiKeyId} ({Name}) used, expires {ExpiresAt}", record.Id, record.Name, record.ExpiresAt);
        _logger.LogDebug("API key hash {KeyHash} prefix {Prefix}", record.KeyHash, record.Prefix);
        _logger.LogDebug("API key record {@Record}", record); // expect: SL1003
        _logger.LogDebug("API key owner {Owner}", record.OwnerEmail); // expect: SL1003
        _logger.LogDebug("API key fingerprint {Fingerprint}", Redact.Token(apiKey));
        await _next(context);
    }
}

public interface IApiKeyStore
{
    Task<ApiKeyRecord?> FindAsync(string apiKey);
}

public sealed class TokenIssuer
{
    private readonly ILogger<TokenIssuer> _logger;

    public TokenIssuer(ILogger<TokenIssuer> logger) => _logger = logger;

    public AccessToken Issue(AppUser user, ClientCredentials client, SessionToken session, EmbedWidget widget)
    {
        var token = new AccessToken(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddHours(1));
        _logger.LogInformation("Issued {Token} to {UserId}", token, user.Id); // expect: SL1001
        _logger.LogInformation("Issued token expiring {ExpiresAt}", token.ExpiresAt);
        _logger.LogDebug("Issued token value {Value}", token.Value); // expect: SL1001
        _logger.LogInformation("Client {Client} authenticated", client); // expect: SL1001
        _logger.LogInformation("Client {ClientId} authenticated", client.ClientId);
        _logger.LogDebug("Client secret {Secret}", client.ClientSecret); // expect: SL1001
        _logger.LogInformation("Session {Session} started", session);
        _logger.LogInformation("Session id {SessionId} issued at {IssuedAt}", session.Id, session.IssuedAt);
        _logger.LogInformation("Widget {@Widget}", widget);
        _logger.LogInformation("Widget embed token {EmbedToken}", widget.EmbedToken);
        var tokenStatus = TokenStatus.Active;
        _logger.LogInformation("Token status {TokenStatus}", tokenStatus);
        var tokenLifetime = TimeSpan.FromHours(1);
        _logger.LogInformation("Token lifetime {TokenLifetime}", tokenLifetime);
        var tokenExpiry = DateTimeOffset.UtcNow.AddHours(1);
        _logger.LogInformation("Token expiry {TokenExpiry}", tokenExpiry);
        Guid tokenId = Guid.NewGuid();
        _logger.LogInformation("Token id {TokenId}", tokenId);
        Guid refreshToken = Guid.NewGuid();
        _logger.LogDebug("Refresh handle {Handle}", refreshToken); // expect: SL1001
        return token;
    }

    public void Audit(LoginAudit audit, LoginAttempted attempted, TokenIssued issued, PasswordResetRequested reset)
    {
        _logger.LogInformation("Login audit {@Audit}", audit);
        _logger.LogInformation("Login audit token valid {IsTokenValid}, {TokenCount} tokens, has password {HasPassword}, length {PasswordLength}, algorithm {PasswordHashAlgorithm}",
            audit.IsTokenValid, audit.TokenCount, audit.HasPassword, audit.PasswordLength, audit.PasswordHashAlgorithm);
        _logger.LogInformation("Attempt {Attempt}", attempted);
        _logger.LogInformation("Issued {Issued}", issued);
        _logger.LogInformation("Reset requested {Reset}", reset); // expect: SL1004
        _logger.LogInformation("Reset requested for {UserId}", reset.UserId);
        _logger.LogDebug("Reset token {Token}", reset.ResetToken); // expect: SL1001
    }
}
