// Inputs that say what to deploy and with which tools: chart, chart-repository, cilium-version, and
// helm-version, cilium-cli-version and their mirrors.
import { existsSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { ChartRef } from '../chart/chart-ref.js';
import { readLocalChartVersion } from '../chart/local-version.js';
import type { Bad } from '../errors.js';
import { linkLeavingChart } from '../inputs/chart-links.js';
import { splitUrlCredentials } from '../inputs/url-credentials.js';
import type { ToolSpec } from '../tools/install.js';
import { CILIUM_CLI_PIN, HELM_PIN } from '../tools/pins.js';
import { isFile, parseUrl, printable, type Inputs } from './reader.js';

const CHART_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface ChartInputs {
  chart: ChartRef | undefined;
  /** as given: an exact version or `installed` */
  versionInput: string;
  ciliumVersion: string | undefined;
  localChartVersion: string | undefined;
}

export function parseChartInputs(i: Inputs): ChartInputs {
  const chart = parseChart(i, i.get('chart'), i.get('chart-repository'));
  const versionInput = i.get('cilium-version');
  let ciliumVersion: string | undefined;
  if (versionInput !== 'installed') {
    const v = semver.valid(versionInput.replace(/^v/, ''));
    if (!v)
      i.bad(
        'cilium-version',
        `"${printable(versionInput)}" is not a chart version`,
        'give an exact version such as 1.18.6, or "installed"',
      );
    else ciliumVersion = v;
  }
  const localChartVersion = chart?.kind === 'local' ? readLocalChartVersion(chart.path) : undefined;
  if (ciliumVersion && localChartVersion && ciliumVersion !== localChartVersion) {
    i.bad(
      'cilium-version',
      `is ${ciliumVersion}, but the local chart ${path.basename(i.get('chart'))} is version ${localChartVersion}`,
      `remove cilium-version (a local chart carries its own version), or set it to ${localChartVersion}`,
    );
  }
  return { chart, versionInput, ciliumVersion, localChartVersion };
}

function parseChart(i: Inputs, chart: string, repository: string): ChartRef | undefined {
  if (chart.startsWith('oci://')) {
    if (!/^oci:\/\/[^\s/]+\/\S+$/.test(chart))
      return i.bad('chart', `"${printable(chart)}" is not an oci:// reference`, 'use oci://registry/path/cilium');
    return { kind: 'oci', ref: chart };
  }
  const looksLikePath = chart.endsWith('.tgz') || chart.includes('/') || chart.includes('\\') || chart.startsWith('.');
  if (looksLikePath) {
    const full = i.resolvePath(chart);
    if (!existsSync(full)) {
      return i.bad(
        'chart',
        `${chart} does not exist`,
        'give a chart .tgz or directory, a chart name in chart-repository, or an oci:// reference',
      );
    }
    const link = linkLeavingChart(full);
    if (link) {
      return i.bad(
        'chart',
        `${printable(chart)} has a link that leaves the chart (${printable(link)})`,
        'remove the link or copy the file into the chart',
      );
    }
    return { kind: 'local', path: full };
  }
  if (!CHART_NAME_RE.test(chart)) return i.bad('chart', `"${printable(chart)}" is not a chart name`, 'use a chart name such as cilium');
  const url = parseUrl('chart-repository', repository, i.bad, i.secrets);
  if (!url) return undefined;
  // helm gets repository credentials as --username/--password, never inside the URL
  const { url: bare, username, password } = splitUrlCredentials(new URL(url));
  return { kind: 'repo', name: chart, repository: bare, ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

export interface ToolInputs {
  helm: ToolSpec | undefined;
  ciliumCli: ToolSpec | undefined;
  helmMirror: string | undefined;
  ciliumCliMirror: string | undefined;
}

export function parseToolInputs(i: Inputs): ToolInputs {
  const spec = (input: 'helm-version' | 'cilium-cli-version', pinned: string): ToolSpec | undefined =>
    parseToolSpec(input, i.get(input), pinned, (p) => i.resolvePath(p), i.bad);
  return {
    helm: spec('helm-version', HELM_PIN.version),
    ciliumCli: spec('cilium-cli-version', CILIUM_CLI_PIN.version),
    helmMirror: parseUrl('helm-mirror', i.get('helm-mirror'), i.bad, i.secrets),
    ciliumCliMirror: parseUrl('cilium-cli-mirror', i.get('cilium-cli-mirror'), i.bad, i.secrets),
  };
}

function parseToolSpec(input: string, value: string, pinned: string, resolvePath: (p: string) => string, bad: Bad): ToolSpec | undefined {
  // action.yml's default is empty: the version pinned in tools/pins.ts, which moves with the action
  if (!value) return { kind: 'version', version: pinned, pinned: true };
  const v = semver.valid(value.replace(/^v/, ''));
  if (v) return { kind: 'version', version: v, pinned: v === pinned };
  const looksLikePath = value.includes('/') || value.includes('\\');
  if (looksLikePath) {
    const full = resolvePath(value);
    if (isFile(full)) return { kind: 'path', path: full };
    return bad(input, `${value} does not exist`, 'give an exact version such as 4.1.4, or the path of an existing binary');
  }
  return bad(
    input,
    `"${printable(value)}" is neither an exact version nor a path`,
    'give an exact version such as 4.1.4 (v prefix optional), or the path of an existing binary',
  );
}
