// Each phase is a log group (closed even when it throws) with its duration in the report.
import * as core from '@actions/core';
import type { Report } from './report.js';

export async function step<T>(report: Report, name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let ok = false;
  try {
    const result = await core.group(name, fn);
    ok = true;
    return result;
  } finally {
    report.steps.push({ name, durationMs: Math.round(performance.now() - started), ok });
  }
}
