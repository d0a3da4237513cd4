using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.Sensitivity;

/// <summary>Sources, invocations, configuration keys, attributes and flow through locals.</summary>
internal sealed partial class SensitivityClassifier
{
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>> s_assignments = new();

    /// <summary>A local is sensitive when any value assigned to it in the method is (flow within the method).</summary>
    private Verdict Flow(ILocalSymbol local, IOperation root, int depth)
    {
        var result = Verdict.Unknown;
        if (!AssignmentsIn(root).TryGetValue(local, out var assignments))
        {
            return result;
        }

        foreach (var assigned in assignments)
        {
            if (assigned is IArgumentOperation output)
            {
                var byOut = OutValue(output, local.Type);
                if (byOut.IsSensitive && byOut.Kind.IsStrongerThan(result.Kind))
                {
                    result = byOut.WithReason("receives " + Display.Of(output.Parent?.Syntax ?? output.Syntax) + ", which " + byOut.Reason);
                }

                continue;
            }

            var verdict = Judge(assigned, depth + 1);
            if (verdict.IsSensitive && verdict.Kind.IsStrongerThan(result.Kind))
            {
                result = verdict.WithReason("holds '" + Display.Of(assigned.Syntax) + "', which " + verdict.Reason);
            }
        }

        return result;
    }

