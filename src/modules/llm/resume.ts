import type { Response } from 'express';
import type { Logger } from 'pino';
import { NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http/principal.js';
import type { RequestRecords, StreamEntry } from '../../../queues/index.js';
import type { Limits, ResumeConnection } from '../../domain/llm/limits.js';
import type { StreamStore } from '../../domain/llm/stream-store.js';
import type { Attach } from './attach.js';
import type { PayerOf } from './payers.js';
import { replayFinishedSse, type Relay } from './relay.js';
import { ownedRecord } from './request-status.js';

interface Deps {
  limits: Limits;
  records: RequestRecords;
  store: StreamStore;
  payerOf: PayerOf;
  attach: Attach;
  log: Logger;
}

/** How a resumed stream is written when it is not chat chunks: live (a relay) or replayed (entry by entry). */
export interface ResumeForm {
  relay: Relay;
  format: (entry: StreamEntry) => string;
}

/**
 * Resumes a stream after `fromId`, counted on the caller's open-stream limit (a reconnect to a running request
 * rides on that request's own slot; see limits). A reader of a running request counts as attached (a reconnect
 * within the grace period keeps it going); a finished one is replayed from its stream, page by page, at the
 * pace the client reads.
 */
export function createResume({ limits, records, store, payerOf, attach, log }: Deps) {
  /** This process's open resume connections that hold a slot of their own (slot -> user), kept alive while open. */
  const resumeSlots = new Map<string, string>();
  const slotKeeper = setInterval(
    () => {
      if (resumeSlots.size === 0) return;
      limits
        .keepResumeSlots([...resumeSlots].map(([slot, userId]) => ({ slot, userId })))
        .catch((error: Error) => log.warn({ err: error.message }, 'could not extend resume slots'));
    },
    Math.max(500, limits.slotTtlMs / 3),
  );
  slotKeeper.unref();

  /**
   * Counts a resume connection on the caller's open-stream limit until it ends, whichever way it ends (finished,
   * client gone, error). Throws 429 over the limit, 404 when the request's record expired meanwhile.
   */
  async function openResumeConnection(
    res: Response,
    userId: string,
    concurrentStreams: number,
    id: string,
  ): Promise<ResumeConnection> {
    let slot: string | null = null;
    let ended = false;
    const free = () => {
      if (!slot) return;
      resumeSlots.delete(slot);
      limits
        .release(userId, slot)
        .catch((error: Error) =>
          log.warn({ err: error.message, llm_request_id: id }, 'could not free a resume slot; it expires by itself'),
        );
      slot = null;
    };
    res.once('close', () => {
      ended = true;
      free();
    });
    const connection = await limits.openResume(userId, id, concurrentStreams);
    if (!connection) throw new NotFoundError('LLM request', 'request_not_found');
    slot = connection.slot;
    if (slot) resumeSlots.set(slot, userId);
    if (ended || res.destroyed) free();
    return connection;
  }

  async function resume(
    principal: Principal,
    organizationHeader: string | undefined,
    id: string,
    res: Response,
    fromId: string,
    form?: ResumeForm,
  ): Promise<void> {
    const record = await ownedRecord(records, principal, id);
    const payer = await payerOf(principal, organizationHeader);
    const connection = await openResumeConnection(res, payer.user_id, payer.concurrent_streams, id);
    // Another API's events are built from the whole stream; its form leaves out what came before `fromId`.
    const readFrom = form ? '0-0' : fromId;
    if (connection.running) {
      // Whoever resumes is a client that resumes: it gets the grace period too.
      attach(res, {
        requestId: id,
        model: record.model,
        sse: true,
        fromId: readFrom,
        deferHeaders: false,
        resumable: true,
        relay: form?.relay,
      });
      return;
    }
    try {
      await replayFinishedSse(res, readFrom, (afterId, count) => store.readPage(id, afterId, count), form?.format);
    } catch (error) {
      if (!res.headersSent) throw error;
      log.warn({ err: (error as Error).message, llm_request_id: id }, 'replay cut: the stream could not be read');
    }
  }

  return {
    resume,
    close() {
      clearInterval(slotKeeper);
    },
  };
}
