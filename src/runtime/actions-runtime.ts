import * as core from '@actions/core';
import { progressLine } from './format.js';
import type { ProgressSink, Runtime, SummaryDoc, TransferProgress } from './ports.js';

/** How often a long transfer prints a progress line into the Actions log. */
const PROGRESS_INTERVAL_MS = 5000;

/** The Runtime for GitHub Actions: @actions/core behind the ports. */
export function actionsRuntime(): Runtime {
  return {
    log: {
      info: (m) => core.info(m),
      warn: (m) => core.warning(m),
      error: (m) => core.error(m),
      debug: (m) => core.debug(m),
    },
    mask: (s) => {
      if (s) core.setSecret(s);
    },
    setOutput: (n, v) => core.setOutput(n, String(v)),
    saveState: (n, v) => core.saveState(n, v),
    getState: (n) => core.getState(n),
    writeSummary: async (doc: SummaryDoc) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      core.summary.addHeading(doc.heading, 3);
      for (const line of doc.lines) core.summary.addRaw(`${line}\n\n`);
      for (const t of doc.tables) {
        core.summary.addRaw(`**${t.title}**\n\n`);
        core.summary.addTable([t.header.map((h) => ({ data: h, header: true })), ...t.rows]);
      }
      await core.summary.write();
    },
    progress: (label): ProgressSink => {
      let last = 0;
      return {
        update: (p: TransferProgress) => {
          const now = Date.now();
          if (now - last < PROGRESS_INTERVAL_MS) return;
          last = now;
          core.info(progressLine(label, p));
        },
        done: (p: TransferProgress) => core.info(progressLine(label, p)),
      };
    },
  };
}
