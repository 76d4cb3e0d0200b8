import Stripe from 'stripe';
import type { Config } from '../../config/index.js';
import { ServiceUnavailableError, UpstreamError } from '../../lib/errors.js';

/** Where the SDK sends requests: Stripe's own API, or STRIPE_API_BASE (stripe-mock in tests). */
export function stripeHostOptions(apiBase: string | undefined): {
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
} {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

/** The SDK client for calls to Stripe, or null when STRIPE_SECRET_KEY is not configured. */
export function createStripeClient(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE'>): Stripe | null {
  if (!config.STRIPE_SECRET_KEY) return null;
  return new Stripe(config.STRIPE_SECRET_KEY, {
    ...stripeHostOptions(config.STRIPE_API_BASE),
    maxNetworkRetries: 2,
    timeout: 10_000,
    appInfo: { name: 'aicoder-backend' },
  });
}

export const billingNotConfigured = () =>
  new ServiceUnavailableError(
    'Billing is not configured on this server (STRIPE_SECRET_KEY is not set)',
    'billing_not_configured',
  );

/** Runs a Stripe call; its failures become a 502/503 without Stripe's internals (ids, keys, raw messages). */
export async function callStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeConnectionError)
      throw new UpstreamError(503, `Stripe is not reachable (${what})`, 'stripe_unavailable');
    if (error instanceof Stripe.errors.StripeRateLimitError)
      throw new UpstreamError(503, `Stripe is busy (${what}); try again`, 'stripe_rate_limited');
    if (error instanceof Stripe.errors.StripeError)
      throw new UpstreamError(502, `Stripe refused the request (${what})`, 'stripe_error');
    throw error;
  }
}
