// One redaction for every channel (log, summary, report.json, values table, manifest diff,
// cilium-config table, notes, errors, PR comment, drift issue).
export { hidesChildren, isSecretKey, keyWords } from './keys.js';
export { isSecretName, REDACTED, redactText } from './text.js';
export * from './values.js';
