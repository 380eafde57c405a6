// Gunzip for the page and the CLI alike, in plain TypeScript (RFC 1951 inflate, RFC 1952 framing),
// so both read a .gz the same way, byte for byte:
//
// - every member of a multi-member file (pigz, bgzip, `cat a.gz b.gz`), and zero padding after
//   the last (tar, dd blocks);
// - every byte that inflates before damage is handed on before the error (a bad CRC or length
//   loses nothing; a cut or a broken block loses only what could not be inflated);
// - memory is bounded whatever the ratio: input is taken a chunk at a time and output is handed on
//   in pieces of at most MAX_PIECE bytes (about 300 KB), pulled by the reader (a 10 MB bomb that inflates to
//   10 GB holds a few hundred KB at a time, and its reader may stop whenever it likes).
//
// Usage: push() input, then read() until it returns null (it needs input), ...; finish() after the
// last input, then read() until null (done). read() throws a GzipError at damage, after every byte
// before it was read.

import { crc32 } from './crc32.ts';
import { buildCode, CL_ORDER, type Code, DIST_BASE, DIST_EXTRA, fixed, LEN_BASE, LEN_EXTRA } from './deflate-codes.ts';

/** Output is handed on in pieces of about this size. */
export const OUT_CHUNK = 256 * 1024;
const WINDOW = 32 * 1024;
const MAX_MATCH = 258;
/** No piece of output is bigger. */
export const MAX_PIECE = WINDOW + OUT_CHUNK + MAX_MATCH;

export class GzipError extends Error {}

const TRUNCATED = 'gzip data ends early: the file is truncated; what was inflated was analysed';
const CHECKSUM = 'gzip checksum does not match: the data is damaged; what was inflated was analysed';
const damaged = (why: string) => `gzip data is damaged (${why}); what was inflated before the damage was analysed`;

const enum St {
  Between, // before a member (or after the last): zero padding, the next member's magic, or the end
  Header,
  Block,
  Stored,
  Codes,
  Trailer,
  Failed,
  Done,
}

/** Result of a decode step. */
const enum R {
  More, // go on
  Need, // needs more input
  Full, // the output buffer is full: hand it on
}

export class GzipReader {
  private inp: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private bb = 0;
  private bc = 0;
  private ended = false;
  private st = St.Between;
  private members = 0;
  // Header parsing: which fields remain (FLG bits) and how many bytes to skip.
  private hdrFlags = 0;
  private hdrStage = 0;
  private skip = 0;
  // Deflate.
  private last = false;
  private storedLeft = 0;
  private lit: Code = fixed()[0];
  private dist: Code = fixed()[1];
  private readonly out = new Uint8Array(WINDOW + OUT_CHUNK + MAX_MATCH);
  private op = 0;
  private emitFrom = 0;
  private crc = 0;
  private size = 0;
  private failure: GzipError | null = null;
  /** Input bytes consumed so far. */
  private consumedBefore = 0;

  /** Adds input (read() must have returned null). */
  push(bytes: Uint8Array): void {
    if (this.ended) throw new Error('push after finish');
    if (bytes.length === 0) return;
    this.consumedBefore += this.pos;
    if (this.pos >= this.inp.length) this.inp = bytes;
    else {
      const rest = this.inp.subarray(this.pos);
      const joined = new Uint8Array(rest.length + bytes.length);
      joined.set(rest);
      joined.set(bytes, rest.length);
      this.inp = joined;
    }
    this.pos = 0;
  }

  /** No more input. */
  finish(): void {
    this.ended = true;
  }

  /** Input bytes read so far. */
  get bytesIn(): number {
    return this.consumedBefore + this.pos;
  }

  /** Whole members read so far. */
  get membersRead(): number {
    return this.members;
  }

  /** The next piece of output; null when it needs input (or, after finish(), when done). Throws at damage. */
  read(): Uint8Array | null {
    for (;;) {
      switch (this.st) {
        case St.Done:
          return null;
        case St.Failed:
          if (this.op > this.emitFrom) return this.emit();
          this.st = St.Done;
          throw this.failure!;
        case St.Between: {
          const r = this.between();
          if (r === R.Need) return null;
          break;
        }
        case St.Header:
          if (this.header() === R.Need) return null;
          break;
        case St.Trailer:
          if (this.trailer() === R.Need) return null;
          break;
        default: {
          if (this.op > this.out.length - MAX_MATCH - 1) {
            if (this.op > this.emitFrom) return this.emit();
            this.slide();
          }
          const r = this.st === St.Block ? this.blockHeader() : this.st === St.Stored ? this.stored() : this.codes();
          if (r === R.Full) return this.emit();
          if (r === R.Need) {
            if (this.ended) this.fail(TRUNCATED);
            // What inflated so far goes on now: a slow download shows its lines as they come.
            else return this.op > this.emitFrom ? this.emit() : null;
          }
        }
      }
    }
  }

