using SecureLogging.Analyzers.Rules;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>SL1005 fixes: the secret in an exception message is redacted or taken out of the message.</summary>
public class ExceptionMessageFixTests
{
    [Fact]
    public async Task InterpolatedMessage_IsRedacted_OrLosesTheHole()
    {
        const string source = """
            using System;

            class Vault
            {
                void Open(string connectionString)
                {
                    throw new InvalidOperationException($"Cannot open the vault with connection string {{|SL1005:connectionString|}}.");
                }
            }
            """;
        const string wrapped = """
            using System;
            using SecureLogging;

            class Vault
            {
                void Open(string connectionString)
                {
                    throw new InvalidOperationException($"Cannot open the vault with connection string {Redact.Secret(connectionString)}.");
                }
            }
            """;
        const string removed = """
            using System;

            class Vault
            {
                void Open(string connectionString)
                {
                    throw new InvalidOperationException($"Cannot open the vault.");
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotPutSecretsInExceptionMessagesAnalyzer>(source, wrapped);
        await FixTest.VerifyAsync<DoNotPutSecretsInExceptionMessagesAnalyzer>(source, removed, FixTest.Remove);
    }

    [Fact]
    public async Task ConcatenatedMessage_LosesTheOperand()
    {
        const string source = """
            using System;

            class Vault
            {
                void Open(string user, string password)
                {
                    throw new ArgumentException("Bad password " + {|SL1005:password|} + " for " + user);
                }
            }
            """;
        const string removed = """
            using System;

            class Vault
            {
                void Open(string user, string password)
                {
                    throw new ArgumentException("Bad for " + user);
                }
            }
            """;

        await FixTest.VerifyAsync<DoNotPutSecretsInExceptionMessagesAnalyzer>(source, removed, FixTest.Remove);
    }
}
