namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>How a value reaches the log; the names are the <c>Shape</c> diagnostic property of CONTRACT §C.</summary>
internal enum LoggedValueShape
{
    /// <summary>A template/format argument, a <c>params</c> element, or a value written as is (<c>Console.WriteLine(x)</c>).</summary>
    Argument,

    /// <summary>The expression of an interpolation hole in the message.</summary>
    InterpolationHole,

    /// <summary>A non-constant operand of a <c>+</c> concatenation in the message.</summary>
    ConcatenationOperand,

    /// <summary>A member declarator of an anonymous object that is logged (its ToString prints every member).</summary>
    AnonymousMember,

    /// <summary>The value of a dictionary entry logged as scope state or argument.</summary>
    DictionaryValue,

    /// <summary>A parameter of a <c>[LoggerMessage]</c> method declaration.</summary>
    LoggerMessageParameter,

    /// <summary>An argument of the invocation of a <c>LoggerMessage.Define</c> delegate.</summary>
    DelegateArgument,

    /// <summary>A whole object whose members are written (destructured, serialised, a record); set by SL1003/SL1004.</summary>
    ObjectArgument,

    /// <summary>An operand of the message of a <c>new XxxException(…)</c>.</summary>
    ExceptionMessageOperand,
}
