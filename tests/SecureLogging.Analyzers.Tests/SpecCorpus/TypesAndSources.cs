// Spec corpus: SPEC §5 "Types", secret sources, configuration keys, secret value objects and flow through locals.
using System;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Contoso.Sources;

public sealed class TypeRulesService
{
    private readonly ILogger<TypeRulesService> _logger;

    public TypeRulesService(ILogger<TypeRulesService> logger) => _logger = logger;

    public void Types(bool savePassword, DateTime passwordChangedOn, DateTimeOffset tokenIssuedAt, TimeSpan tokenValidity, TokenKind token,
        CancellationToken cancellationToken, Guid apiKey, Guid sessionId, Guid email, int pin, int passwordLength, int otp, long accountNumber,
        int cvv, int phone, int verificationCode, short recoveryCode, DateTime dateOfBirth, DateOnly birthDate, int? pinCode)
    {
        _logger.LogInformation("Save {SavePassword}", savePassword);
        _logger.LogInformation("Changed {Password}", passwordChangedOn);
        _logger.LogInformation("Issued {Token}", tokenIssuedAt);
        _logger.LogInformation("Valid {Token}", tokenValidity);
        _logger.LogInformation("Kind {Token}", token);
        _logger.LogInformation("Cancelled {Token}", cancellationToken);
        _logger.LogInformation("Key {ApiKey}", apiKey); // expect: SL1001
        _logger.LogInformation("Session {SessionId}", sessionId);
        _logger.LogInformation("Email {Email}", email);
        _logger.LogInformation("PIN {Pin}", pin); // expect: SL1001
        _logger.LogInformation("Length {PasswordLength}", passwordLength);
        _logger.LogInformation("OTP {Otp}", otp); // expect: SL1001
        _logger.LogInformation("Account {AccountNumber}", accountNumber); // expect: SL1002
        _logger.LogInformation("CVV {Cvv}", cvv); // expect: SL1002
        _logger.LogInformation("Phone {Phone}", phone);
        _logger.LogInformation("Code {VerificationCode}", verificationCode); // expect: SL1001
        _logger.LogInformation("Code {RecoveryCode}", recoveryCode); // expect: SL1001
        _logger.LogInformation("Born {DateOfBirth}", dateOfBirth); // expect: SL1003
        _logger.LogInformation("Born {BirthDate}", birthDate); // expect: SL1003
        _logger.LogInformation("PIN {PinCode}", pinCode); // expect: SL1001
    }

    public void MembersOfSensitiveValues(string password, string token, string apiKey, string cardNumber, string email)
    {
        _logger.LogInformation("Length {Length}", password.Length);
        _logger.LogInformation("Prefix {Prefix}", token.Substring(0, 6)); // expect: SL1001
        _logger.LogInformation("Prefix {Prefix}", apiKey[..8]); // expect: SL1001
        _logger.LogInformation("Upper {Value}", token.ToUpperInvariant()); // expect: SL1001
        _logger.LogInformation("Trimmed {Value}", password.Trim()); // expect: SL1001
        _logger.LogInformation("Empty {Empty}", string.IsNullOrEmpty(password));
        _logger.LogInformation("Bearer {IsBearer}", token.StartsWith("Bearer ", StringComparison.Ordinal));
        _logger.LogInformation("Hash {Hash}", apiKey.GetHashCode());
        _logger.LogInformation("Last four {Last4}", cardNumber[^4..]); // expect: SL1002
        _logger.LogInformation("Domain {Domain}", email.Split('@')[1]); // expect: SL1003
        _logger.LogInformation("Chars {Chars}", token.ToCharArray()); // expect: SL1001
    }

    public void ValueObjects(ApiKey key, RefreshToken refresh, SessionToken session, Credentials credentials, AccessTokenResult result)
    {
        _logger.LogInformation("Issued {Key}", key); // expect: SL1001
        _logger.LogInformation("Key created {CreatedAt}", key.CreatedAt);
        _logger.LogInformation("Key {Prefix}", key.Value); // expect: SL1001
        _logger.LogInformation("Refresh {Refresh}", refresh); // expect: SL1001
        _logger.LogInformation("Refresh expires {ExpiresAt}", refresh.ExpiresAt);
        _logger.LogInformation("Session {Session}", session);
        _logger.LogInformation("Login {Credentials}", credentials); // expect: SL1001
        _logger.LogInformation("Login as {UserName}", credentials.UserName);
        _logger.LogInformation("Login with {Secret}", credentials.Password); // expect: SL1001
        _logger.LogInformation("Token {Result}", result);
        _logger.LogInformation("Token {Value}", result.AccessToken); // expect: SL1001
    }

