using Deliberation.Engine.Storage;

namespace Deliberation.Civic.Data;

/// <summary>
/// The port through which the domain reads and writes its rows. The domain owns it; <c>Deliberation.Persistence</c>
/// implements it on EF Core, so no feature folder names a database type.
/// </summary>
public interface ICivicDatabase
{
    /// <summary>
    /// A session of its own (its own connection; a staff action opens a transaction on it when it writes more than one
    /// statement). Queries do not track what they read unless <paramref name="tracking"/>.
    /// </summary>
    ICivicSession Open(bool tracking = false);

    /// <summary>
    /// A session in a workflow step's unit of work: what it reads and writes commits with the step, or not at all.
    /// Dispose it when done; the step's connection stays open.
    /// </summary>
    /// <exception cref="ArgumentException">The step's unit of work belongs to another database.</exception>
    Task<ICivicSession> OpenInStepAsync(IStepScope step, CancellationToken cancellationToken);
}
