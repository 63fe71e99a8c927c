// The pure parts of the test server: selectors, patches, protobuf decoding, Hubble printing.
import { describe, expect, it } from 'vitest';
import { parseObserveArgs, renderObserve, selectFlows, stampMilli } from './hubble.js';
import { jsonMergePatch, jsonPatch, PatchError, serverSideApply, strategicMerge } from './patch.js';
import { decodeProtobuf } from './protobuf.js';
import { matchLabels, matchLabelSelectorObject, parseFieldSelector, parseLabelSelector, SelectorError } from './selectors.js';
import type { FlowRecord } from './types.js';

describe('label and field selectors', () => {
  it('parses every operator', () => {
    const reqs = parseLabelSelector('app=web,tier!=db,env in (prod, staging),zone notin (a),managed,!legacy');
    expect(reqs.map((r) => [r.key, r.op, r.values])).toEqual([
      ['app', '=', ['web']],
      ['tier', '!=', ['db']],
      ['env', 'in', ['prod', 'staging']],
      ['zone', 'notin', ['a']],
      ['managed', 'exists', []],
      ['legacy', '!exists', []],
    ]);
    expect(matchLabels(reqs, { app: 'web', env: 'prod', managed: '' })).toBe(true);
    expect(matchLabels(reqs, { app: 'web', env: 'dev', managed: '' })).toBe(false);
    expect(matchLabels(reqs, { app: 'web', env: 'prod', managed: '', legacy: 'x' })).toBe(false);
  });

  it('rejects set operators in field selectors', () => {
    expect(() => parseFieldSelector('metadata.name in (a)')).toThrow(SelectorError);
    expect(parseFieldSelector('spec.nodeName==n1,status.phase!=Failed').map((r) => r.op)).toEqual(['=', '!=']);
  });

  it('matches matchLabels/matchExpressions objects', () => {
    const sel = { matchLabels: { 'k8s-app': 'cilium' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['x'] }] };
    expect(matchLabelSelectorObject(sel, { 'k8s-app': 'cilium' })).toBe(true);
    expect(matchLabelSelectorObject(sel, { 'k8s-app': 'cilium', tier: 'x' })).toBe(false);
  });
});

describe('patches', () => {
  const pod = {
    metadata: { name: 'p', labels: { a: '1' } },
    spec: {
      containers: [
        { name: 'c1', image: 'i1', env: [{ name: 'A', value: '1' }] },
        { name: 'c2', image: 'i2' },
      ],
      tolerations: [{ operator: 'Exists' }],
    },
  };

  it('strategic merge merges lists by key and honours directives', () => {
    const out = strategicMerge(pod, {
      metadata: { labels: { a: null, b: '2' } },
      spec: {
        containers: [
          { name: 'c1', env: [{ name: 'B', value: '2' }] },
          { name: 'c2', $patch: 'delete' },
        ],
        tolerations: [{ key: 'k', operator: 'Equal' }],
        '$setElementOrder/containers': [{ name: 'c1' }],
      },
    }) as any;
    expect(out.metadata.labels).toEqual({ b: '2' });
    expect(out.spec.containers).toEqual([
      {
        name: 'c1',
        image: 'i1',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
    ]);
    expect(out.spec.tolerations).toEqual([{ key: 'k', operator: 'Equal' }]);
  });

  it('rollout restart style patch adds a template annotation', () => {
    const ds = { spec: { template: { metadata: { labels: { x: 'y' } } } } };
    const out = strategicMerge(ds, {
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' } } } },
    }) as any;
    expect(out.spec.template.metadata).toEqual({ labels: { x: 'y' }, annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' } });
  });

  it('JSON merge patch and JSON patch', () => {
    expect(jsonMergePatch({ a: { b: 1, c: 2 } }, { a: { b: null, d: 3 } })).toEqual({ a: { c: 2, d: 3 } });
    expect(
      jsonPatch({ a: [1, 2] }, [
        { op: 'add', path: '/a/-', value: 3 },
        { op: 'replace', path: '/a/0', value: 0 },
        { op: 'test', path: '/a/1', value: 2 },
      ]),
    ).toEqual({ a: [0, 2, 3] });
    expect(() => jsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }])).toThrow(PatchError);
    expect(() => jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(PatchError);
  });

  it('server-side apply drops what the same manager stopped applying and keeps the rest', () => {
    const live = { data: { a: '1', b: '2', fromOther: 'x' }, metadata: { annotations: { keep: 'me' } } };
    const before = { data: { a: '1', b: '2' } };
    const out = serverSideApply(live, { data: { a: '9' } }, before);
    expect(out).toEqual({ data: { a: '9', fromOther: 'x' }, metadata: { annotations: { keep: 'me' } } });
  });
});

// A minimal protobuf writer, to build request bodies the way client-go frames them.
const varint = (n: number): number[] => {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
};
const field = (num: number, bytes: Buffer): Buffer => Buffer.from([...varint((num << 3) | 2), ...varint(bytes.length), ...bytes]);
const str = (num: number, s: string): Buffer => field(num, Buffer.from(s));
const int = (num: number, n: number): Buffer => Buffer.from([...varint(num << 3), ...varint(n)]);
const msg = (num: number, ...parts: Buffer[]): Buffer => field(num, Buffer.concat(parts));

describe('protobuf request bodies', () => {
  it('decodes a Secret in the k8s envelope: metadata, bytes map, times, zero values dropped', () => {
    const secret = Buffer.concat([
      msg(1, str(1, 's1'), str(2, ''), str(3, 'ns1'), msg(8, int(1, 1_700_000_000)), msg(11, str(1, 'owner'), str(2, 'helm'))),
      msg(2, str(1, 'release'), field(2, Buffer.from('H4sI'))),
      str(3, 'helm.sh/release.v1'),
    ]);
    const body = Buffer.concat([
      Buffer.from('k8s\0', 'latin1'),
      msg(1, str(1, 'v1'), str(2, 'Secret')),
      field(2, secret),
      str(3, ''),
      str(4, ''),
    ]);
    expect(decodeProtobuf(body)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's1', namespace: 'ns1', creationTimestamp: '2023-11-14T22:13:20Z', labels: { owner: 'helm' } },
      data: { release: Buffer.from('H4sI').toString('base64') },
      type: 'helm.sh/release.v1',
    });
  });

  it('decodes a Pod with containers, ports and an int-or-string', () => {
    const container = Buffer.concat([str(1, 'agnhost'), str(2, 'agnhost:2.53'), str(4, 'netexec'), msg(6, int(3, 8080), str(4, 'TCP'))]);
    const probe = msg(11, msg(1, msg(2, str(1, '/'), msg(2, int(1, 0), int(2, 8080)))));
    const pod = Buffer.concat([msg(1, str(1, 'server')), msg(2, field(2, Buffer.concat([container, probe])), str(3, 'Always'))]);
    const body = Buffer.concat([Buffer.from('k8s\0', 'latin1'), msg(1, str(1, 'v1'), str(2, 'Pod')), field(2, pod)]);
    const out = decodeProtobuf(body);
    expect(out.spec).toEqual({
      containers: [
        {
          name: 'agnhost',
          image: 'agnhost:2.53',
          args: ['netexec'],
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          readinessProbe: { httpGet: { path: '/', port: 8080 } },
        },
      ],
      restartPolicy: 'Always',
    });
  });

  it('refuses kinds it has no schema for', () => {
    const body = Buffer.concat([
      Buffer.from('k8s\0', 'latin1'),
      msg(1, str(1, 'rbac.authorization.k8s.io/v1'), str(2, 'Role')),
      field(2, Buffer.alloc(0)),
    ]);
    expect(() => decodeProtobuf(body)).toThrow(/cannot decode protobuf/);
  });
});

