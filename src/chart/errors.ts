// Chart failures with the chart's own message and, where we know it, the fix.
import type { ChartRef } from './chart-ref.js';
import { ActionError } from '../errors.js';
import { LEGACY_KEYS } from '../values/consistency.js';
import { CHART_AKSBYOCNI_MESSAGE } from '../values/enforced.js';

// helm's words when the chart could not be fetched at all (repository index, archive or OCI registry)
const DOWNLOAD_FAILURE_RE =
  /cannot be reached|connection refused|no such host|dial tcp|i\/o timeout|TLS handshake|network is unreachable|failed to do request|failed to fetch|context deadline exceeded|connection reset|server misbehaving/i;

/** Pure: whether helm's message says the chart could not be downloaded (not that it rejected the values). */
export function isDownloadFailure(message: string): boolean {
  return DOWNLOAD_FAILURE_RE.test(message);
}

/** Where helm downloads the chart from. */
function chartSource(chart: ChartRef): string {
  return chart.kind === 'repo' ? chart.repository : chart.kind === 'oci' ? chart.ref : chart.path;
}

/** A chart that could not be fetched is said as such, whichever helm command fetched it. */
export function throwIfDownloadFailure(chart: ChartRef, at: string, timedOut: boolean, message: string): void {
  if (timedOut || chart.kind === 'local' || !isDownloadFailure(message)) return;
  throw new ActionError(`Could not download the chart from ${chartSource(chart)} (${at}): ${message}`, {
    hint: "The runner could not reach it: check chart-repository (or the oci:// reference), the runner's network and proxy, or set chart to a local .tgz.",
  });
}

export function chartErrorHint(message: string): string | undefined {
  if (message.includes(CHART_AKSBYOCNI_MESSAGE)) {
    return 'aksbyocni.enabled only exists to keep AKS BYOCNI clusters on VXLAN; this action sets it to false. Remove aksbyocni.enabled: true from your values.';
  }
  // e.g. "tunnel was deprecated in v1.14 and has been removed in v1.15. For details …"
  const removed = /(\S+?) (?:was deprecated in v[\d.]+ and )?ha(?:s|ve) been removed in (v[\d.]+)/.exec(message);
  if (removed) {
    const key = removed[1]!.replace(/^\.?Values\./, '');
    const top = key.split(/[{,.]/)[0]!;
    if (LEGACY_KEYS.includes(top)) {
      return `Your values (values or values-files) set ${top}, which the chart removed in ${removed[2]}; the action already drops it from the release's values. Remove it from your values: routingMode: native replaces it.`;
    }
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
