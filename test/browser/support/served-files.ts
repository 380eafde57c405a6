// Files the tests serve from the suite's shared server (written into the build folder it serves),
// and a port where nothing listens: the addresses the ?url= tests open.
import { rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inject } from 'vitest';

/**
 * Serves `content` at `<baseUrl><name>` by writing it into the served build folder (global-setup
 * provides its path); returns the URL. `name` must be a plain file name.
 */
export async function serveFile(name: string, content: string | Uint8Array): Promise<string> {
  if (!/^[\w.-]+$/.test(name) || name === 'index.html')
    throw new Error(`serveFile: not a plain new file name: ${name}`);
  await writeFile(join(inject('distDir'), name), content);
  return inject('baseUrl') + name;
}

/** Removes a file written by serveFile. */
export async function unserveFile(name: string): Promise<void> {
  if (!/^[\w.-]+$/.test(name) || name === 'index.html') return;
  await rm(join(inject('distDir'), name), { force: true });
}

/** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}
