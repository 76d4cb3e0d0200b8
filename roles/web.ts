// The web role (Procfile `web`): the API alone.
import { startWeb } from '../src/server.js';
import { runRole } from './run.js';

await runRole('web', { web: startWeb });
