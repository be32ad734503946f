import { fetchWithRetry, TransientError, type RetryPolicy } from '../net/retry.js';
import type { CurrentUser, Filter, Instance, Offer } from './types.js';

/** An error answer from the Vast API, with the `error` code of its JSON body when there was one. */
export class VastError extends Error {
  override name = 'VastError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The offer was rented by someone else or withdrawn between search and create: try the next one. */
export class OfferGoneError extends VastError {
  override name = 'OfferGoneError';
}

export interface VastClientOptions {
  /** https://console.vast.ai, or an emulator on 127.0.0.1. */
  baseUrl: string;
  apiKey: string;
  /** Vast sends no Retry-After; 429s are per-endpoint minimum intervals of 1-4.5 s. */
  retry?: RetryPolicy;
  onRetry?: (message: string) => void;
  timeoutMs?: number;
  /** Scales Vast's minimum intervals after a 429 (tests run them at 1/100). */
  throttleScale?: number;
}

/** Retries as the official CLI does (429, 502, 503, 504, network), but with backoff long enough for Vast's intervals. */
export const VAST_RETRY: RetryPolicy = { retries: 6, minDelayMs: 1000, maxDelayMs: 15_000 };

const RETRYABLE = new Set([429, 502, 503, 504]);

/** The create answer was lost (5xx, timeout, cut connection): the instance may or may not exist. */
export class CreateOutcomeUnknownError extends VastError {
  override name = 'CreateOutcomeUnknownError';
}

/**
 * Vast's per-endpoint minimum intervals in seconds (vast-api.md section 7): after a 429, the next try
 * waits at least this long (or the `threshold=` the answer names, if longer). Search is 10/min per IP.
 */
export function minIntervalMs(method: string, path: string): number {
  if (path.startsWith('/api/v0/asks/')) return 4500;
  if (path.startsWith('/api/v0/bundles')) return 6000;
  if (path.startsWith('/api/v1/instances')) return 1000;
  if (path.startsWith('/api/v0/instances/')) return method === 'DELETE' ? 3000 : method === 'PUT' ? 1000 : 2000;
  return 1000;
}

function throttleDelayMs(method: string, path: string, body: string): number {
  const m = /threshold=([\d.]+)/.exec(body);
  const named = m ? Math.ceil(Number(m[1]) * 1000) : 0;
  return Math.max(minIntervalMs(method, path), Number.isFinite(named) ? named : 0);
}

/**
 * The Vast.ai REST API behind typed methods. Paths and shapes follow vast-api.md: Bearer auth,
 * `/api/v0` for search, create, show and destroy, `/api/v1/instances/` for the paged list (the v0
 * list answers 410 since mid-2026).
 */
export class VastClient {
  private readonly base: string;

  constructor(private readonly opts: VastClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
  }

