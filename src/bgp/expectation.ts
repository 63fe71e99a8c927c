// What the agents must report under profile bgp: native routing, and encryption as configured
// (the user's choice). Pure: the caller reads the live cilium-config.
import { configExpectation } from '../verify/status/expectation.js';
import type { AgentExpectation } from '../verify/status/judge.js';

export function bgpAgentExpectation(config: Record<string, string> | undefined): AgentExpectation {
  return { ...configExpectation(config), routing: 'native' };
}

/** The summary says who carries pod traffic when WireGuard stays on with BGP. */
export const BGP_WIREGUARD_NOTE =
  "WireGuard is on: with profile bgp the pod CIDRs are routed natively by the VNet, but pod traffic between nodes is still carried inside WireGuard (encrypted, and at WireGuard's throughput).";
