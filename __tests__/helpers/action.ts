// Typed access to scripts/run-action.mjs (runs dist/index.js as the runner does).
// @ts-expect-error plain ESM helper shared with npm start
import { runAction as run } from '../../scripts/run-action.mjs';

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  report: Record<string, unknown> | undefined;
  dir: string;
  files: { output: string; summary: string; state: string; env: string; path: string };
  state: Record<string, string>;
}

export interface RunActionOptions {
  entry?: 'main' | 'post';
  env?: Record<string, string>;
  dir?: string;
  timeoutMs?: number;
  state?: Record<string, string>;
}

export const runAction = run as (inputs: Record<string, string>, opts?: RunActionOptions) => Promise<ActionRun>;

/** The external commands the action ran, from its `[command]` log lines. */
export function commandsRun(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('[command]'))
    .map((l) => l.slice('[command]'.length).trim());
}

/** The `::error::` annotation the action failed with (what the user sees). */
export function errorOf(r: ActionRun): string {
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  return lines.map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')).join('\n');
}
