namespace Deliberation.Engine.Definitions;

/// <summary>
/// What a workflow input's value names, so that the launch form offers a picker instead of a box for an id: a text input
/// holds one id, a json input a list of them.
/// </summary>
public enum InputPicker
{
    /// <summary>A plain value, no picker.</summary>
    None,
    /// <summary>A person of the community's roster.</summary>
    Person,
    /// <summary>An organisation of the community's directory.</summary>
    Organisation,
    /// <summary>A building group (楼栋) of the community.</summary>
    BuildingGroup,
}
