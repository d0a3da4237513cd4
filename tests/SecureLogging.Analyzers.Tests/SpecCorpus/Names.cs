// Spec corpus: SPEC §5 "Names" bullet by bullet, through Microsoft.Extensions.Logging as services write it.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Contoso.Names;

public sealed class SecretWordsService
{
    private readonly ILogger<SecretWordsService> _logger;

    public SecretWordsService(ILogger<SecretWordsService> logger) => _logger = logger;

    public void EachSecretWord(string password, string passwd, string pwd, string passphrase, string clientSecret, string token,
        string accessToken, string refreshToken, string idToken, string bearerToken, string csrfToken, string resetToken, string sessionToken)
    {
        _logger.LogDebug("Login with {Password}", password); // expect: SL1001
        _logger.LogDebug("Legacy login with {Passwd}", passwd); // expect: SL1001
        _logger.LogDebug("FTP pwd {Pwd}", pwd); // expect: SL1001
        _logger.LogDebug("Key file unlocked with {Passphrase}", passphrase); // expect: SL1001
        _logger.LogDebug("Client secret {ClientSecret}", clientSecret); // expect: SL1001
        _logger.LogDebug("Got {Token}", token); // expect: SL1001
        _logger.LogDebug("Access {AccessToken}", accessToken); // expect: SL1001
        _logger.LogDebug("Refresh {RefreshToken}", refreshToken); // expect: SL1001
        _logger.LogDebug("Id token {IdToken}", idToken); // expect: SL1001
        _logger.LogDebug("Bearer {BearerToken}", bearerToken); // expect: SL1001
        _logger.LogDebug("Antiforgery {CsrfToken}", csrfToken); // expect: SL1001
        _logger.LogDebug("Reset {ResetToken}", resetToken); // expect: SL1001
        _logger.LogDebug("Session {SessionToken}", sessionToken); // expect: SL1001
    }

    public void KeysAndCredentials(string apiKey, string privateKey, string secretKey, string signingKey, string encryptionKey,
        string accessKey, string masterKey, string credential, string connectionString, string authorization,
        string authorizationHeader, string authHeader, string cookie)
    {
        _logger.LogInformation("Calling partner with {ApiKey}", apiKey); // expect: SL1001
        _logger.LogTrace("PEM {PrivateKey}", privateKey); // expect: SL1001
        _logger.LogTrace("AWS secret {SecretKey}", secretKey); // expect: SL1001
        _logger.LogTrace("JWT signing {SigningKey}", signingKey); // expect: SL1001
        _logger.LogTrace("Data key {EncryptionKey}", encryptionKey); // expect: SL1001
        _logger.LogTrace("AWS access {AccessKey}", accessKey); // expect: SL1001
        _logger.LogTrace("Vault master {MasterKey}", masterKey); // expect: SL1001
        _logger.LogTrace("Credential {Credential}", credential); // expect: SL1001
        _logger.LogWarning("Cannot open {ConnectionString}", connectionString); // expect: SL1001
        _logger.LogTrace("Authorization {Authorization}", authorization); // expect: SL1001
        _logger.LogTrace("Header {AuthorizationHeader}", authorizationHeader); // expect: SL1001
        _logger.LogTrace("Header {AuthHeader}", authHeader); // expect: SL1001
        _logger.LogTrace("Cookie {Cookie}", cookie); // expect: SL1001
    }

    public void CodesAndAnswers(string otp, string otpCode, string oneTimeCode, string oneTimePassword, string mfaCode,
        string authenticatorCode, string verificationCode, string recoveryCode, string pin, string pinCode,
        string securityAnswer, string passwordHash, string securityStamp)
    {
        _logger.LogInformation("Sent OTP {Otp}", otp); // expect: SL1001
        _logger.LogInformation("Sent {OtpCode}", otpCode); // expect: SL1001
        _logger.LogInformation("One-time code {OneTimeCode}", oneTimeCode); // expect: SL1001
        _logger.LogInformation("One-time password {OneTimePassword}", oneTimePassword); // expect: SL1001
        _logger.LogInformation("MFA {MfaCode}", mfaCode); // expect: SL1001
        _logger.LogInformation("TOTP {AuthenticatorCode}", authenticatorCode); // expect: SL1001
        _logger.LogInformation("Verify {VerificationCode}", verificationCode); // expect: SL1001
        _logger.LogInformation("Recovery {RecoveryCode}", recoveryCode); // expect: SL1001
        _logger.LogInformation("PIN {Pin}", pin); // expect: SL1001
        _logger.LogInformation("PIN {PinCode}", pinCode); // expect: SL1001
        _logger.LogInformation("Answer {SecurityAnswer}", securityAnswer); // expect: SL1001
        _logger.LogInformation("Hash {PasswordHash}", passwordHash); // expect: SL1001
        _logger.LogInformation("Stamp {SecurityStamp}", securityStamp); // expect: SL1001
    }