describe('hubble observe printing', () => {
  const rec = (t: number, reply: boolean): FlowRecord => ({
    node: 'n1',
    time: new Date(t),
    flow: {
      time: new Date(t).toISOString(),
      verdict: 'FORWARDED',
      IP: { source: '100.64.0.10', destination: '100.64.1.10' },
      l4: { TCP: { source_port: 40000, destination_port: 8080 } },
      source: { identity: 1000, namespace: 'ns', pod_name: 'client' },
      destination: { identity: 2000, namespace: 'ns', pod_name: 'server' },
      event_type: { type: 4, sub_type: 4 },
      trace_observation_point: 'TO_OVERLAY',
      is_reply: reply,
      node_name: 'n1',
      Summary: 'TCP Flags: SYN',
    },
  });

  it('formats times like Go time.StampMilli', () => {
    expect(stampMilli(new Date('2024-08-03T00:02:26.403Z'))).toBe('Aug  3 00:02:26.403');
    expect(stampMilli(new Date('2024-12-14T07:52:08.642Z'))).toBe('Dec 14 07:52:08.642');
  });

  it('compact lines flip replies, like the fixtures', () => {
    const o = parseObserveArgs(['-o', 'compact']);
    const out = renderObserve(
      [rec(Date.parse('2024-08-03T00:02:26.403Z'), false), rec(Date.parse('2024-08-03T00:02:26.405Z'), true)],
      [],
      o,
    );
    expect(out).toBe(
      'Aug  3 00:02:26.403: ns/client:40000 (ID:1000) -> ns/server:8080 (ID:2000) to-overlay FORWARDED (TCP Flags: SYN)\n' +
        'Aug  3 00:02:26.405: ns/server:8080 (ID:2000) <- ns/client:40000 (ID:1000) to-overlay FORWARDED (TCP Flags: SYN)\n',
    );
  });

  it('defaults to the last 20 flows, and --since selects all newer ones', () => {
    const many = Array.from({ length: 30 }, (_, i) => rec(1_000_000 + i, false));
    expect(selectFlows(many, parseObserveArgs([]))).toHaveLength(20);
    expect(selectFlows(many, parseObserveArgs(['--since', new Date(1_000_005).toISOString()]))).toHaveLength(25);
    expect(() => parseObserveArgs(['--bogus'])).toThrow(/unknown flag/);
    expect(parseObserveArgs(['-o', 'json']).output).toBe('jsonpb');
  });
});
