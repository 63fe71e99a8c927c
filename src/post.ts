// post entry (post-if: always()): clean-up that survives cancellation and failure. Removes the
// kubeconfig file the main step wrote and the probe namespace a cancelled run left behind.
// Exports run() like main.ts, so @github/local-action can run it (`npm run local-action`);
// post-index.ts is what the runner starts.
import { cleanup } from './cleanup.js';

export async function run(): Promise<void> {
  await cleanup();
}
