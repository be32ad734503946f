import { spawnSync } from 'node:child_process';

/**
 * System tools some suites need (Debian packages). On a machine without one, those tests are skipped
 * with one visible line naming the package to install; where MARKETSIM_REQUIRE_TOOLS=true (CI, set by
 * .ci/run after installing them) a missing tool is a failure instead.
 */
export const TOOLS = {
  'docker-registry': 'docker-registry',
  htpasswd: 'apache2-utils',
  shellcheck: 'shellcheck',
  openssl: 'openssl',
  python3: 'python3',
  curl: 'curl',
} as const;

export type Tool = keyof typeof TOOLS;

const seen = new Map<string, boolean>();

function present(cmd: string): boolean {
  // MARKETSIM_PRETEND_MISSING=a,b rehearses a machine without those tools (how the skip path is checked).
  if ((process.env.MARKETSIM_PRETEND_MISSING ?? '').split(',').includes(cmd)) return false;
  if (!seen.has(cmd)) seen.set(cmd, spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0);
  return seen.get(cmd)!;
}

/** True when every tool is there; otherwise one line on stderr (or an error under MARKETSIM_REQUIRE_TOOLS=true). */
export function haveTools(what: string, tools: Tool[]): boolean {
  const missing = tools.filter((t) => !present(t));
  if (missing.length === 0) return true;
  const packages = [...new Set(missing.map((t) => TOOLS[t]))].join(' ');
  const line = `SKIPPED ${what}: needs ${missing.join(', ')} (apt-get install ${packages})`;
  if (process.env.MARKETSIM_REQUIRE_TOOLS === 'true') throw new Error(`${line}; MARKETSIM_REQUIRE_TOOLS=true makes this a failure`);
  process.stderr.write(`${line}\n`);
  return false;
}

/** `test`, or `test.skip` when a tool is missing. */
export function testWith(what: string, tools: Tool[]): typeof test {
  return haveTools(what, tools) ? test : (test.skip as unknown as typeof test);
}

export function describeWith(what: string, tools: Tool[]): typeof describe {
  return haveTools(what, tools) ? describe : (describe.skip as unknown as typeof describe);
}
