using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>What a branch condition tests about an API's result.</summary>
internal enum ResultTestKind
{
    None,
    Succeeded,
    IsLockedOut,
    RequiresTwoFactor,
    IsNotAllowed,
}

/// <summary>
/// Recognises branch conditions on an API result: <c>result.Succeeded</c>, <c>!result.Succeeded</c>,
/// <c>result.IsLockedOut</c>, <c>result.RequiresTwoFactor</c>, <c>result.IsNotAllowed</c>, a <c>bool</c> result
/// (<c>if (!await userManager.CheckPasswordAsync(…))</c>), <c>== false</c>, <c>is false</c>, and
/// <c>result == PasswordVerificationResult.Failed</c>; through locals and the graph's flow captures.
/// </summary>
internal sealed class ResultTests
{
    private static readonly Dictionary<CaptureId, List<IOperation>> NoCaptures = new();

    private readonly Dictionary<CaptureId, List<IOperation>> _captures;
    private readonly SyntaxNode _resultNode;
    private readonly ILocalSymbol? _resultLocal;
    private readonly INamedTypeSymbol? _passwordVerificationResult;

    /// <param name="captures">The graph's flow captures, or null for a plain operation tree (the code fixes read syntax).</param>
    public ResultTests(Dictionary<CaptureId, List<IOperation>>? captures, SyntaxNode resultNode, ILocalSymbol? resultLocal, INamedTypeSymbol? passwordVerificationResult)
    {
        _captures = captures ?? NoCaptures;
        _resultNode = resultNode;
        _resultLocal = resultLocal;
        _passwordVerificationResult = passwordVerificationResult;
    }

    /// <summary>The test and the value of it that makes the condition true.</summary>
    public (ResultTestKind Kind, bool Positive) Classify(IOperation condition)
    {
        var positive = true;
        IOperation? operation = condition;
        for (var depth = 0; depth < 16 && operation is not null; depth++)
        {
            operation = OperationHelpers.StripConversions(operation);
            switch (operation)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    positive = !positive;
                    operation = not.Operand;
                    continue;
                case IFlowCaptureReferenceOperation reference when _captures.TryGetValue(reference.Id, out var values) && values.Count == 1:
                    operation = values[0];
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                {
                    var equals = binary.OperatorKind == BinaryOperatorKind.Equals;
                    if (ConstantBool(binary.RightOperand) is { } right)
                    {
                        positive ^= !(equals == right);
                        operation = binary.LeftOperand;
                        continue;
                    }

                    if (ConstantBool(binary.LeftOperand) is { } left)
                    {
                        positive ^= !(equals == left);
                        operation = binary.RightOperand;
                        continue;
                    }

                    var member = VerificationMember(binary.RightOperand) is { } rightMember && IsResult(binary.LeftOperand, 0) ? rightMember
                        : VerificationMember(binary.LeftOperand) is { } leftMember && IsResult(binary.RightOperand, 0) ? leftMember
                        : null;
                    if (member is not null)
                    {
                        // result == Failed holds when the verification did not succeed; != Failed when it did.
                        var holdsOnFailure = (member == "Failed") == equals;
                        return (ResultTestKind.Succeeded, holdsOnFailure ? !positive : positive);
                    }

                    return (ResultTestKind.None, true);
                }

                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern:
                {
                    if (ConstantBool(constant.Value) is { } value)
                    {
                        positive ^= !value;
                        operation = pattern.Value;
                        continue;
                    }

                    if (VerificationMember(constant.Value) is { } member && IsResult(pattern.Value, 0))
                    {
                        return (ResultTestKind.Succeeded, positive ^ (member == "Failed"));
                    }

                    return (ResultTestKind.None, true);
                }

                case IIsPatternOperation { Pattern: IRecursivePatternOperation or INegatedPatternOperation } pattern when IsResult(pattern.Value, 0):
                    // `result is { Succeeded: true }`, `result is not { IsLockedOut: true }`, and the arms of a switch
                    // expression or statement over the result, which the graph lowers to the same pattern tests.
                    return PropertyPattern(pattern.Pattern, positive);

                case IPropertyReferenceOperation property when IsResult(property.Instance, 0):
                {
                    var kind = KindOf(property.Property.Name);
                    return kind == ResultTestKind.None ? (ResultTestKind.None, true) : (kind, positive);
                }

                default:
                    if (operation!.Type?.SpecialType == SpecialType.System_Boolean && IsResult(operation, 0))
                    {
                        return (ResultTestKind.Succeeded, positive);
                    }

                    return (ResultTestKind.None, true);
            }
        }

        return (ResultTestKind.None, true);
    }

    private static ResultTestKind KindOf(string propertyName) => propertyName switch
    {
        "Succeeded" => ResultTestKind.Succeeded,
        "IsLockedOut" => ResultTestKind.IsLockedOut,
        "RequiresTwoFactor" => ResultTestKind.RequiresTwoFactor,
        "IsNotAllowed" => ResultTestKind.IsNotAllowed,
        _ => ResultTestKind.None,
    };

    /// <summary>
    /// A property pattern on the result with one boolean subpattern (<c>{ Succeeded: true }</c>, <c>{ IsLockedOut: not false }</c>),
    /// under any number of <c>not</c>s; anything richer is not a test this analysis tells apart.
    /// </summary>
    private static (ResultTestKind Kind, bool Positive) PropertyPattern(IPatternOperation pattern, bool positive)
    {
        while (pattern is INegatedPatternOperation negated)
        {
            positive = !positive;
            pattern = negated.Pattern;
        }

        if (pattern is not IRecursivePatternOperation { PropertySubpatterns.Length: 1, DeconstructionSubpatterns.Length: 0 } recursive
            || recursive.PropertySubpatterns[0] is not { Member: IPropertyReferenceOperation { Property: { } property }, Pattern: { } subpattern })
        {
            return (ResultTestKind.None, true);
        }

        while (subpattern is INegatedPatternOperation negatedValue)
        {
            positive = !positive;
            subpattern = negatedValue.Pattern;
        }

        var kind = KindOf(property.Name);
        if (kind == ResultTestKind.None || subpattern is not IConstantPatternOperation constant || ConstantBool(constant.Value) is not { } value)
        {
            return (ResultTestKind.None, true);
        }

        return (kind, value ? positive : !positive);
    }

    private static bool? ConstantBool(IOperation? operation)
        => OperationHelpers.StripConversions(operation) is { ConstantValue: { HasValue: true, Value: bool value } } ? value : null;

    private string? VerificationMember(IOperation? operation)
        => _passwordVerificationResult is not null
            && OperationHelpers.StripConversions(operation) is IFieldReferenceOperation { Field: { } field }
            && SymbolEqualityComparer.Default.Equals(field.ContainingType, _passwordVerificationResult)
                ? field.Name
                : null;

    private bool IsResult(IOperation? operation, int depth)
    {
        operation = OperationHelpers.StripRaw(operation);
        switch (operation)
        {
            case null:
                return false;
            case ILocalReferenceOperation local:
                return _resultLocal is not null && SymbolEqualityComparer.Default.Equals(local.Local, _resultLocal);
            case IFlowCaptureReferenceOperation reference when depth < 8 && _captures.TryGetValue(reference.Id, out var values):
                foreach (var value in values)
                {
                    if (IsResult(value, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return operation.Syntax == _resultNode;
        }
    }
}
