/**
 * Ticket drift: an action item whose `ticket` is a GitHub issue that says
 * otherwise (the ticket closed while the item is still open, or the reverse).
 * Read only by the scheduled workflow; the build never goes to the network.
 */
import { isOutstanding, type LedgerEntry } from '../action-items';
import type { PostmortemRecord } from '../corpus';
import type { GitHubApi, GitHubIssue } from './github-api';

/** A GitHub issue named by its web URL. */
export interface GitHubIssueRef {
  repo: string;
  number: number;
}

/**
 * The repository and number of a GitHub issue URL on `serverUrl`
 * (`https://github.com`, or `GITHUB_SERVER_URL` for GitHub Enterprise); `undefined` for any other ticket.
 */
export function githubIssueOf(ticket: string, serverUrl = 'https://github.com'): GitHubIssueRef | undefined {
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

/** The state of every GitHub issue ticket of `entries`, by URL; each issue asked once. */
export async function readTicketStates(
  api: GitHubApi,
  entries: readonly Pick<LedgerEntry, 'action'>[],
  serverUrl?: string,
): Promise<Map<string, GitHubIssue['state']>> {
  const states = new Map<string, GitHubIssue['state']>();
  for (const { action } of entries) {
    const ref = action.ticket === undefined ? undefined : githubIssueOf(action.ticket, serverUrl);
    if (!ref || states.has(action.ticket!)) continue;
    const issue = await api.request<GitHubIssue>('GET', `/repos/${ref.repo}/issues/${ref.number}`);
    states.set(action.ticket!, issue.state);
  }
  return states;
}

/** Items whose GitHub ticket (state in `states`, by URL) says otherwise, in ledger order. */
export function findTicketDrift<T extends PostmortemRecord>(
  entries: readonly LedgerEntry<T>[],
  states: ReadonlyMap<string, GitHubIssue['state']>,
): TicketDrift<T>[] {
  return entries.flatMap((entry) => {
    const ticketState = entry.action.ticket === undefined ? undefined : states.get(entry.action.ticket);
    if (ticketState === undefined) return [];
    const outstanding = isOutstanding(entry.action);
    if (outstanding && ticketState === 'closed') return [{ entry, ticketState, kind: 'ticket-closed' as const }];
    if (!outstanding && ticketState === 'open') return [{ entry, ticketState, kind: 'item-closed' as const }];
    return [];
  });
}
