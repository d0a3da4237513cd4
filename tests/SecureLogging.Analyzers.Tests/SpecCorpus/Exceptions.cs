// Spec corpus: SL1005, the message operand of new XxxException(…); personal data is not SL1005.
using System;
using System.Security.Authentication;
using Contoso.Models;
using Microsoft.Extensions.Configuration;

namespace Contoso.Errors;

public sealed class PaymentDeclinedException : Exception
{
    public PaymentDeclinedException(string message) : base(message)
    {
    }

    public PaymentDeclinedException(string message, Exception inner) : base(message, inner)
    {
    }
}

public sealed class ExceptionMessages
{
    private readonly IConfiguration _config;

    public ExceptionMessages(IConfiguration config) => _config = config;

    public void Throws(SignInModel model, string apiKey, string cardNumber, string email, string token, string cvv, string userId)
    {
        if (model.Password.Length < 8)
        {
            throw new ArgumentException("Password too short: " + model.Password, nameof(model)); // expect: SL1005
        }

        if (apiKey.Length == 0)
        {
            throw new InvalidOperationException($"Unknown api key {apiKey}"); // expect: SL1005
        }

        if (cardNumber.Length < 13)
        {
            throw new PaymentDeclinedException("Card " + cardNumber + " declined"); // expect: SL1005
        }

        if (cvv.Length != 3)
        {
            throw new PaymentDeclinedException($"Bad CVV {cvv}", new FormatException()); // expect: SL1005
        }

        if (token.Length == 0)
        {
            throw new AuthenticationException(string.Format("Token {0} expired", token)); // expect: SL1005
        }

        if (email.Length == 0)
        {
            throw new InvalidOperationException("No account for " + email);
        }

        if (userId.Length == 0)
        {
            throw new UnauthorizedAccessException($"User {userId} has no key {apiKey.Length}");
        }

        var connection = _config.GetConnectionString("Orders");
        throw new InvalidOperationException($"Cannot open {connection}"); // expect: SL1005
    }

    public Exception Build(string password) => new ArgumentOutOfRangeException(nameof(password), password, "Invalid password"); 
}
