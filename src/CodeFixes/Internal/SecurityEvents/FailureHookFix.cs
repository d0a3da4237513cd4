using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;

/// <summary>
/// The fix for a <c>JwtBearerEvents</c>/<c>OpenIdConnectEvents</c> failure hook that emits nothing (SPEC §6: reported at
/// the assignment, fixed with <c>LogLoginFailed</c>): the event goes first in the handler the hook is assigned, a lambda
/// or anonymous method there, or a method of the same file given as a method group. An expression-bodied handler
/// becomes a block. The logger is an <c>ILogger</c> in scope; where there is none (the usual
/// <c>AddJwtBearer(o =&gt; …)</c> in <c>Program.cs</c>) it comes from the request's services through the context the
/// hook receives, and the <c>using</c>s that needs are named in <see cref="Plan.Usings"/>.
/// </summary>
internal static class FailureHookFix
{
    private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";
    private const string Logging = "Microsoft.Extensions.Logging";

    /// <summary>The statements to insert, and the namespaces the file must import for them.</summary>
    internal sealed class Plan
    {
        public Plan(List<Insertion> insertions, IReadOnlyList<string> usings)
        {
            Insertions = insertions;
            Usings = usings;
        }

        public List<Insertion> Insertions { get; }

        public IReadOnlyList<string> Usings { get; }
    }

    public static Plan? Create(SemanticModel model, SyntaxNode node, string hook, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment
            || Handler(model, assignment.Right, cancellationToken) is not { } handler)
        {
            return null;
        }

        var (target, position, context, returnsValue) = handler;
        var reason = hook == "OnRemoteFailure" ? "remote_failure" : "invalid_token";
        var method = context is null ? "" : $", method: {context}.Scheme.Name";
        var scope = FixScope.Create(model, position, null, cancellationToken);
        var statements = new List<string>();
        var usings = new List<string>();
        var logger = scope.Logger is { } inScope && DeclaredBefore(model, inScope, position) ? inScope : null;
        if (logger is null)
        {
            if (context is null)
            {
                return null;
            }

            logger = FreeName(model, position, "logger");
            statements.Add($"var {logger} = {context}.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(\"SecureLogging.Authentication\");");
            if (!HasExtension(model, position, "GetRequiredService", "System.IServiceProvider"))
            {
                usings.Add(DependencyInjection);
            }

            if (!model.LookupNamespacesAndTypes(position, name: "ILoggerFactory").Any(s => s.ContainingNamespace?.ToDisplayString() == Logging))
            {
                usings.Add(Logging);
            }
        }

        statements.Add($"{logger}.LogLoginFailed(null, \"{reason}\"{method});");
        var insertions = statements.Select(code => target switch
        {
            BlockSyntax block => new Insertion(InsertionKind.StartOf, block, code),
            _ => new Insertion(InsertionKind.ExpressionBody, target, code, returnsValue),
        }).ToList();
        return new Plan(insertions, usings);
    }

    /// <summary>
    /// Where the handler's code is: the block to open, or the lambda/method whose expression body becomes one; the
    /// position inside it; the name of the context parameter; and whether an expression body is returned.
    /// </summary>
    private static (SyntaxNode Target, int Position, string? Context, bool ReturnsValue)? Handler(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        while (value is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((CastExpressionSyntax)value).Expression;
        }

        switch (value)
        {
            case AnonymousFunctionExpressionSyntax function:
            {
                var symbol = model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol;
                var context = symbol is { Parameters.Length: > 0 } && !symbol.Parameters[0].IsDiscard && symbol.Parameters[0].Name.Length > 0
                    ? symbol.Parameters[0].Name
                    : null;
                if (function.Block is { } block)
                {
                    return (block, block.OpenBraceToken.Span.End, context, false);
                }

                return function.ExpressionBody is { } expression && symbol is not null
                    ? (function, expression.SpanStart, context, !symbol.ReturnsVoid && !function.AsyncKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsyncKeyword))
                    : null;
            }

            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
            {
                if (model.GetSymbolInfo(value, cancellationToken).Symbol is not IMethodSymbol method
                    || method.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference
                    || reference.SyntaxTree != value.SyntaxTree
                    || reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
                {
                    return null; // a handler in another file is fixed there, by hand
                }

                var context = method.Parameters.Length > 0 ? method.Parameters[0].Name : null;
                if (declaration.Body is { } body)
                {
                    return (body, body.OpenBraceToken.Span.End, context, false);
                }

                return declaration.ExpressionBody is { } arrow
                    ? (declaration, arrow.Expression.SpanStart, context, !method.ReturnsVoid && !method.IsAsync)
                    : null;
            }

            default:
                return null;
        }
    }

    /// <summary>A local logger counts only if declared before the handler (a later <c>var logger = app.Logger;</c> is not usable).</summary>
    private static bool DeclaredBefore(SemanticModel model, string name, int position)
        => model.LookupSymbols(position, name: name).FirstOrDefault() is not ILocalSymbol local
           || local.DeclaringSyntaxReferences.All(r => r.Span.End <= position);

    private static string FreeName(SemanticModel model, int position, string name)
    {
        var candidate = name;
        for (var i = 2; model.LookupSymbols(position, name: candidate).Length > 0; i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    private static bool HasExtension(SemanticModel model, int position, string name, string receiver)
        => model.Compilation.GetTypeByMetadataName(receiver) is { } type
           && model.LookupSymbols(position, type, name, includeReducedExtensionMethods: true).Any();
}
