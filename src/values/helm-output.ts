// `helm get values` without `-o yaml` prints a header line before the YAML ("USER-SUPPLIED VALUES:",
// or "COMPUTED VALUES:" with --all), and "null" when there are none. A base-values file copied
// from that output is read as the values it shows, never with the header merged in as a key.
const HEADER_RE = /^\uFEFF?(?:USER-SUPPLIED|COMPUTED) VALUES:[ \t]*\r?\n/;

/** Pure: the YAML without helm's header line; `null` alone (no values) becomes an empty map. */
export function stripHelmValuesHeader(text: string): string {
  if (!HEADER_RE.test(text)) return text;
  const body = text.replace(HEADER_RE, '');
  return body.trim() === 'null' ? '' : body;
}
