import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  params: URLSearchParams;
  idempotencyKey: string | undefined;
}

export interface StripeMock {
  /** The base URL to use as STRIPE_API_BASE (a recording proxy in front of stripe-mock). */
  url: string;
  requests: RecordedStripeRequest[];
  /** Requests whose method and path match (path as a prefix). */
  calls(method: string, pathPrefix: string): RecordedStripeRequest[];
  stop(): Promise<void>;
}

export function stripeMockBinary(): string {
  const cache = process.env.AICODER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'aicoder');
  return process.env.STRIPE_MOCK_BIN ?? path.join(cache, 'bin', 'stripe-mock');
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`stripe-mock did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening for HTTP at address: 127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stripe-mock exited with code ${code}:\n${output}`));
    });
  });
}

/**
 * Starts this test file's own stripe-mock (random loopback ports) and a recording proxy in front of it, so tests
 * can check what was sent to Stripe (stripe-mock itself is stateless). Fails, never skips, when the binary is missing.
 */
export async function startStripeMock(): Promise<StripeMock> {
  const binary = stripeMockBinary();
  if (!existsSync(binary)) {
    throw new Error(
      `stripe-mock is not built at ${binary}. Build it with: GOBIN=${path.dirname(binary)} go install github.com/stripe/stripe-mock@latest (.ci/run does this)`,
    );
  }
  const child = spawn(binary, ['-http-addr', '127.0.0.1:0', '-https-addr', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the test process dies without stopping it, do not leave stripe-mock running.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  const mockPort = await waitForPort(child, 15_000);
  const requests: RecordedStripeRequest[] = [];
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://proxy');
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        params: new URLSearchParams(req.method === 'GET' ? url.search : body.toString()),
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      });
      const upstream = http.request(
        { host: '127.0.0.1', port: mockPort, method: req.method, path: req.url, headers: req.headers },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (method, pathPrefix) => requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix)),
    async stop() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      process.off('exit', killChild);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
