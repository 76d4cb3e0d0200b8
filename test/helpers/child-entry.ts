// A role (web, or a worker running one queue) in its own process, started by startRole (test/helpers/processes.ts),
// through the same runner as the real entries (roles/run.ts: bindings, shutdown, exit codes).
import type { AddressInfo } from 'node:net';
import { startWeb } from '../../src/server.js';
import { startWorkers } from '../../workers/index.js';
import { runRole, type RolePart } from '../../roles/run.js';

const role = process.argv[2] ?? '';
let port: number | undefined;
const PARTS: Record<string, RolePart> = {
  web: async (config, logger) => {
    const web = await startWeb(config, logger);
    port = (web.server.address() as AddressInfo).port;
    return web;
  },
  'llm-worker': (config, logger) => startWorkers(config, logger, ['llm']),
  'usage-worker': (config, logger) => startWorkers(config, logger, ['usage']),
};
const part = PARTS[role];
if (!part) throw new Error(`unknown role ${role}`);
await runRole(role, { [role]: part });
process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
