using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security;
using Microsoft.Extensions.Logging;
using SecureLogging;
using Shop.Models;

namespace Shop.Tools;

public sealed class SeedCommand
{
    public int Run(string[] args, string adminPassword, string adminEmail, string connectionString, bool verbose)
    {
        Console.WriteLine("Seeding database...");
        Console.WriteLine($"Arguments: {args.Length}");
        Console.WriteLine($"Admin account {adminEmail}"); // expect: SL1003
        Console.WriteLine($"Admin password {adminPassword}"); // expect: SL1001
        Console.WriteLine("Admin password set: " + (adminPassword.Length > 0));
        Console.WriteLine("Connecting to " + connectionString); // expect: SL1001
        Console.Error.WriteLine("Failed to connect using {0}", connectionString); // expect: SL1001
        Console.Error.WriteLine("Verbose: {0}", verbose);
        Console.Out.WriteLine("Done seeding {0} rows", 42);
        if (verbose)
        {
            Debug.WriteLine("Seed run with args " + string.Join(" ", args));
            Trace.WriteLine($"Admin {adminEmail} seeded"); // expect: SL1003
            Trace.TraceWarning("Password for admin is {0}", adminPassword); // expect: SL1001
        }

        return 0;
    }

    public void PrintClient(ApiClient client, SecureString pin, TokenResponse tokens)
    {
        Console.WriteLine("Client {0}: {1}", client.ClientId, client.Name);
        Console.WriteLine("Client secret: {0}", client.ClientSecret); // expect: SL1001
        Console.WriteLine("PIN: {0}", pin); // expect: SL1001
        Console.WriteLine($"Access token: {tokens.AccessToken}"); // expect: SL1001
        Console.WriteLine($"Token type: {tokens.TokenType}, expires in {tokens.ExpiresIn}");
        Console.WriteLine($"Access token: {Redact.Token(tokens.AccessToken)}");
    }
}

public sealed class PaymentValidator
{
    public void Validate(PaymentRequest request, string apiKey, string merchantId)
    {
        if (request.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"Amount {request.Amount} must be positive");
        }

        if (request.CardNumber.Length < 13)
        {
            throw new ArgumentException($"Card number {request.CardNumber} is too short"); // expect: SL1005
        }

        if (request.Cvv.Length != 3)
        {
            throw new InvalidOperationException("Invalid CVV " + request.Cvv); // expect: SL1005
        }

        if (string.IsNullOrEmpty(merchantId))
        {
            throw new InvalidOperationException($"Merchant {merchantId} is not configured");
        }

        if (apiKey.Length != 32)
        {
            throw new SecurityException($"API key {apiKey} has the wrong format"); // expect: SL1005
        }

        if (apiKey.StartsWith("test_", StringComparison.Ordinal))
        {
            throw new SecurityException($"Test API key used with merchant {merchantId}");
        }
    }

    public void Authenticate(LoginModel login, string storedHash)
    {
        if (string.IsNullOrEmpty(login.Password))
        {
            throw new ArgumentException("Password is required", nameof(login));
        }

        if (storedHash.Length == 0)
        {
            throw new UnauthorizedAccessException($"No password hash for {login.Email}");
        }

        throw new UnauthorizedAccessException($"Wrong password '{login.Password}' for {login.Email}"); // expect: SL1005
    }

    public void LoadKey(string keyPath, string passphrase)
    {
        if (!File.Exists(keyPath))
        {
            throw new FileNotFoundException($"Key file {keyPath} not found", keyPath);
        }

        throw new InvalidDataException("Could not decrypt key with passphrase " + passphrase); // expect: SL1005
    }

    public void Transfer(BankTransfer transfer)
    {
        if (transfer.Amount > 10_000)
        {
            throw new InvalidOperationException($"Transfer of {transfer.Amount} to {transfer.Reference} needs approval");
        }

        throw new InvalidOperationException(string.Format("IBAN {0} rejected", transfer.Iban)); // expect: SL1005
    }
}

public sealed class ErrorReporter
{
    private readonly ILogger<ErrorReporter> _logger;

    public ErrorReporter(ILogger<ErrorReporter> logger) => _logger = logger;

    public void Report(Exception exception, string operation, Dictionary<string, string> context)
    {
        _logger.LogError(exception, "Operation {Operation} failed", operation);
        _logger.LogError(exception, "Operation {Operation} failed: {Message}", operation, exception.Message);
        _logger.LogError("Context {Context}", context);
        _logger.LogError("Context keys {Keys}", string.Join(",", context.Keys));
        if (context.TryGetValue("password", out var pwd))
        {
            _logger.LogError("Context had a password {Pwd}", pwd); // expect: SL1001
        }

        _logger.LogError("Context api key {ApiKey}", context["apiKey"]); // expect: SL1001
        _logger.LogError("Context user {User}", context["user"]);
    }
}
