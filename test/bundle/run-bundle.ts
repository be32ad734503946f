import { NODE24 } from './node24.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { inputVar } from '../../src/inputs/reader.js';

const copies = new Map<string, string>();

/** A copy of dist/<name> in a temp folder: no node_modules beside it, as on a runner. */
export function bundleCopy(name: string): string {
  let dir = copies.get(name);
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `marketsim-bundle-${name}-`));
    fs.cpSync(path.resolve('dist', name), dir, { recursive: true });
    copies.set(name, dir);
  }
  return path.join(dir, 'index.js');
}

/** Inputs with `default:` in the action.yml, as the runner always sets them. */
export function actionDefaults(actionYml: string): Record<string, string> {
  const doc = YAML.parse(fs.readFileSync(actionYml, 'utf8')) as { inputs?: Record<string, { default?: unknown }> };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) if (spec.default !== undefined) out[name] = String(spec.default);
  return out;
}

export interface BundleRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  errors: string[];
  files: { output: string; state: string; summary: string; env: string };
}

/** Parses the runner's file-command format: `name<<delimiter\nvalue\ndelimiter` (and `name=value`). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = /^([^=<]+)<<(.+)$/.exec(line);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
      out[m[1]!] = value.join('\n');
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

export function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-(child.pid ?? 0), signal);
  } catch {
    child.kill(signal);
  }
}

export interface BundleOptions {
  /** The action.yml whose `default:` inputs the runner would set; none for a composite's inner step. */
  action?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  state?: Record<string, string>;
  /** Called with the child right after it starts (to kill it, for example). */
  onStart?: (child: ChildProcess) => void;
  timeoutMs?: number;
}

/** Runs one bundle like the runner: a clean environment, INPUT_* and the GITHUB_* files. */
export async function runBundle(name: string, opts: BundleOptions): Promise<BundleRun> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-step-'));
  const files = {
    output: path.join(work, 'output'),
    state: path.join(work, 'state'),
    summary: path.join(work, 'summary'),
    env: path.join(work, 'env'),
  };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    RUNNER_TEMP: work,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_ACTIONS: 'true',
  };
  for (const [k, v] of Object.entries({ ...(opts.action ? actionDefaults(opts.action) : {}), ...(opts.inputs ?? {}) })) env[inputVar(k)] = v;
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v;
  Object.assign(env, opts.env ?? {});
  // Its own process group, so a kill takes the whole tree, as the runner does on cancel.
  const child = spawn(NODE24, [bundleCopy(name)], { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  opts.onStart?.(child);
  const timer = setTimeout(() => killTree(child, 'SIGKILL'), opts.timeoutMs ?? 60_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('close', (c, s) => r([c, s])));
  clearTimeout(timer);
  const read = (f: string): string => fs.readFileSync(f, 'utf8');
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(read(files.output)),
    state: parseFileCommands(read(files.state)),
    summary: read(files.summary),
    errors: stdout.split('\n').filter((l) => l.startsWith('::error::')).map((l) => l.slice('::error::'.length)),
    files,
  };
}

/**
 * Every place a secret shows up, other than `::add-mask::` lines (which the runner swallows). Strict: even a line the runner would mask counts, and so do outputs, state and
 * the summary (never masked). Empty when nothing leaked.
 */
export function secretLeaks(run: BundleRun, secret: string): string[] {
  const leaks: string[] = [];
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    // The runner swallows every ::add-mask:: line (one of a larger secret contains its pieces).
    if (!line.startsWith('::add-mask::') && line.includes(secret)) leaks.push(`log: ${line}`);
  }
  for (const [name, text] of Object.entries({ outputs: JSON.stringify(run.outputs), state: JSON.stringify(run.state), summary: run.summary })) {
    if (text.includes(secret)) leaks.push(name);
  }
  return leaks;
}

/** Checks `cond` every `everyMs` and calls `then` once, the first time it holds (to kill a step at the right moment). */
export function whenTrue(cond: () => boolean, everyMs: number, then: () => void): void {
  const poll = setInterval(() => {
    if (!cond()) return;
    clearInterval(poll);
    then();
  }, everyMs);
}
