namespace Deliberation.Civic.Decisions;

/// <summary>A named starting point for a deliberation's rules of procedure.</summary>
/// <param name="Code">Stable code, stored with the deliberation that used it.</param>
/// <param name="NameZh">Chinese name, as shown on the page.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Rules">The rules it starts from; edit with <c>with</c>.</param>
public sealed record RulesTemplate(string Code, string NameZh, string NameEn, RulesOfProcedure Rules);
