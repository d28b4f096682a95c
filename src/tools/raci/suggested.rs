//! The notice after the app marked functions by their names in one go (functions stored
//! before kinds were suggested, or read from a file that gave them none): which functions
//! and kinds, and a choice to keep them or take them all back.

use leptos::prelude::*;

use super::ctx::Editor;
use crate::domain::raci::RaciEdit;

#[component]
pub fn SuggestedNotice() -> impl IntoView {
    let editor = Editor::get();
    let lines = Memo::new(move |_| {
        editor.suggested.with(|s| {
            let Some(s) = s else { return None };
            let list = editor.with_settled(|r| {
                r.rows()
                    .into_iter()
                    .filter(|f| s.functions.contains(&f.id) && !f.inferred.is_empty())
                    .map(|f| {
                        let kinds: Vec<&str> = f.inferred.iter().map(|m| m.kind()).collect();
                        format!("{}: {}", f.name, kinds.join(", "))
                    })
                    .collect::<Vec<_>>()
            });
            let n = list.len();
            let intro = if s.from_file {
                let (them, whose) = if n == 1 { ("it was", "its name") } else { ("they were", "their names") };
                format!("The file gave no kinds for {n} function{}, so {them} marked by {whose} and the checks apply to {}:", plural(n), if n == 1 { "it" } else { "them" })
            } else {
                let (was, whose) = if n == 1 { ("functions was", "its name") } else { ("functions were", "their names") };
                format!("Splitline now reads function names: {n} of your {was} marked by {whose}, so the checks apply to them:")
            };
            (n > 0).then_some((intro, list))
        })
    });
    let keep = move |_| {
        editor.suggested.set(None);
        editor.say("Kept the marks. Each function's details say why it has them.");
    };
    let undo = move |_| {
        let ids = editor
            .suggested
            .with_untracked(|s| s.as_ref().map(|s| s.functions.clone()).unwrap_or_default());
        let _ = editor.apply(RaciEdit::DeclineSuggestions(ids));
        editor.suggested.set(None);
        editor.say("Took the marks back. They will not be suggested again; Undo restores them.");
    };
    view! {
        {move || {
            lines
                .get()
                .map(|(intro, list)| {
                    view! {
                        <div
                            class="notice info suggested-kinds no-print"
                            role="status"
                            data-testid="raci-suggested"
                        >
                            <p>{intro}</p>
                            <ul>
                                {list.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                            </ul>
                            <p class="actions">
                                <button type="button" on:click=keep>
                                    "Keep these marks"
                                </button>
                                <button type="button" class="secondary" on:click=undo>
                                    "Undo these marks"
                                </button>
                            </p>
                        </div>
                    }
                })
        }}
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