  private fail(message: string): void {
    this.failure = new GzipError(message);
    this.st = St.Failed;
  }

  /** Hands on the output not yet handed on (a copy), adding it to the member's checksum. */
  private emit(): Uint8Array {
    const piece = this.out.slice(this.emitFrom, this.op);
    this.crc = crc32(piece, this.crc);
    this.size = (this.size + piece.length) >>> 0;
    this.emitFrom = this.op;
    return piece;
  }

  /** Keeps the last 32 KiB (the window back-references reach) at the start of the buffer. */
  private slide(): void {
    const keep = Math.min(WINDOW, this.op);
    this.out.copyWithin(0, this.op - keep, this.op);
    this.op = this.emitFrom = keep;
  }

  private between(): R {
    const inp = this.inp;
    while (this.pos < inp.length && inp[this.pos] === 0 && this.members > 0) this.pos++;
    const left = inp.length - this.pos;
    if (left === 0) {
      if (!this.ended) return R.Need;
      if (this.members === 0) this.fail(TRUNCATED);
      else this.st = St.Done;
      return R.More;
    }
    if (left < 2 && !this.ended) return R.Need;
    if (left >= 2 && inp[this.pos] === 0x1f && inp[this.pos + 1] === 0x8b) {
      this.st = St.Header;
      this.hdrStage = 0;
      return R.More;
    }
    this.fail(
      this.members === 0
        ? damaged('not gzip data')
        : `${left.toLocaleString('en-US')}+ bytes after the last gzip member are not gzip data and were not read`,
    );
    return R.More;
  }

  /** The member header, field by field (a name or comment of any length is skipped as it comes). */
  private header(): R {
    const inp = this.inp;
    for (;;) {
      switch (this.hdrStage) {
        case 0: {
          if (inp.length - this.pos < 10) return this.needOr(TRUNCATED);
          const method = inp[this.pos + 2];
          const flags = inp[this.pos + 3];
          if (method !== 8) return this.failMore(damaged(`unknown compression method ${method}`));
          if (flags & 0xe0) return this.failMore(damaged('unknown header flags'));
          this.hdrFlags = flags;
          this.pos += 10;
          this.hdrStage = 1;
          break;
        }
        case 1: // FEXTRA: its length
          if (this.hdrFlags & 4) {
            if (inp.length - this.pos < 2) return this.needOr(TRUNCATED);
            this.skip = inp[this.pos] | (inp[this.pos + 1] << 8);
            this.pos += 2;
          } else this.skip = 0;
          this.hdrStage = 2;
          break;
        case 2: {
          const n = Math.min(this.skip, inp.length - this.pos);
          this.pos += n;
          this.skip -= n;
          if (this.skip > 0) return this.needOr(TRUNCATED);
          this.hdrStage = 3;
          break;
        }
        case 3: // FNAME, then FCOMMENT: up to a zero byte
        case 4: {
          if (this.hdrFlags & (this.hdrStage === 3 ? 8 : 16)) {
            const z = inp.indexOf(0, this.pos);
            if (z < 0) {
              this.pos = inp.length;
              return this.needOr(TRUNCATED);
            }
            this.pos = z + 1;
          }
          this.hdrStage++;
          break;
        }
        case 5: // FHCRC
          if (this.hdrFlags & 2) {
            if (inp.length - this.pos < 2) return this.needOr(TRUNCATED);
            this.pos += 2;
          }
          this.st = St.Block;
          this.last = false;
          this.bb = this.bc = 0;
          this.crc = this.size = 0;
          this.op = this.emitFrom = 0;
          return R.More;
      }
    }
  }

  private needOr(truncated: string): R {
    if (!this.ended) return R.Need;
    return this.failMore(truncated);
  }

  private failMore(message: string): R {
    this.fail(message);
    return R.More;
  }

  private trailer(): R {
    const inp = this.inp;
    if (inp.length - this.pos < 8) return this.needOr(TRUNCATED);
    const p = this.pos;
    const crc = (inp[p] | (inp[p + 1] << 8) | (inp[p + 2] << 16) | (inp[p + 3] << 24)) >>> 0;
    const size = (inp[p + 4] | (inp[p + 5] << 8) | (inp[p + 6] << 16) | (inp[p + 7] << 24)) >>> 0;
    this.pos += 8;
    if (crc !== this.crc || size !== this.size) return this.failMore(CHECKSUM);
    this.members++;
    this.st = St.Between;
    return R.More;
  }

