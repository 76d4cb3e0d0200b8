import { describe, expect, it } from 'vitest';
import { createPromptBudget } from '../../workers/llm/prompt-budget.js';

describe('the llm worker prompt budget', () => {
  it('holds at most its bytes, lets waiting jobs in in arrival order, and runs a prompt larger than the budget alone', async () => {
    const budget = createPromptBudget(10);
    const order: string[] = [];
    const take = (name: string, bytes: number) => budget.acquire(bytes).then((release) => (order.push(name), release));
    const a = await take('a', 6);
    const b = await take('b', 4);
    expect(budget.held()).toBe(10);
    const c = take('c', 3);
    const huge = take('huge', 50);
    const d = take('d', 1);
    await Promise.resolve();
    // d would fit after c, but waits its turn behind c and huge.
    expect(budget.waiting()).toBe(3);
    a();
    const releaseC = await c;
    expect(order).toEqual(['a', 'b', 'c']);
    expect(budget.held()).toBe(7);
    b();
    releaseC();
    const releaseHuge = await huge;
    expect(budget.held()).toBe(50);
    expect(budget.waiting()).toBe(1);
    releaseHuge();
    releaseHuge();
    const releaseD = await d;
    expect(order).toEqual(['a', 'b', 'c', 'huge', 'd']);
    releaseD();
    expect(budget.held()).toBe(0);
  });
});
