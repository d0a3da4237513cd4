using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureLogging.Analyzers.Internal.SecurityEvents;

namespace SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;

/// <summary>
/// The SL2005 fix: the operation's event (SPEC §7) as the method's last statement before its final <c>return</c> (or
/// last, in a method whose end is reached): <c>LogDataExported</c> for exports, <c>LogBulkDeleted</c> for bulk
/// deletes and purges, <c>LogApiKeyCreated</c> / <c>LogApiKeyRevoked</c> for API keys, <c>LogConfigurationChanged</c>,
/// and <c>LogSecurityEvent(new SecurityEvent("…"))</c> for any other <c>[SecuritySensitive("…")]</c> operation. The
/// actor is the signed-in user; the dataset or resource comes from the method name; the record count from a count or
/// collection local, else 0; the key id from a key local or id parameter.
/// </summary>
internal static class SensitiveOperationFix
{
    private static readonly string[] Verbs = ["Export", "BulkDelete", "DeleteAll", "Purge", "Create", "Generate", "Rotate", "Revoke", "Delete"];

    public static List<Insertion>? Plan(SemanticModel model, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var member = node.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
        var (body, arrow) = member switch
        {
            BaseMethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody),
            LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
            _ => (null, null),
        };

        if (member is null || model.GetDeclaredSymbol(member, cancellationToken) is not IMethodSymbol method)
        {
            return null;
        }

