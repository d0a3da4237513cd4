// Spec corpus: shapes real services write — options classes, primary constructors, messages built in locals,
// helper extension methods over LoggerMessage delegates, async console writers, Identity pages with bound input.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Contoso.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureLogging;

namespace Contoso.RealWorld;

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class EmailSender(ILogger<EmailSender> logger, IOptions<SmtpSettings> options, string apiKey)
{
    private readonly SmtpSettings _settings = options.Value;
    private readonly string _apiKey = apiKey;

    public void Send(string to, string subject)
    {
        logger.LogInformation("Connecting to {Host}:{Port} as {User}", _settings.Host, _settings.Port, _settings.UserName);
        logger.LogDebug("SMTP password {Password}", _settings.Password); // expect: SL1001
        logger.LogDebug("Settings {@Settings}", options.Value); // expect: SL1004
        logger.LogDebug("Sending with key {Key}", apiKey); // expect: SL1001
        logger.LogDebug("Sending with key {Key}", _apiKey); // expect: SL1001
        logger.LogInformation("Sending {Subject} to {To}", subject, to);
        var message = $"Sending with password {_settings.Password}";
        logger.LogDebug(message); // expect: SL1001
        logger.LogInformation(new EventId(5, "Send"), "Key {Key}", _apiKey); // expect: SL1001
        logger.Log(LogLevel.Debug, "Key {Key}", _apiKey); // expect: SL1001
        LoggerExtensions.LogWarning(logger, "Key {Key}", _apiKey); // expect: SL1001
    }
}

public static class AuthLogExtensions
{
    private static readonly Action<ILogger, string, Exception?> s_loginFailed =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(100, "LoginFailed"), "Login failed for {Email}");

    private static readonly Action<ILogger, string, Exception?> s_keyUsed =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(101, "KeyUsed"), "Key used {Key}");

    public static void LoginFailed(this ILogger logger, string email) => s_loginFailed(logger, email, null); // expect: SL1003

    public static void KeyUsed(this ILogger logger, string apiKey) => s_keyUsed(logger, apiKey, null); // expect: SL1001
}

public static partial class AccountLog
{
    [LoggerMessage(200, LogLevel.Information, "Password reset requested for {User}")]
    public static partial void ResetRequested(ILogger logger, string user);
}

public sealed class AccountService(ILogger<AccountService> logger)
{
    public void Use(SignInModel model, string email, string apiKey)
    {
        logger.LoginFailed(email);
        logger.KeyUsed(apiKey);
        AccountLog.ResetRequested(logger, model.UserName);
        AccountLog.ResetRequested(logger, model.Password); // expect: SL1001
    }

    public async Task ConsoleAsync(string token, string email)
    {
        await Console.Out.WriteLineAsync($"Token {token}"); // expect: SL1001
        await Console.Error.WriteLineAsync("Mail " + email); // expect: SL1003
        Console.Error.Write("Token {0}", token); // expect: SL1001
        Debug.WriteLine("Token {0}", token); // expect: SL1001
        Debug.Print("Token {0}", token); // expect: SL1001
        Trace.WriteLineIf(token.Length > 0, "Token " + token); // expect: SL1001
        Trace.TraceInformation("Token {0}", token); // expect: SL1001
    }

    public void Builders(string password, string userName)
    {
        var sb = new StringBuilder();
        sb.Append("user=").Append(userName);
        logger.LogInformation(sb.ToString());
        var line = string.Format(CultureInfo.InvariantCulture, "{0}:{1}", userName, password);
        logger.LogInformation(line); // expect: SL1001
        var json = JsonSerializer.Serialize(new { userName, password });
        logger.LogInformation("Payload {Json}", json); // expect: SL1001
    }
}

public sealed class LoginModel(SignInManager<ApplicationUser> signInManager, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogLoginSucceeded(Input.Email);
            logger.LogInformation("User {Email} logged in", Input.Email); // expect: SL1003
            return LocalRedirect(returnUrl ?? "/");
        }

        logger.LogLoginFailed(Input.Email, "invalid_credentials");
        logger.LogWarning($"Invalid login attempt for {Input.Email}"); // expect: SL1003, SL3001
        logger.LogWarning("Invalid login for {Email} with {Password}", Input.Email, Input.Password); // expect: SL1003, SL1001
        logger.LogDebug("Login input {@Input}", Input); // expect: SL1004
        return Page();
    }
}

[ApiController]
[Route("api/auth")]
public sealed class AuthController(ILogger<AuthController> logger) : ControllerBase
{
    [HttpPost("login")]
    public IActionResult Login([FromBody] LoginCommand command)
    {
        logger.LogInformation("Login attempt for " + command.UserName); // expect: SL3001
        logger.LogInformation($"Login attempt {command}"); // expect: SL1004
        logger.LogDebug("Login with " + command.Password); // expect: SL1001, SL3001
        return Ok();
    }

    [HttpGet("callback")]
    public IActionResult Callback([FromQuery] string code, [FromQuery] string state, [FromQuery(Name = "access_token")] string accessToken)
    {
        logger.LogInformation("OAuth callback state " + state); // expect: SL3001
        logger.LogDebug("Implicit grant token {Token}", accessToken); // expect: SL1001
        logger.LogDebug("Callback " + Request.QueryString.Value); // expect: SL3001
        return Ok();
    }

    [HttpPost("refresh")]
    public IActionResult Refresh([FromHeader(Name = "Authorization")] string authorization, [FromForm] string refreshToken)
    {
        logger.LogDebug("Refresh with {Header}", authorization); // expect: SL1001
        logger.LogDebug("Refresh with {Token}", refreshToken); // expect: SL1001
        var bearer = HttpContext.Request.Headers.Authorization.ToString();
        logger.LogDebug("Bearer {Bearer}", bearer); // expect: SL1001
        logger.LogDebug("All headers {Headers}", HttpContext.Request.Headers); // expect: SL1004
        return Ok();
    }
}