    public sealed class AccessTokenResult
    {
        public bool Succeeded { get; set; }
        public string AccessToken { get; set; } = "";
    }
}

public sealed class SecretSources
{
    private readonly ILogger<SecretSources> _logger;

    public SecretSources(ILogger<SecretSources> logger) => _logger = logger;

    public void Sources(SecureString secure, NetworkCredential credential, HttpClient client, HttpRequest request, JwtSecurityToken jwt)
    {
        _logger.LogDebug("Secure {Value}", secure); // expect: SL1001
        _logger.LogDebug("SMTP user {User} with {Value}", credential.UserName, credential.Password); // expect: SL1001
        _logger.LogDebug("Outgoing {Header}", client.DefaultRequestHeaders.Authorization); // expect: SL1001
        _logger.LogDebug("Scheme {Scheme}", client.DefaultRequestHeaders.Authorization?.Scheme);
        _logger.LogDebug("Incoming {Header}", request.Headers.Authorization); // expect: SL1001
        _logger.LogDebug("Incoming {Header}", request.Headers["Authorization"]); // expect: SL1001
        _logger.LogDebug("Key {Header}", request.Headers["X-Api-Key"]); // expect: SL1001
        _logger.LogDebug("Form {Value}", request.Form["password"]); // expect: SL1001
        _logger.LogDebug("Form {Value}", request.Form["userName"]);
        _logger.LogDebug("Agent {Agent}", request.Headers.UserAgent);
        _logger.LogDebug("Raw {Jwt}", jwt.RawData); // expect: SL1001
        _logger.LogDebug("Issuer {Issuer} subject {Subject}", jwt.Issuer, jwt.Subject);
        _logger.LogDebug("Expires {ValidTo}", jwt.ValidTo);
    }

    public void Flow(HttpRequest request, SignInModel model)
    {
        var header = request.Headers["Authorization"].ToString();
        _logger.LogDebug("Header {Value}", header); // expect: SL1001
        var bearer = header.Substring("Bearer ".Length);
        _logger.LogDebug("Bearer {Value}", bearer); // expect: SL1001
        var pw = model.Password;
        _logger.LogDebug("Typed {Value}", pw); // expect: SL1001
        string value;
        value = model.Password;
        _logger.LogDebug("Typed {Value}", value); // expect: SL1001
        var user = model.UserName;
        _logger.LogDebug("User {Value}", user);
        if (request.Headers.TryGetValue("X-Api-Key", out var key))
        {
            _logger.LogDebug("Caller key {Value}", key); // expect: SL1001
        }

        var parts = header.Split(' ');
        _logger.LogDebug("Parts {Value}", parts[1]); // expect: SL1001
    }
}

public sealed class ConfigurationKeys
{
    private readonly ILogger<ConfigurationKeys> _logger;
    private readonly IConfiguration _config;

    public ConfigurationKeys(ILogger<ConfigurationKeys> logger, IConfiguration config)
    {
        _logger = logger;
        _config = config;
    }

