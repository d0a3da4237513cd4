using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal;

internal static class OperationExtensions
{
    /// <summary>The operand under any conversions (<c>(object)password</c>, boxing into <c>params object[]</c>).</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The constant string value of an operation, or null.</summary>
    public static string? ConstantString(this IOperation? operation)
        => operation is not null && operation.ConstantValue.HasValue ? operation.ConstantValue.Value as string : null;

    /// <summary>The outermost operation of the body the operation belongs to.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    public static bool IsStringType(this ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
}
