// Redaction lives in src/redact/ (one leaf module for every channel); this path stays for its callers.
export * from '../redact/index.js';
