using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Shop.Models;

namespace Shop.Controllers;

public sealed class AccountController : Controller
{
    private readonly SignInManager<AppUser> _signInManager;
    private readonly UserManager<AppUser> _userManager;
    private readonly ILogger<AccountController> _logger;

    public AccountController(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, ILogger<AccountController> logger)
    {
        _signInManager = signInManager;
        _userManager = userManager;
        _logger = logger;
    }

    [HttpPost]
    public async Task<IActionResult> Login(LoginModel model, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Login attempt for {Email}", model.Email); // expect: SL1003
        _logger.LogDebug("Login attempt with password {Password}", model.Password); // expect: SL1001
        _logger.LogDebug("Remember me: {RememberMe}, return url {ReturnUrl}", model.RememberMe, model.ReturnUrl);
        _logger.LogTrace("Login model {@Model}", model); // expect: SL1004
        _logger.LogDebug("Password length {Length}", model.Password.Length);
        _logger.LogDebug("Cancellation requested: {Cancelled}", cancellationToken.IsCancellationRequested);
        _logger.LogDebug("Token {Token}", cancellationToken);

        var result = await _signInManager.PasswordSignInAsync(model.Email, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await _userManager.FindByEmailAsync(model.Email);
            _logger.LogInformation("User {UserId} logged in", user!.Id);
            _logger.LogInformation("User {UserName} logged in", user.UserName);
            _logger.LogInformation("User {UserId} has security stamp {Stamp}", user.Id, user.SecurityStamp); // expect: SL1001
            _logger.LogDebug("User {UserId} password hash {Hash}", user.Id, user.PasswordHash); // expect: SL1001
            _logger.LogInformation("User {DisplayName} signed in", user.DisplayName); // expect: SL1003
            _logger.LogInformation("Phone confirmed: {Confirmed}", user.PhoneNumberConfirmed);
            _logger.LogInformation("Lockout enabled: {Enabled}, failures {Count}", user.LockoutEnabled, user.AccessFailedCount);
            logger().LogInformation("Signed in {Tier}", user.Tier);
            return LocalRedirect(model.ReturnUrl ?? "/");
        }

        if (result.IsLockedOut)
        {
            _logger.LogWarning("Account locked out: {Email}", model.Email); // expect: SL1003
            _logger.LogWarning($"Account locked out after wrong password {model.Password}"); // expect: SL1001, SL3001
        }

        _logger.LogWarning("Invalid login for " + model.Email); // expect: SL1003, SL3001
        _logger.LogWarning("Login failed: requires two factor = {TwoFactor}", result.RequiresTwoFactor);
        _logger.LogWarning("Login failed, attempts remaining unknown, result {Result}", result);
        return View(model);
    }

    private ILogger logger() => _logger;

    [HttpPost]
    public async Task<IActionResult> Register(RegisterModel model)
    {
        _logger.LogInformation("Registering {UserName}", model.UserName);
        _logger.LogInformation("Registering {UserName} <{Email}>", model.UserName, model.Email); // expect: SL1003
        _logger.LogInformation("New customer {First} {Last}", model.FirstName, model.LastName); // expect: SL1003, SL1003
        _logger.LogDebug("Born {Dob}", model.DateOfBirth); // expect: SL1003
        _logger.LogDebug("Registration payload {@Payload}", model); // expect: SL1004
        _logger.LogDebug("Passwords match: {Match}", model.Password == model.ConfirmPassword);
        _logger.LogDebug("Confirm password {Confirm}", model.ConfirmPassword); // expect: SL1001

        var user = new AppUser { UserName = model.UserName, Email = model.Email };
        var created = await _userManager.CreateAsync(user, model.Password);
        if (!created.Succeeded)
        {
            _logger.LogWarning("Registration failed: {Errors}", string.Join(", ", created.Errors.Select(e => e.Description)));
            _logger.LogWarning("Registration failed for {UserName} with {ErrorCount} errors", model.UserName, created.Errors.Count());
            return View(model);
        }

        _logger.LogInformation("User {UserId} created at {CreatedAt}", user.Id, user.CreatedAt);
        var token = await _userManager.GenerateEmailConfirmationTokenAsync(user);
        _logger.LogDebug("Email confirmation token {Token}", token); // expect: SL1001
        _logger.LogDebug("Generated confirmation token for {UserId}", user.Id);
        _logger.LogDebug("Confirmation token length {Length}", token.Length);
        return RedirectToAction("Index", "Home");
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(ResetPasswordModel model)
    {
        _logger.LogInformation("Password reset requested for {Email}", Redact.Email(model.Email));
        _logger.LogDebug("Reset code {Code}", model.Code);
        _logger.LogDebug("Reset with new password {NewPassword}", model.NewPassword); // expect: SL1001
        _logger.LogDebug("Reset with new password {NewPassword}", Redact.Secret(model.NewPassword));
        var user = await _userManager.FindByEmailAsync(model.Email);
        if (user is null)
        {
            _logger.LogWarning("Reset for unknown account {Email}", Redact.Pii(model.Email));
            return RedirectToAction(nameof(Login));
        }

        var resetToken = await _userManager.GeneratePasswordResetTokenAsync(user);
        _logger.LogDebug($"Reset token for {user.Id}: {resetToken}"); // expect: SL1001
        var outcome = await _userManager.ResetPasswordAsync(user, resetToken, model.NewPassword);
        _logger.LogInformation("Password reset for {UserId}: {Succeeded}", user.Id, outcome.Succeeded);
        return RedirectToAction(nameof(Login));
    }

    [HttpPost]
    public async Task<IActionResult> EnableAuthenticator(string code, string recoveryCode)
    {
        var user = await _userManager.GetUserAsync(User);
        var authenticatorKey = await _userManager.GetAuthenticatorKeyAsync(user!);
        _logger.LogDebug("Authenticator key {Key}", authenticatorKey);
        _logger.LogDebug("Verifying authenticator code {Code}", code);
        _logger.LogDebug("Recovery code used: {RecoveryCode}", recoveryCode); // expect: SL1001
        var valid = await _userManager.VerifyTwoFactorTokenAsync(user!, _userManager.Options.Tokens.AuthenticatorTokenProvider, code);
        _logger.LogInformation("Authenticator verification for {UserId}: {Valid}", user!.Id, valid);
        var codes = await _userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        _logger.LogInformation("Generated {Count} recovery codes for {UserId}", codes!.Count(), user.Id);
        _logger.LogDebug("Recovery codes {Codes}", string.Join(",", codes!)); // expect: SL1001
        return Ok();
    }
}