  /** Ends the deflate data: the whole bytes left in the bit buffer go back to the input. */
  private endOfDeflate(): R {
    this.pos -= this.bc >> 3;
    this.bb = this.bc = 0;
    this.st = St.Trailer;
    // The member's last output is handed on before its trailer is read.
    return this.op > this.emitFrom ? R.Full : R.More;
  }

  private blockHeader(): R {
    if (this.last) return this.endOfDeflate();
    const inp = this.inp;
    const save = [this.pos, this.bb, this.bc];
    let short = false;
    const bits = (n: number): number => {
      while (this.bc < n) {
        if (this.pos >= inp.length) {
          short = true;
          return 0;
        }
        this.bb |= inp[this.pos++] << this.bc;
        this.bc += 8;
      }
      const v = this.bb & ((1 << n) - 1);
      this.bb >>>= n;
      this.bc -= n;
      return v;
    };
    const restore = (): R => {
      [this.pos, this.bb, this.bc] = save;
      return R.Need;
    };
    const head = bits(3);
    if (short) return restore();
    const final = (head & 1) === 1;
    const type = head >> 1;
    if (type === 0) {
      this.pos -= this.bc >> 3;
      this.bb = this.bc = 0;
      if (inp.length - this.pos < 4) return restore();
      const len = inp[this.pos] | (inp[this.pos + 1] << 8);
      const nlen = inp[this.pos + 2] | (inp[this.pos + 3] << 8);
      if (len !== (~nlen & 0xffff)) return this.failMore(damaged('invalid stored block lengths'));
      this.pos += 4;
      this.storedLeft = len;
      this.st = St.Stored;
    } else if (type === 1) {
      [this.lit, this.dist] = fixed();
      this.st = St.Codes;
    } else if (type === 2) {
      const hlit = bits(5) + 257;
      const hdist = bits(5) + 1;
      const hclen = bits(4) + 4;
      if (short) return restore();
      if (hlit > 286 || hdist > 30) return this.failMore(damaged('too many length or distance symbols'));
      const clLengths = new Uint8Array(19);
      for (let i = 0; i < hclen; i++) clLengths[CL_ORDER[i]] = bits(3);
      if (short) return restore();
      const cl = buildCode(clLengths);
      if (typeof cl === 'string') return this.failMore(damaged(`invalid code lengths set: ${cl}`));
      const lengths = new Uint8Array(hlit + hdist);
      for (let i = 0; i < lengths.length;) {
        // A code-length code is at most 7 bits: read bit by bit where fewer are left.
        while (this.bc < cl.bits && this.pos < inp.length) {
          this.bb |= inp[this.pos++] << this.bc;
          this.bc += 8;
        }
        const e = cl.table[this.bb & ((1 << cl.bits) - 1)];
        const l = e & 15;
        if (l === 0 || l > this.bc) {
          if (this.bc >= cl.bits) return this.failMore(damaged('invalid code lengths set'));
          return restore();
        }
        this.bb >>>= l;
        this.bc -= l;
        const sym = e >> 4;
        if (sym < 16) lengths[i++] = sym;
        else {
          let repeat: number;
          let value = 0;
          if (sym === 16) {
            if (i === 0) return this.failMore(damaged('invalid bit length repeat'));
            value = lengths[i - 1];
            repeat = 3 + bits(2);
          } else if (sym === 17) repeat = 3 + bits(3);
          else repeat = 11 + bits(7);
          if (short) return restore();
          if (i + repeat > lengths.length) return this.failMore(damaged('invalid bit length repeat'));
          lengths.fill(value, i, i + repeat);
          i += repeat;
        }
      }
      if (lengths[256] === 0) return this.failMore(damaged('missing end-of-block code'));
      const lit = buildCode(lengths.subarray(0, hlit));
      const dist = buildCode(lengths.subarray(hlit));
      if (typeof lit === 'string') return this.failMore(damaged(`invalid literal/lengths set: ${lit}`));
      if (typeof dist === 'string') return this.failMore(damaged(`invalid distances set: ${dist}`));
      this.lit = lit;
      this.dist = dist;
      this.st = St.Codes;
    } else return this.failMore(damaged('invalid block type'));
    this.last = final;
    return R.More;
  }

