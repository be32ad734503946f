// Prints the Markdown input/output tables of an action.yml (pasted into README.md).
import fs from 'node:fs';
import YAML from 'yaml';
const doc = YAML.parse(fs.readFileSync(process.argv[2], 'utf8'));
const esc = (s) => String(s ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
console.log('| input | default / fallback | description |\n|---|---|---|');
for (const [k, v] of Object.entries(doc.inputs ?? {})) console.log(`| \`${k}\` | ${v.default !== undefined ? `\`${v.default}\`` : ''} | ${esc(v.description)} |`);
console.log('\n| output | description |\n|---|---|');
for (const [k, v] of Object.entries(doc.outputs ?? {})) console.log(`| \`${k}\` | ${esc(v.description)} |`);
