// Spec corpus: the project wrappers real apps write around their logger (eShopOnWeb's IAppLogger<T> adapter, an
// extension method, a static helper) — SPEC §4: "a method of the project that passes its own parameter on to a
// logging call is itself a logging call at its call sites".
using System;
using Contoso.Models;
using Microsoft.Extensions.Logging;

namespace Contoso.Wrappers;

public interface IAppLogger<T>
{
    void LogInformation(string message, params object[] args);
    void LogWarning(string message, params object[] args);
}

public sealed class LoggerAdapter<T>(ILoggerFactory factory) : IAppLogger<T>
{
    private readonly ILogger<T> _logger = factory.CreateLogger<T>();

    public void LogInformation(string message, params object[] args) => _logger.LogInformation(message, args);

    public void LogWarning(string message, params object[] args) => _logger.LogWarning(message, args);
}

public static class UserActionLogging
{
    public static void LogUserAction(this ILogger logger, string action, string detail)
        => logger.LogInformation("User action {Action}: {Detail}", action, detail);
}

public sealed class BasketService(IAppLogger<BasketService> appLogger, ILogger<BasketService> logger)
{
    public void Checkout(SignInModel model, string email, string basketId, CardPayment payment)
    {
        appLogger.LogInformation("Checkout for basket {BasketId}", basketId);
        appLogger.LogInformation("Checkout by {Email}", email); // expect: SL1003
        appLogger.LogWarning("Card {Pan} declined", payment.Pan); // expect: SL1002
        appLogger.LogWarning($"Login {model.UserName} with {model.Password}"); // expect: SL1001
        logger.LogUserAction("login", model.UserName);
        logger.LogUserAction("login", model.Password); // expect: SL1001
        logger.LogUserAction("checkout", $"basket {basketId}");
    }
}
