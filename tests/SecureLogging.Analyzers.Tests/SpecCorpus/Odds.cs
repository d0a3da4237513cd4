// Spec corpus: less common but real shapes — null-conditional loggers, format specifiers and alignment, messages and
// exception messages built in a local, NLog/Serilog exception overloads.
using System;
using Contoso.Models;
using Microsoft.Extensions.Logging;

namespace Contoso.Odds;

public sealed class OddShapes(ILogger<OddShapes>? logger)
{
    private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();

    public void Shapes(string password, string cardNumber, string token, Exception error, bool verbose, string userId)
    {
        logger?.LogInformation("Login {User} {Password}", userId, password); // expect: SL1001
        logger?.LogInformation($"Card {cardNumber,20} token {token:X}"); // expect: SL1002, SL1001
        logger?.LogDebug("Token {Token}", verbose ? token : "***"); // expect: SL1001
        NLogger.Error(error, "Login failed with {Password}", password); // expect: SL1001
        Serilog.Log.Error(error, "Login failed with {Password}", password); // expect: SL1001
        var message = $"Token {token} rejected";
        var failure = "Card " + cardNumber + " rejected";
        if (token.Length == 0)
        {
            throw new InvalidOperationException(message); // expect: SL1005
        }

        logger?.LogWarning(failure); // expect: SL1002
        logger?.LogWarning("Rejected {Reason}", failure); // expect: SL1002
        logger?.LogInformation("User {UserId} rejected", userId);
    }
}
