using SecureLogging.Analyzers.CodeFixes.Rules;
using SecureLogging.Analyzers.Rules;
using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;
using VerifyFix = SecureLogging.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SecureLogging.Analyzers.Rules.SensitiveOperationWithoutEventAnalyzer, SecureLogging.Analyzers.CodeFixes.Rules.InsertSecurityEventCodeFixProvider>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>The SL2005 fix: the operation's SecurityLog call before the final return (or last), with Fix All.</summary>
public class SensitiveOperationFixTests
{
    private const string ControllerHead = """
        public class Order { public int Id { get; set; } }

        public class AdminController : Controller
        {
            private readonly ILogger<AdminController> _logger;
            public AdminController(ILogger<AdminController> logger) => _logger = logger;

        """;

    [Fact]
    public async Task ControllerActionsGetTheirEventsWithCountsAndKeys()
    {
        var source = Usings + ControllerHead + """
                public IActionResult {|SL2005:ExportUsers|}()
                {
                    var users = new List<string> { "a", "b" };
                    var csv = string.Join("\n", users);
                    return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", "users.csv");
                }

                public async Task<IActionResult> {|SL2005:BulkDeleteOrdersAsync|}(int[] ids)
                {
                    var deleted = await Task.FromResult(ids.Length);
                    return Ok(deleted);
                }

                public IActionResult {|SL2005:RevokeApiKey|}(string id) => NoContent();
            }
            """;
        var fixedSource = Usings + ControllerHead + """
                public IActionResult ExportUsers()
                {
                    var users = new List<string> { "a", "b" };
                    var csv = string.Join("\n", users);
                    _logger.LogDataExported(User.Identity?.Name ?? "unknown", "users", users.Count);
                    return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", "users.csv");
                }

                public async Task<IActionResult> BulkDeleteOrdersAsync(int[] ids)
                {
                    var deleted = await Task.FromResult(ids.Length);
                    _logger.LogBulkDeleted(User.Identity?.Name ?? "unknown", "orders", deleted);
                    return Ok(deleted);
                }

                public IActionResult RevokeApiKey(string id)
                {
                    _logger.LogApiKeyRevoked(User.Identity?.Name ?? "unknown", id);
                    return NoContent();
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task AttributedMethodsGetTheirOperationsEvent()
    {
        var source = Usings + """
            public class TenantService
            {
                private readonly ILogger<TenantService> _logger;
                public TenantService(ILogger<TenantService> logger) => _logger = logger;

                [SecuritySensitive("data.export")]
                public byte[] {|SL2005:BuildReport|}(string tenant) => new byte[0];

                [SecuritySensitive("tenant.suspended")]
                public async Task {|SL2005:SuspendAsync|}(string tenant)
                {
                    await Task.Delay(1);
                }

                [SecuritySensitive("configuration.changed")]
                public void {|SL2005:SetRetention|}(int days) => Console.WriteLine(days);
            }
            """;
        var fixedSource = Usings + """
            public class TenantService
            {
                private readonly ILogger<TenantService> _logger;
                public TenantService(ILogger<TenantService> logger) => _logger = logger;

                [SecuritySensitive("data.export")]
                public byte[] BuildReport(string tenant)
                {
                    _logger.LogDataExported("unknown", "build_report", 0);
                    return new byte[0];
                }

                [SecuritySensitive("tenant.suspended")]
                public async Task SuspendAsync(string tenant)
                {
                    await Task.Delay(1);
                    _logger.LogSecurityEvent(new SecurityEvent("tenant.suspended") { UserId = "unknown" });
                }

                [SecuritySensitive("configuration.changed")]
                public void SetRetention(int days)
                {
                    _logger.LogConfigurationChanged("unknown", "set_retention");
                    Console.WriteLine(days);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task MinimalApiHandlerUsesItsPrincipalAndLoggerParameters()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Builder;

            public static class KeyEndpoints
            {
                public static void Map(WebApplication app) => app.MapPost("/keys", CreateApiKey);

                public static IResult {|SL2005:CreateApiKey|}(ClaimsPrincipal user, ILogger<KeyStore> logger, KeyStore store)
                {
                    var key = store.Create();
                    return Results.Ok(key.Id);
                }
            }

            public class KeyStore
            {
                public ApiKey Create() => new ApiKey { Id = Guid.NewGuid() };
            }

            public class ApiKey { public Guid Id { get; set; } }
            """;
        var fixedSource = Usings + """
            using Microsoft.AspNetCore.Builder;

            public static class KeyEndpoints
            {
                public static void Map(WebApplication app) => app.MapPost("/keys", CreateApiKey);

                public static IResult CreateApiKey(ClaimsPrincipal user, ILogger<KeyStore> logger, KeyStore store)
                {
                    var key = store.Create();
                    logger.LogApiKeyCreated(user.Identity?.Name ?? "unknown", key.Id.ToString());
                    return Results.Ok(key.Id);
                }
            }

            public class KeyStore
            {
                public ApiKey Create() => new ApiKey { Id = Guid.NewGuid() };
            }

            public class ApiKey { public Guid Id { get; set; } }
            """;

        // A mapped handler is reported from the MapPost call's block, at the handler's declaration: a non-local diagnostic.
        await new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoFixWithoutALoggerOrWhenTheMethodEndsInAThrow()
    {
        var source = Usings + """
            public class ExportController : Controller
            {
                public IActionResult {|SL2005:ExportAll|}() => Ok();
            }

            public class PurgeController : Controller
            {
                private readonly ILogger<PurgeController> _logger;
                public PurgeController(ILogger<PurgeController> logger) => _logger = logger;

                public IActionResult {|SL2005:PurgeEverything|}() => throw new NotSupportedException();
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(source, source);
    }
}
