// Corpus: DTOs, options and records shared by the corpus services. No logging here.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using SecureLogging;

namespace Shop.Models;

public sealed class LoginModel
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RegisterModel
{
    public string UserName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateTime DateOfBirth { get; set; }
    public string? PhoneNumber { get; set; }
}

public sealed class ResetPasswordModel
{
    public string Email { get; set; } = "";
    public string Code { get; set; } = "";
    public string NewPassword { get; set; } = "";
}

public sealed class AppUser : IdentityUser
{
    [PersonalData] public string DisplayName { get; set; } = "";
    public string Tier { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class Customer
{
    public Guid Id { get; set; }
    public string CustomerNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Email { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string BillingAddress { get; set; } = "";
    public string Country { get; set; } = "";
    public string Address { get; set; } = "";
    public int OrderCount { get; set; }
}

public sealed class PaymentRequest
{
    public Guid OrderId { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public string CardNumber { get; set; } = "";
    public string Cvv { get; set; } = "";
    public int ExpiryMonth { get; set; }
    public int ExpiryYear { get; set; }
    public string CardholderName { get; set; } = "";
}

public sealed class PaymentResult
{
    public string TransactionId { get; set; } = "";
    public string Status { get; set; } = "";
    public string CardLast4 { get; set; } = "";
    public string CardType { get; set; } = "";
}

public sealed class BankTransfer
{
    public string Iban { get; set; } = "";
    public string Bic { get; set; } = "";
    public string AccountNumber { get; set; } = "";
    public string RoutingNumber { get; set; } = "";
    public decimal Amount { get; set; }
    public string Reference { get; set; } = "";
}

public sealed class OrderDto
{
    public Guid Id { get; set; }
    public string Status { get; set; } = "";
    public decimal Total { get; set; }
    public int ItemCount { get; set; }
    public CustomerSummary Customer { get; set; } = new();
}

public sealed class CustomerSummary
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
}

public sealed class CheckoutDto
{
    public Guid CartId { get; set; }
    public PaymentRequest Payment { get; set; } = new();
}

public sealed class JwtOptions
{
    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";
    public string SigningKey { get; set; } = "";
    public int TokenLifetimeMinutes { get; set; }
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class StorageOptions
{
    public string ContainerName { get; set; } = "";
    public string ConnectionString { get; set; } = "";
    public string BasePath { get; set; } = "";
}

public sealed class TokenResponse
{
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public string TokenType { get; set; } = "Bearer";
    public int ExpiresIn { get; set; }
    public string? Scope { get; set; }
}

public sealed class ApiClient
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTime? LastUsed { get; set; }
}

public sealed class WebhookSettings
{
    public string Url { get; set; } = "";
    [JsonIgnore] public string Secret { get; set; } = "";
    public int RetryCount { get; set; }
}

public sealed class MaskedUser
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    [NotSensitive] public string PasswordStrength { get; set; } = "";
}

public sealed class ApiKey
{
    public ApiKey(string id, string value) { Id = id; Value = value; }
    public string Id { get; }
    public string Value { get; }
    public override string ToString() => Id;
}

public sealed record UserCreated(Guid UserId, string UserName, string Email);
public sealed record SessionStarted(Guid SessionId, string UserName, string SessionToken);
public sealed record InvoiceIssued(Guid InvoiceId, decimal Amount, string Currency);
public sealed record RefundRequested(Guid OrderId, decimal Amount, string Iban);
public sealed record PageRequest(int Page, int PageSize, string? ContinuationToken);

public enum TokenStatus { Active, Revoked, Expired }

public sealed class PagedResult<T>
{
    public List<T> Items { get; set; } = new();
    public string? NextPageToken { get; set; }
    public int TotalCount { get; set; }
}
