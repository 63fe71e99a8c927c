// The `kubeconfig` input must be a kubeconfig: a YAML (or JSON) map with clusters, contexts or users.
// Checked before any command so that a wrong secret (a token, a file path, base64) is named as such.
// The content is a secret: no message ever quotes it.
import { isMap, parseDocument } from 'yaml';

export type KubeconfigCheck = { ok: true; currentContext: string | undefined } | { ok: false; problem: string; fix: string };

const FIX =
  "pass the whole kubeconfig file content (e.g. from a secret holding `az aks get-credentials --file -` output), or leave kubeconfig empty to use the runner's current context";

/** Pure. */
export function checkKubeconfig(content: string): KubeconfigCheck {
  const doc = parseDocument(content, { prettyErrors: false });
  if (doc.errors.length > 0)
    return { ok: false, problem: 'is not a kubeconfig (not valid YAML; its content is secret and not shown)', fix: FIX };
  if (!isMap(doc.contents))
    return { ok: false, problem: 'is not a kubeconfig (not a YAML map; its content is secret and not shown)', fix: FIX };
  const kc = doc.toJS() as Record<string, unknown>;
  const kind = kc.kind;
  const lists = ['clusters', 'contexts', 'users'].filter((k) => Array.isArray(kc[k]));
  if ((kind !== undefined && kind !== 'Config') || lists.length === 0) {
    return { ok: false, problem: 'is not a kubeconfig (no clusters, contexts or users; its content is secret and not shown)', fix: FIX };
  }
  const current = kc['current-context'];
  return { ok: true, currentContext: typeof current === 'string' && current !== '' ? current : undefined };
}
