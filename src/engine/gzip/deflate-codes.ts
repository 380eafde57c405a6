// Deflate's code tables (RFC 1951 §3.2.5) and canonical Huffman codes as lookup tables: what the
// inflater in gunzip.ts decodes blocks with.

// prettier-ignore
export const LEN_BASE = Uint16Array.of(
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13,
  15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
  67, 83, 99, 115, 131, 163, 195, 227, 258,
);
// prettier-ignore
export const LEN_EXTRA = Uint8Array.of(
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1,
  1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
  4, 4, 4, 4, 5, 5, 5, 5, 0,
);
// prettier-ignore
export const DIST_BASE = Uint16Array.of(
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25,
  33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
  1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
);
// prettier-ignore
export const DIST_EXTRA = Uint8Array.of(
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3,
  4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
  9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
);
/** The order in which a dynamic block gives its code-length code's lengths. */
export const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A Huffman code as a lookup table indexed by the next `bits` input bits: entry = symbol << 4 | length (0: no code). */
export interface Code {
  table: Uint16Array;
  bits: number;
}

/** The canonical code of `lengths`, or why it is invalid. */
export function buildCode(lengths: Uint8Array): Code | string {
  const count = new Uint16Array(16);
  let bits = 0;
  for (const l of lengths) {
    count[l]++;
    if (l > bits) bits = l;
  }
  count[0] = 0;
  let left = 1;
  for (let l = 1; l < 16; l++) {
    left = (left << 1) - count[l];
    if (left < 0) return 'over-subscribed code lengths';
  }
  const next = new Uint16Array(16);
  for (let l = 1, code = 0; l < 16; l++) next[l] = code = (code + count[l - 1]) << 1;
  bits = Math.max(1, bits);
  const table = new Uint16Array(1 << bits);
  for (let sym = 0; sym < lengths.length; sym++) {
    const l = lengths[sym];
    if (l === 0) continue;
    let c = next[l]++;
    let r = 0;
    for (let i = 0; i < l; i++, c >>= 1) r = (r << 1) | (c & 1);
    for (let k = r; k < table.length; k += 1 << l) table[k] = (sym << 4) | l;
  }
  return { table, bits };
}

let fixedCodes: [Code, Code] | null = null;
/** The fixed literal/length and distance codes (block type 1). */
export function fixed(): [Code, Code] {
  if (!fixedCodes) {
    const lit = new Uint8Array(288);
    lit.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixedCodes = [buildCode(lit) as Code, buildCode(new Uint8Array(30).fill(5)) as Code];
  }
  return fixedCodes;
}
