// The scheduler role (Procfile `scheduler`): the cron ticks that enqueue jobs.
import { startScheduler } from '../workers/scheduler/index.js';
import { runRole } from './run.js';

await runRole('scheduler', { scheduler: startScheduler });
