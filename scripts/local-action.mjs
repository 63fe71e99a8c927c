// `npm run local-action`: both entries of the action (src/main.ts, then src/post.ts) from source under
// GitHub's local runner (@github/local-action), as a preview of examples/byocni-release-values.yaml
// with the local chart and the helm the test set-up extracts: no cluster, no download.
// Extra inputs as NAME=VALUE arguments, e.g. `npm run local-action -- INPUT_CHART=testdata/charts/cilium-1.19.6.tgz`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './run-action.mjs';
import { chartsDir, testTools } from './test-tools.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-local-action-'));
const vars = {
  INPUT_MODE: 'preview',
  INPUT_CHART: path.join(chartsDir(), 'cilium-1.18.6.tgz'),
  'INPUT_BASE-VALUES': path.join(root, 'examples', 'byocni-release-values.yaml'),
  'INPUT_HELM-VERSION': testTools().helm4,
  RUNNER_TEMP: path.join(dir, 'runner-temp'),
  GITHUB_WORKSPACE: root,
};
for (const arg of process.argv.slice(2)) {
  const at = arg.indexOf('=');
  if (at > 0) vars[arg.slice(0, at)] = arg.slice(at + 1);
}
mkdirSync(vars.RUNNER_TEMP, { recursive: true });
const envFile = path.join(dir, '.env');
// values are written quoted (JSON string syntax) so that paths with spaces survive dotenv
writeFileSync(
  envFile,
  Object.entries(vars)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join('\n') + '\n',
);
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'local-action.cmd' : 'local-action');
const r = spawnSync(bin, ['run', root, 'src/main.ts', envFile, '--post', 'src/post.ts'], { cwd: root, stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
