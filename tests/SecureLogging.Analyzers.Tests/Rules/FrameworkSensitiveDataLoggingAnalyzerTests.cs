using Microsoft.CodeAnalysis.Testing;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.FrameworkSensitiveDataLoggingAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class FrameworkSensitiveDataLoggingAnalyzerTests
{
    private const string EfReason = "makes EF Core write the values of SQL parameters and entities (passwords, tokens, personal data) to the log; enable it only in development, e.g. EnableSensitiveDataLogging(env.IsDevelopment())";
    private const string AuthorizationReason = "lets HTTP logging write the Authorization request header in clear text: it carries bearer tokens and credentials that anyone reading the log can replay";
    private const string CookieReason = "lets HTTP logging write the Cookie request header in clear text: it carries session and authentication cookies that let anyone reading the log take over the session";
    private const string BodyReason = "includes HttpLoggingFields.RequestBody: HTTP logging would write request bodies, which carry passwords, tokens, card numbers and personal data from login and form posts";

    private static DiagnosticResult Expect(int location, string what, string why)
        => Verify.Diagnostic(Descriptors.SL4002_FrameworkLogsSensitiveData).WithLocation(location).WithArguments(what, why);

    [Fact]
    public async Task EfCoreSensitiveDataLogging_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;

            class Db : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder b)
                {
                    {|#0:b.EnableSensitiveDataLogging()|};
                    {|#1:b.EnableSensitiveDataLogging(true)|};
                    {|#2:b.EnableSensitiveDataLogging(sensitiveDataLoggingEnabled: true)|};
                }

                static void Generic(DbContextOptionsBuilder<Db> b) => {|#3:b.EnableDetailedErrors().EnableSensitiveDataLogging()|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source,
            Expect(0, "EnableSensitiveDataLogging()", EfReason),
            Expect(1, "EnableSensitiveDataLogging()", EfReason),
            Expect(2, "EnableSensitiveDataLogging()", EfReason),
            Expect(3, "EnableSensitiveDataLogging()", EfReason));
    }

    [Fact]
    public Task EfCoreDisabledOrEnvironmentDependent_NoDiagnostic() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        class Db : DbContext
        {
            private readonly IHostEnvironment _env;
            public Db(IHostEnvironment env) => _env = env;

            protected override void OnConfiguring(DbContextOptionsBuilder b)
            {
                b.EnableSensitiveDataLogging(false);
                b.EnableSensitiveDataLogging(_env.IsDevelopment());
                b.EnableDetailedErrors();
            }
        }

        class Unrelated { public void EnableSensitiveDataLogging() { } void M() => EnableSensitiveDataLogging(); }
        """);

    [Fact]
    public async Task IdentityModelPii_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.IdentityModel.Logging;

            class Startup
            {
                void Configure(bool dev)
                {
                    {|#0:IdentityModelEventSource.ShowPII = true|};
                    {|#1:IdentityModelEventSource.LogCompleteSecurityArtifact = true|};
                    IdentityModelEventSource.ShowPII = false;
                    IdentityModelEventSource.ShowPII = dev;
                    IdentityModelEventSource.LogCompleteSecurityArtifact = false;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.SL4002_FrameworkLogsSensitiveData).WithLocation(0).WithArguments(
                "IdentityModelEventSource.ShowPII = true",
                "makes IdentityModel write personal data (user names, claims, token contents) into its log messages; leave it false outside local debugging"),
            Verify.Diagnostic(Descriptors.SL4002_FrameworkLogsSensitiveData).WithLocation(1).WithArguments(
                "IdentityModelEventSource.LogCompleteSecurityArtifact = true",
                "makes IdentityModel log complete tokens, signatures included, which anyone with log access can replay; leave it false"));
    }

    [Fact]
    public async Task HttpLoggingSensitiveHeaders_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.HttpLogging;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Net.Http.Headers;

            class Startup
            {
                void Configure(IServiceCollection services)
                {
                    services.AddHttpLogging(o =>
                    {
                        {|#0:o.RequestHeaders.Add("Authorization")|};
                        {|#1:o.RequestHeaders.Add(HeaderNames.Cookie)|};
                        {|#2:o.RequestHeaders.Add("cookie")|};
                        o.RequestHeaders.Add("X-Request-Id");
                        o.RequestHeaders.Add(HeaderNames.UserAgent);
                        o.ResponseHeaders.Add("Authorization");
                    });
                    var options = new HttpLoggingOptions { RequestHeaders = { "Accept", {|#3:HeaderNames.Authorization|} } };
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source,
            Expect(0, "RequestHeaders: Authorization", AuthorizationReason),
            Expect(1, "RequestHeaders: Cookie", CookieReason),
            Expect(2, "RequestHeaders: Cookie", CookieReason),
            Expect(3, "RequestHeaders: Authorization", AuthorizationReason));
    }

    [Fact]
    public async Task HttpLoggingRequestBody_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.HttpLogging;
            using Microsoft.Extensions.DependencyInjection;

            class Startup
            {
                void Configure(IServiceCollection services, WebApplication app)
                {
                    services.AddHttpLogging(o => {|#0:o.LoggingFields = HttpLoggingFields.All|});
                    services.AddHttpLogging(o => {|#1:o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.RequestBody|});
                    services.AddHttpLogging(o => {|#2:o.LoggingFields |= HttpLoggingFields.Request|});
                    var options = new HttpLoggingOptions { {|#3:LoggingFields = HttpLoggingFields.RequestBody|} };
                    app.MapPost("/login", () => "ok").WithHttpLogging({|#4:HttpLoggingFields.All|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source,
            Expect(0, "LoggingFields", BodyReason),
            Expect(1, "LoggingFields", BodyReason),
            Expect(2, "LoggingFields", BodyReason),
            Expect(3, "LoggingFields", BodyReason),
            Expect(4, "WithHttpLogging(HttpLoggingFields.All)", BodyReason));
    }

    [Fact]
    public Task HttpLoggingWithoutBodyOrSensitiveHeaders_NoDiagnostic() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        class Startup
        {
            void Configure(IServiceCollection services, HttpLoggingFields fromConfig)
            {
                services.AddHttpLogging(o =>
                {
                    o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponsePropertiesAndHeaders;
                    o.LoggingFields = HttpLoggingFields.ResponseBody;
                    o.LoggingFields = fromConfig;
                    o.LoggingFields &= ~HttpLoggingFields.RequestBody;
                    o.RequestHeaders.Add("sec-ch-ua");
                    o.RequestHeaders.Remove("Authorization");
                    o.MediaTypeOptions.AddText("application/json");
                    o.RequestBodyLogLimit = 4096;
                });
            }
        }
        """);

    [Fact]
    public async Task NoFrameworkReferences_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Options { public System.Collections.Generic.ISet<string> RequestHeaders { get; } = new System.Collections.Generic.HashSet<string>(); }
                class C { void M(Options o) => o.RequestHeaders.Add("Authorization"); }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.HttpLogging;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.IdentityModel.Logging;
                class C
                {
                    void M(DbContextOptionsBuilder b, HttpLoggingOptions o)
                    {
                        {|#0:b.EnableSensitiveDataLogging(|};
                        b.EnableSensitiveDataLogging(1, 2);
                        IdentityModelEventSource.ShowPII = ;
                        IdentityModelEventSource.ShowPII = "true";
                        o.RequestHeaders.Add();
                        o.RequestHeaders.Add(null);
                        {|#1:o.LoggingFields = 12345678901|};
                        var x = new HttpLoggingOptions { RequestHeaders = { , } };
                        o.LoggingFields =
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };

        // Half-typed code is still judged by what it says; what matters is that nothing throws (AD0001).
        test.ExpectedDiagnostics.Add(Expect(0, "EnableSensitiveDataLogging()", EfReason));
        test.ExpectedDiagnostics.Add(Expect(1, "LoggingFields", BodyReason));
        await test.RunAsync(CancellationToken.None);
    }
}
