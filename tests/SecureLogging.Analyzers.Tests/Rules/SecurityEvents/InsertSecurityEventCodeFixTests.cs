using SecureLogging.Analyzers.CodeFixes.Rules;
using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

public class InsertSecurityEventCodeFixTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Logging;

        """;

    [Fact]
    public async Task LogoutGetsLogLogoutAfterTheCallAndTheUsing()
    {
        var source = Usings + """
            public class LogoutModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly UserManager<IdentityUser> _userManager;
                private readonly ILogger<LogoutModel> _logger;

                public LogoutModel(SignInManager<IdentityUser> signInManager, UserManager<IdentityUser> userManager, ILogger<LogoutModel> logger)
                {
                    _signInManager = signInManager;
                    _userManager = userManager;
                    _logger = logger;
                }

                public async Task<IActionResult> OnPost()
                {
                    await {|SL2001:_signInManager.SignOutAsync()|};
                    _logger.LogInformation("User logged out.");
                    return RedirectToPage();
                }
            }
            """;
        var fixedSource = Usings.Replace("using Microsoft.Extensions.Logging;\n", "using Microsoft.Extensions.Logging;\nusing SecureLogging;\n\n") + """
            public class LogoutModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;
                private readonly UserManager<IdentityUser> _userManager;
                private readonly ILogger<LogoutModel> _logger;

                public LogoutModel(SignInManager<IdentityUser> signInManager, UserManager<IdentityUser> userManager, ILogger<LogoutModel> logger)
                {
                    _signInManager = signInManager;
                    _userManager = userManager;
                    _logger = logger;
                }

                public async Task<IActionResult> OnPost()
                {
                    await _signInManager.SignOutAsync();
                    _logger.LogLogout(_userManager.GetUserId(User) ?? "unknown");
                    _logger.LogInformation("User logged out.");
                    return RedirectToPage();
                }
            }
            """;

        await Verifiers.CSharpCodeFixVerifier<AuthenticationWithoutEventAnalyzer, InsertSecurityEventCodeFixProvider>.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task AccountChangesGetTheirEventsWithActorAndTarget()
    {
        var source = Usings + """
            using SecureLogging;

            public class UsersController : Controller
            {
                private readonly UserManager<IdentityUser> _users;
                private readonly ILogger<UsersController> _logger;

                public UsersController(UserManager<IdentityUser> users, ILogger<UsersController> logger)
                {
                    _users = users;
                    _logger = logger;
                }

                public async Task<IActionResult> Grant(string id, string role)
                {
                    var target = await _users.FindByIdAsync(id);
                    if (target is null) return NotFound();
                    await {|SL2004:_users.AddToRoleAsync(target, role)|};
                    return Ok();
                }
            }
            """;
        var fixedSource = Usings + """
            using SecureLogging;

            public class UsersController : Controller
            {
                private readonly UserManager<IdentityUser> _users;
                private readonly ILogger<UsersController> _logger;

                public UsersController(UserManager<IdentityUser> users, ILogger<UsersController> logger)
                {
                    _users = users;
                    _logger = logger;
                }

                public async Task<IActionResult> Grant(string id, string role)
                {
                    var target = await _users.FindByIdAsync(id);
                    if (target is null) return NotFound();
                    await _users.AddToRoleAsync(target, role);
                    _logger.LogRoleGranted(_users.GetUserId(User) ?? "unknown", target.Id, role);
                    return Ok();
                }
            }
            """;

        await Verifiers.CSharpCodeFixVerifier<AccountChangeWithoutEventAnalyzer, InsertSecurityEventCodeFixProvider>.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task DenialGetsLogAccessDeniedBeforeItInANewBlock()
    {
        var source = Usings + """
            using SecureLogging;

            public class DocumentsController : Controller
            {
                private readonly ILogger<DocumentsController> _logger;
                public DocumentsController(ILogger<DocumentsController> logger) => _logger = logger;

                public IActionResult Download(bool allowed)
                {
                    if (!allowed) return {|SL2003:Forbid()|};
                    return Ok();
                }

                public IActionResult Ternary(bool allowed) => allowed ? Ok() : {|SL2003:Forbid()|};
            }
            """;
        var fixedSource = Usings + """
            using SecureLogging;

            public class DocumentsController : Controller
            {
                private readonly ILogger<DocumentsController> _logger;
                public DocumentsController(ILogger<DocumentsController> logger) => _logger = logger;

                public IActionResult Download(bool allowed)
                {
                    if (!allowed)
                    {
                        _logger.LogAccessDenied(User.Identity?.Name ?? "unknown", "DocumentsController", "Download", "forbidden");
                        return Forbid();
                    }

                    return Ok();
                }

                public IActionResult Ternary(bool allowed) => allowed ? Ok() : {|SL2003:Forbid()|};
            }
            """;

        var test = new Verifiers.CSharpCodeFixVerifier<AuthorizationDenialWithoutEventAnalyzer, InsertSecurityEventCodeFixProvider>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoLoggerInScopeMeansNoFix()
    {
        var source = Usings + """
            public class DocumentsController : Controller
            {
                public IActionResult Download(bool allowed)
                {
                    if (!allowed) return {|SL2003:Forbid()|};
                    return Ok();
                }
            }
            """;

        await Verifiers.CSharpCodeFixVerifier<AuthorizationDenialWithoutEventAnalyzer, InsertSecurityEventCodeFixProvider>.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task AuthorizeAsyncWithoutADenialGetsTheEventInItsFailureBranches()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authorization;
            using SecureLogging;

            public class Document { public int Id { get; set; } }

            public class DocumentsController : Controller
            {
                private readonly IAuthorizationService _authorization;
                private readonly ILogger<DocumentsController> _logger;

                public DocumentsController(IAuthorizationService authorization, ILogger<DocumentsController> logger)
                {
                    _authorization = authorization;
                    _logger = logger;
                }

                public async Task<IActionResult> Read(Document document)
                {
                    var result = await {|SL2003:_authorization.AuthorizeAsync(User, document, "ReadPolicy")|};
                    if (result.Succeeded)
                    {
                        return View(document);
                    }

                    return new ChallengeResult();
                }

                public async Task<IActionResult> Edit(Document document)
                {
                    if (!(await {|SL2003:_authorization.AuthorizeAsync(User, document, "EditPolicy")|}).Succeeded)
                    {
                        return NotFound();
                    }

                    return View(document);
                }
            }
            """;
        var fixedSource = Usings + """
            using Microsoft.AspNetCore.Authorization;
            using SecureLogging;

            public class Document { public int Id { get; set; } }

            public class DocumentsController : Controller
            {
                private readonly IAuthorizationService _authorization;
                private readonly ILogger<DocumentsController> _logger;

                public DocumentsController(IAuthorizationService authorization, ILogger<DocumentsController> logger)
                {
                    _authorization = authorization;
                    _logger = logger;
                }

                public async Task<IActionResult> Read(Document document)
                {
                    var result = await _authorization.AuthorizeAsync(User, document, "ReadPolicy");
                    if (result.Succeeded)
                    {
                        return View(document);
                    }

                    _logger.LogAccessDenied(User.Identity?.Name ?? "unknown", "DocumentsController", "Read", "policy:ReadPolicy");
                    return new ChallengeResult();
                }

                public async Task<IActionResult> Edit(Document document)
                {
                    if (!(await _authorization.AuthorizeAsync(User, document, "EditPolicy")).Succeeded)
                    {
                        _logger.LogAccessDenied(User.Identity?.Name ?? "unknown", "DocumentsController", "Edit", "policy:EditPolicy");
                        return NotFound();
                    }

                    return View(document);
                }
            }
            """;

        await Verifiers.CSharpCodeFixVerifier<AuthorizationDenialWithoutEventAnalyzer, InsertSecurityEventCodeFixProvider>.VerifyCodeFixAsync(source, fixedSource);
    }
}
