using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.CodeFixes.Internal;
using SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.CodeFixes.Rules;

/// <summary>
/// Inserts the missing <c>SecurityLog</c> call (SPEC §3, §6):
/// <list type="bullet">
/// <item>SL2001/SL2002 on an API with an outcome: the success event first in the branch where the result succeeded,
/// the failure event (<c>LogLockout</c> on an <c>IsLockedOut</c> branch) first in each failure branch, only on the
/// paths that lack one; when the result is stored but not tested branch by branch, an <c>if</c> on the result after
/// the call.</item>
/// <item>SL2001/SL2004 on an API without an outcome: its event after the call.</item>
/// <item>SL2001 on <c>AuthenticateResult.Success/Fail</c> in a handler: the event before the return.</item>
/// <item>SL2001 on a <c>JwtBearerEvents</c>/<c>OpenIdConnectEvents</c> failure hook: <c>LogLoginFailed</c> first in the
/// handler assigned (see <see cref="FailureHookFix"/>).</item>
/// <item>SL2003: <c>LogAccessDenied</c> before the denial, or first in the failure branches of an <c>AuthorizeAsync</c>
/// reported for ending in none.</item>
/// <item>SL2005: the operation's event at the end of the method (see <see cref="SensitiveOperationFix"/>).</item>
/// </list>
/// Arguments come from the scope (<see cref="FixScope"/>); the receiver is an <c>ILogger</c> in scope (no fix without
/// one, except in a failure hook, whose context reaches the request's services). A fix is offered only if the statements it inserts compile. Adds <c>using SecureLogging;</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertSecurityEventCodeFixProvider))]
[Shared]
public sealed class InsertSecurityEventCodeFixProvider : CodeFixProvider
{
    private const string Title = "Emit the security event";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL2001", "SL2002", "SL2003", "SL2004", "SL2005");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await TryFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } fixedDocument)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(fixedDocument), Title), diagnostic);
            }
        }
    }

    private static async Task<Document?> TryFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var hook = diagnostic.Id == "SL2001" && node is AssignmentExpressionSyntax && diagnostic.Properties.TryGetValue(SecurityEventProperties.Api, out var api)
            ? FailureHookFix.Create(model, node, api ?? "", cancellationToken)
            : null;
        var insertions = hook?.Insertions ?? diagnostic.Id switch
        {
            "SL2003" => DenialFix(document, model, node, cancellationToken),
            "SL2005" => SensitiveOperationFix.Plan(model, node, diagnostic, cancellationToken),
            _ => ApiFix(document, model, node, diagnostic, cancellationToken),
        };

        if (insertions is null || insertions.Count == 0 || insertions.Any(i => string.IsNullOrEmpty(i.Code)))
        {
            return null;
        }

        var newRoot = Insertion.Apply(root, insertions, document.Project.Solution.Workspace);
        if (newRoot is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == "SecureLogging")
            && !unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == "SecureLogging")))
        {
            newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("SecureLogging")).WithAdditionalAnnotations(Formatter.Annotation));
        }

        foreach (var name in hook?.Usings ?? [])
        {
            newRoot = newRoot is CompilationUnitSyntax withUsings ? UsingDirectives.Add(withUsings, name) : newRoot;
        }

        var fixedDocument = document.WithSyntaxRoot(newRoot);
        return await CompilesAsync(fixedDocument, cancellationToken).ConfigureAwait(false) ? fixedDocument : null;
    }

    /// <summary>Never offer a fix that does not compile: the inserted statements must bind without errors.</summary>
    private static async Task<bool> CompilesAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return false;
        }

        foreach (var inserted in root.GetAnnotatedNodes(Insertion.Inserted))
        {
            if (inserted.ContainsDiagnostics || model.GetDiagnostics(inserted.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>LogAccessDenied</c> before the denial; for an <c>AuthorizeAsync</c> whose failure branch ends in no denial, first
    /// in each branch where it failed, with the policy name as the reason when it is a constant.
    /// </summary>
    private static List<Insertion>? DenialFix(Document document, SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var anchor = node.FirstAncestorOrSelf<StatementSyntax>();
        if (anchor is null || anchor.Parent is GlobalStatementSyntax)
        {
            return null;
        }

        var authorization = node is InvocationExpressionSyntax call && model.GetOperation(call, cancellationToken) is IInvocationOperation { TargetMethod.Name: "AuthorizeAsync" } check
            ? check
            : null;
        var points = authorization is null ? null : OutcomeFix.FailureBranches(document, model, (InvocationExpressionSyntax)node, cancellationToken);
        if (authorization is null ? !IsWholeStatement(node, anchor, before: true) : points is null)
        {
            return null;
        }

        var scope = FixScope.Create(model, anchor, null, cancellationToken);
        var enclosing = model.GetEnclosingSymbol(anchor.SpanStart, cancellationToken);
        var resource = enclosing?.ContainingType?.Name ?? "resource";
        var action = enclosing?.Name ?? "access";
        var policy = authorization?.Arguments.FirstOrDefault(a => a.Parameter?.Name == "policyName")?.Value.ConstantValue;
        var reason = policy is { HasValue: true, Value: string name } ? "policy:" + name : "forbidden";
        if (scope.Logger is null)
        {
            return null;
        }

        var statement = $"{scope.Logger}.LogAccessDenied({scope.SignedInUserId}, \"{resource}\", \"{action}\", {SyntaxFactory.Literal(reason).ToString()});";
        return points is null
            ? new List<Insertion> { new(InsertionKind.Before, anchor, statement) }
            : points.Select(p => new Insertion(p.Kind, p.Node, statement)).ToList();
    }

    private static List<Insertion>? ApiFix(Document document, SemanticModel model, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var properties = diagnostic.Properties;
        if (node is not InvocationExpressionSyntax invocationSyntax
            || model.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation
            || !properties.TryGetValue(SecurityEventProperties.Outcome, out var outcome)
            || !properties.TryGetValue(SecurityEventProperties.Events, out var events) || events is null)
        {
            return null;
        }

        properties.TryGetValue(SecurityEventProperties.Api, out var api);
        properties.TryGetValue(SecurityEventProperties.Missing, out var missing);
        return outcome switch
        {
            nameof(SecurityApiOutcome.None) => NoOutcomeFix(document, model, invocationSyntax, invocation, events, cancellationToken),
            nameof(SecurityApiOutcome.SuccessOnly) or nameof(SecurityApiOutcome.FailureOnly)
                => HandlerResultFix(model, invocationSyntax, invocation, outcome == nameof(SecurityApiOutcome.SuccessOnly), cancellationToken),
            _ => OutcomeFix.Plan(document, model, invocationSyntax, invocation, events, api ?? "", missing ?? "all", cancellationToken),
        };
    }

    private static List<Insertion>? NoOutcomeFix(Document document, SemanticModel model, InvocationExpressionSyntax node, IInvocationOperation invocation, string events, CancellationToken cancellationToken)
    {
        var anchor = node.FirstAncestorOrSelf<StatementSyntax>();
        if (anchor is null || anchor.Parent is GlobalStatementSyntax)
        {
            return null;
        }

        // The result tested branch by branch: the event goes where the change succeeded; else right after the call.
        var points = OutcomeFix.SuccessBranches(document, model, node, cancellationToken);
        if (points is null && !IsWholeStatement(node, anchor, before: false))
        {
            return null;
        }

        var scope = FixScope.Create(model, anchor, invocation, cancellationToken);
        var actor = scope.SignedInUserId;
        var target = scope.UserObjectId ?? actor;
        var arguments = node.ArgumentList.Arguments;
        var second = arguments.Count > 1 && arguments[1].Expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax
            ? arguments[1].Expression.ToString()
            : null;

        string? call = events switch
        {
            nameof(SecurityApiEvents.LoginSucceeded) => scope.SuccessUserId is { } id ? $"LogLoginSucceeded({id})" : null,
            nameof(SecurityApiEvents.Logout) => $"LogLogout({actor})",
            nameof(SecurityApiEvents.PasswordSet) => $"LogPasswordChanged({target})",
            nameof(SecurityApiEvents.TwoFactorSetting) when second == "true" => $"LogMfaEnrolled({target}, \"authenticator\")",
            nameof(SecurityApiEvents.TwoFactorSetting) or nameof(SecurityApiEvents.AccountUpdated)
                => $"LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) {{ UserId = {actor}, TargetUserId = {target} }})",
            nameof(SecurityApiEvents.AccountCreated) => $"LogAccountCreated({actor}, {target})",
            nameof(SecurityApiEvents.AccountDeleted) => $"LogAccountDeleted({actor}, {target})",
            nameof(SecurityApiEvents.RoleGranted) => $"LogRoleGranted({actor}, {target}, {RoleText(model, arguments, cancellationToken)})",
            nameof(SecurityApiEvents.RoleRevoked) => $"LogRoleRevoked({actor}, {target}, {RoleText(model, arguments, cancellationToken)})",
            nameof(SecurityApiEvents.PermissionGranted) => $"LogPermissionGranted({actor}, {target}, {ClaimText(arguments)})",
            nameof(SecurityApiEvents.PermissionRevoked) => $"LogPermissionRevoked({actor}, {target}, {ClaimText(arguments)})",
            nameof(SecurityApiEvents.ConfigurationChanged) => $"LogConfigurationChanged({actor}, \"roles\")",
            _ => null,
        };

        if (call is null || scope.Logger is null)
        {
            return null;
        }

        var statement = scope.Logger + "." + call + ";";
        return points is null
            ? new List<Insertion> { new(InsertionKind.After, anchor, statement) }
            : points.Select(p => new Insertion(p.Kind, p.Node, statement)).ToList();
    }

    /// <summary><c>return AuthenticateResult.Success(ticket);</c> in a custom handler: the event goes before the return.</summary>
    private static List<Insertion>? HandlerResultFix(SemanticModel model, InvocationExpressionSyntax node, IInvocationOperation invocation, bool success, CancellationToken cancellationToken)
    {
        var anchor = node.FirstAncestorOrSelf<StatementSyntax>();
        if (anchor is null || anchor.Parent is GlobalStatementSyntax
            || node.Ancestors().TakeWhile(a => a != anchor).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            return null;
        }

        var scope = FixScope.Create(model, anchor, invocation, cancellationToken);
        var method = model.LookupSymbols(anchor.SpanStart, name: "Scheme").OfType<IPropertySymbol>().Any() ? ", method: Scheme.Name" : "";
        string? call;
        if (success)
        {
            var ticket = invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.Type?.Name == "AuthenticationTicket" && FixScope.IsSimple(invocation.Arguments[0].Value.Syntax)
                ? invocation.Arguments[0].Value.Syntax + ".Principal"
                : scope.Principal;
            call = $"LogLoginSucceeded({(ticket is null ? "\"unknown\"" : ticket + ".Identity?.Name ?? \"unknown\"")}{method})";
        }
        else
        {
            call = $"LogLoginFailed(null, \"invalid_credentials\"{method})";
        }

        return scope.Logger is null ? null : new List<Insertion> { new(InsertionKind.Before, anchor, scope.Logger + "." + call + ";") };
    }

    /// <summary>
    /// True when the statement does nothing but the call or denial (with await, a declaration, an assignment, a
    /// return or a throw around it): only then is "before" or "after" the statement the same path as the node's.
    /// </summary>
    internal static bool IsWholeStatement(SyntaxNode node, StatementSyntax anchor, bool before)
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
}
