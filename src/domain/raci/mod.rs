//! The RACI builder's pure core: the matrix, its template, the checks that find the
//! gaps between internal IT and the MSP, the workload views, undo history and the file
//! formats (CSV, Markdown, the SOW appendix).

pub mod checks;
pub mod csv;
mod duties;
pub mod edit;
pub mod history;
mod integrity;
pub mod letters;
pub mod markdown;
pub mod model;
pub mod sow;
pub mod template;
pub mod workload;

pub use edit::{EditError, Shift, TextField};
pub use letters::{Letter, Letters};
pub use model::{Category, Function, Id, Mark, Marks, Party, Raci, Side};

/// A file name stem from a workspace name: "Acme 2026 review" → "acme-2026-review".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "raci".to_owned()
    } else {
        out.chars().take(60).collect()
    }
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
