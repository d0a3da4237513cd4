using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SecureLogging.Tests.SpecLiteral;

/// <summary>SPEC §7: the public API's names, parameter names, order and types, exactly as listed.</summary>
public sealed class PublicApiSpecTests
{
    // "The parameters above come first and in this order; more optional parameters may follow."
    public static TheoryData<string, string> SecurityLogMethods => new()
    {
        { "LogLoginSucceeded", "string userId, string? userName=" },
        { "LogLoginFailed", "string? attemptedUser, string reason" },
        { "LogLockout", "string userId, string? userName=" },
        { "LogLogout", "string userId" },
        { "LogPasswordChanged", "string userId" },
        { "LogMfaEnrolled", "string userId, string method" },
        { "LogMfaFailed", "string? userId, string method" },
        { "LogAccessDenied", "string? userId, string resource, string action, string reason" },
        { "LogAccountCreated", "string actorUserId, string targetUserId" },
        { "LogAccountDeleted", "string actorUserId, string targetUserId" },
        { "LogRoleGranted", "string actorUserId, string targetUserId, string role" },
        { "LogRoleRevoked", "string actorUserId, string targetUserId, string role" },
        { "LogPermissionGranted", "string actorUserId, string targetUserId, string permission" },
        { "LogPermissionRevoked", "string actorUserId, string targetUserId, string permission" },
        { "LogDataExported", "string userId, string dataset, long recordCount" },
        { "LogBulkDeleted", "string userId, string resource, long recordCount" },
        { "LogConfigurationChanged", "string userId, string setting" },
        { "LogApiKeyCreated", "string userId, string keyId" },
        { "LogApiKeyRevoked", "string userId, string keyId" },
        { "LogSecurityEvent", "SecurityEvent e" },
    };

    [Theory]
    [MemberData(nameof(SecurityLogMethods))]
    public void SecurityLog_method_has_the_spec_signature(string name, string signature)
    {
        var method = Assert.Single(typeof(SecurityLog).GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name == name);
        Assert.True(method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false), name + " is an extension method");
        Assert.Equal(typeof(void), method.ReturnType);
        var parameters = method.GetParameters();
        Assert.Equal(typeof(ILogger), parameters[0].ParameterType);

        var expected = signature.Split(", ");
        Assert.True(parameters.Length - 1 >= expected.Length, name + " has fewer parameters than the spec");
        var nullability = new NullabilityInfoContext();
        for (var i = 0; i < expected.Length; i++)
        {
            var spec = expected[i];
            var optional = spec.EndsWith('=');
            var parts = spec.TrimEnd('=').Split(' ');
            var (typeName, parameterName) = (parts[0], parts[1]);
            var parameter = parameters[i + 1];
            Assert.Equal(parameterName, parameter.Name);
            var nullable = typeName.EndsWith('?');
            var clrType = typeName.TrimEnd('?') switch
            {
                "string" => typeof(string),
                "long" => typeof(long),
                "SecurityEvent" => typeof(SecurityEvent),
                var other => throw new InvalidOperationException(other),
            };
            Assert.Equal(clrType, parameter.ParameterType);
            if (clrType == typeof(string))
            {
                var state = nullability.Create(parameter).WriteState;
                Assert.Equal(nullable ? NullabilityState.Nullable : NullabilityState.NotNull, state);
            }

            Assert.Equal(optional, parameter.IsOptional);
            if (optional)
            {
                Assert.Null(parameter.DefaultValue);
            }
        }

        foreach (var extra in parameters.Skip(expected.Length + 1))
        {
            Assert.True(extra.IsOptional, $"{name}: extra parameter '{extra.Name}' must be optional");
        }
    }

    [Fact]
    public void SecurityLog_is_a_static_class()
    {
        Assert.True(typeof(SecurityLog).IsAbstract && typeof(SecurityLog).IsSealed);
        Assert.Equal("SecureLogging", typeof(SecurityLog).Namespace);
    }

    [Theory]
    [InlineData("Secret")]
    [InlineData("Token")]
    [InlineData("CardNumber")]
    [InlineData("Email")]
    [InlineData("Phone")]
    [InlineData("Pii")]
    public void Redact_method_takes_a_nullable_string_and_returns_a_string(string name)
    {
        var method = typeof(Redact).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        Assert.NotNull(method);
        Assert.Equal(typeof(string), method!.ReturnType);
        var nullability = new NullabilityInfoContext();
        Assert.Equal(NullabilityState.Nullable, nullability.Create(method.GetParameters()[0]).WriteState);
        Assert.Equal(NullabilityState.NotNull, nullability.Create(method.ReturnParameter).ReadState);
    }

    [Fact]
    public void SecurityContext_Begin_has_the_spec_signature()
    {
        var method = typeof(SecurityContext).GetMethod("Begin", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(string), typeof(string), typeof(string)]);
        Assert.NotNull(method);
        Assert.Equal(typeof(IDisposable), method!.ReturnType);
        Assert.Equal(["ipAddress", "requestId", "userAgent", "userId"], method.GetParameters().Select(p => p.Name));
        Assert.All(method.GetParameters(), p =>
        {
            Assert.True(p.IsOptional);
            Assert.Null(p.DefaultValue);
        });
    }

    [Fact]
    public void SecureLoggingOptions_has_the_spec_properties()
    {
        var type = typeof(SecureLoggingOptions);
        Assert.True(type.IsSealed);
        Assert.Equal(typeof(TimeSpan), type.GetProperty("Retention")!.PropertyType);
        Assert.Equal(typeof(string), type.GetProperty("StoreDirectory")!.PropertyType);
        Assert.Equal(typeof(byte[]), type.GetProperty("ChainKey")!.PropertyType);
        foreach (var name in new[] { "Retention", "StoreDirectory", "ChainKey" })
        {
            var property = type.GetProperty(name)!;
            Assert.True(property.CanRead && property.CanWrite && property.SetMethod!.IsPublic, name);
        }
    }

    [Fact]
    public void Registration_methods_exist_on_IServiceCollection_and_ILoggingBuilder()
    {
        var services = typeof(Microsoft.Extensions.DependencyInjection.SecureLoggingServiceCollectionExtensions)
            .GetMethod("AddSecureLogging", [typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection), typeof(Action<SecureLoggingOptions>)]);
        var builder = typeof(SecureLoggingLoggingBuilderExtensions)
            .GetMethod("AddSecureLogging", [typeof(ILoggingBuilder), typeof(Action<SecureLoggingOptions>)]);
        Assert.NotNull(services);
        Assert.NotNull(builder);
    }
}
