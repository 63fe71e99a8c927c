// What every mode gets: the validated config, the report being built, the redactor, and cluster access.
import type { Config } from '../config.js';
import type { Redactor } from '../report/redact.js';
import type { Report } from '../report/report.js';

export interface RunContext {
  config: Config;
  report: Report;
  redactor: Redactor;
}
