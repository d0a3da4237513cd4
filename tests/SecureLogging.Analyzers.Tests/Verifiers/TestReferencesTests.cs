using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureLogging.Analyzers.Tests.Verifiers;

public class TestReferencesTests
{
    /// <summary>Every library a rule recognises compiles in a test compilation, so a rule test fails only on its rule.</summary>
    [Fact]
    public async Task RealisticAppCompilesAgainstTheTestReferences()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Logging;
            using Microsoft.IdentityModel.Logging;
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            public class AccountController : Controller
            {
                private readonly ILogger<AccountController> _logger;
                private readonly SignInManager<IdentityUser> _signIn;
                private static readonly NLog.Logger Nlog = NLog.LogManager.GetCurrentClassLogger();
                private static readonly log4net.ILog Log4 = log4net.LogManager.GetLogger(typeof(AccountController));

                public AccountController(ILogger<AccountController> logger, SignInManager<IdentityUser> signIn)
                {
                    _logger = logger;
                    _signIn = signIn;
                }

                public async Task<IActionResult> Login(string userName, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(userName, password, false, true);
                    _logger.LogInformation("User {User} logged in: {Ok}", userName, result.Succeeded);
                    Serilog.Log.Information("Login {User}", userName);
                    Nlog.Info("Login {0}", userName);
                    Log4.InfoFormat("Login {0}", userName);
                    IdentityModelEventSource.ShowPII = false;
                    var events = new JwtBearerEvents();
                    return Ok(Newtonsoft.Json.JsonConvert.SerializeObject(new { userName }));
                }
            }

            public class Db : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.EnableSensitiveDataLogging(false);
            }
            """;

        await CSharpAnalyzerVerifier<NoOpAnalyzer>.VerifyAnalyzerAsync(source);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }
}
