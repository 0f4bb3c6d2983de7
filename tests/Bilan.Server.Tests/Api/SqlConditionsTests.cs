using Bilan.Server.Api;

namespace Bilan.Server.Tests.Api;

public sealed class SqlConditionsTests
{
    [Fact]
    public void Where_NoCondition_Empty() => Assert.Equal("", new SqlConditions().Where);

    [Fact]
    public void Where_Conditions_JoinedByAndWithValuesOnlyAsParameters()
    {
        var conditions = new SqlConditions();
        conditions.Add("b.state = @State", ("State", 3));
        conditions.Add("e.family_name LIKE @Prefix", ("Prefix", "O'Brien%"));

        Assert.Equal("WHERE b.state = @State AND e.family_name LIKE @Prefix", conditions.Where);
        Assert.Equal(3, conditions.Parameters.Get<int>("State"));
        Assert.Equal("O'Brien%", conditions.Parameters.Get<string>("Prefix"));
    }

    [Theory]
    [InlineData("mar", "mar%")]
    [InlineData("", "%")]
    [InlineData("50%", @"50\%%")]
    [InlineData("a_b", @"a\_b%")]
    [InlineData(@"back\slash", @"back\\slash%")]
    [InlineData(@"\%_", @"\\\%\_%")]
    public void LikePrefix_Prefix_MatchesItLiterally(string prefix, string expected) =>
        Assert.Equal(expected, SqlConditions.LikePrefix(prefix));
}
