// kubectl as argv arrays (from the runner's PATH). Passed into each step; never through a shell.
import { ActionError } from '../errors.js';
import { runProcess, spawnStreaming, type RunOptions, type RunResult, type StreamingProcess } from '../process/run.js';
import type { KubeAccess } from './access.js';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    uid?: string;
    creationTimestamp?: string;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  data?: Record<string, string>;
}

export class Kubectl {
  constructor(
    readonly path: string,
    private readonly access: KubeAccess,
  ) {}

  /** the environment kubectl runs with (KUBECONFIG) */
  get env(): NodeJS.ProcessEnv {
    return this.access.env;
  }

  private argv(args: string[]): string[] {
    return this.access.context ? ['--context', this.access.context, ...args] : args;
  }

  async exec(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    return runProcess(this.path, this.argv(args), { env: this.access.env, ...opts });
  }

  async run(args: string[], what: string, opts: RunOptions = {}): Promise<string> {
    const r = await this.exec(args, opts);
    if (r.code !== 0 || r.timedOut) {
      throw new ActionError(`kubectl could not ${what}: ${r.timedOut ? 'timed out' : r.stderr.trim() || `exit code ${r.code}`}`);
    }
    return r.stdout;
  }

  stream(args: string[], opts: RunOptions = {}): StreamingProcess {
    return spawnStreaming(this.path, this.argv(args), { env: this.access.env, ...opts });
  }

  async list(resource: string, namespace: string | undefined, selector?: string): Promise<KubeObject[]> {
    const args = [
      'get',
      resource,
      ...(namespace ? ['--namespace', namespace] : []),
      ...(selector ? ['--selector', selector] : []),
      '--output',
      'json',
    ];
    const out = await this.run(args, `list ${resource}${namespace ? ` in ${namespace}` : ''}`);
    return ((JSON.parse(out) as { items?: KubeObject[] }).items ?? []) as KubeObject[];
  }

  /** undefined when the object does not exist */
  async get(resource: string, name: string, namespace: string | undefined): Promise<KubeObject | undefined> {
    const r = await this.exec(['get', resource, name, ...(namespace ? ['--namespace', namespace] : []), '--output', 'json']);
    if (r.code !== 0) {
      if (/NotFound|not found/.test(r.stderr)) return undefined;
      throw new ActionError(`kubectl could not read ${resource}/${name}: ${r.stderr.trim()}`);
    }
    return JSON.parse(r.stdout) as KubeObject;
  }

  /** Deletes a namespace without waiting for it to go (a missing one is fine); failures are returned. */
  async deleteNamespace(name: string, opts: RunOptions = {}): Promise<RunResult> {
    return this.exec(['delete', 'namespace', name, '--ignore-not-found', '--wait=false'], opts);
  }

  /** Runs a command in a container; the exit code is returned, a time-out is flagged. */
  async execIn(
    namespace: string,
    pod: string,
    container: string | undefined,
    command: string[],
    opts: RunOptions = {},
  ): Promise<RunResult> {
    return this.exec(['exec', '--namespace', namespace, pod, ...(container ? ['--container', container] : []), '--', ...command], opts);
  }

  streamIn(namespace: string, pod: string, container: string | undefined, command: string[], opts: RunOptions = {}): StreamingProcess {
    return this.stream(['exec', '--namespace', namespace, pod, ...(container ? ['--container', container] : []), '--', ...command], opts);
  }
}
