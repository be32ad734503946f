import fs from 'node:fs';
import YAML from 'yaml';
import { effectivePermissions, permissionProblems, type Perms } from './workflow-permissions.js';

/**
 * What GitHub checks before a workflow starts, computed here: reusable-workflow permissions can only
 * narrow down the chain; the paths a workflow uses by default exist; the entry other repositories call
 * holds no nested local workflow reference.
 */

interface Job {
  uses?: string;
  permissions?: Perms;
  with?: Record<string, unknown>;
  steps?: { uses?: string; with?: Record<string, unknown>; run?: string }[];
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { default?: unknown }> } | null>;
  permissions?: Perms;
  jobs: Record<string, Job>;
}

const dir = '.github/workflows';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yml'));
const load = (file: string): Workflow => YAML.parse(fs.readFileSync(`${dir}/${file}`, 'utf8')) as Workflow;

test.each(files)('%s: every job of every workflow it calls (recursively) asks for no more than the calling job grants', (file) => {
  const problems = permissionProblems(file, (f) => load(f));
  expect(problems).toEqual([]);
});

test('the permission check itself: the old nightly (contents: read calling an image job with packages: write) is refused, with GitHub\'s words', () => {
  const workflows: Record<string, Workflow> = {
    'caller.yml': { on: { schedule: null }, permissions: { contents: 'read' }, jobs: { experiment: { uses: './.github/workflows/callee.yml' } } },
    'callee.yml': { on: { workflow_call: {} }, permissions: { contents: 'read' }, jobs: { image: { permissions: { contents: 'read', packages: 'write' } }, report: { permissions: { actions: 'read' } } } },
  };
  expect(permissionProblems('caller.yml', (f) => workflows[f]!)).toEqual([
    "caller.yml job 'experiment' -> callee.yml: The nested job 'image' is requesting 'packages: write', but is only allowed 'packages: none'",
    "caller.yml job 'experiment' -> callee.yml: The nested job 'report' is requesting 'actions: read', but is only allowed 'actions: none'",
  ]);
  expect(effectivePermissions({ contents: 'read' }, undefined)).toEqual({ contents: 'read' });
  expect(effectivePermissions('read-all', undefined).packages).toBe('read');
});

test('every default path a workflow uses exists: Dockerfile, build context, configs (dispatch, call and nightly)', () => {
  const missing: string[] = [];
  for (const file of files) {
    const wf = load(file);
    for (const trigger of ['workflow_dispatch', 'workflow_call']) {
      const inputs = wf.on[trigger]?.inputs ?? {};
      for (const name of ['dockerfile', 'context']) {
        const def = inputs[name]?.default;
        if (typeof def === 'string' && !fs.existsSync(def)) missing.push(`${file} ${trigger} ${name}: ${def}`);
      }
      const configs = inputs.configs?.default;
      if (typeof configs === 'string') for (const c of JSON.parse(configs) as string[]) if (!fs.existsSync(c)) missing.push(`${file} ${trigger} configs: ${c}`);
    }
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps ?? []) {
        const dockerfile = step.with?.dockerfile;
        if (typeof dockerfile === 'string' && !dockerfile.includes('${{') && !fs.existsSync(dockerfile)) missing.push(`${file}: ${dockerfile}`);
      }
    }
  }
  for (const c of JSON.parse(fs.readFileSync('nightly/configs.json', 'utf8')) as string[]) if (!fs.existsSync(c)) missing.push(`nightly/configs.json: ${c}`);
  const action = YAML.parse(fs.readFileSync('actions/build-push-image/action.yml', 'utf8')) as { inputs: Record<string, { default?: string }> };
  if (!fs.existsSync(action.inputs.dockerfile!.default!)) missing.push(`build-push-image dockerfile: ${action.inputs.dockerfile!.default}`);
  expect(missing).toEqual([]);
});

test('experiment-lane.yml, the entry other repositories call, has no nested local workflow reference and reaches actions only through its marketsim checkout', () => {
  const wf = load('experiment-lane.yml');
  for (const [id, job] of Object.entries(wf.jobs)) {
    expect({ id, uses: job.uses }).toEqual({ id, uses: undefined });
    for (const step of job.steps ?? []) {
      if (step.uses?.startsWith('./')) expect({ id, uses: step.uses }).toEqual({ id, uses: expect.stringMatching(/^\.\/\.marketsim(\/|$)/) });
    }
  }
});

test('workflow_dispatch inputs stay within github.com\'s 25', () => {
  for (const file of files) expect({ file, n: Object.keys(load(file).on.workflow_dispatch?.inputs ?? {}).length <= 25 }).toEqual({ file, n: true });
});

test('teardown and the reaper go on when the App token cannot be minted (destroying needs only the Vast key)', () => {
  for (const [file, job] of [['experiment-lane.yml', 'teardown'], ['reaper.yml', 'reap']] as const) {
    const steps = load(file).jobs[job]!.steps!;
    const token = steps.find((s) => s.uses?.startsWith('actions/create-github-app-token@')) as { 'continue-on-error'?: boolean } | undefined;
    expect({ file, continueOnError: token?.['continue-on-error'] }).toEqual({ file, continueOnError: true });
    const down = steps.find((s) => s.uses?.includes('vast-teardown')) as { if?: string } | undefined;
    expect({ file, if: down?.if }).toEqual({ file, if: 'always()' });
  }
});

test('the GPU job gets no secret from GitHub, and no job hands the push credential to provision', () => {
  const lane = fs.readFileSync(`${dir}/experiment-lane.yml`, 'utf8');
  const gpu = YAML.stringify(load('experiment-lane.yml').jobs.gpu);
  expect(gpu).not.toMatch(/secrets\./);
  expect(lane).not.toMatch(/secrets\.REGISTRY_(USERNAME|PASSWORD)\b/);
  expect(lane).not.toMatch(/R2_SECRET_ACCESS_KEY/);
  for (const job of ['provision', 'gpu', 'teardown']) expect((load('experiment-lane.yml').jobs[job] as { environment?: string }).environment).toBe('${{ inputs.environment }}');
});

test('recovery: an infrastructure failure is retried once on other machines under the same experiment id; a simulator failure never is', () => {
  const wf = load('experiment-lane.yml');
  const retry = wf.jobs['provision-retry'] as Job & { if?: string; needs?: string[] };
  expect(retry.needs).toEqual(['provision', 'gpu', 'teardown']);
  expect(retry.if).toContain("needs.gpu.outputs.failure-kind != 'simulator'");
  expect(retry.if).toContain("needs.gpu.result != 'success'");
  expect(retry.if).toContain('!cancelled()');
  const gpuStep = (retry.steps ?? []).find((st) => st.uses?.endsWith('vast-provision'))!;
  expect(gpuStep.with).toMatchObject({ lane: '9${{ inputs.lane }}', 'exclude-machines': '${{ needs.provision.outputs.machines }}' });
  const run = (wf.jobs['gpu-retry']!.steps ?? []).find((st) => st.uses === './.marketsim')!;
  expect(run.with).toMatchObject({ 'experiment-id': '${{ inputs.experiment-id }}', attempt: 2 });
  const down = (wf.jobs['teardown-retry'] as Job & { if?: string }).if;
  expect(down).toContain('always()');
  // The retry's labels never match the first attempt's pattern (lane 3 -> 93).
  const first = (wf.jobs.teardown!.steps ?? []).find((st) => st.uses?.includes('vast-teardown'))!.with!.label as string;
  const second = (wf.jobs['teardown-retry']!.steps ?? []).find((st) => st.uses?.includes('vast-teardown'))!.with!.label as string;
  expect(second).not.toBe(first);
});
