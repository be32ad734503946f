import type { Instance } from './types.js';

export type Readiness = { state: 'pending' } | { state: 'running' } | { state: 'failed'; reason: string };

/** Docker daemon texts that mean the image will never start (vast-api.md section 5). */
const FAILURE_TEXT = /error response from daemon|manifest .* not found|pull access denied|unauthorized|oci runtime|permission denied|no such image|exec format error/i;

/**
 * Reads one poll of an instance: running, still coming up, or failed for good. `exited`, `offline`
 * and `unknown` never become running (Vast docs), nor does an instance stopped by the host.
 */
export function readiness(inst: Instance | null): Readiness {
  if (!inst) return { state: 'failed', reason: 'the instance disappeared' };
  const actual = inst.actual_status ?? null;
  const msg = inst.status_msg ?? '';
  if (actual === 'running') return { state: 'running' };
  if (FAILURE_TEXT.test(msg)) return { state: 'failed', reason: `image did not start: ${msg}` };
  if (actual === 'exited' || actual === 'offline' || actual === 'unknown' || actual === 'frozen') return { state: 'failed', reason: `instance is ${actual}${msg ? `: ${msg}` : ''}` };
  if (inst.intended_status === 'stopped' || (actual === 'stopped' && inst.cur_state === 'stopped')) return { state: 'failed', reason: `instance was stopped by the host${msg ? `: ${msg}` : ''}` };
  return { state: 'pending' };
}

/** ssh://root@host:port from the direct port when open, else Vast's SSH proxy (CLI `_ssh_url`). */
export function sshUrl(inst: Instance): string {
  const ip = (inst.public_ipaddr ?? '').trim();
  const port = inst.ports?.['22/tcp']?.[0]?.HostPort;
  if (ip && port) return `ssh://root@${ip}:${port}`;
  return inst.ssh_host && inst.ssh_port ? `ssh://root@${inst.ssh_host}:${inst.ssh_port}` : '';
}
