import type { RunnerScope } from '../github/runners.js';
import type { OfferFilters } from '../vast/offers.js';
import { LABEL_PREFIX } from '../vast/provision.js';
import type { Env } from './reader.js';
import { InputReader } from './reader.js';

/** actions/runner pin (shared/reference/pins.md): version, linux-x64 SHA-256. */
export const RUNNER_PIN = { version: '2.336.0', sha256: '04cf0be1aff4c3ec3554466c39124ca250e3effd8873bb7e8d68535aa9505d5d' };

export function runnerUrl(version: string): string {
  return `https://github.com/actions/runner/releases/download/v${version}/actions-runner-linux-x64-${version}.tar.gz`;
}

export interface VastConnection {
  apiUrl: string;
  apiKey: string;
}

export interface GitHubConnection {
  apiUrl: string;
  token: string;
  scope: RunnerScope;
}

const fmtSeconds = (s: number): string => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);

/**
 * Durations as `90s`, `15m`, `6h`, `2d` or plain seconds, in seconds. `min`/`max` are sane bounds: a
 * watchdog of 5 s or a reaper age of 1 minute would destroy healthy work, so they are bad input.
 */
export function parseDuration(r: InputReader, name: string, def: string | undefined, opts: { env?: string[]; min?: number; max?: number } = {}): number {
  const raw = r.string(name, { env: opts.env, default: def });
  if (raw === undefined) return NaN;
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/.exec(raw);
  if (!m) {
    r.problem(name, `expected a duration such as 90s, 15m, 6h or 2d, got '${raw}'`);
    return 0;
  }
  const seconds = Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'] ?? 1);
  if ((opts.min !== undefined && seconds < opts.min) || (opts.max !== undefined && seconds > opts.max)) {
    r.problem(name, `expected a duration from ${fmtSeconds(opts.min ?? 0)} to ${opts.max !== undefined ? fmtSeconds(opts.max) : 'any'}, got '${raw}'`);
  }
  return seconds;
}

/** A decimal number within bounds; empty gives the default (or undefined). */
export function readNumber(r: InputReader, name: string, opts: { min: number; max: number; default?: number }): number | undefined {
  const raw = r.string(name, {});
  if (raw === undefined) return opts.default;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < opts.min || n > opts.max) {
    r.problem(name, `expected a number from ${opts.min} to ${opts.max}, got '${raw}'`);
    return opts.default;
  }
  return n;
}

