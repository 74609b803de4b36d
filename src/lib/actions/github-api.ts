/**
 * The few GitHub REST calls following through needs, with plain `fetch`: the
 * base URL and token are parameters, so tests point it at a local stand-in and
 * GitHub Enterprise works the same. Docs: https://docs.github.com/en/rest/issues/issues
 */

/** A call to the GitHub REST API that did not succeed. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    detail: string,
  ) {
    super(
      `GitHub API ${method} ${path} answered ${status}: ${detail}${status === 401 || status === 403 ? '; check that GITHUB_TOKEN is set and the workflow has `permissions: issues: write`' : ''}`,
    );
  }
}

/** Makes authenticated requests to one GitHub REST API. */
export interface GitHubApi {
  /** Sends `body` as JSON and resolves to the parsed answer; a status of 400 or more rejects with `GitHubApiError`. */
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
}

/** An API client for `baseUrl` (`https://api.github.com`, or `GITHUB_API_URL` in Actions) with a token. */
export function createGitHubApi({
  baseUrl,
  token,
  fetch = globalThis.fetch,
}: {
  baseUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
}): GitHubApi {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${root}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'postmortems-follow-through',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) {
        let detail = text.slice(0, 200);
        try {
          detail = (JSON.parse(text) as { message?: string }).message ?? detail;
        } catch {
          // Not JSON (a proxy's error page): the start of the text says enough.
        }
        throw new GitHubApiError(response.status, method, path, detail);
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** An issue as the REST API returns it, the fields used here. */
export interface GitHubIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  body: string | null;
  html_url: string;
  /** Present when the "issue" is a pull request. */
  pull_request?: unknown;
}
