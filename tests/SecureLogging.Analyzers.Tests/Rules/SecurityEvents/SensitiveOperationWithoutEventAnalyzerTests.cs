using static SecureLogging.Analyzers.Tests.Rules.SecurityEvents.SecurityEventTestSources;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.SensitiveOperationWithoutEventAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

public class SensitiveOperationWithoutEventAnalyzerTests
{
    [Fact]
    public async Task SensitiveActionsPagesAndAttributedMethodsAreReportedAtTheName()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Builder;

            public class AdminController : Controller
            {
                private readonly ILogger<AdminController> _logger;
                public AdminController(ILogger<AdminController> logger) => _logger = logger;

                public IActionResult {|#0:ExportUsers|}() => File(new byte[0], "text/csv");
                public async Task<IActionResult> {|#1:BulkDeleteOrders|}(int[] ids) { await Task.Yield(); return Ok(); }
                public IActionResult {|#2:RotateApiKey|}(string id) => Ok();
                public IActionResult PurgeLogs()
                {
                    _logger.LogBulkDeleted(User.Identity!.Name!, "logs", 10);
                    return Ok();
                }

                public IActionResult {|#6:Exported|}() { return Ok(); } // "Export*" matches: reported
                [NonAction] public IActionResult ExportHelper() => Ok();
                private IActionResult ExportPrivate() => Ok();
                public IActionResult Index() => Ok();
            }

            public class ExportModel : PageModel
            {
                public IActionResult {|#3:OnPostExportAsync|}() => Page();
                public IActionResult OnGet() => Page();
            }

            public class ReportService
            {
                [SecuritySensitive("data.export")]
                public byte[] {|#4:BuildReport|}() => new byte[0];

                private readonly ILogger<ReportService> _logger;
                public ReportService(ILogger<ReportService> logger) => _logger = logger;

                [SecuritySensitive("configuration.changed")]
                public void ChangeSetting(string user) => Audit(user);
                private void Audit(string user) => _logger.LogConfigurationChanged(user, "retention");
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/keys", CreateApiKey);
                    app.MapGet("/export", ExportAll);
                }

                private static IResult {|#5:CreateApiKey|}() => Results.Ok();
                private static IResult ExportAll(ILogger<Program> logger) { logger.LogDataExported("u", "all", 1); return Results.Ok(); }
            }

            public partial class Program { }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SL2005").WithLocation(0).WithArguments("ExportUsers", "is a security-sensitive operation (ExportUsers)"),
            Verify.Diagnostic("SL2005").WithLocation(1).WithArguments("BulkDeleteOrders", "is a security-sensitive operation (BulkDeleteOrders)"),
            Verify.Diagnostic("SL2005").WithLocation(2).WithArguments("RotateApiKey", "is a security-sensitive operation (RotateApiKey)"),
            Verify.Diagnostic("SL2005").WithLocation(6).WithArguments("Exported", "is a security-sensitive operation (Exported)"),
            Verify.Diagnostic("SL2005").WithLocation(3).WithArguments("OnPostExportAsync", "is a security-sensitive operation (ExportAsync)"),
            Verify.Diagnostic("SL2005").WithLocation(4).WithArguments("BuildReport", "is marked [SecuritySensitive(\"data.export\")]"),
            Verify.Diagnostic("SL2005").WithLocation(5).WithArguments("CreateApiKey", "is a security-sensitive operation (CreateApiKey)"));
    }

    [Fact]
    public async Task ConfiguredNamesReplaceTheDefaults()
    {
        var source = Usings + """
            public class DataController : Controller
            {
                public IActionResult {|#0:Download|}() => Ok();
                public IActionResult ExportUsers() => Ok();
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            "secure_logging.sensitive_operations = Download*, Wipe*\n",
            Verify.Diagnostic("SL2005").WithLocation(0).WithArguments("Download", "is a security-sensitive operation (Download)"));
    }
}
