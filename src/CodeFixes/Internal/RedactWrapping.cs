using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureLogging.Analyzers.Internal;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// Wraps a logged value in the <c>SecureLogging.Redact</c> method its kind calls for (CONTRACT §C). <c>Redact.*</c> take
/// <c>string?</c>: strings go in as they are, numbers and other values through <c>ToString()</c> (<c>?.ToString()</c> when
/// they can be null). No wrap is offered when the runtime is not referenced, for CVV/CVC/PIN (never logged, not even
/// masked), for values whose text is meaningless (arrays, <c>SecureString</c>) and for code that does not bind.
/// </summary>
internal static class RedactWrapping
{
    public const string RedactTypeName = "SecureLogging.Redact";

    /// <summary>The <c>Redact</c> method for a kind, or null where the value must be removed instead.</summary>
    public static string? MethodFor(string kind) => kind switch
    {
        "Secret" or "BankAccount" => "Secret",
        "Token" => "Token",
        "CardNumber" => "CardNumber",
        "Email" => "Email",
        "Phone" => "Phone",
        "Personal" => "Pii",
        _ => null,
    };

    /// <summary>The method name to call when the wrap compiles here; null otherwise.</summary>
    public static string? TryGetMethod(SemanticModel model, SensitiveDiagnostic target, CancellationToken cancellationToken)
    {
        var method = MethodFor(target.Kind);
        var expression = target.Expression;
        if (method is null || expression is null || target.Shape is "LoggerMessageParameter" or "ObjectArgument")
        {
            return null;
        }

        var redact = model.Compilation.GetBestTypeByMetadataName(RedactTypeName);
        if (redact is null || !HasStringMethod(redact, method))
        {
            return null;
        }

        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        return IsWrappable(type, model.Compilation) ? method : null;
    }

    /// <summary>The wrapped expression, carrying the trivia of the original; <paramref name="qualified"/> spells out the namespace.</summary>
    public static ExpressionSyntax Wrap(ExpressionSyntax expression, ITypeSymbol? type, string method, bool qualified)
    {
        var bare = expression.WithoutTrivia();
        ExpressionSyntax argument = type?.SpecialType == SpecialType.System_String ? bare : ToText(bare, type);
        ExpressionSyntax redact = qualified
            ? SyntaxFactory.ParseExpression("global::SecureLogging.Redact")
            : SyntaxFactory.IdentifierName("Redact");
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, redact, SyntaxFactory.IdentifierName(method)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))))
            .WithTriviaFrom(expression);
    }

    private static ExpressionSyntax ToText(ExpressionSyntax expression, ITypeSymbol? type)
    {
        var receiver = SyntaxHelpers.IsPrimary(expression) ? expression : SyntaxFactory.ParenthesizedExpression(expression);
        var toString = SyntaxFactory.IdentifierName(nameof(ToString));
        var canBeNull = type is null || type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        if (canBeNull)
        {
            // x?.ToString(): a null value stays null and Redact renders it as "[null]".
            return SyntaxFactory.ConditionalAccessExpression(
                receiver,
                SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(toString)));
        }

        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, toString));
    }

    private static bool IsWrappable(ITypeSymbol? type, Compilation compilation)
    {
        if (type is null || type.TypeKind is TypeKind.Error or TypeKind.Array or TypeKind.Pointer or TypeKind.FunctionPointer
            || type.SpecialType == SpecialType.System_Void || type.IsRefLikeType)
        {
            return false;
        }

        // A SecureString's text is its type name: "redacting" it would log nothing useful and hide the real fix (remove it).
        var secureString = compilation.GetBestTypeByMetadataName("System.Security.SecureString");
        return !SymbolEqualityComparer.Default.Equals(type, secureString);
    }

    private static bool HasStringMethod(INamedTypeSymbol redact, string name)
    {
        foreach (var member in redact.GetMembers(name))
        {
            if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } method
                && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && method.ReturnType.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }
}
