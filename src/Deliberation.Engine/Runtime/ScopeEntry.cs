namespace Deliberation.Engine.Runtime;

/// <summary>One level of branching a token is inside: a fork or ForEach frame, and which branch.</summary>
/// <param name="Frame">The frame id.</param>
/// <param name="Branch">The fork port, or the ForEach item index.</param>
public sealed record ScopeEntry(string Frame, string Branch);
