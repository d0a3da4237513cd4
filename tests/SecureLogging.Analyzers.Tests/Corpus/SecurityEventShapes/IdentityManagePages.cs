using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Shapes.ManagePages;

// Identity UI "Manage" and two-factor pages (scaffolded Razor Pages), with the template's plain-text logging and with
// the events an app adds.

public class ResetAuthenticatorModel : PageModel
{
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly SignInManager<ApplicationUser> _signInManager;
    private readonly ILogger<ResetAuthenticatorModel> _logger;

    public ResetAuthenticatorModel(UserManager<ApplicationUser> userManager, SignInManager<ApplicationUser> signInManager, ILogger<ResetAuthenticatorModel> logger)
    {
        _userManager = userManager;
        _signInManager = signInManager;
        _logger = logger;
    }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound($"Unable to load user with ID '{_userManager.GetUserId(User)}'.");
        }

        await _userManager.SetTwoFactorEnabledAsync(user, false); // expect: SL2001
        await _userManager.ResetAuthenticatorKeyAsync(user); // expect: SL2001
        var userId = await _userManager.GetUserIdAsync(user);
        _logger.LogInformation("User with ID '{UserId}' has reset their authentication app key.", userId);

        await _signInManager.RefreshSignInAsync(user);
        StatusMessage = "Your authenticator app key has been reset, you will need to configure your authenticator app using the new key.";

        return RedirectToPage("./EnableAuthenticator");
    }

    // One account.updated event after both calls covers both (SPEC §6).
    public async Task<IActionResult> OnPostAuditedAsync()
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        await _userManager.SetTwoFactorEnabledAsync(user, false);
        await _userManager.ResetAuthenticatorKeyAsync(user);
        _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = user.Id, Reason = "authenticator_reset" });

        await _signInManager.RefreshSignInAsync(user);
        return RedirectToPage("./EnableAuthenticator");
    }
}

public class GenerateRecoveryCodesModel : PageModel
{
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly ILogger<GenerateRecoveryCodesModel> _logger;

    public GenerateRecoveryCodesModel(UserManager<ApplicationUser> userManager, ILogger<GenerateRecoveryCodesModel> logger)
    {
        _userManager = userManager;
        _logger = logger;
    }

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound($"Unable to load user with ID '{_userManager.GetUserId(User)}'.");
        }

        var isTwoFactorEnabled = await _userManager.GetTwoFactorEnabledAsync(user);
        var userId = await _userManager.GetUserIdAsync(user);
        if (!isTwoFactorEnabled)
        {
            throw new InvalidOperationException("Cannot generate recovery codes for user because they do not have 2FA enabled.");
        }

        var recoveryCodes = await _userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10); // expect: SL2001
        RecoveryCodes = recoveryCodes?.ToArray();

        _logger.LogInformation("User with ID '{UserId}' has generated new 2FA recovery codes.", userId);
        return RedirectToPage("./ShowRecoveryCodes");
    }

    // Recorded through a [LoggerMessage] method whose EventName is a vocabulary name.
    public async Task<IActionResult> OnPostAuditedAsync()
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        var recoveryCodes = await _userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        RecoveryCodes = recoveryCodes?.ToArray();
        Events.Log.RecoveryCodesRegenerated(_logger, user.Id);
        return RedirectToPage("./ShowRecoveryCodes");
    }
}

public class Disable2faModel : PageModel
{
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly ILogger<Disable2faModel> _logger;

    public Disable2faModel(UserManager<ApplicationUser> userManager, ILogger<Disable2faModel> logger)
    {
        _userManager = userManager;
        _logger = logger;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound($"Unable to load user with ID '{_userManager.GetUserId(User)}'.");
        }

        var disable2faResult = await _userManager.SetTwoFactorEnabledAsync(user, false);
        if (!disable2faResult.Succeeded)
        {
            throw new InvalidOperationException("Unexpected error occurred disabling 2FA.");
        }

        // The app's own audit helper two calls away: Disabled → Write → LogSecurityEvent.
        Disabled(user.Id);
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private void Disabled(string userId) => Write(userId, "2fa_disabled");

    private void Write(string userId, string reason)
        => _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = userId, Reason = reason });
}

public class ConfirmEmailModel : PageModel
{
    private readonly UserManager<ApplicationUser> _userManager;

    public ConfirmEmailModel(UserManager<ApplicationUser> userManager) => _userManager = userManager;

    [TempData]
    public string? StatusMessage { get; set; }

    // ConfirmEmailAsync is not an API of SPEC §6: quiet.
    public async Task<IActionResult> OnGetAsync(string userId, string code)
    {
        if (userId == null || code == null)
        {
            return RedirectToPage("/Index");
        }

        var user = await _userManager.FindByIdAsync(userId);
        if (user == null)
        {
            return NotFound($"Unable to load user with ID '{userId}'.");
        }

        code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        var result = await _userManager.ConfirmEmailAsync(user, code);
        StatusMessage = result.Succeeded ? "Thank you for confirming your email." : "Error confirming your email.";
        return Page();
    }
}

