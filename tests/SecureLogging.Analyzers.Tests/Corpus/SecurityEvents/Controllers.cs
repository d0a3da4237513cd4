using System.IdentityModel.Tokens.Jwt;

namespace Corpus.Controllers;

public record TokenRequest(string UserName, string Password);

[ApiController]
[Route("api/auth")]
public class AuthApiController : ControllerBase
{
    private readonly UserManager<AppUser> _userManager;
    private readonly SignInManager<AppUser> _signInManager;
    private readonly ILogger<AuthApiController> _logger;

    public AuthApiController(UserManager<AppUser> userManager, SignInManager<AppUser> signInManager, ILogger<AuthApiController> logger)
    {
        _userManager = userManager;
        _signInManager = signInManager;
        _logger = logger;
    }

    [HttpPost("token")]
    public async Task<IActionResult> Token(TokenRequest request)
    {
        var user = await _userManager.FindByNameAsync(request.UserName);
        if (user == null || !await _userManager.CheckPasswordAsync(user, request.Password)) // expect: SL2001
        {
            return Unauthorized();
        }

        var token = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken());
        return Ok(new { token });
    }

    [HttpPost("token2")]
    public async Task<IActionResult> Token2(TokenRequest request)
    {
        var user = await _userManager.FindByNameAsync(request.UserName);
        if (user == null)
        {
            _logger.LogLoginFailed(request.UserName, "unknown_user");
            return Unauthorized();
        }

        var result = await _signInManager.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            _logger.LogLockout(user.Id, user.UserName);
            return StatusCode(429);
        }

        if (!result.Succeeded)
        {
            _logger.LogLoginFailed(request.UserName, "invalid_credentials");
            return Unauthorized();
        }

        _logger.LogLoginSucceeded(user.Id, user.UserName);
        return Ok(new { token = "…" });
    }

    [HttpPost("token3")]
    public async Task<IActionResult> Token3(TokenRequest request)
    {
        var user = await _userManager.FindByNameAsync(request.UserName);
        if (user is null)
        {
            return Unauthorized();
        }

        var result = await _signInManager.CheckPasswordSignInAsync(user, request.Password, true); // expect: SL2002
        if (!result.Succeeded)
        {
            _logger.LogLoginFailed(request.UserName, result.IsLockedOut ? "locked_out" : "invalid_credentials");
            return Unauthorized();
        }

        return Ok(new { token = "…" });
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(); // expect: SL2001
        return NoContent();
    }
}

public class AccountController : Controller
{
    private readonly SignInManager<AppUser> _signInManager;
    private readonly ILogger<AccountController> _logger;

    public AccountController(SignInManager<AppUser> signInManager, ILogger<AccountController> logger)
    {
        _signInManager = signInManager;
        _logger = logger;
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginInput model, string? returnUrl = null)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        try
        {
            var result = await _signInManager.PasswordSignInAsync(model.UserName, model.Password, model.RememberMe, lockoutOnFailure: true);
            switch (result)
            {
                case { Succeeded: true }:
                    _logger.LogLoginSucceeded(model.UserName);
                    return RedirectToLocal(returnUrl);
                case { IsLockedOut: true }:
                    _logger.LogLockout(model.UserName);
                    return View("Lockout");
                default:
                    _logger.LogLoginFailed(model.UserName, "invalid_credentials");
                    ModelState.AddModelError(string.Empty, "Invalid login attempt.");
                    return View(model);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Login failed unexpectedly");
            throw;
        }
    }

    [HttpPost]
    public async Task<IActionResult> LoginTernary(LoginInput model)
    {
        var result = await _signInManager.PasswordSignInAsync(model.UserName, model.Password, false, true);
        return result.Succeeded ? LoggedIn(model.UserName) : Failed(model.UserName);
    }

    private IActionResult LoggedIn(string user)
    {
        _logger.LogLoginSucceeded(user);
        return RedirectToAction("Index", "Home");
    }

    private IActionResult Failed(string user)
    {
        _logger.LogLoginFailed(user, "invalid_credentials");
        return View();
    }

    [HttpPost]
    public async Task<IActionResult> LogOff()
    {
        await _signInManager.SignOutAsync(); // expect: SL2001
        _logger.LogInformation(4, "User logged out.");
        return RedirectToAction("Index", "Home");
    }

    private IActionResult RedirectToLocal(string? returnUrl)
        => Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl!) : RedirectToAction("Index", "Home");
}