    public void Keys()
    {
        _logger.LogInformation("Signing with {Key}", _config["Jwt:SigningKey"]); // expect: SL1001
        _logger.LogInformation("Issuer {Issuer}", _config["Jwt:Issuer"]);
        _logger.LogInformation("Stripe {Key}", _config.GetValue<string>("Stripe:ApiKey")); // expect: SL1001
        _logger.LogInformation("Db {Db}", _config.GetConnectionString("Orders")); // expect: SL1001
        _logger.LogInformation("Db {Db}", _config["ConnectionStrings:Orders"]); // expect: SL1001
        _logger.LogInformation("Db {Db}", _config.GetSection("ConnectionStrings")["Default"]); // expect: SL1001
        _logger.LogInformation("Smtp {Smtp}", _config.GetSection("Smtp:Password").Value); // expect: SL1001
        _logger.LogInformation("Smtp {Host}", _config.GetSection("Smtp")["Host"]);
        _logger.LogInformation("Smtp {Password}", _config.GetSection("Smtp")["Password"]); // expect: SL1001
        _logger.LogInformation("Level {Level}", _config["Logging:LogLevel:Default"]);
        _logger.LogInformation("Hosts {Hosts}", _config["AllowedHosts"]);
        _logger.LogInformation("Lifetime {Lifetime}", _config.GetValue<int>("Auth:TokenLifetimeMinutes"));
        _logger.LogInformation("Endpoint {Url}", _config["Auth:TokenUrl"]);
        _logger.LogInformation("Client secret {Secret}", _config["Authentication:Google:ClientSecret"]); // expect: SL1001
        _logger.LogInformation("Client {ClientId}", _config["Authentication:Google:ClientId"]);
        var jwt = _config.GetSection("Jwt");
        _logger.LogInformation("Key {Key}", jwt["SigningKey"]); // expect: SL1001
        _logger.LogInformation("Audience {Audience}", jwt["Audience"]);
    }
}

public sealed class IdentityMethodResults
{
    private readonly ILogger<IdentityMethodResults> _logger;
    private readonly UserManager<ApplicationUser> _users;

    public IdentityMethodResults(ILogger<IdentityMethodResults> logger, UserManager<ApplicationUser> users)
    {
        _logger = logger;
        _users = users;
    }

    public async Task ResultsAsync(ApplicationUser user, IPasswordHasher<ApplicationUser> hasher, string password)
    {
        _logger.LogDebug("Reset {Code}", await _users.GeneratePasswordResetTokenAsync(user)); // expect: SL1001
        _logger.LogDebug("Confirm {Code}", await _users.GenerateEmailConfirmationTokenAsync(user)); // expect: SL1001
        var code = await _users.GenerateTwoFactorTokenAsync(user, "Email");
        _logger.LogDebug("2FA {Code}", code); // expect: SL1001
        _logger.LogDebug("Stamp {Stamp}", await _users.GetSecurityStampAsync(user)); // expect: SL1001
        _logger.LogDebug("Mail {Mail}", await _users.GetEmailAsync(user)); // expect: SL1003
        _logger.LogDebug("Phone {Phone}", await _users.GetPhoneNumberAsync(user)); // expect: SL1003
        _logger.LogDebug("Hashed {Hashed}", hasher.HashPassword(user, password)); // expect: SL1001
        _logger.LogDebug("User {Id} {Name}", await _users.GetUserIdAsync(user), await _users.GetUserNameAsync(user));
        var codes = await _users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        _logger.LogDebug("Codes {Codes}", string.Join(", ", codes!)); // expect: SL1001
        _logger.LogDebug("Has password {Has}", await _users.HasPasswordAsync(user));
        _logger.LogDebug("Left {Left}", await _users.CountRecoveryCodesAsync(user));
        _logger.LogDebug("User {Email} {Hash}", user.Email, user.PasswordHash); // expect: SL1003, SL1001
        _logger.LogDebug("User {Id} {UserName} {Locked}", user.Id, user.UserName, user.LockoutEnd);
    }

    private static string GetApiKey() => "k";
    private static string ReadSigningKey() => "k";
    private static Task<string> FetchAccessTokenAsync() => Task.FromResult("t");
    private static string GenerateToken() => "t";
    private static DateTimeOffset GetTokenExpiry() => DateTimeOffset.UtcNow;
    private static bool ValidatePassword(string p) => p.Length > 8;

    public async Task MethodNamesAsync(string candidate)
    {
        _logger.LogDebug("Key {Key}", GetApiKey()); // expect: SL1001
        _logger.LogDebug("Key {Key}", ReadSigningKey()); // expect: SL1001
        _logger.LogDebug("Token {Token}", await FetchAccessTokenAsync()); // expect: SL1001
        _logger.LogDebug("New {New}", GenerateToken()); // expect: SL1001
        _logger.LogDebug("Expiry {Expiry}", GetTokenExpiry());
        _logger.LogDebug("Valid {Valid}", ValidatePassword(candidate));
    }
}
