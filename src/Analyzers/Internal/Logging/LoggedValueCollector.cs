using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>
/// Turns the arguments of a recognised call into <see cref="LoggedValue"/>s: looks into messages (interpolation holes,
/// <c>+</c> operands, nested <c>string.Format</c>/<c>string.Concat</c>), expands <c>params</c> arrays in both forms,
/// anonymous objects and dictionaries member by member, and unwraps <c>JsonSerializer.Serialize</c>-style calls.
/// </summary>
internal sealed class LoggedValueCollector
{
    private readonly LoggingSymbols _symbols;
    private readonly ImmutableArray<LoggedValue>.Builder _values = ImmutableArray.CreateBuilder<LoggedValue>();

    public LoggedValueCollector(LoggingSymbols symbols)
    {
        _symbols = symbols;
    }

    public ImmutableArray<LoggedValue> ToImmutable() => _values.ToImmutable();

    /// <summary>
    /// Adds a message (template, format string, or a string written as is): its holes and operands when it is built, or
    /// the whole expression when it is a non-constant string. Returns the placeholders of a constant template.
    /// </summary>
    public List<Placeholder>? AddMessage(IOperation message, IParameterSymbol? target = null)
    {
        var unwrapped = message.WalkDownConversions();
        if (unwrapped.ConstantString() is { } constant)
        {
            return MessageTemplate.Parse(constant);
        }

        AddBuiltString(unwrapped, target, asWhole: LoggedValueShape.Argument, placeholder: null, destructured: false);
        return null;
    }

    /// <summary>Adds a value that fills <paramref name="placeholder"/> (or none): a template argument, a property value, a value written as is.</summary>
    public void AddValue(IOperation value, LoggedValueShape shape, string? placeholder, bool destructured, IParameterSymbol? target = null)
    {
        var unwrapped = value.WalkDownConversions();
        if (unwrapped.ConstantValue.HasValue || unwrapped is ILiteralOperation or IDefaultValueOperation)
        {
            return;
        }

        switch (unwrapped)
        {
            case IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } or IInterpolatedStringHandlerCreationOperation:
                if (unwrapped.Type.IsStringType() || unwrapped is IInterpolatedStringOperation or IInterpolatedStringHandlerCreationOperation)
                {
                    AddBuiltString(unwrapped, target, shape, placeholder, destructured);
                    return;
                }

                break;
            case IAnonymousObjectCreationOperation anonymous:
                AddAnonymousMembers(anonymous, destructured, serialized: false, target);
                return;
            case IObjectCreationOperation or IArrayCreationOperation when TryAddDictionary(unwrapped, destructured, serialized: false, target):
                return;
            case IInvocationOperation invocation when IsSerializeCall(invocation) && invocation.Arguments.Length > 0:
                AddSerialized(invocation.Arguments[0].Value, placeholder, target);
                return;
            case ILocalReferenceOperation local when TryAddLocalDictionary(local, destructured, serialized: false, target):
                return;
        }

