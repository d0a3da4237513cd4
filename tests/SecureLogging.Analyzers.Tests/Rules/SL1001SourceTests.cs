using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSecretsAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

/// <summary>Secret sources, configuration keys, attributes and secret value-object types (SPEC §5).</summary>
public class SL1001SourceTests
{
    [Fact]
    public async Task ConfigurationKeysNamingASecret()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, IConfiguration config)
                {
                    logger.LogInformation("{A}", {|SL1001:config["Jwt:SigningKey"]|});
                    logger.LogInformation("{A}", {|SL1001:config["ConnectionStrings:Orders"]|});
                    logger.LogInformation("{A}", {|SL1001:config.GetConnectionString("Orders")|});
                    logger.LogInformation("{A}", {|SL1001:config.GetValue<string>("Smtp:Password")|});
                    logger.LogInformation("{A}", {|SL1001:config.GetSection("Stripe:SecretKey").Value|});
                    logger.LogInformation("{A}", config["Jwt:Issuer"]);
                    logger.LogInformation("{A}", config.GetValue<int>("Jwt:TokenLifetimeMinutes"));
                    logger.LogInformation("{A}", config["Logging:LogLevel:Default"]);
                    logger.LogInformation("{A}", config.GetValue<string>("Auth:ClientId"));
                }
            }
            """);
    }

    [Fact]
    public async Task RequestAndCredentialSources()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System.Net;
            using System.Net.Http.Headers;
            using System.Security;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, HttpRequest request, NetworkCredential credential, SecureString secure,
                    AuthenticationHeaderValue auth, System.IdentityModel.Tokens.Jwt.JwtSecurityToken jwt)
                {
                    logger.LogInformation("{A}", {|SL1001:request.Form["password"]|});
                    logger.LogInformation("{A}", {|SL1001:request.Headers["Authorization"]|});
                    logger.LogInformation("{A}", {|SL1001:request.Headers.Authorization|});
                    logger.LogInformation("{A}", {|SL1001:request.Cookies[".AspNetCore.Session"]|});
                    logger.LogInformation("{A}", {|SL1001:request.Query["access_token"]|});
                    logger.LogInformation("{A}", {|SL1001:credential.Password|});
                    logger.LogInformation("{A}", credential.UserName);
                    logger.LogInformation("{A}", credential.Domain);
                    logger.LogInformation("{A}", {|SL1001:secure|});
                    logger.LogInformation("{A}", {|SL1001:auth|});
                    logger.LogInformation("{A}", {|SL1001:jwt.RawData|});
                    logger.LogInformation("{A}", jwt.Issuer);
                    logger.LogInformation("{A}", request.Headers["User-Agent"]);
                    logger.LogInformation("{A}", request.Query["page"]);
                }
            }
            """);
    }

    [Fact]
    public async Task AttributesMakeAndClearSecrets()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public class Settings
            {
                [Sensitive] public string Salt { get; set; } = "";
                [NotSensitive] public string PasswordPolicyText { get; set; } = "";
                [NotSensitive] public string Token { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public class C
            {
                public void M(ILogger logger, Settings settings, [Sensitive] string seed)
                {
                    logger.LogInformation("{A}", {|SL1001:settings.Salt|});
                    logger.LogInformation("{A}", settings.PasswordPolicyText);
                    logger.LogInformation("{Token}", settings.Token);
                    logger.LogInformation("{A}", {|SL1001:settings.Password|});
                    logger.LogInformation("{A}", {|SL1001:seed|});
                }
            }
            """);
    }

    [Fact]
    public async Task SecretValueObjectTypesAreSecretsAsAWhole()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            public sealed class ApiKey { public string Value { get; } = ""; public string Id { get; } = ""; public override string ToString() => Value; }
            public readonly record struct AccessToken(string Value);
            [NotSensitive] public sealed class PublicToken { public string Value { get; } = ""; }
            public sealed class Credentials { public string UserName { get; set; } = ""; public string Password { get; set; } = ""; }

            public class C
            {
                public void M(ILogger logger, ApiKey key, AccessToken current, PublicToken shown, Credentials credentials)
                {
                    logger.LogInformation("{Key}", {|SL1001:key|});
                    logger.LogInformation("{Key}", {|SL1001:key.Value|});
                    logger.LogInformation("{Key}", key.Id);
                    logger.LogInformation("{Token}", {|SL1001:current|});
                    logger.LogInformation("{Token}", shown);
                    logger.LogInformation("{User}", credentials.UserName);
                    logger.LogInformation("{A}", {|SL1001:credentials.Password|});
                }
            }
            """);
    }
}
