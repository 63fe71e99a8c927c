import { describe, expect, it } from 'vitest';
import { assertNoSecrets, redactOutgoing, secretVariants } from '../../src/github/redact.js';

describe('outgoing secret guard', () => {
  it('variants: whole secrets, long lines of multi-line ones, longest first, blanks ignored', () => {
    const kubeconfig = 'apiVersion: v1\n  client-key-data: QUJDREVGR0hJSktMTU5PUA==\nkind: Config\n';
    expect(secretVariants(['', '  ', 'abcd', kubeconfig])).toEqual([kubeconfig, 'client-key-data: QUJDREVGR0hJSktMTU5PUA==', 'abcd']);
  });

  it('redact runs first, then secrets are replaced, overlapping ones whole', () => {
    const out = redactOutgoing('a tok-123456 b tok-123456-long c password=x', {
      secrets: ['tok-123456', 'tok-123456-long'],
      redact: (t) => t.replace(/password=\S+/, 'password=[redacted]'),
    });
    expect(out).toBe('a *** b *** c password=[redacted]');
  });

  it('assertNoSecrets throws without showing the secret', () => {
    expect(() => assertNoSecrets('fine', ['s3cr3t-value'])).not.toThrow();
    let message = '';
    try {
      assertNoSecrets('has s3cr3t-value inside', ['s3cr3t-value']);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/still contains a secret/);
    expect(message).not.toContain('s3cr3t-value');
  });
});
