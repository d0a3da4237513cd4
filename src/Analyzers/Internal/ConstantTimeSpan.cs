using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal;

/// <summary>
/// Evaluates a <see cref="TimeSpan"/> expression built only from constants — <c>TimeSpan.FromDays(30)</c>,
/// <c>new TimeSpan(30, 0, 0, 0)</c>, <c>TimeSpan.FromDays(365) * 7</c>, <c>TimeSpan.Parse("90.00:00:00")</c> — the way
/// the runtime would, without running user code. Anything that is not such a constant (a variable, a configuration
/// value, a method of the app) is "unknown": rules then stay silent rather than guess.
/// </summary>
internal static class ConstantTimeSpan
{
    public const double TicksPerDay = 864_000_000_000d;

    // Deeper trees are not written by hand; the cap only keeps a pathological generated expression cheap.
    private const int MaxDepth = 32;

    /// <summary>The value in ticks (a double, so out-of-range arithmetic cannot overflow), or false when not a constant.</summary>
    public static bool TryEvaluate(IOperation? operation, INamedTypeSymbol timeSpanType, out double ticks)
        // Beyond TimeSpan's range the runtime throws OverflowException: that is not a retention, so not a constant.
        => TryEvaluate(operation, timeSpanType, 0, out ticks) && !double.IsNaN(ticks) && Math.Abs(ticks) <= long.MaxValue;