        _values.Add(new LoggedValue(value, value.Syntax, shape, placeholder, destructured, serialized: false, target));
    }

    /// <summary>
    /// Adds template arguments: a <c>params</c> array in expanded or normal (<c>new object[] { … }</c>) form element by
    /// element, else the value itself; each fills the placeholder at its position.
    /// </summary>
    public void AddArguments(IArgumentOperation argument, List<Placeholder>? placeholders, ref int index, LoggedValueShape shape, IParameterSymbol? target = null)
    {
        var value = argument.Value.WalkDownConversions();
        if (argument.Parameter is { } parameter && parameter.Type is IArrayTypeSymbol)
        {
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    AddPositional(element, placeholders, index++, shape, target);
                }

                return;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray || value.ConstantValue.HasValue || value is IDefaultValueOperation)
            {
                // An empty expanded params array, or null.
                return;
            }
        }

        AddPositional(argument.Value, placeholders, index++, shape, target);
    }

    private void AddPositional(IOperation value, List<Placeholder>? placeholders, int index, LoggedValueShape shape, IParameterSymbol? target)
    {
        var placeholder = MessageTemplate.ForArgument(placeholders, index);
        var name = placeholder is { IsNumeric: false } p ? p.Name : placeholder?.Name;
        AddValue(value, shape, name, placeholder?.IsDestructured ?? false, target);
    }

    private void AddBuiltString(IOperation operation, IParameterSymbol? target, LoggedValueShape asWhole, string? placeholder, bool destructured)
    {
        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    AddInterpolationPart(part, target);
                }

                return;
            case IInterpolatedStringHandlerCreationOperation handler:
                AddBuiltString(handler.Content, target, asWhole, placeholder, destructured);
                return;
            case IInterpolatedStringAdditionOperation addition:
                AddBuiltString(addition.Left, target, asWhole, placeholder, destructured);
                AddBuiltString(addition.Right, target, asWhole, placeholder, destructured);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type.IsStringType():
                AddOperand(binary.LeftOperand, target);
                AddOperand(binary.RightOperand, target);
                return;
            case IInvocationOperation invocation when IsStringFormatOrConcat(invocation, out var isFormat):
                AddNestedFormat(invocation, isFormat, target);
                return;
            default:
                if (!operation.ConstantValue.HasValue)
                {
                    AddValue(operation, asWhole, placeholder, destructured, target);
                }

                return;
        }
    }

    private void AddOperand(IOperation operand, IParameterSymbol? target)
    {
        var unwrapped = operand.WalkDownConversions();
        if (unwrapped.ConstantValue.HasValue)
        {
            return;
        }

        if (unwrapped is IInterpolatedStringOperation or IInvocationOperation or (IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } and { Type.SpecialType: SpecialType.System_String }))
        {
            if (unwrapped is not IInvocationOperation invocation || IsStringFormatOrConcat(invocation, out _))
            {
                AddBuiltString(unwrapped, target, LoggedValueShape.ConcatenationOperand, null, false);
                return;
            }
        }

        AddValue(operand, LoggedValueShape.ConcatenationOperand, null, false, target);
    }

    private void AddInterpolationPart(IInterpolatedStringContentOperation part, IParameterSymbol? target)
    {
        switch (part)
        {
            case IInterpolationOperation interpolation:
                AddValue(interpolation.Expression, LoggedValueShape.InterpolationHole, null, false, target);
                break;
            case IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation { Arguments.Length: > 0 } append }:
                AddValue(append.Arguments[0].Value, LoggedValueShape.InterpolationHole, null, false, target);
                break;
        }
    }

    private void AddNestedFormat(IInvocationOperation invocation, bool isFormat, IParameterSymbol? target)
    {
        List<Placeholder>? placeholders = null;
        var index = 0;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || SymbolEqualityComparer.Default.Equals(parameter.Type, _symbols.FormatProvider))
            {
                continue;
            }

            if (isFormat && placeholders is null && parameter.Name == "format")
            {
                placeholders = argument.Value.ConstantString() is { } format ? MessageTemplate.Parse(format) : new List<Placeholder>();
                continue;
            }

            AddArguments(argument, placeholders, ref index, LoggedValueShape.Argument, target);
        }
    }

    private void AddAnonymousMembers(IAnonymousObjectCreationOperation anonymous, bool destructured, bool serialized, IParameterSymbol? target)
    {
        var declarators = (anonymous.Syntax as AnonymousObjectCreationExpressionSyntax)?.Initializers;
        for (var i = 0; i < anonymous.Initializers.Length; i++)
        {
            if (anonymous.Initializers[i] is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                continue;
            }

            SyntaxNode reportNode = declarators is { } list && i < list.Count ? list[i] : assignment.Value.Syntax;
            var memberValue = assignment.Value.WalkDownConversions();
            if (memberValue.ConstantValue.HasValue)
            {
                continue;
            }

            if (memberValue is IAnonymousObjectCreationOperation nested)
            {
                AddAnonymousMembers(nested, destructured, serialized, target);
                continue;
            }

            _values.Add(new LoggedValue(assignment.Value, reportNode, LoggedValueShape.AnonymousMember, property.Property.Name, destructured, serialized, target));
        }
    }

    /// <summary>Dictionaries and key/value collections written with constant string keys: each value, named by its key.</summary>
    private bool TryAddDictionary(IOperation creation, bool destructured, bool serialized, IParameterSymbol? target)
    {
        var found = false;
        switch (creation)
        {
            case IObjectCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.Initializers)
                {
                    switch (element)
                    {
                        // { "key", value } → Add("key", value)
                        case IInvocationOperation { Arguments.Length: 2 } add when add.Arguments[0].Value.ConstantString() is { } key:
                            AddDictionaryValue(add.Arguments[1].Value, key, destructured, serialized, target);
                            found = true;
                            break;

                        // ["key"] = value
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                            when indexer.Arguments[0].Value.ConstantString() is { } key:
                            AddDictionaryValue(assignment.Value, key, destructured, serialized, target);
                            found = true;
                            break;
                    }
                }

                break;
            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                found = AddKeyValuePairs(arrayInitializer.ElementValues, destructured, serialized, target);
                break;
        }

        return found;
    }

    /// <summary>
    /// A dictionary built in a local before the call (<c>var state = new Dictionary&lt;string, object&gt; { … };
    /// state["Email"] = email; logger.BeginScope(state)</c>) is judged like one written inline: each value with a
    /// constant key that the method puts into it — initializer entries, indexer assignments and <c>Add</c> calls.
    /// </summary>
    private bool TryAddLocalDictionary(ILocalReferenceOperation reference, bool destructured, bool serialized, IParameterSymbol? target)
    {
        var local = reference.Local;
        if (!IsStringKeyedPairs(local.Type))
        {
            return false;
        }

        var found = false;
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    found |= TryAddDictionary(initial.WalkDownConversions(), destructured, serialized, target);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned } assignment when SymbolEqualityComparer.Default.Equals(assigned.Local, local):
                    found |= TryAddDictionary(assignment.Value.WalkDownConversions(), destructured, serialized, target);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1, Instance: ILocalReferenceOperation indexed } indexer } entry
                    when SymbolEqualityComparer.Default.Equals(indexed.Local, local) && indexer.Arguments[0].Value.ConstantString() is { } key:
                    AddDictionaryValue(entry.Value, key, destructured, serialized, target);
                    found = true;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments.Length: 2, Instance: ILocalReferenceOperation added } add
                    when SymbolEqualityComparer.Default.Equals(added.Local, local) && add.Arguments[0].Value.ConstantString() is { } key:
                    AddDictionaryValue(add.Arguments[1].Value, key, destructured, serialized, target);
                    found = true;
                    break;
            }
        }

        return found;
    }

    /// <summary>True for dictionaries and other <c>IEnumerable&lt;KeyValuePair&lt;string, T&gt;&gt;</c> collections.</summary>
    private static bool IsStringKeyedPairs(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return false;
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T &&
                implemented.TypeArguments[0] is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair &&
                pair.TypeArguments[0].SpecialType == SpecialType.System_String &&
                pair.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic")
            {
                return true;
            }
        }

        return false;
    }

    private bool AddKeyValuePairs(ImmutableArray<IOperation> elements, bool destructured, bool serialized, IParameterSymbol? target)
    {
        var found = false;
        foreach (var element in elements)
        {
            if (element.WalkDownConversions() is IObjectCreationOperation { Arguments.Length: 2 } pair &&
                pair.Type is INamedTypeSymbol { Name: "KeyValuePair" } &&
                pair.Arguments[0].Value.ConstantString() is { } key)
            {
                AddDictionaryValue(pair.Arguments[1].Value, key, destructured, serialized, target);
                found = true;
            }
        }

        return found;
    }

    private void AddDictionaryValue(IOperation value, string key, bool destructured, bool serialized, IParameterSymbol? target)
    {
        var unwrapped = value.WalkDownConversions();
        if (unwrapped.ConstantValue.HasValue)
        {
            return;
        }

        _values.Add(new LoggedValue(value, value.Syntax, LoggedValueShape.DictionaryValue, key, destructured, serialized, target));
    }

    private void AddSerialized(IOperation value, string? placeholder, IParameterSymbol? target)
    {
        var unwrapped = value.WalkDownConversions();
        switch (unwrapped)
        {
            case IAnonymousObjectCreationOperation anonymous:
                AddAnonymousMembers(anonymous, destructured: true, serialized: true, target);
                return;
            case IObjectCreationOperation or IArrayCreationOperation when TryAddDictionary(unwrapped, destructured: true, serialized: true, target):
                return;
            case ILocalReferenceOperation local when TryAddLocalDictionary(local, destructured: true, serialized: true, target):
                return;
        }

        if (!unwrapped.ConstantValue.HasValue)
        {
            _values.Add(new LoggedValue(value, value.Syntax, LoggedValueShape.Argument, placeholder, destructured: false, serialized: true, target));
        }
    }

    private bool IsSerializeCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        return (method.Name == "Serialize" && SymbolEqualityComparer.Default.Equals(type, _symbols.SystemTextJsonSerializer)) ||
               (method.Name == "SerializeObject" && SymbolEqualityComparer.Default.Equals(type, _symbols.NewtonsoftJsonConvert));
    }

    private static bool IsStringFormatOrConcat(IInvocationOperation invocation, out bool isFormat)
    {
        var method = invocation.TargetMethod;
        isFormat = method.Name == "Format";
        return method.ContainingType?.SpecialType == SpecialType.System_String && (isFormat || method.Name == "Concat");
    }
}
