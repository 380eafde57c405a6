// Deterministic synthetic pymemtrace ReferenceTracing logs, for tests and benchmarks.
//
// Writes the exact byte layout of cPyMemTrace (fixed-width printf columns), streamed as
// Uint8Array chunks so 20M-line files never sit in memory. Pure TS with no node: imports,
// so the browser benchmark can use it too.
//
// The summary is not predicted from the generator's intentions: a separate tracker reads
// every event as it is written and applies the analyser's rules (keyed by address).

export interface GeneratorOptions {
  lines: number; // NEW/DEL/MSG data lines to write (excluding intro/SOF/HDR/EOF)
  seed?: number; // default 1; deterministic output for a given seed
  leakEvery?: number; // every Nth created object is never freed (default 500; 0 = none)
  sizeof?: boolean; // include the optional Sizeof column (HDR gets "Sizeof" after LiveCnt)
  message?: string | null; // opening message before SOF (default 'Synthetic reference trace'); may contain '\n'; null or '' = none
  eof?: boolean; // write EOF at the end (default true)
  crlf?: boolean; // use \r\n line endings (default false)
  untrackedRate?: number; // probability a line is a DEL of a never-seen address (default 0.002)
  msgRate?: number; // probability a line is a MSG (default 0.0005)
  duplicateRate?: number; // probability a NEW reuses an address that is still live (default 0)
  oddNames?: boolean; // spaces in Type/File, over-wide Type/File/Function, negative LiveCnt
  shapes?: boolean; // add three known sites: a steady leak, a cache that fills then plateaus, pure churn (see SHAPES)
}

/**
 * With `shapes`, three sites of their own, so leak finding can be tested on a known answer:
 * LeakyRecord is made every 50th line all through the run and never freed; CacheEntry every 15th
 * line in the first fifth of the run only, never freed (more objects than the leak); TempBuffer
 * every 10th line and freed on the next.
 */
export const SHAPES = {
  leak: { type: 'LeakyRecord', site: ['/home/user/project/app/leaky.py', 10, 'remember_forever'] as const, every: 50 },
  cache: {
    type: 'CacheEntry',
    site: ['/home/user/project/app/cache.py', 42, 'fill_cache'] as const,
    every: 15,
    until: 0.2,
  },
  churn: { type: 'TempBuffer', site: ['/home/user/project/app/churn.py', 7, 'temp_buffer'] as const, every: 10 },
};

export interface GeneratorSummary {
  lines: number; // data lines written (NEW+DEL+MSG)
  new: number;
  del: number;
  msg: number;
  live: number; // addresses live at the end
  pairs: number; // DELs that matched a live NEW
  untracked: number; // DELs of addresses not live
  duplicates: number; // NEWs at an address already live (replaces the older one)
  types: Record<string, [number, number, number]>; // per type: [new, del (untracked included), untracked]
  bytes: number; // total bytes of the file
}

// ---------------------------------------------------------------- vocabulary

interface TypeSpec {
  name: string;
  weight: number;
  size: number;
  grows?: boolean;
}

