// One gauge from `cilium-dbg metrics list`: the text table (`Metric  Labels  Value`, the value
// printed as %f) or `-o json` (a list of {name, labels, value}).
export const CONFIG_DELTA_METRIC = 'cilium_drift_checker_config_delta';

/** The metric's value (summed over label sets), or undefined when the agent does not export it. */
export function metricValue(output: string, name: string): number | undefined {
  const trimmed = output.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return fromJson(trimmed, name);
  let total: number | undefined;
  for (const line of output.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== name) continue;
    const v = Number(cols[cols.length - 1]);
    if (Number.isFinite(v)) total = (total ?? 0) + v;
  }
  return total;
}

function fromJson(text: string, name: string): number | undefined {
  const value: unknown = JSON.parse(text);
  const list = Array.isArray(value) ? value : [];
  let total: number | undefined;
  for (const m of list) {
    if (typeof m !== 'object' || m === null) continue;
    const { name: n, value: v } = m as { name?: unknown; value?: unknown };
    if (n === name && typeof v === 'number') total = (total ?? 0) + v;
  }
  return total;
}
