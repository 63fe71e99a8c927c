// The unit tier starts no process: a test that needs helm, kubectl or dist/index.js belongs to the
// cluster tier (vitest.config.ts). Spawning from here fails loudly instead of slowing the tier down.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const refuse = (name: string) => () => {
  throw new Error(`unit tests start no processes (${name}): move this test to the cluster tier in vitest.config.ts`);
};
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
  (childProcess as unknown as Record<string, unknown>)[name] = refuse(name);
}
syncBuiltinESMExports();
