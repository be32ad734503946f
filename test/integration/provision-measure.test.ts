import fs from 'node:fs';
import { GitHubRunners } from '../../src/github/runners.js';
import { VastClient } from '../../src/vast/client.js';
import { joinJitConfig } from '../../src/vast/jit-env.js';
import { provision } from '../../src/vast/provision.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { VastEmulator } from '../emulators/vast-emulator.js';
import { RecordingLogger } from './helpers.js';

/**
 * Request budget of one provision, at 1/100 of real time: a 3-minute boot (loading at 90 s, running
 * at 180 s), the runner online 30 s later, the production poll schedule (5 s, x1.5, up to 15 s).
 */
test('one provision costs few Vast requests and notices an online runner within one poll', async () => {
  const SCALE = 100;
  const vastEmu = new VastEmulator();
  const ghEmu = new GitHubEmulator();
  await Promise.all([vastEmu.start(), ghEmu.start()]);
  try {
    vastEmu.stepMs = 90_000 / SCALE;
    let onlineAt = 0;
    vastEmu.onRunning = (inst) =>
      setTimeout(() => {
        ghEmu.connect(joinJitConfig(inst.body.env as Record<string, string>));
        onlineAt = Date.now();
      }, 30_000 / SCALE);
    vastEmu.addOffer({ id: 1 });
    const fast = { retries: 2, minDelayMs: 5, maxDelayMs: 10 };
    const r = await provision(
      {
        filters: { gpuName: 'RTX 5090', numGpus: 1, verified: true, regions: [], disk: 200 },
        maxAttempts: 1,
        image: 'img',
        env: {},
        onstart: 'true',
        labelPrefix: 'marketsim',
        runId: '1',
        runAttempt: '1',
        runnerGroupId: 1,
        extraLabels: [],
        waitTimeoutMs: 900_000 / SCALE,
        runnerTimeoutMs: 600_000 / SCALE,
        pollMs: 5000 / SCALE,
        maxPollMs: 15_000 / SCALE,
      },
      {
        vast: new VastClient({ baseUrl: vastEmu.url, apiKey: vastEmu.apiKey, retry: fast }),
        github: new GitHubRunners({ apiUrl: ghEmu.url, token: ghEmu.token, scope: { kind: 'repo', owner: 'a', repo: 'b' }, retry: fast }),
        log: new RecordingLogger(),
      },
    );
    const noticedMs = (Date.now() - onlineAt) * SCALE;
    const vastRequests = vastEmu.log.length;
    const polls = vastEmu.log.filter((l) => l.method === 'GET' && /instances\/\d+\/$/.test(l.path)).length;
    const ghRequests = ghEmu.log.length;
    const figures = { bootSeconds: 180, vastRequests, instancePolls: polls, githubRequests: ghRequests, onlineNoticedAfterSeconds: +(noticedMs / 1000).toFixed(1), runnerId: r.runner.id };
    fs.mkdirSync('.bench', { recursive: true });
    fs.writeFileSync('.bench/provision-figures.json', JSON.stringify(figures, null, 2));
    // user + search + create + polls; never more than one poll per 5 s of boot.
    expect(polls).toBeLessThanOrEqual(180 / 5);
    expect(vastRequests).toBeLessThanOrEqual(3 + polls);
    expect(noticedMs).toBeLessThanOrEqual(5000 + 2500);
  } finally {
    await Promise.all([vastEmu.stop(), ghEmu.stop()]);
  }
});
