using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// SL2001–SL2005 never throw (AD0001) on half-typed or erroneous code: hand-written broken shapes of every construct
/// the rules look into, and a realistic handler file cut off at many points, as an editor holds it while typing.
/// </summary>
public class SecurityEventRobustnessTests
{
    private const string Head = """
        using System;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        using SecureLogging;

        """;

    /// <summary>A realistic file touching every rule; cut at many points by <see cref="TruncatedHandlerFileNeverMakesTheRulesThrow"/>.</summary>
    private const string Handlers = Head + """
        public static partial class Log
        {
            public static readonly EventId Failed = new(1002, "authn_login_fail");
            public static readonly Action<ILogger, string, Exception?> Denied = LoggerMessage.Define<string>(LogLevel.Warning, new EventId(3, "authz_fail"), "Denied {User}");
            [LoggerMessage(EventId = 1, EventName = "authentication.success", Level = LogLevel.Information, Message = "Signed in {User}")]
            public static partial void SignedIn(ILogger logger, string user);
            public static partial void SignedIn(ILogger logger, string user) => logger.LogInformation("Signed in {User}", user);
        }

        public class AccountController : Controller
        {
            private readonly SignInManager<IdentityUser> _signIn;
            private readonly UserManager<IdentityUser> _users;
            private readonly IAuthorizationService _authz;
            private readonly ILogger<AccountController> _logger;

            public AccountController(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IAuthorizationService authz, ILogger<AccountController> logger)
            {
                _signIn = signIn; _users = users; _authz = authz; _logger = logger;
            }

            public async Task<IActionResult> Login(string user, string password)
            {
                var result = await _signIn.PasswordSignInAsync(user, password, false, true);
                return result switch
                {
                    { Succeeded: true } => Ok(),
                    { RequiresTwoFactor: true } => Accepted(),
                    { IsLockedOut: true } => StatusCode(423),
                    _ => Fail(user),
                };
            }

            private IActionResult Fail(string user) { _logger.LogWarning(Log.Failed, "Failed {User}", user); return Unauthorized(); }

            public Task<IdentityResult> CreateAsync(IdentityUser user) => _users.CreateAsync(user);

            public async Task<IActionResult> Edit(string id)
            {
                var allowed = await _authz.AuthorizeAsync(User, id, "Edit");
                if (!allowed.Succeeded) { Log.Denied(_logger, id, null); return Forbid(); }
                if (id.Length > 3) throw new UnauthorizedAccessException();
                return Ok();
            }

            public IActionResult ExportUsers() => File(new byte[0], "text/csv");

            [SecuritySensitive("configuration.changed")]
            public void Rotate() { }
        }

        public static class Setup
        {
            public static void Configure(JwtBearerOptions options, WebApplication app)
            {
                options.Events = new JwtBearerEvents { OnAuthenticationFailed = ctx => Task.CompletedTask };
                options.Events.OnAuthenticationFailed = OnFailed;
                app.MapPost("/keys", CreateApiKey);
            }

            private static Task OnFailed(Microsoft.AspNetCore.Authentication.JwtBearer.AuthenticationFailedContext context) => Task.CompletedTask;

            private static IResult CreateApiKey(ClaimsPrincipal user) => Results.Ok();
        }
        """;

