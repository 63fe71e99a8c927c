import * as core from '@actions/core';
import { parseConfig } from './config.js';
import { errorMessage } from './errors.js';

/** The action: inputs → Config → the mode. Never throws; failures go to core.setFailed. */
export async function run(): Promise<void> {
  try {
    // Mask secrets before anything can print them.
    for (const name of ['kubeconfig', 'github-token']) {
      const v = core.getInput(name);
      if (v) core.setSecret(v);
    }
    const config = parseConfig((name) => core.getInput(name));
    core.info(`mode: ${config.mode}`);
  } catch (e) {
    core.setFailed(errorMessage(e));
  }
}
