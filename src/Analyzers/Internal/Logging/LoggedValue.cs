using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>
/// One value a logging call writes: the expression, how it gets there and where a diagnostic about it goes.
/// </summary>
internal sealed class LoggedValue
{
    public LoggedValue(IOperation value, SyntaxNode reportNode, LoggedValueShape shape, string? placeholder, bool destructured, bool serialized = false, IParameterSymbol? targetParameter = null)
    {
        Value = value;
        ReportNode = reportNode;
        Shape = shape;
        Placeholder = placeholder;
        IsDestructured = destructured;
        IsSerialized = serialized;
        TargetParameter = targetParameter;
    }

    /// <summary>The value expression (conversions not yet unwrapped).</summary>
    public IOperation Value { get; }

    /// <summary>The node a diagnostic about this value is reported at (SPEC §3): the argument, hole, operand, member declarator…</summary>
    public SyntaxNode ReportNode { get; }

    public LoggedValueShape Shape { get; }

    /// <summary>The name of the template placeholder (or anonymous member, dictionary key, parameter, property) the value fills, without <c>@</c>/<c>$</c>.</summary>
    public string? Placeholder { get; }

    /// <summary>True when the sink writes the value's members: <c>{@x}</c>, <c>ForContext(…, destructureObjects: true)</c>.</summary>
    public bool IsDestructured { get; }

    /// <summary>True when the value is the object of a <c>JsonSerializer.Serialize</c>/<c>JsonConvert.SerializeObject</c> inside the call.</summary>
    public bool IsSerialized { get; }

    /// <summary>
    /// For a call to a project wrapper or a <c>[LoggerMessage]</c> method: the parameter the value is passed to. When that
    /// parameter is itself sensitive the diagnostic belongs inside the wrapper / at the declaration, not here.
    /// </summary>
    public IParameterSymbol? TargetParameter { get; }

    public LoggedValue With(IOperation value, SyntaxNode reportNode, LoggedValueShape shape, string? placeholder)
        => new(value, reportNode, shape, placeholder, IsDestructured, IsSerialized, TargetParameter);
}
