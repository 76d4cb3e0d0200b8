import type { Model, PipelineStage } from 'mongoose';

type Aggregatable = Pick<Model<unknown>, 'aggregate'>;

/**
 * Sums per group, e.g. `sumBy(TokenUsageModel, {user_id}, '$model', {tokens: '$billed_tokens', requests: 1})`.
 * FerretDB 1.24 computes only the first accumulator of a `$group` (its group iterator is consumed once; every
 * further accumulator comes back 0), so each sum runs as its own single-accumulator `$group`, in parallel, and
 * the results are merged by group key. Correct on real MongoDB too. Groups come back sorted by key.
 */
export async function sumBy<K extends string>(
  model: Aggregatable,
  match: Record<string, unknown>,
  groupKey: string | Record<string, string> | null,
  sums: Record<K, string | number>,
): Promise<Array<{ _id: unknown } & Record<K, number>>> {
  const names = Object.keys(sums) as K[];
  const results = await Promise.all(
    names.map((name) => {
      const pipeline: PipelineStage[] = [{ $match: match }, { $group: { _id: groupKey, value: { $sum: sums[name] } } }];
      return model.aggregate<{ _id: unknown; value: number }>(pipeline);
    }),
  );
  const groups = new Map<string, { _id: unknown } & Record<K, number>>();
  results.forEach((rows, i) => {
    for (const row of rows) {
      const id = JSON.stringify(row._id ?? null);
      if (!groups.has(id))
        groups.set(id, { _id: row._id ?? null, ...Object.fromEntries(names.map((n) => [n, 0])) } as {
          _id: unknown;
        } & Record<K, number>);
      (groups.get(id) as Record<string, unknown>)[names[i]!] = row.value ?? 0;
    }
  });
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
}
