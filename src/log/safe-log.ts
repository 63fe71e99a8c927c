// The log is a command channel: a line that starts with `::` is a workflow command to the runner
// (save-state, add-mask, set-env…). Text built from data (flow captures, values, tool output, paths)
// goes through here: secrets are hidden, and text that could start a command is written between
// `::stop-commands::TOKEN` and `::TOKEN::` with a fresh random token, so the runner only prints it.
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { redactForLog } from '../redact/index.js';

// The runner reads a command from a line's first non-blank characters; `##[` is the older syntax.
const COMMAND_LINE_RE = /^[ \t]*(::|##\[)/m;

/** Whether some line of `text` could be read as a workflow command. */
function couldBeCommand(text: string): boolean {
  return COMMAND_LINE_RE.test(text);
}

/** Writes `text` to the log, redacted, with workflow commands in it disabled. */
export function logInfo(text: string): void {
  const safe = redactForLog(text);
  if (!couldBeCommand(safe) && !safe.includes('\r')) {
    core.info(safe);
    return;
  }
  let token = randomUUID();
  while (safe.includes(token)) token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(safe);
  core.info(`::${token}::`);
}