    /// <summary>
    /// Every value assigned to each local of a body — initializers, assignments, <c>out</c> arguments — found in one
    /// walk of the body and kept while the body's operation tree lives, instead of one walk per local asked about.
    /// </summary>
    private static Dictionary<ILocalSymbol, List<IOperation>> AssignmentsIn(IOperation root)
        => s_assignments.GetValue(root, static body =>
        {
            var map = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                        Add(map, declarator.Symbol, value);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(map, target.Local, assignment.Value);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out } output when OutLocal(output.Value) is { } local:
                        Add(map, local, output);
                        break;
                }
            }

            return map;
        });

    private static void Add(Dictionary<ILocalSymbol, List<IOperation>> map, ILocalSymbol local, IOperation value)
    {
        if (!map.TryGetValue(local, out var list))
        {
            map[local] = list = new List<IOperation>(1);
        }

        list.Add(value);
    }

    private static ILocalSymbol? OutLocal(IOperation? value)
    {
        if (value is IDeclarationExpressionOperation declaration)
        {
            value = declaration.Expression;
        }

        return (value as ILocalReferenceOperation)?.Local;
    }

    /// <summary><c>headers.TryGetValue("X-Api-Key", out var key)</c> reads the same value as <c>headers["X-Api-Key"]</c>.</summary>
    private Verdict OutValue(IArgumentOperation output, ITypeSymbol? localType)
    {
        if (output.Parent is not IInvocationOperation invocation || !invocation.TargetMethod.Name.StartsWith("TryGet", System.StringComparison.Ordinal))
        {
            return Verdict.Unknown;
        }

        string? key = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { RefKind: RefKind.None } && argument.Value.ConstantString() is { } constant)
            {
                key = constant;
                break;
            }
        }

        var receiverType = invocation.Instance?.Type ??
            (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.WalkDownConversions().Type : null);
        var receiver = invocation.Instance ??
            (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.WalkDownConversions() : null);
        return KeyedValue(receiver, receiverType, key, localType);
    }

    private Verdict JudgeInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        var comparer = SymbolEqualityComparer.Default;
        if (comparer.Equals(containing, Symbols.Redact) ||
            (method.Name.StartsWith("Redact", System.StringComparison.Ordinal) && IsComplianceRedaction(containing)))
        {
            return Verdict.Excluded;
        }

        if (comparer.Equals(containing, Symbols.ConfigurationExtensions) && method.Name == "GetConnectionString")
        {
            var name = ArgumentNamed(invocation, "name").ConstantString();
            return Verdict.Sensitive(SensitiveKind.Secret, name is null ? "is a connection string from configuration" : "is the connection string '" + name + "' from configuration", "connection string");
        }

        if ((comparer.Equals(containing, Symbols.ConfigurationBinder) && method.Name == "GetValue") ||
            (method.Name is "GetSection" or "GetRequiredSection" && (SensitivitySymbols.IsOrInherits(containing, Symbols.Configuration) || comparer.Equals(containing, Symbols.ConfigurationExtensions))))
        {
            if (ArgumentNamed(invocation, "key").ConstantString() is { } key)
            {
                return TypeRules.Apply(ConfigurationKey(SectionPath(ConfigurationReceiver(invocation), key)), invocation.Type, Symbols);
            }
        }

        // GetPasswordAsync names a password as much as GetPassword does.
        var methodName = method.Name.EndsWith("Async", System.StringComparison.Ordinal) && method.Name.Length > 5
            ? method.Name.Substring(0, method.Name.Length - 5)
            : method.Name;
        // CountRecoveryCodesAsync() is how many there are, as recoveryCodeCount would be.
        if (IsCount(methodName) && TypeRules.Classify(Awaited(invocation.Type), Symbols) == TypeClass.Numeric)
        {
            return Verdict.Excluded;
        }

        var byName = TypeRules.Apply(Verdict.FromName(Names.Classify(methodName)), invocation.Type, Symbols);
        if (byName.IsSensitive)
        {
            return byName.WithReason("is returned by " + method.Name + "(), which names " + Verdict.Article(byName.Phrase!));
        }

        if (byName.IsExcluded)
        {
            return byName;
        }

        if (invocation.Instance is { } instance && InheritsFromReceiver(method.Name, instance.Type))
        {
            return Derived(Judge(instance, depth + 1), instance, invocation.Type);
        }

        if (IsSerializeCall(method) && invocation.Arguments.Length > 0 && invocation.Arguments[0].Value is { } serialized)
        {
            return SerializedValue(serialized.WalkDownConversions(), depth);
        }

        // Encoding is not protection: Convert.ToBase64String(secretBytes), Encoding.UTF8.GetString(secretBytes), string.Join/Concat/Format.
        if (IsEncodingOrStringCombination(method) && invocation.Arguments.Length > 0)
        {
            var result = Verdict.Unknown;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value is { } value && !value.WalkDownConversions().ConstantValue.HasValue)
                {
                    result = Verdict.Max(result, Derived(Judge(value, depth + 1), value, invocation.Type));
                }
            }

            return result.IsSensitive ? result : Verdict.Unknown;
        }

        return Verdict.Unknown;
    }

    /// <summary>
    /// The JSON text of a value (<c>var json = JsonSerializer.Serialize(new { user, password })</c>) holds what the
    /// serialiser writes: an anonymous object's members, or the members of an object two levels deep, [JsonIgnore]d
    /// ones left out. Logged through a local, it is judged like the object logged with <c>Serialize</c> inline.
    /// </summary>
    private Verdict SerializedValue(IOperation value, int depth)
    {
        if (value is IAnonymousObjectCreationOperation anonymous)
        {
            var worst = Verdict.Unknown;
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation member } assignment)
                {
                    var verdict = Classify(assignment.Value, member.Property.Name);
                    if (verdict.IsSensitive && (!worst.IsSensitive || verdict.Kind.IsStrongerThan(worst.Kind)))
                    {
                        worst = verdict.WithReason("serialises the member '" + member.Property.Name + "', which " + verdict.Reason);
                    }
                }
            }

            return worst.IsSensitive ? worst : Verdict.Unknown;
        }

        var whole = Judge(value, depth + 1);
        if (whole.IsSensitive)
        {
            return whole.WithReason("serialises '" + Display.Of(value.Syntax) + "', which " + whole.Reason);
        }

        var members = Objects.Inspect(value.Type, ObjectMode.Serialized);
        return members.IsSensitive ? members.WithReason("serialises '" + Display.Of(value.Syntax) + "', and " + members.Reason) : Verdict.Unknown;
    }

    private static bool IsSerializeCall(IMethodSymbol method)
        => (method.Name == "Serialize" && SensitivitySymbols.HasFullName(method.ContainingType, "System.Text.Json", "JsonSerializer")) ||
           (method.Name == "SerializeObject" && SensitivitySymbols.HasFullName(method.ContainingType, "Newtonsoft.Json", "JsonConvert"));

    /// <summary>The T of Task&lt;T&gt; / ValueTask&lt;T&gt;, else the type itself.</summary>
    private static ITypeSymbol? Awaited(ITypeSymbol? type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task &&
           task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            ? task.TypeArguments[0]
            : type;

    private static bool IsCount(string methodName)
        => methodName.StartsWith("Count", System.StringComparison.Ordinal) && (methodName.Length == 5 || char.IsUpper(methodName[5]));

    private static bool IsEncodingOrStringCombination(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return method.IsStatic && method.Name is "Concat" or "Format" or "Join" or "Copy";
        }

        var ns = type.ContainingNamespace;
        return (type.Name == "Convert" && ns?.Name == "System" && method.Name is "ToBase64String" or "ToHexString" or "ToHexStringLower") ||
               (type.Name == "Encoding" && ns?.Name == "Text" && method.Name == "GetString");
    }

    private bool IsComplianceRedaction(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (SensitivitySymbols.IsOrInherits(type, Symbols.Redactor))
        {
            return true;
        }

        // RedactorExtensions and friends live next to Redactor.
        return SensitivitySymbols.HasFullName(type, "Microsoft.Extensions.Compliance.Redaction", type.Name);
    }

    private static IOperation? ArgumentNamed(IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The configuration a <c>GetSection</c>/<c>GetValue</c> call reads from: its receiver, or the extended argument.</summary>
    private static IOperation? ConfigurationReceiver(IInvocationOperation invocation)
        => invocation.Instance ??
           (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.WalkDownConversions() : null);

    /// <summary>
    /// The full configuration path of <paramref name="key"/> read from <paramref name="receiver"/>: a section taken with a
    /// constant key (<c>GetSection("ConnectionStrings")["Default"]</c> reads <c>ConnectionStrings:Default</c>), also
    /// through a local assigned once from one (<c>var jwt = config.GetSection("Jwt"); jwt["Key"]</c>).
    /// </summary>
    private string SectionPath(IOperation? receiver, string key)
    {
        for (var hops = 0; receiver is not null && hops < 8; hops++)
        {
            receiver = receiver.WalkDownConversions();
            if (receiver is ILocalReferenceOperation local)
            {
                receiver = SingleAssignment(local);
                continue;
            }

            if (receiver is not IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } section ||
                ArgumentNamed(section, "key").ConstantString() is not { } sectionKey)
            {
                break;
            }

            key = sectionKey + ":" + key;
            receiver = ConfigurationReceiver(section);
        }

        return key;
    }

    /// <summary>The value a local is initialised with when it is never assigned again in its body, else null.</summary>
    private static IOperation? SingleAssignment(ILocalReferenceOperation reference)
        => AssignmentsIn(reference.Root()).TryGetValue(reference.Local, out var values) && values.Count == 1 && values[0] is not IArgumentOperation
            ? values[0]
            : null;

    /// <summary>A configuration key is secret when any <c>:</c>-separated segment names a secret (<c>ConnectionStrings:Orders</c>, <c>Jwt:SigningKey</c>).</summary>
    private Verdict ConfigurationKey(string key)
    {
        var segments = key.Split(':');
        foreach (var segment in segments)
        {
            var name = Names.Classify(segment);
            if (name.IsSensitive && name.Kind.Category() == SensitiveCategory.Secret)
            {
                return Verdict.Sensitive(name.Kind, "is the configuration value '" + key + "', which names " + Verdict.Article(name.Phrase!), name.Phrase);
            }
        }

        // A section's bare "Key" (Jwt:Key, Stripe:Key, Encryption:Key) is the section's key material: the way
        // applications and the ASP.NET Core templates name a signing or API key in configuration.
        if (segments.Length > 1 && string.Equals(segments[segments.Length - 1].Trim(), "Key", System.StringComparison.OrdinalIgnoreCase))
        {
            return Verdict.Sensitive(SensitiveKind.Secret, "is the configuration value '" + key + "', the key of the '" + segments[segments.Length - 2] + "' section", "secret key");
        }

        return Verdict.Unknown;
    }

    /// <summary>Types that are secret whatever they are called: <c>SecureString</c>, <c>AuthenticationHeaderValue</c>.</summary>
    private Verdict Whole(ITypeSymbol? type)
    {
        if (type is null)
        {
            return Verdict.Unknown;
        }

        var comparer = SymbolEqualityComparer.Default;
        if (comparer.Equals(type, Symbols.SecureString))
        {
            return Verdict.Sensitive(SensitiveKind.Secret, "is a SecureString", "secret");
        }

        if (comparer.Equals(type, Symbols.AuthenticationHeaderValue))
        {
            return Verdict.Sensitive(SensitiveKind.Secret, "is an authentication header value (scheme and credentials)", "authorization header");
        }

        return Verdict.Unknown;
    }

    /// <summary>Members that are secret sources whatever their name says: <c>NetworkCredential.Password</c>, <c>IHeaderDictionary.Authorization</c>, <c>JwtSecurityToken.RawData</c>.</summary>
    private Verdict SourceMember(ISymbol symbol)
    {
        if (symbol is not IPropertySymbol property)
        {
            return Verdict.Unknown;
        }

        var type = property.ContainingType;
        var comparer = SymbolEqualityComparer.Default;
        if ((property.Name is "Password" or "SecurePassword" && comparer.Equals(type, Symbols.NetworkCredential)) ||
            (property.Name == "Authorization" && comparer.Equals(type, Symbols.HeaderDictionary)) ||
            (property.Name is "RawData" or "RawSignature" && comparer.Equals(type, Symbols.JwtSecurityToken)))
        {
            var kind = property.Name == "RawData" ? SensitiveKind.Token : SensitiveKind.Secret;
            return Verdict.Sensitive(kind, "is " + type!.Name + "." + property.Name + ", which holds credentials", kind == SensitiveKind.Token ? "token" : "secret");
        }

        return Verdict.Unknown;
    }

    /// <summary>
    /// [NotSensitive] clears; [Sensitive] makes a secret; Identity [PersonalData]/[ProtectedPersonalData] and any
    /// Compliance data classification make personal data. A record's property also carries its primary-constructor
    /// parameter's attributes.
    /// </summary>
    public Verdict Attributes(ISymbol symbol)
    {
        var result = AttributesOf(symbol);
        if (result.IsSensitive || result.IsExcluded || symbol is not IPropertySymbol { ContainingType: { IsRecord: true } record } property)
        {
            return result;
        }

        foreach (var constructor in record.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Name == property.Name)
                {
                    return AttributesOf(parameter);
                }
            }
        }

        return result;
    }

    private Verdict AttributesOf(ISymbol symbol)
    {
        var result = Verdict.Unknown;
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            if (Is(type, Symbols.NotSensitiveAttribute, "SecureLogging", "NotSensitiveAttribute"))
            {
                return Verdict.Excluded;
            }

            if (Is(type, Symbols.SensitiveAttribute, "SecureLogging", "SensitiveAttribute"))
            {
                result = Verdict.Max(result, Verdict.Sensitive(SensitiveKind.Secret, "is marked [Sensitive]", "secret"));
            }
            else if (SensitivitySymbols.IsOrInherits(type, Symbols.PersonalDataAttribute) && !IsFrameworkIdentifier(symbol))
            {
                result = Verdict.Max(result, Verdict.Sensitive(SensitiveKind.Personal, "is marked [" + ShortName(type) + "]", "personal data"));
            }
            else if (SensitivitySymbols.IsOrInherits(type, Symbols.DataClassificationAttribute))
            {
                result = Verdict.Max(result, Verdict.Sensitive(SensitiveKind.Personal, "is classified [" + ShortName(type) + "]", "classified data"));
            }
        }

        return result;
    }

    /// <summary>
    /// ASP.NET Core Identity marks <c>IdentityUser.Id</c> and <c>UserName</c> [PersonalData] so that they go into the
    /// user's personal-data download; they are the account identifiers every security event carries, and §5's
    /// excluded tails (id, name) say so. An application's own [PersonalData] members are always honoured.
    /// </summary>
    private bool IsFrameworkIdentifier(ISymbol symbol)
        => !symbol.Locations.IsEmpty && !symbol.Locations[0].IsInSource && Names.Classify(symbol.Name) is { IsSensitive: false } &&
           Names.EndsWithExcludedTail(symbol.Name);

    /// <summary>True when the symbol carries a Microsoft.Extensions.Compliance data classification (redaction-enabled logging handles it).</summary>
    public bool IsClassified(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SensitivitySymbols.IsOrInherits(attribute.AttributeClass, Symbols.DataClassificationAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? resolved, string ns, string name)
        => resolved is not null ? SymbolEqualityComparer.Default.Equals(type, resolved) : SensitivitySymbols.HasFullName(type, ns, name);

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private static string ShortName(INamedTypeSymbol type)
        => type.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
}