    public void CardWords(string cardNumber, string creditCard, string pan, string cvv, string cvc, string cvv2,
        string cardSecurityCode, string iban, string accountNumber, string routingNumber)
    {
        _logger.LogInformation("Charging {CardNumber}", cardNumber); // expect: SL1002
        _logger.LogInformation("Charging {CreditCard}", creditCard); // expect: SL1002
        _logger.LogInformation("PAN {Pan}", pan); // expect: SL1002
        _logger.LogInformation("CVV {Cvv}", cvv); // expect: SL1002
        _logger.LogInformation("CVC {Cvc}", cvc); // expect: SL1002
        _logger.LogInformation("CVV2 {Cvv2}", cvv2); // expect: SL1002
        _logger.LogInformation("Code {CardSecurityCode}", cardSecurityCode); // expect: SL1002
        _logger.LogInformation("Payout to {Iban}", iban); // expect: SL1002
        _logger.LogInformation("Payout to {AccountNumber}", accountNumber); // expect: SL1002
        _logger.LogInformation("ABA {RoutingNumber}", routingNumber); // expect: SL1002
    }

    public void PersonalWords(string email, string emailAddress, string phone, string phoneNumber, string mobile, string mobileNumber,
        string telephone, string telephoneNumber, string dateOfBirth, string dob, string birthDate, string firstName, string lastName,
        string fullName, string ssn, string socialSecurityNumber, string nationalId, string passportNumber, string taxId,
        string driverLicence, string driverLicense)
    {
        _logger.LogInformation("Mail to {Email}", email); // expect: SL1003
        _logger.LogInformation("Mail to {EmailAddress}", emailAddress); // expect: SL1003
        _logger.LogInformation("Call {Phone}", phone); // expect: SL1003
        _logger.LogInformation("Call {PhoneNumber}", phoneNumber); // expect: SL1003
        _logger.LogInformation("SMS {Mobile}", mobile); // expect: SL1003
        _logger.LogInformation("SMS {MobileNumber}", mobileNumber); // expect: SL1003
        _logger.LogInformation("Fax {Telephone}", telephone); // expect: SL1003
        _logger.LogInformation("Fax {TelephoneNumber}", telephoneNumber); // expect: SL1003
        _logger.LogInformation("Born {DateOfBirth}", dateOfBirth); // expect: SL1003
        _logger.LogInformation("Born {Dob}", dob); // expect: SL1003
        _logger.LogInformation("Born {BirthDate}", birthDate); // expect: SL1003
        _logger.LogInformation("Hello {FirstName}", firstName); // expect: SL1003
        _logger.LogInformation("Hello {LastName}", lastName); // expect: SL1003
        _logger.LogInformation("Hello {FullName}", fullName); // expect: SL1003
        _logger.LogInformation("SSN {Ssn}", ssn); // expect: SL1003
        _logger.LogInformation("SSN {SocialSecurityNumber}", socialSecurityNumber); // expect: SL1003
        _logger.LogInformation("ID {NationalId}", nationalId); // expect: SL1003
        _logger.LogInformation("Passport {PassportNumber}", passportNumber); // expect: SL1003
        _logger.LogInformation("Tax {TaxId}", taxId); // expect: SL1003
        _logger.LogInformation("Licence {DriverLicence}", driverLicence); // expect: SL1003
        _logger.LogInformation("License {DriverLicense}", driverLicense); // expect: SL1003
    }

