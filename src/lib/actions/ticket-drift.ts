/**
 * Ticket drift: an action item whose `ticket` is a GitHub issue that says
 * otherwise (the ticket closed while the item is still open, or the reverse).
 * Read only by the scheduled workflow; the build never goes to the network.
 */
import { isOutstanding, type LedgerEntry } from '../action-items';
import type { PostmortemRecord } from '../corpus';
import { GitHubApiError, type GitHubApi, type GitHubIssue } from './github-api';

/** A GitHub issue named by its web URL. */
interface GitHubIssueRef {
  repo: string;
  number: number;
}

/**
 * The repository and number of a GitHub issue URL on `serverUrl`
 * (`https://github.com`, or `GITHUB_SERVER_URL` for GitHub Enterprise); `undefined` for any other ticket.
 */
function githubIssueOf(ticket: string, serverUrl = 'https://github.com'): GitHubIssueRef | undefined {
  const url = new URL(ticket);
  if (url.origin !== new URL(serverUrl).origin) return undefined;
  const match = /^\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)\/?$/.exec(url.pathname);
  return match ? { repo: `${match[1]}/${match[2]}`, number: Number(match[3]) } : undefined;
}

/** An item and its ticket disagreeing. */
export interface TicketDrift<T extends PostmortemRecord = PostmortemRecord> {
  entry: LedgerEntry<T>;
  ticketState: GitHubIssue['state'];
  /** `ticket-closed`: the ticket is closed, the item still open or in progress; `item-closed`: the reverse. */
  kind: 'ticket-closed' | 'item-closed';
}

/**
 * The state of every GitHub issue ticket of `entries`, by URL; each issue asked
 * once. A ticket the token cannot see (a private repository, a deleted issue) is
 * left out and passed to `skipped` with why; any other failure stops the run.
 */
export async function readTicketStates(
  api: GitHubApi,
  entries: readonly Pick<LedgerEntry, 'action'>[],
  { serverUrl, skipped }: { serverUrl?: string | undefined; skipped: (ticket: string, reason: string) => void },
): Promise<Map<string, GitHubIssue['state']>> {
  const states = new Map<string, GitHubIssue['state']>();
  const asked = new Set<string>();
  for (const { action } of entries) {
    const ticket = action.ticket;
    const ref = ticket === undefined ? undefined : githubIssueOf(ticket, serverUrl);
    if (!ref || asked.has(ticket!)) continue;
    asked.add(ticket!);
    try {
      const issue = await api.request<GitHubIssue>('GET', `/repos/${ref.repo}/issues/${ref.number}`);
      states.set(ticket!, issue.state);
    } catch (error) {
      if (!(error instanceof GitHubApiError && (error.status === 403 || error.status === 404))) throw error;
      skipped(ticket!, error.message);
    }
  }
  return states;
}

/** Items whose GitHub ticket (state in `states`, by URL) says otherwise, in ledger order. */
export function findTicketDrift<T extends PostmortemRecord>(
  entries: readonly LedgerEntry<T>[],
  states: ReadonlyMap<string, GitHubIssue['state']>,
): TicketDrift<T>[] {
  return entries.flatMap((entry): TicketDrift<T>[] => {
    const ticketState = entry.action.ticket === undefined ? undefined : states.get(entry.action.ticket);
    if (ticketState === undefined) return [];
    const outstanding = isOutstanding(entry.action);
    if (outstanding && ticketState === 'closed') return [{ entry, ticketState, kind: 'ticket-closed' }];
    if (!outstanding && ticketState === 'open') return [{ entry, ticketState, kind: 'item-closed' }];
    return [];
  });
}
