import type { Logger } from 'pino';
import { findIndexProblems } from '../models/unique-indexes.js';

export interface IndexReadinessStatus {
  ready: boolean;
  /** Why not (collections and indexes only: safe for the public /readyz); null once ready. */
  reason: string | null;
}

export interface IndexReadiness {
  /** Starts checking (call once the database connection is up). */
  start(): void;
  status(): IndexReadinessStatus;
  /** Resolves once every unique index exists. */
  ready: Promise<void>;
  stop(): void;
}

interface Options {
  /** Create what is missing (DB_AUTO_INIT) or only check (production, where `npm run db:init` creates them). */
  create: boolean;
  logger: Logger;
  /** How soon a failed check runs again (an operator may fix the data meanwhile). */
  retryMs?: number;
}

/**
 * Holds a role back until every unique index it relies on exists: the web role answers 503 on /readyz (and on
 * every route that does work), workers take no job. A problem is logged once, as one line naming the collection,
 * the index and the duplicated values; the check repeats until it passes.
 */
export function createIndexReadiness({ create, logger, retryMs = 5000 }: Options): IndexReadiness {
  let current: IndexReadinessStatus = { ready: false, reason: 'waiting for the database' };
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  let lastLogged = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  async function attempt(): Promise<void> {
    let detail: string;
    try {
      const problems = await findIndexProblems({ create });
      if (problems.length === 0) {
        current = { ready: true, reason: null };
        logger.info('unique indexes present');
        markReady();
        return;
      }
      current = {
        ready: false,
        reason: `unique indexes missing: ${problems.map((p) => `${p.collection}.${p.index}`).join(', ')}`,
      };
      detail = problems.map((p) => p.message).join(' | ');
    } catch (error) {
      current = { ready: false, reason: 'checking the unique indexes failed' };
      detail = `checking the unique indexes failed: ${(error as Error).message}`;
    }
    // A check cut short by the role's stop (its connection closed under it) is no problem of the indexes.
    if (stopped) return;
    if (detail !== lastLogged) {
      logger.error({ problem: detail }, 'not ready: a unique index the service relies on does not exist');
      lastLogged = detail;
    }
    if (!stopped) timer = setTimeout(() => void attempt(), retryMs);
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      void attempt();
    },
    status: () => current,
    ready,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
