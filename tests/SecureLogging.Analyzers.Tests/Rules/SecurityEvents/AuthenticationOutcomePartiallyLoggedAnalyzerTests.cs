using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.AuthenticationOutcomePartiallyLoggedAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

public class AuthenticationOutcomePartiallyLoggedAnalyzerTests
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

            public string Email { get; set; } = "";
            public string Password { get; set; } = "";

        """;

    [Fact]
    public async Task SuccessOnlyLeavesTheFailurePathUnrecorded()
    {
        var source = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl)
                {
                    var result = await {|#0:_signInManager.PasswordSignInAsync(Email, Password, false, lockoutOnFailure: true)|};
                    if (result.Succeeded)
                    {
                        _logger.LogLoginSucceeded(Email);
                        return LocalRedirect(returnUrl);
                    }
                    if (result.RequiresTwoFactor)
                    {
                        return RedirectToPage("./LoginWith2fa");
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
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2002").WithLocation(0).WithArguments("PasswordSignInAsync", "failure"));
    }

    [Fact]
    public async Task FailureOnlyLeavesTheSuccessPathUnrecorded()
    {
        var source = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostAsync()
                {
                    var result = await {|#0:_signInManager.PasswordSignInAsync(Email, Password, false, true)|};
                    if (!result.Succeeded)
                    {
                        _logger.LogLoginFailed(Email, "invalid_credentials");
                        return Page();
                    }

                    return RedirectToPage("/Index");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2002").WithLocation(0).WithArguments("PasswordSignInAsync", "success"));
    }

    /// <summary>A lockout branch is covered by any failure-path event; a two-factor branch needs none (SPEC §6).</summary>
    [Fact]
    public async Task LockoutCoveredByTheFailureEventAndTwoFactorNeedsNone()
    {
        var source = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostAsync(string returnUrl)
                {
                    var result = await _signInManager.PasswordSignInAsync(Email, Password, false, lockoutOnFailure: true);
                    if (result.Succeeded)
                    {
                        _logger.LogLoginSucceeded(Email);
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
                        _logger.LogLoginFailed(Email, "invalid_credentials");
                        return Page();
                    }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LoginWith2faAndChangePasswordShapes()
    {
        var source = Usings + """
            public class LoginWith2faModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly UserManager<IdentityUser> _userManager;
                private readonly ILogger<LoginWith2faModel> _logger;

                public LoginWith2faModel(SignInManager<IdentityUser> signInManager, UserManager<IdentityUser> userManager, ILogger<LoginWith2faModel> logger)
                {
                    _signInManager = signInManager;
                    _userManager = userManager;
                    _logger = logger;
                }

                public async Task<IActionResult> OnPostAsync(string code, bool rememberMe, string returnUrl)
                {
                    var user = await _signInManager.GetTwoFactorAuthenticationUserAsync();
                    if (user == null)
                    {
                        throw new InvalidOperationException("Unable to load two-factor authentication user.");
                    }

                    var authenticatorCode = code.Replace(" ", string.Empty).Replace("-", string.Empty);
                    var result = await {|#0:_signInManager.TwoFactorAuthenticatorSignInAsync(authenticatorCode, rememberMe, false)|};
                    var userId = await _userManager.GetUserIdAsync(user);
                    if (result.Succeeded)
                    {
                        _logger.LogLoginSucceeded(userId, method: "mfa");
                        return LocalRedirect(returnUrl);
                    }
                    else if (result.IsLockedOut)
                    {
                        _logger.LogLockout(userId);
                        return RedirectToPage("./Lockout");
                    }
                    else
                    {
                        _logger.LogWarning("Invalid authenticator code entered for user with ID '{UserId}'.", user.Id);
                        ModelState.AddModelError(string.Empty, "Invalid authenticator code.");
                        return Page();
                    }
                }

                public async Task<IActionResult> OnPostChangeAsync(string oldPassword, string newPassword)
                {
                    var user = await _userManager.GetUserAsync(User);
                    if (user == null) return NotFound();
                    var changePasswordResult = await {|#1:_userManager.ChangePasswordAsync(user, oldPassword, newPassword)|};
                    if (!changePasswordResult.Succeeded)
                    {
                        foreach (var error in changePasswordResult.Errors)
                        {
                            ModelState.AddModelError(string.Empty, error.Description);
                        }
                        return Page();
                    }

                    await _signInManager.RefreshSignInAsync(user);
                    _logger.LogPasswordChanged(user.Id);
                    return RedirectToPage();
                }

                public async Task<IActionResult> OnPostCheckAsync(IdentityUser user, string password)
                {
                    if (user == null || !await {|#2:_userManager.CheckPasswordAsync(user, password)|})
                    {
                        return Unauthorized();
                    }

                    _logger.LogLoginSucceeded(user.Id);
                    return Page();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2002").WithLocation(0).WithArguments("TwoFactorAuthenticatorSignInAsync", "failure"),
            Verify.Diagnostic("SL2002").WithLocation(1).WithArguments("ChangePasswordAsync", "failure"),
            Verify.Diagnostic("SL2002").WithLocation(2).WithArguments("CheckPasswordAsync", "failure"));
    }

    [Fact]
    public async Task HandlerRecordingFailuresOnlyMissesItsSuccess()
    {
        var source = Usings + """
            using System.Text.Encodings.Web;
            using Microsoft.Extensions.Options;

            public class BasicHandler : AuthenticationHandler<AuthenticationSchemeOptions>
            {
                public BasicHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
                    : base(options, logger, encoder)
                {
                }

                protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
                {
                    await Task.Yield();
                    if (!Request.Headers.ContainsKey("Authorization"))
                    {
                        return AuthenticateResult.NoResult();
                    }

                    if (Request.Headers["Authorization"] != "Basic ok")
                    {
                        Logger.LogLoginFailed(null, "invalid_credentials");
                        return AuthenticateResult.Fail("Invalid credentials");
                    }

                    return {|#0:AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(), Scheme.Name))|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2002").WithLocation(0).WithArguments("AuthenticateResult.Success", "success"));
    }

    /// <summary>
    /// Property patterns on the result — <c>is { Succeeded: true }</c>, the arms of a switch expression and of a switch
    /// statement — are outcome tests like <c>result.Succeeded</c>: a two-factor arm with no event is not an unrecorded
    /// outcome, and a failure arm with none is.
    /// </summary>
    [Fact]
    public async Task PropertyPatternsAndSwitchArmsTellTheOutcomesApart()
    {
        var source = Usings + LoginPageHead + """
                public async Task<IActionResult> OnPostSwitchAsync()
                {
                    var result = await _signInManager.PasswordSignInAsync(Email, Password, false, true);
                    return result switch
                    {
                        { Succeeded: true } => Done(),
                        { RequiresTwoFactor: true } => RedirectToPage("./LoginWith2fa"),
                        { IsLockedOut: true } => Locked(),
                        _ => Failed(),
                    };
                }

                public async Task<IActionResult> OnPostStatementAsync()
                {
                    var result = await _signInManager.PasswordSignInAsync(Email, Password, false, true);
                    switch (result)
                    {
                        case { Succeeded: true }:
                            _logger.LogLoginSucceeded(Email);
                            return RedirectToPage("/Index");
                        case { RequiresTwoFactor: true }:
                            return RedirectToPage("./LoginWith2fa");
                        default:
                            _logger.LogLoginFailed(Email, "invalid_credentials");
                            return Page();
                    }
                }

                public async Task<IActionResult> OnPostNotPatternAsync()
                {
                    var result = await _signInManager.PasswordSignInAsync(Email, Password, false, true);
                    if (result is not { Succeeded: true })
                    {
                        if (result is { RequiresTwoFactor: true }) return RedirectToPage("./LoginWith2fa");
                        _logger.LogLoginFailed(Email, "invalid_credentials");
                        return Page();
                    }

                    _logger.LogLoginSucceeded(Email);
                    return RedirectToPage("/Index");
                }

                public async Task<IActionResult> OnPostPartialAsync()
                {
                    var result = await {|#0:_signInManager.PasswordSignInAsync(Email, Password, false, true)|};
                    return result switch
                    {
                        { Succeeded: true } => Done(),
                        { RequiresTwoFactor: true } => RedirectToPage("./LoginWith2fa"),
                        _ => Page(),
                    };
                }

                private IActionResult Done() { _logger.LogLoginSucceeded(Email); return RedirectToPage("/Index"); }
                private IActionResult Locked() { _logger.LogLockout(Email); return RedirectToPage("./Lockout"); }
                private IActionResult Failed() { _logger.LogLoginFailed(Email, "invalid_credentials"); return Page(); }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2002").WithLocation(0).WithArguments("PasswordSignInAsync", "failure"));
    }

    /// <summary>
    /// An exception thrown after the outcome is known (the next step failed) does not make a recorded outcome partial;
    /// a failure that is only ever thrown is still unrecorded.
    /// </summary>
    [Fact]
    public async Task AThrowAfterARecordedOutcomeIsNotAnUnrecordedPath()
    {
        var source = Usings + """
            public class DeletePersonalDataModel : PageModel
            {
                private readonly UserManager<IdentityUser> _userManager;
                private readonly ILogger<DeletePersonalDataModel> _logger;

                public DeletePersonalDataModel(UserManager<IdentityUser> userManager, ILogger<DeletePersonalDataModel> logger)
                {
                    _userManager = userManager;
                    _logger = logger;
                }

                public async Task<IActionResult> OnPostAsync(IdentityUser user, string password)
                {
                    if (!await _userManager.CheckPasswordAsync(user, password))
                    {
                        _logger.LogLoginFailed(user.UserName, "invalid_password");
                        return Page();
                    }

                    var result = await _userManager.DeleteAsync(user);
                    if (!result.Succeeded)
                    {
                        throw new InvalidOperationException("Unexpected error occurred deleting user.");
                    }

                    _logger.LogAccountDeleted(user.Id, user.Id);
                    return Redirect("~/");
                }

                public async Task<IActionResult> OnPostThrowsOnFailureAsync(IdentityUser user, string password)
                {
                    if (!await {|#0:_userManager.CheckPasswordAsync(user, password)|})
                    {
                        throw new InvalidOperationException("Incorrect password.");
                    }

                    _logger.LogLoginSucceeded(user.Id);
                    return Redirect("~/");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2002").WithLocation(0).WithArguments("CheckPasswordAsync", "failure"));
    }

    /// <summary>At a wrapper's call site the SL2002 message names the wrapper and the API whose result it returns.</summary>
    [Fact]
    public async Task WrapperCallSiteMessageNamesTheWrapperAndTheApiItReturns()
    {
        var source = Usings + """
            public sealed class CredentialService
            {
                private readonly UserManager<IdentityUser> _users;
                public CredentialService(UserManager<IdentityUser> users) => _users = users;
                public Task<bool> ValidateAsync(IdentityUser user, string password) => _users.CheckPasswordAsync(user, password);
            }

            public class TokenController : Controller
            {
                private readonly CredentialService _credentials;
                private readonly ILogger<TokenController> _logger;

                public TokenController(CredentialService credentials, ILogger<TokenController> logger)
                {
                    _credentials = credentials;
                    _logger = logger;
                }

                public async Task<IActionResult> Token(IdentityUser user, string password)
                {
                    if (await {|#0:_credentials.ValidateAsync(user, password)|})
                    {
                        _logger.LogLoginSucceeded(user.Id);
                        return Ok();
                    }

                    return Unauthorized();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2002").WithLocation(0).WithArguments("ValidateAsync", "failure path of the 'CheckPasswordAsync' result it returns"));
    }
}
