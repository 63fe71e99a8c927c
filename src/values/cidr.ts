// IPv4 CIDR parsing and containment, on ip-address (no hand-written bit math).
import { Address4 } from 'ip-address';

export type CidrResult = { ok: true; cidr: string } | { ok: false; problem: string; fix: string };

/** Accepts only a canonical IPv4 CIDR: explicit prefix 0-32, no host bits set, nothing trailing. */
export function parseCidr(text: string): CidrResult {
  const s = text.trim();
  const shown = JSON.stringify(s);
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(s)) {
    return { ok: false, problem: `${shown} is not an IPv4 CIDR`, fix: 'write it as address/prefix, e.g. 100.64.0.0/10' };
  }
  let addr: Address4;
  try {
    addr = new Address4(s);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/\.$/, '') : 'invalid';
    return {
      ok: false,
      problem: `${shown} is not a valid IPv4 CIDR (${why})`,
      fix: 'use a prefix from 0 to 32 and octets from 0 to 255 without leading zeroes, e.g. 100.64.0.0/10',
    };
  }
  const network = addr.startAddress().correctForm();
  if (network !== addr.addressMinusSuffix) {
    return {
      ok: false,
      problem: `${shown} has host bits set`,
      fix: `use the network address: ${network}/${addr.subnetMask}`,
    };
  }
  return { ok: true, cidr: `${network}/${addr.subnetMask}` };
}

/** Whether `inner` lies entirely within `outer` (both canonical CIDRs). */
export function cidrContains(outer: string, inner: string): boolean {
  return new Address4(inner).isInSubnet(new Address4(outer));
}