// Weights are rough frequencies in real traces; size feeds the optional Sizeof column.
const PLAIN_TYPES: TypeSpec[] = [
  { name: 'int', weight: 20, size: 28 },
  { name: 'str', weight: 18, size: 49, grows: true },
  { name: 'tuple', weight: 14, size: 40, grows: true },
  { name: 'list', weight: 8, size: 56, grows: true },
  { name: 'dict', weight: 8, size: 64, grows: true },
  { name: 'float', weight: 6, size: 24 },
  { name: 'bytes', weight: 4, size: 33, grows: true },
  { name: 'cell', weight: 3, size: 24 },
  { name: 'function', weight: 3, size: 160 },
  { name: 'method', weight: 3, size: 48 },
  { name: 'builtin_function_or_method', weight: 2, size: 72 },
  { name: 'range_iterator', weight: 2, size: 48 },
  { name: 'list_iterator', weight: 2, size: 48 },
  { name: 'set', weight: 2, size: 216, grows: true },
  { name: 'generator', weight: 2, size: 200 },
  { name: 'coroutine', weight: 1, size: 200 },
  { name: 'datetime.datetime', weight: 2, size: 48 },
  { name: 'decimal.Decimal', weight: 1, size: 104 },
  { name: 'itertools.repeat', weight: 1, size: 56 },
  { name: '_ModuleLock', weight: 1, size: 56 },
  { name: 're.Match', weight: 1, size: 80 },
  { name: 'collections.OrderedDict', weight: 1, size: 120 },
  { name: 'collections.deque', weight: 1, size: 760 },
  { name: 'StringAndTime', weight: 1, size: 56 },
  { name: 'json.decoder.JSONDecodeError', weight: 1, size: 88 },
  { name: 'numpy.ndarray', weight: 1, size: 112 },
  { name: 'pandas.core.frame.DataFrame', weight: 1, size: 64 },
];
// Layout traps seen in real logs (FORMAT.md): spaces in Type, names wider than the column.
const ODD_TYPES: TypeSpec[] = [
  { name: 'symtable entry', weight: 1, size: 120 },
  { name: 'xml.etree.ElementTree.TreeBuilder', weight: 1, size: 96 }, // 33 chars
  { name: 'pandas.core.indexes.datetimes.DatetimeIndex', weight: 1, size: 64 }, // 43 chars
];
// Types that exist before tracing starts: they only ever appear as untracked DELs, at short
// (static) addresses, which drives their LiveCnt negative as in real logs.
const PREEXISTING_TYPES: TypeSpec[] = [
  { name: 'type', weight: 1, size: 928 },
  { name: 'getset_descriptor', weight: 1, size: 64 },
];

type Site = [file: string, line: number, func: string];
const PLAIN_SITES: Site[] = [
  ['pymemtrace/tests/test_cpymemtrace.py', 296, 'make_bytes_wrappers'],
  ['pymemtrace/tests/test_cpymemtrace.py', 288, '__init__'],
  ['/usr/lib/python3.13/random.py', 340, 'randint'],
  ['/usr/lib/python3.13/random.py', 471, 'choices'],
  ['/usr/lib/python3.13/json/decoder.py', 353, 'raw_decode'],
  ['/usr/lib/python3.13/json/encoder.py', 261, 'iterencode'],
  ['/usr/lib/python3.13/collections/__init__.py', 1142, '__init__'],
  ['/home/user/project/app/models.py', 120, 'load_records'],
  ['/home/user/project/app/cache.py', 42, 'remember'],
  ['/home/user/project/app/main.py', 17, '<module>'],
  ['/home/user/project/app/views.py', 230, '<listcomp>'],
  ['/home/user/project/app/views.py', 233, '<genexpr>'],
  ['/home/user/project/app/hooks.py', 9, '<lambda>'],
  ['<UNKNOWN_FILE_NAME>', 0, '<UNKNOWN_FUNCTION_NAME>'],
];
const ODD_SITES: Site[] = [
  ['<frozen importlib._bootstrap>', 1357, '_find_and_load'],
  ['<frozen abc>', 106, '__new__'],
  ['/home/u/dir with space/mod.py', 12, 'build'],
  [
    '/home/user/.local/share/virtualenvs/project-3fa9c2/lib/python3.13/site-packages/sqlalchemy/orm/session.py',
    2304,
    '_execute_internal',
  ], // > 80 chars
  ['/home/user/project/tests/test_app.py', 58, 'test_reference_tracing_with_a_rather_long_function_name'], // > 40 chars
];

// --------------------------------------------------------------- primitives

/** mulberry32: tiny, fast, good enough for synthetic data, identical in every JS engine. */
function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const padL = (s: string | number, w: number) => String(s).padStart(w);
const padR = (s: string, w: number) => s.padEnd(w);
const hex = (addr: number) => '0x' + addr.toString(16); // %p: no leading zeros
/** %12.6f of a clock kept in integer microseconds, so it never drifts or repeats. */
const clockText = (us: number) => padL(`${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`, 12);

