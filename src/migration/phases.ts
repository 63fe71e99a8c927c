// A staged migration as a list of phases (pure): each has a name, the values its upgrade applies, how
// the agents restart and the gate that must hold before the next phase. Phases already done (read
// from the live cilium-config) are left out, so a re-run resumes where the last one stopped. A
// profile supplies its own first phase and gate (e.g. BGP sessions up while still tunnelling); the
// routing cutover is the same for every profile.
import type { ConfigData } from '../chart/cilium-config.js';
import { mergeValues } from '../values/merge.js';
import type { Values } from '../values/layers.js';

/** rolling: the DaemonSet's own rolling update; cutover: every agent in large batches (cutover-batch) */
type RestartStrategy = 'rolling' | 'cutover';
/** named gates; the mode layer maps each to its check */
export type GateName = 'wireguard-peers' | 'final-verification' | (string & {});

export interface Phase {
  name: string;
  values: Values;
  restart: RestartStrategy;
  gate: GateName;
}

/** A profile's first phase: its values over the live ones, and when the live config already has it. */
export interface FirstPhase {
  name: string;
  overlay: Values;
  gate: GateName;
  done: (live: ConfigData) => boolean;
}

/**
 * WireGuard on, the tunnel kept. nodeEncryption: whether the target chart still has
 * encryption.nodeEncryption; a chart without it (cilium#47219, #47365) neither gets the key nor is
 * asked for encrypt-node.
 */
export function wireguardFirst(nodeEncryption: boolean): FirstPhase {
  return {
    name: 'Phase 1: WireGuard, tunnel kept',
    overlay: { encryption: { enabled: true, type: 'wireguard', ...(nodeEncryption ? { nodeEncryption: true } : {}) } },
    gate: 'wireguard-peers',
    done: (live) => live['enable-wireguard'] === 'true' && (!nodeEncryption || live['encrypt-node'] === 'true'),
  };
}

export const CUTOVER_NAME = 'Phase 2: routing cutover';

/** Does the staged strategy apply: the live release tunnels (a release already native changes as today). */
export function tunnels(live: ConfigData | undefined): boolean {
  return live !== undefined && live['routing-mode'] !== 'native';
}

/**
 * The phases still to run, from the live release values and config to the desired values.
 * The first phase keeps everything live (routing included) and adds only the profile's overlay; it
 * upgrades to the target chart version.
 */
export function stagedPhases(
  liveValues: Values,
  liveConfig: ConfigData,
  desired: Values,
  first: FirstPhase = wireguardFirst(true),
  chartChanges = false,
): Phase[] {
  const phases: Phase[] = [];
  // A new chart version changes the agents' pod template: that restart happens in the first phase,
  // rolling and still tunnelling (no split), so that the cutover only changes cilium-config.
  if (!first.done(liveConfig) || chartChanges)
    phases.push({ name: first.name, values: mergeValues(liveValues, first.overlay), restart: 'rolling', gate: first.gate });
  phases.push({ name: CUTOVER_NAME, values: desired, restart: 'cutover', gate: 'final-verification' });
  return phases;
}
