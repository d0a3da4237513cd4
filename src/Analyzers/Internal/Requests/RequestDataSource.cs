using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.Internal.Requests;

/// <summary>
/// Decides whether a value is text an HTTP client controls (SPEC §3, SL3001): read from <c>HttpRequest</c> (query, form,
/// headers, cookies, path, body, route values, uploaded file names), a model-bound parameter of a controller action,
/// Razor page handler or minimal-API handler (or a member of one), or a <c>[BindProperty]</c> property; through string
/// methods, <c>??</c>, <c>?:</c>, <c>await</c> and locals initialised from one. Only text can forge a log line: numbers,
/// booleans, dates, enums and Guids are never request text, whatever their origin.
/// </summary>
internal sealed class RequestDataSource
{
    private const int MaxDepth = 6;

    private readonly RequestSymbols _symbols;

    public RequestDataSource(Compilation compilation)
    {
        _symbols = new RequestSymbols(compilation);
    }

    public bool IsAvailable => _symbols.IsAvailable;

    /// <summary>True when <paramref name="value"/> is request text; <paramref name="reason"/> completes "'x' …".</summary>
    public bool IsRequestText(IOperation value, out string reason)
    {
        reason = string.Empty;
        var operand = value.WalkDownConversions();
        if (!IsTextType(operand.Type))
        {
            return false;
        }

        var found = Trace(operand, 0);
        reason = found ?? string.Empty;
        return found is not null;
    }

    /// <summary>string, StringValues, PathString, QueryString, HostString, or object (a route value): the types that carry text.</summary>
    public bool IsTextType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
        {
            return true;
        }

