using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// SL1004's fix (and SL1003's for a whole object): replace the logged object by an anonymous object of its
/// non-sensitive scalar members, <c>new { order.Id, order.Status }</c>. Members are judged by the same classifier as the
/// analyzer (names, attributes, secret types, the project's .editorconfig word lists), so the new members raise no
/// diagnostic of their own. Offered only for a receiver that can be read twice without side effects.
/// </summary>
internal static class SafeMembersObject
{
    public static ExpressionSyntax? TryCreate(SemanticModel model, ExpressionSyntax value, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (!IsStable(value) || model.GetTypeInfo(value, cancellationToken).Type is not INamedTypeSymbol type
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        var classifier = SensitiveDataAnalysis.Get(model.Compilation).ClassifierFor(options, value.SyntaxTree);
        var names = new List<string>();
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared || !seen.Add(member.Name))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };

                if (memberType is null || !IsScalar(memberType) || classifier.JudgeSymbol(member, memberType).IsSensitive)
                {
                    continue;
                }

                names.Add(member.Name);
            }
        }

        if (names.Count == 0)
        {
            return null;
        }

        var receiver = value.WithoutTrivia().ToString();
        var text = new StringBuilder("new { ");
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            var name = names[i];
            text.Append(receiver).Append('.').Append(SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name);
        }

        text.Append(" }");
        var created = SyntaxFactory.ParseExpression(text.ToString());
        return created.ContainsDiagnostics ? null : created.WithTriviaFrom(value);
    }

    /// <summary>A local, parameter, field or property chain: reading it once per member changes nothing.</summary>
    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsStable(member.Expression),
        _ => false,
    };

    /// <summary>Values a sink writes as one field: text, numbers, flags, dates, ids, enums (and their nullable forms).</summary>
    private static bool IsScalar(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
                or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime:
                return true;
        }

        return type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
            && type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Uri";
    }
}
