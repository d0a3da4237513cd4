using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogSensitiveObjectsAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class SL1004SensitiveObjectTests
{
    private const string Types = """
        using System.Collections.Generic;
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        public class LoginRequest { public string UserName { get; set; } = ""; public string Password { get; set; } = ""; }
        public class Order { public int Id { get; set; } public PaymentInfo Payment { get; set; } = new(); }
        public class PaymentInfo { public string CardNumber { get; set; } = ""; }
        public class Deep { public int Id { get; set; } public Order Order { get; set; } = new(); }
        public class Safe { public int Id { get; set; } public string Status { get; set; } = ""; }
        public record LoginCommand(string UserName, string Password);
        public record SafeRecord(int Id, string Status);
        public class Batch { public List<PaymentInfo> Payments { get; set; } = new(); }

        """;

    [Fact]
    public async Task DestructuredSerialisedAndRecordObjectsWithSecretOrCardMembers()
    {
        await Verify.VerifyAnalyzerAsync(Types + """
            public class C
            {
                public void M(ILogger logger, LoginRequest request, Order order, Deep deep, Safe safe, LoginCommand command, SafeRecord safeRecord, Batch batch)
                {
                    logger.LogInformation("Login {@Request}", {|SL1004:request|});
                    Serilog.Log.Information("Login {@Request}", {|SL1004:request|});
                    logger.LogInformation("Order {@Order}", {|SL1004:order|});
                    logger.LogInformation("Body {Body}", JsonSerializer.Serialize({|SL1004:request|}));
                    logger.LogInformation("Body {Body}", Newtonsoft.Json.JsonConvert.SerializeObject({|SL1004:order|}));
                    logger.LogInformation("Command {Command}", {|SL1004:command|});
                    logger.LogInformation("Batch {@Batch}", {|SL1004:batch|});
                    logger.LogInformation("Deep {@Deep}", deep);
                    logger.LogInformation("Login {Request}", request);
                    logger.LogInformation("Safe {@Safe} {Record}", safe, safeRecord);
                    Serilog.Log.ForContext("Request", {|SL1004:request|}, destructureObjects: true).Information("x");
                    Serilog.Log.ForContext("Request", request).Information("x");
                }
            }
            """);
    }

    [Fact]
    public async Task RequestHeaderAndCookieCollectionsWithOrWithoutDestructuring()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, HttpRequest request)
                {
                    logger.LogInformation("Headers {Headers}", {|SL1004:request.Headers|});
                    logger.LogInformation("Cookies {@Cookies}", {|SL1004:request.Cookies|});
                    logger.LogInformation("Path {Path}", request.Path);
                }
            }
            """);
    }

    [Fact]
    public async Task AttributesThatLeaveMembersOut()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System.Text.Json;
            using Microsoft.Extensions.Logging;

            namespace Destructurama.Attributed
            {
                public sealed class NotLoggedAttribute : System.Attribute { }
                public sealed class LogMaskedAttribute : System.Attribute { }
            }

            public class Destructured { public string UserName { get; set; } = ""; [Destructurama.Attributed.NotLogged] public string Password { get; set; } = ""; [Destructurama.Attributed.LogMasked] public string ApiKey { get; set; } = ""; }
            public class Serialised { public string UserName { get; set; } = ""; [System.Text.Json.Serialization.JsonIgnore] public string Password { get; set; } = ""; [Newtonsoft.Json.JsonIgnore] public string Token { get; set; } = ""; }
            public class Conditional { [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] public string? Password { get; set; } }

            public class C
            {
                public void M(ILogger logger, Destructured d, Serialised s, Conditional c)
                {
                    logger.LogInformation("{@D}", d);
                    logger.LogInformation("{S}", JsonSerializer.Serialize(s));
                    logger.LogInformation("{@S}", {|SL1004:s|});
                    logger.LogInformation("{C}", JsonSerializer.Serialize({|SL1004:c|}));
                }
            }
            """);
    }

    [Fact]
    public async Task AnonymousObjectsAreJudgedMemberByMemberNeverAsAWhole()
    {
        await Verify.VerifyAnalyzerAsync(Types + """
            public class C
            {
                public void M(ILogger logger, LoginRequest request)
                {
                    logger.LogInformation("{@Ctx}", new { request.UserName, request.Password });
                    logger.LogInformation("{Body}", JsonSerializer.Serialize(new { request.UserName, Secret = request.Password }));
                }
            }
            """);
    }
}
