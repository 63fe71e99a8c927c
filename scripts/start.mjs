// `npm start`: the bundled action in preview mode on examples/byocni-release-values.yaml and a real
// chart (CILIUM_CHARTS_DIR, default testdata/charts), with the helm the test set-up extracts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runAction, root } from './run-action.mjs';
import { chartsDir, testTools } from './test-tools.mjs';

const version = process.env.CILIUM_VERSION || '1.18.6';
const chart = path.join(chartsDir(), `cilium-${version}.tgz`);
if (!existsSync(chart)) {
  console.error(`No chart at ${chart}: set CILIUM_CHARTS_DIR to a folder holding cilium-${version}.tgz`);
  process.exit(1);
}
const { helm4 } = testTools();
const result = await runAction({
  mode: 'preview',
  chart,
  'cilium-version': version,
  'base-values': path.join(root, 'examples', 'byocni-release-values.yaml'),
  'helm-version': helm4,
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
console.log('\n--- job summary ---\n');
console.log(result.summary);
console.log('--- outputs ---');
for (const [k, v] of Object.entries(result.outputs)) console.log(`${k}: ${v}`);
console.log(
  `\noutputs file:  ${result.files.output}\njob summary:   ${result.files.summary}\nreport:        ${result.outputs.report ?? '(none)'}`,
);
process.exit(result.code);
