using Microsoft.AspNetCore.Authentication.Cookies;
using Shapes.Events;

namespace Shapes.More;

// LoggerMessage.Define delegates (the pre-generator high-performance logging pattern) carrying vocabulary EventIds.
internal static class AuthLog
{
    public static readonly Action<ILogger, string, Exception?> LoginFailed =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(1002, "authentication.failure"), "Login failed for {User}");

    public static readonly Action<ILogger, string, Exception?> LoginSucceeded =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1001, SecurityEventNames.AuthenticationSuccess), "User {User} signed in");

    private static readonly Action<ILogger, string, Exception?> s_lockedOut =
        LoggerMessage.Define<string>(LogLevel.Warning, SecurityEventIds.LoginFailed, "User {User} locked out");

    // Named, not a vocabulary name.
    public static readonly Action<ILogger, string, Exception?> LoginAttempt =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1000, "LoginAttempt"), "Login attempt for {User}");

    public static void LockedOut(ILogger logger, string user) => s_lockedOut(logger, user, null);
}

public sealed class CookieLoginInput
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

public class SignInPageModel : PageModel
{
    private readonly SignInManager<ApplicationUser> _signInManager;
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly IPasswordHasher<ApplicationUser> _hasher;
    private readonly ILogger<SignInPageModel> _logger;

    public SignInPageModel(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager, IPasswordHasher<ApplicationUser> hasher, ILogger<SignInPageModel> logger)
    {
        _signInManager = signInManager;
        _userManager = userManager;
        _hasher = hasher;
        _logger = logger;
    }

    [BindProperty]
    public CookieLoginInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostDelegatesAsync()
    {
        var result = await _signInManager.PasswordSignInAsync(Input.UserName, Input.Password, false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            AuthLog.LoginSucceeded(_logger, Input.UserName, null);
            return RedirectToPage("/Index");
        }

        if (result.IsLockedOut)
        {
            AuthLog.LockedOut(_logger, Input.UserName);
            return RedirectToPage("./Lockout");
        }

        AuthLog.LoginFailed(_logger, Input.UserName, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAttemptOnlyAsync()
    {
        AuthLog.LoginAttempt(_logger, Input.UserName, null);
        var result = await _signInManager.PasswordSignInAsync(Input.UserName, Input.Password, false, lockoutOnFailure: true); // expect: SL2001
        return result.Succeeded ? RedirectToPage("/Index") : Page();
    }

    // Lockout tested first; the failure event after it covers it.
    public async Task<IActionResult> OnPostLockoutFirstAsync()
    {
        var result = await _signInManager.PasswordSignInAsync(Input.UserName, Input.Password, false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return RedirectToPage("./Lockout");
        }

        if (!result.Succeeded)
        {
            _logger.Log(LogLevel.Warning, SecurityEventIds.LoginFailed, "Login failed for {User}", Input.UserName);
            return Page();
        }

        _logger.LogInformation(eventId: new EventId(1001, "authn_login_success"), message: "User {User} signed in", Input.UserName);
        return RedirectToPage("/Index");
    }

    // The lockout has its own event but the plain failure has none.
    public async Task<IActionResult> OnPostLockoutOnlyAsync()
    {
        var result = await _signInManager.PasswordSignInAsync(Input.UserName, Input.Password, false, lockoutOnFailure: true); // expect: SL2002
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(Input.UserName);
            return RedirectToPage("/Index");
        }
        else if (result.IsLockedOut)
        {
            _logger.LogLockout(Input.UserName);
            return RedirectToPage("./Lockout");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "Invalid login attempt.");
            return Page();
        }
    }

    // Null-conditional tests on the result.
    public async Task<IActionResult> OnPostConditionalAccessAsync()
    {
        var result = await _signInManager.PasswordSignInAsync(Input.UserName, Input.Password, false, lockoutOnFailure: true);
        if (result?.Succeeded != true)
        {
            _logger.LogLoginFailed(Input.UserName, "invalid_credentials");
            return Page();
        }

        _logger.LogLoginSucceeded(Input.UserName);
        return RedirectToPage("/Index");
    }

    // A password hasher result switched over, each case recorded.
    public async Task<IActionResult> OnPostHasherAsync()
    {
        var user = await _userManager.FindByNameAsync(Input.UserName);
        if (user is null)
        {
            return Page();
        }

        switch (_hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", Input.Password))
        {
            case PasswordVerificationResult.Success:
                _logger.LogLoginSucceeded(user.Id, user.UserName);
                return RedirectToPage("/Index");
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.PasswordHash = _hasher.HashPassword(user, Input.Password);
                await _userManager.UpdateAsync(user);
                _logger.LogLoginSucceeded(user.Id, user.UserName);
                return RedirectToPage("/Index");
            default:
                _logger.LogLoginFailed(Input.UserName, "invalid_credentials");
                return Page();
        }
    }

    // The same switch with the failed case unrecorded.
    public async Task<IActionResult> OnPostHasherPartialAsync()
    {
        var user = await _userManager.FindByNameAsync(Input.UserName);
        if (user is null)
        {
            return Page();
        }

        var verification = _hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", Input.Password); // expect: SL2002
        return verification switch
        {
            PasswordVerificationResult.Failed => Page(),
            _ => Accepted(user),
        };
    }

    // A cookie sign-in without Identity: the credential check is the app's own, the sign-in is the API.
    public async Task<IActionResult> OnPostCookieAsync()
    {
        if (Input.UserName != "admin" || Input.Password != "pw")
        {
            _logger.LogLoginFailed(Input.UserName, "invalid_credentials");
            return Page();
        }

        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, Input.UserName) }, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
        _logger.LogLoginSucceeded(Input.UserName);
        return RedirectToPage("/Index");
    }

    public async Task<IActionResult> OnPostCookieQuietAsync()
    {
        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, Input.UserName) }, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(new ClaimsPrincipal(identity)); // expect: SL2001
        return RedirectToPage("/Index");
    }

    private IActionResult Accepted(ApplicationUser user)
    {
        _logger.LogLoginSucceeded(user.Id, user.UserName);
        return RedirectToPage("/Index");
    }
}

// Throw expressions as denials.
public class ReportService
{
    private readonly IDocumentRepository _documents;
    private readonly ILogger<ReportService> _logger;

    public ReportService(IDocumentRepository documents, ILogger<ReportService> logger)
    {
        _documents = documents;
        _logger = logger;
    }

    public async Task<Document> OpenAsync(int id, string userId)
    {
        var document = await _documents.FindAsync(id) ?? throw new KeyNotFoundException();
        return document.OwnerId == userId ? document : throw new UnauthorizedAccessException("Not the owner"); // expect: SL2003
    }

    public async Task<Document> OpenAuditedAsync(int id, string userId)
    {
        var document = await _documents.FindAsync(id) ?? throw new KeyNotFoundException();
        if (document.OwnerId == userId)
        {
            return document;
        }

        _logger.LogAccessDenied(userId, "document:" + id, "open", "not_owner");
        throw new UnauthorizedAccessException("Not the owner");
    }
}
