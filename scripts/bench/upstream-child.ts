// The fake OpenAI-compatible upstream in its own process (so it does not share a core with the clients).
// argv[2]: JSON {marker: script} routes. Prints {"ready":true,"port":N}.
import { FakeUpstream, type UpstreamScript } from '../../test/helpers/fake-upstream.js';

const routes = JSON.parse(process.argv[2] ?? '{}') as Record<string, UpstreamScript>;
const upstream = new FakeUpstream();
upstream.record = false;
for (const [marker, script] of Object.entries(routes)) upstream.when(marker, script);
await upstream.start();
process.on('SIGTERM', () => {
  upstream.close().finally(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ ready: true, port: Number(new URL(upstream.url).port) })}\n`);
