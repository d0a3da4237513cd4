namespace Corpus.Shapes;

// Shapes real apps write that the other files do not: property patterns, switch expressions, try/catch, ternaries,
// ConfigureAwait, `== false`, loops, local functions, [LoggerMessage] events, EventId fields, base-class helpers.

public static partial class AuthLog
{
    public static readonly EventId LoginFailedEvent = new(2001, "authentication.failure");

    [LoggerMessage(EventId = 2000, EventName = "authn_login_success", Level = LogLevel.Information, Message = "User {UserId} signed in")]
    public static partial void SignedIn(ILogger logger, string userId);

    [LoggerMessage(EventId = 2002, EventName = "UserSignedIn", Level = LogLevel.Information, Message = "User {UserId} signed in")]
    public static partial void SignedInPlain(ILogger logger, string userId);

    public static partial void SignedIn(ILogger logger, string userId) => logger.LogInformation("User {UserId} signed in", userId);

    public static partial void SignedInPlain(ILogger logger, string userId) => logger.LogInformation("User {UserId} signed in", userId);
}

[ApiController]
[Route("api/session")]
public class SessionController : ControllerBase
{
    private readonly SignInManager<AppUser> _signIn;
    private readonly UserManager<AppUser> _users;
    private readonly ILogger<SessionController> _logger;

    public SessionController(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<SessionController> logger)
    {
        _signIn = signIn;
        _users = users;
        _logger = logger;
    }

    [HttpPost("pattern")]
    public async Task<IActionResult> PropertyPattern(LoginInput input)
    {
        var result = await _signIn.PasswordSignInAsync(input.UserName, input.Password, input.RememberMe, true);
        if (result is { Succeeded: true })
        {
            _logger.LogLoginSucceeded(input.UserName);
            return Ok();
        }

        _logger.LogLoginFailed(input.UserName, result.IsLockedOut ? "locked_out" : "invalid_credentials");
        return Unauthorized();
    }

    [HttpPost("switch")]
    public async Task<IActionResult> SwitchExpression(LoginInput input)
    {
        var result = await _signIn.PasswordSignInAsync(input.UserName, input.Password, false, true); // expect: SL2001
        return result switch
        {
            { Succeeded: true } => Ok(),
            { IsLockedOut: true } => StatusCode(423),
            { RequiresTwoFactor: true } => Accepted(),
            _ => Unauthorized(),
        };
    }

    [HttpPost("ternary")]
    public async Task<IActionResult> Ternary(LoginInput input)
    {
        var result = await _signIn.PasswordSignInAsync(input.UserName, input.Password, false, true).ConfigureAwait(false);
        AuthLog.SignedIn(_logger, input.UserName);
        return result.Succeeded ? Ok() : Unauthorized();
    }

    [HttpPost("try")]
    public async Task<IActionResult> WithTryCatch(LoginInput input)
    {
        try
        {
            var result = await _signIn.PasswordSignInAsync(input.UserName, input.Password, false, true);
            if (result.Succeeded)
            {
                AuthLog.SignedIn(_logger, input.UserName);
                return Ok();
            }

            _logger.LogWarning(AuthLog.LoginFailedEvent, "Login failed for {User}", input.UserName);
            return Unauthorized();
        }
        catch (InvalidOperationException ex)
        {
            _logger.LogError(ex, "Sign-in failed");
            return StatusCode(500);
        }
    }

    [HttpPost("plain-loggermessage")]
    public async Task<IActionResult> PlainLoggerMessage(LoginInput input)
    {
        var result = await _signIn.PasswordSignInAsync(input.UserName, input.Password, false, true); // expect: SL2001
        if (result.Succeeded)
        {
            AuthLog.SignedInPlain(_logger, input.UserName);
            return Ok();
        }

        return Unauthorized();
    }

    [HttpPost("equals-false")]
    public async Task<IActionResult> EqualsFalse(LoginInput input)
    {
        var user = await _users.FindByEmailAsync(input.Email);
        if (user is null)
        {
            return Unauthorized();
        }

        if (await _users.CheckPasswordAsync(user, input.Password) == false) // expect: SL2002
        {
            return Unauthorized();
        }

        _logger.LogLoginSucceeded(user.Id, user.UserName);
        return Ok();
    }