    private static bool TryEvaluate(IOperation? operation, INamedTypeSymbol timeSpanType, int depth, out double ticks)
    {
        ticks = 0;
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case IConversionOperation conversion when !conversion.Conversion.IsUserDefined && IsTimeSpan(conversion.Operand.Type, timeSpanType):
                return TryEvaluate(conversion.Operand, timeSpanType, depth + 1, out ticks);
            case IParenthesizedOperation parenthesized:
                return TryEvaluate(parenthesized.Operand, timeSpanType, depth + 1, out ticks);
            case IDefaultValueOperation when IsTimeSpan(operation.Type, timeSpanType):
                return true;
            case IFieldReferenceOperation field when IsTimeSpan(field.Field.ContainingType, timeSpanType):
                return TryWellKnownField(field.Field.Name, out ticks);
            case IObjectCreationOperation creation when IsTimeSpan(creation.Type, timeSpanType):
                return TrySumArguments(creation.Arguments, unitOfValue: 1, out ticks);
            case IInvocationOperation invocation when IsTimeSpan(invocation.TargetMethod.ContainingType, timeSpanType):
                return TryInvocation(invocation, timeSpanType, depth, out ticks);
            case IBinaryOperation binary when IsTimeSpan(binary.Type, timeSpanType):
                return TryBinary(binary, timeSpanType, depth, out ticks);
            case IUnaryOperation unary when IsTimeSpan(unary.Type, timeSpanType):
                if (!TryEvaluate(unary.Operand, timeSpanType, depth + 1, out ticks))
                {
                    return false;
                }

                if (unary.OperatorKind == UnaryOperatorKind.Minus)
                {
                    ticks = -ticks;
                    return true;
                }

                return unary.OperatorKind == UnaryOperatorKind.Plus;
            default:
                return false;
        }
    }

    private static bool TryInvocation(IInvocationOperation invocation, INamedTypeSymbol timeSpanType, int depth, out double ticks)
    {
        ticks = 0;
        var method = invocation.TargetMethod;
        if (method.IsStatic)
        {
            if (method.Name == "Parse" && invocation.Arguments.Length >= 1
                && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text }
                && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
            {
                ticks = parsed.Ticks;
                return true;
            }

            var unit = UnitOfFactory(method.Name);
            return unit > 0 && TrySumArguments(invocation.Arguments, unit, out ticks);
        }

        if (!TryEvaluate(invocation.Instance, timeSpanType, depth + 1, out var instance))
        {
            return false;
        }

        switch (method.Name)
        {
            case "Negate" when invocation.Arguments.Length == 0:
                ticks = -instance;
                return true;
            case "Duration" when invocation.Arguments.Length == 0:
                ticks = Math.Abs(instance);
                return true;
            case "Add" or "Subtract" when invocation.Arguments.Length == 1:
                if (!TryEvaluate(invocation.Arguments[0].Value, timeSpanType, depth + 1, out var other))
                {
                    return false;
                }

                ticks = method.Name == "Add" ? instance + other : instance - other;
                return true;
            case "Multiply" or "Divide" when invocation.Arguments.Length == 1:
                if (!TryNumber(invocation.Arguments[0].Value, out var factor) || (method.Name == "Divide" && factor == 0))
                {
                    return false;
                }

                ticks = method.Name == "Multiply" ? instance * factor : instance / factor;
                return true;
            default:
                return false;
        }
    }

    private static bool TryBinary(IBinaryOperation binary, INamedTypeSymbol timeSpanType, int depth, out double ticks)
    {
        ticks = 0;
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add or BinaryOperatorKind.Subtract:
                if (!TryEvaluate(binary.LeftOperand, timeSpanType, depth + 1, out var left)
                    || !TryEvaluate(binary.RightOperand, timeSpanType, depth + 1, out var right))
                {
                    return false;
                }

                ticks = binary.OperatorKind == BinaryOperatorKind.Add ? left + right : left - right;
                return true;
            case BinaryOperatorKind.Multiply:
                // TimeSpan * double and double * TimeSpan.
                if (TryEvaluate(binary.LeftOperand, timeSpanType, depth + 1, out var span) && TryNumber(binary.RightOperand, out var factor))
                {
                    ticks = span * factor;
                    return true;
                }

                if (TryNumber(binary.LeftOperand, out factor) && TryEvaluate(binary.RightOperand, timeSpanType, depth + 1, out span))
                {
                    ticks = span * factor;
                    return true;
                }

                return false;
            case BinaryOperatorKind.Divide:
                if (TryEvaluate(binary.LeftOperand, timeSpanType, depth + 1, out span) && TryNumber(binary.RightOperand, out var divisor) && divisor != 0)
                {
                    ticks = span / divisor;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Sums constant arguments, each scaled by the unit its parameter name says (<c>days</c>, <c>hours</c>…).</summary>
    private static bool TrySumArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, double unitOfValue, out double ticks)
    {
        ticks = 0;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is null || !TryNumber(argument.Value, out var number))
            {
                return false;
            }

            var unit = UnitOfParameter(argument.Parameter.Name, unitOfValue);
            if (unit <= 0)
            {
                return false;
            }

            ticks += number * unit;
        }

        return true;
    }

    private static bool TryNumber(IOperation operation, out double number)
    {
        number = 0;
        var constant = operation.ConstantValue;
        if (!constant.HasValue || constant.Value is null or string or bool or char)
        {
            return false;
        }

        try
        {
            number = Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture);
            return !double.IsNaN(number) && !double.IsInfinity(number);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private static bool TryWellKnownField(string name, out double ticks)
    {
        switch (name)
        {
            case "Zero":
                ticks = 0;
                return true;
            case "MaxValue":
                ticks = long.MaxValue;
                return true;
            case "MinValue":
                ticks = long.MinValue;
                return true;
            default:
                ticks = 0;
                return false;
        }
    }

    private static double UnitOfFactory(string methodName) => methodName switch
    {
        "FromDays" => TicksPerDay,
        "FromHours" => TicksPerDay / 24,
        "FromMinutes" => TicksPerDay / 1440,
        "FromSeconds" => 10_000_000d,
        "FromMilliseconds" => 10_000d,
        "FromMicroseconds" => 10d,
        "FromTicks" => 1d,
        _ => 0,
    };

    /// <summary>
    /// The unit of one parameter of a <c>TimeSpan</c> constructor or factory. <c>value</c> (the classic
    /// <c>FromDays(double value)</c>) and <c>ticks</c> take the unit of the member itself.
    /// </summary>
    private static double UnitOfParameter(string parameterName, double unitOfValue) => parameterName switch
    {
        "value" => unitOfValue,
        "ticks" => 1d,
        "days" => TicksPerDay,
        "hours" => TicksPerDay / 24,
        "minutes" => TicksPerDay / 1440,
        "seconds" => 10_000_000d,
        "milliseconds" => 10_000d,
        "microseconds" => 10d,
        _ => 0,
    };

    private static bool IsTimeSpan(ITypeSymbol? type, INamedTypeSymbol timeSpanType)
        => SymbolEqualityComparer.Default.Equals(type, timeSpanType);
}
