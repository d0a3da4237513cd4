using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.DoNotPutSecretsInExceptionMessagesAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class SL1005ExceptionMessageTests
{
    [Fact]
    public async Task SecretsAndCardDataInExceptionMessages()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            public class PaymentException : InvalidOperationException
            {
                public PaymentException(string message) : base(message) { }
                public PaymentException(string message, Exception inner) : base(message, inner) { }
            }

            public class C
            {
                public void M(string apiKey, string cardNumber, string email, string user, int attempts, string connectionString)
                {
                    _ = new InvalidOperationException($"Key {{|SL1005:apiKey|}} rejected");
                    _ = new PaymentException("Card " + {|SL1005:cardNumber|} + " declined");
                    _ = new PaymentException(string.Format("Card {0} declined", {|SL1005:cardNumber|}), new Exception());
                    _ = new ArgumentException({|SL1005:connectionString|});
                    _ = new Exception($"User {user} failed {attempts} times");
                    _ = new Exception($"User {email} not found");
                    _ = new ArgumentNullException(nameof(apiKey));
                    throw new UnauthorizedAccessException($"Invalid api key {{|SL1005:apiKey|}}");
                }
            }
            """);
    }

    [Fact]
    public async Task RedactedOperandsAndNonExceptionsAreNotReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;


            public class Message { public Message(string message) { } }

            public class C
            {
                public void M(string apiKey)
                {
                    _ = new Exception($"Key {SecureLogging.Redact.Secret(apiKey)} rejected");
                    _ = new Message($"Key {apiKey}");
                }
            }
            """);
    }
}