        Insertion point;
        int position;
        FixScope scope;
        if (body is null && arrow is not null && arrow.Expression is not ThrowExpressionSyntax)
        {
            // => File(…): the body becomes a block, the event first and the expression returned after it.
            var returnsValue = !method.ReturnsVoid && !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false });
            point = new Insertion(InsertionKind.ExpressionBody, member, "", returnsValue);
            position = arrow.Expression.SpanStart;
            scope = FixScope.Create(model, arrow.Expression, null, cancellationToken);
        }
        else if (body is null)
        {
            return null;
        }
        else
        {
            if (body.Statements.LastOrDefault() is ReturnStatementSyntax last)
            {
                point = new Insertion(InsertionKind.Before, last, "");
            }
            else if (body.Statements.Count == 0 || EndReachable(model, body))
            {
                point = new Insertion(InsertionKind.EndOf, body, "");
            }
            else
            {
                return null; // the method ends in a throw
            }

            position = point.Kind == InsertionKind.EndOf ? body.CloseBraceToken.SpanStart : point.Node.SpanStart;
            scope = FixScope.Create(model, position, null, cancellationToken);
        }

        if (scope.Logger is null)
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(SecurityEventProperties.Operation, out var operation);
        var actor = scope.Principal is { } principal && scope.SignedInUserId == "\"unknown\""
            ? principal + ".Identity?.Name ?? \"unknown\""
            : scope.SignedInUserId;
        var subject = Quote(Subject(method.Name));
        var call = Kind(operation) switch
        {
            "data.exported" => $"LogDataExported({actor}, {subject}, {RecordCount(model, position)})",
            "data.bulk_deleted" => $"LogBulkDeleted({actor}, {subject}, {RecordCount(model, position)})",
            "api_key.created" => $"LogApiKeyCreated({actor}, {KeyId(model, position)})",
            "api_key.revoked" => $"LogApiKeyRevoked({actor}, {KeyId(model, position)})",
            "configuration.changed" => $"LogConfigurationChanged({actor}, {subject})",
            _ when !string.IsNullOrWhiteSpace(operation) => $"LogSecurityEvent(new SecurityEvent({Quote(operation!.Trim())}) {{ UserId = {actor} }})",
            _ => null,
        };

        return call is null ? null : new List<Insertion> { new(point.Kind, point.Node, scope.Logger + "." + call + ";", point.ReturnsValue) };
    }

    /// <summary>The event an operation name stands for: a vocabulary name, or a close spelling (<c>data.export</c>).</summary>
    private static string? Kind(string? operation)
    {
        var op = operation?.Trim().ToLowerInvariant() ?? "";
        return op.StartsWith("data.export", StringComparison.Ordinal) || op == "sensitive_read" ? "data.exported"
            : op.StartsWith("data.bulk_delete", StringComparison.Ordinal) || op.StartsWith("data.delete", StringComparison.Ordinal) || op.StartsWith("data.purge", StringComparison.Ordinal) || op == "sensitive_delete" ? "data.bulk_deleted"
            : op.StartsWith("api_key.revoke", StringComparison.Ordinal) ? "api_key.revoked"
            : op.StartsWith("api_key.", StringComparison.Ordinal) ? "api_key.created"
            : op.StartsWith("configuration.", StringComparison.Ordinal) ? "configuration.changed"
            : op;
    }

    /// <summary><c>ExportUsersAsync</c> → <c>users</c>, <c>OnPostPurgeAuditLogs</c> → <c>audit_logs</c>; the method name when nothing is left.</summary>
    private static string Subject(string name)
    {
        foreach (var prefix in new[] { "OnGet", "OnPost", "OnPut", "OnDelete", "OnPatch" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                name = name.Substring(prefix.Length);
                break;
            }
        }

        if (name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        var rest = name;
        foreach (var verb in Verbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal))
            {
                rest = name.Substring(verb.Length);
                break;
            }
        }

        if (rest.Length == 0)
        {
            rest = name;
        }

        var text = new StringBuilder();
        for (var i = 0; i < rest.Length; i++)
        {
            if (char.IsUpper(rest[i]) && i > 0 && !char.IsUpper(rest[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(rest[i]));
        }

        return text.ToString();
    }

    /// <summary>A count local (<c>deleted</c>, <c>count</c>, <c>affected</c>…) or a collection local's size, declared before the event; else 0.</summary>
    private static string RecordCount(SemanticModel model, int position)
    {
        string? collection = null;
        foreach (var symbol in model.LookupSymbols(position).OfType<ILocalSymbol>().Where(l => DeclaredBefore(l, position)).OrderByDescending(l => l.Locations[0].SourceSpan.Start))
        {
            var type = symbol.Type;
            var name = symbol.Name.ToLowerInvariant();
            if (type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                && (name.Contains("count") || name.Contains("deleted") || name.Contains("affected") || name.Contains("rows") || name.Contains("removed") || name.Contains("purged")))
            {
                return symbol.Name;
            }

            if (collection is null)
            {
                if (type is IArrayTypeSymbol)
                {
                    collection = symbol.Name + ".Length";
                }
                else if (type.SpecialType != SpecialType.System_String
                    && (type.GetMembers("Count").OfType<IPropertySymbol>().Any() || type.AllInterfaces.Any(i => i.Name is "ICollection" or "IReadOnlyCollection")))
                {
                    collection = symbol.Name + ".Count";
                }
            }
        }

        return collection ?? "0";
    }

    /// <summary>The id of the key: a key local's <c>Id</c>, else a string parameter or local named like an id; else <c>"unknown"</c>.</summary>
    private static string KeyId(SemanticModel model, int position)
    {
        foreach (var symbol in model.LookupSymbols(position))
        {
            if (symbol is ILocalSymbol or IParameterSymbol && (symbol is not ILocalSymbol local || DeclaredBefore(local, position)))
            {
                var type = symbol is ILocalSymbol l ? l.Type : ((IParameterSymbol)symbol).Type;
                var name = symbol.Name.ToLowerInvariant();
                if (name.Contains("key") && type.GetMembers("Id").OfType<IPropertySymbol>().FirstOrDefault() is { } id)
                {
                    return id.Type.SpecialType == SpecialType.System_String ? symbol.Name + ".Id" : symbol.Name + ".Id.ToString()";
                }

                if (name is "id" or "keyid" && type.SpecialType == SpecialType.System_String)
                {
                    return symbol.Name;
                }

                if (name is "id" or "keyid" && type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 || type.Name == "Guid" && name is "id" or "keyid")
                {
                    return symbol.Name + ".ToString()";
                }
            }
        }

        return "\"unknown\"";
    }

    private static bool EndReachable(SemanticModel model, BlockSyntax body)
    {
        try
        {
            return model.AnalyzeControlFlow(body.Statements.First(), body.Statements.Last()) is { Succeeded: true, EndPointIsReachable: true };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool DeclaredBefore(ILocalSymbol local, int position)
        => local.DeclaringSyntaxReferences.Any(r => r.Span.End <= position);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
