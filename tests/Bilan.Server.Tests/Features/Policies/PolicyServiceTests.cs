using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Features.Policies;

/// <summary>bilan.v1.PolicyService shows the values the server applies: the defaults, or the configured ones.</summary>
[Collection(ApiTests.Name)]
public sealed class PolicyServiceTests(ApiFixture fixture)
{
    [Fact]
    public async Task GetPolicy_NothingConfigured_TheDefaults()
    {
        var policy = await new PolicyService.PolicyServiceClient(fixture.Server.Channel).GetPolicyAsync(new GetPolicyRequest());

        Assert.Equal("policy", policy.Name);
        Assert.Equal(13, policy.MinimumEffectiveHours);
        Assert.Equal(24, policy.MaximumHours);
        Assert.True(policy.RequireDoctorAgreementDuringSickLeave);
        Assert.Equal((15, 480), (policy.MinimumInterviewMinutes, policy.MaximumInterviewMinutes));
        Assert.Equal(3, policy.RetentionYears);
        Assert.Equal(6, policy.FollowUpDelayMonths);
        Assert.Equal((7, 30), (policy.ComplaintAcknowledgeWithinDays, policy.ComplaintAnswerWithinDays));
        Assert.Equal((7, 20, 21), (policy.AlertUpcomingWindowDays, policy.AlertPlannedHoursThreshold, policy.AlertIdleDays));
    }

    [Fact]
    public async Task GetPolicy_ConfiguredValues_WhatTheServerApplies()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Bilan:Policy:MinimumEffectiveHours"] = "14",
            ["Bilan:Policy:RetentionYears"] = "5",
            ["Bilan:Quality:AnswerWithinDays"] = "21",
            ["Bilan:Alerts:IdleDays"] = "10",
        });

        var policy = await new PolicyService.PolicyServiceClient(server.Channel).GetPolicyAsync(new GetPolicyRequest());

        Assert.Equal(14, policy.MinimumEffectiveHours);
        Assert.Equal(24, policy.MaximumHours);
        Assert.Equal(3, policy.RetentionYears); // R6313-7: never more than 3 years, whatever is configured.
        Assert.Equal(21, policy.ComplaintAnswerWithinDays);
        Assert.Equal(10, policy.AlertIdleDays);
    }
}
