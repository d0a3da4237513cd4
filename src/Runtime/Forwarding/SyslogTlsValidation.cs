using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureLogging;

/// <summary>Builds the TLS client settings of a syslog connection from <see cref="SyslogTlsOptions"/>.</summary>
internal sealed class SyslogTlsValidation : IDisposable
{
    private readonly SyslogTlsOptions _options;
    private readonly X509Certificate2Collection _trustedCas = new();
    private readonly HashSet<string> _pins = new(StringComparer.Ordinal);
    private readonly X509Certificate2? _clientCertificate;
    private readonly bool _ownsClientCertificate;

    public SyslogTlsValidation(SyslogTlsOptions options)
    {
        _options = options;
        if (options.TrustedCaCertificatePath is { } caPath)
        {
            // ImportFromPemFile reads every certificate of a bundle; a DER file is one certificate.
            var text = File.ReadAllText(caPath);
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                _trustedCas.ImportFromPemFile(caPath);
            }
            else
            {
                _trustedCas.Add(LoadCertificate(File.ReadAllBytes(caPath)));
            }
        }

        foreach (var thumbprint in options.AllowedServerCertificateThumbprints)
        {
            if (NormalizeThumbprint(thumbprint) is { } pin)
            {
                _pins.Add(pin);
            }
        }

        if (options.GetClientCertificate() is { } supplied)
        {
            _clientCertificate = supplied;
        }
        else if (options.ClientCertificatePath is { } certPath)
        {
            _clientCertificate = LoadClientCertificate(certPath, options.ClientCertificateKeyPath, options.ClientCertificatePassword);
            _ownsClientCertificate = true;
        }
    }

    /// <summary>Returns the SHA-256 thumbprint as upper-case hex without separators, or null when it is not 64 hex digits.</summary>
    public static string? NormalizeThumbprint(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var chars = new List<char>(64);
        foreach (var c in value)
        {
            if (Uri.IsHexDigit(c))
            {
                chars.Add(char.ToUpperInvariant(c));
            }
            else if (c is not (':' or ' ' or '-'))
            {
                return null;
            }
        }

        return chars.Count == 64 ? new string(chars.ToArray()) : null;
    }

    public SslClientAuthenticationOptions CreateClientOptions(string host)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = _options.ServerName ?? host,
            EnabledSslProtocols = _options.EnabledProtocols,
            CertificateRevocationCheckMode = _options.CheckCertificateRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = _options.GetServerCertificateValidation() ?? Validate,
        };
        if (_clientCertificate is not null)
        {
            options.ClientCertificates = new X509CertificateCollection { _clientCertificate };
            options.LocalCertificateSelectionCallback = (_, _, _, _, _) => _clientCertificate;
        }

        return options;
    }

    public void Dispose()
    {
        foreach (var ca in _trustedCas)
        {
            ca.Dispose();
        }

        if (_ownsClientCertificate)
        {
            _clientCertificate?.Dispose();
        }
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        if (_pins.Count > 0)
        {
            // A pinned certificate is trusted explicitly, so chain and name do not matter.
            var hash = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
            return _pins.Contains(hash);
        }

        if (_trustedCas.Count == 0)
        {
            return errors == SslPolicyErrors.None;
        }

        // A private CA: the name must still match; the chain is rebuilt against that CA only.
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var customChain = new X509Chain();
        customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        customChain.ChainPolicy.CustomTrustStore.AddRange(_trustedCas);
        customChain.ChainPolicy.RevocationMode = _options.CheckCertificateRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                customChain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return customChain.Build(leaf);
    }

    private static X509Certificate2 LoadClientCertificate(string certPath, string? keyPath, string? password)
    {
        if (keyPath is not null)
        {
            var pem = password is null
                ? X509Certificate2.CreateFromPemFile(certPath, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(certPath, password, keyPath);
            return pem;
        }

        var text = File.ReadAllText(certPath);
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            // One PEM file with both certificate and key.
            return password is null
                ? X509Certificate2.CreateFromPemFile(certPath)
                : X509Certificate2.CreateFromEncryptedPemFile(certPath, password);
        }

        return new X509Certificate2(certPath, password);
    }

    private static X509Certificate2 LoadCertificate(byte[] der) => new(der);
}
