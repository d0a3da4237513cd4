using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.AuthorizationDenialWithoutEventAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

public class AuthorizationDenialWithoutEventAnalyzerTests
{
    [Fact]
    public async Task DenialsWithoutEventsAreReportedAndUnauthorizedIsNot()
    {
        var source = Usings + """
            public class DocumentsController : Controller
            {
                private readonly ILogger<DocumentsController> _logger;
                public DocumentsController(ILogger<DocumentsController> logger) => _logger = logger;

                public IActionResult A(bool allowed) => allowed ? Ok() : {|#0:Forbid()|};
                public IActionResult B(bool allowed) { if (!allowed) return {|#1:StatusCode(403)|}; return Ok(); }
                public IActionResult C(bool allowed) { if (!allowed) return {|#2:StatusCode(StatusCodes.Status403Forbidden)|}; return Ok(); }
                public IActionResult D(bool allowed) { if (!allowed) return {|#3:new ForbidResult()|}; return Ok(); }
                public IActionResult E(bool allowed) { if (!allowed) throw {|#4:new UnauthorizedAccessException("no")|}; return Ok(); }
                public IActionResult F(bool allowed) { if (!allowed) throw {|#5:new System.Security.SecurityException("no")|}; return Ok(); }
                public IActionResult G(bool known) => known ? Ok() : Unauthorized();
                public IActionResult H(bool ok) => ok ? Ok() : StatusCode(404);

                public IActionResult Logged(string id, bool allowed)
                {
                    if (!allowed)
                    {
                        _logger.LogAccessDenied(User.Identity?.Name, "document:" + id, "read", "not_owner");
                        return Forbid();
                    }

                    return Ok();
                }
            }

            public static class Api
            {
                public static IResult Get(bool allowed) => allowed ? Results.Ok() : {|#6:Results.Forbid()|};
                public static IResult GetTyped(bool allowed, ILogger logger)
                {
                    if (allowed) return TypedResults.Ok();
                    logger.LogAccessDenied(null, "report", "read", "policy");
                    return TypedResults.Forbid();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2003").WithLocation(0).WithArguments("Forbid()", "who was denied which action on which resource is not recorded"),
            Verify.Diagnostic("SL2003").WithLocation(1).WithArguments("StatusCode(403)", "who was denied which action on which resource is not recorded"),
            Verify.Diagnostic("SL2003").WithLocation(2).WithArguments("StatusCode(403)", "who was denied which action on which resource is not recorded"),
            Verify.Diagnostic("SL2003").WithLocation(3).WithArguments("new ForbidResult()", "who was denied which action on which resource is not recorded"),
            Verify.Diagnostic("SL2003").WithLocation(4).WithArguments("throw new UnauthorizedAccessException", "who was denied which action on which resource is not recorded"),
            Verify.Diagnostic("SL2003").WithLocation(5).WithArguments("throw new SecurityException", "who was denied which action on which resource is not recorded"),
            Verify.Diagnostic("SL2003").WithLocation(6).WithArguments("Results.Forbid()", "who was denied which action on which resource is not recorded"));
    }

    [Fact]
    public async Task AuthorizationServiceFailureIsReportedOnceAtTheDenialOrAtTheCall()
    {
        var source = Usings + """
            public class Document { public string Owner { get; set; } = ""; }

            public class DocumentsController : Controller
            {
                private readonly IAuthorizationService _authorization;
                private readonly ILogger<DocumentsController> _logger;

                public DocumentsController(IAuthorizationService authorization, ILogger<DocumentsController> logger)
                {
                    _authorization = authorization;
                    _logger = logger;
                }

                // The failure branch ends in a denial: reported there, once.
                public async Task<IActionResult> Edit(Document document)
                {
                    var result = await _authorization.AuthorizeAsync(User, document, "EditPolicy");
                    if (!result.Succeeded)
                    {
                        return {|#0:Forbid()|};
                    }

                    return View(document);
                }

                // The failure branch ends in no denial: reported at the AuthorizeAsync call.
                public async Task<IActionResult> View2(Document document)
                {
                    var result = await {|#1:_authorization.AuthorizeAsync(User, document, "ReadPolicy")|};
                    if (result.Succeeded)
                    {
                        return View(document);
                    }

                    return new ChallengeResult();
                }

                public async Task<IActionResult> Audited(Document document)
                {
                    if (!(await _authorization.AuthorizeAsync(User, document, "EditPolicy")).Succeeded)
                    {
                        _logger.LogAccessDenied(User.Identity?.Name, "document", "edit", "policy:EditPolicy");
                        return NotFound();
                    }

                    return View(document);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2003").WithLocation(0).WithArguments("Forbid()", "who was denied which action on which resource is not recorded"),
            Verify.Diagnostic("SL2003").WithLocation(1).WithArguments("AuthorizeAsync", "its failure branch ends without recording who was denied what"));
    }

    [Fact]
    public async Task ServiceThrowingAfterAHelperThatLogsIsQuiet()
    {
        var source = Usings + """
            public class OrderService
            {
                private readonly ILogger<OrderService> _logger;
                public OrderService(ILogger<OrderService> logger) => _logger = logger;

                public void Cancel(string userId, string orderOwner)
                {
                    if (userId != orderOwner)
                    {
                        Deny(userId, "order");
                        throw new UnauthorizedAccessException("Not your order.");
                    }
                }

                private void Deny(string userId, string resource) => _logger.LogAccessDenied(userId, resource, "cancel", "not_owner");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    /// <summary>A Razor page's StatusCode(403) is a denial like a controller's; other status codes are not.</summary>
    [Fact]
    public async Task RazorPageStatusCode403IsADenial()
    {
        var source = Usings + """
            public class InvoiceModel : PageModel
            {
                private readonly ILogger<InvoiceModel> _logger;
                public InvoiceModel(ILogger<InvoiceModel> logger) => _logger = logger;

                public IActionResult OnGet(string owner)
                {
                    if (owner != User.Identity?.Name)
                    {
                        return {|#0:StatusCode(StatusCodes.Status403Forbidden)|};
                    }

                    return Page();
                }

                public IActionResult OnPost(string owner)
                {
                    if (owner != User.Identity?.Name)
                    {
                        _logger.LogAccessDenied(User.Identity?.Name, "invoice", "post", "not_owner");
                        return StatusCode(403);
                    }

                    return owner.Length == 0 ? StatusCode(404) : Page();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2003").WithLocation(0).WithArguments("StatusCode(403)", "who was denied which action on which resource is not recorded"));
    }

    [Fact]
    public async Task ForbidAsyncInMiddlewareIsADenial()
    {
        var source = Usings + """
            public sealed class TenantGuardMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly ILogger<TenantGuardMiddleware> _logger;

                public TenantGuardMiddleware(RequestDelegate next, ILogger<TenantGuardMiddleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    var tenant = context.Request.Headers["X-Tenant"].ToString();
                    if (tenant.Length > 0 && !context.User.HasClaim("tenant", tenant))
                    {
                        await {|#0:context.ForbidAsync()|};
                        return;
                    }

                    if (tenant == "blocked")
                    {
                        _logger.LogAccessDenied(context.User.Identity?.Name, "tenant:" + tenant, context.Request.Method, "tenant_blocked");
                        await context.ForbidAsync();
                        return;
                    }

                    await _next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SL2003").WithLocation(0).WithArguments("HttpContext.ForbidAsync()", "who was denied which action on which resource is not recorded"));
    }
}
