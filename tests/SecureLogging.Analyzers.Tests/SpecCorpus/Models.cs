// Spec corpus: the types the other files log. No logging here. Written the way application DTOs, records, value
// objects and Identity users are, with the attributes SPEC §5 names.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using SecureLogging;

namespace Destructurama.Attributed
{
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class NotLoggedAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class LogMaskedAttribute : Attribute
    {
        public string Text { get; set; } = "***";
        public bool ShowFirst { get; set; }
    }
}

namespace Contoso.Models
{
    using Destructurama.Attributed;

    public sealed class SignInModel
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class ResetPasswordModel
    {
        public string Email { get; set; } = "";
        public string Code { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmNewPassword { get; set; } = "";
    }

    public sealed class ProfileModel
    {
        public Guid Id { get; set; }
        public string DisplayName { get; set; } = "";
        public string EmailAddress { get; set; } = "";
        public string MobileNumber { get; set; } = "";
        public DateOnly Dob { get; set; }
    }

    public sealed class CardPayment
    {
        public Guid PaymentId { get; set; }
        public string Pan { get; set; } = "";
        public string Cvv2 { get; set; } = "";
        public int ExpiryMonth { get; set; }
        public decimal Amount { get; set; }
    }

    public sealed class MaskedSignup
    {
        public string UserName { get; set; } = "";
        [NotLogged] public string Password { get; set; } = "";
        [LogMasked] public string ApiKey { get; set; } = "";
        public string Plan { get; set; } = "";
    }

    public sealed class WebhookRegistration
    {
        public string Url { get; set; } = "";
        [JsonIgnore] public string SigningSecret { get; set; } = "";
        public string EventType { get; set; } = "";
    }

    public sealed class PartnerAccount
    {
        public string PartnerId { get; set; } = "";
        public BankDetails Bank { get; set; } = new();
    }

    public sealed class BankDetails
    {
        public string BankName { get; set; } = "";
        public string RoutingNumber { get; set; } = "";
        public string AccountNumber { get; set; } = "";
    }

    public sealed class Tenant
    {
        public string TenantId { get; set; } = "";
        public TenantOwner Owner { get; set; } = new();
    }

    public sealed class TenantOwner
    {
        public string OwnerId { get; set; } = "";
        public TenantOwnerVault Vault { get; set; } = new();
    }

    public sealed class TenantOwnerVault
    {
        public string MasterKey { get; set; } = "";
    }

    public sealed class Customer
    {
        public int CustomerId { get; set; }
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string Address { get; set; } = "";
        public string Country { get; set; } = "";
        [PersonalData] public string Nickname { get; set; } = "";
        [ProtectedPersonalData] public string LoyaltyCard { get; set; } = "";
        [Sensitive] public string InternalNotes { get; set; } = "";
        [NotSensitive] public string PasswordStrength { get; set; } = "";
        [NotSensitive] public string Token { get; set; } = "";
    }

    public sealed class ApplicationUser : IdentityUser
    {
        public string? Department { get; set; }
    }

    public sealed class Credentials
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
    }

    /// <summary>An API key value object: a secret as a whole.</summary>
    public sealed record ApiKey(string Value)
    {
        public string Prefix => Value.Substring(0, 4);
        public DateTimeOffset CreatedAt { get; init; }
    }

    public readonly record struct RefreshToken(string Value, DateTimeOffset ExpiresAt);

    [NotSensitive]
    public sealed class SessionToken
    {
        public Guid Id { get; set; }
        public string Device { get; set; } = "";
    }

    public enum TokenKind { Access, Refresh }

    public sealed record UserInvited(Guid InvitationId, string EmailAddress, string Role);
    public sealed record LoginCommand(string UserName, string Password, bool RememberMe);
    public sealed record RegisterCommand(string UserName, ContactDetails Contact);
    public sealed record ContactDetails(string PhoneNumber, string StreetAddress);
    public sealed record OrderPlaced(Guid OrderId, decimal Total, int ItemCount);
    public sealed record PayoutScheduled(Guid PayoutId, PayoutTarget Target);
    public sealed record PayoutTarget(string Iban, string HolderName);
    public sealed record ClientRegistered(string ClientId, [property: NotSensitive] string ClientSecret);
    public sealed record CardAdded(Guid CardId, [property: Sensitive] string Fingerprint);
    public sealed record SecretRotated(string SecretName, string NewSecret)
    {
        public override string ToString() => $"SecretRotated {{ SecretName = {SecretName} }}";
    }

    public sealed class TokenResponse
    {
        public string AccessToken { get; set; } = "";
        public string TokenType { get; set; } = "Bearer";
        public int ExpiresIn { get; set; }
    }

    public sealed class Invoice
    {
        public Guid InvoiceId { get; set; }
        public string BillingAddress { get; set; } = "";
        public decimal Total { get; set; }
    }

    public sealed class SearchFilter
    {
        public string Term { get; set; } = "";
        public int Page { get; set; }
    }

    public enum SortOrder { Ascending, Descending }
}
