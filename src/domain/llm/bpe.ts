/**
 * A byte-pair-encoding token counter over tiktoken's rank tables, linear in the length of its input.
 *
 * js-tiktoken's merge is quadratic (and allocates a joined string per pair per round) in the length of one
 * unbroken piece of text, so 8,000 copies of one letter take seconds. Here a merge costs O(n²) cheap numeric
 * steps on a piece of at most MAX_PIECE_BYTES bytes; a longer piece is counted in chunks of that size. Pieces up
 * to that size (nearly every piece of real text) count exactly as tiktoken does: the lowest-ranked adjacent
 * pair merges first, the leftmost on ties.
 */
export interface TiktokenRanks {
  pat_str: string;
  bpe_ranks: string;
}

/** Longest piece merged in one go; a longer one (a run of one letter, of CJK, of spaces) is counted in chunks. */
export const MAX_PIECE_BYTES = 64;

const MERGE_CACHE_SIZE = 8192;

export interface BpeCounter {
  /** Counts the tokens of `text`, yielding to the event loop whenever `shouldYield()` says so. */
  count(text: string, shouldYield?: () => boolean): Promise<number>;
  countSync(text: string): number;
}

/** Token bytes as a "binary" string (one char per byte), the key of the rank table. */
function rankTable(ranks: TiktokenRanks): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of ranks.bpe_ranks.split('\n')) {
    if (!line) continue;
    const [, offset, ...tokens] = line.split(' ');
    let rank = Number.parseInt(offset ?? '0', 10);
    for (const token of tokens) table.set(Buffer.from(token, 'base64').toString('latin1'), rank++);
  }
  return table;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const toBytes = (text: string) => (isAscii(text) ? text : Buffer.from(text, 'utf8').toString('latin1'));

export function createBpeCounter(ranks: TiktokenRanks): BpeCounter {
  const table = rankTable(ranks);
  const pattern = new RegExp(ranks.pat_str, 'gu');

  /** Tokens of one piece of at most MAX_PIECE_BYTES bytes, merged as tiktoken merges them. */
  function merge(bytes: string): number {
    const starts: number[] = [];
    for (let i = 0; i <= bytes.length; i += 1) starts.push(i);
    const pairRank = (i: number) =>
      i + 2 < starts.length ? (table.get(bytes.slice(starts[i], starts[i + 2])) ?? Infinity) : Infinity;
    const ranksOf: number[] = [];
    for (let i = 0; i < starts.length - 1; i += 1) ranksOf.push(pairRank(i));
    while (starts.length > 2) {
      let min = Infinity;
      let at = -1;
      for (let i = 0; i < ranksOf.length; i += 1) {
        if (ranksOf[i]! < min) {
          min = ranksOf[i]!;
          at = i;
        }
      }
      if (at < 0) break;
      starts.splice(at + 1, 1);
      ranksOf.splice(at + 1, 1);
      ranksOf[at] = pairRank(at);
      if (at > 0) ranksOf[at - 1] = pairRank(at - 1);
    }
    return starts.length - 1;
  }

  // Recent merges by piece: real text (and a hostile run cut into equal chunks) repeats its pieces a lot.
  const merged = new Map<string, number>();
  function cachedMerge(bytes: string): number {
    let tokens = merged.get(bytes);
    if (tokens === undefined) {
      tokens = merge(bytes);
      if (merged.size >= MERGE_CACHE_SIZE) merged.clear();
      merged.set(bytes, tokens);
    }
    return tokens;
  }

  function pieceTokens(bytes: string): number {
    if (bytes.length === 0) return 0;
    if (bytes.length === 1 || table.has(bytes)) return 1;
    if (bytes.length <= MAX_PIECE_BYTES) return cachedMerge(bytes);
    let tokens = 0;
    for (let i = 0; i < bytes.length; i += MAX_PIECE_BYTES) tokens += pieceTokens(bytes.slice(i, i + MAX_PIECE_BYTES));
    return tokens;
  }

  function countSync(text: string): number {
    let tokens = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) tokens += pieceTokens(toBytes(match[0]));
    return tokens;
  }

  async function count(text: string, shouldYield?: () => boolean): Promise<number> {
    if (!shouldYield) return countSync(text);
    // A private regex: another count may run between two slices of this one.
    const own = new RegExp(pattern.source, pattern.flags);
    let tokens = 0;
    let pieces = 0;
    for (let match = own.exec(text); match; match = own.exec(text)) {
      tokens += pieceTokens(toBytes(match[0]));
      pieces += 1;
      if (pieces % 256 === 0 && shouldYield()) await new Promise((resolve) => setImmediate(resolve));
    }
    return tokens;
  }

  return { count, countSync };
}
