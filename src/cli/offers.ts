import { InputReader, type Env } from '../inputs/reader.js';
import { readOfferFilters, readVastConnection } from '../inputs/vast-inputs.js';
import type { CliRuntime } from '../runtime/cli-runtime.js';
import { renderTextTable } from '../runtime/format.js';
import { VastClient } from '../vast/client.js';
import { chooseOffers, countryOf, offerQuery, relaxedQuery, whyNoOffers } from '../vast/offers.js';

/** `marketsim offers`: what provision would consider, cheapest first, as a table (or JSON). */
export async function listOffers(rt: CliRuntime, env: Env, json: boolean): Promise<void> {
  const r = new InputReader(env);
  const v = readVastConnection(r, (s) => rt.mask(s));
  const { maxAttempts: _attempts, ...filters } = readOfferFilters(r);
  r.finish();
  const vast = new VastClient({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
  const offers = chooseOffers(await vast.searchOffers(offerQuery(filters)), filters, 64);
  rt.setOutput('count', offers.length);
  // An empty answer says why: which filter hid the offers that exist, and the cheapest price.
  if (offers.length === 0) rt.log.warn(whyNoOffers(await vast.searchOffers(relaxedQuery(filters)), filters));
  if (json) {
    rt.outputs.offers = offers.map((o) => ({ id: o.id, gpu: o.gpu_name, gpus: o.num_gpus, usdPerHour: o.dph_total, reliability: o.reliability2 ?? null, country: countryOf(o.geolocation), cuda: o.cuda_max_good ?? null }));
    return;
  }
  const rows = offers.map((o) => [
    String(o.id),
    `${o.num_gpus}x ${o.gpu_name}`,
    `$${o.dph_total.toFixed(3)}`,
    o.reliability2?.toFixed(3) ?? '-',
    countryOf(o.geolocation) || '-',
    String(o.cuda_max_good ?? '-'),
    o.inet_down ? `${Math.round(o.inet_down)}` : '-',
  ]);
  process.stdout.write(`${renderTextTable(['offer', 'GPU', 'USD/hour', 'reliability', 'country', 'CUDA', 'Mbit/s down'], rows)}\n${offers.length} offers\n`);
}
