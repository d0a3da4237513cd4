using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SecureLogging;

/// <summary>
/// Binds <see cref="SecureLoggingOptions"/> from the <c>"SecureLogging"</c> section when the app has an
/// <see cref="IConfiguration"/> (a plain <c>ServiceCollection</c> may not, and binding must not then fail).
/// <c>ChainKey</c> is base64 in configuration.
/// </summary>
internal sealed class SecureLoggingConfigureFromConfiguration : IConfigureOptions<SecureLoggingOptions>
{
    private readonly IConfiguration? _configuration;

    public SecureLoggingConfigureFromConfiguration(IServiceProvider services) => _configuration = services.GetService<IConfiguration>();

    public void Configure(SecureLoggingOptions options)
    {
        var section = _configuration?.GetSection(SecureLoggingOptions.SectionName);
        if (section is not null && section.Exists())
        {
            section.Bind(options);
        }
    }
}
