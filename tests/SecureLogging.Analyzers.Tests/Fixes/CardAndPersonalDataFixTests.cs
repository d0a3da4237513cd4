using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>SL1002 and SL1003 fixes: the Redact method follows the kind; CVV/CVC/PIN can only be removed.</summary>
public class CardAndPersonalDataFixTests
{
    [Fact]
    public async Task CardNumber_IsWrappedInRedactCardNumber()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Payments
            {
                void Charge(ILogger logger, string cardNumber, decimal amount)
                {
                    logger.LogInformation("Charging {CardNumber} for {Amount}", {|SL1002:cardNumber|}, amount);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Payments
            {
                void Charge(ILogger logger, string cardNumber, decimal amount)
                {
                    logger.LogInformation("Charging {CardNumber} for {Amount}", Redact.CardNumber(cardNumber), amount);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogCardDataAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task CardNumber_OfANumericType_IsWrappedThroughToString()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Payments
            {
                void Charge(ILogger logger, long cardNumber)
                {
                    logger.LogInformation("Charging {CardNumber}", {|SL1002:cardNumber|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Payments
            {
                void Charge(ILogger logger, long cardNumber)
                {
                    logger.LogInformation("Charging {CardNumber}", Redact.CardNumber(cardNumber.ToString()));
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogCardDataAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task Cvv_IsRemovedNeverMasked_EvenWithTheRuntime()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Payments
            {
                void Charge(ILogger logger, string cardNumber, string cvv, decimal amount)
                {
                    logger.LogInformation("Charging {Amount}, cvv={Cvv}", amount, {|SL1002:cvv|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;

            class Payments
            {
                void Charge(ILogger logger, string cardNumber, string cvv, decimal amount)
                {
                    logger.LogInformation("Charging {Amount}", amount);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogCardDataAnalyzer>(source, fixedSource);

        // There is no Redact action to choose instead.
        await FixTest.VerifyNoFixAsync<DoNotLogCardDataAnalyzer>(source, FixTest.Remove);
    }

    [Fact]
    public async Task FixAll_MasksTheCardNumber_AndRemovesTheCvvOfTheSameCall()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Payments
            {
                void Charge(ILogger logger, string cardNumber, string cvv)
                {
                    logger.LogInformation("Card {CardNumber} with CVV {Cvv} declined", {|SL1002:cardNumber|}, {|SL1002:cvv|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Payments
            {
                void Charge(ILogger logger, string cardNumber, string cvv)
                {
                    logger.LogInformation("Card {CardNumber} declined", Redact.CardNumber(cardNumber));
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogCardDataAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task Iban_IsRedactedAsASecret()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Payouts
            {
                void Pay(ILogger logger, string iban)
                {
                    logger.LogInformation("Paying to {Iban}", {|SL1002:iban|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Payouts
            {
                void Pay(ILogger logger, string iban)
                {
                    logger.LogInformation("Paying to {Iban}", Redact.Secret(iban));
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogCardDataAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task PersonalData_IsWrappedInTheMatchingRedactMethod()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Accounts
            {
                void Register(ILogger logger, string email, string phoneNumber, string lastName)
                {
                    logger.LogInformation("Registered {Email}", {|SL1003:email|});
                    logger.LogInformation("Phone {PhoneNumber}", {|SL1003:phoneNumber|});
                    logger.LogInformation($"Welcome, {{|SL1003:lastName|}}!");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using SecureLogging;

            class Accounts
            {
                void Register(ILogger logger, string email, string phoneNumber, string lastName)
                {
                    logger.LogInformation("Registered {Email}", Redact.Email(email));
                    logger.LogInformation("Phone {PhoneNumber}", Redact.Phone(phoneNumber));
                    logger.LogInformation($"Welcome, {Redact.Pii(lastName)}!");
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogPersonalDataAnalyzer>(source, fixedSource);
    }

    [Fact]
    public async Task PersonalData_Remove_LeavesAReadableMessage()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class Accounts
            {
                void Register(ILogger logger, string email, int id)
                {
                    logger.LogInformation("Sent reset link to {Email} for account {Id}", {|SL1003:email|}, id);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;

            class Accounts
            {
                void Register(ILogger logger, string email, int id)
                {
                    logger.LogInformation("Sent reset link for account {Id}", id);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotLogPersonalDataAnalyzer>(source, fixedSource, FixTest.Remove);
    }
}
