namespace Deliberation.Civic.Roster;

/// <summary>A column of a roster file. The order is the order of the export and of problems within a line.</summary>
public enum RosterColumn
{
    /// <summary>网格 (precinct): optional; when given it must be the building's precinct.</summary>
    Precinct,
    /// <summary>小区 (compound): optional; names which compound's building is meant when several have one of that name.</summary>
    Compound,
    /// <summary>楼栋 (building): a building group that exists in the community.</summary>
    Building,
    /// <summary>单元 (entrance): optional; the stairwell the household is reached by, e.g. 1单元 (a large building elects by entrance).</summary>
    Entrance,
    /// <summary>房号 (unit): the household's unit; required for residents.</summary>
    Unit,
    /// <summary>建筑面积 (area): the household's floor area in square metres; required with a unit.</summary>
    Area,
    /// <summary>姓名 (name): required.</summary>
    Name,
    /// <summary>角色 (roles): zero or more role names; none means resident.</summary>
    Roles,
    /// <summary>邮箱 (email): optional.</summary>
    Email,
    /// <summary>电话 (phone): optional.</summary>
    Phone,
    /// <summary>户代表 (representative): whether the person represents the household.</summary>
    Representative,
}
