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
  bar.update(p(5, 5_000_000));
  bar.done(p(10, 10_000_000));
  await new Promise((r) => setImmediate(r));
  expect(text()).toMatch(/hydrate \[[█░]+\] 100% \| 10\/10 files \| 9\.54 MiB\/9\.54 MiB \| 5\.0 MB\/s/);
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
  expect(out).toContain('persist: 10/10 files, 9.54 MiB/9.54 MiB, 5.0 MB/s');
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
  expect(rt.outputs).toEqual({ 'files-downloaded': '3' });
});
