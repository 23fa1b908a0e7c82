using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Responses;

/// <summary>A class of response deadline (时限类别): how long each level of the ladder has to handle a matter.</summary>
/// <param name="Code">The stable code workflows name, e.g. <c>on-site</c>.</param>
/// <param name="Deadline">How long a level has, e.g. four hours.</param>
/// <param name="Name">The name staff and emails read, e.g. 网格即时处理（4小时）.</param>
public sealed record DeadlineClass(string Code, TimeSpan Deadline, LocalizedText Name);
