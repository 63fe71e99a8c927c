// The kubeconfig input: written to a 0600 file in RUNNER_TEMP that only child processes see,
// its secret fields masked in the log, removed at the end (and by the post step after cancellation).
import * as core from '@actions/core';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isSecretKey } from '../redact/index.js';
import type { KubeAccess } from './access.js';

const SECRET_FIELDS = [
  'token',
  'client-key-data',
  'client-certificate-data',
  'certificate-authority-data',
  'password',
  'id-token',
  'refresh-token',
  // auth-provider config (azure, oidc, gcp)
  'access-token',
  'client-secret',
  'apiserver-id',
];

/** The secret strings inside a kubeconfig: the whole text and every credential field's value. */
export function kubeconfigSecrets(content: string): string[] {
  const out = new Set<string>([content.trim()]);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((SECRET_FIELDS.includes(k) || isSecretKey(k)) && typeof v === 'string' && v.length >= 4) out.add(v);
        // exec plugins get credentials through env: every value there is treated as secret
        else if (k === 'env' && Array.isArray(v)) for (const e of v) addEnvValue(e);
        else visit(v);
      }
    }
  };
  const addEnvValue = (e: unknown): void => {
    const value = e && typeof e === 'object' ? (e as Record<string, unknown>).value : undefined;
    if (typeof value === 'string' && value.length >= 4) out.add(value);
  };
  try {
    visit(parse(content));
  } catch {
    // unparsable: the whole text is still masked
  }
  return [...out].filter((s) => s.length > 0);
}

export function kubeconfigPath(runnerTemp: string): string {
  return path.join(runnerTemp, 'cilium-native-routing', 'kubeconfig');
}

export interface ResolvedAccess extends KubeAccess {
  /** removes the written kubeconfig file, if any */
  cleanup(): void;
}

/** Writes the kubeconfig input for child processes; its secrets were masked by run() before anything ran. */
export function resolveAccess(kubeconfig: string | undefined, context: string | undefined, runnerTemp: string): ResolvedAccess {
  if (context) core.saveState('context', context);
  if (!kubeconfig) return { env: { ...process.env }, context, cleanup: () => undefined };
  const file = kubeconfigPath(runnerTemp);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, kubeconfig, { mode: 0o600 });
  core.saveState('kubeconfig', file);
  return {
    env: { ...process.env, KUBECONFIG: file },
    context,
    cleanup: () => rmSync(file, { force: true }),
  };
}
