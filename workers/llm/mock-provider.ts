import { setTimeout as sleep } from 'node:timers/promises';
import { countPromptTokens, countTokens, type PromptCountOptions } from '../../src/domain/llm/tokenizer.js';
import type { Provider } from './providers.js';

function lastUserText(body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as Array<{ role?: string; content?: unknown }>;
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  if (Array.isArray(last.content)) return last.content.map((p: { text?: string }) => p.text ?? '').join(' ');
  return '';
}

/** The dev mock's answer: deterministic for a given prompt. */
export function mockAnswer(body: Record<string, unknown>): string {
  const said = lastUserText(body).replace(/\s+/g, ' ').trim().slice(0, 200);
  return `This is the offline development model: no A4F_API_KEY is configured, so this answer is generated locally. You said: "${said}"`;
}

/**
 * Offline stand-in for the upstream (development only, never in production): streams a deterministic answer
 * word by word, then its usage, exactly like an OpenAI-compatible provider would.
 */
export function createMockProvider(tokenDelayMs: number, promptOptions: PromptCountOptions): Provider {
  return {
    name: 'dev-mock',
    secrets: [],
    serves: () => true,
    async *open(body, signal, onAccepted) {
      onAccepted();
      const model = String(body.model);
      const text = mockAnswer(body);
      const base = {
        id: 'chatcmpl-devmock',
        object: 'chat.completion.chunk',
        created: Math.floor(Date.now() / 1000),
        model,
      };
      const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
        JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
      const words = text.match(/\s*\S+/g) ?? [];
      const limit = Number(body.max_completion_tokens ?? body.max_tokens ?? Infinity);
      const emitted: string[] = [];
      yield [chunk({ role: 'assistant', content: '' })];
      for (const word of words) {
        if (emitted.length >= limit) break;
        if (tokenDelayMs > 0) await sleep(tokenDelayMs, undefined, { signal });
        if (signal.aborted) throw signal.reason;
        emitted.push(word);
        yield [chunk({ content: word })];
      }
      const finish = emitted.length < words.length ? 'length' : 'stop';
      const usage = {
        prompt_tokens: await countPromptTokens(model, body, promptOptions),
        completion_tokens: await countTokens(model, emitted.join('')),
      };
      yield [
        chunk({}, finish),
        JSON.stringify({
          ...base,
          choices: [],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        }),
        '[DONE]',
      ];
    },
  };
}
