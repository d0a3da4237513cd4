using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureLogging.Analyzers.CodeFixes.Internal.SecurityEvents;

/// <summary>
/// What a security-event fix can take from the code around the API call (SPEC §6, last paragraph): an <c>ILogger</c>
/// receiver, the user object (its <c>Id</c>, its <c>UserName</c>), the attempted user name (the API's user-name
/// argument, the input model's user name or email), and for calls that are not sign-ins the signed-in user
/// (<c>userManager.GetUserId(User)</c>). Every expression returned is side-effect free and in scope at the call.
/// </summary>
internal sealed class FixScope
{
    private static readonly string[] UserNameProperties = ["UserName", "Username", "Email", "EmailAddress", "Login"];

    private readonly SemanticModel _model;
    private readonly int _position;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ITypeSymbol> _userTypes = new(SymbolEqualityComparer.Default);

    private FixScope(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        _model = model;
        _position = position;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The <c>ILogger</c> to call the event on: a parameter or local first, then a field or property.</summary>
    public string? Logger { get; private set; }

    /// <summary>A user object: the API's user argument, else a user local or parameter declared before the call.</summary>
    public string? User { get; private set; }

    /// <summary>The user object's id as a string (<c>user.Id</c>, <c>user.Id.ToString()</c>), when the type has an <c>Id</c>.</summary>
    public string? UserObjectId { get; private set; }

    /// <summary>The user object's name (<c>user.UserName</c>), when the type has one.</summary>
    public string? UserObjectName { get; private set; }

    /// <summary>The attempted account name: the API's user-name argument, else the input model's user name or email.</summary>
    public string? AttemptedUserName { get; private set; }

    /// <summary>An <c>ExternalLoginInfo</c> the call uses: its provider key identifies the external account.</summary>
    public string? ExternalLogin { get; private set; }

    /// <summary>The signed-in user's id for calls that are not sign-ins: <c>userManager.GetUserId(User) ?? "unknown"</c>, or the principal's name.</summary>
    public string SignedInUserId { get; private set; } = "\"unknown\"";

    /// <summary>A <c>ClaimsPrincipal</c> local or parameter (a custom authentication handler builds one).</summary>
    public string? Principal { get; private set; }

    /// <summary>
    /// The id for a success event: the user object's id, else the external key, else the attempted user name, else the
    /// principal being signed in. Never the signed-in user of the request: on a sign-in path there is none yet.
    /// </summary>
    public string? SuccessUserId => UserObjectId ?? (ExternalLogin is null ? null : ExternalLogin + ".ProviderKey") ?? AttemptedUserName
        ?? (Principal is null ? null : Principal + ".Identity?.Name ?? \"unknown\"");

    /// <summary>The attempted user for a failure event (may be null: the parameter accepts it).</summary>
    public string FailureUserName => (ExternalLogin is null ? null : ExternalLogin + ".ProviderKey") ?? AttemptedUserName ?? UserObjectName ?? "null";

    public static FixScope Create(SemanticModel model, SyntaxNode at, IInvocationOperation? api, CancellationToken cancellationToken)
        => Create(model, at.SpanStart, api, cancellationToken);

    /// <summary>The scope at <paramref name="position"/>; <paramref name="api"/> is the call the event is for, if any.</summary>
    public static FixScope Create(SemanticModel model, int position, IInvocationOperation? api, CancellationToken cancellationToken)
    {
        var scope = new FixScope(model, position, cancellationToken);
        scope.Collect(api);
        return scope;
    }

    private void Collect(IInvocationOperation? api)
    {
        var inStatic = _model.GetEnclosingSymbol(_position, _cancellationToken) is { IsStatic: true };
        ISymbol? memberLogger = null;
        string? userManager = null;
        var hasUserProperty = false;
        var symbols = _model.LookupSymbols(_position);

        // The user types: TUser of the API's manager, and of any SignInManager/UserManager in scope.
        AddUserType(api?.TargetMethod.ContainingType);
        foreach (var symbol in symbols)
        {
            AddUserType(TypeOf(symbol, inStatic));
        }

        foreach (var symbol in symbols)
        {
            var type = TypeOf(symbol, inStatic);
            if (type is null)
            {
                continue;
            }

            if (IsLogger(type))
            {
                if (symbol is IParameterSymbol or ILocalSymbol)
                {
                    Logger ??= symbol.Name;
                }
                else
                {
                    memberLogger ??= symbol;
                }
            }

            if (symbol is IFieldSymbol or IPropertySymbol && type.OriginalDefinition is { Name: "UserManager", ContainingNamespace.Name: "Identity" })
            {
                userManager ??= symbol.Name;
            }

            if (symbol is IPropertySymbol { Name: "User" } && type.Name == "ClaimsPrincipal")
            {
                hasUserProperty = true;
            }

            if (symbol is ILocalSymbol or IParameterSymbol && DeclaredBefore(symbol))
            {
                if (type.Name == "ClaimsPrincipal")
                {
                    Principal ??= symbol.Name;
                }

                if (User is null && IsUserType(type))
                {
                    SetUser(symbol.Name, type);
                }
            }
        }

        Logger ??= memberLogger?.Name;
        if (userManager is not null && hasUserProperty)
        {
            SignedInUserId = userManager + ".GetUserId(User) ?? \"unknown\"";
        }
        else if (hasUserProperty)
        {
            SignedInUserId = "User.Identity?.Name ?? \"unknown\"";
        }

        if (api is not null)
        {
            FromArguments(api);
        }

        if (AttemptedUserName is null)
        {
            // The input model a page or action binds: Input.Email, model.UserName.
            foreach (var symbol in symbols)
            {
                if (symbol is IPropertySymbol or IParameterSymbol or ILocalSymbol && (symbol is not ILocalSymbol || DeclaredBefore(symbol))
                    && TypeOf(symbol, inStatic) is INamedTypeSymbol { TypeKind: TypeKind.Class } model
                    && model.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft", StringComparison.Ordinal) != true
                    && model.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) != true
                    && !IsUserType(model)
                    && UserNameMember(model) is { } member)
                {
                    AttemptedUserName = symbol.Name + "." + member;
                    break;
                }
            }
        }
    }

