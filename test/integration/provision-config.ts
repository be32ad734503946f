import type { ProvisionConfig } from '../../src/vast/provision.js';

/** A provision config for the emulators: fast polls, short timeouts, one RTX 5090 filter set. */
export function provisionConfig(over: Partial<ProvisionConfig> = {}): ProvisionConfig {
  return {
    filters: { gpuName: 'RTX 5090', numGpus: 1, verified: true, regions: [], disk: 200, minCuda: 12.8, maxPrice: 1 },
    maxAttempts: 3,
    image: 'ghcr.io/acme/marketsimulator@sha256:0123',
    env: {},
    onstart: 'bash /root/marketsim-bootstrap.sh',
    labelPrefix: 'marketsim',
    runId: '9001',
    runAttempt: '1',
    runnerGroupId: 1,
    extraLabels: [],
    minBalance: 1,
    waitTimeoutMs: 500,
    runnerTimeoutMs: 300,
    pollMs: 10,
    maxPollMs: 30,
    ...over,
  };
}