export function headerLine(sizeof: boolean): string {
  return (
    'HDR: ' +
    [
      padL('Clock', 12),
      padL('Address', 16),
      padL('LiveCnt', 16),
      ...(sizeof ? [padL('Sizeof', 16)] : []),
      padR('Type', 32),
      padR('File', 80),
      padL('Line', 4),
      padR('Function', 40),
      padL('RSS', 16),
      padL('dRSS', 16),
    ].join(' ')
  );
}

/** Applies the analyser's rules to each event; memory is the live set. */
class Tracker {
  readonly live = new Map<number, string>();
  readonly types = new Map<string, [number, number, number]>();
  new = 0;
  del = 0;
  msg = 0;
  pairs = 0;
  untracked = 0;
  duplicates = 0;
  bytes = 0;

  private counts(type: string): [number, number, number] {
    let c = this.types.get(type);
    if (!c) this.types.set(type, (c = [0, 0, 0]));
    return c;
  }
  onNew(addr: number, type: string): void {
    this.new++;
    this.counts(type)[0]++;
    if (this.live.has(addr)) this.duplicates++;
    this.live.set(addr, type);
  }
  onDel(addr: number, type: string): void {
    this.del++;
    const c = this.counts(type);
    c[1]++;
    if (this.live.delete(addr)) this.pairs++;
    else {
      this.untracked++;
      c[2]++;
    }
  }
  summary(): GeneratorSummary {
    return {
      lines: this.new + this.del + this.msg,
      new: this.new,
      del: this.del,
      msg: this.msg,
      live: this.live.size,
      pairs: this.pairs,
      untracked: this.untracked,
      duplicates: this.duplicates,
      types: Object.fromEntries([...this.types].map(([k, v]) => [k, [...v] as [number, number, number]])),
      bytes: this.bytes,
    };
  }
}

// ---------------------------------------------------------------- generator

/**
 * Yields the log as Uint8Array chunks of roughly chunkBytes (default 1 MiB), in order.
 * `chunks` may be iterated again (each pass regenerates the same bytes); `summary()` describes
 * the latest pass and is complete once that pass is exhausted.
 */
export function generateLog(
  opts: GeneratorOptions,
  chunkBytes = 1 << 20,
): { chunks: Iterable<Uint8Array>; summary: () => GeneratorSummary } {
  if (!Number.isInteger(opts.lines) || opts.lines < 0)
    throw new RangeError(`lines must be a non-negative integer, got ${opts.lines}`);
  let tracker = new Tracker();
  return {
    chunks: {
      [Symbol.iterator]: () => {
        tracker = new Tracker();
        return emitLog(opts, chunkBytes, tracker);
      },
    },
    summary: () => tracker.summary(),
  };
}

