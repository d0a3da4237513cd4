using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>A recognised logging call (or security event) and every value it writes.</summary>
internal sealed class LoggingCall
{
    public LoggingCall(IOperation operation, LoggingFramework framework, IOperation? message, ImmutableArray<LoggedValue> values)
    {
        Operation = operation;
        Framework = framework;
        Message = message;
        Values = values;
    }

    /// <summary>The invocation (or, for a <c>[LoggerMessage]</c> declaration, nothing: see <see cref="LoggerMessageMethods"/>).</summary>
    public IOperation Operation { get; }

    public LoggingFramework Framework { get; }

    /// <summary>True for <c>SecurityLog</c> calls: judged for secrets and card data only (SPEC §4).</summary>
    public bool IsSecurityEvent => Framework == LoggingFramework.SecurityEvent;

    /// <summary>The message/template argument value, when the call has one; its holes and operands are among <see cref="Values"/>.</summary>
    public IOperation? Message { get; }

    /// <summary>
    /// Every value the call writes: template arguments with their placeholders, interpolation holes and concatenation
    /// operands of the message, anonymous-object members, dictionary values, values written as is.
    /// </summary>
    public ImmutableArray<LoggedValue> Values { get; }
}
