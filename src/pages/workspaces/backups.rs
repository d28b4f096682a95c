//! Unreadable data set aside at start-up: listed, downloadable as text, and deletable.

use leptos::prelude::*;

use crate::browser::download::offer;
use crate::browser::persistence::Saver;
use crate::browser::state::Notices;

/// Unreadable data kept from earlier starts: downloadable, and deletable on request.
#[component]
pub fn Backups() -> impl IntoView {
    let saver = expect_context::<Saver>();
    let notices = expect_context::<Notices>();
    let keys = RwSignal::new(saver.backups());
    let download = move |key: String| {
        if let Some(raw) = saver.read(&key) {
            offer(
                notices,
                &format!("{}.txt", key.replace('.', "-")),
                "text/plain",
                &raw,
            );
        }
    };
    let forget = move |key: String| {
        saver.remove(&key);
        keys.set(saver.backups());
    };
    view! {
        <Show when=move || !keys.get().is_empty()>
            <section class="panel" aria-labelledby="backups-title">
                <h2 id="backups-title">"Unreadable data kept in this browser"</h2>
                <p class="hint">
                    "Splitline could not read these when it started, so it set them aside instead \
                        of deleting them. Download one to recover its text, or delete it once you \
                        have what you need."
                </p>
                <ul class="backup-list">
                    <For each=move || keys.get() key=|k| k.clone() let(key)>
                        <li>
                            <code>{key.clone()}</code>
                            <button
                                type="button"
                                class="secondary"
                                on:click={
                                    let key = key.clone();
                                    move |_| download(key.clone())
                                }
                            >
                                "Download"
                            </button>
                            <button
                                type="button"
                                class="secondary danger"
                                on:click={
                                    let key = key.clone();
                                    move |_| forget(key.clone())
                                }
                            >
                                "Delete"
                            </button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
