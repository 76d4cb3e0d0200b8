import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What to run where the services script cannot install Chromium itself (not root, or no apt-get). */
export const CHROMIUM_INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The Chromium the browser tests drive: CHROMIUM_PATH when set, else the first of the usual names on PATH. */
export function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const name of NAMES) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

/** The message a browser test fails with when there is no Chromium. */
export const chromiumMissingMessage = () =>
  `Chromium not found (looked for CHROMIUM_PATH, then ${NAMES.join(', ')} on PATH). Install it with: ${CHROMIUM_INSTALL_COMMAND} ` +
  '(`npm test` does this itself when run as root on a machine with apt-get), or set CHROMIUM_PATH to a Chrome or Chromium binary.';
