using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shop.Models;

namespace Shop.Jobs;

public sealed class EmailDispatchJob : BackgroundService
{
    private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();
    private readonly SmtpOptions _smtp;

    public EmailDispatchJob(IOptions<SmtpOptions> smtp) => _smtp = smtp.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Logger.Info("Email dispatcher starting against {Host}:{Port}", _smtp.Host, _smtp.Port);
        Logger.Debug("SMTP user {User}", _smtp.UserName);
        Logger.Debug("SMTP password {Password}", _smtp.Password); // expect: SL1001
        Logger.Debug("SMTP settings {@Smtp}", _smtp); // expect: SL1004
        Logger.Trace("SMTP settings {Smtp}", _smtp);
        var credential = new NetworkCredential(_smtp.UserName, _smtp.Password);
        Logger.Debug("Using credential for {User}", credential.UserName);
        Logger.Debug("Using credential {Credential}", credential); // expect: SL1001
        Logger.Debug("Using password {0}", credential.Password); // expect: SL1001

        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = new List<MailMessage>();
            Logger.Info("Dispatching {Count} messages", batch.Count);
            foreach (var message in batch)
            {
                Logger.Info("Sending '{Subject}' to {Recipients}", message.Subject, message.To.Count);
                Logger.Debug("Sending to {Email}", message.To[0].Address); // expect: SL1003
                Logger.Debug("Sending to {Recipient}", message.To[0].DisplayName);
            }

            Logger.Trace("Sleeping until next batch, cancellation token {Token}", stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }

        Logger.Info("Email dispatcher stopped");
    }

    public void Notify(Customer customer, string template)
    {
        Logger.Info("Notifying {CustomerId} with {Template}", customer.Id, template);
        Logger.Info("Notifying {0} at {1}", customer.Id, customer.Email); // expect: SL1003
        Logger.Info($"Notifying {customer.FullName}"); // expect: SL1003
        Logger.Info("SMS to " + customer.PhoneNumber); // expect: SL1003
        Logger.Warn("Customer {Id} has no phone", customer.Id);
    }
}

public sealed class TokenCleanupJob
{
    private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(TokenCleanupJob));

    public void Run(IReadOnlyList<TokenResponse> expired, TokenStatus status, PagedResult<ApiClient> clients)
    {
        Log.Info("Token cleanup started");
        Log.InfoFormat("Removing {0} tokens with status {1}", expired.Count, status);
        foreach (var token in expired)
        {
            Log.DebugFormat("Removing token of type {0} expiring in {1}s", token.TokenType, token.ExpiresIn);
            Log.DebugFormat("Removing access token {0}", token.AccessToken); // expect: SL1001
            Log.Debug("Removing refresh token " + token.RefreshToken); // expect: SL1001
            Log.Debug($"Scope {token.Scope}");
            Log.Debug(token); // expect: SL1001
        }

        Log.InfoFormat("Next page token {0}", clients.NextPageToken);
        Log.InfoFormat("Total clients {0}", clients.TotalCount);
        foreach (var client in clients.Items)
        {
            Log.InfoFormat("Client {0} ({1}) last used {2}", client.ClientId, client.Name, client.LastUsed);
            Log.DebugFormat("Client secret {0}", client.ClientSecret); // expect: SL1001
            Log.Warn("Client " + client.Name + " unused");
        }

        Log.Logger.Log(typeof(TokenCleanupJob), log4net.Core.Level.Info, "Token cleanup finished", null);
    }

    public void Rotate(ApiKey oldKey, ApiKey newKey, string keyId)
    {
        Log.InfoFormat("Rotating key {0}", keyId);
        Log.InfoFormat("Rotating key {0} to {1}", oldKey.Id, newKey.Id);
        Log.InfoFormat("Rotating key {0}", newKey); // expect: SL1001
        Log.Debug("New key value " + newKey.Value); // expect: SL1001
    }
}

public sealed class ReportExportJob
{
    private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();

    public void Export(PageRequest page, string exportPath, int rowCount, TimeSpan elapsed)
    {
        Logger.Info("Exporting page {Page} size {Size}", page.Page, page.PageSize);
        Logger.Info("Continuation {Token}", page.ContinuationToken);
        Logger.Info("Page request {Page}", page);
        Logger.Info("Export written to {Path}: {Rows} rows in {Elapsed}", exportPath, rowCount, elapsed);
        Logger.Error(new InvalidOperationException("disk full"), "Export to {Path} failed", exportPath);
    }
}
