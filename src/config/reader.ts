// What every group of input parsers shares: reading an input, collecting problems (all of them are
// reported at once), resolving paths against the workspace, and the small syntaxes several inputs use.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Bad, InputProblem } from '../errors.js';
import { INPUT_DEFAULTS, type InputName } from '../inputs/defaults.js';
import { credentialSecrets } from '../inputs/url-credentials.js';

export type InputReader = (name: string) => string;

export class Inputs {
  readonly problems: InputProblem[] = [];
  /** secret strings found in inputs (URL credentials) */
  readonly secrets: string[] = [];
  private readonly workspace: string;

  constructor(
    readonly read: InputReader,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.workspace = env.GITHUB_WORKSPACE || process.cwd();
  }

  /**
   * The input, trimmed; action.yml's default when that is empty (the runner fills in a default only
   * for an input the workflow leaves out, not for one given as '' or as an empty expression).
   */
  get(name: InputName): string {
    return this.read(name).trim() || INPUT_DEFAULTS[name];
  }

  readonly bad: Bad = (input, problem, fix) => {
    this.problems.push({ input, problem, fix });
    return undefined;
  };

  resolvePath(p: string): string {
    return path.resolve(this.workspace, p);
  }
}

/** Shows a value in a message without letting control characters (or a newline) through. */
export function printable(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

export function splitList(text: string, sep: RegExp = /\n/): string[] {
  return text
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/** An http(s) URL; credentials in it are recorded in `secrets` (the mirrors keep them for Basic auth). */
export function parseUrl(input: string, value: string, bad: Bad, secrets: string[]): string | undefined {
  try {
    const u = new URL(value);
    secrets.push(...credentialSecrets(u));
    if (u.protocol === 'https:' || u.protocol === 'http:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  return bad(input, `"${printable(value)}" is not an http(s) URL`, 'give a URL such as https://example.com/path');
}

export function parseCount(input: string, value: string, bad: Bad): number | undefined {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    return bad(input, `"${printable(value)}" is not a whole number`, 'give a whole number of 0 or more');
  }
  return Number(value);
}

export function parseBool(input: string, value: string, bad: Bad): boolean | undefined {
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return bad(input, `"${printable(value)}" is not a boolean`, 'use true or false');
}
