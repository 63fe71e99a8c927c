// One redaction for every channel (log, summary, report.json, values table, manifest diff,
// cilium-config table, notes, errors, PR comment, drift issue).
export { isSecretKey } from './keys.js';
export { REDACTED, redactText } from './text.js';
export * from './values.js';
