import type { SingleBar } from 'cli-progress';
import { formatBytes, formatEta, formatRate, progressLine, renderTextTable } from './format.js';
import type { ProgressSink, Runtime, SummaryDoc, TransferProgress } from './ports.js';

export interface CliRuntimeOptions {
  /** Print nothing but errors on stderr (the result goes to stdout as JSON). */
  quiet: boolean;
  /** Draw progress bars (a terminal); otherwise plain progress lines. */
  tty: boolean;
  stream?: NodeJS.WriteStream;
}

export interface CliRuntime extends Runtime {
  /** The command's result for --json: numbers stay numbers, booleans booleans, lists arrays. */
  outputs: Record<string, unknown>;
}

/** `1.20/3.40 GB`: one unit for both numbers, as short as the bar needs. */
function compactBytes(done: number, total: number): string {
  const t = formatBytes(total);
  const unit = t.split(' ')[1] ?? 'B';
  const scale = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[unit] ?? 1;
  return unit === 'B' ? `${done}/${total} B` : `${(done / scale).toFixed(2)}/${t}`;
}

/** The Runtime for the `marketsim` CLI: console lines, progress bars, secrets redacted. */
export function cliRuntime(opts: CliRuntimeOptions): CliRuntime {
  const out = opts.stream ?? process.stderr;
  const secrets = new Set<string>();
  const state = new Map<string, string>();
  const outputs: Record<string, unknown> = {};
  const redact = (m: string): string => {
    let s = m;
    for (const secret of secrets) s = s.split(secret).join('***');
    return s;
  };
  const write = (prefix: string, m: string, always = false): void => {
    if (opts.quiet && !always) return;
    out.write(`${prefix}${redact(m)}\n`);
  };
  return {
    outputs,
    log: {
      info: (m) => write('', m),
      warn: (m) => write('warning: ', m, true),
      error: (m) => write('error: ', m, true),
      debug: (m) => {
        if (process.env.MARKETSIM_DEBUG) write('debug: ', m);
      },
    },
    mask: (s) => {
      if (s) secrets.add(s);
    },
    setOutput: (n, v) => {
      outputs[n] = v;
    },
    saveState: (n, v) => state.set(n, v),
    getState: (n) => state.get(n) ?? '',
    writeSummary: async (doc: SummaryDoc) => {
      if (opts.quiet) return;
      const parts = [`\n== ${doc.heading}`, ...doc.lines];
      for (const t of doc.tables) parts.push(`\n${t.title}\n${renderTextTable(t.header, t.rows)}`);
      // The summary lines are Markdown for GitHub; a terminal gets them plain.
      const plain = parts.join('\n').replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
      out.write(`${redact(plain)}\n`);
    },
    progress: (label): ProgressSink => {
      if (opts.quiet) return { update: () => undefined, done: () => undefined };
      if (!opts.tty) {
        let last = 0;
        return {
          update: (p) => {
            if (Date.now() - last < 2000) return;
            last = Date.now();
            write('', progressLine(label, p));
          },
          done: (p) => write('', progressLine(label, p)),
        };
      }
      // Fits 80 columns: `hydrate [████░░░░░░░░] 45% 120/300 files 1.20/3.40 GB 85.0 MB/s ETA 12s`.
      // cli-progress is loaded here, not at start: a quiet or piped run (and every no-op) never needs it.
      let bar: SingleBar | undefined;
      void import('cli-progress').then(({ default: cliProgress }) => {
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% {files} files {bytes} {rate} ETA {eta_h}`,
            barsize: 12,
            stream: out,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
      });
      let started = false;
      const payload = (p: TransferProgress): Record<string, string> => ({
        files: `${p.filesDone}/${p.filesTotal}`,
        bytes: compactBytes(p.bytesDone, p.bytesTotal),
        rate: formatRate(p.bytesDone, p.elapsedMs),
        eta_h: formatEta(p),
      });
      const total = (p: TransferProgress): number => Math.max(1, p.bytesTotal);
      return {
        update: (p) => {
          if (!bar) return;
          if (!started) {
            bar.start(total(p), p.bytesDone, payload(p));
            started = true;
          }
          bar.setTotal(total(p));
          bar.update(p.bytesDone, payload(p));
        },
        done: (p) => {
          if (!started && p.filesTotal === 0) return void out.write(`${label}: up to date, nothing to transfer\n`);
          // Done before the bar module loaded (a run of a few milliseconds): one plain line.
          if (!bar) return void write('', progressLine(label, p));
          if (!started) bar.start(total(p), 0, payload(p));
          bar.update(p.bytesTotal, payload(p));
          bar.stop();
        },
      };
    },
  };
}
