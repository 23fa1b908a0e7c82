using System.Globalization;
using Deliberation.Engine.Activities;

namespace Deliberation.Persistence.Activities;

/// <summary>What the step-5 activities (推动落实) share: their inputs, and a rehearsal that may write.</summary>
internal static class ImplementationSteps
{
    /// <summary>The <c>caseId</c> input.</summary>
    public static InputDescriptor CaseInput { get; } = new("caseId", InputType.Text, new("议事案件", "Case"), true, UiHint.Code)
    {
        Description = new("通常为 {{ input.caseId }} 或 {{ output.<确定利益相关方的活动 id>.caseId }}", "Usually {{ input.caseId }} or {{ output.<identify activity id>.caseId }}"),
    };

    /// <summary>The <c>itemId</c> input of the per-item activities.</summary>
    public static InputDescriptor ItemInput { get; } = new("itemId", InputType.Text, new("任务", "Action item"), true, UiHint.Code)
    {
        Description = new("在“逐项并行”中通常为 {{ item.id }}", "Inside a ForEach, usually {{ item.id }}"),
    };

    /// <summary>
    /// Runs a store operation twice: first in a transaction that is rolled back, so that a refusal becomes an incident of the
    /// activity (and its result is the activity's output); then for real, in the step's transaction. Unlike
    /// <see cref="DeliberationSteps.RehearseThenWriteAsync{T}"/> the operation may change rows with <c>ExecuteUpdate</c>:
    /// the rehearsal's changes never commit. The step's transaction opens only after the activities ran, so the rehearsal
    /// does not wait for it.
    /// </summary>
    public static async Task<T> RehearseThenWriteAsync<T>(ActivityContext context, DeliberationDatabase database,
        Func<DeliberationDbContext, CancellationToken, Task<T>> operation)
    {
        T result;
        await using (var rehearsal = database.CreateContext(tracking: true))
        {
            await using var transaction = await rehearsal.Database.BeginTransactionAsync(context.CancellationToken);
            result = await operation(rehearsal, context.CancellationToken);
            await rehearsal.SaveChangesAsync(context.CancellationToken);
            await transaction.RollbackAsync(context.CancellationToken);
        }
        context.AddDomainWrite(async (step, token) =>
        {
            await using var db = await database.CreateContextAsync(step, token);
            await operation(db, token);
            await db.SaveChangesAsync(token);
        });
        return result;
    }

    /// <summary>An instant as the outputs give it: ISO 8601, round-trip.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
