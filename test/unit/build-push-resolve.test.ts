import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFileCommands } from '../bundle/run-bundle.js';

function resolve(env: Record<string, string>): { status: number | null; out: Record<string, string>; stdout: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-')), 'out');
  fs.writeFileSync(file, '');
  const r = spawnSync('bash', ['actions/build-push-image/resolve.sh'], { env: { PATH: process.env.PATH, GITHUB_OUTPUT: file, OWNER: 'Acme-Labs', ACTOR: 'octocat', ...env }, encoding: 'utf8' });
  return { status: r.status, out: parseFileCommands(fs.readFileSync(file, 'utf8')), stdout: r.stdout };
}

test('defaults: ghcr.io/<lower-case owner>/marketsimulator:sim-<UTC stamp>, GHCR login as the actor', () => {
  const { status, out } = resolve({});
  expect(status).toBe(0);
  expect(out.name).toBe('ghcr.io/acme-labs/marketsimulator');
  expect(out.tag).toMatch(/^sim-\d{8}-\d{6}$/);
  expect(out).toMatchObject({ host: 'ghcr.io', username: 'octocat', login: 'true' });
});

test('inputs win over the old script\'s variables; no credentials on Docker Hub means no login', () => {
  expect(resolve({ REGISTRY_URL: 'docker.io/team', IMAGE_NAME: 'sim', IMAGE_TAG: 'v1' }).out).toMatchObject({ image: 'docker.io/team/sim:v1', login: 'false', host: 'docker.io' });
  expect(resolve({ REGISTRY_URL: 'docker.io/team', IN_REGISTRY: 'registry.example.com/x/', IN_TAG: 't2', REGISTRY_USERNAME: 'bot' }).out).toMatchObject({
    image: 'registry.example.com/x/marketsimulator:t2',
    username: 'bot',
    login: 'true',
  });
});

test('a bad tag is one clear error', () => {
  const r = resolve({ IN_TAG: 'has space' });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain("::error::tag: 'has space' is not a valid image tag");
});
