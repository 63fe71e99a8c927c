import { describe, expect, it } from 'vitest';
import { checkSha256, parseSha256File, sha256Hex } from '../../src/tools/checksum.js';

const A = 'c306b46f719b0a4da32d0f78ee21bf90ce8d602f15b22ab753f0674d1670a7f3';
const B = '564de2191b881e9f71b5606b25345821ea1682f06ab90499d3ab22b530176da1';
const FILE = 'helm-v4.2.4-linux-amd64.tar.gz';

describe('parseSha256File', () => {
  it.each([
    ['sha256sum text mode', `${A}  ${FILE}\n`],
    ['binary mode', `${A} *${FILE}\n`],
    ['bare checksum', `${A}\n`],
    ['upper case, CRLF, BOM', `\uFEFF${A.toUpperCase()}  ${FILE}\r\n`],
    ['a path before the name', `${A}  release/${FILE}\n`],
    ['several files', `${B}  helm-v4.2.4-linux-arm64.tar.gz\n${A}  ${FILE}\n`],
  ])('reads %s', (_, text) => {
    expect(parseSha256File(text, FILE)).toEqual({ ok: true, sha256: A });
  });

  it.each([
    ['empty', '', 'the checksum file is empty'],
    ['an HTML error page', '<html><body>Not Found</body></html>', 'does not hold a sha256'],
    ['a short hash', `${A.slice(0, 40)}  ${FILE}`, 'does not hold a sha256'],
    ['another file', `${A}  helm-v4.2.4-linux-arm64.tar.gz`, `is for helm-v4.2.4-linux-arm64.tar.gz, not ${FILE}`],
    ['two bare checksums', `${A}\n${B}\n`, `not ${FILE}`],
    ['two different checksums for the file', `${A}  ${FILE}\n${B}  ${FILE}\n`, 'with different checksums'],
  ])('refuses %s', (_, text, problem) => {
    const r = parseSha256File(text, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(problem);
  });
});

describe('checkSha256', () => {
  it('matches regardless of case and names both values when it does not', () => {
    expect(checkSha256(A, A.toUpperCase(), 'x')).toEqual({ ok: true });
    expect(checkSha256(A, B, 'the pin')).toEqual({ ok: false, problem: `its sha256 is ${A}, but the pin says ${B}` });
  });

  it('hashes like sha256sum', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
