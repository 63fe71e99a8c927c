// The workflow commands a runner would execute from a step's stdout: `::name …::value` lines, except
// between `::stop-commands::TOKEN` and `::TOKEN::`.
export function workflowCommands(stdout: string): string[] {
  const out: string[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?:\s[^:]*)?::(.*)$/.exec(line);
    if (m && m[1] === 'stop-commands') stopToken = m[2];
    else if (m) out.push(line);
    else if (line.startsWith('##[')) out.push(line);
  }
  return out;
}
