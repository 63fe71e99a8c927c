// The one redaction every channel uses: secret keys by name, secrets in text by shape; harmless keys shown.
import { describe, expect, it } from 'vitest';
import { isSecretKey, redactObject, redactText, redactValues, REDACTED, Redactor, redactConfigChange } from '../../src/redact/index.js';

describe('keys: secret by name, harmless keys shown', () => {
  const secret = [
    'password',
    'passwd',
    'auth',
    'api-token',
    'apiToken',
    'API_TOKEN',
    'clientSecret',
    'client-secret',
    'tls.key',
    'key',
    'private_key',
    'privateKey',
    'apiKey',
    'api-key',
    'etcd-password',
    'bearer-token',
    'credentials',
    'authorization',
    'kvstore-token',
    'secret',
  ];
  const harmless = [
    'hubble-tls-cert-file',
    'hubble-tls-key-file',
    'agent-not-ready-taint-key',
    'enable-policy-secrets-sync',
    'cert',
    'cluster-name',
    'secretName',
    'secretsNamespace',
    'tokenFile',
    'kube-proxy-replacement',
    'auth-mode',
    'k8sServiceHost',
    'ipam',
    'bpf-lb-sock',
    'routing-mode',
    'keyFile',
    'tls-secret-sync',
    'monkey',
    'tokenizer-enabled',
  ];
  it.each(secret)('%s is secret', (k) => expect(isSecretKey(k)).toBe(true));
  it.each(harmless)('%s is not secret', (k) => expect(isSecretKey(k)).toBe(false));
});

describe('text: secrets by shape', () => {
  const cases: Array<[string, string]> = [
    ['helm --password=hunter2xyz --debug', `helm --password=${REDACTED} --debug`],
    ['cilium --token s3cr3tvalue9 install', `cilium --token ${REDACTED} install`],
    ['API_TOKEN=abc123def456 make', `API_TOKEN=${REDACTED} make`],
    ['api-token: abc123def456', `api-token: ${REDACTED}`],
    ['{"passwd": "zz9plural"}', `{"passwd": "${REDACTED}"}`],
    ['pull https://user:pa55word@charts.example.com/x', `pull https://${REDACTED}@charts.example.com/x`],
    ['clone https://ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/o/r', `clone https://${REDACTED}@github.com/o/r`],
    ['Authorization: Bearer abcdefghijklmnop', `Authorization: Bearer ${REDACTED}`],
    ['k -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- x', `k ${REDACTED} x`],
    ['token ghs_abcdefghijklmnopqrstuvwxyz12345 seen', `token ${REDACTED} seen`],
  ];
  it.each(cases)('%s', (input, want) => expect(redactText(input)).toBe(want));

  it('leaves harmless text alone', () => {
    for (const t of [
      'hubble-tls-cert-file: /var/lib/cilium/tls/hubble/server.crt',
      'enable-policy-secrets-sync=true',
      'agent-not-ready-taint-key: node.cilium.io/agent-not-ready',
      'see https://docs.cilium.io/en/stable/ for the token bucket',
      'routing-mode: native',
      // names a key is secret by but running text is not (text.ts NOT_IN_TEXT)
      'pass: 3 fail: 0',
      'secrets: 2 tokens: 3',
      'kubectl --kubeconfig /tmp/rt/kubeconfig get nodes',
      'cookie: /tmp/jar',
      'jwt=short bearer=short',
    ]) {
      expect(redactText(t)).toBe(t);
    }
  });
});

describe('trees and manifests', () => {
  it('values: secret keys, env name/value pairs, argument strings, URL userinfo; harmless keys shown', () => {
    expect(
      redactValues({
        extraConfig: {
          'api-token': 'tok-1234567',
          'hubble-tls-cert-file': '/c/server.crt',
          'agent-not-ready-taint-key': 'node.cilium.io/x',
        },
        extraEnv: [
          { name: 'DB_PASSWORD', value: 'pw-98765' },
          { name: 'LOG_LEVEL', value: 'debug' },
        ],
        extraArgs: ['--token=abcdef123', '--debug'],
        hubble: { tls: { ca: { key: 'abc', cert: 'def' } } },
        mirror: 'https://bob:pw@charts.example.com',
        auth: { user: 'u', pass: 'p' },
        enabled: true,
      }),
    ).toEqual({
      extraConfig: { 'api-token': REDACTED, 'hubble-tls-cert-file': '/c/server.crt', 'agent-not-ready-taint-key': 'node.cilium.io/x' },
      extraEnv: [
        { name: 'DB_PASSWORD', value: REDACTED },
        { name: 'LOG_LEVEL', value: 'debug' },
      ],
      extraArgs: [`--token=${REDACTED}`, '--debug'],
      hubble: { tls: { ca: { key: REDACTED, cert: 'def' } } },
      mirror: `https://${REDACTED}@charts.example.com`,
      auth: { user: REDACTED, pass: REDACTED },
      enabled: true,
    });
  });

  it('a rendered ConfigMap and DaemonSet hide what values hide', () => {
    const cm = redactObject({ kind: 'ConfigMap', data: { 'api-token': 'tok-1234567', 'routing-mode': 'native' } });
    expect(cm).toEqual({ kind: 'ConfigMap', data: { 'api-token': REDACTED, 'routing-mode': 'native' } });
    const ds = redactObject({
      kind: 'DaemonSet',
      spec: { containers: [{ args: ['--kvstore-opt=x', '--password=pw1234'], env: [{ name: 'MY_TOKEN', value: 'v-12345' }] }] },
    });
    expect(JSON.stringify(ds)).not.toMatch(/pw1234|v-12345/);
    expect(JSON.stringify(ds)).toContain('--kvstore-opt=x');
  });

  it('cilium-config changes: by key, and by shape for the rest', () => {
    expect(redactConfigChange({ key: 'api-token', before: undefined, after: 'x1234567' }).after).toBe(REDACTED);
    expect(redactConfigChange({ key: 'hubble-tls-cert-file', before: undefined, after: '/c/s.crt' }).after).toBe('/c/s.crt');
    expect(redactConfigChange({ key: 'kvstore-opt', before: undefined, after: 'https://a:b@etcd' }).after).toBe(`https://${REDACTED}@etcd`);
  });

  it('the Redactor replaces registered secrets, then shapes', () => {
    const r = new Redactor();
    r.add('verysecretvalue');
    expect(r.text('x verysecretvalue and password=abc12345')).toBe(`x ${REDACTED} and password=${REDACTED}`);
  });
});
