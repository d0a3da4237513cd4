using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// SL2005 for minimal-API handlers given as method groups is reported at the handler's name (SPEC §3), once however
/// often it is mapped, and as a local diagnostic of the handler's own file: analysing that file alone (what the IDE
/// does as you type) shows it, analysing the file that maps it does not.
/// </summary>
public class MinimalApiHandlerReportingTests
{
    private const string Usings = """
        using System;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        using SecureLogging;

        """;

    [Fact]
    public async Task MethodGroupHandlerIsReportedOnceInItsOwnFile()
    {
        var program = Usings + """
            public static class Routes
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/keys", KeyEndpoints.CreateApiKey);
                    app.MapPost("/v2/keys", KeyEndpoints.CreateApiKey);
                    app.MapGroup("/admin").MapPost("/keys", KeyEndpoints.CreateApiKey);
                    app.MapDelete("/keys/{id}", KeyEndpoints.RevokeApiKey);
                    app.MapGet("/export", (ClaimsPrincipal user) => Results.Ok());
                }
            }
            """;
        var endpoints = Usings + """
            public static class KeyEndpoints
            {
                public static IResult CreateApiKey(ClaimsPrincipal user) => Results.Ok(Guid.NewGuid());

                public static IResult RevokeApiKey(string id, ClaimsPrincipal user, ILogger<WebApplication> logger)
                {
                    logger.LogApiKeyRevoked(user.Identity?.Name ?? "", id);
                    return Results.NoContent();
                }

                // Same name pattern, never mapped: not a handler.
                public static IResult ExportEverything() => Results.Ok();
            }
            """;

        var (compilation, analyzers) = await CreateAsync(OutputKind.DynamicallyLinkedLibrary, program, endpoints);
        var all = await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        var reported = Assert.Single(all, d => d.Id == "SL2005");
        Assert.Equal("File1.cs", reported.Location.SourceTree!.FilePath);
        Assert.Equal("CreateApiKey", reported.Location.SourceTree.GetText().ToString(reported.Location.SourceSpan));
        Assert.Contains("'CreateApiKey'", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var handlerFile = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(compilation.SyntaxTrees.ElementAt(1)), null, CancellationToken.None);
        Assert.Single(handlerFile, d => d.Id == "SL2005");
        var mappingFile = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(compilation.SyntaxTrees.ElementAt(0)), null, CancellationToken.None);
        Assert.DoesNotContain(mappingFile, d => d.Id == "SL2005");
    }

    [Fact]
    public async Task LocalFunctionHandlerInTopLevelProgramIsReportedOnceAtItsName()
    {
        var program = Usings + """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/export/users", ExportUsers);
            app.MapPost("/v2/export/users", ExportUsers);
            app.MapPost("/export/orders", ExportOrders);
            app.Run();

            static IResult ExportUsers(ClaimsPrincipal user) => Results.Ok();

            static IResult ExportOrders(ClaimsPrincipal user, ILogger<WebApplication> logger)
            {
                logger.LogDataExported(user.Identity?.Name ?? "", "orders", 1);
                return Results.Ok();
            }
            """;

        var (_, analyzers) = await CreateAsync(OutputKind.ConsoleApplication, program);
        var all = await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        var reported = Assert.Single(all, d => d.Id == "SL2005");
        Assert.Equal("ExportUsers", reported.Location.SourceTree!.GetText().ToString(reported.Location.SourceSpan));
    }

    /// <summary>Lambdas in a top-level Program.cs are judged like any other body: each rule fires where its API or denial is.</summary>
    [Fact]
    public async Task TopLevelProgramLambdasAreJudged()
    {
        var program = Usings + """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Identity;

            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/login", async (string user, string password, SignInManager<IdentityUser> signIn) =>
                (await signIn.PasswordSignInAsync(user, password, false, true)).Succeeded ? Results.Ok() : Results.Unauthorized());
            app.MapDelete("/users/{id}", async (string id, UserManager<IdentityUser> users) =>
            {
                var found = await users.FindByIdAsync(id);
                return found is null ? Results.NotFound() : (await users.DeleteAsync(found)).Succeeded ? Results.NoContent() : Results.BadRequest();
            });
            app.MapGet("/docs/{id}", async (string id, ClaimsPrincipal user, IAuthorizationService authz) =>
                (await authz.AuthorizeAsync(user, id, "Reader")).Succeeded ? Results.Ok() : Results.Forbid());
            app.MapPost("/logout", async (SignInManager<IdentityUser> signIn, ClaimsPrincipal user, ILogger<WebApplication> logger) =>
            {
                await signIn.SignOutAsync();
                logger.LogLogout(user.Identity?.Name ?? "unknown");
                return Results.Ok();
            });
            app.Run();
            """;

        var (_, analyzers) = await CreateAsync(
            OutputKind.ConsoleApplication,
            [new AuthenticationWithoutEventAnalyzer(), new AuthorizationDenialWithoutEventAnalyzer(), new AccountChangeWithoutEventAnalyzer()],
            program);
        var all = await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        var text = program;
        Assert.Equal(
            ["SL2001 signIn.PasswordSignInAsync(user, password, false, true)", "SL2003 Results.Forbid()", "SL2004 users.DeleteAsync(found)"],
            all.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)).Select(d => d.Id + " " + text[d.Location.SourceSpan.Start..d.Location.SourceSpan.End]).Order(StringComparer.Ordinal));
    }

    private static Task<(Compilation Compilation, CompilationWithAnalyzers Analyzers)> CreateAsync(OutputKind kind, params string[] sources)
        => CreateAsync(kind, [new SensitiveOperationWithoutEventAnalyzer()], sources);

    private static async Task<(Compilation Compilation, CompilationWithAnalyzers Analyzers)> CreateAsync(OutputKind kind, DiagnosticAnalyzer[] rules, params string[] sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"File{i}.cs")).ToArray();
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.All);
        var compilation = CSharpCompilation.Create("Handlers", trees, references, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(10)));
        return (compilation, compilation.WithAnalyzers(ImmutableArray.Create(rules)));
    }
}
