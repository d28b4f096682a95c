// Writes name.br (brotli, best) and name.gz (gzip -9) beside every text and wasm file of
// a folder, for hosts that serve precompressed files (see README "Deploying").
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;

/** Brotli at its best setting, with a window as large as the file needs. */
export function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function gzip(bytes) {
  return zlib.gzipSync(bytes, { level: 9 });
}

/** Compresses every eligible file under `dir`; a copy that would not be smaller is not written. */
export function compressDir(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const bytes = fs.readFileSync(file);
    for (const [ext, squeeze] of [['.br', brotli], ['.gz', gzip]]) {
      const out = squeeze(bytes);
      if (out.length < bytes.length) fs.writeFileSync(file + ext, out);
    }
  }
}
