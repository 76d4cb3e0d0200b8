// The worker role (Procfile `worker`): a BullMQ worker for every queue.
import { startWorkers } from '../workers/index.js';
import { runRole } from './run.js';

await runRole('worker', { worker: startWorkers });