    [HttpPost("is-false")]
    public async Task<IActionResult> IsFalse(LoginInput input)
    {
        var user = await _users.FindByEmailAsync(input.Email);
        if (user is null || await _users.CheckPasswordAsync(user, input.Password) is false)
        {
            _logger.LogLoginFailed(input.Email, "invalid_credentials");
            return Unauthorized();
        }

        _logger.LogLoginSucceeded(user.Id);
        return Ok();
    }

    [HttpPost("local-function")]
    public async Task<IActionResult> LocalFunction(LoginInput input)
    {
        var result = await _signIn.PasswordSignInAsync(input.UserName, input.Password, false, true);
        if (!result.Succeeded)
        {
            Fail("invalid_credentials");
            return Unauthorized();
        }

        _logger.LogLoginSucceeded(input.UserName);
        return Ok();

        void Fail(string reason) => _logger.LogLoginFailed(input.UserName, reason);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        var id = _users.GetUserId(User) ?? "unknown";
        await _signIn.SignOutAsync(); // expect: SL2001
        _logger.LogInformation("User {UserId} logged out", id);
        return NoContent();
    }
}

public abstract class AuditedPageModel : PageModel
{
    protected ILogger Logger { get; }

    protected AuditedPageModel(ILogger logger) => Logger = logger;

    protected void AuditLoginFailed(string user, string reason) => Logger.LogLoginFailed(user, reason);
}

public class QuickLoginModel : AuditedPageModel
{
    private readonly SignInManager<AppUser> _signIn;

    public QuickLoginModel(SignInManager<AppUser> signIn, ILogger<QuickLoginModel> logger) : base(logger) => _signIn = signIn;

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await _signIn.PasswordSignInAsync(Input.UserName, Input.Password, false, true); // expect: SL2002
        if (result.Succeeded)
        {
            return RedirectToPage("/Index");
        }

        AuditLoginFailed(Input.UserName, result.IsLockedOut ? "locked_out" : "invalid_credentials");
        return Page();
    }
}

public class BulkUsersController : Controller
{
    private readonly UserManager<AppUser> _users;
    private readonly ILogger<BulkUsersController> _logger;

    public BulkUsersController(UserManager<AppUser> users, ILogger<BulkUsersController> logger)
    {
        _users = users;
        _logger = logger;
    }

    [HttpPost]
    public async Task<IActionResult> LockAll(string[] ids)
    {
        foreach (var id in ids)
        {
            var user = await _users.FindByIdAsync(id);
            if (user is null)
            {
                continue;
            }

            await _users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue); // expect: SL2004
        }

        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> UnlockAll(string[] ids)
    {
        foreach (var id in ids)
        {
            var user = await _users.FindByIdAsync(id);
            if (user is null)
            {
                continue;
            }

            await _users.SetLockoutEndDateAsync(user, null);
            _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = _users.GetUserId(User), TargetUserId = user.Id, Reason = "unlocked" });
        }

        return Ok();
    }

    [HttpPost]
    public async Task<IActionResult> DeleteAllInactive() // expect: SL2005
    {
        var inactive = _users.Users.Where(u => u.LockoutEnd != null).ToList();
        foreach (var user in inactive)
        {
            await _users.DeleteAsync(user); // expect: SL2004
        }

        return Ok(inactive.Count);
    }

    [HttpPost]
    public async Task<IActionResult> PurgeDeleted()
    {
        var purged = await Task.FromResult(3);
        _logger.LogBulkDeleted(_users.GetUserId(User) ?? "unknown", "deleted_users", purged);
        return Ok(purged);
    }
}

public class DocumentsController : Controller
{
    private readonly IAuthorizationService _authorization;
    private readonly ILogger<DocumentsController> _logger;

    public DocumentsController(IAuthorizationService authorization, ILogger<DocumentsController> logger)
    {
        _authorization = authorization;
        _logger = logger;
    }

    public async Task<IActionResult> Edit(string id)
    {
        if (!(await _authorization.AuthorizeAsync(User, id, "Edit")).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden); // expect: SL2003
        }

        return View();
    }

    public async Task<IActionResult> Delete(string id)
    {
        var allowed = await _authorization.AuthorizeAsync(User, id, "Delete");
        if (!allowed.Succeeded)
        {
            _logger.LogAccessDenied(User.Identity?.Name, "document", "delete", "policy:Delete");
            return Forbid();
        }

        return NoContent();
    }

    public IActionResult Unauthenticated() => Unauthorized();
}
