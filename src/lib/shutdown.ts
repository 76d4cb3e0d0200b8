import type { Logger } from 'pino';

/** Runs `stop` once on SIGTERM/SIGINT, then exits; a second signal or a 20 s stall forces the exit. */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 20_000).unref();
    stop()
      .then(() => process.exit(0))
      .catch((error: Error) => {
        logger.error({ err: error.message }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => handler('SIGTERM'));
  process.on('SIGINT', () => handler('SIGINT'));
}
