import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { HYDRATE_OUTPUTS, readHydrateInputs } from '../../src/actions/r2-hydrate/step.js';
import { PERSIST_OUTPUTS, readPersistInputs } from '../../src/actions/r2-persist-logs/step.js';
import { readRunInputs, RUN_OUTPUTS } from '../../src/actions/run/sync-and-run.js';
import type { InputReader } from '../../src/inputs/reader.js';
import { PROVISION_OUTPUTS, readProvisionInputs } from '../../src/actions/vast-provision/step.js';
import { readTeardownInputs, TEARDOWN_OUTPUTS } from '../../src/actions/vast-teardown/step.js';

interface ActionYml {
  inputs?: Record<string, { description?: string; default?: unknown; required?: boolean }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main?: string; post?: string; steps?: { run?: string; uses?: string }[] };
}

const load = (file: string): ActionYml => YAML.parse(fs.readFileSync(file, 'utf8')) as ActionYml;
const noop = (): void => undefined;

const JS_ACTIONS: { file: string; reader: () => InputReader; outputs: readonly string[] }[] = [
  { file: 'actions/r2-hydrate/action.yml', reader: () => readHydrateInputs({}, noop).r, outputs: HYDRATE_OUTPUTS },
  { file: 'actions/r2-persist-logs/action.yml', reader: () => readPersistInputs({}, noop).r, outputs: PERSIST_OUTPUTS },
  { file: 'action.yml', reader: () => readRunInputs({}, noop).r, outputs: [...RUN_OUTPUTS, ...HYDRATE_OUTPUTS, ...PERSIST_OUTPUTS] },
  { file: 'actions/vast-provision/action.yml', reader: () => readProvisionInputs({}, noop).r, outputs: PROVISION_OUTPUTS },
  { file: 'actions/vast-teardown/action.yml', reader: () => readTeardownInputs({}, noop).r, outputs: TEARDOWN_OUTPUTS },
];

describe.each(JS_ACTIONS)('$file', ({ file, reader, outputs }) => {
  const doc = load(file);

  test('runs on node24 and its main/post bundles exist', () => {
    expect(doc.runs.using).toBe('node24');
    for (const entry of [doc.runs.main, doc.runs.post].filter(Boolean) as string[]) {
      expect(fs.existsSync(path.join(path.dirname(file), entry))).toBe(true);
    }
  });

  test('declares exactly the inputs the code reads, each with a description', () => {
    const seen = reader().seen;
    expect(Object.keys(doc.inputs ?? {}).sort()).toEqual([...seen.keys()].sort());
    for (const spec of Object.values(doc.inputs ?? {})) expect(spec.description?.length).toBeGreaterThan(10);
  });

  test('an input with a variable fallback has no default: (the runner would always set it and hide the variable)', () => {
    const seen = reader().seen;
    for (const [name, env] of seen) {
      if (env.length === 0) continue;
      expect({ name, default: doc.inputs?.[name]?.default }).toEqual({ name, default: undefined });
      // ...and says which variable it falls back to.
      expect(doc.inputs?.[name]?.description).toContain(env[0]);
    }
  });

  test('declares exactly the outputs the code sets', () => {
    expect(Object.keys(doc.outputs ?? {}).sort()).toEqual([...new Set(outputs)].sort());
  });
});

/** Every workflow and composite action in the repository. */
function yamlFiles(): string[] {
  const out = ['action.yml'];
  for (const d of fs.readdirSync('actions')) out.push(path.join('actions', d, 'action.yml'));
  const wf = '.github/workflows';
  if (fs.existsSync(wf)) for (const f of fs.readdirSync(wf)) if (/\.ya?ml$/.test(f)) out.push(path.join(wf, f));
  return out.filter((f) => fs.existsSync(f));
}

function* steps(doc: unknown): Generator<{ run?: string; uses?: string }> {
  const d = doc as { runs?: { steps?: unknown[] }; jobs?: Record<string, { steps?: unknown[]; uses?: string }> };
  for (const s of d.runs?.steps ?? []) yield s as { run?: string; uses?: string };
  for (const job of Object.values(d.jobs ?? {})) {
    if (job.uses) yield { uses: job.uses };
    for (const s of job.steps ?? []) yield s as { run?: string; uses?: string };
  }
}

test.each(yamlFiles())('%s: no ${{ }} inside run:, third-party actions pinned to a full commit SHA', (file) => {
  for (const s of steps(YAML.parse(fs.readFileSync(file, 'utf8')))) {
    if (s.run) expect(s.run).not.toContain('${{');
    if (s.uses && !s.uses.startsWith('./') && !s.uses.startsWith('$/') && !s.uses.includes('/marketsim/')) {
      expect(s.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
  }
});

test('README documents every input and output of every action', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  for (const { file } of JS_ACTIONS) {
    const doc = load(file);
    for (const name of [...Object.keys(doc.inputs ?? {}), ...Object.keys(doc.outputs ?? {})]) expect({ file, name, documented: readme.includes(`\`${name}\``) }).toEqual({ file, name, documented: true });
  }
});
