using Xunit.Sdk;

namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>
/// Named steps of a long journey: a failure inside a step is reported as « Étape « NAME » : MESSAGE », and the tab
/// is saved as <c>screenshots/echec-SLUG.png</c>, so that a red journey says which step of the day broke and shows it.
/// </summary>
public sealed class Steps(string journey, params BackOfficePage[] tabs)
{
    private int _number;

    /// <summary>Runs <paramref name="body"/> as the step <paramref name="name"/>.</summary>
    public async Task Step(string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _number++;
        try
        {
            await body();
        }
        catch (Exception exception) when (exception is not StepFailedException)
        {
            var number = _number;
            for (var i = 0; i < tabs.Length; i++)
            {
                try
                {
                    await tabs[i].ScreenshotAsync($"echec-{journey}-etape-{number:00}-onglet-{i + 1}");
                }
                catch (Microsoft.Playwright.PlaywrightException)
                {
                    // The tab is closed or broken: the failure message is what matters.
                }
            }

            throw new StepFailedException($"Étape {number:00} « {name} » : {exception.Message}", exception);
        }
    }
}

/// <summary>A journey step that failed, named.</summary>
public sealed class StepFailedException(string message, Exception inner) : XunitException(message, inner);