public class ExternalLoginsModel : PageModel
{
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly SignInManager<ApplicationUser> _signInManager;
    private readonly ILogger<ExternalLoginsModel> _logger;

    public ExternalLoginsModel(UserManager<ApplicationUser> userManager, SignInManager<ApplicationUser> signInManager, ILogger<ExternalLoginsModel> logger)
    {
        _userManager = userManager;
        _signInManager = signInManager;
        _logger = logger;
    }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnPostRemoveLoginAsync(string loginProvider, string providerKey)
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound($"Unable to load user with ID '{_userManager.GetUserId(User)}'.");
        }

        var result = await _userManager.RemoveLoginAsync(user, loginProvider, providerKey); // expect: SL2004
        if (!result.Succeeded)
        {
            StatusMessage = "The external login was not removed.";
            return RedirectToPage();
        }

        await _signInManager.RefreshSignInAsync(user);
        StatusMessage = "The external login was removed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetLinkLoginCallbackAsync()
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        var userId = await _userManager.GetUserIdAsync(user);
        var info = await _signInManager.GetExternalLoginInfoAsync(userId);
        if (info == null)
        {
            throw new InvalidOperationException("Unexpected error occurred loading external login info.");
        }

        var result = await _userManager.AddLoginAsync(user, info);
        if (!result.Succeeded)
        {
            StatusMessage = "The external login was not added. External logins can only be associated with one account.";
            return RedirectToPage();
        }

        _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = userId, Reason = "external_login_added:" + info.LoginProvider });

        // Clear the existing external cookie to ensure a clean login process
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);

        StatusMessage = "The external login was added.";
        return RedirectToPage();
    }
}

public class LoginWith2faModel : PageModel
{
    private readonly SignInManager<ApplicationUser> _signInManager;
    private readonly ILogger<LoginWith2faModel> _logger;

    public LoginWith2faModel(SignInManager<ApplicationUser> signInManager, ILogger<LoginWith2faModel> logger)
    {
        _signInManager = signInManager;
        _logger = logger;
    }

    public string? ReturnUrl { get; set; }

    // The lockout branch has no event of its own: the failure event below covers it (SPEC §6).
    public async Task<IActionResult> OnPostAsync(string twoFactorCode, bool rememberMe, bool rememberMachine, string? returnUrl = null)
    {
        returnUrl ??= Url.Content("~/");

        var user = await _signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user == null)
        {
            throw new InvalidOperationException("Unable to load two-factor authentication user.");
        }

        var authenticatorCode = twoFactorCode.Replace(" ", string.Empty).Replace("-", string.Empty);

        var result = await _signInManager.TwoFactorAuthenticatorSignInAsync(authenticatorCode, rememberMe, rememberMachine);

        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(user.Id, user.UserName, method: "mfa");
            return LocalRedirect(returnUrl);
        }
        else if (result.IsLockedOut)
        {
            return RedirectToPage("./Lockout");
        }
        else
        {
            _logger.LogMfaFailed(user.Id, "authenticator");
            ModelState.AddModelError(string.Empty, "Invalid authenticator code.");
            return Page();
        }
    }
}

public class LoginModel : PageModel
{
    private readonly SignInManager<ApplicationUser> _signInManager;
    private readonly ILogger<LoginModel> _logger;

    public LoginModel(SignInManager<ApplicationUser> signInManager, ILogger<LoginModel> logger)
    {
        _signInManager = signInManager;
        _logger = logger;
    }

    [BindProperty]
    public Blazor.LoginInputModel Input { get; set; } = new();

    // IsNotAllowed (unconfirmed email) is a failure: SPEC §6 exempts only the lockout and two-factor branches.
    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true); // expect: SL2002
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(Input.Email, Input.Email);
            return LocalRedirect(returnUrl ?? "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, RememberMe = Input.RememberMe });
        }

        if (result.IsNotAllowed)
        {
            return RedirectToPage("./ConfirmEmail");
        }

        _logger.LogLoginFailed(Input.Email, result.IsLockedOut ? "locked_out" : "invalid_credentials");
        ModelState.AddModelError(string.Empty, "Invalid login attempt.");
        return Page();
    }

    // Every branch recorded, with a property pattern and a two-factor branch that needs nothing.
    public async Task<IActionResult> OnPostPatternAsync(string? returnUrl = null)
    {
        var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result is { Succeeded: true })
        {
            _logger.LogLoginSucceeded(Input.Email, Input.Email);
            return LocalRedirect(returnUrl ?? "/");
        }

        if (result is { RequiresTwoFactor: true })
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl });
        }

        if (result is { IsLockedOut: true })
        {
            _logger.LogLockout(Input.Email, Input.Email);
            return RedirectToPage("./Lockout");
        }

        _logger.LogLoginFailed(Input.Email, "invalid_credentials");
        return Page();
    }
}
