//! The RACI builder's pure core: the matrix, its template, the checks that find the
//! gaps between internal IT and the MSP, and the file formats.

pub mod checks;
mod duties;
pub mod edit;
pub mod letters;
pub mod model;
pub mod template;

pub use edit::{EditError, Shift, TextField};
pub use letters::{Letter, Letters};
pub use model::{Category, Function, Id, Mark, Marks, Party, Raci, Side};
