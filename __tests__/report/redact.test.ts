import { describe, expect, it } from 'vitest';
import { Redactor, redactChange, redactObject, redactValues, REDACTED } from '../../src/report/redact.js';

describe('redaction', () => {
  it('hides values under secret-looking keys and PEM blocks', () => {
    expect(
      redactValues({
        hubble: { tls: { ca: { key: 'abc', cert: 'def' } } },
        clustermesh: { apiserver: { tls: { auto: { enabled: true } } } },
        etcd: { password: 'p' },
        note: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
        cluster: { name: 'prod' },
      }),
    ).toEqual({
      hubble: { tls: { ca: { key: REDACTED, cert: 'def' } } },
      clustermesh: { apiserver: { tls: { auto: { enabled: true } } } },
      etcd: { password: REDACTED },
      note: REDACTED,
      cluster: { name: 'prod' },
    });
  });

  it('hides Secret data in manifests', () => {
    expect(redactObject({ kind: 'Secret', metadata: { name: 's' }, data: { 'tls.key': 'QUJD' } })).toEqual({
      kind: 'Secret',
      metadata: { name: 's' },
      data: { 'tls.key': REDACTED },
    });
  });

  it('hides a change of a secret key', () => {
    expect(redactChange({ path: ['hubble', 'tls', 'ca', 'key'], before: undefined, after: 'x' })).toEqual({
      path: ['hubble', 'tls', 'ca', 'key'],
      before: undefined,
      after: REDACTED,
    });
  });

  it('replaces registered secrets and the long lines of multi-line ones', () => {
    const r = new Redactor();
    const kubeconfig = 'apiVersion: v1\nusers:\n- user:\n    token: abcdefghijklmnopqrstuvwxyz0123456789\n';
    r.add(kubeconfig, 'ghs_token123456');
    const out = r.text(`use ghs_token123456 and     token: abcdefghijklmnopqrstuvwxyz0123456789 here; apiVersion: v1`);
    expect(out).toBe(`use ${REDACTED} and     ${REDACTED} here; apiVersion: v1`);
  });
});
