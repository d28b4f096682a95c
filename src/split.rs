//! How a function's code becomes a chunk of its own.
//!
//! With the `split` feature (release builds through `scripts/post-build.mjs`), each
//! `split_point!` becomes a `wasm_split` import: the function's code moves into its own
//! wasm file, fetched on the first call. Without it (tests, clippy, native builds) the
//! same functions are plain `async fn`s, so the app also runs as one unsplit binary.
//! `chunks.rs` names the app's cuts; tools name their own.

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
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::NotLoaded> $body

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::NotLoaded> $body

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
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::NotLoaded> $body

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::NotLoaded> $body
    };
}
pub(crate) use split_point;
