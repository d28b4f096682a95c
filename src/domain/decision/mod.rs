//! The decision brief (issue 13): the numbers that join the scorecard, the quotes and the
//! RACI into one recommendation. Built here first, in the pure core, with hand-checked
//! tests; the page that renders them comes next. So far: the value chart (`value`) and its frontier (`frontier`).

pub mod frontier;
pub mod value;
