/**
 * `npm run lint:openapi`: writes the OpenAPI document to a temporary file (no server started) and runs
 * `redocly lint` on it with redocly.yaml; exits with redocly's status (0 errors needed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from './document.js';

const dir = mkdtempSync(join(tmpdir(), 'aicoder-openapi-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(await openApiDocument()));
const run = spawnSync('npx', ['--no-install', 'redocly', 'lint', file, '--config', 'redocly.yaml'], {
  stdio: 'inherit',
  // No telemetry and no update check: the gate runs offline.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
