// readAgent's two tiers with a scripted exec: the cheap command alone when its answer is accepted;
// the full one after an answer turned down, a failed exec or a missing binary; no retry after a time-out.
import { describe, expect, it } from 'vitest';
import { readAgent, type TieredRead } from '../../src/cluster/agent-exec.js';
import type { ExecFn } from '../../src/cluster/direct-exec.js';
import type { RunResult } from '../../src/process/run.js';

const agent = { pod: 'cilium-abcde', node: 'n1', ready: true };
const read: TieredRead<string> = {
  what: 'the read',
  cheap: { alternatives: [['tool', 'cheap']], accept: (t) => (t.startsWith('ok') ? `cheap:${t.trim()}` : undefined) },
  full: {
    alternatives: [
      ['tool', 'full'],
      ['old-tool', 'full'],
    ],
    parse: (t) => {
      if (!t.startsWith('{')) throw new Error('not JSON');
      return `full:${t.trim()}`;
    },
  },
};

function scripted(answers: Record<string, Partial<RunResult>>): { exec: ExecFn; asked: string[] } {
  const asked: string[] = [];
  const exec: ExecFn = async (_ns, _pod, _container, command) => {
    const key = command.join(' ');
    asked.push(key);
    return {
      code: 0,
      stdout: '',
      stderr: '',
      timedOut: false,
      ...(answers[key] ?? { code: 1, stderr: 'executable file not found in $PATH' }),
    };
  };
  return { exec, asked };
}

const run = (answers: Record<string, Partial<RunResult>>) => {
  const s = scripted(answers);
  return readAgent(s.exec, 'kube-system', agent, read, { perExecTimeoutMs: 5_000 }).then((r) => ({ r, asked: s.asked }));
};

describe('readAgent', () => {
  it('reads the cheap form alone when it is accepted', async () => {
    const { r, asked } = await run({ 'tool cheap': { stdout: 'ok 3\n' } });
    expect([r, asked]).toEqual([{ node: 'n1', value: 'cheap:ok 3' }, ['tool cheap']]);
  });

  it('reads the full form when the cheap answer is turned down or the cheap exec fails', async () => {
    expect(await run({ 'tool cheap': { stdout: 'unhealthy\n' }, 'tool full': { stdout: '{}\n' } })).toEqual({
      r: { node: 'n1', value: 'full:{}' },
      asked: ['tool cheap', 'tool full'],
    });
    expect(await run({ 'tool cheap': { code: 1, stderr: 'unknown flag' }, 'old-tool full': { stdout: '{"a":1}' } })).toEqual({
      r: { node: 'n1', value: 'full:{"a":1}' },
      asked: ['tool cheap', 'tool full', 'old-tool full'],
    });
  });

  it('does not retry after a time-out, and names a full answer it cannot parse', async () => {
    expect(await run({ 'tool cheap': { code: 124, timedOut: true } })).toEqual({
      r: { node: 'n1', error: 'the read did not answer within 5 s' },
      asked: ['tool cheap'],
    });
    expect((await run({ 'tool cheap': { stdout: 'no' }, 'tool full': { stdout: 'text' } })).r).toEqual({
      node: 'n1',
      error: 'output not understood: not JSON',
    });
  });
});
