using Shapes.Auditing;
using Shapes.Events;

namespace Shapes.Flow;

public sealed record LoginRequest(string UserName, string Password, bool RememberMe);

// Control-flow shapes around sign-in results that the Identity templates do not use.
[ApiController]
[Route("api/auth")]
public class AuthController : ControllerBase
{
    private readonly SignInManager<ApplicationUser> _signInManager;
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly ILogger<AuthController> _logger;

    public AuthController(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager, ILogger<AuthController> logger)
    {
        _signInManager = signInManager;
        _userManager = userManager;
        _logger = logger;
    }

    // A switch expression whose arms call helpers that record each outcome; the two-factor arm needs none.
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginRequest request)
    {
        var result = await _signInManager.PasswordSignInAsync(request.UserName, request.Password, request.RememberMe, lockoutOnFailure: true);
        return result switch
        {
            { Succeeded: true } => SignedIn(request.UserName),
            { RequiresTwoFactor: true } => StatusCode(StatusCodes.Status202Accepted, new { twoFactor = true }),
            { IsLockedOut: true } => Locked(request.UserName),
            _ => Rejected(request.UserName, "invalid_credentials"),
        };
    }

    // The same switch, but the failure arm forgets the event: only the success is recorded.
    [HttpPost("login-partial")]
    public async Task<IActionResult> LoginPartial(LoginRequest request)
    {
        var result = await _signInManager.PasswordSignInAsync(request.UserName, request.Password, request.RememberMe, lockoutOnFailure: true); // expect: SL2002
        return result switch
        {
            { Succeeded: true } => SignedIn(request.UserName),
            { RequiresTwoFactor: true } => StatusCode(StatusCodes.Status202Accepted),
            _ => Unauthorized(),
        };
    }

    // A switch statement with a type-pattern-free property test and the lockout case handled without its own event.
    [HttpPost("login-switch")]
    public async Task<IActionResult> LoginSwitchStatement(LoginRequest request)
    {
        var result = await _signInManager.PasswordSignInAsync(request.UserName, request.Password, false, lockoutOnFailure: true);
        switch (result)
        {
            case { Succeeded: true }:
                _logger.LoginAccepted(request.UserName);
                return Ok();
            case { RequiresTwoFactor: true }:
                return Accepted();
            case { IsLockedOut: true }:
                return StatusCode(StatusCodes.Status423Locked);
            default:
                _logger.LoginRejected(request.UserName, "invalid_credentials");
                return Unauthorized();
        }
    }

    // Ternary on Succeeded with an event in each arm.
    [HttpPost("check")]
    public async Task<IActionResult> Check(LoginRequest request)
    {
        var user = await _userManager.FindByNameAsync(request.UserName);
        if (user is null)
        {
            _logger.LogLoginFailed(request.UserName, "unknown_user");
            return Unauthorized();
        }

        var result = await _signInManager.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        return result.Succeeded ? SignedIn(user.Id) : Rejected(request.UserName, "invalid_password");
    }

    // Ternary with no events at all.
    [HttpPost("check-quiet")]
    public async Task<IActionResult> CheckQuiet(LoginRequest request)
    {
        var user = await _userManager.FindByNameAsync(request.UserName);
        var ok = user is not null && await _userManager.CheckPasswordAsync(user, request.Password); // expect: SL2001
        return ok ? Ok() : Unauthorized();
    }

    // Early return on failure, and the event in a finally block for the sign-out.
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        var userId = _userManager.GetUserId(User) ?? "anonymous";
        try
        {
            await _signInManager.SignOutAsync();
        }
        finally
        {
            _logger.LogLogout(userId);
        }

        return NoContent();
    }

    // A sign-out whose only "event" is a [LoggerMessage] with a non-vocabulary EventName.
    [HttpPost("logout-plain")]
    public async Task<IActionResult> LogoutPlain()
    {
        var userId = _userManager.GetUserId(User) ?? "anonymous";
        await _signInManager.SignOutAsync(); // expect: SL2001
        _logger.SignedOut(userId);
        return NoContent();
    }

    // A sign-out recorded with an EventId field whose name is a vocabulary constant.
    [HttpPost("logout-eventid")]
    public async Task<IActionResult> LogoutEventId()
    {
        await HttpContext.SignOutAsync();
        _logger.LogInformation(SecurityEventIds.Logout, "User {User} signed out", User.Identity?.Name);
        return NoContent();
    }

    // try/catch around the sign-in: the catch records nothing, but success and failure are both recorded in the try.
    [HttpPost("login-try")]
    public async Task<IActionResult> LoginTry(LoginRequest request)
    {
        try
        {
            var result = await _signInManager.PasswordSignInAsync(request.UserName, request.Password, false, true);
            if (!result.Succeeded)
            {
                _logger.LogWarning(SecurityEventIds.LoginFailed, "Login failed for {User}", request.UserName);
                return Unauthorized();
            }

            _logger.LoginAccepted(request.UserName);
            return Ok();
        }
        catch (OperationCanceledException)
        {
            return StatusCode(499);
        }
    }

    // A local function records the success; the failure path returns early with nothing.
    [HttpPost("login-local")]
    public async Task<IActionResult> LoginLocalFunction(LoginRequest request)
    {
        var result = await _signInManager.PasswordSignInAsync(request.UserName, request.Password, false, true); // expect: SL2002
        if (!result.Succeeded)
        {
            return Unauthorized();
        }

        await Audit();
        return Ok();

        async Task Audit()
        {
            var user = await _userManager.FindByNameAsync(request.UserName);
            _logger.LogLoginSucceeded(user?.Id ?? request.UserName, request.UserName);
        }
    }

    // The event comes first (an attempt event before the call covers it, SPEC §6 "before or after").
    [HttpPost("sign-in-claims")]
    public async Task<IActionResult> SignInWithClaims(string userId)
    {
        var user = await _userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        _logger.LogLoginSucceeded(user.Id, user.UserName, method: "impersonation");
        await _signInManager.SignInWithClaimsAsync(user, isPersistent: false, new[] { new Claim("amr", "impersonation") });
        return Ok();
    }

    private IActionResult SignedIn(string userName)
    {
        _logger.LogLoginSucceeded(userName, userName);
        return Ok();
    }

    private IActionResult Locked(string userName)
    {
        _logger.LogLockout(userName, userName);
        return StatusCode(StatusCodes.Status423Locked);
    }

    private IActionResult Rejected(string userName, string reason)
    {
        _logger.LogLoginFailed(userName, reason);
        return Unauthorized();
    }
}

