using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureLogging.Analyzers.CodeFixes.Internal;

/// <summary>
/// What an SL1001–SL1005 diagnostic says about the value (CONTRACT §C properties) and the node it points at: the
/// argument expression, the hole's expression, the operand, the anonymous member declarator, the dictionary value, the
/// <c>[LoggerMessage]</c> parameter or the logged object.
/// </summary>
internal sealed class SensitiveDiagnostic
{
    public const string KindProperty = "Kind";
    public const string ShapeProperty = "Shape";
    public const string PlaceholderProperty = "Placeholder";

    private SensitiveDiagnostic(Diagnostic diagnostic, SyntaxNode node, string kind, string shape, string? placeholder)
    {
        Diagnostic = diagnostic;
        Node = node;
        Kind = kind;
        Shape = shape;
        Placeholder = placeholder;
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The reported node, normalised: an expression, an anonymous member declarator or a parameter.</summary>
    public SyntaxNode Node { get; }

    /// <summary><c>Secret</c>, <c>Token</c>, <c>CardNumber</c>, <c>CardSecurityCode</c>, <c>BankAccount</c>, <c>Email</c>, <c>Phone</c>, <c>Personal</c>.</summary>
    public string Kind { get; }

    public string Shape { get; }

    public string? Placeholder { get; }

    /// <summary>The value expression the diagnostic is about (the declarator's expression for an anonymous member).</summary>
    public ExpressionSyntax? Expression => Node switch
    {
        AnonymousObjectMemberDeclaratorSyntax declarator => declarator.Expression,
        ExpressionSyntax expression => expression,
        _ => null,
    };

    /// <summary>CVV/CVC/PIN data must never be logged, not even masked (PCI DSS 3.3.1): the only fix is to remove it.</summary>
    public bool MustBeRemoved => Kind == "CardSecurityCode";

    public static SensitiveDiagnostic? Create(SyntaxNode root, Diagnostic diagnostic, SyntaxNode? node = null)
    {
        if (node is null)
        {
            if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        }

        var properties = diagnostic.Properties;
        properties.TryGetValue(KindProperty, out var kind);
        properties.TryGetValue(ShapeProperty, out var shape);
        properties.TryGetValue(PlaceholderProperty, out var placeholder);
        kind ??= DefaultKind(diagnostic.Id);

        var normalised = Normalise(node, shape);
        if (normalised is null)
        {
            return null;
        }

        shape ??= InferShape(normalised);
        return new SensitiveDiagnostic(diagnostic, normalised, kind, shape, string.IsNullOrEmpty(placeholder) ? null : placeholder);
    }

    private static SyntaxNode? Normalise(SyntaxNode node, string? shape)
    {
        if (shape == "LoggerMessageParameter")
        {
            return node.FirstAncestorOrSelf<ParameterSyntax>();
        }

        // `new { password }`: the declarator and its expression share a span; the declarator is the reported node.
        var declarator = node.FirstAncestorOrSelf<AnonymousObjectMemberDeclaratorSyntax>();
        if (declarator is not null && (shape == "AnonymousMember" || declarator.Span == node.Span || node == declarator))
        {
            return declarator;
        }

        return node switch
        {
            ArgumentSyntax argument => argument.Expression,
            InterpolationSyntax interpolation => interpolation.Expression,
            ExpressionSyntax expression => expression,
            _ => null,
        };
    }

    private static string InferShape(SyntaxNode node)
    {
        if (node is AnonymousObjectMemberDeclaratorSyntax)
        {
            return "AnonymousMember";
        }

        var context = SyntaxHelpers.WalkUpParentheses(node);
        return context.Parent switch
        {
            InterpolationSyntax => "InterpolationHole",
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => "ConcatenationOperand",
            _ => "Argument",
        };
    }

    private static string DefaultKind(string id) => id switch
    {
        "SL1002" => "CardNumber",
        "SL1003" => "Personal",
        _ => "Secret",
    };
}
