// Where an archive's expected sha256 comes from, decided before anything is downloaded: the checksum
// pinned in this action for its default versions (never one from the same mirror), else the checksum
// file the mirror publishes next to the archive. Without either, nothing is downloaded at all.
import { ActionError, errorMessage } from '../errors.js';
import type { ArchiveFetch } from './archive.js';
import { parseSha256File } from './checksum.js';
import { downloadText } from './download.js';
import { pinnedSha256 } from './pins.js';

export interface ExpectedChecksum {
  sha256: string;
  /** where it came from, in words or as a URL */
  source: string;
  pinned: boolean;
}

export async function expectedChecksum(f: ArchiveFetch): Promise<ExpectedChecksum> {
  const { d, version, key } = f;
  const pinned = pinnedSha256(f.pins, d.name, version, key);
  if (pinned) return { sha256: pinned, source: `the checksum pinned in this action for ${d.display} ${version} ${key}`, pinned: true };
  if (f.pinnedDefault) {
    throw new ActionError(`${d.display} ${version} is the pinned default, but this action pins no checksum for ${key}`, {
      hint: `give ${d.inputs.version} explicitly to verify against the mirror's ${d.checksumSuffix} instead`,
    });
  }
  return publishedChecksum(f);
}

async function publishedChecksum({ d, version, layout, download }: ArchiveFetch): Promise<ExpectedChecksum> {
  const sumUrl = `${layout.url}${d.checksumSuffix}`;
  let text: string;
  try {
    text = await downloadText(sumUrl, download);
  } catch (e) {
    throw new ActionError(`cannot verify ${d.display} ${version}: ${errorMessage(e)}`, {
      cause: e,
      hint: `nothing unverified is installed; the mirror must publish ${layout.file}${d.checksumSuffix} next to ${layout.file} (check ${d.inputs.version} and ${d.inputs.mirror})`,
    });
  }
  const parsed = parseSha256File(text, layout.file);
  if (!parsed.ok) {
    throw new ActionError(`cannot verify ${d.display} ${version}: ${sumUrl}: ${parsed.problem}`, {
      hint: 'nothing unverified is installed; the mirror must publish the sha256sum output for the archive',
    });
  }
  return { sha256: parsed.sha256, source: sumUrl, pinned: false };
}