    public void Addresses(string postalAddress, string streetAddress, string homeAddress, string billingAddress, string shippingAddress,
        string mailingAddress, string address, string ipAddress, string remoteIpAddress, string macAddress)
    {
        _logger.LogInformation("Post {PostalAddress}", postalAddress); // expect: SL1003
        _logger.LogInformation("Street {StreetAddress}", streetAddress); // expect: SL1003
        _logger.LogInformation("Home {HomeAddress}", homeAddress); // expect: SL1003
        _logger.LogInformation("Bill {BillingAddress}", billingAddress); // expect: SL1003
        _logger.LogInformation("Ship {ShippingAddress}", shippingAddress); // expect: SL1003
        _logger.LogInformation("Mail {MailingAddress}", mailingAddress); // expect: SL1003
        _logger.LogInformation("Address {Address}", address);
        _logger.LogInformation("Client {IpAddress}", ipAddress);
        _logger.LogInformation("Client {RemoteIpAddress}", remoteIpAddress);
        _logger.LogInformation("NIC {MacAddress}", macAddress);
    }
}

public sealed class WordSplitting
{
    private readonly ILogger _logger;

    public WordSplitting(ILogger<WordSplitting> logger) => _logger = logger;

    public void Splits(string DB_PASSWORD, string user_password, string smtp__password, string password2, string apiKey1, string API_KEY,
        string APIKey, string JWTSigningKey, string passwords, string apiKeys, string refresh_tokens, string EMAIL_ADDRESS, string cvv2Code)
    {
        _logger.LogDebug("Env {Db}", DB_PASSWORD); // expect: SL1001
        _logger.LogDebug("Row {Pw}", user_password); // expect: SL1001
        _logger.LogDebug("Env {Smtp}", smtp__password); // expect: SL1001
        _logger.LogDebug("Second {Second}", password2); // expect: SL1001
        _logger.LogDebug("Primary {Primary}", apiKey1); // expect: SL1001
        _logger.LogDebug("Key {Key}", API_KEY); // expect: SL1001
        _logger.LogDebug("Key {Key}", APIKey); // expect: SL1001
        _logger.LogDebug("JWT {Jwt}", JWTSigningKey); // expect: SL1001
        _logger.LogDebug("All {All}", passwords); // expect: SL1001
        _logger.LogDebug("Keys {Keys}", apiKeys); // expect: SL1001
        _logger.LogDebug("Tokens {Tokens}", refresh_tokens); // expect: SL1001
        _logger.LogDebug("Mail {Mail}", EMAIL_ADDRESS); // expect: SL1003
        _logger.LogDebug("Code {Code}", cvv2Code);
    }

    public void SplitKeys(string a, string b, string c, string d, string e)
    {
        var fields = new Dictionary<string, object?>
        {
            ["smtp:password"] = a, // expect: SL1001
            ["x-api-key"] = b, // expect: SL1001
            ["client.secret"] = c, // expect: SL1001
            ["Jwt__SigningKey"] = d, // expect: SL1001
            ["2fa-code"] = e, // expect: SL1001
        };
        using (_logger.BeginScope(fields))
        {
            _logger.LogInformation("Configured");
        }
    }

    public void Drops(string passwordText, string tokenString, string apiKeyValue, string passwordPlainText, string tokenBase64,
        byte[] secretBytes, string rawToken, string plainTextPassword, string confirmNewPassword, string passwordInput,
        string otpValue, string currentPassword, string oldPin)
    {
        _logger.LogDebug("Typed {Typed}", passwordText); // expect: SL1001
        _logger.LogDebug("Token {Value}", tokenString); // expect: SL1001
        _logger.LogDebug("Key {Value}", apiKeyValue); // expect: SL1001
        _logger.LogDebug("Pw {Value}", passwordPlainText); // expect: SL1001
        _logger.LogDebug("Token {Value}", tokenBase64); // expect: SL1001
        _logger.LogDebug("Secret {Value}", Convert.ToBase64String(secretBytes)); // expect: SL1001
        _logger.LogDebug("Raw {Value}", rawToken); // expect: SL1001
        _logger.LogDebug("Pw {Value}", plainTextPassword); // expect: SL1001
        _logger.LogDebug("Confirm {Value}", confirmNewPassword); // expect: SL1001
        _logger.LogDebug("Input {Value}", passwordInput); // expect: SL1001
        _logger.LogDebug("Otp {Value}", otpValue); // expect: SL1001
        _logger.LogDebug("Current {Value}", currentPassword); // expect: SL1001
        _logger.LogDebug("Old {Value}", oldPin); // expect: SL1001
    }

