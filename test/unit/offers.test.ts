import { chooseOffers, countryOf, offerQuery } from '../../src/vast/offers.js';
import type { Offer } from '../../src/vast/types.js';

const f = { gpuName: 'RTX 5090', numGpus: 1, verified: true, regions: ['US', 'CA'], disk: 200, minCuda: 12.8, maxPrice: 0.8, minReliability: 0.95, minInetDown: 500 };

test('the search body uses Vast operators and the CLI defaults', () => {
  expect(offerQuery(f)).toEqual({
    gpu_name: { eq: 'RTX 5090' },
    num_gpus: { eq: 1 },
    rentable: { eq: true },
    rented: { eq: false },
    external: { eq: false },
    verified: { eq: true },
    disk_space: { gte: 200 },
    reliability2: { gte: 0.95 },
    dph_total: { lte: 0.8 },
    geolocation: { in: ['US', 'CA'] },
    cuda_max_good: { gte: 12.8 },
    inet_down: { gte: 500 },
    order: [['dph_total', 'asc']],
    type: 'on-demand',
    allocated_storage: 200,
    limit: 64,
  });
});

test('candidates: re-checked, cheapest first, one per machine, at most N', () => {
  const o = (id: number, dph: number, extra: Partial<Offer> = {}): Offer => ({ id, dph_total: dph, gpu_name: 'RTX 5090', num_gpus: 1, machine_id: id, cuda_max_good: 12.9, ...extra });
  const offers = [o(1, 0.5), o(2, 0.3), o(3, 0.3, { machine_id: 2 }), o(4, 0.9), o(5, 0.1, { gpu_name: 'RTX 5090 Ti' }), o(6, 0.2, { cuda_max_good: 12.2 }), o(7, 0.4)];
  expect(chooseOffers(offers, f, 3).map((x) => x.id)).toEqual([2, 7, 1]);
});

test('country from Vast\'s free-text geolocation', () => {
  expect(countryOf('California, US')).toBe('US');
  expect(countryOf('Quebec, CA ')).toBe('CA');
  expect(countryOf(undefined)).toBe('');
});
