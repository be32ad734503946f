import { fetchWithRetry, TransientError, type RetryPolicy } from '../net/retry.js';

export type RunnerScope = { kind: 'repo'; owner: string; repo: string } | { kind: 'org'; org: string };

export interface Runner {
  id: number;
  name: string;
  os?: string;
  status: 'online' | 'offline' | string;
  busy: boolean;
  runner_group_id?: number;
  labels: { id?: number; name: string; type?: string }[];
}

export class GitHubError extends Error {
  override name = 'GitHubError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GitHubRunnersOptions {
  /** GITHUB_API_URL on a runner: https://api.github.com, or GitHub Enterprise, or an emulator. */
  apiUrl: string;
  token: string;
  scope: RunnerScope;
  retry?: RetryPolicy;
  onRetry?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export const GITHUB_RETRY: RetryPolicy = { retries: 5, minDelayMs: 1000, maxDelayMs: 20_000 };

/** The self-hosted runner endpoints we need (github-runners.md A1), repo or org scope. */
export class GitHubRunners {
  private readonly base: string;
  private readonly root: string;

  constructor(private readonly opts: GitHubRunnersOptions) {
    const root = opts.apiUrl.replace(/\/+$/, '');
    this.root = root;
    this.base = opts.scope.kind === 'repo' ? `${root}/repos/${opts.scope.owner}/${opts.scope.repo}/actions/runners` : `${root}/orgs/${opts.scope.org}/actions/runners`;
  }

  private async call<T>(method: string, path: string, body?: unknown, absolute = false): Promise<{ status: number; data: T }> {
    const what = `${method} ${path || '/'}${absolute ? '' : ' (runners)'}`;
    const parse = (text: string): T & { message?: string } => (text ? JSON.parse(text) : {}) as T & { message?: string };
    const { status, text } = await fetchWithRetry(
      what,
      absolute ? `${this.root}${path}` : `${this.base}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${this.opts.token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'marketsim-actions',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
        timeoutMs: 30_000,
      },
      (status, text) => {
        // An error page from a proxy in front of GitHub is HTML, not JSON: keep its text, not a SyntaxError.
        let data: { message?: string } = {};
        try {
          data = parse(text);
        } catch {
          // not JSON
        }
        const message = `${what} failed with ${status}: ${data.message ?? text.slice(0, 200)}`;
        // 5xx, 429 and secondary rate limits (403 with "rate limit") are worth another try.
        if (status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(data.message ?? ''))) return new TransientError(message);
        if (status === 401 || status === 403) {
          return Object.assign(
            new GitHubError(status, `github-token: ${message} (the token was refused or lacks the permission: it needs Administration write on the repository, or Self-hosted runners on the organization; GITHUB_TOKEN cannot)`),
            { userError: true },
          );
        }
        return new GitHubError(status, message);
      },
      this.opts.retry ?? GITHUB_RETRY,
      this.opts.onRetry,
    );
    return { status, data: parse(text) };
  }

  /** A just-in-time config: a one-job runner whose id is known at once. The config is a secret. */
  async generateJitConfig(req: { name: string; runnerGroupId: number; labels: string[]; workFolder?: string }): Promise<{ runner: Runner; encodedJitConfig: string }> {
    const { data } = await this.call<{ runner: Runner; encoded_jit_config: string }>('POST', '/generate-jitconfig', {
      name: req.name,
      runner_group_id: req.runnerGroupId,
      labels: req.labels,
      work_folder: req.workFolder ?? '_work',
    });
    return { runner: data.runner, encodedJitConfig: data.encoded_jit_config };
  }

  async getRunner(id: number): Promise<Runner | null> {
    try {
      return (await this.call<Runner>('GET', `/${id}`)).data;
    } catch (e) {
      if (e instanceof GitHubError && e.status === 404) return null;
      throw e;
    }
  }

  async listRunners(name?: string): Promise<Runner[]> {
    const out: Runner[] = [];
    for (let page = 1; ; page++) {
      const q = new URLSearchParams({ per_page: '100', page: String(page) });
      if (name) q.set('name', name);
      const { data } = await this.call<{ total_count: number; runners: Runner[] }>('GET', `?${q.toString()}`);
      out.push(...data.runners);
      if (data.runners.length < 100 || out.length >= data.total_count) return out;
    }
  }

  /** The status of a workflow run of the repository (`completed` once it is over), or null if unknown. */
  async getRunStatus(runId: string): Promise<string | null> {
    if (this.opts.scope.kind !== 'repo') return null;
    try {
      const { data } = await this.call<{ status?: string }>('GET', `/repos/${this.opts.scope.owner}/${this.opts.scope.repo}/actions/runs/${runId}`, undefined, true);
      return data.status ?? null;
    } catch (e) {
      if (e instanceof GitHubError && e.status === 404) return null;
      throw e;
    }
  }

  /**
   * Removes a registration. A runner still running a job answers 422 ("is still running a job"):
   * wait and try again until `busyTimeoutMs`; 404 means it is gone already.
   */
  async deleteRunner(id: number, busyTimeoutMs = 120_000): Promise<'deleted' | 'already gone'> {
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    const deadline = Date.now() + busyTimeoutMs;
    for (let wait = 2000; ; wait = Math.min(wait * 2, 15_000)) {
      try {
        await this.call('DELETE', `/${id}`);
        return 'deleted';
      } catch (e) {
        if (e instanceof GitHubError && e.status === 404) return 'already gone';
        if (!(e instanceof GitHubError && e.status === 422) || Date.now() + wait > deadline) throw e;
        this.opts.onRetry?.(`runner ${id} is still busy; trying to remove it again in ${wait / 1000} s`);
        await sleep(wait);
      }
    }
  }
}