    private void FromArguments(IInvocationOperation api)
    {
        foreach (var argument in api.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter || !IsSimple(argument.Value.Syntax))
            {
                continue;
            }

            var value = Strip(argument.Value);
            var text = argument.Value.Syntax.ToString();
            if (IsUserType(value.Type) && value.Type is { } userType)
            {
                SetUser(text, userType);
            }
            else if (value.Type is { Name: "ClaimsPrincipal" })
            {
                Principal = text;
            }
            else if (value.Type?.SpecialType == SpecialType.System_String && IsUserNameParameter(parameter.Name))
            {
                AttemptedUserName ??= text;
            }

            if (value is IPropertyReferenceOperation { Instance: { } receiver } && IsSimple(receiver.Syntax))
            {
                if (receiver.Type?.Name == "ExternalLoginInfo")
                {
                    ExternalLogin ??= receiver.Syntax.ToString();
                }
                else if (AttemptedUserName is null && receiver.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } model && !IsUserType(model)
                    && model.SpecialType == SpecialType.None && UserNameMember(model) is { } member)
                {
                    // CheckPasswordAsync(user, model.Password): the same model carries the name typed in.
                    AttemptedUserName = receiver.Syntax + "." + member;
                }
            }
        }
    }

    private void SetUser(string expression, ITypeSymbol type)
    {
        User = expression;
        UserObjectId = null;
        UserObjectName = null;
        foreach (var member in AllProperties(type))
        {
            if (member.Name == "Id" && UserObjectId is null)
            {
                UserObjectId = member.Type.SpecialType == SpecialType.System_String ? expression + ".Id" : expression + ".Id.ToString()";
            }
            else if (member.Name == "UserName" && member.Type.SpecialType == SpecialType.System_String && UserObjectName is null)
            {
                UserObjectName = expression + ".UserName";
            }
        }
    }

    private static IEnumerable<IPropertySymbol> AllProperties(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property)
                {
                    yield return property;
                }
            }
        }
    }

    private static string? UserNameMember(ITypeSymbol model)
    {
        foreach (var name in UserNameProperties)
        {
            foreach (var property in AllProperties(model))
            {
                if (property.Name == name && property.Type.SpecialType == SpecialType.System_String && property.DeclaredAccessibility == Accessibility.Public)
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static bool IsUserNameParameter(string name)
        => name.Equals("userName", StringComparison.OrdinalIgnoreCase) || name.Equals("email", StringComparison.OrdinalIgnoreCase)
            || name.Equals("login", StringComparison.OrdinalIgnoreCase) || name.Equals("userNameOrEmail", StringComparison.OrdinalIgnoreCase)
            || name.Equals("emailOrUserName", StringComparison.OrdinalIgnoreCase);

    private bool DeclaredBefore(ISymbol symbol)
    {
        if (symbol is not ILocalSymbol)
        {
            return true;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == _model.SyntaxTree && reference.Span.End <= _position)
            {
                return true;
            }
        }

        return false;
    }

    private void AddUserType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Identity"
            && named.Name is "SignInManager" or "UserManager" or "IPasswordHasher" or "PasswordHasher"
            && named.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Class } user)
        {
            _userTypes.Add(user);
        }
    }

    private bool IsUserType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_userTypes.Contains(current)
                || current.Name == "IdentityUser" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Identity")
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol, bool inStatic) => symbol switch
    {
        IParameterSymbol p => p.Type,
        ILocalSymbol l => l.Type,
        IFieldSymbol f when !inStatic || f.IsStatic => f.Type,
        IPropertySymbol p when !p.IsIndexer && (!inStatic || p.IsStatic) => p.Type,
        _ => null,
    };

    private static bool IsLogger(ITypeSymbol type)
    {
        static bool IsILogger(ITypeSymbol t) => t is { Name: "ILogger", ContainingNamespace: { Name: "Logging", ContainingNamespace: { Name: "Extensions", ContainingNamespace.Name: "Microsoft" } } };
        if (IsILogger(type))
        {
            return true;
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (IsILogger(iface))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>An identifier or a chain of member accesses on one (<c>Input.Email</c>, <c>this.model.UserName</c>): safe to evaluate twice.</summary>
    public static bool IsSimple(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax => true,
        ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => member.Name is IdentifierNameSyntax && IsSimple(member.Expression),
        _ => false,
    };
}
