// Corpus: more DTOs, options, value objects and records (identity, HR, devices, subscriptions). No logging here.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Destructurama.Attributed;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Compliance.Classification;
using SecureLogging;

namespace Shop.Models;

public sealed class ChangePasswordModel
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmNewPassword { get; set; } = "";
    public bool SignOutEverywhere { get; set; }
}

public sealed class PasswordPolicy
{
    public int RequiredLength { get; set; }
    public bool RequireDigit { get; set; }
    public bool RequireUppercase { get; set; }
    public int MaxAgeDays { get; set; }
}

public sealed class TwoFactorModel
{
    public string Code { get; set; } = "";
    public string RecoveryCode { get; set; } = "";
    public bool RememberMachine { get; set; }
}

public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public string Prefix { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public string OwnerEmail { get; set; } = "";
}

public sealed class ClientCredentials
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
}

public sealed class AccessToken
{
    public AccessToken(string value, DateTimeOffset expiresAt) { Value = value; ExpiresAt = expiresAt; }
    public string Value { get; }
    public DateTimeOffset ExpiresAt { get; }
}

[NotSensitive]
public sealed class SessionToken
{
    public Guid Id { get; set; }
    public DateTime IssuedAt { get; set; }
    public override string ToString() => Id.ToString();
}

public sealed class Patient
{
    public Guid Id { get; set; }
    [PersonalData] public string MedicalRecordNumber { get; set; } = "";
    public string Ssn { get; set; } = "";
    public DateTime DateOfBirth { get; set; }
    public string InsuranceProvider { get; set; } = "";
    public string Ward { get; set; } = "";
}

public sealed class Employee
{
    public Guid Id { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string NationalId { get; set; } = "";
    public string TaxId { get; set; } = "";
    public string PassportNumber { get; set; } = "";
    public string DriverLicense { get; set; } = "";
    public string Department { get; set; } = "";
    public BankDetails Bank { get; set; } = new();
}

public sealed class BankDetails
{
    public string Iban { get; set; } = "";
    public string Bic { get; set; } = "";
    public string BankName { get; set; } = "";
}

public sealed class DeviceRegistration
{
    public Guid DeviceId { get; set; }
    public string PushToken { get; set; } = "";
    public string Platform { get; set; } = "";
    public string AppVersion { get; set; } = "";
}

public sealed class OAuthSettings
{
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string TokenEndpoint { get; set; } = "";
    public string AuthorizationEndpoint { get; set; } = "";
    public string CallbackPath { get; set; } = "";
    public string[] Scopes { get; set; } = Array.Empty<string>();
}

public sealed class LoginAudit
{
    public Guid UserId { get; set; }
    public string IpAddress { get; set; } = "";
    public string UserAgent { get; set; } = "";
    public bool IsTokenValid { get; set; }
    public int TokenCount { get; set; }
    public bool HasPassword { get; set; }
    public int PasswordLength { get; set; }
    public string PasswordHashAlgorithm { get; set; } = "";
}

public sealed class SignupCommand
{
    public string UserName { get; set; } = "";
    [NotLogged] public string Password { get; set; } = "";
    [LogMasked] public string Email { get; set; } = "";
    public string? Referral { get; set; }
}

public sealed class LicenseInfo
{
    public string Product { get; set; } = "";
    [Sensitive] public string Activation { get; set; } = "";
    public int Seats { get; set; }
}

public sealed class EmbedWidget
{
    public Guid Id { get; set; }
    [NotSensitive] public string EmbedToken { get; set; } = "";
    public string Theme { get; set; } = "";
}

public sealed class NotificationPreferences
{
    public Guid UserId { get; set; }
    public bool EmailEnabled { get; set; }
    public bool SmsEnabled { get; set; }
    public string MobileNumber { get; set; } = "";
    public string Language { get; set; } = "en";
}

public sealed class ProfileDto
{
    public Guid Id { get; set; }
    public string DisplayName { get; set; } = "";
    public ContactInfo Contact { get; set; } = new();
}

public sealed class ContactInfo
{
    public string Email { get; set; } = "";
    public string Telephone { get; set; } = "";
    public string City { get; set; } = "";
}

public sealed class PayoutAccount
{
    public Guid Id { get; set; }
    [JsonIgnore] public string AccountNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    public string Nickname { get; set; } = "";
}

public sealed class Subscriber
{
    public Guid Id { get; set; }
    [PrivateData] public string Nickname { get; set; } = "";
    public string Plan { get; set; } = "";
}

public sealed class ShopTaxonomy
{
    public static DataClassification Private { get; } = new("Shop", "Private");
}

public sealed class PrivateDataAttribute : DataClassificationAttribute
{
    public PrivateDataAttribute() : base(ShopTaxonomy.Private) { }
}

public sealed record LoginAttempted(string UserName, string IpAddress, DateTimeOffset At);
public sealed record PasswordResetRequested(Guid UserId, string Email, string ResetToken);
public sealed record CustomerContact(Guid CustomerId, string Email, string Phone);
public sealed record TokenIssued(Guid UserId, string TokenType, DateTimeOffset ExpiresAt, int LifetimeMinutes);
public sealed record CardDetails(string CardNumber, int ExpiryMonth, int ExpiryYear);
public sealed record PaymentCaptured(Guid OrderId, decimal Amount, CardDetails Card);
public sealed record ShippingInfo(string RecipientName, string ShippingAddress, string City, string PostalCode, string Country);
public sealed record OrderShipped(Guid OrderId, string Carrier, string TrackingNumber);

public sealed class CreateOrderRequest
{
    public Guid ProductId { get; set; }
    public int Quantity { get; set; }
    public string? Note { get; set; }
    public string? CouponCode { get; set; }
    public ShippingInfo? Shipping { get; set; }
}

public enum OrderStatus { Pending, Paid, Shipped, Cancelled }

public sealed class Order
{
    public Guid Id { get; set; }
    public OrderStatus Status { get; set; }
    public decimal Total { get; set; }
    public string CustomerEmail { get; set; } = "";
    public List<OrderLine> Lines { get; set; } = new();
}

public sealed class OrderLine
{
    public Guid ProductId { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}
