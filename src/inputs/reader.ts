import { ConfigurationError } from '../errors.js';

export type Env = Record<string, string | undefined>;

interface Common {
  /** Environment variables tried, in order, when the input is empty. */
  env?: string[];
}

/** The variable the runner sets for an input: spaces become `_`, upper case, hyphens kept. */
export function inputVar(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/**
 * Reads action inputs with environment fallbacks (input, then variables, then default) and
 * collects every problem, so the user sees all of them in one message.
 */
export class InputReader {
  private readonly problems: string[] = [];
  /** Every input asked for, with its variable fallbacks: checked against action.yml by a test. */
  readonly seen = new Map<string, string[]>();

  constructor(private readonly vars: Env) {}

  /** The raw value and where it came from, or undefined when the input and its variables are empty. */
  raw(name: string, opts: Common = {}): { value: string; source: string } | undefined {
    this.seen.set(name, [...(this.seen.get(name) ?? []), ...(opts.env ?? [])]);
    for (const v of [inputVar(name), ...(opts.env ?? [])]) {
      const value = this.vars[v]?.trim();
      if (value) return { value, source: v.startsWith('INPUT_') ? `input '${name}'` : `variable ${v}` };
    }
    return undefined;
  }

  problem(name: string, message: string): void {
    // One input read twice (the root action reads the store for hydrate and for persist) is one problem.
    const p = `${name}: ${message}`;
    if (!this.problems.includes(p)) this.problems.push(p);
  }

  string(name: string, opts: Common & { default?: string }): string | undefined {
    return this.raw(name, opts)?.value ?? opts.default;
  }

  required(name: string, opts: Common & { hint?: string }): string {
    const v = this.raw(name, opts)?.value;
    if (v === undefined) {
      const vars = opts.env?.length ? ` (or variable ${opts.env.join(' / ')})` : '';
      this.problem(name, `required${vars}${opts.hint ? `; ${opts.hint}` : ''}`);
      return '';
    }
    return v;
  }

  /** YAML 1.2 core booleans only; anything else is an error, never a silent default. */
  bool(name: string, opts: Common & { default: boolean }): boolean {
    const r = this.raw(name, opts);
    if (!r) return opts.default;
    if (TRUE.includes(r.value)) return true;
    if (FALSE.includes(r.value)) return false;
    this.problem(name, `expected true or false, got '${r.value}' (from ${r.source})`);
    return opts.default;
  }

  int(name: string, opts: Common & { default: number; min: number; max: number }): number {
    const r = this.raw(name, opts);
    if (!r) return opts.default;
    if (!/^-?\d+$/.test(r.value)) {
      this.problem(name, `expected a whole number from ${opts.min} to ${opts.max}, got '${r.value}'`);
      return opts.default;
    }
    const n = Number(r.value);
    if (n < opts.min || n > opts.max) {
      this.problem(name, `expected a whole number from ${opts.min} to ${opts.max}, got ${n}`);
      return opts.default;
    }
    return n;
  }

  oneOf<T extends string>(name: string, values: readonly T[], opts: Common & { default: T }): T {
    const r = this.raw(name, opts);
    if (!r) return opts.default;
    if ((values as readonly string[]).includes(r.value)) return r.value as T;
    this.problem(name, `expected one of ${values.join(', ')}, got '${r.value}'`);
    return opts.default;
  }

  /** Newline- or comma-separated; commas inside `{a,b}` glob braces do not split. */
  list(name: string, opts: Common & { default?: string[] }): string[] {
    const r = this.raw(name, opts);
    if (!r) return opts.default ?? [];
    return splitList(r.value);
  }

  /** Throws one ConfigurationError listing every problem seen so far. */
  finish(): void {
    if (this.problems.length === 1) throw new ConfigurationError(`Invalid input ${this.problems[0]}`);
    if (this.problems.length > 1) {
      throw new ConfigurationError(`Invalid inputs:\n${this.problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  }
}

export function splitList(value: string): string[] {
  const out: string[] = [];
  for (const line of value.split(/\r?\n/)) {
    let depth = 0;
    let cur = '';
    for (const ch of line) {
      if (ch === '{') depth++;
      if (ch === '}') depth = Math.max(0, depth - 1);
      if (ch === ',' && depth === 0) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
