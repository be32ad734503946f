import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { LocalApiServer } from './local-server.js';

export type Scenario = 'ok' | 'pull-fail' | 'stuck-loading' | 'offline' | 'exited';

export interface EmuOffer {
  id: number;
  machine_id: number;
  host_id: number;
  gpu_name: string;
  num_gpus: number;
  gpu_ram: number;
  dph_total: number;
  reliability2: number;
  verified: boolean;
  rentable: boolean;
  rented: boolean;
  external: boolean;
  geolocation: string;
  cuda_max_good: number;
  inet_down: number;
  disk_space: number;
  direct_port_count: number;
  /** What happens to an instance created on this offer. */
  scenario: Scenario;
  /** Withdrawn: create answers 410 no_such_ask. */
  vanished?: boolean;
}

export interface EmuInstance {
  id: number;
  offer: EmuOffer;
  body: Record<string, unknown>;
  label: string;
  apiKey: string;
  createdAt: number;
  destroyed: boolean;
  owner: string;
  announced?: boolean;
}

/**
 * A scripted answer: `status`/`body` instead of handling; `drop` closes the socket unanswered; with
 * `afterwards`, the request is carried out first and only its answer is lost (a create that made the
 * instance, then 502'd or was cut: the case that must never be retried blindly).
 */
type Fault = { status: number; body: string; afterwards?: boolean } | 'drop' | 'drop-afterwards';

/**
 * A Vast.ai REST API on 127.0.0.1, written from vast-api.md: the real paths, payloads, status codes
 * and error shapes, an instance state machine on a clock, and fault injection.
 */
export class VastEmulator extends LocalApiServer {
  readonly offers: EmuOffer[] = [];
  readonly instances = new Map<number, EmuInstance>();
  readonly log: { method: string; path: string; status: number; auth: string }[] = [];
  credit = 50;
  /** Called once when an instance first reads as running: what its onstart would do next. */
  onRunning?: (inst: EmuInstance) => void;
  /** Milliseconds per state step: created -> loading -> running. */
  stepMs = 30;
  /** Minimum interval per endpoint and caller, in ms (Vast's "threshold"); empty = no rate limit. */
  readonly minIntervalMs = new Map<string, number>();
  private readonly lastCall = new Map<string, number>();
  private readonly faults: { match: (m: string, p: string) => boolean; fault: Fault; times: number }[] = [];
  private nextId = 1000;

  constructor(readonly apiKey = `vast-test-key-${randomBytes(8).toString('hex')}`) {
    super();
  }

  addOffer(o: Partial<EmuOffer> & { id: number }): EmuOffer {
    const offer: EmuOffer = {
      machine_id: o.id * 10,
      host_id: o.id * 100,
      gpu_name: 'RTX 5090',
      num_gpus: 1,
      gpu_ram: 32607,
      dph_total: 0.5,
      reliability2: 0.99,
      verified: true,
      rentable: true,
      rented: false,
      external: false,
      geolocation: 'Oregon, US',
      cuda_max_good: 12.9,
      inet_down: 900,
      disk_space: 500,
      direct_port_count: 10,
      scenario: 'ok',
      ...o,
    };
    this.offers.push(offer);
    return offer;
  }

  inject(match: (method: string, path: string) => boolean, fault: Fault, times = 1): void {
    this.faults.push({ match, fault, times });
  }

  /** Instances not destroyed (what the account is paying for). */
  live(): EmuInstance[] {
    return [...this.instances.values()].filter((i) => !i.destroyed);
  }