  private stored(): R {
    const room = this.out.length - MAX_MATCH - this.op;
    const n = Math.min(this.storedLeft, this.inp.length - this.pos, room);
    this.out.set(this.inp.subarray(this.pos, this.pos + n), this.op);
    this.op += n;
    this.pos += n;
    this.storedLeft -= n;
    if (this.storedLeft === 0) {
      this.st = St.Block;
      return R.More;
    }
    return n === room ? R.Full : R.Need;
  }

  /** The symbols of a fixed or dynamic block, until its end, a full buffer, or the end of the input. */
  private codes(): R {
    const inp = this.inp;
    const end = inp.length;
    const out = this.out;
    const limit = out.length - MAX_MATCH;
    const lt = this.lit.table;
    const lbits = this.lit.bits;
    const lmask = (1 << lbits) - 1;
    const dt = this.dist.table;
    const dbits = this.dist.bits;
    const dmask = (1 << dbits) - 1;
    let pos = this.pos;
    let bb = this.bb;
    let bc = this.bc;
    let op = this.op;
    let result = R.Full;
    let error: string | null = null;
    symbols: while (op < limit) {
      // Where this symbol starts: restored when the input ends inside it.
      const sPos = pos;
      const sBb = bb;
      const sBc = bc;
      while (bc < lbits && pos < end) {
        bb |= inp[pos++] << bc;
        bc += 8;
      }
      const e = lt[bb & lmask];
      const l = e & 15;
      if (l === 0 || l > bc) {
        if (bc >= lbits) error = 'invalid literal/length code';
        else {
          pos = sPos;
          bb = sBb;
          bc = sBc;
          result = R.Need;
        }
        break;
      }
      bb >>>= l;
      bc -= l;
      const sym = e >> 4;
      if (sym < 256) {
        out[op++] = sym;
        continue;
      }
      if (sym === 256) {
        this.st = St.Block;
        result = R.More;
        break;
      }
      const li = sym - 257;
      if (li >= 29) {
        error = 'invalid literal/length code';
        break;
      }
      // Length extra bits, the distance code and its extra bits: all or none.
      let need = LEN_EXTRA[li];
      while (bc < need && pos < end) {
        bb |= inp[pos++] << bc;
        bc += 8;
      }
      if (bc < need) {
        pos = sPos;
        bb = sBb;
        bc = sBc;
        result = R.Need;
        break;
      }
      const length = LEN_BASE[li] + (bb & ((1 << need) - 1));
      bb >>>= need;
      bc -= need;
      while (bc < dbits && pos < end) {
        bb |= inp[pos++] << bc;
        bc += 8;
      }
      const de = dt[bb & dmask];
      const dl = de & 15;
      if (dl === 0 || dl > bc) {
        if (bc >= dbits) error = 'invalid distance code';
        else {
          pos = sPos;
          bb = sBb;
          bc = sBc;
          result = R.Need;
        }
        break;
      }
      bb >>>= dl;
      bc -= dl;
      const di = de >> 4;
      if (di >= 30) {
        error = 'invalid distance code';
        break;
      }
      need = DIST_EXTRA[di];
      while (bc < need && pos < end) {
        bb |= inp[pos++] << bc;
        bc += 8;
      }
      if (bc < need) {
        pos = sPos;
        bb = sBb;
        bc = sBc;
        result = R.Need;
        break;
      }
      const distance = DIST_BASE[di] + (bb & ((1 << need) - 1));
      bb >>>= need;
      bc -= need;
      if (distance > op) {
        error = 'invalid distance too far back';
        break symbols;
      }
      let from = op - distance;
      const stop = op + length;
      if (distance >= length) {
        out.copyWithin(op, from, from + length);
        op = stop;
      } else while (op < stop) out[op++] = out[from++];
    }
    this.pos = pos;
    this.bb = bb;
    this.bc = bc;
    this.op = op;
    if (error) return this.failMore(damaged(error));
    return result;
  }
}

/** The output of gunzipping `chunks` (see GzipReader). */
export function* gunzipChunks(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  const r = new GzipReader();
  for (const c of chunks) {
    r.push(c);
    for (let piece = r.read(); piece; piece = r.read()) yield piece;
  }
  r.finish();
  for (let piece = r.read(); piece; piece = r.read()) yield piece;
}

/** The output of gunzipping `chunks` as they arrive (see GzipReader). */
export async function* gunzipStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const r = new GzipReader();
  for await (const c of chunks) {
    r.push(c);
    for (let piece = r.read(); piece; piece = r.read()) yield piece;
  }
  r.finish();
  for (let piece = r.read(); piece; piece = r.read()) yield piece;
}
