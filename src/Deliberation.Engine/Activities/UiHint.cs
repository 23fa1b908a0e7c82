namespace Deliberation.Engine.Activities;

/// <summary>Which editor the designer's property panel shows for an input.</summary>
public enum UiHint
{
    /// <summary>A one-line text box.</summary>
    SingleLine,
    /// <summary>A multi-line text box.</summary>
    MultiLine,
    /// <summary>A code editor for a Scriban expression or template.</summary>
    Code,
    /// <summary>A check box.</summary>
    Checkbox,
    /// <summary>A list of fixed options.</summary>
    Dropdown,
    /// <summary>A picker of the workflow's variables.</summary>
    VariablePicker,
    /// <summary>A duration editor.</summary>
    Duration,
    /// <summary>A date-time editor.</summary>
    DateTime,
    /// <summary>A JSON editor.</summary>
    Json,
    /// <summary>A list of port names (Switch cases, Fork branches).</summary>
    PortList,
    /// <summary>A picker of the published workflows (the id of one).</summary>
    WorkflowPicker,
    /// <summary>
    /// The targets of an audience: picked from the community's building groups, organisations or roster as the activity's
    /// <c>audience</c> input names; typed as ids (one per line) for any other kind.
    /// </summary>
    AudiencePicker,
}
