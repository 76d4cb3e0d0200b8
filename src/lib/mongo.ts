import mongoose from 'mongoose';

export async function connectMongo(url: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  mongoose.set('sanitizeFilter', true);
  return mongoose.connect(url, { serverSelectionTimeoutMS: 3000, autoIndex: false, autoCreate: false });
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}

export function isMongoReady(): boolean {
  return mongoose.connection.readyState === 1;
}

export async function pingMongo(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** A unique-index clash. FerretDB reports one on an update as code 1 with PostgreSQL's message, not 11000. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: number; message?: string };
  return code === 11000 || (code === 1 && /duplicate key value violates unique constraint/.test(message ?? ''));
}
