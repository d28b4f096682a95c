//! Where the wasm is cut: each tool, the workspaces page and the shared-link pages load
//! their code the first time they open, so a new visitor downloads the shell and one tool.
//!
//! With the `split` feature (release builds through `scripts/build-wasm.mjs`), each
//! `split_point!` becomes a `wasm_split` import: the function's code moves into its own
//! wasm file, fetched on the first call. Without it (tests, clippy, native builds) the
//! same functions are plain `async fn`s, so the app also runs as one unsplit binary.

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::domain::share::body::{Sender, SharedDoc};

/// A page's code could not be fetched: offline before it was ever loaded, or the site
/// was updated and the old files are gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Declares a function whose code lives in the named chunk; callers `.await` it. Tools
/// use it for features that wait for a click (file import and export, share links).
macro_rules! split_point {
    // A page: also gets a preload function, to fetch its chunk before the first mount.
    ($(#[$doc:meta])* $chunk:ident, $preload:ident,
     fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::NotLoaded> $body

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::NotLoaded> $body

        #[cfg(not(feature = "split"))]
        async fn $preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
    // A feature behind a click: loaded when first called.
    ($(#[$doc:meta])* $chunk:ident,
     fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::NotLoaded> $body

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::NotLoaded> $body
    };
}
pub(crate) use split_point;

split_point! {
    /// The RACI builder.
    raci, preload_raci, fn raci_page() -> AnyView {
        Ok(view! { <crate::tools::raci::RaciPage /> }.into_any())
    }
}

split_point! {
    /// The provider scorecard.
    scorecard, preload_scorecard, fn scorecard_page() -> AnyView {
        Ok(view! { <crate::tools::scorecard::ScorecardPage /> }.into_any())
    }
}

split_point! {
    /// The pricing comparison.
    pricing, preload_pricing, fn pricing_page() -> AnyView {
        Ok(view! { <crate::tools::pricing::PricingPage /> }.into_any())
    }
}

split_point! {
    /// Managing workspaces: list, profile, files and backups.
    workspaces, preload_workspaces, fn workspaces_page() -> AnyView {
        Ok(view! { <crate::pages::workspaces::WorkspacesPage /> }.into_any())
    }
}

split_point! {
    /// A share link opened read-only.
    shared, preload_shared, fn shared_page() -> AnyView {
        Ok(view! { <crate::pages::shared::SharedPage /> }.into_any())
    }
}

split_point! {
    /// Makes a share link (deflate with the preset dictionary, then base64). It sits
    /// with the shared-link pages, which hold the other half of the codec.
    shared, fn make_link(doc: SharedDoc, sender: Sender) -> String {
        Ok(doc.link(&sender))
    }
}

/// Whether a route's code sits in a chunk of its own.
pub fn is_split(route: Route) -> bool {
    !matches!(route, Route::Home | Route::NotFound)
}

/// Builds the page for a route whose code is in a chunk, fetching the chunk if needed.
pub async fn page(route: Route) -> Result<AnyView, NotLoaded> {
    match route {
        Route::Raci => raci_page().await,
        Route::Scorecard => scorecard_page().await,
        Route::Pricing => pricing_page().await,
        Route::Workspaces => workspaces_page().await,
        Route::Shared => shared_page().await,
        Route::Home | Route::NotFound => Err(NotLoaded),
    }
}

/// Fetches a route's chunk without building anything (before the first mount, or when
/// the pointer or focus reaches a link to it). Failures surface when the page opens.
pub async fn preload(route: Route) {
    let _ = match route {
        Route::Raci => preload_raci().await,
        Route::Scorecard => preload_scorecard().await,
        Route::Pricing => preload_pricing().await,
        Route::Workspaces => preload_workspaces().await,
        Route::Shared => preload_shared().await,
        Route::Home | Route::NotFound => Ok(()),
    };
}
