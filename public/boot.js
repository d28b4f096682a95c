// Loads the WebAssembly app. An external module rather than trunk's inline script, so
// the Content-Security-Policy can forbid inline scripts. Trunk fills in the data-*
// attributes with the hashed file names (see pattern_script in Trunk.toml).
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });

// Offline support: the worker sits next to this file, so it works from any sub-path.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {
    // No offline copy (private mode, or an insecure origin); the app works regardless.
  });
}
