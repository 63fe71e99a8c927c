// Child processes never see the runner's tokens or the action's inputs, through the real spawn path.
import { describe, expect, it } from 'vitest';
import { childEnv } from '../../src/process/child-env.js';
import { runProcess } from '../../src/process/run.js';

describe('child environment', () => {
  const env = {
    PATH: process.env.PATH,
    HOME: '/home/runner',
    KUBECONFIG: '/tmp/k',
    HTTPS_PROXY: 'http://proxy:3128',
    HELM_CACHE_HOME: '/c',
    AZURE_CLIENT_ID: 'id',
    ACTIONS_RUNTIME_TOKEN: 'rt-secret-1',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret-2',
    GITHUB_TOKEN: 'gh-secret-3',
    'INPUT_GITHUB-TOKEN': 'gh-secret-4',
    INPUT_KUBECONFIG: 'kc-secret-5',
    KUBE_TOKEN: 'kube-secret-6',
    MY_APP_PASSWORD: 'pw-secret-7',
  };

  it('keeps what tools need and drops tokens and inputs', () => {
    expect(Object.keys(childEnv(env)).sort()).toEqual(['AZURE_CLIENT_ID', 'HELM_CACHE_HOME', 'HOME', 'HTTPS_PROXY', 'KUBECONFIG', 'PATH']);
  });

  it('a spawned child sees none of the secrets', async () => {
    const r = await runProcess(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))'], { env, quiet: true });
    const seen = JSON.parse(r.stdout) as Record<string, string>;
    expect(seen.KUBECONFIG).toBe('/tmp/k');
    expect(r.stdout).not.toMatch(/secret-\d/);
  });
});
