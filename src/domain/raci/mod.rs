//! The RACI builder's pure core: the matrix, its template, the checks that find the
//! gaps between internal IT and the MSP, the workload views, undo history and the file
//! formats (CSV, Markdown, the SOW appendix).

pub mod checks;
pub mod csv;
mod duties;
pub mod edit;
pub mod history;
pub mod letters;
pub mod markdown;
pub mod model;
pub mod sow;
pub mod template;
pub mod workload;

pub use edit::{EditError, Shift, TextField};
pub use letters::{Letter, Letters};
pub use model::{Category, Function, Id, Mark, Marks, Party, Raci, Side};
