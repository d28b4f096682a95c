//! Pages that are not tools: home, workspaces, not found.

pub mod home;
pub mod loading;
pub mod not_found;
pub mod shared;
pub mod workspaces;
