using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

internal static class OperationHelpers
{
    /// <summary>
    /// Strips what does not change a value: conversions, <c>await</c>, <c>.ConfigureAwait(…)</c>,
    /// <c>Task.FromResult(…)</c> / <c>ValueTask.FromResult</c> and the null-forgiving / parenthesis layers the operation tree keeps.
    /// </summary>
    public static IOperation? StripRaw(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    operation = instance;
                    continue;
                case IInvocationOperation { TargetMethod: { Name: "FromResult", IsStatic: true, ContainingType.Name: "Task" or "ValueTask" }, Arguments.Length: 1 } fromResult:
                    operation = fromResult.Arguments[0].Value;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Conversions only.</summary>
    public static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The constant string an argument or expression has, if any.</summary>
    public static string? ConstantString(IOperation? operation)
        => StripConversions(operation) is { ConstantValue: { HasValue: true, Value: string s } } ? s : null;

    /// <summary>The constant int an expression has (403, <c>StatusCodes.Status403Forbidden</c>, <c>(int)HttpStatusCode.Forbidden</c>).</summary>
    public static int? ConstantInt(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: int i })
        {
            return i;
        }

        return StripConversions(operation) is { ConstantValue: { HasValue: true, Value: int j } } ? j : null;
    }

    /// <summary>The argument bound to the parameter named <paramref name="name"/>, or at the ordinal, whichever exists.</summary>
    public static IArgumentOperation? FindArgument(IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }
}
