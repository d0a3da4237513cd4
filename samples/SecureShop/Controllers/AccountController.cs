using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SecureLogging;
using SecureShop.Models;

namespace SecureShop.Controllers;

[ApiController]
[Route("account")]
public sealed class AccountController : ControllerBase
{
    private readonly SignInManager<IdentityUser> _signInManager;
    private readonly UserManager<IdentityUser> _userManager;
    private readonly ILogger<AccountController> _logger;

    public AccountController(SignInManager<IdentityUser> signInManager, UserManager<IdentityUser> userManager, ILogger<AccountController> logger)
    {
        _signInManager = signInManager;
        _userManager = userManager;
        _logger = logger;
    }

    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginRequest request)
    {
        var user = await _userManager.FindByEmailAsync(request.Email);
        var result = await _signInManager.PasswordSignInAsync(request.Email, request.Password, request.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(user?.Id ?? request.Email, request.Email);
            return Ok();
        }

        if (result.RequiresTwoFactor)
        {
            return Accepted();
        }

        if (result.IsLockedOut)
        {
            _logger.LogLockout(user?.Id ?? request.Email, request.Email);
            return StatusCode(423);
        }

        _logger.LogLoginFailed(request.Email, "invalid_credentials");
        return Unauthorized();
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await _signInManager.SignOutAsync();
        _logger.LogLogout(_userManager.GetUserId(User) ?? "anonymous");
        return NoContent();
    }

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordRequest request)
    {
        var user = await _userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var result = await _userManager.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationPasswordChangeFailed)
            {
                UserId = user.Id,
                Reason = string.Join(",", result.Errors.Select(e => e.Code)),
            });
            return BadRequest(result.Errors);
        }

        _logger.LogPasswordChanged(user.Id);
        return NoContent();
    }

    [HttpPost("mfa/enable")]
    public async Task<IActionResult> EnableAuthenticator([FromQuery] string code)
    {
        var user = await _userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var valid = await _userManager.VerifyTwoFactorTokenAsync(user, _userManager.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            _logger.LogMfaFailed(user.Id, "authenticator");
            return BadRequest();
        }

        await _userManager.SetTwoFactorEnabledAsync(user, true);
        _logger.LogMfaEnrolled(user.Id, "authenticator");
        return NoContent();
    }
}
