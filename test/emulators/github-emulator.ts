import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { LocalApiServer } from './local-server.js';

export interface EmuRunner {
  id: number;
  name: string;
  os: string;
  status: 'online' | 'offline';
  busy: boolean;
  runner_group_id: number;
  labels: { id: number; name: string; type: 'read-only' | 'custom' }[];
  jitConfig: string;
  deleted: boolean;
}

/**
 * The GitHub REST endpoints for self-hosted runners (github-runners.md A1) on 127.0.0.1, repo and
 * org scope: generate-jitconfig (201; 409 for a taken name; 422 without group or labels), get,
 * list by name with paging, delete (204; 422 while busy; 404 after), workflow runs, 401 for a bad token.
 */
export class GitHubEmulator extends LocalApiServer {
  readonly runners = new Map<number, EmuRunner>();
  readonly runs = new Map<number, { id: number; status: string; conclusion: string | null }>();
  readonly log: { method: string; path: string; status: number }[] = [];
  private readonly faults: { match: (m: string, p: string) => boolean; status: number; times: number; html?: string }[] = [];
  private nextId = 500;

  constructor(readonly token = `ghs_test${randomBytes(12).toString('hex')}`) {
    super();
  }

  /** The next `times` matching requests answer `status`: GitHub's JSON error, or `html` as a proxy's error page. */
  inject(match: (method: string, path: string) => boolean, status: number, times = 1, html?: string): void {
    this.faults.push({ match, status, times, html });
  }

  /** What the runner application does when it starts with a JIT config: it comes online. */
  connect(jitConfig: string): EmuRunner | undefined {
    const r = [...this.runners.values()].find((x) => x.jitConfig === jitConfig && !x.deleted);
    if (r) r.status = 'online';
    return r;
  }

  liveRunners(): EmuRunner[] {
    return [...this.runners.values()].filter((r) => !r.deleted);
  }

  private send(req: http.IncomingMessage, res: http.ServerResponse, status: number, body?: unknown): void {
    this.log.push({ method: req.method ?? '', path: req.url ?? '', status });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private view(r: EmuRunner): Omit<EmuRunner, 'jitConfig' | 'deleted'> {
    const { jitConfig: _j, deleted: _d, ...rest } = r;
    return rest;
  }

  /** About 3.8 KB like the real one: base64 of a JSON map of file name -> base64 content. */
  private makeJitConfig(r: { id: number; name: string }): string {
    const files = {
      '.runner': Buffer.from(JSON.stringify({ agentId: r.id, agentName: r.name, poolId: 1, serverUrl: 'https://pipelines.actions.githubusercontent.com/x', workFolder: '_work', ephemeral: true })).toString('base64'),
      '.credentials': Buffer.from(JSON.stringify({ scheme: 'OAuth', data: { clientId: randomBytes(16).toString('hex'), authorizationUrl: 'https://vstoken.actions.githubusercontent.com/x' } })).toString('base64'),
      '.credentials_rsaparams': randomBytes(1900).toString('base64'),
    };
    return Buffer.from(JSON.stringify(files)).toString('base64');
  }

  protected handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const fault = this.faults.find((f) => f.times > 0 && f.match(method, path));
    if (fault) {
      fault.times--;
      if (fault.html !== undefined) {
        this.log.push({ method, path: req.url ?? '', status: fault.status });
        res.writeHead(fault.status, { 'content-type': 'text/html' });
        res.end(fault.html);
        return;
      }
      return this.send(req, res, fault.status, { message: fault.status === 403 ? 'You have exceeded a secondary rate limit.' : 'Server Error' });
    }
    // Test-only routes for the stand-in runner: what the runner service does on connect and after the job.
    if (method === 'POST' && (path === '/_emulator/connect' || path === '/_emulator/finish')) {
      const r = [...this.runners.values()].find((x) => x.jitConfig === raw.trim() && !x.deleted);
      if (!r) return this.send(req, res, 404, { message: 'no runner for this JIT config' });
      if (path === '/_emulator/connect') r.status = 'online';
      else r.deleted = true; // ephemeral: deregistered after its one job
      return this.send(req, res, 200, { id: r.id });
    }
    if (req.headers.authorization !== `Bearer ${this.token}`) return this.send(req, res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const scope = /^\/(?:repos\/[^/]+\/[^/]+|orgs\/[^/]+)\/actions\/(.*)$/.exec(path)?.[1];
    if (scope === undefined) return this.send(req, res, 404, { message: 'Not Found' });

    if (method === 'POST' && scope === 'runners/generate-jitconfig') {
      if (typeof body.name !== 'string' || !Number.isInteger(body.runner_group_id) || !Array.isArray(body.labels) || body.labels.length < 1 || body.labels.length > 100) {
        return this.send(req, res, 422, { message: 'Invalid request. name, runner_group_id and labels (1-100) are required.' });
      }
      if (this.liveRunners().some((r) => r.name === body.name)) return this.send(req, res, 409, { message: 'Already exists - A runner with the same name already exists.' });
      const id = this.nextId++;
      const runner: EmuRunner = {
        id,
        name: body.name,
        os: 'Linux',
        status: 'offline',
        busy: false,
        runner_group_id: body.runner_group_id as number,
        labels: (body.labels as string[]).map((name, i) => ({ id: i + 1, name, type: 'custom' as const })),
        jitConfig: '',
        deleted: false,
      };
      runner.jitConfig = this.makeJitConfig(runner);
      this.runners.set(id, runner);
      return this.send(req, res, 201, { runner: this.view(runner), encoded_jit_config: runner.jitConfig });
    }
    if (method === 'POST' && scope === 'runners/registration-token') return this.send(req, res, 201, { token: `AAREG${randomBytes(10).toString('hex')}`, expires_at: new Date(Date.now() + 3600e3).toISOString() });
    if (method === 'GET' && scope === 'runners') {
      const name = url.searchParams.get('name');
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = this.liveRunners().filter((r) => !name || r.name === name);
      return this.send(req, res, 200, { total_count: all.length, runners: all.slice((page - 1) * perPage, page * perPage).map((r) => this.view(r)) });
    }
    const one = /^runners\/(\d+)$/.exec(scope);
    if (one) {
      const r = this.runners.get(Number(one[1]));
      if (!r || r.deleted) return this.send(req, res, 404, { message: 'Not Found' });
      if (method === 'GET') return this.send(req, res, 200, this.view(r));
      if (method === 'DELETE') {
        if (r.busy) return this.send(req, res, 422, { message: `Runner "${r.name}" is still running a job` });
        r.deleted = true;
        return this.send(req, res, 204);
      }
    }
    const run = /^runs\/(\d+)$/.exec(scope);
    if (run && method === 'GET') {
      const found = this.runs.get(Number(run[1]));
      return found ? this.send(req, res, 200, found) : this.send(req, res, 404, { message: 'Not Found' });
    }
    return this.send(req, res, 404, { message: 'Not Found' });
  }
}
