using SecureShop.Models;

namespace SecureShop.Services;

public sealed class CustomerDirectory
{
    private readonly Dictionary<string, CustomerProfile> _profiles = new();

    public CustomerProfile Find(string id) => _profiles.TryGetValue(id, out var profile) ? profile : new CustomerProfile { Id = id };
}

public sealed class ApiKeyService
{
    public Task<ApiKey> CreateApiKeyAsync(string owner)
        => Task.FromResult(new ApiKey(Guid.NewGuid().ToString("N"), Convert.ToBase64String(Guid.NewGuid().ToByteArray())));
}
