// Downloads a tool's release archive, checks it against the expected checksum, and only then extracts
// it and finds the binary where upstream puts it. Nothing unverified is extracted.
import * as tc from '@actions/tool-cache';
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { ActionError, errorMessage } from '../errors.js';
import { logInfo } from '../log/safe-log.js';
import type { ArchiveFetch } from './archive.js';
import { checkSha256 } from './checksum.js';
import { downloadFile } from './download.js';
import { expectedChecksum } from './expected-checksum.js';
import { PINS } from './pins.js';
import { isRegularFile } from './regular-file.js';

/** Downloads the archive, verifies it, extracts it into `work`, and returns the binary's path there. */
export async function downloadAndVerify(f: ArchiveFetch, work: string): Promise<string> {
  const archive = path.join(work, f.layout.file);
  await downloadVerified(f, archive);
  return extractBinary(f, archive, path.join(work, 'extracted'));
}

async function downloadVerified(f: ArchiveFetch, archive: string): Promise<void> {
  const { d, version, layout } = f;
  const expected = await expectedChecksum(f);
  logInfo(`Downloading ${layout.url}`);
  let got: { bytes: number; sha256: string };
  try {
    got = await downloadFile(layout.url, archive, f.download);
  } catch (e) {
    throw new ActionError(`cannot install ${d.display} ${version}: ${errorMessage(e)}`, {
      cause: e,
      hint: `check ${d.inputs.version} (an exact released version such as ${PINS[d.name].version}) and ${d.inputs.mirror}`,
    });
  }
  const verdict = checkSha256(got.sha256, expected.sha256, expected.source);
  if (!verdict.ok) {
    await rm(archive, { force: true });
    throw new ActionError(`${layout.file} from ${layout.url} failed verification: ${verdict.problem}`, {
      hint: expected.pinned
        ? 'the mirror serves a different file than the upstream release; it was not extracted or cached'
        : 'the archive does not match the checksum published next to it (a corrupted download or an inconsistent mirror); it was not extracted or cached',
    });
  }
  logInfo(`Verified ${layout.file}: sha256 ${got.sha256} (${got.bytes} bytes) matches ${expected.source}`);
}

async function extractBinary({ d, layout }: ArchiveFetch, archive: string, dest: string): Promise<string> {
  try {
    if (layout.type === 'zip') await tc.extractZip(archive, dest);
    else await tc.extractTar(archive, dest);
  } catch (e) {
    throw new ActionError(`could not extract ${layout.file}: ${errorMessage(e)}`, { cause: e });
  }
  const bin = path.join(dest, layout.binaryPath);
  if (!(await isRegularFile(bin))) {
    throw new ActionError(`${layout.file} does not contain ${layout.binaryPath}`, {
      hint: `the archive passed verification but is not laid out like upstream's ${d.display} release`,
    });
  }
  // Archives made on Windows carry no Unix mode; the host decides whether a mode is needed.
  if (process.platform !== 'win32') await chmod(bin, 0o755);
  return bin;
}
