// What every agent must report when it runs what cilium-config says: after a rollback, the state
// the cluster had before the run; under profile bgp, the user's encryption choice. Pure: the caller
// reads the live cilium-config.
import type { AgentExpectation } from './judge.js';

export function configExpectation(config: Record<string, string> | undefined): AgentExpectation {
  const wireguard = config?.['enable-wireguard'] === 'true';
  return {
    // Cilium's own default when the key is absent
    routing: config?.['routing-mode'] === 'native' ? 'native' : 'tunnel',
    encryption: wireguard ? 'wireguard' : config?.['enable-ipsec'] === 'true' ? 'ipsec' : 'none',
    nodeEncryption: wireguard && config?.['encrypt-node'] === 'true',
  };
}
