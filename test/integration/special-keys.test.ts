import fs from 'node:fs';
import path from 'node:path';
import { hydrate } from '../../src/storage/hydrate.js';
import { persistLogs } from '../../src/storage/persist.js';
import { bytes, digestOf, hydrateConfig, RecordingLogger, RecordingProgress, s3BehindProxy, store, tempDir, treeDigest } from './helpers.js';

const fx = s3BehindProxy();

/** Every character the issue names, in folder and file names, plus non-ASCII (NFC and a combining mark). */
const NAMES = [
  'with space.csv',
  'plus+sign.csv',
  'eq=and&amp.csv',
  'pct%20literal%.csv',
  '(parens)!*.csv',
  "quote'tilde~at@.csv",
  'colon:comma,semi;dollar$.csv',
  '[brackets].csv',
  'café-日本-Ωmega.csv',
  'e\u0301-combining.csv',
  'sub dir+1/(inner)/deep~@.csv',
];

test('keys with spaces, + = & % ( ) ! * \' ~ @ : , ; $ [ ] and non-ASCII round-trip through persist and hydrate, every request signed over exactly what was sent', async () => {
  const logDir = tempDir('special-up');
  const want: Record<string, string> = {};
  NAMES.forEach((rel, i) => {
    const b = bytes(1000 + i * 37, i);
    fs.mkdirSync(path.dirname(path.join(logDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(logDir, rel), b);
    want[`trainingdata/${rel}`] = digestOf(b);
  });
  // Persist writes them under <prefix>trainingdata/ (a logs folder, for the test); hydrate reads them back.
  const up = await persistLogs(
    { store: store(fx.proxy.endpoint), logDir, experimentId: 'x', targetPrefix: 'stock/trainingdata/', ifNoFilesFound: 'error', concurrency: 4 },
    new RecordingLogger(),
    new RecordingProgress(),
  );
  expect(up.failures).toEqual([]);
  expect(up.uploaded).toBe(NAMES.length);
  expect(up.verified).toBe(true);

  const root = tempDir('special-down');
  const down = await hydrate(hydrateConfig(fx.proxy.endpoint, root, { dirs: ['trainingdata'] }), new RecordingLogger(), new RecordingProgress());
  expect(down.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(want);
  // A re-run finds nothing to do: the names compare equal both ways.
  const again = await persistLogs({ store: store(fx.proxy.endpoint), logDir, experimentId: 'x', targetPrefix: 'stock/trainingdata/', ifNoFilesFound: 'error', concurrency: 4 }, new RecordingLogger(), new RecordingProgress());
  expect(again.uploaded).toBe(0);
  expect(fx.proxy.rejected).toEqual([]);
  expect(fx.proxy.log.length).toBeGreaterThan(2 * NAMES.length);
});
