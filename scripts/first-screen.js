// Inlined into index.html by scripts/post-build.mjs, which fills in the two names in
// capitals; the CSP allows it by its hash. It runs before the first paint: it shows the
// static first screen of the page the address names and marks a returning visitor (whose
// own data will replace parts of it). boot.js calls `splitlineShow` again when a link
// changes the page before the app has taken over, and `splitlinePreload` to fetch a
// page's wasm chunks once the first screen has painted.
(function () {
  var chunks = __CHUNKS__;
  var base = __BASE__;
  var doc = document;
  var pages = ['raci', 'scorecard', 'pricing', 'decision', 'workspaces'];
  // The same reading of the fragment as Route::parse in src/domain/route.rs, and of a
  // share link's first characters as LinkPage::of in src/domain/share/link_page.rs: a
  // request link (format 1, kind q) is a provider's, a response (kind a) the buyer's.
  function screenOf(hash) {
    var path = hash.replace(/^#/, '').split(/[?#]/)[0].replace(/^\/+|\/+$/g, '');
    if (path.slice(0, 2) === 's/') return { '1q': 'request', '1a': 'response' }[path.slice(2, 4)] || 'shared';
    if (path === '') return 'home';
    return pages.indexOf(path) >= 0 ? path : 'not-found';
  }
  // Every share link's page is in the same chunks.
  function pageOf(hash) {
    var screen = screenOf(hash);
    return screen === 'request' || screen === 'response' ? 'shared' : screen;
  }
  var preloaded = {};
  // Set once the app is about to start: it then fetches what it needs itself, and a
  // preload issued after its own request would be a second, unused download.
  var stopped = false;
  function preload(file) {
    if (preloaded[file] || stopped) return;
    preloaded[file] = true;
    var link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = base + file;
    doc.head.appendChild(link);
  }
  function show(hash) {
    var key = screenOf(hash);
    // A provider's header has none of the buyer's tools (main.css).
    if (key === 'request') doc.documentElement.setAttribute('data-audience', 'provider');
    else doc.documentElement.removeAttribute('data-audience');
    var app = doc.getElementById('app');
    if (!app || !app.hasAttribute('data-static')) return;
    if (app.getAttribute('data-static') === key) return;
    var template = doc.querySelector('template[data-page="' + key + '"]');
    app.replaceChildren(template.content.cloneNode(true));
    app.setAttribute('data-static', key);
    doc.title = template.getAttribute('data-title');
  }
  try {
    for (var i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i).indexOf('splitline.ws.') === 0) {
        doc.documentElement.classList.add('returning');
        break;
      }
    }
  } catch (e) {
    // Storage is blocked: as far as this page can tell, a new visitor.
  }
  window.splitlineShow = show;
  window.splitlineStopPreload = function () {
    stopped = true;
  };
  window.splitlinePreload = function (hash) {
    var files = (chunks[pageOf(hash)] || []).slice();
    // One request per task: asking for a file costs about a millisecond on a phone, so
    // a dozen at once would make a long task.
    (function next() {
      var file = files.shift();
      if (file) {
        preload(file);
        setTimeout(next, 0);
      }
    })();
  };
  show(location.hash);
})();
