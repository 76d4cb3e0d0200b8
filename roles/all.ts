// The three roles in one process (`npm start`, `npm run dev`), sharing its model write bindings.
import { startWeb } from '../src/server.js';
import { startWorkers } from '../workers/index.js';
import { startScheduler } from '../workers/scheduler/index.js';
import { runRole } from './run.js';

await runRole('all', { web: startWeb, worker: startWorkers, scheduler: startScheduler });
