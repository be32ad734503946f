import { randomBytes } from 'node:crypto';

export const EXPERIMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** `marketsim-<UTC yyyymmdd-HHMMSS>-<run id or 6 hex>`: sortable by time, unique per run. */
export function generateExperimentId(now: Date, runId?: string): string {
  const iso = now.toISOString(); // 2026-11-29T10:15:00.000Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
  const suffix = runId && /^\d+$/.test(runId) ? runId : randomBytes(3).toString('hex');
  return `marketsim-${stamp}-${suffix}`;
}
