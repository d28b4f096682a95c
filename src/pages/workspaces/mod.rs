//! Managing workspaces and the company profile of the open one.

mod backups;
mod list;
mod profile;
mod requests;
mod transfer;

use leptos::prelude::*;

use crate::browser::open_docs::open_all;
use crate::components::page_intro::PageIntro;
use crate::domain::route::Route;

#[component]
pub fn WorkspacesPage() -> impl IntoView {
    open_all();
    view! {
        <PageIntro route=Route::Workspaces />
        <list::WorkspaceList />
        <profile::ProfileForm />
        <requests::Requests />
        <transfer::Transfer />
        <backups::Backups />
    }
}
