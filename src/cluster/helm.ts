// The helm CLI as argv arrays. Passed into each step, so tests can point it at a real binary.
import { parse } from 'yaml';
import { ActionError } from '../errors.js';
import { runProcess, type RunOptions, type RunResult } from '../process/run.js';
import type { Values } from '../values/layers.js';
import type { KubeAccess } from './access.js';

export interface ReleaseInfo {
  name: string;
  namespace: string;
  revision: number;
  /** deployed, failed, pending-upgrade, … */
  status: string;
  chartName: string;
  chartVersion: string;
  appVersion: string;
}

export class Helm {
  constructor(
    readonly path: string,
    private readonly access: KubeAccess,
  ) {}

  /** Runs helm; a non-zero exit is returned, not thrown. */
  async exec(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    const ctx = this.access.context ? ['--kube-context', this.access.context] : [];
    return runProcess(this.path, [...args, ...ctx], { env: this.access.env, ...opts });
  }

  /** Runs helm and throws an ActionError with helm's own message on failure. */
  async run(args: string[], what: string, opts: RunOptions = {}): Promise<string> {
    const r = await this.exec(args, opts);
    if (r.code !== 0 || r.timedOut) {
      const msg = r.timedOut ? 'timed out' : helmMessage(r.stderr) || `exit code ${r.code}`;
      throw new ActionError(`helm could not ${what}: ${msg}`);
    }
    return r.stdout;
  }

  /** Major version (3 or 4): flags differ (--atomic vs --rollback-on-failure). */
  async majorVersion(): Promise<number> {
    const out = await this.run(['version', '--template', '{{.Version}}'], 'report its version');
    const m = /^v?(\d+)\./.exec(out.trim());
    if (!m) throw new ActionError(`helm printed an unexpected version: ${out.trim()}`);
    return Number(m[1]);
  }

  async release(name: string, namespace: string): Promise<ReleaseInfo | undefined> {
    const out = await this.run(
      ['list', '--namespace', namespace, '--deployed', '--failed', '--pending', '--filter', `^${escapeRegex(name)}$`, '--output', 'json'],
      `list releases in ${namespace}`,
    );
    const list = JSON.parse(out || '[]') as Array<Record<string, string>>;
    const r = list.find((x) => x.name === name);
    if (!r) return undefined;
    const chart = r.chart ?? '';
    const m = /^(.*)-(v?\d+\.\d+\.\d+.*)$/.exec(chart);
    return {
      name: r.name!,
      namespace: r.namespace ?? namespace,
      revision: Number(r.revision),
      status: r.status ?? 'unknown',
      chartName: m ? m[1]! : chart,
      chartVersion: m ? m[2]!.replace(/^v/, '') : '',
      appVersion: r.app_version ?? '',
    };
  }

  /** The user-supplied values of a release (what `helm get values` shows), {} when none. */
  async getValues(name: string, namespace: string, revision?: number): Promise<Values> {
    const rev = revision ? ['--revision', String(revision)] : [];
    const out = await this.run(
      ['get', 'values', name, '--namespace', namespace, '--output', 'yaml', ...rev],
      `read the values of release ${namespace}/${name}`,
    );
    const v = parse(out) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : {};
  }

  async getManifest(name: string, namespace: string, revision?: number): Promise<string> {
    const rev = revision ? ['--revision', String(revision)] : [];
    return this.run(['get', 'manifest', name, '--namespace', namespace, ...rev], `read the manifest of release ${namespace}/${name}`);
  }
}

/** helm's error text without the "Error: " prefix and trailing hints. */
export function helmMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('Use --debug flag'));
  const err = lines.filter((l) => l.startsWith('Error:'));
  return (err.length > 0 ? err : lines).map((l) => l.replace(/^Error:\s*/, '')).join('\n');
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
