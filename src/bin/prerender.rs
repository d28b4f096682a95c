//! Prints the static first screen of every page as JSON for `scripts/post-build.mjs`,
//! which writes them into `index.html`: `{"raci": {"title": "…", "html": "<header>…"}, …}`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use splitline::domain::share::link_page::LinkPage;
    use splitline::prerender::{first_screen, link_screen, PAGES};
    let page = |title: String, html: String| serde_json::json!({ "title": title, "html": html });
    let mut pages = serde_json::Map::new();
    for (route, key) in PAGES {
        pages.insert(
            key.to_owned(),
            page(route.document_title(), first_screen(route)),
        );
    }
    for link in LinkPage::ALL {
        pages.insert(
            link.key().to_owned(),
            page(link.document_title(), link_screen(link)),
        );
    }
    println!("{}", serde_json::Value::Object(pages));
}

/// Rendering happens at build time, natively; there is nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