        return Is(type, _symbols.StringValues) || Is(type, _symbols.PathString) || Is(type, _symbols.QueryString) || Is(type, _symbols.HostString);
    }

    private string? Trace(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IPropertyReferenceOperation property:
                return FromProperty(property, depth);
            case IParameterReferenceOperation parameter:
                return IsModelBound(parameter.Parameter, operation.SemanticModel) ? "is a model-bound request parameter" : null;
            case ILocalReferenceOperation local:
                return FromLocal(local, depth);
            case IInvocationOperation invocation:
                return FromInvocation(invocation, depth);
            case IAwaitOperation awaited:
                return Trace(awaited.Operation, depth + 1);
            case ICoalesceOperation coalesce:
                return Trace(coalesce.Value, depth + 1) ?? Trace(coalesce.WhenNull, depth + 1);
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return Trace(conditional.WhenTrue, depth + 1) ?? Trace(conditional.WhenFalse, depth + 1);
            case IConditionalAccessOperation access:
                return Trace(access.WhenNotNull, depth + 1);
            case IConditionalAccessInstanceOperation instance:
                return instance.Parent?.Parent is IConditionalAccessOperation owner ? Trace(owner.Operation, depth + 1) : null;
            default:
                return null;
        }
    }

    private string? FromProperty(IPropertyReferenceOperation reference, int depth)
    {
        var property = reference.Property;
        var container = property.ContainingType;
        if (property.IsIndexer)
        {
            return CollectionReason(container);
        }

        if (Is(container, _symbols.HttpRequest) || InheritsFrom(container, _symbols.HttpRequest))
        {
            return property.Name switch
            {
                "Path" or "PathBase" => "comes from the request path",
                "QueryString" => "comes from the request query string",
                "Host" or "ContentType" => "comes from a request header",
                _ => null,
            };
        }

        // Typed header accessors of .NET 6+: Headers.UserAgent, Headers.Referer…
        if (Implements(container, _symbols.HeaderDictionary))
        {
            return Is(property.Type, _symbols.StringValues) ? "comes from a request header" : null;
        }

        if (Implements(container, _symbols.FormFile))
        {
            return property.Name is "FileName" or "Name" or "ContentType" or "ContentDisposition" ? "comes from an uploaded file" : null;
        }

        if (IsBoundProperty(property))
        {
            return "is bound from the request";
        }

        // model.UserName where model is a bound parameter: the members of a bound model are request data too.
        if (reference.Instance is { } instance && property.Type.SpecialType == SpecialType.System_String)
        {
            return Trace(instance, depth + 1) is not null ? "comes from a model bound from the request" : null;
        }

        return null;
    }

    private string? CollectionReason(INamedTypeSymbol container)
    {
        if (Implements(container, _symbols.QueryCollection))
        {
            return "comes from the request query string";
        }

        if (Implements(container, _symbols.FormCollection))
        {
            return "comes from the request form";
        }

        if (Implements(container, _symbols.HeaderDictionary))
        {
            return "comes from a request header";
        }

        if (Implements(container, _symbols.RequestCookies))
        {
            return "comes from a request cookie";
        }

        if (Is(container, _symbols.RouteValueDictionary))
        {
            return "comes from the request route values";
        }

        return null;
    }

    private string? FromInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var receiver = invocation.Instance;
        if (receiver is null && method.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            receiver = invocation.Arguments[0].Value;
        }

        switch (method.Name)
        {
            case "ToString" or "Trim" or "TrimStart" or "TrimEnd" or "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant"
                or "Substring" or "PadLeft" or "PadRight" or "Normalize" or "First" or "FirstOrDefault" or "Last" or "LastOrDefault"
                or "Single" or "SingleOrDefault" or "ElementAt" or "ElementAtOrDefault" or "GetValueOrDefault":
                // Text in, same text out (or part of it): a CR/LF survives. A number's ToString() has no CR/LF to carry.
                return receiver is null || !IsTextType(receiver.WalkDownConversions().Type) ? null : Trace(receiver, depth + 1);
            case "GetDisplayUrl" when receiver is not null && IsRequest(receiver.WalkDownConversions().Type):
                // The display form decodes the path and query (GetEncodedUrl keeps them percent-encoded).
                return "is the request URL, decoded";
            case "ReadFromJsonAsync" when receiver is not null && IsRequest(receiver.WalkDownConversions().Type):
                return "comes from the request body";
            case "ReadToEnd" or "ReadToEndAsync" or "ReadLine" or "ReadLineAsync" when InheritsFrom(method.ContainingType, _symbols.TextReader) || Is(method.ContainingType, _symbols.TextReader):
                return receiver is not null && ReadsRequestBody(receiver, depth) ? "comes from the request body" : null;
            default:
                return null;
        }
    }

    private bool IsRequest(ITypeSymbol? type)
        => type is INamedTypeSymbol named && (Is(named, _symbols.HttpRequest) || InheritsFrom(named, _symbols.HttpRequest));

    /// <summary><c>new StreamReader(Request.Body)</c>, directly or through a local.</summary>
    private bool ReadsRequestBody(IOperation reader, int depth)
    {
        reader = reader.WalkDownConversions();
        if (reader is ILocalReferenceOperation local)
        {
            reader = InitialValue(local) ?? reader;
            reader = reader.WalkDownConversions();
        }

        if (reader is not IObjectCreationOperation creation || depth > MaxDepth)
        {
            return false;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Value.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Body" or "BodyReader" } body
                && (Is(body.Property.ContainingType, _symbols.HttpRequest) || InheritsFrom(body.Property.ContainingType, _symbols.HttpRequest)))
            {
                return true;
            }
        }

        return false;
    }

    private string? FromLocal(ILocalReferenceOperation local, int depth)
    {
        if (InitialValue(local) is { } initial)
        {
            return Trace(initial, depth + 1);
        }

        // Request.Query.TryGetValue("q", out var q): the out variable holds the request value.
        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } }
                && local.SemanticModel is { } model && call.SyntaxTree == model.SyntaxTree
                && model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "TryGetValue" } tryGet)
            {
                return CollectionReason(tryGet.ContainingType);
            }
        }

        return null;
    }

    /// <summary>The initializer of a local's declaration, when it is in the same tree (no other semantic model is created).</summary>
    private static IOperation? InitialValue(ILocalReferenceOperation local)
    {
        var model = local.SemanticModel;
        if (model is null)
        {
            return null;
        }

        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree && reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return model.GetOperation(value);
            }
        }

        return null;
    }

    private bool IsBoundProperty(IPropertySymbol property)
    {
        if (HasAttribute(property, _symbols.BindPropertyAttribute) || HasBindingSource(property))
        {
            return true;
        }

        for (var type = property.ContainingType; type is not null; type = type.BaseType)
        {
            if (HasAttribute(type, _symbols.BindPropertiesAttribute))
            {
                return property.SetMethod is not null;
            }
        }

        return false;
    }

    /// <summary>A parameter the framework fills from the request: [FromQuery]/[FromRoute]/…, or any parameter of an action, a page handler or a minimal-API lambda.</summary>
    private bool IsModelBound(IParameterSymbol parameter, SemanticModel? model)
    {
        if (HasAttribute(parameter, _symbols.FromServicesAttribute) || HasAttribute(parameter, _symbols.FromKeyedServicesAttribute))
        {
            return false;
        }

        if (HasBindingSource(parameter))
        {
            return true;
        }

        if (parameter.ContainingSymbol is not IMethodSymbol method || IsFrameworkType(parameter.Type))
        {
            return false;
        }

        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            return IsMinimalApiHandler(method, model);
        }

        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
            || HasAttribute(method, _symbols.NonActionAttribute))
        {
            return false;
        }

        var type = method.ContainingType;
        if (InheritsFrom(type, _symbols.PageModel))
        {
            return method.Name.StartsWith("On", System.StringComparison.Ordinal);
        }

        return InheritsFrom(type, _symbols.ControllerBase) || HasAttributeInHierarchy(type, _symbols.ControllerAttribute);
    }

    /// <summary><c>app.MapGet("/x", (string name) => …)</c>: the lambda is an argument of a Map* route builder call.</summary>
    private bool IsMinimalApiHandler(IMethodSymbol lambda, SemanticModel? model)
    {
        if (model is null || _symbols.EndpointRouteBuilderExtensions is null)
        {
            return false;
        }

        foreach (var reference in lambda.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree || reference.GetSyntax() is not AnonymousFunctionExpressionSyntax syntax)
            {
                continue;
            }

            var argument = syntax.Parent as ArgumentSyntax;
            if (argument?.Parent?.Parent is InvocationExpressionSyntax call
                && model.GetSymbolInfo(call).Symbol is IMethodSymbol target
                && target.Name.StartsWith("Map", System.StringComparison.Ordinal)
                && Is((target.ReducedFrom ?? target).ContainingType, _symbols.EndpointRouteBuilderExtensions))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>HttpContext, CancellationToken, ILogger… are injected by the framework, not bound from the request.</summary>
    private bool IsFrameworkType(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || IsTextType(type))
        {
            return false;
        }

        return type.RootNamespaceName() is "System" or "Microsoft";
    }

    private bool HasBindingSource(ISymbol symbol)
    {
        if (_symbols.BindingSourceMetadata is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && Implements(type, _symbols.BindingSourceMetadata)
                && !Is(type, _symbols.FromServicesAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (InheritsFrom(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttributeInHierarchy(INamedTypeSymbol? type, INamedTypeSymbol? attributeType)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (HasAttribute(type, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        => expected is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    private static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type; current is not null && expected is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (type is null || expected is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return InheritsFrom(type, expected);
    }
}
