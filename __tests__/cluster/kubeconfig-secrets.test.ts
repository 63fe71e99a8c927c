// Every credential a kubeconfig can carry is masked: tokens, keys, exec-plugin env, auth-provider config.
import { describe, expect, it } from 'vitest';
import { kubeconfigSecrets } from '../../src/cluster/kubeconfig.js';

describe('kubeconfig secrets', () => {
  it('finds exec-plugin env values and auth-provider tokens besides the usual fields', () => {
    const kc = `apiVersion: v1
kind: Config
users:
- name: token
  user: {token: tok-1234567}
- name: exec
  user:
    exec:
      command: kubelogin
      args: [get-token, --server-id, 6dae42f8]
      env:
      - {name: AAD_SERVICE_PRINCIPAL_CLIENT_SECRET, value: exec-secret-1}
      - {name: HOME_HINT, value: harmless-but-hidden}
- name: oidc
  user:
    auth-provider:
      name: oidc
      config: {access-token: at-2345678, refresh-token: rt-3456789, client-secret: cs-4567890, idp-issuer-url: https://issuer}
`;
    const s = kubeconfigSecrets(kc);
    expect(s).toEqual(
      expect.arrayContaining(['tok-1234567', 'exec-secret-1', 'harmless-but-hidden', 'at-2345678', 'rt-3456789', 'cs-4567890']),
    );
    expect(s).not.toContain('https://issuer');
    expect(s).not.toContain('kubelogin');
  });
});
