// A parse held mid-file, for a test that looks at the page while it parses: an init script that
// answers the page's first `n` Blob reads (the slices it reads for the worker) one every `everyMs`,
// and holds every later one until the test calls window.releaseReads(); open the page with
// `?pageReads=1` (by default the worker reads the file itself). The parse then lasts past
// the page's one-second refresh (so tables and the chart show partial data), and stays in its
// parsing state for as long as the test needs, however fast the parser.
export function holdReads(n: number, everyMs = 700): string {
  return `{
    const read = Blob.prototype.arrayBuffer;
    let reads = 0;
    let paced = Promise.resolve();
    let release;
    const held = new Promise((ok) => (release = ok));
    window.releaseReads = () => release();
    Blob.prototype.arrayBuffer = function () {
      const bytes = read.call(this);
      if (++reads > ${n}) return held.then(() => bytes);
      paced = paced.then(() => new Promise((ok) => setTimeout(ok, ${everyMs})));
      return paced.then(() => bytes);
    };
  }`;
}
