// Which cluster a sticky preview comment belongs to, so that a matrix over clusters on one pull
// request keeps one comment per cluster: the comment-key input, else the kube context (the context
// input, the kubeconfig input's current-context, or the runner's kubeconfig's).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { COMMENT_KEY_RE } from '../inputs/comment-key.js';

/** Pure: the key as it goes into the marker; a context name that could break the comment is hashed. */
export function markerKey(key: string): string {
  return COMMENT_KEY_RE.test(key) ? key : `sha256-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** The runner's current kube context (first KUBECONFIG file, else ~/.kube/config), if any. */
export function runnerCurrentContext(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = (env.KUBECONFIG ?? '').split(path.delimiter).find((f) => f !== '') ?? path.join(os.homedir(), '.kube', 'config');
  try {
    const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    const current = doc?.['current-context'];
    return typeof current === 'string' && current !== '' ? current : undefined;
  } catch {
    return undefined;
  }
}
