// What the figures were measured on.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model?.trim() || 'unknown CPU';
  // some hypervisors report a bare family name in /proc/cpuinfo too; lscpu sometimes knows more
  if (existsSync('/proc/cpuinfo')) {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1].trim();
  }
  let distro = '';
  if (existsSync('/etc/os-release')) {
    const m = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) distro = m[1];
  }
  return {
    cpu: model,
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${distro || os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    load: os.loadavg()[0],
  };
}

/** First line of `tool --version`, or undefined when the tool is not there. */
export function toolVersion(file, args = ['--version']) {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')[0];
  } catch {
    return undefined;
  }
}