export function readVastConnection(r: InputReader, mask: (s: string) => void): VastConnection {
  const apiKey = r.required('api-key', { env: ['VAST_API_KEY'], hint: 'a Vast.ai API key (Account -> Keys)' });
  mask(apiKey);
  const apiUrl = r.string('api-url', { env: ['VAST_URL'], default: 'https://console.vast.ai' }) ?? 'https://console.vast.ai';
  if (!/^https?:\/\//.test(apiUrl)) r.problem('api-url', `expected an http(s) URL, got '${apiUrl}'`);
  return { apiKey, apiUrl };
}

/** Runner management needs an App installation token or a PAT with Administration write: not GITHUB_TOKEN. */
export function readGitHub(r: InputReader, vars: Env, mask: (s: string) => void, required: boolean): GitHubConnection | undefined {
  const token = required
    ? r.required('github-token', { env: ['MARKETSIM_GITHUB_TOKEN'], hint: 'a GitHub App token or PAT with Administration write (GITHUB_TOKEN cannot manage runners)' })
    : r.string('github-token', { env: ['MARKETSIM_GITHUB_TOKEN'] });
  if (token) mask(token);
  const kind = r.oneOf('runner-scope', ['repo', 'org'] as const, { default: 'repo' });
  const repo = vars.GITHUB_REPOSITORY ?? '';
  const [owner = '', name = ''] = repo.split('/');
  if (!token) return undefined;
  if (!owner || (kind === 'repo' && !name)) r.problem('runner-scope', 'needs GITHUB_REPOSITORY (owner/repo), which the runner sets');
  const scope: RunnerScope = kind === 'repo' ? { kind, owner, repo: name } : { kind, org: vars.GITHUB_REPOSITORY_OWNER ?? owner };
  return { apiUrl: vars.GITHUB_API_URL ?? 'https://api.github.com', token, scope };
}

/** The watchdog's margin over the job's own timeout: boot, hydrate, persist and teardown. */
const LIFETIME_MARGIN_S = 30 * 60;

/**
 * How long a rented GPU may live and what the run may spend: the one reading that provision enforces
 * and doctor checks ahead of it. The lifetime defaults to max-runtime + job-grace + 30m, else 6h.
 */
export function readRunBudget(r: InputReader, maxRuntimeDefault?: string) {
  const jobGrace = parseDuration(r, 'job-grace', '15m', { min: 120, max: 24 * 3600 });
  // A GitHub job on a self-hosted runner may run 5 days at most; the watchdog never allows more.
  const maxRuntime = parseDuration(r, 'max-runtime', maxRuntimeDefault, { min: 60, max: 5 * 86400 });
  const lifetimeDefault = Number.isFinite(maxRuntime) ? `${Math.round(maxRuntime + jobGrace + LIFETIME_MARGIN_S)}s` : '6h';
  const maxLifetime = parseDuration(r, 'max-lifetime', lifetimeDefault, { min: 600, max: 5 * 86400 + 3600 });
  const usd = readNumber(r, 'spend-cap', { min: 0.01, max: 1_000_000, default: 25 })!;
  const lanes = r.int('lanes', { default: 1, min: 1, max: 256 });
  return { jobGrace, maxLifetime, spendCap: { usd, lanes, hours: maxLifetime / 3600 } };
}

export function readOfferFilters(r: InputReader): OfferFilters & { maxAttempts: number } {
  const regions = r.list('regions', {}).map((x) => x.toUpperCase());
  for (const x of regions) if (!/^[A-Z]{2}$/.test(x)) r.problem('regions', `expected two-letter country codes, got '${x}'`);
  const excludeMachines = r.list('exclude-machines', {}).map((x) => {
    if (!/^\d+$/.test(x)) r.problem('exclude-machines', `expected Vast machine ids (numbers), got '${x}'`);
    return Number(x);
  });
  return {
    gpuName: r.string('gpu-name', { default: 'RTX 5090' }) ?? 'RTX 5090',
    numGpus: r.int('num-gpus', { default: 1, min: 1, max: 16 }),
    verified: r.bool('verified', { default: true }),
    minReliability: readNumber(r, 'min-reliability', { min: 0, max: 1 }),
    maxPrice: readNumber(r, 'max-price', { min: 0.01, max: 128 }),
    regions,
    minCuda: readNumber(r, 'min-cuda', { min: 0, max: 99, default: 12.8 }),
    minInetDown: readNumber(r, 'min-inet-down', { min: 0, max: 100_000 }),
    disk: r.int('disk', { default: 200, min: 8, max: 20_000 }),
    maxAttempts: r.int('max-attempts', { default: 3, min: 1, max: 20 }),
    ...(excludeMachines.length ? { excludeMachines } : {}),
  };
}

/** The prefix of our instance labels and runner names (vast-provision, vast-teardown and reap). */
export function readLabelPrefix(r: InputReader): string {
  const prefix = r.string('label-prefix', { default: 'marketsim' }) ?? 'marketsim';
  if (!LABEL_PREFIX.test(prefix)) r.problem('label-prefix', `expected lowercase letters, digits and '-', got '${prefix}'`);
  return prefix;
}

/** Names the bootstrap, Vast and the runner own: a user's `env` line may not set them. */
export const RESERVED_ENV = /^(MARKETSIM_|VAST_|CONTAINER_|ACTIONS_RUNNER_|RUNNER_ALLOW_RUNASROOT$)/;

/** KEY=VALUE lines; keys as in a shell; reserved names refused. */
export function readEnvLines(r: InputReader, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of (r.string(name, {}) ?? '').split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
    if (!m) r.problem(name, `expected KEY=VALUE lines, got '${t.slice(0, 40)}'`);
    else if (RESERVED_ENV.test(m[1]!)) r.problem(name, `${m[1]} is reserved (MARKETSIM_*, VAST_*, CONTAINER_*, ACTIONS_RUNNER_* belong to the bootstrap, Vast and the runner)`);
    else out[m[1]!] = m[2]!;
  }
  return out;
}

