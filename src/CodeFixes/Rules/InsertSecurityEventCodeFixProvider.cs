using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.CodeFixes.Rules;

/// <summary>
/// Inserts the missing <c>SecurityLog</c> call for SL2001/SL2004 on APIs without an outcome (after the call) and for
/// SL2003 (<c>LogAccessDenied</c> before the denial). The receiver is an <c>ILogger</c> parameter, local, field or
/// property in scope (no fix without one); the user id comes from a user variable's <c>Id</c>, else
/// <c>userManager.GetUserId(User)</c>, else the claims principal. Adds <c>using SecureLogging;</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertSecurityEventCodeFixProvider))]
[Shared]
public sealed class InsertSecurityEventCodeFixProvider : CodeFixProvider
{
    private const string Title = "Emit the security event";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL2001", "SL2003", "SL2004");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic, ct), Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic, cancellationToken) is not { } plan)
        {
            return document;
        }

        var statement = SyntaxFactory.ParseStatement(plan.Code + "\n").WithAdditionalAnnotations(Formatter.Annotation);
        SyntaxNode newRoot;
        if (plan.Anchor.Parent is BlockSyntax block)
        {
            var index = block.Statements.IndexOf(plan.Anchor);
            var statements = block.Statements.Insert(plan.Before ? index : index + 1, statement);
            newRoot = root.ReplaceNode(block, block.WithStatements(statements));
        }
        else
        {
            // An embedded statement (if (…) return Forbid();): make it a block.
            var statements = plan.Before ? new[] { statement, plan.Anchor } : new[] { plan.Anchor, statement };
            newRoot = root.ReplaceNode(plan.Anchor, SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation));
        }

        if (newRoot is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == "SecureLogging")
            && !unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == "SecureLogging")))
        {
            newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("SecureLogging")).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private sealed class FixPlan
    {
        public FixPlan(StatementSyntax anchor, bool before, string code)
        {
            Anchor = anchor;
            Before = before;
            Code = code;
        }

        public StatementSyntax Anchor { get; }

        public bool Before { get; }

        public string Code { get; }
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var anchor = node.FirstAncestorOrSelf<StatementSyntax>();
        var before = diagnostic.Id == "SL2003";
        if (anchor is null || anchor.Parent is GlobalStatementSyntax || !IsWholeStatement(node, anchor, before))
        {
            return null;
        }

        var logger = FindLogger(model, anchor, cancellationToken);
        if (logger is null)
        {
            return null;
        }

        var userId = UserIdExpression(model, anchor, cancellationToken);
        if (before)
        {
            var resource = model.GetEnclosingSymbol(anchor.SpanStart, cancellationToken)?.ContainingType?.Name ?? "resource";
            var action = model.GetEnclosingSymbol(anchor.SpanStart, cancellationToken)?.Name ?? "access";
            return new FixPlan(anchor, before: true, $"{logger}.LogAccessDenied({userId}, \"{resource}\", \"{action}\", \"forbidden\");");
        }

        if (!diagnostic.Properties.TryGetValue(SecurityEventProperties.Outcome, out var outcome) || outcome != nameof(SecurityApiOutcome.None)
            || !diagnostic.Properties.TryGetValue(SecurityEventProperties.Events, out var events)
            || node is not InvocationExpressionSyntax invocation)
        {
            return null; // outcome APIs need the branch-aware fix
        }

        var arguments = invocation.ArgumentList.Arguments;
        var target = arguments.Count > 0 && arguments[0].Expression is IdentifierNameSyntax first && IsUser(model.GetTypeInfo(first, cancellationToken).Type)
            ? first.Identifier.Text + ".Id"
            : userId;
        var second = arguments.Count > 1 && arguments[1].Expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax
            ? arguments[1].Expression.ToString()
            : null;

        string? call = events switch
        {
            nameof(SecurityApiEvents.LoginSucceeded) => $"LogLoginSucceeded({target})",
            nameof(SecurityApiEvents.Logout) => $"LogLogout({userId})",
            nameof(SecurityApiEvents.PasswordSet) => $"LogPasswordChanged({target})",
            nameof(SecurityApiEvents.TwoFactorSetting) when second == "true" => $"LogMfaEnrolled({target}, \"authenticator\")",
            nameof(SecurityApiEvents.TwoFactorSetting) or nameof(SecurityApiEvents.AccountUpdated)
                => $"LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) {{ UserId = {userId}, TargetUserId = {target} }})",
            nameof(SecurityApiEvents.AccountCreated) => $"LogAccountCreated({userId}, {target})",
            nameof(SecurityApiEvents.AccountDeleted) => $"LogAccountDeleted({userId}, {target})",
            nameof(SecurityApiEvents.RoleGranted) => $"LogRoleGranted({userId}, {target}, {RoleText(model, arguments, cancellationToken)})",
            nameof(SecurityApiEvents.RoleRevoked) => $"LogRoleRevoked({userId}, {target}, {RoleText(model, arguments, cancellationToken)})",
            nameof(SecurityApiEvents.PermissionGranted) => $"LogPermissionGranted({userId}, {target}, {ClaimText(arguments)})",
            nameof(SecurityApiEvents.PermissionRevoked) => $"LogPermissionRevoked({userId}, {target}, {ClaimText(arguments)})",
            nameof(SecurityApiEvents.ConfigurationChanged) => $"LogConfigurationChanged({userId}, \"roles\")",
            _ => null,
        };

        return call is null ? null : new FixPlan(anchor, before: false, logger + "." + call + ";");
    }

    /// <summary>
    /// True when the statement does nothing but the call or denial (with await, a declaration, an assignment, a
    /// return or a throw around it): only then is "before" or "after" the statement the same path as the node's.
    /// </summary>
    private static bool IsWholeStatement(SyntaxNode node, StatementSyntax anchor, bool before)
    {
        if (!(anchor is ExpressionStatementSyntax or LocalDeclarationStatementSyntax || before && anchor is ReturnStatementSyntax or ThrowStatementSyntax))
        {
            return false;
        }

        for (var current = node.Parent; current is not null && current != anchor; current = current.Parent)
        {
            switch (current)
            {
                case AwaitExpressionSyntax or ParenthesizedExpressionSyntax or EqualsValueClauseSyntax or VariableDeclaratorSyntax or VariableDeclarationSyntax:
                    continue;
                case AssignmentExpressionSyntax assignment when assignment.Right.Contains(node):
                    continue;
                case MemberAccessExpressionSyntax { Name.Identifier.Text: "ConfigureAwait" }:
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "ConfigureAwait" } }:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static string RoleText(SemanticModel model, SeparatedSyntaxList<ArgumentSyntax> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count < 2)
        {
            return "\"role\"";
        }

        var expression = arguments[1].Expression;
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        if (type?.SpecialType == SpecialType.System_String && expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax)
        {
            return expression.ToString();
        }

        return expression is IdentifierNameSyntax ? $"string.Join(\",\", {expression})" : "\"roles\"";
    }

    private static string ClaimText(SeparatedSyntaxList<ArgumentSyntax> arguments)
        => arguments.Count > 1 && arguments[1].Expression is IdentifierNameSyntax claim ? claim.Identifier.Text + ".Type" : "\"claim\"";

    private static bool IsUser(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "IdentityUser" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Identity")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An <c>ILogger</c> reachable at the statement: parameter or local first, then a field or property of the type.</summary>
    private static string? FindLogger(SemanticModel model, StatementSyntax anchor, CancellationToken cancellationToken)
    {
        var position = anchor.SpanStart;
        var inStatic = model.GetEnclosingSymbol(position, cancellationToken) is { IsStatic: true };
        ISymbol? best = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var type = symbol switch
            {
                IParameterSymbol p => p.Type,
                ILocalSymbol l => l.Type,
                IFieldSymbol f when !inStatic || f.IsStatic => f.Type,
                IPropertySymbol p when !p.IsIndexer && (!inStatic || p.IsStatic) => p.Type,
                _ => null,
            };

            if (type is null || !IsLogger(type))
            {
                continue;
            }

            if (symbol is IParameterSymbol or ILocalSymbol)
            {
                return symbol.Name;
            }

            best ??= symbol;
        }

        return best?.Name;
    }

    private static bool IsLogger(ITypeSymbol type)
    {
        static bool IsILogger(ITypeSymbol t) => t is { Name: "ILogger", ContainingNamespace: { Name: "Logging" } };
        return IsILogger(type) || type.AllInterfaces.Any(IsILogger);
    }

    /// <summary>The acting user's id: a user variable's <c>Id</c>, else <c>userManager.GetUserId(User)</c>, else the claims principal.</summary>
    private static string UserIdExpression(SemanticModel model, StatementSyntax anchor, CancellationToken cancellationToken)
    {
        string? userManager = null;
        var hasUser = false;
        foreach (var symbol in model.LookupSymbols(anchor.SpanStart))
        {
            var type = symbol switch
            {
                ILocalSymbol l => l.Type,
                IParameterSymbol p => p.Type,
                IFieldSymbol f => f.Type,
                IPropertySymbol p => p.Type,
                _ => null,
            };

            if (type is null)
            {
                continue;
            }

            if (symbol is ILocalSymbol or IParameterSymbol && IsUser(type) && symbol.Name.IndexOf("user", System.StringComparison.OrdinalIgnoreCase) >= 0
                && (symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.End < anchor.SpanStart))
            {
                return symbol.Name + ".Id";
            }

            if (symbol is IFieldSymbol or IPropertySymbol && type.OriginalDefinition is { Name: "UserManager", ContainingNamespace.Name: "Identity" })
            {
                userManager ??= symbol.Name;
            }

            if (symbol is IPropertySymbol { Name: "User" } && type.Name == "ClaimsPrincipal")
            {
                hasUser = true;
            }
        }

        if (userManager is not null && hasUser)
        {
            return userManager + ".GetUserId(User) ?? \"unknown\"";
        }

        return hasUser ? "User.Identity?.Name ?? \"unknown\"" : "\"unknown\"";
    }
}
