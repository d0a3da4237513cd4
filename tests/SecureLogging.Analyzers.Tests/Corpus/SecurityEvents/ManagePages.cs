namespace Corpus.Pages.Manage;

public class ChangePasswordModel : PageModel
{
    private readonly UserManager<AppUser> _userManager;
    private readonly SignInManager<AppUser> _signInManager;
    private readonly ILogger<ChangePasswordModel> _logger;

    public ChangePasswordModel(UserManager<AppUser> userManager, SignInManager<AppUser> signInManager, ILogger<ChangePasswordModel> logger)
    {
        _userManager = userManager;
        _signInManager = signInManager;
        _logger = logger;
    }

    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnPostAsync(string oldPassword, string newPassword)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound($"Unable to load user with ID '{_userManager.GetUserId(User)}'.");
        }

        var changePasswordResult = await _userManager.ChangePasswordAsync(user, oldPassword, newPassword); // expect: SL2001
        if (!changePasswordResult.Succeeded)
        {
            foreach (var error in changePasswordResult.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
            return Page();
        }

        await _signInManager.RefreshSignInAsync(user);
        _logger.LogInformation("User changed their password successfully.");
        StatusMessage = "Your password has been changed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAuditedAsync(string oldPassword, string newPassword)
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        var result = await _userManager.ChangePasswordAsync(user, oldPassword, newPassword);
        if (!result.Succeeded)
        {
            _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationPasswordChangeFailed) { UserId = user.Id, Reason = "policy" });
            return Page();
        }

        _logger.LogPasswordChanged(user.Id);
        await _signInManager.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSetPasswordAsync(string newPassword)
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        var addPasswordResult = await _userManager.AddPasswordAsync(user, newPassword); // expect: SL2001
        if (!addPasswordResult.Succeeded)
        {
            return Page();
        }

        await _signInManager.RefreshSignInAsync(user);
        StatusMessage = "Your password has been set.";
        return RedirectToPage();
    }
}

public class ResetPasswordModel : PageModel
{
    private readonly UserManager<AppUser> _userManager;
    private readonly ILogger<ResetPasswordModel> _logger;

    public ResetPasswordModel(UserManager<AppUser> userManager, ILogger<ResetPasswordModel> logger)
    {
        _userManager = userManager;
        _logger = logger;
    }

    public async Task<IActionResult> OnPostAsync(string email, string code, string password)
    {
        var user = await _userManager.FindByEmailAsync(email);
        if (user == null)
        {
            // Don't reveal that the user does not exist
            return RedirectToPage("./ResetPasswordConfirmation");
        }

        var result = await _userManager.ResetPasswordAsync(user, code, password); // expect: SL2001
        if (result.Succeeded)
        {
            return RedirectToPage("./ResetPasswordConfirmation");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error.Description);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSuccessOnlyAsync(string email, string code, string password)
    {
        var user = await _userManager.FindByEmailAsync(email);
        if (user == null)
        {
            return RedirectToPage("./ResetPasswordConfirmation");
        }

        var result = await _userManager.ResetPasswordAsync(user, code, password); // expect: SL2002
        if (result.Succeeded)
        {
            _logger.LogPasswordChanged(user.Id);
            return RedirectToPage("./ResetPasswordConfirmation");
        }

        return Page();
    }
}

public class EnableAuthenticatorModel : PageModel
{
    private readonly UserManager<AppUser> _userManager;
    private readonly ILogger<EnableAuthenticatorModel> _logger;

    public EnableAuthenticatorModel(UserManager<AppUser> userManager, ILogger<EnableAuthenticatorModel> logger)
    {
        _userManager = userManager;
        _logger = logger;
    }

    public string[]? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        var verificationCode = code.Replace(" ", string.Empty).Replace("-", string.Empty);
        var is2faTokenValid = await _userManager.VerifyTwoFactorTokenAsync(user, _userManager.Options.Tokens.AuthenticatorTokenProvider, verificationCode); // expect: SL2001
        if (!is2faTokenValid)
        {
            ModelState.AddModelError("Input.Code", "Verification code is invalid.");
            return Page();
        }

        await _userManager.SetTwoFactorEnabledAsync(user, true); // expect: SL2001
        var userId = await _userManager.GetUserIdAsync(user);
        _logger.LogInformation("User with ID '{UserId}' has enabled 2FA with an authenticator app.", userId);

        if (await _userManager.CountRecoveryCodesAsync(user) == 0)
        {
            var recoveryCodes = await _userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10); // expect: SL2001
            RecoveryCodes = recoveryCodes?.ToArray();
            return RedirectToPage("./ShowRecoveryCodes");
        }

        return RedirectToPage("./TwoFactorAuthentication");
    }

    public async Task<IActionResult> OnPostAuditedAsync(string code)
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        var valid = await _userManager.VerifyTwoFactorTokenAsync(user, _userManager.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            _logger.LogMfaFailed(user.Id, "authenticator");
            return Page();
        }

        await _userManager.SetTwoFactorEnabledAsync(user, true);
        _logger.LogMfaEnrolled(user.Id, "authenticator");
        return RedirectToPage("./TwoFactorAuthentication");
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await _userManager.GetUserAsync(User);
        if (user == null)
        {
            return NotFound();
        }

        await _userManager.SetTwoFactorEnabledAsync(user, false);
        await _userManager.ResetAuthenticatorKeyAsync(user);
        _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { UserId = user.Id, Reason = "authenticator_reset" });
        return RedirectToPage("./EnableAuthenticator");
    }
}

public class ExternalLoginModel : PageModel
{
    private readonly SignInManager<AppUser> _signInManager;
    private readonly UserManager<AppUser> _userManager;
    private readonly ILogger<ExternalLoginModel> _logger;

    public ExternalLoginModel(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, ILogger<ExternalLoginModel> logger)
    {
        _signInManager = signInManager;
        _userManager = userManager;
        _logger = logger;
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl = null, string? remoteError = null)
    {
        returnUrl ??= Url.Content("~/");
        if (remoteError != null)
        {
            return RedirectToPage("./Login", new { ReturnUrl = returnUrl });
        }

        var info = await _signInManager.GetExternalLoginInfoAsync();
        if (info == null)
        {
            return RedirectToPage("./Login", new { ReturnUrl = returnUrl });
        }

        var result = await _signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true); // expect: SL2002
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(info.ProviderKey, info.Principal.Identity?.Name, method: info.LoginProvider);
            return LocalRedirect(returnUrl);
        }
        if (result.IsLockedOut)
        {
            return RedirectToPage("./Lockout");
        }
        else
        {
            return Page();
        }
    }

    public async Task<IActionResult> OnPostConfirmationAsync(string email)
    {
        var info = await _signInManager.GetExternalLoginInfoAsync();
        if (info == null)
        {
            return RedirectToPage("./Login");
        }

        var user = new AppUser { UserName = email, Email = email };
        var result = await _userManager.CreateAsync(user); // expect: SL2004
        if (result.Succeeded)
        {
            result = await _userManager.AddLoginAsync(user, info); // expect: SL2004
            if (result.Succeeded)
            {
                _logger.LogInformation("User created an account using {Name} provider.", info.LoginProvider);
                await _signInManager.SignInAsync(user, isPersistent: false, info.LoginProvider); // expect: SL2001
                return LocalRedirect("~/");
            }
        }

        return Page();
    }
}
