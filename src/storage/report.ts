import { formatBytes, formatRate, formatSeconds } from '../runtime/format.js';
import type { SummaryDoc } from '../runtime/ports.js';
import type { VerifyMethod } from '../s3/etag.js';
import type { HydrateResult } from './hydrate.js';
import type { PersistResult } from './persist.js';

const METHOD_TEXT: Record<VerifyMethod, string> = {
  md5: 'MD5 of the body = single-part ETag',
  'multipart-md5': 'MD5 of part MD5s = multipart ETag',
  crc32: 'CRC-32 of the body = the one recorded at upload (marketsim push / persist-logs)',
  'size-only': 'size only (the store did not reveal how to check the content)',
  'local-md5': 'local file hashed, matched the ETag (not downloaded)',
  cache: 'restored from the Actions cache',
};

export function hydrateSummary(r: HydrateResult, source: string, cacheHit?: boolean): SummaryDoc {
  const lines = [
    `${r.dryRun ? 'Dry run: would download' : 'Downloaded'} **${r.downloaded}** files (${formatBytes(r.bytesDownloaded)}) from \`${source}\` in ${formatSeconds(r.elapsedMs)} ` +
      `(${formatRate(r.bytesDownloaded, r.elapsedMs)}); ${r.skipped} unchanged, ${r.deleted} deleted.`,
    `Manifest hash: \`${r.manifestHash}\``,
  ];
  if (cacheHit !== undefined) lines.push(`Actions cache: ${cacheHit ? 'hit' : 'miss'}`);
  if (r.refused) lines.push(`Refused ${r.refused} object keys that would write outside the target (see the warnings).`);
  if (r.staleTempFilesRemoved) lines.push(`Removed ${r.staleTempFilesRemoved} temporary files left by an interrupted run.`);
  if (r.failures.length) lines.push(`**${r.failures.length} objects failed**: ${r.failures.slice(0, 10).map((f) => `\`${f.key}\``).join(', ')}`);
  const tables = [
    {
      title: 'Folders',
      header: ['folder', 'objects', 'downloaded', 'skipped', 'deleted', 'bytes', 'seconds', 'MB/s'],
      rows: r.dirs.map((d) => [
        d.missing ? `${d.dir} (missing in bucket)` : d.dir,
        String(d.objects),
        String(d.downloaded),
        String(d.skipped),
        String(d.deleted),
        formatBytes(d.bytes),
        (d.ms / 1000).toFixed(2),
        d.ms > 0 ? (d.bytes / 1e6 / (d.ms / 1000)).toFixed(1) : '-',
      ]),
    },
  ];
  const methods = Object.entries(r.verification) as [VerifyMethod, number][];
  if (methods.length) {
    tables.push({ title: 'Integrity', header: ['verified by', 'files'], rows: methods.map(([m, n]) => [METHOD_TEXT[m], String(n)]) });
  }
  return { heading: 'r2-hydrate', lines, tables };
}

export function persistSummary(r: PersistResult): SummaryDoc {
  const lines = [
    `Logs of experiment \`${r.experimentId}\` → \`${r.uri}\``,
    r.noFiles
      ? 'No files to upload.'
      : `Uploaded **${r.uploaded}** files (${formatBytes(r.bytesUploaded)}) in ${formatSeconds(r.elapsedMs)} (${formatRate(r.bytesUploaded, r.elapsedMs)}); ` +
        `${r.skipped} already there. Verified by listing: **${r.verified ? 'yes' : 'NO'}**.`,
  ];
  if (r.missing.length) lines.push(`Missing or different in the bucket: ${r.missing.slice(0, 20).map((m) => `\`${m}\``).join(', ')}`);
  if (r.growing.length) lines.push(`Still being written while read (uploaded as a consistent snapshot): ${r.growing.map((g) => `\`${g}\``).join(', ')}`);
  if (r.skippedLinks.length) lines.push(`Links not followed: ${r.skippedLinks.map((l) => `\`${l.rel}\` (${l.reason})`).join(', ')}`);
  const tables = [
    {
      title: 'Upload',
      header: ['files', 'uploaded', 'skipped', 'failed', 'bytes', 'seconds', 'MB/s', 'verified'],
      rows: [
        [
          String(r.files),
          String(r.uploaded),
          String(r.skipped),
          String(r.failures.length),
          formatBytes(r.bytesUploaded),
          (r.elapsedMs / 1000).toFixed(2),
          r.elapsedMs > 0 ? (r.bytesUploaded / 1e6 / (r.elapsedMs / 1000)).toFixed(1) : '-',
          r.verified ? 'yes' : 'no',
        ],
      ],
    },
  ];
  return { heading: 'r2-persist-logs', lines, tables };
}
