//! The RACI builder's pure core: the matrix, its template, the checks that find the
//! gaps between internal IT and the MSP, the workload views, and the file
//! formats (CSV, Markdown, the SOW appendix).

pub mod apply;
pub mod checks;
pub mod csv;
mod duties;
pub mod edit;
mod integrity;
mod kinds;
pub mod letters;
pub mod markdown;
pub mod model;
pub mod redline;
pub mod same_fix;
pub mod sow;
pub mod template;
pub mod vocabulary;
pub mod workload;

pub use apply::{MatrixEdit, RaciEdit, Under};
pub use edit::{EditError, Shift, TextField};
pub use letters::{Letter, Letters};
pub use model::{Category, Function, Id, Mark, Marks, Party, Raci, Side};
pub use redline::Counter;

/// A file name stem from a workspace name: "Acme 2026 review" → "acme-2026-review".
pub fn slug(name: &str) -> String {
    crate::domain::text::slug_or(name, "raci")
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(super::slug("Acme 2026 review"), "acme-2026-review");
        assert_eq!(super::slug("  <img src=x>  "), "img-src-x");
        assert_eq!(super::slug("???"), "raci");
    }
}