// MVC AccountController from the pre-Razor-Pages template: external login callback with a switch on the result.
public class AccountController : Controller
{
    private readonly SignInManager<ApplicationUser> _signInManager;
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly ILogger<AccountController> _logger;

    public AccountController(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager, ILogger<AccountController> logger)
    {
        _signInManager = signInManager;
        _userManager = userManager;
        _logger = logger;
    }

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> ExternalLoginCallback(string? returnUrl = null, string? remoteError = null)
    {
        if (remoteError != null)
        {
            return RedirectToAction(nameof(Login));
        }

        var info = await _signInManager.GetExternalLoginInfoAsync();
        if (info == null)
        {
            return RedirectToAction(nameof(Login));
        }

        var result = await _signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true); // expect: SL2001
        if (result.Succeeded)
        {
            _logger.LogInformation("User logged in with {Name} provider.", info.LoginProvider);
            return LocalRedirect(returnUrl ?? "/");
        }

        if (result.IsLockedOut)
        {
            return RedirectToAction(nameof(Lockout));
        }

        ViewData["ReturnUrl"] = returnUrl;
        return View("ExternalLogin");
    }

    [HttpPost]
    [AllowAnonymous]
    public async Task<IActionResult> ExternalLoginConfirmation(string email, string? returnUrl = null)
    {
        var info = await _signInManager.GetExternalLoginInfoAsync();
        if (info == null)
        {
            throw new ApplicationException("Error loading external login information during confirmation.");
        }

        var user = new ApplicationUser { UserName = email, Email = email };
        var result = await _userManager.CreateAsync(user);
        if (result.Succeeded)
        {
            _logger.LogAccountCreated(user.Id, user.Id);
            result = await _userManager.AddLoginAsync(user, info);
            if (result.Succeeded)
            {
                await _signInManager.SignInAsync(user, isPersistent: false);
                return LocalRedirect(returnUrl ?? "/");
            }
        }

        return View(nameof(ExternalLoginCallback));
    }

    public IActionResult Login() => View();

    public IActionResult Lockout() => View();
}

// A service doing the whole sign-in and recording through a configured emitter and a helper two calls away.
public sealed class TokenService
{
    private readonly UserManager<ApplicationUser> _users;
    private readonly ComplianceJournal _journal;
    private readonly ILogger<TokenService> _logger;

    public TokenService(UserManager<ApplicationUser> users, ComplianceJournal journal, ILogger<TokenService> logger)
    {
        _users = users;
        _journal = journal;
        _logger = logger;
    }

    public async Task<string?> IssueAsync(string userName, string password)
    {
        var user = await _users.FindByNameAsync(userName);
        if (user is null)
        {
            return null;
        }

        if (!await _users.CheckPasswordAsync(user, password))
        {
            await _journal.WriteEntryAsync(userName, "authentication.failure", "token");
            return null;
        }

        await Succeeded(user);
        return Guid.NewGuid().ToString("N");
    }

    private Task Succeeded(ApplicationUser user) => Journal(user.Id, "authentication.success");

    private Task Journal(string userId, string what) => _journal.WriteEntryAsync(userId, what, "token");

    // Redeeming a recovery code: outcome checked, nothing recorded either way.
    public async Task<bool> RedeemAsync(ApplicationUser user, string code)
    {
        var result = await _users.RedeemTwoFactorRecoveryCodeAsync(user, code); // expect: SL2001
        if (!result.Succeeded)
        {
            _logger.LogWarning("Recovery code rejected for {UserId}", user.Id);
        }

        return result.Succeeded;
    }

    // Password reset in a service with the failure recorded through LogSecurityEvent and the success not.
    public async Task<IdentityResult> ResetAsync(ApplicationUser user, string token, string newPassword)
    {
        var result = await _users.ResetPasswordAsync(user, token, newPassword); // expect: SL2002
        if (!result.Succeeded)
        {
            _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationPasswordChangeFailed) { UserId = user.Id, Reason = "invalid_token" });
        }

        return IdentityResult.Success;
    }
}
