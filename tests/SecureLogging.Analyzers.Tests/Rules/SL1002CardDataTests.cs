using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotLogCardDataAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class SL1002CardDataTests
{
    [Fact]
    public async Task CardAndBankDataAreReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public class Payment
            {
                public string CardNumber { get; set; } = "";
                public string Cvv { get; set; } = "";
                public int Cvc2 { get; set; }
                public string Iban { get; set; } = "";
                public long AccountNumber { get; set; }
                public string RoutingNumber { get; set; } = "";
                public string Pan { get; set; } = "";
                public string CardNumberLast4 { get; set; } = "";
                public string CardType { get; set; } = "";
                public int CardNumberLength { get; set; }
            }

            public class C
            {
                public void M(ILogger logger, Payment payment, string creditCard, string cardSecurityCode)
                {
                    logger.LogInformation("Paying with {Card}", {|SL1002:payment.CardNumber|});
                    logger.LogInformation("Cvv {Cvv}", {|SL1002:payment.Cvv|});
                    logger.LogInformation("Cvc {Cvc}", {|SL1002:payment.Cvc2|});
                    logger.LogInformation($"Iban {{|SL1002:payment.Iban|}}");
                    logger.LogInformation("Account " + {|SL1002:payment.AccountNumber|});
                    logger.LogInformation("{A} {B} {C}", {|SL1002:payment.RoutingNumber|}, {|SL1002:payment.Pan|}, {|SL1002:creditCard|});
                    logger.LogInformation("{A}", {|SL1002:cardSecurityCode|});
                    logger.LogInformation("{A} {B}", payment.CardType, payment.CardNumberLength);
                }
            }
            """);
    }

    [Fact]
    public async Task KindDistinguishesCardNumbersSecurityCodesAndBankAccounts()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, string cardNumber, string cvv, string iban)
                {
                    logger.LogInformation("{A} {B} {C}", cardNumber, cvv, iban);
                }
            }
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(source, new SecureLogging.Analyzers.Rules.DoNotLogCardDataAnalyzer());
        Assert.Equal(new[] { "CardNumber", "CardSecurityCode", "BankAccount" }, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Properties["Kind"]));
        Assert.Equal(new[] { "A", "B", "C" }, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Properties["Placeholder"]));
    }

    [Fact]
    public async Task EditorConfigCardWords()
    {
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public class C
            {
                public void M(ILogger logger, string sortCode, string iban)
                {
                    logger.LogInformation("{A}", {|SL1002:sortCode|});
                    logger.LogInformation("{A}", iban);
                }
            }
            """, "secure_logging.card_words = sort code\nsecure_logging.ignored_words = iban\n");
    }
}
