/**
 * The one GitHub issue that keeps overdue action items in view: created when
 * something is overdue, edited as it changes, closed when nothing remains, and
 * reopened (never duplicated) when something is overdue again. Found by its
 * title among the issues carrying its label.
 */
import { GitHubApiError, type GitHubApi, type GitHubIssue } from './github-api';

/** The issue's title: how people and this code find it. */
export const DIGEST_ISSUE_TITLE = 'Overdue postmortem action items';

/** The label the issue carries, created when the repository lacks it. */
export const DIGEST_ISSUE_LABEL = 'postmortem-action-items';

/** GitHub refuses issue bodies over 65,536 characters. */
const MAX_BODY = 65_000;

/** What `syncDigestIssue` did. */
export interface DigestIssueResult {
  action: 'created' | 'updated' | 'reopened' | 'unchanged' | 'closed' | 'none';
  /** The issue's web address, when there is one. */
  url?: string;
}

/** The body as GitHub will store it: cut short, with a note, if it is too long. */
function issueBody(markdown: string): string {
  if (markdown.length <= MAX_BODY) return markdown;
  const cut = markdown.lastIndexOf('\n', MAX_BODY);
  return `${markdown.slice(0, cut)}\n\n… and more: run \`npm run actions -- --overdue\` for the whole list.\n`;
}

/** The open issue with the digest's title if there is one, else the most recent closed one. */
async function findDigestIssue(api: GitHubApi, repo: string): Promise<GitHubIssue | undefined> {
  const issues = await api.request<GitHubIssue[]>(
    'GET',
    `/repos/${repo}/issues?labels=${encodeURIComponent(DIGEST_ISSUE_LABEL)}&state=all&sort=created&direction=desc&per_page=100`,
  );
  const ours = issues.filter((issue) => issue.title === DIGEST_ISSUE_TITLE && issue.pull_request === undefined);
  return ours.find((issue) => issue.state === 'open') ?? ours[0];
}

/** Creates the label unless the repository has it already. */
async function ensureLabel(api: GitHubApi, repo: string): Promise<void> {
  try {
    await api.request('GET', `/repos/${repo}/labels/${encodeURIComponent(DIGEST_ISSUE_LABEL)}`);
  } catch (error) {
    if (!(error instanceof GitHubApiError && error.status === 404)) throw error;
    await api.request('POST', `/repos/${repo}/labels`, {
      name: DIGEST_ISSUE_LABEL,
      color: 'd93f0b',
      description: 'Kept up to date by the action-items workflow',
    });
  }
}

/**
 * Brings the digest issue of `repo` (`owner/name`) in line with `body`: the
 * digest when something needs attention, `undefined` when nothing does.
 * `closingNote` replaces the body of an issue it closes.
 */
export async function syncDigestIssue(
  api: GitHubApi,
  { repo, body, closingNote }: { repo: string; body: string | undefined; closingNote: string },
): Promise<DigestIssueResult> {
  const issue = await findDigestIssue(api, repo);
  const path = (number: number) => `/repos/${repo}/issues/${number}`;
  if (body === undefined) {
    if (issue?.state !== 'open') return { action: 'none' };
    const closed = await api.request<GitHubIssue>('PATCH', path(issue.number), {
      state: 'closed',
      state_reason: 'completed',
      body: closingNote,
    });
    return { action: 'closed', url: closed.html_url };
  }
  const text = issueBody(body);
  if (!issue) {
    await ensureLabel(api, repo);
    const created = await api.request<GitHubIssue>('POST', `/repos/${repo}/issues`, {
      title: DIGEST_ISSUE_TITLE,
      body: text,
      labels: [DIGEST_ISSUE_LABEL],
    });
    return { action: 'created', url: created.html_url };
  }
  if (issue.state === 'open' && issue.body === text) return { action: 'unchanged', url: issue.html_url };
  const updated = await api.request<GitHubIssue>('PATCH', path(issue.number), {
    body: text,
    ...(issue.state === 'open' ? {} : { state: 'open' }),
  });
  return { action: issue.state === 'open' ? 'updated' : 'reopened', url: updated.html_url };
}
