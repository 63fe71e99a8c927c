// helm argv for a chart reference at a version.
/** Where the chart comes from: a repository (credentials given to helm as flags), a local chart, or OCI. */
export type ChartRef =
  | { kind: 'repo'; name: string; repository: string; username?: string; password?: string }
  | { kind: 'local'; path: string }
  | { kind: 'oci'; ref: string };

export function chartArgs(chart: ChartRef, version: string | undefined): string[] {
  switch (chart.kind) {
    case 'repo':
      return [
        chart.name,
        '--repo',
        chart.repository,
        ...(chart.username ? ['--username', chart.username] : []),
        ...(chart.password ? ['--password', chart.password] : []),
        ...(version ? ['--version', version] : []),
      ];
    case 'oci':
      return [chart.ref, ...(version ? ['--version', version] : [])];
    case 'local':
      // A local chart is exactly one version; helm ignores --version for it.
      return [chart.path];
  }
}

export function describeChart(chart: ChartRef): string {
  switch (chart.kind) {
    case 'repo':
      return `${chart.name} from ${chart.repository}`;
    case 'oci':
      return chart.ref;
    case 'local':
      return chart.path;
  }
}

/** The chart and, for a repository or OCI chart, the version: how messages name what was read. */
export function chartAt(chart: ChartRef, version: string | undefined): string {
  return `${describeChart(chart)}${version && chart.kind !== 'local' ? ` ${version}` : ''}`;
}
