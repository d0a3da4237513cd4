// Spec corpus: SPEC §5 "Objects" and "Attributes" — destructuring, serialisation inside a log call, records,
// anonymous objects and dictionaries member by member, request header and cookie collections whole.
using System;
using System.Collections.Generic;
using System.Text.Json;
using Contoso.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using JsonConvert = Newtonsoft.Json.JsonConvert;
using Formatting = Newtonsoft.Json.Formatting;

namespace Contoso.Objects;

public sealed class ObjectLogging
{
    private readonly ILogger<ObjectLogging> _logger;

    public ObjectLogging(ILogger<ObjectLogging> logger) => _logger = logger;

    public void Destructured(SignInModel signIn, ProfileModel profile, CardPayment payment, MaskedSignup signup, PartnerAccount partner,
        Tenant tenant, Customer customer, ApplicationUser user, List<SignInModel> batch, SearchFilter filter)
    {
        _logger.LogInformation("Sign-in {@Model}", signIn); // expect: SL1004
        _logger.LogInformation("Sign-in {Model}", signIn);
        _logger.LogInformation("Profile {@Profile}", profile); // expect: SL1003
        _logger.LogInformation("Payment {@Payment}", payment); // expect: SL1004
        _logger.LogInformation("Signup {@Signup}", signup);
        _logger.LogInformation("Partner {@Partner}", partner); // expect: SL1004
        _logger.LogInformation("Tenant {@Tenant}", tenant);
        _logger.LogInformation("Customer {@Customer}", customer); // expect: SL1004
        _logger.LogInformation("User {@User}", user); // expect: SL1004
        _logger.LogInformation("Batch {@Batch}", batch); // expect: SL1004
        _logger.LogInformation("Filter {@Filter}", filter);
    }

    public void Serialized(WebhookRegistration webhook, MaskedSignup signup, ProfileModel profile, SignInModel signIn)
    {
        _logger.LogInformation("Webhook {Json}", JsonSerializer.Serialize(webhook));
        _logger.LogInformation("Webhook {@Webhook}", webhook); // expect: SL1004
        _logger.LogInformation("Signup {Json}", JsonSerializer.Serialize(signup)); // expect: SL1004
        _logger.LogInformation("Profile {Json}", JsonConvert.SerializeObject(profile)); // expect: SL1003
        _logger.LogInformation($"Sign-in {JsonSerializer.Serialize(signIn)}"); // expect: SL1004
        _logger.LogInformation("Sign-in " + JsonConvert.SerializeObject(signIn, Formatting.Indented)); // expect: SL1004
    }

    public void Records(UserInvited invited, LoginCommand login, RegisterCommand register, OrderPlaced order, PayoutScheduled payout,
        ClientRegistered client, CardAdded card, SecretRotated rotated)
    {
        _logger.LogInformation("Invited {Event}", invited); // expect: SL1003
        _logger.LogInformation("Handling {Command}", login); // expect: SL1004
        _logger.LogInformation("Handling {Command}", register); // expect: SL1003
        _logger.LogInformation("Placed {Event}", order);
        _logger.LogInformation("Payout {Event}", payout); // expect: SL1004
        _logger.LogInformation("Client {Event}", client);
        _logger.LogInformation("Card {Event}", card); // expect: SL1004
        _logger.LogInformation("Rotated {Event}", rotated);
        _logger.LogInformation($"Handling {login}"); // expect: SL1004
        _logger.LogInformation("Handling " + login); // expect: SL1004
    }

    public void AttributesOnMembers(Customer customer)
    {
        _logger.LogInformation("Nick {Nick}", customer.Nickname); // expect: SL1003
        _logger.LogInformation("Loyalty {Card}", customer.LoyaltyCard); // expect: SL1003
        _logger.LogInformation("Notes {Notes}", customer.InternalNotes); // expect: SL1001
        _logger.LogInformation("Strength {Strength}", customer.PasswordStrength);
        _logger.LogInformation("Token {Token}", customer.Token);
        _logger.LogInformation("Name {First} {Last}", customer.FirstName, customer.LastName); // expect: SL1003, SL1003
        _logger.LogInformation("From {Address}, {Country}", customer.Address, customer.Country);
    }

    public void AnonymousAndDictionaries(SignInModel model, ProfileModel profile, string otpCode, string orderId)
    {
        _logger.LogInformation("Attempt {@Attempt}", new { model.UserName, model.Password }); // expect: SL1001
        _logger.LogInformation("Attempt {@Attempt}", new { User = model.UserName, Secret = model.Password }); // expect: SL1001
        _logger.LogInformation("Contact {@Contact}", new { profile.Id, profile.EmailAddress, Phone = profile.MobileNumber }); // expect: SL1003, SL1003
        _logger.LogInformation("Order {@Order}", new { OrderId = orderId, Status = "paid" });
        _logger.LogInformation("Sent {Payload}", new Dictionary<string, string> { ["user"] = model.UserName, ["otp"] = otpCode }); // expect: SL1001
        var state = new Dictionary<string, object?>
        {
            ["UserId"] = profile.Id,
            ["Email"] = profile.EmailAddress, // expect: SL1003
            ["Password"] = model.Password, // expect: SL1001
        };
        using var scope = _logger.BeginScope(state);
        using var scope2 = _logger.BeginScope(new Dictionary<string, object> { { "ApiKey", otpCode } }); // expect: SL1001
        using var scope3 = _logger.BeginScope(new KeyValuePair<string, object>[] { new("Dob", profile.Dob), new("OrderId", orderId) }); // expect: SL1003
    }

    public void RequestCollections(HttpRequest request, HttpContext context)
    {
        _logger.LogDebug("Headers {Headers}", request.Headers); // expect: SL1004
        _logger.LogDebug("Headers {@Headers}", context.Request.Headers); // expect: SL1004
        _logger.LogDebug("Cookies {Cookies}", request.Cookies); // expect: SL1004
        _logger.LogDebug("Query {Query}", request.Query);
        _logger.LogDebug("Path {Path} {Method}", request.Path, request.Method);
        _logger.LogDebug("Response {Headers}", context.Response.Headers); // expect: SL1004
    }

    public void Nesting(TokenResponse response, Invoice invoice)
    {
        _logger.LogInformation("Token response {@Response}", response); // expect: SL1004
        _logger.LogInformation("Token type {Type}, expires in {ExpiresIn}", response.TokenType, response.ExpiresIn);
        _logger.LogInformation("Invoice {@Invoice}", invoice); // expect: SL1003
        _logger.LogInformation("Invoice {Invoice}", invoice);
    }
}
