import { OfferGoneError, VastClient, VastError } from '../../src/vast/client.js';
import { chooseOffers, offerQuery, type OfferFilters } from '../../src/vast/offers.js';
import { VastEmulator } from '../emulators/vast-emulator.js';

const FAST = { retries: 5, minDelayMs: 20, maxDelayMs: 100 };
let emu: VastEmulator;
let vast: VastClient;
const retries: string[] = [];

const filters: OfferFilters = { gpuName: 'RTX 5090', numGpus: 1, verified: true, regions: [], disk: 200, minCuda: 12.8, maxPrice: 1 };

beforeEach(async () => {
  emu = new VastEmulator();
  await emu.start();
  emu.addOffer({ id: 27097509, dph_total: 0.42, geolocation: 'Quebec, CA' });
  emu.addOffer({ id: 2, dph_total: 0.35, geolocation: 'Texas, US' });
  emu.addOffer({ id: 3, dph_total: 0.3, verified: false });
  emu.addOffer({ id: 4, dph_total: 0.2, gpu_name: 'RTX 4090' });
  emu.addOffer({ id: 5, dph_total: 2.5, geolocation: 'Texas, US' });
  emu.addOffer({ id: 6, dph_total: 0.25, cuda_max_good: 12.4 });
  retries.length = 0;
  vast = new VastClient({ baseUrl: emu.url, apiKey: emu.apiKey, retry: FAST, onRetry: (m) => retries.push(m) });
});

afterEach(async () => {
  await emu.stop();
});

test('offer search sends Vast operators; the choice is cheapest first within every filter', async () => {
  const offers = await vast.searchOffers(offerQuery(filters));
  expect(offers.map((o) => o.id)).toEqual([2, 27097509]); // unverified, 4090, over the cap, old CUDA: filtered
  expect(chooseOffers(offers, filters, 3).map((o) => o.id)).toEqual([2, 27097509]);
  const ca = await vast.searchOffers(offerQuery({ ...filters, regions: ['CA'] }));
  expect(ca.map((o) => o.id)).toEqual([27097509]);
});

test('create, then poll until running: ports only when running, HostPort a string, the IP with trailing space', async () => {
  const { id, instanceApiKey } = await vast.createInstance(2, { client_id: 'me', image: 'ghcr.io/o/sim@sha256:abc', disk: 200, label: 'marketsim-1-1-1', env: { A: '1' } });
  expect(instanceApiKey).toMatch(/^inst-/);
  const first = await vast.getInstance(id);
  expect(first?.actual_status ?? null).toBeNull();
  expect(first?.ports ?? null).toBeNull();
  await new Promise((r) => setTimeout(r, emu.stepMs * 2.5));
  const running = await vast.getInstance(id);
  expect(running?.actual_status).toBe('running');
  expect(running?.ports?.['22/tcp']?.[0]?.HostPort).toMatch(/^\d+$/);
  expect(running?.public_ipaddr).toBe('203.0.113.7 ');
});

test('an offer taken by someone else (404 no_such_ask/3603) or withdrawn (410) is OfferGoneError', async () => {
  await vast.createInstance(2, { image: 'x' });
  await expect(vast.createInstance(2, { image: 'x' })).rejects.toBeInstanceOf(OfferGoneError);
  emu.offers.find((o) => o.id === 27097509)!.vanished = true;
  await expect(vast.createInstance(27097509, { image: 'x' })).rejects.toBeInstanceOf(OfferGoneError);
});

test('the emulator enforces Vast\'s documented limits on create', async () => {
  await expect(vast.createInstance(2, { image: 'x', env: { JIT: 'a'.repeat(300) } })).rejects.toThrow(/400 invalid_args: env entry JIT longer than 256/);
  await expect(vast.createInstance(2, { image: 'x', onstart: 'x'.repeat(5000) })).rejects.toThrow(/onstart longer than 4048/);
});

test('destroy is idempotent, and a destroyed instance reads as null', async () => {
  const { id } = await vast.createInstance(2, { image: 'x' });
  expect(await vast.destroyInstance(id)).toBe('destroyed');
  expect(await vast.destroyInstance(id)).toBe('already gone');
  expect(await vast.getInstance(id)).toBeNull();
  expect(emu.live()).toEqual([]);
});

test('the v1 list pages 25 at a time and filters by label; the v0 list is gone (410)', async () => {
  for (let i = 0; i < 30; i++) emu.addOffer({ id: 100 + i, dph_total: 0.4 });
  for (let i = 0; i < 30; i++) await vast.createInstance(100 + i, { image: 'x', label: i % 2 ? 'marketsim-9-1-1' : 'other' });
  expect(await vast.listInstances()).toHaveLength(30);
  expect(emu.log.filter((l) => l.path === '/api/v1/instances/')).toHaveLength(2);
  expect((await vast.listInstances({ label: { eq: 'marketsim-9-1-1' } })).map((i) => i.label)).toEqual(new Array(15).fill('marketsim-9-1-1'));
  await expect(vast.request('GET', '/api/v0/instances/')).rejects.toThrow(/410 deprecated_endpoint/);
});

test('429 with a plain-text body and no Retry-After, and 5xx, are retried; a refused key is named', async () => {
  emu.inject((m, p) => p === '/api/v0/bundles/', { status: 429, body: 'API requests too frequent endpoint threshold=10' }, 3);
  emu.inject((m, p) => p === '/api/v0/bundles/', { status: 502, body: '<html>bad gateway</html>' }, 1);
  emu.inject((m, p) => p === '/api/v0/bundles/', 'drop', 1);
  const scaled = new VastClient({ baseUrl: emu.url, apiKey: emu.apiKey, retry: FAST, onRetry: (m) => retries.push(m), throttleScale: 0.01 });
  const t0 = Date.now();
  expect((await scaled.searchOffers(offerQuery(filters))).length).toBe(2);
  expect(retries.length).toBe(5);
  // Each 429 waited at least the threshold it named (10 s, scaled to 100 ms here), never sooner.
  expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
  const bad = new VastClient({ baseUrl: emu.url, apiKey: 'wrong', retry: FAST });
  await expect(bad.currentUser()).rejects.toThrow(/^api-key: the Vast API key was refused by GET \/api\/v0\/users\/current\/ \(Invalid user key\)/);
});

test('per-endpoint minimum intervals answer 429 to calls that come too fast; the client spaces out and succeeds', async () => {
  emu.minIntervalMs.set('GET /api/v0/users/current/', 50);
  const user = await Promise.all([vast.currentUser(), vast.currentUser(), vast.currentUser()]);
  expect(user.every((u) => u.credit === 50)).toBe(true);
  expect(emu.log.some((l) => l.status === 429)).toBe(true);
});

test('an instance key (CONTAINER_API_KEY) may destroy only its own instance', async () => {
  const a = await vast.createInstance(2, { image: 'x' });
  const b = await vast.createInstance(27097509, { image: 'x' });
  const asA = new VastClient({ baseUrl: emu.url, apiKey: a.instanceApiKey!, retry: FAST });
  await expect(asA.destroyInstance(b.id)).rejects.toBeInstanceOf(VastError);
  await expect(asA.searchOffers({})).rejects.toThrow(/403/);
  expect(await asA.destroyInstance(a.id)).toBe('destroyed');
  expect(emu.live().map((i) => i.id)).toEqual([b.id]);
});