  async request<T>(method: string, path: string, opts: { query?: Record<string, string>; body?: unknown; retry?: RetryPolicy } = {}): Promise<T> {
    const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : '';
    const what = `${method} ${path}`;
    const { text } = await fetchWithRetry(
      what,
      `${this.base}${path}${qs}`,
      {
        method,
        headers: { authorization: `Bearer ${this.opts.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
        body: opts.body,
        timeoutMs: this.opts.timeoutMs ?? 30_000,
      },
      (status, body) =>
        RETRYABLE.has(status)
          ? new TransientError(`${what} answered ${status}: ${body.slice(0, 200)}`, {
              minDelayMs: status === 429 ? throttleDelayMs(method, path, body) * (this.opts.throttleScale ?? 1) : 0,
            })
          : vastError(status, body, what),
      opts.retry ?? this.opts.retry ?? VAST_RETRY,
      this.opts.onRetry,
    );
    return (text ? JSON.parse(text) : {}) as T;
  }

  async currentUser(): Promise<CurrentUser> {
    return this.request<CurrentUser>('GET', '/api/v0/users/current/');
  }

  async searchOffers(query: Record<string, Filter | unknown>): Promise<Offer[]> {
    const r = await this.request<{ offers?: Offer[] }>('POST', '/api/v0/bundles/', { body: query });
    return r.offers ?? [];
  }

  /**
   * `PUT /api/v0/asks/{offer}/`: the new instance id, or OfferGoneError (404 `no_such_ask`/3603, or 410).
   * Never retried: create is not idempotent, so a lost answer (5xx, 429 is safe, timeout, reset) is a
   * CreateOutcomeUnknownError and the caller looks the instance up by its unique label.
   */
  async createInstance(offerId: number, body: Record<string, unknown>): Promise<{ id: number; instanceApiKey?: string }> {
    try {
      const r = await this.request<{ success?: boolean; new_contract?: number; instance_api_key?: string; error?: string; msg?: string }>('PUT', `/api/v0/asks/${offerId}/`, {
        body,
        // A 429 is refused before anything is created, so only it may be tried again.
        retry: { retries: 0, minDelayMs: 0, maxDelayMs: 0 },
      }).catch(async (e: unknown) => {
        if (e instanceof TransientError && /answered 429/.test(e.message)) {
          await new Promise((r) => setTimeout(r, e.minDelayMs));
          return this.request<{ success?: boolean; new_contract?: number; instance_api_key?: string; error?: string; msg?: string }>('PUT', `/api/v0/asks/${offerId}/`, {
            body,
            retry: { retries: 0, minDelayMs: 0, maxDelayMs: 0 },
          });
        }
        throw e;
      });
      if (!r.new_contract) throw new VastError(200, r.error ?? 'no_contract', `create on offer ${offerId} returned no instance: ${r.msg ?? JSON.stringify(r)}`);
      return { id: r.new_contract, instanceApiKey: r.instance_api_key };
    } catch (e) {
      if (e instanceof VastError && (e.status === 410 || /no_such_ask|3603/.test(`${e.code} ${e.message}`))) {
        throw new OfferGoneError(e.status, 'no_such_ask', `offer ${offerId} is no longer available`);
      }
      if (e instanceof VastError) throw e;
      // 5xx, a second 429, a timeout or a cut connection: Vast may have created it anyway.
      throw new CreateOutcomeUnknownError(0, 'outcome_unknown', `create on offer ${offerId} got no answer we can trust (${(e as Error).message})`);
    }
  }

  /** The instance, or null once it is gone (`{"instances": null}` or 404). */
  async getInstance(id: number): Promise<Instance | null> {
    try {
      const r = await this.request<{ instances?: Instance | null }>('GET', `/api/v0/instances/${id}/`, { query: { owner: 'me' } });
      return r.instances ?? null;
    } catch (e) {
      if (e instanceof VastError && e.status === 404 && e.code !== 'auth_error') return null;
      throw e;
    }
  }

  /** Every instance matching `filters`, through all pages of the v1 list (25 a page). */
  async listInstances(filters: Record<string, Filter> = {}): Promise<Instance[]> {
    const out: Instance[] = [];
    let after: string | null | undefined;
    do {
      const query: Record<string, string> = { limit: '25', select_filters: JSON.stringify(filters), order_by: JSON.stringify([{ col: 'id', dir: 'asc' }]) };
      if (after) query.after_token = after;
      const r = await this.request<{ instances?: Instance[]; next_token?: string | null }>('GET', '/api/v1/instances/', { query });
      out.push(...(r.instances ?? []));
      after = r.next_token;
    } while (after);
    return out;
  }

  /** Idempotent: an instance that is already gone counts as destroyed. */
  async destroyInstance(id: number): Promise<'destroyed' | 'already gone'> {
    try {
      await this.request('DELETE', `/api/v0/instances/${id}/`, { body: {} });
      return 'destroyed';
    } catch (e) {
      if (e instanceof VastError && (e.code === 'no_such_instance' || (e.status === 404 && e.code !== 'auth_error'))) return 'already gone';
      throw e;
    }
  }
}

function vastError(status: number, text: string, what: string): VastError {
  let code = `HTTP${status}`;
  let msg = text.slice(0, 300);
  try {
    const j = JSON.parse(text) as { error?: string; msg?: string; message?: string; detail?: string };
    code = j.error ?? code;
    msg = j.msg ?? j.message ?? j.detail ?? msg;
  } catch {
    // plain-text body (Vast's 429s are plain text)
  }
  if (code === 'auth_error' || status === 401) {
    // Named as the input to fix: a user error (exit 2), not a failed rental.
    return Object.assign(new VastError(status, 'auth_error', `api-key: the Vast API key was refused by ${what} (${msg}); check VAST_API_KEY`), { userError: true });
  }
  return new VastError(status, code, `${what} failed with ${status} ${code}: ${msg}`);
}
