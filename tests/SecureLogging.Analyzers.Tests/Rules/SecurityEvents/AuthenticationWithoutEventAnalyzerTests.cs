using SecureLogging.Analyzers.Rules;
using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.AuthenticationWithoutEventAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

public class AuthenticationWithoutEventAnalyzerTests
{
    /// <summary>The stock Identity UI Login page: plain text messages are not events.</summary>
    [Fact]
    public async Task StockIdentityLoginPageIsReported()
    {
        var source = Usings + """
            public class LoginModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly ILogger<LoginModel> _logger;

                public LoginModel(SignInManager<IdentityUser> signInManager, ILogger<LoginModel> logger)
                {
                    _signInManager = signInManager;
                    _logger = logger;
                }

                [BindProperty] public InputModel Input { get; set; } = new();

                public class InputModel
                {
                    public string Email { get; set; } = "";
                    public string Password { get; set; } = "";
                    public bool RememberMe { get; set; }
                }

                public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
                {
                    returnUrl ??= Url.Content("~/");
                    if (ModelState.IsValid)
                    {
                        var result = await {|#0:_signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: false)|};
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

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("PasswordSignInAsync", "checks a user's credentials"));
    }

    [Fact]
    public async Task LoginPageWithEventsOnEveryOutcomeIsQuiet()
    {
        var source = Usings + """
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
                        _logger.LogLockout(Email);
                        return RedirectToPage("./Lockout");
                    }

