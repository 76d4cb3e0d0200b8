import mongoose from 'mongoose';
import type { Logger } from 'pino';

const OPTIONS = { serverSelectionTimeoutMS: 3000, autoIndex: false, autoCreate: false } as const;

/**
 * Connects the process-wide mongoose connection. Commands are not buffered: while the database is away an
 * operation fails at once (the error handler answers 503) instead of piling up; the driver reconnects by itself.
 */
export async function connectMongo(url: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  mongoose.set('sanitizeFilter', true);
  mongoose.set('bufferCommands', false);
  return mongoose.connect(url, OPTIONS);
}

/**
 * For long-running roles: the driver only reconnects a connection that once succeeded, so a process that starts
 * before its database keeps retrying the first connection here until it succeeds or `stop` is called.
 */
export function connectMongoInBackground(
  url: string,
  logger: Logger,
  retryMs = 2000,
): { ready: Promise<void>; stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve) => {
    const attempt = () => {
      if (stopped) return;
      connectMongo(url).then(
        () => resolve(),
        (error: Error) => {
          logger.warn({ err: error.message }, 'MongoDB not reachable; retrying');
          timer = setTimeout(attempt, retryMs);
        },
      );
    };
    attempt();
  });
  return {
    ready,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}

/** Asks the server itself rather than trusting readyState, which lags behind outages and recoveries. */
export async function pingMongo(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** A unique-index clash. FerretDB reports one on an update as code 1 with PostgreSQL's message, not 11000. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: number; message?: string };
  return code === 11000 || (code === 1 && /duplicate key value violates unique constraint/.test(message ?? ''));
}
