// Data written to the log cannot start a workflow command, and secrets in it are hidden.
import { describe, expect, it, vi } from 'vitest';
import { logInfo } from '../../src/log/safe-log.js';
import { Redactor } from '../../src/redact/index.js';
import { workflowCommands } from '../helpers/workflow-commands.js';

function captured(f: () => void): string {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  try {
    f();
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe('logInfo', () => {
  it('plain text is written as is', () => {
    expect(captured(() => logInfo('Release kube-system/cilium: no upgrade'))).toBe('Release kube-system/cilium: no upgrade\n');
  });

  it('lines that would be commands are inside a stop-commands block', () => {
    const text = 'to-overlay: a\n::save-state name=probe-namespace::victim-ns\n  ::warning::x\n##[error]y';
    const log = captured(() => logInfo(text));
    expect(log).toContain('::save-state name=probe-namespace::victim-ns');
    expect(workflowCommands(log)).toEqual([]);
  });

  it('registered secrets and secret shapes are hidden', () => {
    new Redactor().add('s3cr3t-registered');
    const log = captured(() => logInfo('[command] helm --password=hunter22 s3cr3t-registered https://u:p@x.example'));
    expect(log).toBe('[command] helm --password=*** *** https://***@x.example\n');
  });
});
