// Asks a tool binary for its version: the installer checks that a download is the version asked for,
// and reports the version of every binary it hands on, including one given by path.
import { ActionError, errorMessage } from '../errors.js';
import { runProcess } from '../process/run.js';
import type { ToolDescriptor } from './descriptors.js';
import { parseToolVersion } from './tool-version.js';

/** Runs the tool's version command(s) and returns the version it reports. */
export async function reportedVersion(d: ToolDescriptor, bin: string, timeoutMs: number): Promise<string> {
  const problems: string[] = [];
  for (const args of d.versionCommands) {
    let out;
    try {
      out = await runProcess(bin, args, { timeoutMs });
    } catch (e) {
      problems.push(errorMessage(e));
      break; // the binary cannot be started at all
    }
    if (out.code === 0) {
      const v = parseToolVersion(d, out.stdout);
      if (v) return v;
      problems.push(`\`${args.join(' ')}\` printed no version: "${out.stdout.trim().slice(0, 200)}"`);
    } else {
      const why = out.timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${out.code}`;
      problems.push(`\`${args.join(' ')}\` ${why}${out.stderr.trim() ? `: ${out.stderr.trim().slice(0, 300)}` : ''}`);
    }
  }
  throw new ActionError(`${bin} did not report a ${d.display} version: ${problems.join('; ')}`, {
    hint: `give ${d.inputs.version} as an exact version or the path of a working ${d.name} binary`,
  });
}
