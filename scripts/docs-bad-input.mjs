// `npm run docs:bad-input`: runs every row of the README's "Bad input" table through dist/index.js
// (as the runner would, with the real helm and chart that `npm start` uses) and writes the message
// the action really prints into the row. The test __tests__/action/bad-input.test.ts checks the same.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BAD_INPUT_FILES, BAD_INPUT_LINKS, badInputBase, parseBadInputTable, rewriteBadInputMessages } from './docs-readme.mjs';
import { root, runAction } from './run-action.mjs';
import { chartsDir, testTools } from './test-tools.mjs';

const chart = path.join(chartsDir(), 'cilium-1.18.6.tgz');
if (!existsSync(chart)) {
  console.error(`No chart at ${chart}: set CILIUM_CHARTS_DIR to a folder holding cilium-1.18.6.tgz`);
  process.exit(1);
}
const readmePath = path.join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const rows = parseBadInputTable(readme);
const workspace = mkdtempSync(path.join(os.tmpdir(), 'cnra-bad-input-'));
try {
  for (const [file, text] of Object.entries(BAD_INPUT_FILES)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  for (const [link, target] of Object.entries(BAD_INPUT_LINKS)) symlinkSync(target, path.join(workspace, link));
  const base = badInputBase({
    helm: testTools().helm4,
    chart,
    baseValues: path.join(root, 'examples', 'byocni-release-values.yaml'),
  });
  const messages = [];
  // Two at a time: the machines this runs on have two cores.
  for (let i = 0; i < rows.length; i += 2) {
    const batch = rows.slice(i, i + 2).map(async (row) => {
      const r = await runAction({ ...base, ...row.inputs }, { env: { GITHUB_WORKSPACE: workspace } });
      const message = errorLines(r.stdout);
      if (r.code === 0 || !message) throw new Error(`row "${row.what}" did not fail with a message (exit ${r.code})`);
      return message;
    });
    messages.push(...(await Promise.all(batch)));
  }
  const updated = rewriteBadInputMessages(readme, messages);
  if (updated !== readme) writeFileSync(readmePath, updated);
  console.log(`README.md: ${rows.length} bad-input rows ${updated === readme ? 'already match' : 'rewritten from'} dist/index.js`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

function errorLines(stdout) {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'))
    .join('\n');
}
