/** Human units shared by progress lines, summaries and the CLI: decimal throughout (kB, MB, GB), like MB/s. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[i]}`;
}

/** Decimal MB/s, the unit aws-cli and rclone print. */
export function formatRate(bytes: number, ms: number): string {
  if (ms <= 0) return '-';
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}

export function formatEta(p: { bytesDone: number; bytesTotal: number; elapsedMs: number }): string {
  if (p.bytesDone <= 0 || p.bytesTotal <= p.bytesDone) return '-';
  const rate = p.bytesDone / p.elapsedMs;
  const s = Math.round((p.bytesTotal - p.bytesDone) / rate / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** One progress line for logs that are not terminals (Actions logs, CI); nothing to move reads "up to date". */
export function progressLine(label: string, p: import('./ports.js').TransferProgress): string {
  if (p.filesTotal === 0) return `${label}: up to date, nothing to transfer`;
  return (
    `${label}: ${p.filesDone}/${p.filesTotal} files, ${formatBytes(p.bytesDone)}/${formatBytes(p.bytesTotal)}, ` +
    `${formatRate(p.bytesDone, p.elapsedMs)}, ETA ${formatEta(p)}`
  );
}

/** Plain-text rendering of a table, for terminals and tests. */
export function renderTextTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
