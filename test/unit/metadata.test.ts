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

/** `./actions/x`, `./.marketsim/actions/x` (marketsim checked out beside the caller's code) or the root. */
function localAction(uses: string): string | undefined {
  const m = /^\.\/(?:\.marketsim\/)?(actions\/[\w-]+)$/.exec(uses);
  if (m) return `${m[1]}/action.yml`;
  if (uses === './.marketsim' || uses === './') return 'action.yml';
  return undefined;
}

interface WorkflowJob {
  needs?: string | string[];
  uses?: string;
  with?: Record<string, unknown>;
  outputs?: Record<string, string>;
  steps?: { uses?: string; with?: Record<string, unknown> }[];
}

const workflows = fs.existsSync('.github/workflows') ? fs.readdirSync('.github/workflows').filter((f) => f.endsWith('.yml')) : [];

test.each(workflows)('.github/workflows/%s: local actions and reusable workflows get only inputs they declare, and every required one', (file) => {
  const doc = YAML.parse(fs.readFileSync(`.github/workflows/${file}`, 'utf8')) as { jobs: Record<string, WorkflowJob> };
  for (const [jobId, job] of Object.entries(doc.jobs)) {
    for (const step of job.steps ?? []) {
      const target = step.uses ? localAction(step.uses) : undefined;
      if (!target) continue;
      const declared = load(target).inputs ?? {};
      for (const key of Object.keys(step.with ?? {})) expect({ job: jobId, uses: step.uses, input: key, declared: key in declared }).toEqual({ job: jobId, uses: step.uses, input: key, declared: true });
      for (const [name, spec] of Object.entries(declared)) if (spec.required) expect({ uses: step.uses, name, given: name in (step.with ?? {}) }).toEqual({ uses: step.uses, name, given: true });
    }
    if (job.uses?.startsWith('./.github/workflows/')) {
      const callee = YAML.parse(fs.readFileSync(job.uses.slice(2), 'utf8')) as { on: { workflow_call?: { inputs?: Record<string, { required?: boolean }> } } };
      const inputs = callee.on.workflow_call?.inputs;
      expect(inputs).toBeDefined();
      for (const key of Object.keys(job.with ?? {})) expect({ job: jobId, input: key, declared: key in inputs! }).toEqual({ job: jobId, input: key, declared: true });
      for (const [name, spec] of Object.entries(inputs!)) if (spec.required) expect({ job: jobId, name, given: name in (job.with ?? {}) }).toEqual({ job: jobId, name, given: true });
    }
  }
});

test.each(workflows)('.github/workflows/%s: every needs.<job>.outputs.<name> names a needed job that has that output', (file) => {
  const text = fs.readFileSync(`.github/workflows/${file}`, 'utf8');
  const doc = YAML.parse(text) as { jobs: Record<string, WorkflowJob> };
  for (const [jobId, job] of Object.entries(doc.jobs)) {
    const needs = [job.needs ?? []].flat();
    for (const m of JSON.stringify(job).matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const [, dep, out] = m as unknown as [string, string, string];
      expect({ job: jobId, dep, inNeeds: needs.includes(dep) }).toEqual({ job: jobId, dep, inNeeds: true });
      const depJob = doc.jobs[dep]!;
      let outputs = Object.keys(depJob.outputs ?? {});
      if (depJob.uses?.startsWith('./.github/workflows/')) {
        const callee = YAML.parse(fs.readFileSync(depJob.uses.slice(2), 'utf8')) as { on: { workflow_call?: { outputs?: Record<string, unknown> } } };
        outputs = Object.keys(callee.on.workflow_call?.outputs ?? {});
      }
      expect({ job: jobId, output: `${dep}.${out}`, exists: outputs.includes(out) }).toEqual({ job: jobId, output: `${dep}.${out}`, exists: true });
    }
  }
});

test('the composite build-push-image pins every third-party step and its check bundle exists', () => {
  const doc = load('actions/build-push-image/action.yml');
  expect(doc.runs.using).toBe('composite');
  expect(fs.existsSync('dist/registry-check/index.js')).toBe(true);
  const readme = fs.readFileSync('README.md', 'utf8');
  for (const name of [...Object.keys(doc.inputs ?? {}), ...Object.keys(doc.outputs ?? {})]) expect({ name, documented: readme.includes(`\`${name}\``) }).toEqual({ name, documented: true });
});