    public void ExcludedTails(string tokenType, string apiKeyId, string secretName, int passwordLength, string passwordPolicy,
        DateTimeOffset tokenExpiry, string headerName, string authHeaderName, string hashAlgorithm, string passwordHashAlgorithm,
        string continuationToken, string nextPageToken, string pageToken, string tokenEndpointUrl, string secretPath,
        string passwordHint, string emailFormat, string cardType, string cardKind, int emailCount, long tokenSize,
        string tokenUri, TimeSpan tokenLifetime, DateTime tokenExpires, DateTime tokenExpiration, string accessTokenId)
    {
        _logger.LogInformation("Issued {TokenType}", tokenType);
        _logger.LogInformation("Key {ApiKeyId} used", apiKeyId);
        _logger.LogInformation("Secret {SecretName} missing", secretName);
        _logger.LogInformation("Password must be {PasswordLength} long", passwordLength);
        _logger.LogInformation("Policy {PasswordPolicy}", passwordPolicy);
        _logger.LogInformation("Expires {TokenExpiry}", tokenExpiry);
        _logger.LogInformation("Header {HeaderName}", headerName);
        _logger.LogInformation("Header {AuthHeaderName}", authHeaderName);
        _logger.LogInformation("Hash {HashAlgorithm}", hashAlgorithm);
        _logger.LogInformation("Hash {PasswordHashAlgorithm}", passwordHashAlgorithm);
        _logger.LogInformation("Next page {ContinuationToken}", continuationToken);
        _logger.LogInformation("Next page {NextPageToken}", nextPageToken);
        _logger.LogInformation("Page {PageToken}", pageToken);
        _logger.LogInformation("Endpoint {TokenEndpointUrl}", tokenEndpointUrl);
        _logger.LogInformation("Vault path {SecretPath}", secretPath);
        _logger.LogInformation("Hint {PasswordHint}", passwordHint);
        _logger.LogInformation("Format {EmailFormat}", emailFormat);
        _logger.LogInformation("Card {CardType} {CardKind}", cardType, cardKind);
        _logger.LogInformation("Sent {EmailCount}", emailCount);
        _logger.LogInformation("Size {TokenSize}", tokenSize);
        _logger.LogInformation("Uri {TokenUri}", tokenUri);
        _logger.LogInformation("Lifetime {TokenLifetime}", tokenLifetime);
        _logger.LogInformation("Expires {TokenExpires} {TokenExpiration}", tokenExpires, tokenExpiration);
        _logger.LogInformation("Token {AccessTokenId} revoked", accessTokenId);
    }

    public void ListedPairsWinOverTails(string firstName, string nationalId, string fullName, string taxId, string cardholderFullName)
    {
        _logger.LogInformation("Name {Name}", firstName); // expect: SL1003
        _logger.LogInformation("National {National}", nationalId); // expect: SL1003
        _logger.LogInformation("Name {Name}", fullName); // expect: SL1003
        _logger.LogInformation("Tax {Tax}", taxId); // expect: SL1003
        _logger.LogInformation("Holder {Holder}", cardholderFullName); // expect: SL1003
    }

    public void Placeholders(string value, string input, string data, object payload, string userName, string displayName)
    {
        _logger.LogInformation("Reset link with {ResetToken}", value); // expect: SL1001
        _logger.LogInformation("Contact {Email}", input); // expect: SL1003
        _logger.LogInformation("Paid with {CardNumber}", data); // expect: SL1002
        _logger.LogInformation("Got {Password}", payload); // expect: SL1001
        _logger.LogInformation("User {UserName} ({DisplayName})", userName, displayName);
        _logger.LogInformation("Kind {TokenType} for {UserId}", value, input);
    }
}
