// Starts the WebAssembly app from a file rather than an inline script, so the page runs
// under a strict Content-Security-Policy:
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'
// Trunk writes the hashed file names into this tag's data attributes (Trunk.toml,
// pattern_script); URLs resolve relative to this file, so any sub-path works.
const tag = document.querySelector('script[data-js][data-wasm]');
const base = new URL('.', tag.src);
const { default: init } = await import(new URL(tag.dataset.js, base).href);
await init({ module_or_path: new URL(tag.dataset.wasm, base).href });
