// A role (web, or a worker running one queue) in its own process, started by startRole (test/helpers/processes.ts).
import type { AddressInfo } from 'node:net';
import { getConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { disconnectMongo } from '../../src/lib/mongo.js';
import { startWeb } from '../../src/server.js';
import { startWorkers } from '../../workers/index.js';

const role = process.argv[2];
const config = getConfig();
const logger = createLogger(config.LOG_LEVEL, { role });
let stop: () => Promise<void>;
let port: number | undefined;
if (role === 'web') {
  const web = await startWeb(config, logger);
  port = (web.server.address() as AddressInfo).port;
  stop = web.stop;
} else if (role === 'llm-worker') {
  stop = (await startWorkers(config, logger, ['llm'])).stop;
} else if (role === 'usage-worker') {
  stop = (await startWorkers(config, logger, ['usage'])).stop;
} else {
  throw new Error(`unknown role ${role}`);
}
process.on('SIGTERM', () => {
  stop()
    .then(disconnectMongo)
    .then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'could not stop cleanly');
        process.exit(1);
      },
    );
});
process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
