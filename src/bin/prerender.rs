//! Prints the static first screen of every page as JSON for `scripts/post-build.mjs`,
//! which writes them into `index.html`: `{"raci": {"title": "…", "html": "<header>…"}, …}`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let pages: serde_json::Map<String, serde_json::Value> = splitline::prerender::PAGES
        .iter()
        .map(|(route, key)| {
            let page = serde_json::json!({
                "title": route.document_title(),
                "html": splitline::prerender::first_screen(*route),
            });
            ((*key).to_owned(), page)
        })
        .collect();
    println!("{}", serde_json::Value::Object(pages));
}

/// Rendering happens at build time, natively; there is nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
