//! Pages that are not tools: home, the decision brief, workspaces, not found.

pub mod decision;
pub mod home;
pub mod loading;
pub mod not_found;
pub mod shared;
pub mod workspaces;
