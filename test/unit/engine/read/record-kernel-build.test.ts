// The record kernel's WebAssembly is committed (src/engine/read/record-kernel-wasm.ts, so the engine
// needs no build step and nothing to fetch); assembly/record-kernel.ts is its source. Building that
// source (scripts/build-kernel.mjs, npm run build:kernel) must give exactly the committed bytes.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_KERNEL_WASM } from '../../../../src/engine/read/record-kernel-wasm.ts';

const ASC = fileURLToPath(new URL('../../../../node_modules/assemblyscript/package.json', import.meta.url));
const HAVE_ASC = existsSync(ASC);

describe('the record kernel build', () => {
  it.skipIf(!HAVE_ASC)(
    'building assembly/record-kernel.ts gives the committed WebAssembly (else run npm run build:kernel)',
    async () => {
      // @ts-expect-error a plain .mjs script with no types
      const { buildKernelWasm, kernelModule } = await import('../../../../scripts/build-kernel.mjs');
      const built: Uint8Array = await buildKernelWasm();
      const committed = Buffer.from(RECORD_KERNEL_WASM, 'base64');
      expect(
        Buffer.compare(Buffer.from(built), committed) === 0,
        `built ${built.length} bytes, committed ${committed.length}: src/engine/read/record-kernel-wasm.ts is stale, run npm run build:kernel`,
      ).toBe(true);
      // The whole generated file, comments included.
      const { readFileSync } = await import('node:fs');
      const file = fileURLToPath(new URL('../../../../src/engine/read/record-kernel-wasm.ts', import.meta.url));
      expect(readFileSync(file, 'utf8')).toBe(kernelModule(built));
    },
    60_000,
  );

  it.runIf(!HAVE_ASC)('is skipped: assemblyscript is not installed (npm install adds it, a devDependency)', () => {});
});
