// Every test's temporary files go under one folder of this run, removed at the end (tests and the
// servers they start used to leave thousands of folders in /tmp). Workers inherit TMPDIR.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-tests-'));
  process.env.MARKETSIM_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
