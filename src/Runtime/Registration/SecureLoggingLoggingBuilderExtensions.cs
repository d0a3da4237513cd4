using Microsoft.Extensions.DependencyInjection;
using SecureLogging;

namespace Microsoft.Extensions.Logging;

/// <summary>Adds SecureLogging to a logging builder (<c>builder.Logging.AddSecureLogging(...)</c>).</summary>
public static class SecureLoggingLoggingBuilderExtensions
{
    /// <summary>
    /// Adds SecureLogging to the logging pipeline: the same as
    /// <see cref="SecureLoggingServiceCollectionExtensions.AddSecureLogging(IServiceCollection, Action{SecureLoggingOptions}?)"/>
    /// on <see cref="ILoggingBuilder.Services"/>.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Sets options in code (runs after configuration binding).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ILoggingBuilder AddSecureLogging(this ILoggingBuilder builder, Action<SecureLoggingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSecureLogging(configure);
        return builder;
    }
}
