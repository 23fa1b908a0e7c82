using System.Data.Common;

namespace Deliberation.Engine.Storage;

/// <summary>
/// The open transaction of a step, for domain rows that must commit with it (an answer recorded
/// together with the workflow step it resumes).
/// </summary>
public interface IStepTransaction
{
    /// <summary>The connection.</summary>
    DbConnection Connection { get; }

    /// <summary>The step's transaction on it.</summary>
    DbTransaction Transaction { get; }
}
