import { isUserError } from '../../src/errors.js';
import { GitHubError, GitHubRunners } from '../../src/github/runners.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';

const FAST = { retries: 4, minDelayMs: 10, maxDelayMs: 50 };
let gh: GitHubEmulator;
let runners: GitHubRunners;
const notes: string[] = [];

beforeEach(async () => {
  gh = new GitHubEmulator();
  await gh.start();
  notes.length = 0;
  runners = new GitHubRunners({ apiUrl: gh.url, token: gh.token, scope: { kind: 'repo', owner: 'acme', repo: 'marketsim' }, retry: FAST, onRetry: (m) => notes.push(m), sleep: async () => undefined });
});

afterEach(async () => {
  await gh.stop();
});

test('a JIT config: the runner id at once, a config of about 3.8 KB that decodes to runner files', async () => {
  const { runner, encodedJitConfig } = await runners.generateJitConfig({ name: 'marketsim-42-1-1', runnerGroupId: 1, labels: ['marketsim-42-1-1'] });
  expect(runner.id).toBeGreaterThan(0);
  expect(runner.status).toBe('offline');
  expect(encodedJitConfig.length).toBeGreaterThan(3500);
  expect(Object.keys(JSON.parse(Buffer.from(encodedJitConfig, 'base64').toString()) as object)).toEqual(['.runner', '.credentials', '.credentials_rsaparams']);
  gh.connect(encodedJitConfig);
  expect((await runners.getRunner(runner.id))?.status).toBe('online');
  expect((await runners.listRunners('marketsim-42-1-1')).map((r) => r.id)).toEqual([runner.id]);
  await expect(runners.generateJitConfig({ name: 'marketsim-42-1-1', runnerGroupId: 1, labels: ['x'] })).rejects.toThrow(/409/);
});

test('delete: 422 while busy is retried until free; a second delete finds it gone', async () => {
  const { runner } = await runners.generateJitConfig({ name: 'r1', runnerGroupId: 1, labels: ['r1'] });
  gh.runners.get(runner.id)!.busy = true;
  let waits = 0;
  const busy = new GitHubRunners({
    apiUrl: gh.url,
    token: gh.token,
    scope: { kind: 'repo', owner: 'acme', repo: 'marketsim' },
    retry: FAST,
    onRetry: (m) => notes.push(m),
    sleep: async () => {
      if (++waits === 2) gh.runners.get(runner.id)!.busy = false;
    },
  });
  expect(await busy.deleteRunner(runner.id)).toBe('deleted');
  expect(notes.filter((n) => /still busy/.test(n))).toHaveLength(2);
  expect(await runners.deleteRunner(runner.id)).toBe('already gone');
  expect(await runners.getRunner(runner.id)).toBeNull();
});

test('5xx and secondary rate limits are retried; a bad token says which permission it needs', async () => {
  gh.inject((m, p) => p.endsWith('/generate-jitconfig'), 502, 2);
  gh.inject((m, p) => p.endsWith('/generate-jitconfig'), 403, 1);
  gh.inject((m, p) => p.endsWith('/generate-jitconfig'), 502, 1, '<html><body><h1>502 Bad Gateway</h1></body></html>');
  await runners.generateJitConfig({ name: 'r2', runnerGroupId: 1, labels: ['r2'] });
  expect(notes).toHaveLength(4);
  expect(notes[3]).toMatch(/failed with 502: <html><body><h1>502 Bad Gateway/);
  const bad = new GitHubRunners({ apiUrl: gh.url, token: 'nope', scope: { kind: 'org', org: 'acme' }, retry: FAST });
  const err = await bad.listRunners().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GitHubError);
  expect((err as Error).message).toMatch(/^github-token: .*401: Bad credentials \(the token was refused or lacks the permission: it needs Administration write/);
  expect(isUserError(err)).toBe(true);
});

test('listing pages through more than 100 runners', async () => {
  for (let i = 0; i < 130; i++) await runners.generateJitConfig({ name: `p-${i}`, runnerGroupId: 1, labels: ['p'] });
  expect(await runners.listRunners()).toHaveLength(130);
});