                    _logger.LogLoginFailed(Email, "invalid_credentials");
                    return Page();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LogoutPageIsReportedAndHelperOneCallAwayCovers()
    {
        var source = Usings + """
            public class LogoutModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly ILogger<LogoutModel> _logger;

                public LogoutModel(SignInManager<IdentityUser> signInManager, ILogger<LogoutModel> logger)
                {
                    _signInManager = signInManager;
                    _logger = logger;
                }

                public async Task<IActionResult> OnPost(string? returnUrl = null)
                {
                    await {|#0:_signInManager.SignOutAsync()|};
                    _logger.LogInformation("User logged out.");
                    return returnUrl != null ? LocalRedirect(returnUrl) : RedirectToPage();
                }

                public async Task<IActionResult> OnPostAudited()
                {
                    await _signInManager.SignOutAsync();
                    Audit();
                    return RedirectToPage();
                }

                private void Audit() => _logger.LogLogout(User.Identity!.Name!);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("SignOutAsync", "signs a user out"));
    }

    /// <summary>
    /// Clearing Identity's external-login or two-factor cookie (the stock Login page's OnGetAsync, after linking an
    /// external login) signs nobody out; a sign-out of the application cookie still is one.
    /// </summary>
    [Fact]
    public async Task ClearingIdentityTransientCookiesIsNotALogout()
    {
        var source = Usings + """
            public class LoginModel : PageModel
            {
                public async Task OnGetAsync()
                {
                    // Clear the existing external cookie to ensure a clean login process
                    await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
                    await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                    await HttpContext.SignOutAsync("Identity.TwoFactorRememberMe");
                }

                public async Task<IActionResult> OnPostLogoutAsync()
                {
                    await {|#0:HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme)|};
                    await {|#1:HttpContext.SignOutAsync()|};
                    return RedirectToPage("/Index");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("SignOutAsync", "signs a user out"),
            Verify.Diagnostic("SL2001").WithLocation(1).WithArguments("SignOutAsync", "signs a user out"));
    }

    [Fact]
    public async Task VocabularyEventIdsAndLoggerMessageEventNamesAreEvents()
    {
        var source = Usings + """
            public static partial class Log
            {
                public static readonly EventId LoginOk = new EventId(1000, "authentication.success");

                [LoggerMessage(EventId = 1001, EventName = "authn_login_fail", Level = LogLevel.Warning, Message = "Login failed for {User}")]
                public static partial void LoginFailed(ILogger logger, string user);
            }

            // What the logging source generator would write.
            public static partial class Log
            {
                public static partial void LoginFailed(ILogger logger, string user) => logger.LogWarning("Login failed for {User}", user);
            }

            public class AccountController : Controller
            {
                private readonly SignInManager<IdentityUser> _signIn;
                private readonly ILogger _logger;

                public AccountController(SignInManager<IdentityUser> signIn, ILogger<AccountController> logger)
                {
                    _signIn = signIn;
                    _logger = logger;
                }

                public async Task<IActionResult> Inline(string user, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(user, password, false, true);
                    _logger.LogInformation(new EventId(1000, "authentication.success"), "Login {User} {Ok}", user, result.Succeeded);
                    return Ok();
                }

                public async Task<IActionResult> ThroughField(string user, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(user, password, false, true);
                    _logger.LogInformation(Log.LoginOk, "Login {User} {Ok}", user, result.Succeeded);
                    return Ok();
                }

                public async Task<IActionResult> ThroughLoggerMessage(string user, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(user, password, false, true);
                    Log.LoginFailed(_logger, user);
                    return Ok();
                }

                public async Task<IActionResult> NotVocabulary(string user, string password)
                {
                    var result = await {|#0:_signIn.PasswordSignInAsync(user, password, false, true)|};
                    _logger.LogInformation(new EventId(7, "login"), "Login {User} {Ok}", user, result.Succeeded);
                    return Ok();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("PasswordSignInAsync", "checks a user's credentials"));
    }

    [Fact]
    public async Task WrapperIsNotReportedAndItsCallSitesAre()
    {
        var source = Usings + """
            public interface IAccountService
            {
                Task<SignInResult> LoginAsync(string user, string password);
            }

            public class AccountService : IAccountService
            {
                private readonly SignInManager<IdentityUser> _signIn;
                private readonly UserManager<IdentityUser> _users;
                private readonly IPasswordHasher<IdentityUser> _hasher;

                public AccountService(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IPasswordHasher<IdentityUser> hasher)
                {
                    _signIn = signIn;
                    _users = users;
                    _hasher = hasher;
                }

                // Raw results, directly, awaited, through a local: wrappers.
                public Task<SignInResult> LoginAsync(string user, string password) => _signIn.PasswordSignInAsync(user, password, false, true);

                public async Task<SignInResult> LoginAwaitedAsync(string user, string password) => await _signIn.PasswordSignInAsync(user, password, false, true).ConfigureAwait(false);

                public async Task<bool> CheckAsync(IdentityUser user, string password)
                {
                    var ok = await _users.CheckPasswordAsync(user, password);
                    return ok;
                }

                // A value computed from the result is not raw: the API is judged here.
                public bool Verify(IdentityUser user, string password)
                    => {|#0:_hasher.VerifyHashedPassword(user, user.PasswordHash!, password)|} != PasswordVerificationResult.Failed;
            }

            public class AccountController : Controller
            {
                private readonly AccountService _service;
                private readonly IAccountService _contract;

                public AccountController(AccountService service, IAccountService contract)
                {
                    _service = service;
                    _contract = contract;
                }

                public async Task<IActionResult> Login(string user, string password)
                {
                    var result = await {|#1:_service.LoginAwaitedAsync(user, password)|};
                    return result.Succeeded ? Ok() : Unauthorized();
                }

                public async Task<IActionResult> Check(IdentityUser user, string password)
                    => await {|#2:_service.CheckAsync(user, password)|} ? Ok() : Unauthorized();
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("VerifyHashedPassword", "checks a user's credentials"),
            Verify.Diagnostic("SL2001").WithLocation(1).WithArguments("LoginAwaitedAsync", "returns the result of 'PasswordSignInAsync', which checks a user's credentials"),
            Verify.Diagnostic("SL2001").WithLocation(2).WithArguments("CheckAsync", "returns the result of 'CheckPasswordAsync', which checks a user's credentials"));
    }

    [Fact]
    public async Task EventEmittedByAnInterfaceImplementationOrAWrapperThatLogsCovers()
    {
        var source = Usings + """
            public interface IAudit
            {
                void LoginFailed(string user);
                void LoginOk(string user);
            }

            public sealed class Audit : IAudit
            {
                private readonly ILogger<Audit> _logger;
                public Audit(ILogger<Audit> logger) => _logger = logger;
                public void LoginFailed(string user) => Write(() => _logger.LogLoginFailed(user, "invalid_credentials"));
                public void LoginOk(string user) => Deeper(user);
                private void Deeper(string user) => _logger.LogLoginSucceeded(user);
                private static void Write(Action action) => action();
            }

            public class LoginService
            {
                private readonly SignInManager<IdentityUser> _signIn;
                private readonly IAudit _audit;
                private readonly ILogger<LoginService> _logger;

                public LoginService(SignInManager<IdentityUser> signIn, IAudit audit, ILogger<LoginService> logger)
                {
                    _signIn = signIn;
                    _audit = audit;
                    _logger = logger;
                }

                public async Task<bool> LoginAsync(string user, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(user, password, false, true);
                    if (!result.Succeeded)
                    {
                        _audit.LoginFailed(user);
                        return false;
                    }

                    _audit.LoginOk(user);
                    return true;
                }

                // Returns the raw result and logs: the wrapper's own call emits, so its callers are covered.
                public async Task<SignInResult> LoginAndLogAsync(string user, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(user, password, false, true);
                    _logger.LogSecurityEventStub(result.Succeeded);
                    return result;
                }

                public async Task UseIt() => await LoginAndLogAsync("a", "b");
            }

            public static class Ext
            {
                public static void LogSecurityEventStub(this ILogger logger, bool ok)
                {
                    if (ok) logger.LogLoginSucceeded("x"); else logger.LogLoginFailed("x", "invalid_credentials");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MinimalApiLambdaIsJudgedOnItsOwn()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Authentication.Cookies;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    var logger = app.Logger;
                    logger.LogLoginSucceeded("startup is not the request");
                    app.MapPost("/login", async (HttpContext http, string user) =>
                    {
                        var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, user) }, "cookie"));
                        await {|#0:http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal)|};
                        return Results.Ok();
                    });
                    app.MapPost("/logout", async (HttpContext http, ILogger<Program> log) =>
                    {
                        await http.SignOutAsync();
                        log.LogLogout(http.User.Identity?.Name ?? "unknown");
                        return Results.Ok();
                    });
                }
            }

            public partial class Program { }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("SignInAsync", "signs a user in"));
    }

    [Fact]
    public async Task ConfiguredEmittersAndFrameworkAuditSinksAreEvents()
    {
        var source = Usings + """
            namespace Duende.IdentityServer.Services
            {
                public interface IEventService { Task RaiseAsync(object evt); }
            }

            namespace Volo.Abp.Identity
            {
                public class IdentitySecurityLogManager { public virtual Task SaveAsync(object context) => Task.CompletedTask; }
            }

            namespace MyApp
            {
                public static class Audit { public static void RecordLogin(string user, bool ok) { } }

                public class Handlers
                {
                    private readonly SignInManager<IdentityUser> _signIn;
                    private readonly Duende.IdentityServer.Services.IEventService _events;
                    private readonly Volo.Abp.Identity.IdentitySecurityLogManager _abp;

                    public Handlers(SignInManager<IdentityUser> signIn, Duende.IdentityServer.Services.IEventService events, Volo.Abp.Identity.IdentitySecurityLogManager abp)
                    {
                        _signIn = signIn;
                        _events = events;
                        _abp = abp;
                    }

                    public async Task A(string u, string p) { var r = await _signIn.PasswordSignInAsync(u, p, false, true); Audit.RecordLogin(u, r.Succeeded); }
                    public async Task B(string u, string p) { var r = await _signIn.PasswordSignInAsync(u, p, false, true); await _events.RaiseAsync(r); }
                    public async Task C(string u, string p) { var r = await _signIn.PasswordSignInAsync(u, p, false, true); await _abp.SaveAsync(r); }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, "secure_logging.event_emitters = MyApp.Audit.Record*, Other.Thing\n");
    }

    /// <summary>
    /// A configured emitter is matched by its qualified name or a trailing part of it (<c>Audit.Record*</c>), and through
    /// the interface method it implements (<c>IAuditStore.Append*</c> covers a call on the implementing class).
    /// </summary>
    [Fact]
    public async Task ConfiguredEmittersMatchShortNamesAndImplementedInterfaces()
    {
        var source = Usings + """
            namespace MyApp.Security
            {
                public static class Audit { public static void RecordLogin(string user, bool ok) { } }

                public interface IAuditStore { Task AppendAsync(string what); }

                public sealed class SqlAuditStore : IAuditStore
                {
                    public Task AppendAsync(string what) => Task.CompletedTask;
                    public Task FlushAsync() => Task.CompletedTask;
                }

                public class Handlers
                {
                    private readonly SignInManager<IdentityUser> _signIn;
                    private readonly SqlAuditStore _store;

                    public Handlers(SignInManager<IdentityUser> signIn, SqlAuditStore store)
                    {
                        _signIn = signIn;
                        _store = store;
                    }

                    public async Task A(string u, string p) { var r = await _signIn.PasswordSignInAsync(u, p, false, true); Audit.RecordLogin(u, r.Succeeded); }
                    public async Task B(string u, string p) { var r = await _signIn.PasswordSignInAsync(u, p, false, true); await _store.AppendAsync("login:" + r.Succeeded); }
                    public async Task C(string u, string p) { var r = await {|#0:_signIn.PasswordSignInAsync(u, p, false, true)|}; await _store.FlushAsync(); }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            "secure_logging.event_emitters = Audit.Record*, IAuditStore.Append*\n",
            Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("PasswordSignInAsync", "checks a user's credentials"));
    }

    [Fact]
    public async Task CustomAuthenticationHandlerResultsAreReportedEach()
    {
        var source = Usings + """
            using System.Text.Encodings.Web;
            using Microsoft.Extensions.Options;

            public class ApiKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
            {
                public ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
                    : base(options, logger, encoder)
                {
                }

                protected override Task<AuthenticateResult> HandleAuthenticateAsync()
                {
                    if (!Request.Headers.TryGetValue("X-Api-Key", out var key))
                    {
                        return Task.FromResult(AuthenticateResult.NoResult());
                    }

                    if (key != "expected")
                    {
                        return Task.FromResult({|#0:AuthenticateResult.Fail("Invalid API key")|});
                    }

                    var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name);
                    return Task.FromResult({|#1:AuthenticateResult.Success(ticket)|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("AuthenticateResult.Fail", "handles an authentication failure"),
            Verify.Diagnostic("SL2001").WithLocation(1).WithArguments("AuthenticateResult.Success", "signs a user in"));
    }

    [Fact]
    public async Task JwtAndOpenIdConnectFailureHooksAreReportedAtTheAssignment()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            public static class Auth
            {
                public static void Configure(JwtBearerOptions jwt, OpenIdConnectOptions oidc, ILogger logger)
                {
                    jwt.Events = new JwtBearerEvents
                    {
                        {|#0:OnAuthenticationFailed = context =>
                        {
                            logger.LogWarning("JWT failed: {Error}", context.Exception.Message);
                            return Task.CompletedTask;
                        }|},
                    };
                    oidc.Events.OnRemoteFailure = context =>
                    {
                        logger.LogLoginFailed(null, "remote_failure");
                        return Task.CompletedTask;
                    };
                    {|#1:oidc.Events.OnAuthenticationFailed = Quiet|};
                }

                private static Task Quiet(Microsoft.AspNetCore.Authentication.OpenIdConnect.AuthenticationFailedContext context) => Task.CompletedTask;
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("OnAuthenticationFailed", "handles an authentication failure"),
            Verify.Diagnostic("SL2001").WithLocation(1).WithArguments("OnAuthenticationFailed", "handles an authentication failure"));
    }

    /// <summary>
    /// A <c>LoggerMessage.Define</c> delegate created with a vocabulary EventId is a Microsoft.Extensions.Logging call
    /// with that EventId wherever it is invoked (field, static property or local); one with another name is not.
    /// </summary>
    [Fact]
    public async Task LoggerMessageDefineDelegatesWithVocabularyEventIdsAreEvents()
    {
        var source = Usings + """
            internal static class AuthLog
            {
                private static readonly EventId Failure = new(1002, "authn_login_fail");

                public static readonly Action<ILogger, string, Exception?> LoginFailed =
                    LoggerMessage.Define<string>(LogLevel.Warning, Failure, "Login failed for {User}");

                public static Action<ILogger, string, Exception?> LoginSucceeded { get; } =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(1001, "authentication.success"), "User {User} signed in");

                public static readonly Action<ILogger, string, Exception?> Attempt =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(1000, "LoginAttempt"), "Login attempt for {User}");
            }

            public class AccountController : Controller
            {
                private readonly SignInManager<IdentityUser> _signIn;
                private readonly ILogger _logger;

                public AccountController(SignInManager<IdentityUser> signIn, ILogger<AccountController> logger)
                {
                    _signIn = signIn;
                    _logger = logger;
                }

                public async Task<IActionResult> Field(string user, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(user, password, false, true);
                    if (!result.Succeeded) { AuthLog.LoginFailed(_logger, user, null); return Unauthorized(); }
                    AuthLog.LoginSucceeded(_logger, user, null);
                    return Ok();
                }

                public async Task<IActionResult> Local(string user)
                {
                    var signedOut = LoggerMessage.Define<string>(LogLevel.Information, new EventId(5, "authentication.logout"), "{User} signed out");
                    await _signIn.SignOutAsync();
                    signedOut(_logger, user, null);
                    return Ok();
                }

                public async Task<IActionResult> NotVocabulary(string user, string password)
                {
                    AuthLog.Attempt(_logger, user, null);
                    var result = await {|#0:_signIn.PasswordSignInAsync(user, password, false, true)|};
                    return result.Succeeded ? Ok() : Unauthorized();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("PasswordSignInAsync", "checks a user's credentials"));
    }

    /// <summary>
    /// An app's SignInManager subclass that records the outcome in its override: a call through the base type is a
    /// virtual call that an override of the compilation covers (SPEC §6), so neither the call sites nor the override's
    /// own base call are reported.
    /// </summary>
    [Fact]
    public async Task OverrideOfTheApiThatEmitsCoversCallsThroughTheBaseType()
    {
        var source = Usings + """
            using Microsoft.Extensions.Options;

            public sealed class AuditingSignInManager : SignInManager<IdentityUser>
            {
                private readonly ILogger<AuditingSignInManager> _audit;

                public AuditingSignInManager(UserManager<IdentityUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<IdentityUser> factory,
                    IOptions<IdentityOptions> options, ILogger<SignInManager<IdentityUser>> logger, IAuthenticationSchemeProvider schemes,
                    IUserConfirmation<IdentityUser> confirmation, ILogger<AuditingSignInManager> audit)
                    : base(users, accessor, factory, options, logger, schemes, confirmation) => _audit = audit;

                public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
                {
                    var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
                    if (result.Succeeded) _audit.LogLoginSucceeded(userName); else _audit.LogLoginFailed(userName, "invalid_credentials");
                    return result;
                }
            }

            public class LoginModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signIn;
                public LoginModel(SignInManager<IdentityUser> signIn) => _signIn = signIn;

                public async Task<IActionResult> OnPostAsync(string email, string password)
                    => (await _signIn.PasswordSignInAsync(email, password, false, true)).Succeeded ? RedirectToPage("/Index") : Page();

                public async Task<IActionResult> OnPostLogoutAsync()
                {
                    await {|#0:_signIn.SignOutAsync()|};
                    return RedirectToPage("/Index");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2001").WithLocation(0).WithArguments("SignOutAsync", "signs a user out"));
    }

    [Fact]
    public async Task HalfTypedCodeNeverThrows()
    {
        var source = Usings + """
            public class Broken : PageModel
            {
                private readonly SignInManager<IdentityUser> _signIn = null!;

                public async Task<IActionResult> OnPost(string user)
                {
                    var result = await _signIn.PasswordSignInAsync(user, {|CS1525:)|};
                    if (result.Nope) { }
                    await _signIn.{|CS1061:Missing|}();
                    {|CS0103:undefined|}.SignOutAsync();
                    return {|CS0103:Page2|}();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
