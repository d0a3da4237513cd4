namespace Corpus.Pages;

public class LoginModel : PageModel
{
    private readonly SignInManager<AppUser> _signInManager;
    private readonly ILogger<LoginModel> _logger;

    public LoginModel(SignInManager<AppUser> signInManager, ILogger<LoginModel> logger)
    {
        _signInManager = signInManager;
        _logger = logger;
    }

    [BindProperty] public LoginInput Input { get; set; } = new();

    // Stock template: text messages only.
    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl ??= Url.Content("~/");
        if (ModelState.IsValid)
        {
            var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: false); // expect: SL2001
            if (result.Succeeded)
            {
                _logger.LogInformation("User logged in.");
                return LocalRedirect(returnUrl);
            }
            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, RememberMe = Input.RememberMe });
            }
            if (result.IsLockedOut)
            {
                _logger.LogWarning("User account locked out.");
                return RedirectToPage("./Lockout");
            }
            else
            {
                ModelState.AddModelError(string.Empty, "Invalid login attempt.");
                return Page();
            }
        }

        return Page();
    }

    // Fully instrumented.
    public async Task<IActionResult> OnPostGoodAsync(string? returnUrl = null)
    {
        returnUrl ??= Url.Content("~/");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(Input.Email, Input.Email);
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl });
        }
        if (result.IsLockedOut)
        {
            _logger.LogLockout(Input.Email, Input.Email);
            return RedirectToPage("./Lockout");
        }

        _logger.LogLoginFailed(Input.Email, "invalid_credentials");
        ModelState.AddModelError(string.Empty, "Invalid login attempt.");
        return Page();
    }

    // Success recorded; the plain failure branch is not.
    public async Task<IActionResult> OnPostPartialAsync(string returnUrl)
    {
        var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, true); // expect: SL2002
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(Input.Email);
            return LocalRedirect(returnUrl);
        }
        if (result.IsLockedOut)
        {
            _logger.LogLockout(Input.Email);
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError(string.Empty, "Invalid login attempt.");
        return Page();
    }

    // Failure recorded in the else branch; the lockout branch is covered by it; two-factor needs none.
    public async Task<IActionResult> OnPostLockoutViaFailureAsync(string returnUrl)
    {
        var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, true);
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(Input.Email);
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa");
        }
        if (result.IsLockedOut)
        {
            return RedirectToPage("./Lockout");
        }
        else
        {
            _logger.LogLoginFailed(Input.Email, "invalid_credentials");
            return Page();
        }
    }

    // One event before the branch covers every outcome.
    public async Task<IActionResult> OnPostSingleEventAsync()
    {
        var result = await _signInManager.PasswordSignInAsync(Input.UserName, Input.Password, false, true);
        _logger.LogInformation(new EventId(1000, result.Succeeded ? "authentication.success" : "authentication.failure"), "Login {User}", Input.UserName);
        return result.Succeeded ? RedirectToPage("/Index") : Page();
    }
}

public class LogoutModel : PageModel
{
    private readonly SignInManager<AppUser> _signInManager;
    private readonly ILogger<LogoutModel> _logger;

    public LogoutModel(SignInManager<AppUser> signInManager, ILogger<LogoutModel> logger)
    {
        _signInManager = signInManager;
        _logger = logger;
    }

    public async Task<IActionResult> OnPost(string? returnUrl = null)
    {
        await _signInManager.SignOutAsync(); // expect: SL2001
        _logger.LogInformation("User logged out.");
        if (returnUrl != null)
        {
            return LocalRedirect(returnUrl);
        }
        else
        {
            return RedirectToPage();
        }
    }

    public async Task<IActionResult> OnPostAuditedAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        await _signInManager.SignOutAsync();
        _logger.LogLogout(userId);
        return RedirectToPage("/Index");
    }
}

public class LoginWith2faModel : PageModel
{
    private readonly SignInManager<AppUser> _signInManager;
    private readonly UserManager<AppUser> _userManager;
    private readonly ILogger<LoginWith2faModel> _logger;

    public LoginWith2faModel(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, ILogger<LoginWith2faModel> logger)
    {
        _signInManager = signInManager;
        _userManager = userManager;
        _logger = logger;
    }

    public async Task<IActionResult> OnPostAsync(string twoFactorCode, bool rememberMe, bool rememberMachine, string? returnUrl = null)
    {
        returnUrl ??= Url.Content("~/");
        var user = await _signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user == null)
        {
            throw new InvalidOperationException("Unable to load two-factor authentication user.");
        }

        var authenticatorCode = twoFactorCode.Replace(" ", string.Empty).Replace("-", string.Empty);
        var result = await _signInManager.TwoFactorAuthenticatorSignInAsync(authenticatorCode, rememberMe, rememberMachine); // expect: SL2001
        var userId = await _userManager.GetUserIdAsync(user);
        if (result.Succeeded)
        {
            _logger.LogInformation("User with ID '{UserId}' logged in with 2fa.", user.Id);
            return LocalRedirect(returnUrl);
        }
        else if (result.IsLockedOut)
        {
            _logger.LogWarning("User with ID '{UserId}' account locked out.", user.Id);
            return RedirectToPage("./Lockout");
        }
        else
        {
            _logger.LogWarning("Invalid authenticator code entered for user with ID '{UserId}'.", user.Id);
            ModelState.AddModelError(string.Empty, "Invalid authenticator code.");
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string recoveryCode)
    {
        var user = await _signInManager.GetTwoFactorAuthenticationUserAsync() ?? throw new InvalidOperationException("no user");
        var result = await _signInManager.TwoFactorRecoveryCodeSignInAsync(recoveryCode.Replace(" ", string.Empty));
        if (result.Succeeded)
        {
            _logger.LogLoginSucceeded(user.Id, user.UserName, method: "recovery_code");
            return LocalRedirect("~/");
        }
        if (result.IsLockedOut)
        {
            _logger.LogLockout(user.Id, user.UserName);
            return RedirectToPage("./Lockout");
        }

        _logger.LogMfaFailed(user.Id, "recovery_code");
        return Page();
    }
}
