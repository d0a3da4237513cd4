using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;

/// <summary>
/// The SL2001/SL2002 fix for an API with an outcome (sign-ins, password checks, second factors, password changes). The
/// result is stored in a local (<c>var result = await …;</c>) or tested where it is produced
/// (<c>if (!await um.CheckPasswordAsync(…))</c>); <see cref="OutcomeBranches"/> finds the branch of each outcome and
/// the event goes first in it. A stored result whose branches cannot be told apart gets an <c>if</c> on the result
/// right after the call instead.
/// </summary>
internal static class OutcomeFix
{
    public static List<Insertion>? Plan(Document document, SemanticModel model, InvocationExpressionSyntax node, IInvocationOperation invocation, string events, string api, string missing, CancellationToken cancellationToken)
    {
        var successMissing = missing == "all" || missing.Contains("success");
        var failureMissing = missing == "all" || missing.Contains("failure");

        var (anchor, resultLocal) = Locate(model, node, cancellationToken);
        if (anchor is null || anchor.Parent is not (BlockSyntax or SwitchSectionSyntax))
        {
            return null;
        }

        var statements = anchor.Parent is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)anchor.Parent).Statements;
        var index = statements.IndexOf(anchor);
        var scope = FixScope.Create(model, anchor, invocation, cancellationToken);
        var code = new OutcomeEventCode(model, scope, events, api, invocation, resultLocal?.Name, anchor.Span.End);

        var symbols = SecurityEventContext.Get(model.Compilation).Symbols;
        var summaries = SecurityEventContext.Get(model.Compilation).GetSummaries(document.Project.AnalyzerOptions, model.SyntaxTree);
        var tests = new ResultTests(null, node, resultLocal, symbols.PasswordVerificationResult);
        var branches = new OutcomeBranches(
            model,
            tests,
            node,
            resultInCondition: resultLocal is null,
            statement => Emits(model, summaries, statement, cancellationToken),
            successMissing,
            failureMissing,
            cancellationToken);

        var found = branches.Find(statements, resultLocal is null ? index : index + 1, anchor.Parent as BlockSyntax);
        if (found is { Count: > 0 })
        {
            var insertions = new List<Insertion>();
            foreach (var (point, outcome) in found)
            {
                if (code.For(outcome) is not { } statement)
                {
                    return null;
                }

                insertions.Add(new Insertion(point.Kind, point.Node, statement));
            }

            return insertions;
        }

        return resultLocal is null ? null : Fallback(anchor, resultLocal, code, successMissing, failureMissing);
    }

    /// <summary>
    /// For an API without an outcome whose result is still tested (<c>var result = await um.CreateAsync(…); if
    /// (result.Succeeded) { … }</c>): the start of each branch where it succeeded, so that the event is not written for
    /// a creation that failed. Null when the result is not tested on every path.
    /// </summary>
    public static List<Insertion>? SuccessBranches(Document document, SemanticModel model, InvocationExpressionSyntax node, CancellationToken cancellationToken)
        => Branches(document, model, node, success: true, cancellationToken);

    /// <summary>
    /// For a check whose failure is the event (<c>var allowed = await auth.AuthorizeAsync(…); if (!allowed.Succeeded)
    /// { … }</c>): the start of each branch where it failed. Null when the result is not tested on every path.
    /// </summary>
    public static List<Insertion>? FailureBranches(Document document, SemanticModel model, InvocationExpressionSyntax node, CancellationToken cancellationToken)
        => Branches(document, model, node, success: false, cancellationToken);

    private static List<Insertion>? Branches(Document document, SemanticModel model, InvocationExpressionSyntax node, bool success, CancellationToken cancellationToken)
    {
        var (anchor, resultLocal) = Locate(model, node, cancellationToken);
        if (anchor is null || anchor.Parent is not (BlockSyntax or SwitchSectionSyntax)
            || model.GetTypeInfo(node, cancellationToken).Type is not { } type
            || !(type.GetMembers("Succeeded").OfType<IPropertySymbol>().Any()
                || type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task && task.TypeArguments[0].GetMembers("Succeeded").OfType<IPropertySymbol>().Any()))
        {
            return null;
        }

        var statements = anchor.Parent is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)anchor.Parent).Statements;
        var index = statements.IndexOf(anchor);
        var context = SecurityEventContext.Get(model.Compilation);
        var summaries = context.GetSummaries(document.Project.AnalyzerOptions, model.SyntaxTree);
        var branches = new OutcomeBranches(
            model,
            new ResultTests(null, node, resultLocal, context.Symbols.PasswordVerificationResult),
            node,
            resultInCondition: resultLocal is null,
            statement => Emits(model, summaries, statement, cancellationToken),
            successMissing: success,
            failureMissing: !success,
            cancellationToken);
        var found = branches.Find(statements, resultLocal is null ? index : index + 1, anchor.Parent as BlockSyntax);
        return found is { Count: > 0 } ? found.Select(f => f.Point).ToList() : null;
    }

    /// <summary>The statement that stores or tests the result, and the local it is stored in (null when tested in place).</summary>
    private static (StatementSyntax? Anchor, ILocalSymbol? Local) Locate(SemanticModel model, InvocationExpressionSyntax node, CancellationToken cancellationToken)
    {
        SyntaxNode current = node;
        while (true)
        {
            switch (current.Parent)
            {
                case AwaitExpressionSyntax or ParenthesizedExpressionSyntax:
                    current = current.Parent;
                    continue;
                case MemberAccessExpressionSyntax { Name.Identifier.Text: "ConfigureAwait", Parent: InvocationExpressionSyntax configured }:
                    current = configured;
                    continue;
            }

            break;
        }

        switch (current.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } } declarator }:
                return (statement, model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol);
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target, Parent: ExpressionStatementSyntax statement } assignment when assignment.Right == current
                && model.GetSymbolInfo(target, cancellationToken).Symbol is ILocalSymbol local:
                return (statement, local);
        }

        // Tested where it is produced: the call is in the condition of an if (not inside a lambda there).
        for (var ancestor = node.Parent; ancestor is not null && ancestor is not StatementSyntax; ancestor = ancestor.Parent)
        {
            if (ancestor is AnonymousFunctionExpressionSyntax)
            {
                return (null, null);
            }
        }

        return node.FirstAncestorOrSelf<StatementSyntax>() is IfStatementSyntax branch && branch.Condition.Span.Contains(node.Span)
            ? (branch, null)
            : (null, null);
    }

    /// <summary>
    /// <c>if (result.Succeeded) { success } else if (result.IsLockedOut) { lockout } else if (!result.RequiresTwoFactor) { failure }</c>
    /// after the call, for the outcomes that lack their event.
    /// </summary>
    private static List<Insertion>? Fallback(StatementSyntax anchor, ILocalSymbol result, OutcomeEventCode code, bool successMissing, bool failureMissing)
    {
        var r = result.Name;
        var type = result.Type;
        var parts = new List<(string? Condition, FixOutcome Outcome)>();
        if (type is { Name: "SignInResult", ContainingNamespace.Name: "Identity" })
        {
            if (successMissing)
            {
                parts.Add(($"{r}.Succeeded", FixOutcome.Success));
            }

            if (failureMissing)
            {
                parts.Add(($"{r}.IsLockedOut", FixOutcome.Lockout));
                parts.Add((successMissing ? $"!{r}.RequiresTwoFactor" : $"!{r}.Succeeded && !{r}.RequiresTwoFactor", FixOutcome.Failure));
            }
        }
        else
        {
            var (succeeded, failed) = type.SpecialType == SpecialType.System_Boolean ? (r, "!" + r)
                : type is { Name: "PasswordVerificationResult" } ? ($"{r} != PasswordVerificationResult.Failed", $"{r} == PasswordVerificationResult.Failed")
                : type.GetMembers("Succeeded").OfType<IPropertySymbol>().Any() ? ($"{r}.Succeeded", $"!{r}.Succeeded")
                : (null, null);
            if (succeeded is null || failed is null)
            {
                return null;
            }

            if (successMissing)
            {
                parts.Add((succeeded, FixOutcome.Success));
            }

            if (failureMissing)
            {
                parts.Add((successMissing ? null : failed, FixOutcome.Failure));
            }
        }

        var text = new StringBuilder();
        foreach (var (condition, outcome) in parts)
        {
            if (code.For(outcome) is not { } statement)
            {
                return null;
            }

            text.Append(text.Length == 0 ? "" : "\nelse ");
            text.Append(condition is null ? "" : $"if ({condition})\n");
            text.Append("{\n").Append(statement).Append("\n}");
        }

        return new List<Insertion> { new(InsertionKind.After, anchor, text.ToString()) };
    }

    private static bool Emits(SemanticModel model, MethodSummaries summaries, StatementSyntax statement, CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax call && model.GetOperation(call, cancellationToken) is IInvocationOperation operation
                && summaries.InvocationEmits(operation, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
