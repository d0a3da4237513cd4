using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SecureLogging.Analyzers.CodeFixes.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>
/// The fixers never throw, whatever the code and wherever a diagnostic points: every node of half-typed sources gets a
/// diagnostic of each rule, shape and kind, and every action offered is computed, alone and through Fix All.
/// </summary>
public class FixersNeverThrowTests
{
    private static readonly string[] Kinds = ["Secret", "Token", "CardNumber", "CardSecurityCode", "BankAccount", "Email", "Phone", "Personal", "Bogus"];

    private static readonly string[] Shapes =
    [
        "Argument", "InterpolationHole", "ConcatenationOperand", "AnonymousMember", "DictionaryValue",
        "LoggerMessageParameter", "DelegateArgument", "ObjectArgument", "ExceptionMessageOperand",
    ];

    public static TheoryData<string> HalfTypedSources() => new()
    {
        """
        using Microsoft.Extensions.Logging;
        class C { void M(ILogger logger, string password) { logger.LogInformation("Pwd {Password}", password
        """,
        """
        using Microsoft.Extensions.Logging;
        class C { void M(ILogger logger, string password, int pin) { logger.LogInformation($"Pwd {password} {pin:D4} {", ); logger.LogWarning("a" + password + ; } }
        """,
        """
        using System; using System.Collections.Generic; using Microsoft.Extensions.Logging;
        class C { void M(ILogger logger, string token, Order o) { using (logger.BeginScope(new Dictionary<string, object> { ["Token"] = token, { "x", } })) { }
          logger.LogInformation("{@A}", new { token, Other = }); throw new Exception("bad " + token + missing); logger.LogInformation("{A} {B}", new object[] { token, }); } }
        """,
        """
        using Microsoft.Extensions.Logging;
        static partial class Log { [LoggerMessage(1, LogLevel.Information, "User {User} {Password}")] public static partial void Login(ILogger logger, string user, string password); }
        class C { void M(ILogger l, string q) { l.LogInformation("x" + q + $"{q}" + (q) + @"{y}"); Log.Login(l, "a", q); l.LogInformation($@"{q}
        ", q); } }
        """,
        """
        using System.Collections.Generic; using Microsoft.Extensions.Logging; using Microsoft.AspNetCore.Http.Extensions;
        class C : Microsoft.AspNetCore.Mvc.ControllerBase { void M(ILogger l, string token, string q) { var d = new Dictionary<string, object> { ["Token"] = token };
          d["Password"] = token; d.Add("Key", ); d.Add("Key", token); d[] = ; l.BeginScope(d); l.LogInformation("u " + Request.GetDisplayUrl() + token[..4] + q?.Trim(
        """,
    };

    [Theory]
    [MemberData(nameof(HalfTypedSources))]
    public async Task SensitiveValueFixer_NeverThrows(string source)
        => await RunEverywhereAsync(new SensitiveValueCodeFixProvider(), source);

    [Theory]
    [MemberData(nameof(HalfTypedSources))]
    public async Task UseTemplateFixer_NeverThrows(string source)
        => await RunEverywhereAsync(new UseTemplateForRequestDataCodeFixProvider(), source);

    private static async Task RunEverywhereAsync(CodeFixProvider provider, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Broken",
            "Broken",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: await ReferencesAsync()));
        var document = workspace.AddDocument(project.Id, "Broken.cs", SourceText.From(source));
        var root = (await document.GetSyntaxRootAsync())!;

        var offered = 0;
        var index = 0;
        foreach (var node in root.DescendantNodes())
        {
            if (node is not (Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.InterpolationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousObjectMemberDeclaratorSyntax))
            {
                continue;
            }

            // Every id and shape/kind pair would be slow; walking the lists by node covers them all across the nodes.
            var id = provider.FixableDiagnosticIds[index % provider.FixableDiagnosticIds.Length];
            var shape = Shapes[index % Shapes.Length];
            var kind = Kinds[(index / Shapes.Length) % Kinds.Length];
            index++;
            var properties = ImmutableDictionary<string, string?>.Empty.Add("Kind", kind).Add("Shape", shape).Add("Placeholder", "Password");
            var descriptor = new DiagnosticDescriptor(id, "t", "m", "Security", DiagnosticSeverity.Warning, true);
            var diagnostic = Diagnostic.Create(descriptor, Location.Create(root.SyntaxTree, node.Span), properties);

            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions)
            {
                offered++;
                _ = await action.GetOperationsAsync(CancellationToken.None);
                var fixAll = provider.GetFixAllProvider()!;
                var context = new FixAllContext(document, provider, FixAllScope.Document, action.EquivalenceKey!, [id], new SingleDiagnosticProvider(diagnostic), CancellationToken.None);
                if (await fixAll.GetFixAsync(context) is { } fixAllAction)
                {
                    _ = await fixAllAction.GetOperationsAsync(CancellationToken.None);
                }
            }
        }

        Assert.True(index > 15, "the sources should have many nodes");
        _ = offered;
    }

    private static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
    {
        var framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return framework.AddRange(TestReferences.All);
    }

    private sealed class SingleDiagnosticProvider(Diagnostic diagnostic) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>([diagnostic]);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>([diagnostic]);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>([diagnostic]);
    }
}
