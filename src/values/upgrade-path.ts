// Cilium's upgrade rule: one minor version at a time (1.18 → 1.19 → 1.20), because each release's
// agents and operator migrate state written by the previous minor only.
import semver from 'semver';
import type { InputProblem } from '../errors.js';

/** A problem when target is more than one minor ahead of installed (same major), else undefined. */
export function skipMinorProblem(installed: string | undefined, target: string | undefined): InputProblem | undefined {
  const from = installed ? semver.coerce(installed) : null;
  const to = target ? semver.coerce(target) : null;
  if (!from || !to || to.major !== from.major || to.minor - from.minor <= 1) return undefined;
  const next = `${from.major}.${from.minor + 1}`;
  return {
    input: 'cilium-version',
    problem: `${target} is ${to.minor - from.minor} minor versions ahead of the installed ${installed}, and Cilium upgrades one minor version at a time`,
    fix: `upgrade to the latest ${next}.x first (run the action with cilium-version set to it), then to ${target}; or set allow-skip-minor: true to take the risk`,
  };
}
