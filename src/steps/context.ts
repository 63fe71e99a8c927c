// What every mode gets: the validated config, the report being built, the redactor, and cluster access.
import type { Config } from '../config.js';
import type { Redactor } from '../report/redact.js';
import type { Report } from '../report/report.js';

export interface RunContext {
  config: Config;
  report: Report;
  redactor: Redactor;
  /**
   * Set when the target chart is read (planDesired): whether it still has encryption.nodeEncryption.
   * The agents check and the WireGuard gate demand NodeEncryption: Enabled only then; undefined (no
   * chart read, as in verify) keeps the recipe's promise, on.
   */
  nodeEncryption?: boolean;
}
