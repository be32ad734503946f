import { readiness, sshUrl } from '../../src/vast/instance-state.js';

test('readiness: pending while coming up, failed on states that never become running', () => {
  expect(readiness({ id: 1, actual_status: null })).toEqual({ state: 'pending' });
  expect(readiness({ id: 1, actual_status: 'loading', status_msg: 'pulling' })).toEqual({ state: 'pending' });
  expect(readiness({ id: 1, actual_status: 'running' })).toEqual({ state: 'running' });
  expect(readiness(null)).toEqual({ state: 'failed', reason: 'the instance disappeared' });
  for (const s of ['exited', 'offline', 'unknown', 'frozen']) expect(readiness({ id: 1, actual_status: s }).state).toBe('failed');
  expect(readiness({ id: 1, actual_status: 'created', status_msg: 'Error response from daemon: pull access denied for x' })).toMatchObject({ state: 'failed' });
  // Outbid or stopped by the host (dstack: cur, intended and next state all stopped).
  expect(readiness({ id: 1, actual_status: 'stopped', intended_status: 'stopped', cur_state: 'stopped', next_state: 'stopped' })).toMatchObject({ state: 'failed', reason: expect.stringMatching(/stopped by the host/) });
});

test('ssh url: direct port when open, else the proxy', () => {
  expect(sshUrl({ id: 1, public_ipaddr: '1.2.3.4 ', ports: { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: '41234' }] } })).toBe('ssh://root@1.2.3.4:41234');
  expect(sshUrl({ id: 1, ssh_host: 'ssh4.vast.ai', ssh_port: 20012, ports: null })).toBe('ssh://root@ssh4.vast.ai:20012');
});
