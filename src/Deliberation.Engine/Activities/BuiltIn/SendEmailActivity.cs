using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>
/// Writes an email to the outbox in the same transaction as the step; the integrations deliver it
/// afterwards (SMTP or the pickup folder).
/// </summary>
public sealed class SendEmailActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "SendEmail", 1, new("发送邮件", "Send email"), Categories.Communication,
        [
            new("to", InputType.Json, new("收件人", "To"), true, UiHint.Code)
                { Description = new("一个地址或地址数组，例如 input.email", "An address or an array of addresses, e.g. input.email") },
            new("subject", InputType.Text, new("主题", "Subject"), true, UiHint.SingleLine),
            new("body", InputType.Text, new("正文", "Body"), true, UiHint.MultiLine),
        ],
        ["Done"]);

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var to = context.GetInput("to") switch
        {
            JsonArray array => array.Select(JsonValues.AsText).OfType<string>().ToList(),
            var single => (JsonValues.AsText(single) ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
        if (to.Count == 0) throw ActivityFaults.NoRecipient.Fault(("activity", context.Node.Id));
        var message = new EmailMessage(to, context.GetRequiredText("subject"), context.GetText("body") ?? "");
        var id = Guid.CreateVersion7(context.Now);
        context.AddOutbox(EmailMessage.OutboxKind, JsonSerializer.Serialize(message, DefinitionJson.Options), id);
        // The output is the message id only: addresses are personal data and stay out of state.
        return new(ActivityResult.Complete("Done", JsonValue.Create(id.ToString())));
    }
}
