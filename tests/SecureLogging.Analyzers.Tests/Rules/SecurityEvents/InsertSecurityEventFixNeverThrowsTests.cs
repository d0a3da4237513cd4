using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SecureLogging.Analyzers.CodeFixes.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;

namespace SecureLogging.Analyzers.Tests.Rules.SecurityEvents;

/// <summary>
/// The SL2001–SL2005 fix on half-typed code, with a diagnostic placed on every invocation, statement and declaration
/// and every property combination the analyzers produce: it must offer a fix or not, never throw.
/// </summary>
public class InsertSecurityEventFixNeverThrowsTests
{
    public static TheoryData<string> HalfTypedSources() => new()
    {
        SecurityEventTestSources.Usings + """
        public class LoginModel : PageModel
        {
            private readonly SignInManager<IdentityUser> _s; private readonly ILogger<LoginModel> _logger;
            public async Task<IActionResult> OnPostAsync(string email, string password)
            {
                var result = await _s.PasswordSignInAsync(email, password, false,
                if (result.Succeeded) { return LocalRedirect( }
                if (result.IsLockedOut) return RedirectToPage("./Lockout") else { return Page(); }
                var r2 = await _s.CheckPasswordSignInAsync(null, password, false);
                switch (r2.Succeeded) { case true: return Ok(); default: if (!r2.Succeeded) return Page(); break; }
            }
        """,
        SecurityEventTestSources.Usings + """
        public class C : Controller
        {
            private readonly UserManager<IdentityUser> _users; private readonly ILogger _logger;
            public async Task<IActionResult> Change(IdentityUser user, string a, string b)
            {
                if (user == null || !await _users.CheckPasswordAsync(user, a)) return Unauthorized(;
                var x = await _users.ChangePasswordAsync(user, a, b);
                if (x.Succeeded) { } else if (x.Errors.Any()) { foreach (var e in x.Errors) { } }
                await _users.AddToRoleAsync(user, );
                Func<Task> f = async () => { var y = await _users.ResetPasswordAsync(user, a, b); if (!y.Succeeded) throw new Exception(); };
                return Forbid(
            }
            [SecuritySensitive("data.export")] public IActionResult ExportAll() => Ok(
            public IActionResult PurgeLogs() { var deleted = 3; if (deleted > 0) return Ok(); }
        """,
        SecurityEventTestSources.Usings + """
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        public static class Hooks
        {
            public static void Configure(JwtBearerOptions o, Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions oidc)
            {
                o.Events = new JwtBearerEvents { OnAuthenticationFailed = c => , OnChallenge = };
                o.Events.OnAuthenticationFailed = async => { var logger = ; return Task.CompletedTask; };
                oidc.Events.OnRemoteFailure = Missing;
                oidc.Events.OnAuthenticationFailed = Handler;
                oidc.Events.OnRemoteFailure = delegate { return };
                o.Events.OnAuthenticationFailed = (c, d) => Task.CompletedTask;
            }
            private static Task Handler() =>
        """,
    };

    private static readonly string[] Ids = ["SL2001", "SL2002", "SL2003", "SL2004", "SL2005"];
    private static readonly string[] Outcomes = ["None", "SuccessAndFailure", "SuccessOnly", "FailureOnly", "Bogus"];
    private static readonly string[] Events = ["Login", "LoginSucceeded", "Logout", "Mfa", "PasswordChange", "RoleGranted", "AccountUpdated", "Bogus"];
    private static readonly string[] Missing = ["all", "success", "failure", "success,failure", ""];
    private static readonly string[] Apis = ["PasswordSignInAsync", "OnAuthenticationFailed", "OnRemoteFailure"];
    private static readonly string[] Operations = ["data.exported", "data.bulk_deleted", "api_key.created", "api_key.revoked", "", "custom.op"];

    [Theory]
    [MemberData(nameof(HalfTypedSources))]
    public async Task NeverThrows(string source)
    {
        using var workspace = new AdhocWorkspace();
        var framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Broken",
            "Broken",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: framework.AddRange(TestReferences.All)));
        var document = workspace.AddDocument(project.Id, "Broken.cs", SourceText.From(source));
        var root = (await document.GetSyntaxRootAsync())!;
        var provider = new InsertSecurityEventCodeFixProvider();

        var index = 0;
        foreach (var node in root.DescendantNodes())
        {
            if (node is not (InvocationExpressionSyntax or StatementSyntax or MethodDeclarationSyntax or AssignmentExpressionSyntax))
            {
                continue;
            }

            // Walking the lists by node covers every id and property across the nodes without the full product.
            var id = Ids[index % Ids.Length];
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add("Outcome", Outcomes[index % Outcomes.Length])
                .Add("Events", Events[(index / 2) % Events.Length])
                .Add("Missing", Missing[(index / 3) % Missing.Length])
                .Add("Api", Apis[(index / 5) % Apis.Length])
                .Add("Operation", Operations[index % Operations.Length]);
            index++;
            var span = node is MethodDeclarationSyntax method ? method.Identifier.Span : node.Span;
            var diagnostic = Diagnostic.Create(new DiagnosticDescriptor(id, "t", "m", "Security", DiagnosticSeverity.Warning, true), Location.Create(root.SyntaxTree, span), properties);

            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions)
            {
                _ = await action.GetOperationsAsync(CancellationToken.None);
            }
        }

        Assert.True(index > 20, "the sources should have many nodes");
    }
}
