import mongoose from 'mongoose';
import { ConfigError, getConfig, type Config } from '../../src/config/index.js';
import { connectMongo, disconnectMongo } from '../../src/lib/mongo.js';

/** Runs a database script: validated config, one connection, a one-line message (no stack) on failure. */
export function runDatabaseScript(name: string, main: (config: Config) => Promise<void>): void {
  const run = async () => {
    const config = getConfig();
    await connectMongo(config.DATABASE_URL);
    try {
      // Host and database only: DATABASE_URL may carry credentials.
      process.stdout.write(
        `${name}: database "${mongoose.connection.name}" on ${mongoose.connection.host}:${mongoose.connection.port}\n`,
      );
      await main(config);
    } finally {
      await disconnectMongo();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  });
}
