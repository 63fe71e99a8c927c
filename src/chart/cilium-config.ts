// The cilium-config ConfigMap: read from a rendered manifest, checked against the recipe, diffed.
import { foldRenames } from './config-renames.js';
import { bgpRequiredConfig } from '../bgp/enforced.js';
import type { Profile } from '../bgp/inputs.js';
import { parseManifest, type ManifestObject } from './manifest.js';

export type ConfigData = Record<string, string>;

/** The cilium-config object among a parsed manifest's. */
export const ciliumConfigObject = (objects: ReadonlyMap<string, ManifestObject>, namespace: string): ManifestObject | undefined =>
  objects.get(`ConfigMap/${namespace}/cilium-config`);

export function ciliumConfigOf(manifest: string, namespace: string): ConfigData | undefined {
  return configDataOf(ciliumConfigObject(parseManifest(manifest, namespace), namespace));
}

/** A ConfigMap object's data, every value as a string. */
export function configDataOf(cm: ManifestObject | undefined): ConfigData | undefined {
  if (!cm) return undefined;
  const data = (cm.obj.data ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]));
}

/** What must hold in the rendered cilium-config for native routing with WireGuard (or over BGP). */
export function requiredConfig(cidr: string, profile: Profile = 'wireguard'): ConfigData {
  if (profile === 'bgp') return bgpRequiredConfig(cidr);
  return {
    'routing-mode': 'native',
    'enable-wireguard': 'true',
    'encrypt-node': 'true',
    'auto-direct-node-routes': 'false',
    'ipv4-native-routing-cidr': cidr,
  };
}

export interface ConfigMismatch {
  key: string;
  expected: string;
  actual: string | undefined;
}

export function checkConfig(data: ConfigData, required: ConfigData): ConfigMismatch[] {
  return Object.entries(required)
    .filter(([k, v]) => data[k] !== v)
    .map(([key, expected]) => ({ key, expected, actual: data[key] }));
}

export interface ConfigChange {
  key: string;
  before: string | undefined;
  after: string | undefined;
}

export function diffConfig(before: ConfigData | undefined, after: ConfigData | undefined): ConfigChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return foldRenames(
    keys.filter((k) => b[k] !== a[k]).map((key) => ({ key, before: b[key], after: a[key] })),
    b,
    a,
  );
}

/** routing-mode / encryption as the outputs spell them, from a (rendered or live) config. */
export function configRouting(data: ConfigData | undefined): 'native' | 'tunnel' | 'unknown' {
  const m = data?.['routing-mode'];
  return m === 'native' || m === 'tunnel' ? m : 'unknown';
}

export function configEncryption(data: ConfigData | undefined): 'wireguard' | 'none' | 'ipsec' | 'unknown' {
  if (!data) return 'unknown';
  if (data['enable-wireguard'] === 'true') return 'wireguard';
  if (data['enable-ipsec'] === 'true') return 'ipsec';
  return 'none';
}
