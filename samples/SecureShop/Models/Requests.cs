namespace SecureShop.Models;

public sealed record LoginRequest(string Email, string Password, bool RememberMe);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record CheckoutRequest(string CardNumber, string Cvv, string Expiry, string CardholderName, string Email, decimal Amount);

public sealed class CustomerProfile
{
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    public string PhoneNumber { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public string ApiToken { get; set; } = "";
}

public sealed record ApiKey(string Id, string Secret);
