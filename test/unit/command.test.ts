import { commandEnv, runCommand, shellJoin } from '../../src/actions/run/command.js';
import { generateExperimentId } from '../../src/storage/experiment-id.js';
import { formatBytes, formatEta, renderTextTable } from '../../src/runtime/format.js';

describe('the command runner', () => {
  test('bash -lc runs shell features and reports the exit code', async () => {
    expect(await runCommand('true && (exit 7)', undefined, process.env)).toBe(7);
    expect(await runCommand('kill -TERM $$', undefined, process.env)).toBe(128 + 15);
  });

  test('argv is quoted so it survives bash -lc unchanged', async () => {
    const argv = ['printf', '%s|', "it's", 'a b', '$HOME', '*'];
    expect(shellJoin(argv)).toBe("printf '%s|' 'it'\\''s' 'a b' '$HOME' '*'");
  });

  test('the command never sees the action inputs (they hold the secrets)', () => {
    const env = commandEnv({ 'INPUT_SECRET-ACCESS-KEY': 's', PATH: '/bin' }, { EXPERIMENT_ID: 'x' });
    expect(env).toEqual({ PATH: '/bin', EXPERIMENT_ID: 'x' });
  });

  test('nor storage keys, session tokens, Vast keys, registry passwords, GitHub tokens or JIT pieces', () => {
    const secrets = {
      R2_ACCESS_KEY_ID: 'a', R2_SECRET_ACCESS_KEY: 'b', R2_READ_SESSION_TOKEN: 'c', R2_LOGS_SECRET_ACCESS_KEY: 'd', AWS_SESSION_TOKEN: 'e',
      VAST_API_KEY: 'f', CONTAINER_API_KEY: 'g', REGISTRY_PASSWORD: 'h', REGISTRY_PULL_PASSWORD: 'i', GITHUB_TOKEN: 'j', GH_TOKEN: 'k',
      ACTIONS_RUNTIME_TOKEN: 'l', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'm', ACTIONS_RUNNER_INPUT_JITCONFIG: 'n', MARKETSIM_JIT_00: 'o',
      MARKETSIM_ENV_00: 'p', CLOUDFLARE_API_TOKEN: 'q', STATE_x: 'r', WANDB_API_KEY: 's', MY_DB_PASSWORD: 't', ACTIONS_CACHE_URL: 'u',
    };
    const kept = { PATH: '/bin', HOME: '/root', CONFIG: 'configs/base.json', GITHUB_SHA: 'abc', RUNNER_TEMP: '/tmp', CUDA_VISIBLE_DEVICES: '0' };
    expect(commandEnv({ ...secrets, ...kept }, { EXPERIMENT_ID: 'x' })).toEqual({ ...kept, EXPERIMENT_ID: 'x' });
    expect(commandEnv({ ...secrets, ...kept }, {}, ['WANDB_API_KEY'])).toEqual({ ...kept, WANDB_API_KEY: 's' });
  });

  test('a login shell keeps the caller\'s PATH (Debian /etc/profile resets it)', async () => {
    const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'marketsim-venv-'));
    (await import('node:fs')).writeFileSync(`${dir}/only-in-venv`, '#!/bin/sh\nexit 42\n', { mode: 0o755 });
    expect(await runCommand('only-in-venv', undefined, { ...process.env, PATH: `${dir}:${process.env.PATH}` })).toBe(42);
  });
});

describe('small helpers', () => {
  test('experiment ids are sortable by UTC time and carry the run id', () => {
    expect(generateExperimentId(new Date('2026-11-29T10:15:07Z'), '123')).toBe('marketsim-20261129-101507-123');
    expect(generateExperimentId(new Date('2026-11-29T10:15:07Z'))).toMatch(/^marketsim-20261129-101507-[0-9a-f]{6}$/);
  });

  test('formatting', () => {
    expect(formatBytes(1536)).toBe('1.54 kB');
    expect(formatBytes(1_600_000_000)).toBe('1.60 GB');
    expect(formatEta({ bytesDone: 50, bytesTotal: 100, elapsedMs: 1000 })).toBe('1s');
    expect(renderTextTable(['a', 'bb'], [['xxx', 'y']])).toBe('a    bb\n---  --\nxxx  y');
  });
});
