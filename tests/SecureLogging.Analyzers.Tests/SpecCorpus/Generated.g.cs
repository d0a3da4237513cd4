// Spec corpus: stand-ins for what the logging source generator emits for the [LoggerMessage] methods (the analyzers
// skip generated code). No expectations here.
using System;
using Contoso.Models;
using Microsoft.Extensions.Logging;

namespace Contoso.Frameworks
{
    public sealed partial class MelShapes
    {
        private partial void LoginAttempt(string userName, string password) => _logger.LogInformation("Login for {UserName}", userName);
        public static partial void VerificationSent(ILogger logger, string phoneNumber) { }
        public static partial void Charging(ILogger logger, string pan, decimal amount) { }
        public static partial void SignInModelReceived(ILogger logger, SignInModel model) { }
        public static partial void KeyExpiring(ILogger logger, string keyId, TimeSpan lifetime) { }
        public static partial void CommandReceived(ILogger logger, LoginCommand command) { }
    }
}

namespace Contoso.Startup
{
    public static partial class MemberLog
    {
        public static partial void Joined(ILogger logger, string nickname, string tier) { }
        public static partial void Updated(ILogger logger, Member member) { }
        public static partial void Left(ILogger logger, string memberId) { }
    }
}

namespace Contoso.RealWorld
{
    public static partial class AccountLog
    {
        public static partial void ResetRequested(ILogger logger, string user) { }
    }
}