    public static TheoryData<string> BrokenSources => new()
    {
        Head + "class C : Controller { SignInManager<IdentityUser> s = null!; async Task<IActionResult> M(string u) { var r = await s.PasswordSignInAsync(u, ); return r switch { { Succeeded: } => Ok(), _ => };",
        Head + "class C : Controller { SignInManager<IdentityUser> s = null!; async Task M(string u) { var r = await s.PasswordSignInAsync(u, \"p\", false, true); switch (r) { case { Succeeded: true, }: break; case { IsLockedOut: }: break; case { Missing: true }: break; } }",
        Head + "class C { UserManager<IdentityUser> u = null!; Task<IdentityResult> W(IdentityUser x) => W(x); Task<IdentityResult> V(IdentityUser x) => V2(x); Task<IdentityResult> V2(IdentityUser x) => V(x); async Task M(IdentityUser x) { await W(x); await V(x); await u.CreateAsync(); await u.DeleteAsync(x, x); } }",
        Head + "class C { static readonly EventId E; static EventId P => default; static readonly EventId Q = new(1, ); void M(ILogger l, UserManager<IdentityUser> u, IdentityUser x) { u.DeleteAsync(x); l.LogWarning(E, \"x\"); l.LogWarning(P, \"x\"); l.LogWarning(Q, \"x\"); l.LogWarning(new EventId(1, null), \"x\"); l.LogWarning(new EventId(), \"x\"); } }",
        Head + "static class D { static readonly Action<ILogger, string, Exception?> A = LoggerMessage.Define<string>(LogLevel.Warning, new EventId(1, ), \"{U}\"); static readonly Action<ILogger, Exception?> B; static Action<ILogger, Exception?> C2 => null!; static async Task M(ILogger l, SignInManager<IdentityUser> s) { await s.SignOutAsync(); A(l, \"u\", null); B(l, null); C2(l, null); Action<ILogger, Exception?> local = null!; local(l, null); } }",
        Head + "class C { void M(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions o) { o.Events.OnAuthenticationFailed = ; o.Events = new JwtBearerEvents { OnAuthenticationFailed = Missing }; o.Events.OnAuthenticationFailed = ctx => ; } }",
        Head + "class C : Controller { IAuthorizationService a = null!; async Task<IActionResult> M() { var r = await a.AuthorizeAsync(User, ); if (!r.Succeeded) return Forbid(; return StatusCode(); } IActionResult N() => StatusCode(\"403\"); IActionResult O() => new StatusCodeResult(); void P() { throw new UnauthorizedAccessException(; } }",
        Head + "class C : Controller { [SecuritySensitive(] public void A() { } [SecuritySensitive(1, 2)] public void B() { } public IActionResult ExportAll( => Ok(); public IActionResult PurgeLogs() }",
        Head + "static class E { static void Map(WebApplication app) { app.MapPost(\"/a\", Missing); app.MapPost(\"/b\", ExportUsers, ); app.MapPost(, CreateApiKey); app.MapGet(\"/c\", (Delegate)ExportOrders); } static IResult ExportUsers() => Results.Ok(); static IResult ExportOrders() => Results.Ok(); }",
        Head + "var app = WebApplication.Create(); app.MapPost(\"/export\", ExportAll); app.MapPost(\"/export\", ExportAll); static IResult ExportAll() => ; static IResult PurgeLogs(",
        Head + "class H : AuthenticationHandler<AuthenticationSchemeOptions> { protected override Task<AuthenticateResult> HandleAuthenticateAsync() { if (true) return Task.FromResult(AuthenticateResult.Fail()); return AuthenticateResult.Success(; } }",
        Head + "class C { IPasswordHasher<IdentityUser> h = null!; bool M(IdentityUser u) { switch (h.VerifyHashedPassword(u, , \"p\")) { case PasswordVerificationResult.: return true; default: return false; } } }",
        Head + "partial class C { [LoggerMessage(EventName = )] static partial void A(ILogger l); [LoggerMessage(EventName = \"authentication.failure\")] static partial void B(ILogger l, ); async Task M(ILogger l, SignInManager<IdentityUser> s) { await s.SignOutAsync(); A(l); B(l); } }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task BrokenShapesNeverMakeTheRulesThrow(string source)
        => await AssertNoAnalyzerExceptionAsync(source);

    [Fact]
    public async Task TruncatedHandlerFileNeverMakesTheRulesThrow()
    {
        // The complete file really reaches every rule, so the cut points exercise code the rules walk into.
        var complete = await AssertNoAnalyzerExceptionAsync(Handlers);
        Assert.Equal(["SL2001", "SL2002", "SL2003", "SL2005"], complete.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

        foreach (var cut in Enumerable.Range(1, 24).Select(i => Head.Length + ((Handlers.Length - Head.Length) * i / 25)))
        {
            await AssertNoAnalyzerExceptionAsync(Handlers[..cut]);
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> AssertNoAnalyzerExceptionAsync(string source)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.All);
        var kind = source.Contains("var app = ", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            "Broken",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12))],
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(SecurityEventTestSources.AllRules().ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(exceptions.Count == 0, "at " + source.Length + ": " + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
