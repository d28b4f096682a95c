// Loads the WebAssembly app. An external module rather than an inline script, so the
// Content-Security-Policy allows no inline code but the first-screen script it names by
// hash. scripts/post-build.mjs fills in the data-* attributes with the build's files.
//
// Until the app takes over, #app holds a static first screen (first-screen.js) that a
// visitor can already use: links change the screen, typing goes into the fields, and a
// click on a button is kept and replayed on the live page as soon as it has loaded.
const tag = document.querySelector('script[data-wasm]');
const app = document.getElementById('app');
const clicks = [];
let fields = [];
let focused = null;
let live = false;

// The position of an element under #app: the static screen and the live page are
// rendered from the same components, so the same path names the same control.
function pathOf(el) {
  const path = [];
  for (; el && el !== app; el = el.parentElement) path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
  return el === app ? path : null;
}

function find(path) {
  let el = app;
  for (const i of path ?? []) el = el?.children[i];
  return path ? el : null;
}

function changed(el) {
  if (el.type === 'file') return el.files.length > 0;
  if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
  if (el.tagName === 'SELECT') return [...el.options].some((o) => o.selected !== o.defaultSelected);
  return el.value !== el.defaultValue;
}

function keepClick(event) {
  if (!app?.hasAttribute('data-static')) return;
  const button = event.target instanceof Element ? event.target.closest('button, summary, [role="button"]') : null;
  if (!button || !app.contains(button)) return;
  event.preventDefault();
  clicks.push(pathOf(button));
  // Tells the visitor the click was taken (style/main.css shows it as busy).
  button.setAttribute('aria-busy', 'true');
  // What such a click brings (the RACI editor) is taller than the screen. Making room
  // now, while the click is recent input, drops the footer out of view at the click,
  // not seconds later when the editor arrives, which would be a layout shift.
  const main = app.querySelector('main');
  if (button.hasAttribute('data-fills-page') && main && !main.style.minHeight) {
    main.style.minHeight = `${main.offsetHeight + innerHeight}px`;
  }
}

document.addEventListener('click', keepClick, true);
window.addEventListener('hashchange', () => {
  // Only the static screen needs these: the live app loads a page's code itself.
  if (!app?.hasAttribute('data-static')) return;
  window.splitlineShow?.(location.hash);
  window.splitlinePreload?.(location.hash);
});

/** What the visitor did to a static field, by its place on the screen. */
function record(el, path = pathOf(el)) {
  return { path, value: el.value, checked: el.checked, files: el.files };
}

/** Does to the live field at the same place what the visitor did to the static one. */
function replay(field) {
  const el = find(field.path);
  if (!el) return;
  if (el.type === 'checkbox' || el.type === 'radio') {
    if (el.checked !== field.checked) el.click();
  } else if (el.type === 'file') {
    el.files = field.files;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    el.value = field.value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

// The app dispatches these around its first mount (src/takeover.rs).
document.addEventListener('splitline:leaving-static', () => {
  fields = [...app.querySelectorAll('input, select, textarea')].filter(changed).map((el) => record(el));
  focused = app.contains(document.activeElement) ? pathOf(document.activeElement) : null;
  // A file chooser or a list opened on the static screen can still be open when the app
  // takes over (a visitor takes seconds to choose a file): the choice then arrives on the
  // old field, out of the page, and is passed on from there.
  for (const el of app.querySelectorAll('input[type="file"], select')) {
    const path = pathOf(el);
    el.addEventListener('change', () => (live ? replay(record(el, path)) : fields.push(record(el, path))), { once: true });
  }
});

document.addEventListener('splitline:live', () => {
  live = true;
  document.removeEventListener('click', keepClick, true);
  fields.forEach(replay);
  find(focused)?.focus();
  for (const path of clicks.splice(0)) find(path)?.click();
});

// A fault in the app (a Rust panic) stops its code for good: src/browser/crash.rs calls
// this first. Plain script, so it still works: it says what happened, keeps the dead page
// from taking clicks, and offers the stored workspaces as a file the app can import.
window.splitlineCrashed = (detail) => {
  if (document.getElementById('crash')) return;
  const box = document.createElement('div');
  box.id = 'crash';
  box.className = 'notice error crash';
  box.setAttribute('role', 'alert');
  const say = (tag, text) => box.appendChild(Object.assign(document.createElement(tag), { textContent: text }));
  say('p', 'Splitline stopped because of a fault in the app. Your work is saved in this browser up to your last change. Download a copy of it, then reload the page.');
  const download = say('button', 'Download my workspaces');
  download.type = 'button';
  download.onclick = () => {
    const stored = Object.keys(localStorage).filter((k) => k.startsWith('splitline.ws.'));
    const envelopes = stored.map((k) => JSON.parse(localStorage.getItem(k)));
    // One file per stored format version, so the app upgrades each on import.
    for (const version of new Set(envelopes.map((e) => e.version))) {
      const workspaces = envelopes.filter((e) => e.version === version).map((e) => e.data);
      const file = JSON.stringify({ format: 'splitline', kind: 'library', version, data: { workspaces } }, null, 2);
      Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(new Blob([file], { type: 'application/json' })),
        download: `splitline-workspaces-recovered-v${version}.json`,
      }).click();
    }
  };
  const reload = say('button', 'Reload');
  reload.type = 'button';
  reload.className = 'secondary';
  reload.onclick = () => location.reload();
  say('p', `For a bug report: ${detail}`).className = 'hint';
  app.inert = true;
  app.before(box);
  download.focus();
};

// The downloads start once the static screen has painted, so they never hold it back
// (and the first paint is what a new visitor reads, in Lighthouse's trace too).
await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
window.splitlinePreload?.(location.hash);
const shell = fetch(tag.dataset.wasm);
// The durable copy of every save (copies.js): loaded after the first paint (in boot.js
// its 1.3 KB made boot.js one round trip longer, and the first paint 120 ms later), and
// its restore runs during the downloads, which take longer.
let started = false;
const copies = import(tag.dataset.copies).then((copy) => copy.restore(() => started));
const { default: init } = await import(tag.dataset.js);
// On a fast connection the app can start before the preloads above have all been asked
// for one by one; from here it asks for its files itself.
window.splitlineStopPreload?.();
// The app waits for the restore, but not for ever: Safari has had an IndexedDB that never
// answered on a first load. A restore that comes later writes nothing.
await Promise.race([copies.catch(() => {}), new Promise((late) => setTimeout(late, 1000))]);
started = true;
await init({ module_or_path: shell });

// Offline support: the worker sits next to this file, so it works from any sub-path.
// It starts once the page has loaded, so its downloads never compete with the app's.
if ('serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {
      // No offline copy (private mode, or an insecure origin); the app works regardless.
    });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
