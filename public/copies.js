// A durable copy of every write to localStorage, in IndexedDB. src/browser/storage.rs
// hands each write and removal to `splitlineCopy`; boot.js loads this module after the
// first paint and waits (at most 1 s) for `restore` before it starts the app.
//
// Chromium puts localStorage on disk late and in batches, later still after many writes,
// so a browser killed mid-call lost work that showed as saved. A write here is on disk
// once its transaction completes. Every copy carries a stamp, and localStorage keeps the
// latest stamp it was given (MARK): localStorage commits in order, so copies stamped
// after its MARK are exactly the writes it lost.
const COPIES = 'copies';
const MARK = 'splitline:copied-at';
let db = null;
let opening;
// Whether IndexedDB ever answered: Safari has had one that never did on a first load,
// and saves must not queue up for it.
let answered = false;
let copying = true;
let late = () => false;

function openCopies() {
  opening ??= new Promise((done) => {
    try {
      const request = indexedDB.open('splitline', 1);
      request.onupgradeneeded = () => request.result.createObjectStore(COPIES).createIndex('at', 'at');
      request.onsuccess = () => {
        answered = true;
        db = request.result;
        // A newer build asking for the database, or the browser closing it: let it go,
        // and open it again on the next write.
        db.onversionchange = db.onclose = () => {
          db?.close();
          db = null;
          opening = undefined;
        };
        done(db);
      };
      request.onerror = () => {
        answered = true;
        done(null);
      };
    } catch {
      done(null); // No IndexedDB (some private modes): localStorage alone, as before.
    }
  });
  return opening;
}

const markOf = () => Number(localStorage.getItem(MARK)) || 0;

/** Keeps a copy of `text` under `key`; null records a removal. */
window.splitlineCopy = (key, text) => {
  if (!copying || (!db && !answered && late())) return;
  const at = Math.max(Date.now(), markOf() + 1);
  try {
    localStorage.setItem(MARK, String(at));
  } catch {
    // A full storage: the copy is still kept, and restoring it later changes nothing.
  }
  const put = (open) => {
    try {
      open.transaction(COPIES, 'readwrite').objectStore(COPIES).put({ key, text, at }, key);
    } catch {
      // Closed under us: the next write opens it again.
    }
  };
  // At once where the database is open: the last save runs as the tab closes, and a
  // request not sent by then is never sent.
  if (db) put(db);
  else openCopies().then((open) => open && put(open));
};

/** Puts back into localStorage the writes it lost, oldest first. */
function restoreLost(open) {
  return new Promise((done, fail) => {
    const store = open.transaction(COPIES, 'readwrite').objectStore(COPIES);
    const lost = store.index('at').getAll(IDBKeyRange.lowerBound(markOf(), true));
    lost.onerror = fail;
    lost.onsuccess = () => {
      if (late()) return done();
      try {
        for (const { key, text, at } of lost.result) {
          if (text === null) localStorage.removeItem(key);
          else localStorage.setItem(key, text);
          localStorage.setItem(MARK, String(Math.max(markOf(), at)));
        }
      } catch (full) {
        return fail(full); // What was put back stays; the rest waits for the next start.
      }
      // A removal a day old is on disk in localStorage too: its copy can go.
      const old = store.index('at').openCursor(IDBKeyRange.upperBound(Date.now() - 86_400_000));
      old.onsuccess = () => {
        const cursor = old.result;
        if (!cursor) return done();
        if (cursor.value.text === null) cursor.delete();
        cursor.continue();
      };
      old.onerror = fail;
    };
  });
}

/** Puts back what localStorage lost, unless `started()` says the app already reads it.
 *  Only while no other tab of the app runs: a tab that runs has restored at its own
 *  start, and has written since, in storage this tab may not see yet. */
export async function restore(started) {
  late = started;
  let cleared = false;
  try {
    cleared = localStorage.getItem(MARK) === null;
    if (cleared) localStorage.setItem(MARK, '0');
  } catch {
    copying = false; // Without a mark, no copy could be told from a lost write.
  }
  const open = copying && (await openCopies());
  if (!open) return;
  // No mark means localStorage was emptied on purpose (a first start writes the mark
  // seconds before any work could be lost): the copies of what it held go with it.
  if (cleared) open.transaction(COPIES, 'readwrite').objectStore(COPIES).clear();
  const locks = navigator.locks;
  if (!locks) return cleared || restoreLost(open);
  await locks.request('splitline-restore', async () => {
    const { held, pending } = await locks.query();
    const running = [...held, ...pending].some((lock) => lock.name === 'splitline-running');
    if (!running && !cleared) await restoreLost(open);
    // Held while this page lives; the next tab to start sees it.
    locks.request('splitline-running', { mode: 'shared' }, () => new Promise(() => {}));
  });
}
