using InsecureShop.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SecureLogging;

namespace InsecureShop.Controllers;

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
        _logger.LogDebug("Login attempt for {Email} with password {Password}", request.Email, request.Password); // SL1003, SL1001

        var result = await _signInManager.PasswordSignInAsync(request.Email, request.Password, request.RememberMe, lockoutOnFailure: true); // SL2001
        if (result.Succeeded)
        {
            _logger.LogInformation("User logged in.");   // plain text, not a security event
            return Ok();
        }

        if (result.IsLockedOut)
        {
            return StatusCode(423);
        }

        _logger.LogWarning("Invalid login attempt for " + request.Email);  // SL3001 (request data built into the message), SL1003
        return Unauthorized();
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await _signInManager.SignOutAsync();            // SL2001
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

        var result = await _userManager.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword); // SL2002: only the success is an event
        if (!result.Succeeded)
        {
            _logger.LogWarning($"Password change failed for {user.UserName}, tried {request.NewPassword}"); // SL1001, SL3001
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

        var valid = await _userManager.VerifyTwoFactorTokenAsync(user, _userManager.Options.Tokens.AuthenticatorTokenProvider, code); // SL2001
        if (!valid)
        {
            _logger.LogWarning("Invalid authenticator code {AuthenticatorCode} for {UserId}", code, user.Id); // SL1001: the placeholder names a secret
            return BadRequest();
        }

        await _userManager.SetTwoFactorEnabledAsync(user, true); // SL2001
        return NoContent();
    }
}
