// The default tool versions and the sha256 of every supported platform's archive, pinned in the source:
// a download of a pinned version is checked against these, never against a checksum file from the same
// mirror, so a compromised mirror cannot swap archive and checksum together.
//
// Provenance (copied, never computed here; update all of a tool's entries together):
// - Helm 4.2.4: the "Installation and Upgrading" list of https://github.com/helm/helm/releases/tag/v4.2.4
//   (each entry is the content of the archive's get.helm.sh .sha256sum); linux and darwin values also match
//   several independent projects that pin 4.2.4. Helm 4.3.0 (2026-09-09) is newer, but its darwin-amd64 and
//   windows-arm64 checksums could not be found, so it is not pinned.
// - Cilium CLI 0.20.0: linux and darwin from a project's tool registry that copied the release's .sha256sum
//   assets (its helm 4.2.2 entries match helm's release notes exactly); windows from microsoft/winget-pkgs
//   manifests/c/Cilium/CiliumCLI/0.20.0 (InstallerSha256). 0.20.1 is newer, but only its linux-amd64 and
//   windows checksums could be found.
import type { ToolName } from './descriptors.js';
import type { PlatformKey } from './platform.js';

export interface ToolPin {
  version: string;
  /** lower-case hex sha256 of the archive, per platform */
  sha256: Record<PlatformKey, string>;
}

/** One pinned version per tool. Injected in tests; the action uses PINS. */
export type PinsTable = Record<ToolName, ToolPin>;

export const HELM_PIN: ToolPin = {
  version: '4.2.4',
  sha256: {
    'linux-amd64': 'c306b46f719b0a4da32d0f78ee21bf90ce8d602f15b22ab753f0674d1670a7f3',
    'linux-arm64': '564de2191b881e9f71b5606b25345821ea1682f06ab90499d3ab22b530176da1',
    'darwin-amd64': '6c163d687ca03c3b5c01928e53bbbcf9518278f47ce7a2f249a5a08e8bdaa2bc',
    'darwin-arm64': 'd747eb4e28bd2727173d15b759fa0a17822291ec09db7ced3d55af290a3661a2',
    'windows-amd64': 'e94d83a4706fd82078c98dade2079fa9d9680c1c2bfb93bfc304ee6bc2412a32',
    'windows-arm64': 'dbe8b49ea9877abe3d77354a792efb01920da9f65a492fcb8b4fce4e08bbae8f',
  },
};

export const CILIUM_CLI_PIN: ToolPin = {
  version: '0.20.0',
  sha256: {
    'linux-amd64': '94adc5c3be44d8240df91cec520536686f8a1eb29e5bc70c4c1c80137f00d764',
    'linux-arm64': '9a9281dc79bd10a61fa35078b8ab63eaf491ab2f47edc6b9a3541b2fe4ede3ff',
    'darwin-amd64': 'cc338e326235e76e3924f032d8a6eb41bf751d94bb04fce70d5f80014fc179d9',
    'darwin-arm64': '2850449e321c21e9556c312d0b6885838523d294b7e0b58955697507463a57cc',
    'windows-amd64': 'd96cf9811608cf945326196ccf4dd251ba91358ead3587f52023680e4460ba19',
    'windows-arm64': 'c6133e618b139d6778013f956a182d00eb81d8c92dd8beed354081375a3ea840',
  },
};

export const PINS: PinsTable = { helm: HELM_PIN, cilium: CILIUM_CLI_PIN };

/** The pinned checksum for this tool, version and platform; undefined when the version is not pinned. */
export function pinnedSha256(pins: PinsTable, tool: ToolName, version: string, platform: PlatformKey): string | undefined {
  const pin = pins[tool];
  return pin.version === version ? pin.sha256[platform] : undefined;
}
