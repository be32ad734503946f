import fs from 'node:fs';

export default function teardown() {
  const dir = process.env.MARKETSIM_TEST_TMPDIR;
  if (dir && process.env.MARKETSIM_KEEP_TEST_TMP !== 'true') fs.rmSync(dir, { recursive: true, force: true });
}
