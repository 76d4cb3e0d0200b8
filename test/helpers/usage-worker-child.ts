// A worker role in its own process, so a test can SIGKILL it mid-job. Configured entirely by the environment.
import { parseConfig, setConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { startWorkers } from '../../workers/index.js';

const config = setConfig(parseConfig(process.env));
await startWorkers(config, createLogger(config.LOG_LEVEL, { role: 'worker-child' }), ['usage']);
process.stdout.write('ready\n');
