/**
 * `npm run actions:issue`, run weekly by `.github/workflows/action-items.yml`:
 * reads the ledger, asks GitHub for the state of every ticket that is a GitHub
 * issue, and keeps the one "Overdue postmortem action items" issue up to date.
 * The site's build never does this: it makes no network requests.
 */
import type { CommandContext } from '../cli';
import { UsageError, runWithUsage } from '../cli';
import { formatDigest, selectDigest } from './digest';
import { syncDigestIssue } from './digest-issue';
import { createGitHubApi } from './github-api';
import { readFolderLedger, type FolderLedger } from './read-ledger';
import { findTicketDrift, readTicketStates } from './ticket-drift';

const ACTIONS_ISSUE_USAGE = `Usage: npm run actions:issue

Keeps the GitHub issue "Overdue postmortem action items" up to date: created when an item is overdue or a
ticket disagrees with its item, edited as that changes, closed when nothing remains.
Environment: GITHUB_TOKEN (issues: write), GITHUB_REPOSITORY (owner/name); GITHUB_API_URL and
GITHUB_SERVER_URL default to GitHub.com (GitHub Actions sets all four).`;

/** Updates the digest issue; resolves to the exit code (0, or 2 without the environment it needs). */
export function runActionsIssue(
  context: CommandContext,
  folder: () => Promise<FolderLedger> = () => readFolderLedger(context),
): Promise<number> {
  return runWithUsage('actions:issue', ACTIONS_ISSUE_USAGE, context, async () => {
    const { env } = context;
    const token = env['GITHUB_TOKEN'];
    const repo = env['GITHUB_REPOSITORY'];
    if (!token || !repo) throw new UsageError('GITHUB_TOKEN and GITHUB_REPOSITORY must be set');
    const api = createGitHubApi({ baseUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com', token });
    const ledger = await folder();
    const states = await readTicketStates(api, ledger.ledger.entries, {
      serverUrl: env['GITHUB_SERVER_URL'],
      skipped: (ticket, reason) =>
        context.stderr.write(
          `actions:issue: could not read ticket ${ticket}, left out of the drift report (${reason})\n`,
        ),
    });
    const drift = findTicketDrift(ledger.ledger.entries, states);
    const digest = selectDigest(ledger, { overdue: true }, drift);
    const markdown = formatDigest(digest, 'markdown');
    // The digest goes to the job's log (and summary, by the workflow) whether or not the issue changes.
    context.stdout.write(markdown);
    const result = await syncDigestIssue(api, {
      repo,
      body: digest.entries.length > 0 || drift.length > 0 ? markdown : undefined,
      closingNote: `Nothing is overdue and every GitHub ticket agrees with its action item, as of ${digest.today}. Closed by the action-items workflow; it reopens this issue when something is overdue again.`,
    });
    context.stderr.write(`actions:issue: ${result.action}${result.url ? ` ${result.url}` : ''}\n`);
    return 0;
  });
}
