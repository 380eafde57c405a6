// Allocation sites: (file id, line, function id) triples interned to one id per distinct site.

export class SiteTable {
  readonly file: number[] = [];
  readonly line: number[] = [];
  readonly func: number[] = [];
  private table = new Int32Array(1 << 10).fill(-1);
  private mask = (1 << 10) - 1;

  get size(): number {
    return this.file.length;
  }

  intern(fileId: number, line: number, funcId: number): number {
    const h = SiteTable.hash(fileId, line, funcId);
    let slot = h & this.mask;
    for (;;) {
      const id = this.table[slot];
      if (id < 0) break;
      if (this.file[id] === fileId && this.line[id] === line && this.func[id] === funcId) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.file.length;
    this.file.push(fileId);
    this.line.push(line);
    this.func.push(funcId);
    this.table[slot] = id;
    if (this.file.length * 2 > this.table.length) this.rehash();
    return id;
  }

  private static hash(a: number, b: number, c: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.file.length; id++) {
      let slot = SiteTable.hash(this.file[id], this.line[id], this.func[id]) & this.mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
    }
  }
}