function* emitLog(opts: GeneratorOptions, chunkBytes: number, tracker: Tracker): Generator<Uint8Array> {
  const {
    lines,
    seed = 1,
    leakEvery = 500,
    sizeof = false,
    message = 'Synthetic reference trace',
    eof = true,
    crlf = false,
    untrackedRate = 0.002,
    msgRate = 0.0005,
    duplicateRate = 0,
    oddNames = false,
    shapes = false,
  } = opts;
  const rnd = makeRandom(seed || 1);
  const nl = crlf ? '\r\n' : '\n';
  const encoder = new TextEncoder();

  // Output buffer: strings are joined and encoded once per chunk (cheap, and bounded).
  let parts: string[] = [];
  let pending = 0;
  function* flush(force: boolean): Generator<Uint8Array> {
    if (pending === 0 || (!force && pending < chunkBytes)) return;
    const chunk = encoder.encode(parts.join(''));
    parts = [];
    pending = 0;
    tracker.bytes += chunk.length;
    yield chunk;
  }
  const put = (text: string) => {
    parts.push(text, nl);
    pending += text.length + nl.length;
  };

  // Vocabulary: padded strings are built once, records refer to types/sites by index.
  const shapeTypes: TypeSpec[] = shapes
    ? [SHAPES.leak, SHAPES.cache, SHAPES.churn].map((x) => ({ name: x.type, weight: 0, size: 64 }))
    : [];
  const types = [...PLAIN_TYPES, ...(oddNames ? [...ODD_TYPES, ...PREEXISTING_TYPES] : []), ...shapeTypes];
  const typeCol = types.map((t) => padR(t.name, 32));
  const weighted = (specs: TypeSpec[], scale: number) =>
    specs.flatMap((t) => Array<number>(t.weight * scale).fill(types.indexOf(t)));
  // ~3% of created objects get an odd type name.
  const newTypePool = [...weighted(PLAIN_TYPES, 10), ...(oddNames ? weighted(ODD_TYPES, 1) : [])];
  const sites: Site[] = [
    ...PLAIN_SITES,
    ...(oddNames ? ODD_SITES : []),
    ...(shapes ? [SHAPES.leak.site, SHAPES.cache.site, SHAPES.churn.site].map((x) => [...x] as Site) : []),
  ];
  const siteCols = sites.map(([f, l, fn]) => `${padR(f, 80)} ${padL(l, 4)} ${padR(fn, 40)}`);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const ordinarySites = sites.length - (shapes ? 3 : 0);
  const pickSite = () =>
    oddNames && rnd() < 0.9 ? Math.floor(rnd() * PLAIN_SITES.length) : Math.floor(rnd() * ordinarySites);

  // Simulated process state.
  const liveCnt = new Array<number>(types.length).fill(0); // the tracer's per-type counter
  const freeableAddr: number[] = []; // live objects that will be freed (leaked ones are not kept)
  const freeableType: number[] = [];
  const freeList: number[] = []; // freed addresses, reused LIFO like a real allocator
  const FREE_LIST_CAP = 4096; // beyond this always reuse: keeps memory bounded
  let heapTop = 0x7f2afc000000 + Math.floor(rnd() * 0x100000) * 16;
  let staticTop = 0x252f6000; // short %p addresses, as for objects in the binary's data
  let untrackedTop = 0x7f1b40000000; // never allocated here, so these DELs are never seen as NEW
  let untrackedStaticTop = 0x33970000;
  let usClock = 800_000 + Math.floor(rnd() * 200_000);
  let rss = 15_687_680;
  let printedRss = 0; // the first record's dRSS is the whole RSS, as in real logs
  let created = 0;
  let msgs = 0;

  const record = (tag: 'NEW:' | 'DEL:', addr: number, t: number, site = pickSite()) => {
    usClock += 1 + Math.floor(rnd() * 40);
    if (rnd() < 0.01) {
      // RSS moves rarely, by whole pages
      const d = 4096 * (1 + Math.floor(rnd() * 64)) * (rnd() < 0.5 ? -1 : 1);
      if (rss + d > 8 << 20) rss += d; // never below 8 MiB
    }
    const size = sizeof ? ' ' + padL(types[t].size + (types[t].grows ? 8 * Math.floor(rnd() * 64) : 0), 16) : '';
    put(
      `${tag} ${clockText(usClock)} ${padL(hex(addr), 16)} ${padL(liveCnt[t], 16)}${size} ${typeCol[t]} ${siteCols[site]} ${padL(rss, 16)} ${padL(rss - printedRss, 16)}`,
    );
    printedRss = rss;
    if (tag === 'NEW:') tracker.onNew(addr, types[t].name);
    else tracker.onDel(addr, types[t].name);
  };

  const removeFreeable = (i: number) => {
    const last = freeableAddr.length - 1;
    freeableAddr[i] = freeableAddr[last];
    freeableType[i] = freeableType[last];
    freeableAddr.pop();
    freeableType.pop();
  };

  const create = () => {
    const t = pick(newTypePool);
    created++;
    const leaked = leakEvery > 0 && created % leakEvery === 0;
    let addr: number;
    if (freeableAddr.length > 0 && rnd() < duplicateRate) {
      // A NEW at an address still live: the older object silently disappears from the log.
      const i = Math.floor(rnd() * freeableAddr.length);
      addr = freeableAddr[i];
      if (leaked) removeFreeable(i);
      else freeableType[i] = t;
    } else {
      if (freeList.length > 0 && (freeList.length > FREE_LIST_CAP || rnd() < 0.8)) addr = freeList.pop()!;
      else if (rnd() < 0.01) addr = staticTop += 16 * (1 + Math.floor(rnd() * 8));
      else addr = heapTop += 16 * (1 + Math.floor(rnd() * 8));
      if (!leaked) {
        freeableAddr.push(addr);
        freeableType.push(t);
      }
    }
    liveCnt[t]++;
    record('NEW:', addr, t);
  };

  const destroy = () => {
    // Young objects die young: mostly one of the most recent, sometimes any.
    const n = freeableAddr.length;
    const i = rnd() < 0.7 ? n - 1 - Math.floor(rnd() * Math.min(n, 16)) : Math.floor(rnd() * n);
    const addr = freeableAddr[i],
      t = freeableType[i];
    removeFreeable(i);
    freeList.push(addr);
    liveCnt[t]--;
    record('DEL:', addr, t);
  };

  const destroyUntracked = () => {
    // An object made before tracing began (or while it was suspended).
    let t: number, addr: number;
    if (oddNames && rnd() < 0.5) {
      t = types.indexOf(pick(PREEXISTING_TYPES));
      addr = untrackedStaticTop += 16 * (1 + Math.floor(rnd() * 8));
    } else {
      t = types.indexOf(pick(PLAIN_TYPES));
      addr = untrackedTop += 16 * (1 + Math.floor(rnd() * 8));
    }
    liveCnt[t]--;
    record('DEL:', addr, t);
  };

  // Preamble.
  if (message) put(message.replace(/\r?\n/g, nl));
  put('SOF');
  put(headerLine(sizeof));

  // The shapes' sites and types are the last ones added; a churn object waits one line for its DEL.
  const shapeNew = (k: number): number => {
    const t = types.length - 3 + k;
    const addr = (heapTop += 16 * (1 + Math.floor(rnd() * 8)));
    liveCnt[t]++;
    record('NEW:', addr, t, sites.length - 3 + k);
    return addr;
  };
  let churnAddr = -1;
  for (let n = 0; n < lines; n++) {
    if (shapes) {
      if (churnAddr >= 0) {
        const t = types.length - 1;
        liveCnt[t]--;
        record('DEL:', churnAddr, t, sites.length - 1);
        freeList.push(churnAddr);
        churnAddr = -1;
        continue;
      }
      if (n % SHAPES.leak.every === 0) {
        shapeNew(0);
        continue;
      }
      if (n < lines * SHAPES.cache.until && n % SHAPES.cache.every === 1) {
        shapeNew(1);
        continue;
      }
      if (n % SHAPES.churn.every === 2) {
        churnAddr = shapeNew(2);
        continue;
      }
    }
    const r = rnd();
    if (r < msgRate) {
      usClock += 1 + Math.floor(rnd() * 40);
      put(`MSG: ${clockText(usClock)} # checkpoint ${msgs++}`);
      tracker.msg++;
    } else if (r < msgRate + untrackedRate) {
      destroyUntracked();
    } else {
      // The live set follows a sawtooth target (grow, then drain), like a batch workload.
      // With shapes, a flat target: the ordinary objects are churn around the three known sites.
      const target = shapes ? 512 : 256 + Math.floor(((n % 100_000) / 100_000) * 8192);
      const wantNew = freeableAddr.length === 0 || rnd() < (freeableAddr.length < target ? 0.6 : 0.4);
      if (wantNew) create();
      else destroy();
    }
    if (pending >= chunkBytes) yield* flush(false);
  }
  if (eof) put('EOF');
  yield* flush(true);
}
