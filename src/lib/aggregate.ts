import type { Model } from 'mongoose';

export type SumRow<K extends string> = { _id: unknown } & Record<K, number>;

/**
 * `$group` sums that are correct on FerretDB too. FerretDB 1.24 computes only the FIRST accumulator of a
 * `$group` stage (every further one comes back 0), so each sum runs as its own one-accumulator pipeline and
 * the results are joined by group key. `1` counts documents. Groups come back sorted by key.
 */
export async function groupedSums<K extends string>(
  model: Model<never>,
  match: Record<string, unknown>,
  groupBy: string | null,
  sums: Record<K, string | 1>,
): Promise<Array<SumRow<K>>> {
  const names = Object.keys(sums) as K[];
  const results = await Promise.all(
    names.map((name) => {
      const expression = sums[name] === 1 ? 1 : `$${sums[name] as string}`;
      return model.aggregate<{ _id: unknown; v: number }>([
        { $match: match },
        { $group: { _id: groupBy ? `$${groupBy}` : null, v: { $sum: expression } } },
      ]);
    }),
  );
  const rows = new Map<string, SumRow<K>>();
  results.forEach((groups, i) => {
    for (const group of groups) {
      const id = JSON.stringify(group._id ?? null);
      const row = rows.get(id) ?? ({ _id: group._id ?? null, ...Object.fromEntries(names.map((n) => [n, 0])) } as SumRow<K>);
      (row as Record<string, unknown>)[names[i]!] = Number(group.v ?? 0);
      rows.set(id, row);
    }
  });
  return [...rows.values()].sort((a, b) => String(a._id ?? '').localeCompare(String(b._id ?? '')));
}