  /** The state an instance is in now, from its scenario and age. */
  view(inst: EmuInstance): Record<string, unknown> {
    const steps = Math.floor((Date.now() - inst.createdAt) / this.stepMs);
    const o = inst.offer;
    let actual: string | null = null;
    let msg = '';
    if (o.scenario === 'ok') [actual, msg] = steps >= 2 ? ['running', `success, running ${String(inst.body.image)}/ssh`] : steps >= 1 ? ['loading', 'pulling image'] : [null, ''];
    else if (o.scenario === 'stuck-loading') [actual, msg] = steps >= 1 ? ['loading', 'pulling image'] : [null, ''];
    else if (o.scenario === 'pull-fail')
      [actual, msg] = steps >= 1 ? ['created', `Error response from daemon: manifest for ${String(inst.body.image)} not found: manifest unknown`] : [null, ''];
    else if (o.scenario === 'offline') [actual, msg] = steps >= 1 ? ['offline', 'host disconnected'] : [null, ''];
    else if (o.scenario === 'exited') [actual, msg] = steps >= 2 ? ['exited', 'container exited'] : steps >= 1 ? ['loading', 'pulling image'] : [null, ''];
    const running = actual === 'running';
    if (running && !inst.announced) {
      inst.announced = true;
      this.onRunning?.(inst);
    }
    return {
      id: inst.id,
      label: inst.label,
      actual_status: actual,
      intended_status: 'running',
      cur_state: 'running',
      next_state: 'running',
      status_msg: msg,
      image_uuid: inst.body.image,
      image_runtype: inst.body.runtype ?? 'ssh',
      onstart: inst.body.onstart ?? null,
      extra_env: Object.entries((inst.body.env as Record<string, string>) ?? {}),
      ssh_host: 'ssh4.vast.ai',
      ssh_port: 20000 + (inst.id % 1000),
      public_ipaddr: running ? '203.0.113.7 ' : null, // trailing whitespace, as Vast sends it
      ports: running ? { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: String(40000 + (inst.id % 1000)) }] } : null,
      start_date: inst.createdAt / 1000,
      dph_total: o.dph_total,
      gpu_name: o.gpu_name,
      num_gpus: o.num_gpus,
      machine_id: o.machine_id,
      host_id: o.host_id,
      geolocation: o.geolocation,
    };
  }

  private send(res: http.ServerResponse, status: number, body: unknown, auth: string, req: http.IncomingMessage): void {
    const lost = (res as http.ServerResponse & { lostAnswer?: Fault }).lostAnswer;
    if (lost === 'drop-afterwards') {
      this.log.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', status: 0, auth });
      return void req.socket.destroy();
    }
    if (lost && typeof lost === 'object') {
      status = lost.status;
      body = lost.body;
    }
    this.log.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', status, auth });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
    res.end(text);
  }

  protected handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const who = token === this.apiKey ? 'account' : [...this.instances.values()].find((i) => i.apiKey === token && token) ? 'instance' : '';
    const fault = this.faults.find((f) => f.times > 0 && f.match(method, path));
    if (fault) {
      fault.times--;
      if (fault.fault === 'drop') return void req.socket.destroy();
      if (fault.fault === 'drop-afterwards' || fault.fault.afterwards) (res as http.ServerResponse & { lostAnswer?: Fault }).lostAnswer = fault.fault;
      else return this.send(res, fault.fault.status, fault.fault.body, who, req);
    }
    if (!who) return this.send(res, 401, { success: false, error: 'auth_error', msg: 'Invalid user key' }, who, req);

    const endpoint = `${method} ${path.replace(/\/\d+(?=\/)/g, '/:id')}`;
    const interval = this.minIntervalMs.get(endpoint);
    if (interval !== undefined) {
      const key = `${endpoint} ${token}`;
      const last = this.lastCall.get(key) ?? 0;
      this.lastCall.set(key, Date.now());
      if (Date.now() - last < interval) return this.send(res, 429, `API requests too frequent endpoint threshold=${interval / 1000}`, who, req);
    }
    let body: Record<string, unknown>;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return this.send(res, 400, { success: false, error: 'invalid_args', msg: 'body is not JSON' }, who, req);
    }
    const idMatch = /^\/api\/v0\/(instances|asks)\/(\d+)\/$/.exec(path);
    if (who === 'instance') {
      // CONTAINER_API_KEY: "can only start, stop, or destroy that specific instance".
      const inst = [...this.instances.values()].find((i) => i.apiKey === token)!;
      const own = idMatch?.[1] === 'instances' && Number(idMatch[2]) === inst.id;
      if (!own || !(method === 'DELETE' || (method === 'PUT' && 'state' in body))) {
        return this.send(res, 403, { success: false, error: 'forbidden', msg: 'This key may only stop or destroy its own instance.' }, who, req);
      }
    }

    if (method === 'GET' && path === '/api/v0/users/current/') return this.send(res, 200, { id: 7, email: 'research@example.com', credit: this.credit, balance: 0 }, who, req);
    if (method === 'POST' && path === '/api/v0/bundles/') return this.send(res, 200, { offers: this.search(body) }, who, req);
    if (method === 'PUT' && idMatch?.[1] === 'asks') return this.create(Number(idMatch[2]), body, res, who, req);
    if (method === 'GET' && path === '/api/v0/instances/') {
      return this.send(res, 410, { success: false, error: 'deprecated_endpoint', msg: '/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.' }, who, req);
    }
    if (method === 'GET' && path === '/api/v1/instances/') return this.list(url.searchParams, res, who, req);
    if (idMatch?.[1] === 'instances') {
      const inst = this.instances.get(Number(idMatch[2]));
      if (method === 'GET') return this.send(res, 200, { instances: inst && !inst.destroyed ? this.view(inst) : null }, who, req);
      if (!inst || inst.destroyed) return this.send(res, 404, { success: false, error: 'no_such_instance', msg: `Instance ${idMatch[2]} not found.` }, who, req);
      if (method === 'DELETE') {
        inst.destroyed = true;
        inst.offer.rented = false;
        return this.send(res, 200, { success: true }, who, req);
      }
      if (method === 'PUT' && typeof body.label === 'string') {
        inst.label = body.label;
        return this.send(res, 200, { success: true }, who, req);
      }
    }
    return this.send(res, 404, { success: false, error: 'not_found', msg: `no route for ${method} ${path}` }, who, req);
  }

  private search(q: Record<string, unknown>): Record<string, unknown>[] {
    const ops: Record<string, (a: unknown, b: unknown) => boolean> = {
      eq: (a, b) => a === b || String(a) === String(b),
      neq: (a, b) => String(a) !== String(b),
      gt: (a, b) => Number(a) > Number(b),
      gte: (a, b) => Number(a) >= Number(b),
      lt: (a, b) => Number(a) < Number(b),
      lte: (a, b) => Number(a) <= Number(b),
      in: (a, b) => Array.isArray(b) && b.map(String).includes(String(a)),
      notin: (a, b) => Array.isArray(b) && !b.map(String).includes(String(a)),
    };
    const control = new Set(['order', 'type', 'limit', 'allocated_storage']);
    let out = this.offers.filter((o) => {
      for (const [field, cond] of Object.entries(q)) {
        if (control.has(field) || typeof cond !== 'object' || cond === null) continue;
        let value: unknown = (o as unknown as Record<string, unknown>)[field];
        if (field === 'geolocation') value = /([A-Z]{2})\s*$/.exec(o.geolocation)?.[1];
        for (const [op, arg] of Object.entries(cond as Record<string, unknown>)) if (!ops[op]?.(value, arg)) return false;
      }
      return true;
    });
    const order = (q.order as [string, string][] | undefined) ?? [['score', 'desc']];
    const [col, dir] = order[0] ?? ['dph_total', 'asc'];
    out = [...out].sort((a, b) => (Number((a as unknown as Record<string, number>)[col]) - Number((b as unknown as Record<string, number>)[col])) * (dir === 'desc' ? -1 : 1));
    return out.slice(0, Number(q.limit ?? 64)).map(({ scenario: _s, vanished: _v, verified, ...rest }) => ({ ...rest, verification: verified ? 'verified' : 'unverified' }));
  }

  private create(offerId: number, body: Record<string, unknown>, res: http.ServerResponse, who: string, req: http.IncomingMessage): void {
    const offer = this.offers.find((o) => o.id === offerId);
    if (offer?.vanished) return this.send(res, 410, { success: false, error: 'no_such_ask', msg: `Instance type by id ${offerId} is no longer available.` }, who, req);
    if (!offer || offer.rented || !offer.rentable) {
      return this.send(res, 404, { success: false, error: 'invalid_args', msg: `error 404/3603: no_such_ask Instance type by id ${offerId} is not available.`, ask_id: offerId }, who, req);
    }
    const problems: string[] = [];
    if (typeof body.image !== 'string' || !body.image) problems.push('image is required');
    if (typeof body.disk === 'number' && body.disk < 8) problems.push('disk must be at least 8');
    if (typeof body.label === 'string' && body.label.length > 256) problems.push('label longer than 256');
    const env = body.env ?? {};
    if (typeof env !== 'object' || Array.isArray(env)) problems.push('env must be an object');
    else {
      let total = 0;
      for (const [k, v] of Object.entries(env as Record<string, unknown>)) {
        const entry = `${k}=${String(v)}`;
        total += entry.length;
        if (entry.length > 256) problems.push(`env entry ${k} longer than 256 characters`);
      }
      if (total > 32768) problems.push('env longer than 32768 characters in all');
    }
    if (typeof body.onstart === 'string' && body.onstart.length > 4048) problems.push('onstart longer than 4048 characters');
    if (problems.length) return this.send(res, 400, { success: false, error: 'invalid_args', msg: problems.join('; ') }, who, req);
    offer.rented = true;
    const id = this.nextId++;
    const inst: EmuInstance = { id, offer, body, label: String(body.label ?? ''), apiKey: `inst-${randomBytes(12).toString('hex')}`, createdAt: Date.now(), destroyed: false, owner: 'me' };
    this.instances.set(id, inst);
    return this.send(res, 200, { success: true, new_contract: id, instance_api_key: inst.apiKey }, who, req);
  }

  private list(params: URLSearchParams, res: http.ServerResponse, who: string, req: http.IncomingMessage): void {
    const limit = Math.min(25, Number(params.get('limit') ?? 25));
    const filters = JSON.parse(params.get('select_filters') ?? '{}') as Record<string, Record<string, unknown>>;
    for (const col of Object.keys(filters)) {
      if (!['actual_status', 'gpu_name', 'verification', 'id', 'label'].includes(col)) {
        return this.send(res, 400, { success: false, error: 'invalid_args', msg: `cannot filter on ${col}` }, who, req);
      }
    }
    const after = Number(params.get('after_token') ?? 0);
    const all = this.live()
      .map((i) => this.view(i))
      .filter((v) => Object.entries(filters).every(([col, cond]) => Object.entries(cond).every(([op, arg]) => (op === 'eq' ? v[col] === arg : op === 'in' ? (arg as unknown[]).includes(v[col]) : true))))
      .filter((v) => Number(v.id) > after)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const page = all.slice(0, limit);
    const next = all.length > limit ? String(page[page.length - 1]!.id) : null;
    return this.send(res, 200, { success: true, instances_found: page.length, total_instances: all.length, next_token: next, instances: page }, who, req);
  }
}
