import type { z } from 'zod';

const TIMEOUT_MS = 10_000;

/** A provider call failed; the message is safe to show (never a provider response body, which may hold tokens). */
export class ProviderError extends Error {
  override name = 'ProviderError';
}

const SAFE_ERROR_CODE = /^[a-z_]{1,64}$/;

/** Calls a provider endpoint and validates the JSON answer; any failure becomes a ProviderError. */
export async function providerJson<T extends z.ZodType>(
  what: string,
  url: string,
  init: RequestInit,
  schema: T,
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new ProviderError(`${what}: the provider did not answer`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (response.ok && parsed.success) return parsed.data;
  const code = (body as { error?: unknown } | undefined)?.error;
  const detail = typeof code === 'string' && SAFE_ERROR_CODE.test(code) ? ` (${code})` : '';
  throw new ProviderError(`${what}: unexpected answer, HTTP ${response.status}${detail}`);
}

export const formBody = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
