using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SecureLogging;

/// <summary>
/// TLS settings of the syslog forwarder. The server certificate is validated against the system trust store and the
/// host name unless a private CA (<see cref="TrustedCaCertificatePath"/>) or pinned thumbprints
/// (<see cref="AllowedServerCertificateThumbprints"/>) are configured; validation is never switched off.
/// </summary>
public sealed class SyslogTlsOptions
{
    /// <summary>Gets or sets the name expected in the server certificate (SNI and name check). Defaults to <see cref="SyslogOptions.Host"/>.</summary>
    public string? ServerName { get; set; }

    /// <summary>
    /// Gets or sets a PEM or DER file with the CA certificate(s) that issued the server certificate. When set, the server
    /// chain must end in one of them (the system trust store is not consulted) and the name must still match.
    /// </summary>
    public string? TrustedCaCertificatePath { get; set; }

    /// <summary>
    /// Gets the SHA-256 thumbprints (hex, separators ignored) of server certificates to accept whatever their chain
    /// or name: certificate pinning for servers with self-signed certificates. Empty means no pinning.
    /// </summary>
    public IList<string> AllowedServerCertificateThumbprints { get; } = new List<string>();

    /// <summary>Gets or sets a client certificate file for mutual TLS: PKCS#12 (<c>.pfx</c>/<c>.p12</c>, with <see cref="ClientCertificatePassword"/>) or PEM (with <see cref="ClientCertificateKeyPath"/>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>Gets or sets the PEM private key file of a PEM <see cref="ClientCertificatePath"/>.</summary>
    public string? ClientCertificateKeyPath { get; set; }

    /// <summary>Gets or sets the password of a PKCS#12 client certificate or an encrypted PEM key.</summary>
    public string? ClientCertificatePassword { get; set; }


    /// <summary>Gets or sets the allowed TLS versions; <see cref="SslProtocols.None"/> (the default) lets the operating system choose (TLS 1.2 and 1.3).</summary>
    public SslProtocols EnabledProtocols { get; set; } = SslProtocols.None;

    /// <summary>Gets or sets a value indicating whether the revocation status of the server chain is checked online.</summary>
    public bool CheckCertificateRevocation { get; set; }

    // Code-only settings are methods, not properties: configuration binding cannot (and must not try to) bind them.
    // (The binder's source generator sees internal properties too, hence fields.)
    private X509Certificate2? _clientCertificate;
    private RemoteCertificateValidationCallback? _serverCertificateValidation;

    /// <summary>Uses a client certificate (with private key) supplied in code for mutual TLS; takes precedence over <see cref="ClientCertificatePath"/>. The caller keeps ownership.</summary>
    /// <param name="certificate">The certificate, or null to clear.</param>
    /// <returns>These options.</returns>
    public SyslogTlsOptions UseClientCertificate(X509Certificate2? certificate)
    {
        _clientCertificate = certificate;
        return this;
    }

    /// <summary>
    /// Replaces the built-in server certificate checks entirely with <paramref name="callback"/>, which receives the
    /// policy errors the platform found. For cases the settings cannot express; null restores the built-in checks.
    /// </summary>
    /// <param name="callback">The validation callback.</param>
    /// <returns>These options.</returns>
    public SyslogTlsOptions UseServerCertificateValidation(RemoteCertificateValidationCallback? callback)
    {
        _serverCertificateValidation = callback;
        return this;
    }

    internal X509Certificate2? GetClientCertificate() => _clientCertificate;

    internal RemoteCertificateValidationCallback? GetServerCertificateValidation() => _serverCertificateValidation;

    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TrustedCaCertificatePath is not null && !File.Exists(TrustedCaCertificatePath))
        {
            errors.Add($"SecureLogging:Syslog:Tls:TrustedCaCertificatePath \"{TrustedCaCertificatePath}\" does not exist: point it at the PEM or DER file of the CA that issued the syslog server certificate.");
        }

        foreach (var thumbprint in AllowedServerCertificateThumbprints)
        {
            if (SyslogTlsValidation.NormalizeThumbprint(thumbprint) is null)
            {
                errors.Add($"SecureLogging:Syslog:Tls:AllowedServerCertificateThumbprints entry \"{thumbprint}\" is not a SHA-256 thumbprint (64 hex digits): get it with `openssl x509 -noout -fingerprint -sha256 -in server.pem`.");
            }
        }

        if (_clientCertificate is null && ClientCertificatePath is not null)
        {
            if (!File.Exists(ClientCertificatePath))
            {
                errors.Add($"SecureLogging:Syslog:Tls:ClientCertificatePath \"{ClientCertificatePath}\" does not exist.");
            }
            else if (ClientCertificateKeyPath is not null && !File.Exists(ClientCertificateKeyPath))
            {
                errors.Add($"SecureLogging:Syslog:Tls:ClientCertificateKeyPath \"{ClientCertificateKeyPath}\" does not exist.");
            }
        }
        else if (_clientCertificate is null && ClientCertificateKeyPath is not null)
        {
            errors.Add("SecureLogging:Syslog:Tls:ClientCertificateKeyPath is set without ClientCertificatePath: set both (PEM) or neither.");
        }

        return errors;
    }
}
