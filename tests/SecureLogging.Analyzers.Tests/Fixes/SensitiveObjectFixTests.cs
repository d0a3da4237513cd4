using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>SL1004 fix: the object is replaced by an anonymous object of its non-sensitive scalar members.</summary>
public class SensitiveObjectFixTests
{
    [Fact]
    public async Task DestructuredObject_BecomesAnAnonymousObjectOfItsSafeScalarMembers()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            public enum OrderStatus { Open, Paid }
            public class Address { public string City { get; set; } = ""; }
            public class Order
            {
                public int Id { get; set; }
                public OrderStatus Status { get; set; }
                public DateTime? PaidAt { get; set; }
                public string CardNumber { get; set; } = "";
                public string Cvv { get; set; } = "";
                public string Email { get; set; } = "";
                public Address ShippingAddress { get; set; } = new();
            }

            class Checkout
            {
                void Pay(ILogger logger, Order order)
                {
                    logger.LogInformation("Paid {@Order}", {|SL1004:order|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Extensions.Logging;

            public enum OrderStatus { Open, Paid }
            public class Address { public string City { get; set; } = ""; }
            public class Order
            {
                public int Id { get; set; }
                public OrderStatus Status { get; set; }
                public DateTime? PaidAt { get; set; }
                public string CardNumber { get; set; } = "";
                public string Cvv { get; set; } = "";
                public string Email { get; set; } = "";
                public Address ShippingAddress { get; set; } = new();
            }

            class Checkout
            {
                void Pay(ILogger logger, Order order)
                {
                    logger.LogInformation("Paid {@Order}", new { order.Id, order.Status, order.PaidAt });
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSensitiveObjectsAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task Record_LoggedWhole_KeepsItsSafeMembers_AndFixAllHandlesEveryCall()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public record LoginRequest(string UserName, string Password, bool RememberMe);

            class Login
            {
                void Handle(ILogger logger, LoginRequest request)
                {
                    logger.LogInformation("Login {Request}", {|SL1004:request|});
                    logger.LogDebug("Retry {@Request}", {|SL1004:request|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;

            public record LoginRequest(string UserName, string Password, bool RememberMe);

            class Login
            {
                void Handle(ILogger logger, LoginRequest request)
                {
                    logger.LogInformation("Login {Request}", new { request.UserName, request.RememberMe });
                    logger.LogDebug("Retry {@Request}", new { request.UserName, request.RememberMe });
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogSensitiveObjectsAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task ObjectReturnedByACall_IsNotReadTwice_SoNoFixIsOffered()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public record LoginRequest(string UserName, string Password);

            class Login
            {
                LoginRequest Next() => new("a", "b");

                void Handle(ILogger logger)
                {
                    logger.LogInformation("Login {@Request}", {|SL1004:Next()|});
                }
            }
            """;

        await FixTest.VerifyNoFixAsync<DoNotLogSensitiveObjectsAnalyzer>(source);
    }
}
