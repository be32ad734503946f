import { PassThrough } from 'node:stream';
import { cliRuntime } from '../../src/runtime/cli-runtime.js';

function fakeStream(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  let out = '';
  s.on('data', (d: Buffer) => (out += d.toString()));
  Object.assign(s, { isTTY: tty, columns: 120, cursorTo: (_x: number, _y?: number, cb?: () => void) => (cb?.(), true), clearLine: (_d: number, cb?: () => void) => (cb?.(), true), moveCursor: (_x: number, _y: number, cb?: () => void) => (cb?.(), true) });
  return { stream: s, text: () => out };
}

const p = (filesDone: number, bytesDone: number) => ({ verb: 'download', filesDone, filesTotal: 10, bytesDone, bytesTotal: 10_000_000, elapsedMs: 2000 });

test('a terminal gets a progress bar with files, bytes, rate and ETA', async () => {
  const { stream, text } = fakeStream(true);
  const rt = cliRuntime({ quiet: false, tty: true, stream });
  const bar = rt.progress('hydrate');
  // The bar module loads on first use; the runtime's own import settles first.
  await import('cli-progress');
  await new Promise((r) => setImmediate(r));
  bar.update(p(5, 5_000_000));
  bar.done(p(10, 10_000_000));
  await new Promise((r) => setImmediate(r));
  // Each redraw starts with the label (the fake terminal moves the cursor silently).
  const last = `hydrate [${text().split('hydrate [').pop()!}`.split('\n')[0]!;
  expect(last).toMatch(/hydrate \[[█░]{12}\] 100% 10\/10 files 10\.00\/10\.0 MB 5\.0 MB\/s ETA -/);
  // Fits an 80-column terminal (ANSI codes aside).
  // eslint-disable-next-line no-control-regex -- ANSI escapes are what is stripped
  expect(last.replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, '').trim().length).toBeLessThanOrEqual(80);
});

test('a transfer that ends before the bar module has loaded still prints its final line', () => {
  const { stream, text } = fakeStream(true);
  const bar = cliRuntime({ quiet: false, tty: true, stream }).progress('hydrate');
  bar.update(p(5, 5_000_000));
  bar.done(p(10, 10_000_000));
  expect(text()).toMatch(/^hydrate: 10\/10 files/);
});

test('nothing to move reads "up to date", not 0/0 files (terminal and pipe)', async () => {
  for (const tty of [true, false]) {
    const { stream, text } = fakeStream(tty);
    cliRuntime({ quiet: false, tty, stream }).progress('hydrate').done({ verb: 'download', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, elapsedMs: 5 });
    await new Promise((r) => setImmediate(r));
    expect(text()).toContain('hydrate: up to date, nothing to transfer');
    expect(text()).not.toContain('0/0');
  }
});

test('a pipe gets plain progress lines; secrets are redacted and Markdown is stripped', async () => {
  const { stream, text } = fakeStream(false);
  const rt = cliRuntime({ quiet: false, tty: false, stream });
  rt.mask('s3cr3t-value');
  rt.log.info('using s3cr3t-value here');
  rt.progress('persist').done(p(10, 10_000_000));
  await rt.writeSummary({ heading: 'r2-hydrate', lines: ['Downloaded **3** files from `s3://b/p/`'], tables: [{ title: 'Folders', header: ['folder', 'objects'], rows: [['a', '3']] }] });
  const out = text();
  expect(out).not.toContain('s3cr3t-value');
  expect(out).toContain('using *** here');
  expect(out).toContain('persist: 10/10 files, 10.0 MB/10.0 MB, 5.0 MB/s');
  expect(out).toContain('Downloaded 3 files from s3://b/p/');
  expect(out).toMatch(/folder\s+objects\n-+\s+-+\na\s+3/);
});

test('--json mode keeps stdout clean: quiet sends only warnings and errors to stderr', () => {
  const { stream, text } = fakeStream(false);
  const rt = cliRuntime({ quiet: true, tty: false, stream });
  rt.log.info('chatter');
  rt.log.warn('careful');
  rt.setOutput('files-downloaded', 3);
  expect(text()).toBe('warning: careful\n');
  // Numbers stay numbers for --json.
  expect(rt.outputs).toEqual({ 'files-downloaded': 3 });
});
