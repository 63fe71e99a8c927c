// post entry (post-if: always()): clean-up that survives cancellation and failure. Removes the
// kubeconfig file the main step wrote and the probe namespace a cancelled run left behind.
import { cleanup } from './cleanup.js';

await cleanup();
