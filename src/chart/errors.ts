// Chart failures with the chart's own message and, where we know it, the fix.
import { CHART_AKSBYOCNI_MESSAGE } from '../values/enforced.js';

export function chartErrorHint(message: string): string | undefined {
  if (message.includes(CHART_AKSBYOCNI_MESSAGE)) {
    return 'aksbyocni.enabled only exists to keep AKS BYOCNI clusters on VXLAN; this action sets it to false. Remove aksbyocni.enabled: true from your values.';
  }
  // e.g. "tunnel was deprecated in v1.14 and has been removed in v1.15. For details …"
  const removed = /(\S+?) (?:was deprecated in v[\d.]+ and )?ha(?:s|ve) been removed in (v[\d.]+)/.exec(message);
  if (removed) {
    const key = removed[1]!.replace(/^\.?Values\./, '');
    return `The release values still set ${key}, which the chart removed in ${removed[2]}. Drop it with the values input (\`${key.split(/[{,]/)[0]}: null\`) or migrate it as the Cilium upgrade notes describe.`;
  }
  if (/failed to download|could not find|not found in .* repository|no such host|connection refused/i.test(message)) {
    return 'Check chart, chart-repository and cilium-version (and that the runner can reach the repository or set chart to a local .tgz).';
  }
  if (/values don't meet the specifications of the schema/.test(message)) {
    return "A value has the wrong type or an unknown key for this chart version's values.schema.json; fix the key the message names.";
  }
  return undefined;
}
