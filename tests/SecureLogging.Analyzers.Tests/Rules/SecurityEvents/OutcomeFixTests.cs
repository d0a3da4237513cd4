using SecureLogging.Analyzers.CodeFixes.Rules;
using SecureLogging.Analyzers.Rules;
using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// The SL2001/SL2002 fix on APIs with an outcome, on the shapes the ASP.NET Core Identity UI pages, MVC controllers and
/// minimal APIs have: each test checks the exact output, Fix All, that the fixed code compiles, and that neither rule
/// reports the fixed code.
/// </summary>
public class OutcomeFixTests
{
    private const string LoginPageHead = """
        public class LoginModel : PageModel
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            private readonly ILogger<LoginModel> _logger;

            public LoginModel(SignInManager<IdentityUser> signInManager, ILogger<LoginModel> logger)
            {
                _signInManager = signInManager;
                _logger = logger;
            }

            [BindProperty]
            public InputModel Input { get; set; }

            public class InputModel
            {
                public string Email { get; set; }
                public string Password { get; set; }
                public bool RememberMe { get; set; }
            }

        """;

    [Fact]
    public async Task StockLoginPageGetsSuccessLockoutAndFailureEventsInTheirBranches()
    {
        var source = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl = null)
                {
                    returnUrl ??= Url.Content("~/");
                    if (ModelState.IsValid)
                    {
                        var result = await {|SL2001:_signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: false)|};
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
            }
            """;
        var fixedSource = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl = null)
                {
                    returnUrl ??= Url.Content("~/");
                    if (ModelState.IsValid)
                    {
                        var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: false);
                        if (result.Succeeded)
                        {
                            _logger.LogLoginSucceeded(Input.Email);
                            _logger.LogInformation("User logged in.");
                            return LocalRedirect(returnUrl);
                        }
                        if (result.RequiresTwoFactor)
                        {
                            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, RememberMe = Input.RememberMe });
                        }
                        if (result.IsLockedOut)
                        {
                            _logger.LogLockout(Input.Email);
                            _logger.LogWarning("User account locked out.");
                            return RedirectToPage("./Lockout");
                        }
                        else
                        {
                            _logger.LogLoginFailed(Input.Email, "invalid_credentials");
                            ModelState.AddModelError(string.Empty, "Invalid login attempt.");
                            return Page();
                        }
                    }

                    return Page();
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task LoginWithOnlyTheSuccessLoggedGetsTheFailureEventsOnly()
    {
        var source = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl)
                {
                    var result = await {|SL2002:_signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true)|};
                    if (result.Succeeded)
                    {
                        _logger.LogLoginSucceeded(Input.Email);
                        return LocalRedirect(returnUrl);
                    }
                    if (result.IsLockedOut)
                    {
                        return RedirectToPage("./Lockout");
                    }
                    ModelState.AddModelError(string.Empty, "Invalid login attempt.");
                    return Page();
                }
            }
            """;
        var fixedSource = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl)
                {
                    var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
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
                    _logger.LogLoginFailed(Input.Email, "invalid_credentials");
                    ModelState.AddModelError(string.Empty, "Invalid login attempt.");
                    return Page();
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task LoginWith2faUsesTheTwoFactorUserAndTheElseIfChain()
    {
        const string Head = """
            public class LoginWith2faModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly ILogger<LoginWith2faModel> _logger;

                public LoginWith2faModel(SignInManager<IdentityUser> signInManager, ILogger<LoginWith2faModel> logger)
                {
                    _signInManager = signInManager;
                    _logger = logger;
                }

                [BindProperty]
                public InputModel Input { get; set; }

                public class InputModel
                {
                    public string TwoFactorCode { get; set; }
                    public bool RememberMachine { get; set; }
                }

            """;
        var source = Usings + Head + """
                public async Task<IActionResult> OnPostAsync(bool rememberMe, string returnUrl = null)
                {
                    if (!ModelState.IsValid)
                    {
                        return Page();
                    }

                    var user = await _signInManager.GetTwoFactorAuthenticationUserAsync();
                    if (user == null)
                    {
                        throw new InvalidOperationException("Unable to load two-factor authentication user.");
                    }

                    var authenticatorCode = Input.TwoFactorCode.Replace(" ", string.Empty).Replace("-", string.Empty);
                    var result = await {|SL2001:_signInManager.TwoFactorAuthenticatorSignInAsync(authenticatorCode, rememberMe, Input.RememberMachine)|};
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
            }
            """;
        var fixedSource = Usings + Head + """
                public async Task<IActionResult> OnPostAsync(bool rememberMe, string returnUrl = null)
                {
                    if (!ModelState.IsValid)
                    {
                        return Page();
                    }

                    var user = await _signInManager.GetTwoFactorAuthenticationUserAsync();
                    if (user == null)
                    {
                        throw new InvalidOperationException("Unable to load two-factor authentication user.");
                    }

                    var authenticatorCode = Input.TwoFactorCode.Replace(" ", string.Empty).Replace("-", string.Empty);
                    var result = await _signInManager.TwoFactorAuthenticatorSignInAsync(authenticatorCode, rememberMe, Input.RememberMachine);
                    if (result.Succeeded)
                    {
                        _logger.LogLoginSucceeded(user.Id);
                        _logger.LogInformation("User with ID '{UserId}' logged in with 2fa.", user.Id);
                        return LocalRedirect(returnUrl);
                    }
                    else if (result.IsLockedOut)
                    {
                        _logger.LogLockout(user.Id);
                        _logger.LogWarning("User with ID '{UserId}' account locked out.", user.Id);
                        return RedirectToPage("./Lockout");
                    }
                    else
                    {
                        _logger.LogLoginFailed(user.UserName, "invalid_code");
                        _logger.LogWarning("Invalid authenticator code entered for user with ID '{UserId}'.", user.Id);
                        ModelState.AddModelError(string.Empty, "Invalid authenticator code.");
                        return Page();
                    }
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    private const string ManagePageHead = """
        public class ChangePasswordModel : PageModel
        {
            private readonly UserManager<IdentityUser> _userManager;
            private readonly SignInManager<IdentityUser> _signInManager;
            private readonly ILogger<ChangePasswordModel> _logger;

            public ChangePasswordModel(UserManager<IdentityUser> userManager, SignInManager<IdentityUser> signInManager, ILogger<ChangePasswordModel> logger)
            {
                _userManager = userManager;
                _signInManager = signInManager;
                _logger = logger;
            }

            [BindProperty]
            public InputModel Input { get; set; }

            public class InputModel
            {
                public string Email { get; set; }
                public string OldPassword { get; set; }
                public string NewPassword { get; set; }
                public string Code { get; set; }
            }

        """;

    [Fact]
    public async Task ChangePasswordGetsTheFailedEventInTheEarlyReturnAndPasswordChangedAfterIt()
    {
        var source = Usings + ManagePageHead + """
                public async Task<IActionResult> OnPostAsync()
                {
                    var user = await _userManager.GetUserAsync(User);
                    if (user == null)
                    {
                        return NotFound($"Unable to load user with ID '{_userManager.GetUserId(User)}'.");
                    }

                    var changePasswordResult = await {|SL2001:_userManager.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword)|};
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
                    return RedirectToPage();
                }
            }
            """;
        var fixedSource = Usings + ManagePageHead + """
                public async Task<IActionResult> OnPostAsync()
                {
                    var user = await _userManager.GetUserAsync(User);
                    if (user == null)
                    {
                        return NotFound($"Unable to load user with ID '{_userManager.GetUserId(User)}'.");
                    }

                    var changePasswordResult = await _userManager.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
                    if (!changePasswordResult.Succeeded)
                    {
                        _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationPasswordChangeFailed) { UserId = user.Id, Reason = string.Join(",", changePasswordResult.Errors.Select(e => e.Code)) });
                        foreach (var error in changePasswordResult.Errors)
                        {
                            ModelState.AddModelError(string.Empty, error.Description);
                        }
                        return Page();
                    }

                    _logger.LogPasswordChanged(user.Id);
                    await _signInManager.RefreshSignInAsync(user);
                    _logger.LogInformation("User changed their password successfully.");
                    return RedirectToPage();
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task ResetPasswordGetsPasswordChangedInTheSuccessBranchAndTheFailedEventAfterIt()
    {
        var source = Usings + ManagePageHead + """
                public async Task<IActionResult> OnPostAsync()
                {
                    var user = await _userManager.FindByEmailAsync(Input.Email);
                    if (user == null)
                    {
                        return RedirectToPage("./ResetPasswordConfirmation");
                    }

                    var result = await {|SL2001:_userManager.ResetPasswordAsync(user, Input.Code, Input.NewPassword)|};
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
            }
            """;
        var fixedSource = Usings + ManagePageHead + """
                public async Task<IActionResult> OnPostAsync()
                {
                    var user = await _userManager.FindByEmailAsync(Input.Email);
                    if (user == null)
                    {
                        return RedirectToPage("./ResetPasswordConfirmation");
                    }

                    var result = await _userManager.ResetPasswordAsync(user, Input.Code, Input.NewPassword);
                    if (result.Succeeded)
                    {
                        _logger.LogPasswordChanged(user.Id);
                        return RedirectToPage("./ResetPasswordConfirmation");
                    }

                    _logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AuthenticationPasswordChangeFailed) { UserId = user.Id, Reason = string.Join(",", result.Errors.Select(e => e.Code)) });
                    foreach (var error in result.Errors)
                    {
                        ModelState.AddModelError(string.Empty, error.Description);
                    }
                    return Page();
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task EnableAuthenticatorGetsMfaEventsAndTheEnrolmentEvents()
    {
        var source = Usings + ManagePageHead + """
                public string[] RecoveryCodes { get; set; }

                public async Task<IActionResult> OnPostAsync()
                {
                    var user = await _userManager.GetUserAsync(User);
                    if (user == null)
                    {
                        return NotFound();
                    }

                    var verificationCode = Input.Code.Replace(" ", string.Empty).Replace("-", string.Empty);
                    var is2faTokenValid = await {|SL2001:_userManager.VerifyTwoFactorTokenAsync(user, _userManager.Options.Tokens.AuthenticatorTokenProvider, verificationCode)|};
                    if (!is2faTokenValid)
                    {
                        ModelState.AddModelError("Input.Code", "Verification code is invalid.");
                        return Page();
                    }

                    await {|SL2001:_userManager.SetTwoFactorEnabledAsync(user, true)|};
                    var userId = await _userManager.GetUserIdAsync(user);
                    _logger.LogInformation("User with ID '{UserId}' has enabled 2FA with an authenticator app.", userId);
                    return RedirectToPage("./TwoFactorAuthentication");
                }
            }
            """;
        var fixedSource = Usings + ManagePageHead + """
                public string[] RecoveryCodes { get; set; }

                public async Task<IActionResult> OnPostAsync()
                {
                    var user = await _userManager.GetUserAsync(User);
                    if (user == null)
                    {
                        return NotFound();
                    }

                    var verificationCode = Input.Code.Replace(" ", string.Empty).Replace("-", string.Empty);
                    var is2faTokenValid = await _userManager.VerifyTwoFactorTokenAsync(user, _userManager.Options.Tokens.AuthenticatorTokenProvider, verificationCode);
                    if (!is2faTokenValid)
                    {
                        _logger.LogMfaFailed(user.Id, _userManager.Options.Tokens.AuthenticatorTokenProvider);
                        ModelState.AddModelError("Input.Code", "Verification code is invalid.");
                        return Page();
                    }

                    _logger.LogLoginSucceeded(user.Id, method: "mfa");
                    await _userManager.SetTwoFactorEnabledAsync(user, true);
                    var userId = await _userManager.GetUserIdAsync(user);
                    _logger.LogInformation("User with ID '{UserId}' has enabled 2FA with an authenticator app.", userId);
                    return RedirectToPage("./TwoFactorAuthentication");
                }
            }
            """;

        // Fixed one at a time, the verification's success event also covers the enabling after it (SPEC §6: one event covers
        // every API on its path); Fix All computes both fixes on the original code and keeps both events.
        var batchFixedSource = fixedSource.Replace(
            "        await _userManager.SetTwoFactorEnabledAsync(user, true);\n",
            "        await _userManager.SetTwoFactorEnabledAsync(user, true);\n        _logger.LogMfaEnrolled(user.Id, \"authenticator\");\n");
        Assert.NotEqual(fixedSource, batchFixedSource);
        await new Verifiers.CSharpCodeFixVerifier<SecurityEventRulesAnalyzer, InsertSecurityEventCodeFixProvider>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            BatchFixedCode = batchFixedSource,
        }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExternalLoginCallbackUsesTheExternalLoginInfo()
    {
        var source = Usings + LoginPageHead + """
                public async Task<IActionResult> OnGetCallbackAsync(string returnUrl = null)
                {
                    var info = await _signInManager.GetExternalLoginInfoAsync();
                    if (info == null)
                    {
                        return RedirectToPage("./Login");
                    }

                    var result = await {|SL2001:_signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true)|};
                    if (result.Succeeded)
                    {
                        _logger.LogInformation("{Name} logged in with {LoginProvider} provider.", info.Principal.Identity.Name, info.LoginProvider);
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
            }
            """;
        var fixedSource = Usings + LoginPageHead + """
                public async Task<IActionResult> OnGetCallbackAsync(string returnUrl = null)
                {
                    var info = await _signInManager.GetExternalLoginInfoAsync();
                    if (info == null)
                    {
                        return RedirectToPage("./Login");
                    }

                    var result = await _signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
                    if (result.Succeeded)
                    {
                        _logger.LogLoginSucceeded(info.ProviderKey, method: info.LoginProvider);
                        _logger.LogInformation("{Name} logged in with {LoginProvider} provider.", info.Principal.Identity.Name, info.LoginProvider);
                        return LocalRedirect(returnUrl);
                    }
                    if (result.IsLockedOut)
                    {
                        _logger.LogLockout(info.ProviderKey);
                        return RedirectToPage("./Lockout");
                    }
                    else
                    {
                        _logger.LogLoginFailed(info.ProviderKey, "external_login_not_linked", method: info.LoginProvider);
                        return Page();
                    }
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    private const string TokenControllerHead = """
        public record LoginRequest(string Email, string Password);

        [ApiController]
        [Route("api/auth")]
        public class AuthController : ControllerBase
        {
            private readonly UserManager<IdentityUser> _userManager;
            private readonly ILogger<AuthController> _logger;

            public AuthController(UserManager<IdentityUser> userManager, ILogger<AuthController> logger)
            {
                _userManager = userManager;
                _logger = logger;
            }

        """;

    [Fact]
    public async Task ControllerCheckingThePasswordInTheConditionGetsBothEvents()
    {
        var source = Usings + TokenControllerHead + """
                [HttpPost("token")]
                public async Task<IActionResult> Token(LoginRequest request)
                {
                    var user = await _userManager.FindByEmailAsync(request.Email);
                    if (user == null || !await {|SL2001:_userManager.CheckPasswordAsync(user, request.Password)|})
                    {
                        return Unauthorized();
                    }

                    return Ok(new { token = "issued" });
                }
            }
            """;
        var fixedSource = Usings + TokenControllerHead + """
                [HttpPost("token")]
                public async Task<IActionResult> Token(LoginRequest request)
                {
                    var user = await _userManager.FindByEmailAsync(request.Email);
                    if (user == null || !await _userManager.CheckPasswordAsync(user, request.Password))
                    {
                        _logger.LogLoginFailed(request.Email, "invalid_credentials");
                        return Unauthorized();
                    }

                    _logger.LogLoginSucceeded(user.Id);
                    return Ok(new { token = "issued" });
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task ResultTestedInAConditionalExpressionGetsAnIfOnTheResultAfterTheCall()
    {
        const string Head = """
            public record Credentials(string UserName, string Password);

            public static class LoginEndpoints
            {
            """;
        var source = Usings + Head + """
                public static async Task<IResult> Login(Credentials credentials, SignInManager<IdentityUser> signInManager, ILogger<Credentials> logger)
                {
                    var result = await {|SL2001:signInManager.PasswordSignInAsync(credentials.UserName, credentials.Password, false, true)|};
                    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
                }
            }
            """;
        var fixedSource = Usings + Head + """
                public static async Task<IResult> Login(Credentials credentials, SignInManager<IdentityUser> signInManager, ILogger<Credentials> logger)
                {
                    var result = await signInManager.PasswordSignInAsync(credentials.UserName, credentials.Password, false, true);
                    if (result.Succeeded)
                    {
                        logger.LogLoginSucceeded(credentials.UserName);
                    }
                    else if (result.IsLockedOut)
                    {
                        logger.LogLockout(credentials.UserName);
                    }
                    else if (!result.RequiresTwoFactor)
                    {
                        logger.LogLoginFailed(credentials.UserName, "invalid_credentials");
                    }
                    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task MinimalApiLambdaWithAnElseLessSuccessBranchGetsANewElse()
    {
        var source = Usings + """
            public record Credentials(string UserName, string Password);

            public static class Endpoints
            {
                public static void Map(WebApplicationLike app)
                {
                    app.Post(async (Credentials credentials, UserManager<IdentityUser> users, ILogger<Credentials> logger) =>
                    {
                        var user = await users.FindByNameAsync(credentials.UserName);
                        var ok = user != null && await {|SL2001:users.CheckPasswordAsync(user, credentials.Password)|};
                        var valid = await {|SL2001:users.CheckPasswordAsync(user, credentials.Password)|};
                        if (valid)
                        {
                            logger.LogInformation("ok");
                        }
                        return valid ? Results.Ok() : Results.Unauthorized();
                    });
                }
            }

            public class WebApplicationLike
            {
                public void Post(Delegate handler) { }
            }
            """;
        var fixedSource = Usings + """
            public record Credentials(string UserName, string Password);

            public static class Endpoints
            {
                public static void Map(WebApplicationLike app)
                {
                    app.Post(async (Credentials credentials, UserManager<IdentityUser> users, ILogger<Credentials> logger) =>
                    {
                        var user = await users.FindByNameAsync(credentials.UserName);
                        var ok = user != null && await users.CheckPasswordAsync(user, credentials.Password);
                        var valid = await users.CheckPasswordAsync(user, credentials.Password);
                        if (valid)
                        {
                            logger.LogLoginSucceeded(user.Id);
                            logger.LogInformation("ok");
                        }
                        else
                        {
                            logger.LogLoginFailed(credentials.UserName, "invalid_credentials");
                        }

                        return valid ? Results.Ok() : Results.Unauthorized();
                    });
                }
            }

            public class WebApplicationLike
            {
                public void Post(Delegate handler) { }
            }
            """;

        // The first CheckPasswordAsync is folded into a bool: no branch tells its outcome and no local holds it raw, so it
        // gets no fix of its own; the events inserted for the second cover every path after it.
        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task CustomAuthenticationHandlerGetsEventsBeforeItsReturns()
    {
        const string Head = """
            using System.Text.Encodings.Web;
            using Microsoft.Extensions.Options;

            public class ApiKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
            {
                public ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
                    : base(options, logger, encoder)
                {
                }

            """;
        var source = Usings + Head + """
                protected override Task<AuthenticateResult> HandleAuthenticateAsync()
                {
                    if (!Request.Headers.TryGetValue("X-Api-Key", out var key) || key != "expected")
                    {
                        return Task.FromResult({|SL2001:AuthenticateResult.Fail("Invalid API key")|});
                    }

                    var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "service") }, Scheme.Name));
                    var ticket = new AuthenticationTicket(principal, Scheme.Name);
                    return Task.FromResult({|SL2001:AuthenticateResult.Success(ticket)|});
                }
            }
            """;
        var fixedSource = Usings + Head + """
                protected override Task<AuthenticateResult> HandleAuthenticateAsync()
                {
                    if (!Request.Headers.TryGetValue("X-Api-Key", out var key) || key != "expected")
                    {
                        Logger.LogLoginFailed(null, "invalid_credentials", method: Scheme.Name);
                        return Task.FromResult(AuthenticateResult.Fail("Invalid API key"));
                    }

                    var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "service") }, Scheme.Name));
                    var ticket = new AuthenticationTicket(principal, Scheme.Name);
                    Logger.LogLoginSucceeded(ticket.Principal.Identity?.Name ?? "unknown", method: Scheme.Name);
                    return Task.FromResult(AuthenticateResult.Success(ticket));
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task NullableInputModelNamesGetAFallbackWhereAnIdIsRequired()
    {
        var source = Usings + """
            #nullable enable
            public class LoginModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly ILogger<LoginModel> _logger;

                public LoginModel(SignInManager<IdentityUser> signInManager, ILogger<LoginModel> logger)
                {
                    _signInManager = signInManager;
                    _logger = logger;
                }

                public string? UserName { get; set; }
                public string? Password { get; set; }

                public async Task<IActionResult> OnPostAsync()
                {
                    var result = await {|SL2001:_signInManager.PasswordSignInAsync(UserName!, Password!, false, true)|};
                    if (!result.Succeeded)
                    {
                        return Page();
                    }

                    return RedirectToPage("/Index");
                }
            }
            """;
        var fixedSource = Usings + """
            #nullable enable
            public class LoginModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly ILogger<LoginModel> _logger;

                public LoginModel(SignInManager<IdentityUser> signInManager, ILogger<LoginModel> logger)
                {
                    _signInManager = signInManager;
                    _logger = logger;
                }

                public string? UserName { get; set; }
                public string? Password { get; set; }

                public async Task<IActionResult> OnPostAsync()
                {
                    var result = await _signInManager.PasswordSignInAsync(UserName!, Password!, false, true);
                    if (!result.Succeeded)
                    {
                        _logger.LogLoginFailed(UserName, "invalid_credentials");
                        return Page();
                    }

                    _logger.LogLoginSucceeded(UserName ?? "unknown");
                    return RedirectToPage("/Index");
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFixWithoutALoggerOrWhenTheResultIsDiscarded()
    {
        var source = Usings + """
            public class LoginController : Controller
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly ILogger<LoginController> _logger;

                public LoginController(SignInManager<IdentityUser> signInManager, ILogger<LoginController> logger)
                {
                    _signInManager = signInManager;
                    _logger = logger;
                }

                public async Task<IActionResult> Discarded(string userName, string password)
                {
                    await {|SL2001:_signInManager.PasswordSignInAsync(userName, password, false, false)|};
                    return Ok();
                }
            }

            public class NoLoggerController : Controller
            {
                private readonly SignInManager<IdentityUser> _signInManager;

                public NoLoggerController(SignInManager<IdentityUser> signInManager) => _signInManager = signInManager;

                public async Task<IActionResult> Login(string userName, string password)
                {
                    var result = await {|SL2001:_signInManager.PasswordSignInAsync(userName, password, false, false)|};
                    return result.Succeeded ? Ok() : Unauthorized();
                }
            }
            """;

        await Verifiers.CSharpCodeFixVerifier<SecurityEventRulesAnalyzer, InsertSecurityEventCodeFixProvider>.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task RegisterPageGetsAccountCreatedWhereTheCreationSucceeded()
    {
        var source = Usings + ManagePageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl)
                {
                    var user = new IdentityUser { UserName = Input.Email, Email = Input.Email };
                    var result = await {|SL2004:_userManager.CreateAsync(user, Input.NewPassword)|};
                    if (result.Succeeded)
                    {
                        _logger.LogInformation("User created a new account with password.");
                        await {|SL2001:_signInManager.SignInAsync(user, isPersistent: false)|};
                        return LocalRedirect(returnUrl);
                    }

                    foreach (var error in result.Errors)
                    {
                        ModelState.AddModelError(string.Empty, error.Description);
                    }
                    return Page();
                }
            }
            """;
        var fixedSource = Usings + ManagePageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl)
                {
                    var user = new IdentityUser { UserName = Input.Email, Email = Input.Email };
                    var result = await _userManager.CreateAsync(user, Input.NewPassword);
                    if (result.Succeeded)
                    {
                        _logger.LogAccountCreated(_userManager.GetUserId(User) ?? "unknown", user.Id);
                        _logger.LogInformation("User created a new account with password.");
                        await _signInManager.SignInAsync(user, isPersistent: false);
                        return LocalRedirect(returnUrl);
                    }

                    foreach (var error in result.Errors)
                    {
                        ModelState.AddModelError(string.Empty, error.Description);
                    }
                    return Page();
                }
            }
            """;

        // One at a time, the creation event also covers the sign-in after it (SPEC §6); Fix All keeps both events.
        var batchFixedSource = fixedSource.Replace(
            "            await _signInManager.SignInAsync(user, isPersistent: false);\n",
            "            await _signInManager.SignInAsync(user, isPersistent: false);\n            _logger.LogLoginSucceeded(user.Id);\n");
        Assert.NotEqual(fixedSource, batchFixedSource);
        await new Verifiers.CSharpCodeFixVerifier<SecurityEventRulesAnalyzer, InsertSecurityEventCodeFixProvider>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            BatchFixedCode = batchFixedSource,
        }.RunAsync(CancellationToken.None);
    }

    private static async Task VerifyAsync(string source, string fixedSource)
    {
        await Verifiers.CSharpCodeFixVerifier<SecurityEventRulesAnalyzer, InsertSecurityEventCodeFixProvider>.VerifyCodeFixAsync(source, fixedSource);
        var remaining = await AnalyzerRunner.RunAsync(fixedSource, new AuthenticationWithoutEventAnalyzer(), new AuthenticationOutcomePartiallyLoggedAnalyzer());
        Assert.Empty(remaining);
    }
}
