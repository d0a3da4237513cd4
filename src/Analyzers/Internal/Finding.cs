using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecureLogging.Analyzers.Internal.Logging;
using SecureLogging.Analyzers.Internal.Sensitivity;

namespace SecureLogging.Analyzers.Internal;

/// <summary>One sensitive value found in a logging call, ready to become an SL1001–SL1005 diagnostic.</summary>
internal sealed class Finding
{
    public Finding(string ruleId, SyntaxNode node, SensitiveKind kind, LoggedValueShape shape, string? placeholder, string display, string reason)
    {
        RuleId = ruleId;
        Node = node;
        Kind = kind;
        Shape = shape;
        Placeholder = placeholder;
        Display = display;
        Reason = reason;
    }

    public string RuleId { get; }

    public SyntaxNode Node { get; }

    public SensitiveKind Kind { get; }

    public LoggedValueShape Shape { get; }

    public string? Placeholder { get; }

    public string Display { get; }

    public string Reason { get; }

    /// <summary>The properties of CONTRACT §C: Kind, Shape, and Placeholder when there is one.</summary>
    public ImmutableDictionary<string, string?> Properties
    {
        get
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder.Add("Kind", Kind.ToString());
            builder.Add("Shape", Shape.ToString());
            if (Placeholder is not null)
            {
                builder.Add("Placeholder", Placeholder);
            }

            return builder.ToImmutable();
        }
    }

    public Diagnostic ToDiagnostic(DiagnosticDescriptor descriptor)
        => Diagnostic.Create(descriptor, Node.GetLocation(), Properties, Display, Reason);
}
