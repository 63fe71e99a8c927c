// action.yml is action metadata, which actionlint does not lint (it lints workflows), so its
// structure is checked here: the public interface of DESIGN.md (names and defaults users rely on),
// the runtime, and entry points that exist in dist/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../setup/env.js';

interface Metadata {
  name: string;
  description: string;
  author?: string;
  branding?: { icon: string; color: string };
  inputs: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string; pre?: string };
}

const text = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
const action = parse(text) as Metadata;

// DESIGN.md's contract: input → default ('' where DESIGN gives a derived or pinned value).
const DESIGN_INPUTS: Record<string, string> = {
  mode: 'apply',
  release: 'cilium',
  namespace: 'kube-system',
  chart: 'cilium',
  'chart-repository': 'https://helm.cilium.io',
  'cilium-version': 'installed',
  'native-routing-cidr': '',
  values: '',
  'values-files': '',
  'base-values': '',
  'helm-version': '',
  'cilium-cli-version': '',
  'helm-mirror': 'https://get.helm.sh',
  'cilium-cli-mirror': 'https://github.com/cilium/cilium-cli/releases/download',
  kubeconfig: '',
  context: '',
  'comment-key': '',
  timeout: '10m',
  checks: 'auto',
  'connectivity-tests': '',
  'flows-file': '',
  'max-overlay-flows': '0',
  'min-flows': '1',
  'on-verify-failure': 'fail',
  'fail-on-drift': 'true',
  'github-token': '${{ github.token }}',
};
const DESIGN_OUTPUTS = [
  'verdict',
  'values-file',
  'revision',
  'routing-mode',
  'encryption',
  'flows-observed',
  'cross-node-flows',
  'overlay-flows',
  'lost-events',
  'drift',
  'report',
];

describe('action.yml', () => {
  it('has a name, a description and branding for the Marketplace', () => {
    expect(action.name).toBeTruthy();
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) });
  });

  it.each(Object.entries(DESIGN_INPUTS))('has the DESIGN input %s with default "%s"', (name, def) => {
    const input = action.inputs[name];
    expect(input, `input ${name}`).toBeDefined();
    expect(String(input!.default ?? '')).toBe(def);
  });

  it('has every DESIGN output', () => {
    for (const name of DESIGN_OUTPUTS) expect(action.outputs, name).toHaveProperty(name);
  });

  it('describes every input and output, requires none, and uses only known keys', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\S/);
      expect(input.required ?? false, name).toBe(false);
      expect(
        Object.keys(input).every((k) => ['description', 'required', 'default', 'deprecationMessage'].includes(k)),
        name,
      ).toBe(true);
      expect(name, 'input names are lower-case kebab').toMatch(/^[a-z][a-z0-9-]*$/);
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description, name).toMatch(/\S/);
      // A JavaScript action sets outputs itself; `value` is only for composite actions.
      expect(output.value, name).toBeUndefined();
    }
  });

  it('runs on node24 with a main and a post entry that exist in dist/', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs.main).toBe('dist/index.js');
    expect(existsSync(path.join(repoRoot, action.runs.main))).toBe(true);
    expect(action.runs.post).toBe('dist/post/index.js');
    expect(existsSync(path.join(repoRoot, action.runs.post!))).toBe(true);
    // clean-up runs after a failed or cancelled main step too
    expect(action.runs['post-if']).toBe('always()');
  });

  it('has no expression other than the token default (metadata cannot evaluate others)', () => {
    const expressions = [...text.matchAll(/\$\{\{[^}]*\}\}/g)].map((m) => m[0]);
    expect(expressions).toEqual(['${{ github.token }}']);
  });
});
