// Just enough of the WebAssembly binary format for the post-build step: LEB128 numbers,
// the sections of a module, its imports and its exports.

export function readLeb(bytes, pos) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

export function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

/** A name as the format writes it: its byte length, then UTF-8. */
export const name = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];

/** A section: its id, its length, its body. */
export const section = (id, body) => [id, ...leb(body.length), ...body];

/** The sections of a module: `{ id, at, start, end }`: where the section begins, and
 *  where its body begins and ends, as offsets into `bytes`. */
export function sections(bytes) {
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const at = pos;
    const id = bytes[pos++];
    let size;
    [size, pos] = readLeb(bytes, pos);
    out.push({ id, at, start: pos, end: pos + size });
    pos += size;
  }
  return out;
}

/** The imports: `{ module, name, kind, desc }`, desc being the raw bytes of the type. */
export function imports(bytes) {
  const out = [];
  for (const s of sections(bytes).filter((s) => s.id === 2)) {
    let [count, pos] = readLeb(bytes, s.start);
    const text = () => {
      let len;
      [len, pos] = readLeb(bytes, pos);
      const t = bytes.subarray(pos, pos + len).toString();
      pos += len;
      return t;
    };
    for (let i = 0; i < count; i++) {
      const module = text();
      const field = text();
      const kind = bytes[pos++];
      const start = pos;
      if (kind === 0) [, pos] = readLeb(bytes, pos);
      else if (kind === 1 || kind === 2) {
        if (kind === 1) pos++;
        const flags = bytes[pos++];
        [, pos] = readLeb(bytes, pos);
        if (flags & 1) [, pos] = readLeb(bytes, pos);
      } else if (kind === 3) pos += 2;
      out.push({ module, name: field, kind, desc: [...bytes.subarray(start, pos)] });
    }
  }
  return out;
}

/** `bytes` with each section replaced by what `rewrite(section)` returns: a Buffer, or
 *  null to drop the section, or undefined to keep it as it is. */
function rewriteSections(bytes, rewrite) {
  const parts = [bytes.subarray(0, 8)];
  for (const s of sections(bytes)) {
    const out = rewrite(s);
    if (out !== null) parts.push(out ?? bytes.subarray(s.at, s.end));
  }
  return Buffer.concat(parts);
}

/** `bytes` without the exports whose names `drop` matches. */
export function withoutExports(bytes, drop) {
  return rewriteSections(bytes, (s) => {
    if (s.id !== 7) return undefined;
    let [count, pos] = readLeb(bytes, s.start);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const begin = pos;
      let len;
      [len, pos] = readLeb(bytes, pos);
      const field = bytes.subarray(pos, pos + len).toString();
      pos += len + 1;
      [, pos] = readLeb(bytes, pos);
      if (!drop.test(field)) kept.push(bytes.subarray(begin, pos));
    }
    return Buffer.from(section(7, [...leb(kept.length), ...Buffer.concat(kept)]));
  });
}

/** `bytes` without the custom sections called `drop`. */
export function withoutCustom(bytes, drop) {
  return rewriteSections(bytes, (s) => {
    if (s.id !== 0) return undefined;
    const [len, pos] = readLeb(bytes, s.start);
    return bytes.subarray(pos, pos + len).toString() === drop ? null : undefined;
  });
}
