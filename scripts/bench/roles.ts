// The fake OpenAI-compatible upstream of the benchmark, run from compiled JavaScript. Routes come as JSON in argv[3];
// prints one line {"ready":true,"port":N} when it is ready and stops on SIGTERM.
import { FakeUpstream, type UpstreamScript } from '../../test/helpers/fake-upstream.js';

const upstream = new FakeUpstream();
upstream.record = false;
// `repeat`: the route's tokens sent this many times over (a long answer without a long command line).
for (const [marker, { repeat, ...script }] of Object.entries(
  JSON.parse(process.argv[3] ?? '{}') as Record<string, UpstreamScript & { repeat?: number }>,
)) {
  upstream.when(
    marker,
    repeat ? { ...script, tokens: Array.from({ length: repeat }, () => script.tokens ?? []).flat() } : script,
  );
}
await upstream.start();
process.on('SIGTERM', () => {
  upstream.close().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`could not close the fake upstream: ${String(err)}\n`);
      process.exit(1);
    },
  );
});
process.stdout.write(`${JSON.stringify({ ready: true, port: Number(new URL(upstream.url).port) })}\n`);
