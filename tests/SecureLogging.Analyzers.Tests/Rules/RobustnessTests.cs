using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>Half-typed and erroneous code: the analyzers never throw (AD0001) whatever the editor holds.</summary>
public class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        "using Microsoft.Extensions.Logging; class C { void M(ILogger logger, string password) { logger.LogInformation(\"x {P}\", pass",
        "using Microsoft.Extensions.Logging; class C { void M(ILogger logger, string password) { logger.LogInformation($\"x {password",
        "using Microsoft.Extensions.Logging; class C { void M(ILogger logger, Missing password) { logger.LogInformation(\"{P}\", password.Value); } }",
        "using Microsoft.Extensions.Logging; class C { void M(ILogger logger) { logger.LogInformation(\"{P}\", new { Password = undefined }); } }",
        "using Microsoft.Extensions.Logging; class C { void M(ILogger logger) { logger.LogInformation(); logger.Log(); logger.BeginScope(); } }",
        "using Microsoft.Extensions.Logging; class C { static readonly System.Action<ILogger, string, System.Exception?> D = LoggerMessage.Define<string>(LogLevel.Information, 1, ); void M(ILogger l, string token) { D(l, token, null); D(l); } }",
        "using Microsoft.Extensions.Logging; static partial class L { [LoggerMessage(Message = \"{Password}\")] static partial void Log(ILogger logger, string password, ); }",
        "class C { void W(string message, params object[] args) => W(message, args); void M(string password) { W(\"{P}\", password); throw new System.Exception($\"{password}\" + ; } }",
        "using Serilog; class C { void M(string apiKey) { Log.ForContext(\"Key\", ).Information(\"x\"); Log.Information(\"{K}\", apiKey, ); } }",
        "class C { void M(string password) { var x = password; x = x + x; var y = y; System.Console.WriteLine(x); System.Console.WriteLine(y); } }",
        "using Microsoft.Extensions.Configuration; class C { void M(IConfiguration c) { System.Console.WriteLine(c[]); System.Console.WriteLine(c.GetValue<string>()); } }",
        "record R(string Password) { } class C { void M(R r) { System.Console.WriteLine(r with { Password = }); } }",
        "class C { void M(string token) { throw new System.Exception(; } }",
        "using System.Collections.Generic; using Microsoft.Extensions.Logging; class C { void M(ILogger l, string password) { var d = new Dictionary<string, object> { [\"Password\"] = }; d[] = password; d.Add(\"Token\", ); d.Add(password); d[\"Key\"] = ; l.BeginScope(d); var e = new Dictionary<string, object>(; l.BeginScope(e); } }",
        "using Microsoft.Extensions.Configuration; using Microsoft.Extensions.Logging; class C { void M(ILogger l, IConfiguration c) { l.LogInformation(\"{A}\", c.GetSection()[\"Key\"]); var s = c.GetSection(; l.LogInformation(\"{A}\", s[\"Key\"]); var t = t.GetSection(\"Jwt\"); l.LogInformation(\"{A}\", t[\"Key\"]); } }",
        "using Microsoft.Extensions.Logging; class C { void M(ILogger l, string apiKey) { l.LogInformation(\"{A}\", apiKey[..]); l.LogInformation(\"{A}\", apiKey[^]); l.LogInformation(\"{A}\", missing[..4]); } }",
        "using Microsoft.Extensions.Logging; class C { void M(ILogger l, string password) { var j = System.Text.Json.JsonSerializer.Serialize(new { password = }); l.LogInformation(j); var k = System.Text.Json.JsonSerializer.Serialize(); l.LogInformation(k); } }",
        "class C { async System.Threading.Tasks.Task M(string token) { await System.Console.Out.WriteLineAsync(; await System.Console.Error.WriteAsync($\"{token\"); } }",
        "using Microsoft.AspNetCore.Http; using Microsoft.AspNetCore.Http.Extensions; using Microsoft.Extensions.Logging; public class S : Microsoft.AspNetCore.Mvc.ControllerBase { ILogger l; public async System.Threading.Tasks.Task A(string q, int p) { l.LogInformation(\"x\" + Request.GetDisplayUrl( + q); var d = await Request.ReadFromJsonAsync<>(); l.LogInformation(\"y\" + d.Term + p.ToString(); } }",
        "using System; using SecureLogging; class C { void M(SecureLoggingOptions o) { o.Retention = TimeSpan.FromDays(; o.Retention = ; var x = new SecureLoggingOptions { Retention = TimeSpan.FromDays(10) + }; } }",
        "using Microsoft.AspNetCore.HttpLogging; using Microsoft.IdentityModel.Logging; class C { void M(HttpLoggingOptions o, Microsoft.EntityFrameworkCore.DbContextOptionsBuilder b) { o.RequestHeaders.Add(); o.LoggingFields = ; o.LoggingFields |= HttpLoggingFields.; IdentityModelEventSource.ShowPII = ; b.EnableSensitiveDataLogging(; } }",
        "using Microsoft.Extensions.Logging; static partial class L { [LoggerMessage(1, LogLevel.Information, \"x {X}\")] static partial void A(ILogger l, [Missing] string x, [LogProperties] Missing y, ); } public static class P { public static void Main() { } }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task AnalyzersNeverThrowOnHalfTypedCode(string source)
    {
        var framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Broken",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            framework.AddRange(TestReferences.All),
            new CSharpCompilationOptions(source.Contains("Main()", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
        DiagnosticAnalyzer[] analyzers =
        [
            new DoNotLogSecretsAnalyzer(), new DoNotLogCardDataAnalyzer(), new DoNotLogPersonalDataAnalyzer(),
            new DoNotLogSensitiveObjectsAnalyzer(), new DoNotPutSecretsInExceptionMessagesAnalyzer(),
            new DoNotBuildLogMessagesFromRequestDataAnalyzer(), new SecurityLogRetentionAnalyzer(),
            new FrameworkSensitiveDataLoggingAnalyzer(), new ClassificationWithoutRedactionAnalyzer(),
        ];
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([.. analyzers], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task GeneratedCodeIsNotAnalyzed()
    {
        await CSharpAnalyzerVerifier<DoNotLogSecretsAnalyzer>.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, string password) => logger.LogInformation("{P}", password);
            }
            """);
    }
}
