// Markup stays readable: no line inside a `view!` macro is longer than 100 characters.
// rustfmt leaves macro bodies alone, so this is checked here (leptosfmt -m 100 wraps them;
// long text is continued with a trailing backslash, which Rust joins with no line break).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'src');
const files = readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.rs'));
const hits = [];
for (const file of files) {
  let inView = false;
  let depth = 0;
  readFileSync(join(root, file), 'utf8').split('\n').forEach((line, i) => {
    if (line.includes('view!')) {
      inView = true;
      depth = 0;
    }
    if (!inView) return;
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    const chars = [...line].length;
    if (chars > 100) hits.push(`src/${file}:${i + 1}: ${chars} characters`);
    const closes = line.includes('}') || /\)\s*$/.test(line);
    if (depth <= 0 && closes && !line.includes('view!')) inView = false;
  });
}
if (hits.length) {
  console.error(`view! lines over 100 characters:\n${hits.join('\n')}`);
  process.exit(1);
}
console.log(`view! lines: ok (${files.length} files, none over 100 characters)`);
