import type { Model } from 'mongoose';

/** `_id` is the group key as the database returns it (cast it at the call site). */
export type GroupRow<S extends string> = { _id: unknown } & Record<S, number>;

/**
 * `$group` with several `$sum`s, one pipeline per sum, merged by group key. FerretDB 1.x computes only the first
 * accumulator of a `$group` and returns 0 for the others (FerretDB issue #4616); this is correct on MongoDB too.
 */
export async function groupSums<S extends string>(
  model: Model<never>,
  match: Record<string, unknown>,
  groupId: string | Record<string, string> | null,
  sums: Record<S, 1 | `$${string}`>,
): Promise<Array<GroupRow<S>>> {
  const names = Object.keys(sums) as S[];
  const results = await Promise.all(
    names.map((name) => model.aggregate<{ _id: unknown } & Record<string, number>>([
      { $match: match },
      { $group: { _id: groupId, [name]: { $sum: sums[name] } } },
    ])),
  );
  const rows = new Map<string, GroupRow<S>>();
  results.forEach((list, i) => {
    const name = names[i]!;
    for (const row of list) {
      const key = JSON.stringify(row._id);
      const merged = rows.get(key) ?? ({ _id: row._id, ...Object.fromEntries(names.map((n) => [n, 0])) } as GroupRow<S>);
      (merged as Record<string, unknown>)[name] = row[name] ?? 0;
      rows.set(key, merged);
    }
  });
  return [...rows.values()];
}
