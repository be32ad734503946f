import type { Filter, Offer } from './types.js';

export interface OfferFilters {
  gpuName: string;
  numGpus: number;
  verified: boolean;
  /** 0..1, on Vast's `reliability2`. */
  minReliability?: number;
  /** USD per hour cap on `dph_total`. */
  maxPrice?: number;
  /** Country codes, e.g. US, CA. */
  regions: string[];
  /** RTX 50-series cards need CUDA >= 12.8 images and hosts (vast-api.md section 3). */
  minCuda?: number;
  /** Mbit/s. */
  minInetDown?: number;
  /** GB the instance needs; also prices storage into dph_total. */
  disk: number;
  /** Machines not to rent again (a retry after an infrastructure failure goes elsewhere). */
  excludeMachines?: number[];
}

/**
 * The body of `POST /api/v0/bundles/`: one flat object of `field: {op: value}` filters plus
 * `order`, `type` and `limit`, with the CLI's defaults (rentable, not rented, not external).
 */
export function offerQuery(f: OfferFilters, limit = 64): Record<string, Filter | unknown> {
  const q: Record<string, Filter | unknown> = {
    gpu_name: { eq: f.gpuName },
    num_gpus: { eq: f.numGpus },
    rentable: { eq: true },
    rented: { eq: false },
    external: { eq: false },
    disk_space: { gte: f.disk },
    order: [['dph_total', 'asc']],
    type: 'on-demand',
    allocated_storage: f.disk,
    limit,
  };
  if (f.verified) q.verified = { eq: true };
  if (f.minReliability !== undefined) q.reliability2 = { gte: f.minReliability };
  if (f.maxPrice !== undefined) q.dph_total = { lte: f.maxPrice };
  if (f.regions.length) q.geolocation = { in: f.regions };
  if (f.minCuda !== undefined) q.cuda_max_good = { gte: f.minCuda };
  if (f.minInetDown !== undefined) q.inet_down = { gte: f.minInetDown };
  if (f.excludeMachines?.length) q.machine_id = { notin: f.excludeMachines };
  return q;
}

/**
 * The offers to try, cheapest first, re-checked on our side (a search answer is a snapshot and
 * filters are only as good as the server's), one per machine, at most `attempts`.
 */
export function chooseOffers(offers: Offer[], f: OfferFilters, attempts: number): Offer[] {
  const seen = new Set<number>();
  return offers
    .filter((o) => o.gpu_name === f.gpuName && o.num_gpus === f.numGpus)
    .filter((o) => f.maxPrice === undefined || o.dph_total <= f.maxPrice)
    .filter((o) => f.minCuda === undefined || (o.cuda_max_good ?? 0) >= f.minCuda)
    .filter((o) => !f.excludeMachines?.includes(o.machine_id ?? -1))
    .sort((a, b) => a.dph_total - b.dph_total || (b.reliability2 ?? 0) - (a.reliability2 ?? 0))
    .filter((o) => {
      const m = o.machine_id ?? -o.id;
      if (seen.has(m)) return false;
      seen.add(m);
      return true;
    })
    .slice(0, attempts);
}

/** "California, US" -> "US": Vast answers free text that ends in the country code. */
export function countryOf(geolocation: string | undefined): string {
  return /\b([A-Z]{2})\s*$/.exec(geolocation ?? '')?.[1] ?? '';
}

/** The same GPU search without our narrowing filters: what exists at all, to say which filter hid it. */
export function relaxedQuery(f: OfferFilters, limit = 256): Record<string, Filter | unknown> {
  return { gpu_name: { eq: f.gpuName }, num_gpus: { eq: f.numGpus }, rentable: { eq: true }, rented: { eq: false }, external: { eq: false }, order: [['dph_total', 'asc']], type: 'on-demand', limit };
}

/**
 * Why no offer matched, from the relaxed search's answer: how many offers of that GPU exist, the
 * cheapest, and how many each filter excluded (e.g. min-cuda hiding every RTX 4090).
 */
export function whyNoOffers(candidates: Offer[], f: OfferFilters): string {
  const name = `${f.numGpus}x ${f.gpuName}`;
  if (candidates.length === 0) return `No ${name} offer is rentable on Vast right now, whatever the filters (check gpu-name: Vast writes e.g. "RTX 5090")`;
  const cheapest = Math.min(...candidates.map((o) => o.dph_total));
  const checks: [string, (o: Offer) => boolean][] = [
    [`max-price ${f.maxPrice}`, (o) => f.maxPrice === undefined || o.dph_total <= f.maxPrice],
    [`min-cuda ${f.minCuda}`, (o) => f.minCuda === undefined || (o.cuda_max_good ?? 0) >= f.minCuda],
    ['verified', (o) => !f.verified || o.verification === undefined || o.verification === 'verified'],
    [`min-reliability ${f.minReliability}`, (o) => f.minReliability === undefined || (o.reliability2 ?? 0) >= f.minReliability],
    [`regions ${f.regions.join(',')}`, (o) => !f.regions.length || f.regions.includes(countryOf(o.geolocation))],
    [`min-inet-down ${f.minInetDown}`, (o) => f.minInetDown === undefined || (o.inet_down ?? 0) >= f.minInetDown],
    [`disk ${f.disk}`, (o) => o.disk_space === undefined || o.disk_space >= f.disk],
  ];
  const excluded = checks.map(([label, ok]) => [label, candidates.filter((o) => !ok(o)).length] as const).filter(([, n]) => n > 0);
  const by = excluded.length ? excluded.map(([label, n]) => `${label} excludes ${n}`).join(', ') : 'none of our filters alone (the offers may have been taken meanwhile)';
  return `No ${name} offer matches the filters. ${candidates.length} ${name} offers are rentable now, the cheapest at $${cheapest.toFixed(3)}/h; ${by}`;
}
