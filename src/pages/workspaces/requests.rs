//! Requests for proposal: one link or file per provider, carrying what the buyer
//! chooses to disclose, the counts, the scorecard's questions and the proposed RACI.
//! Answers come back through the file import below or a response link.

use leptos::prelude::*;

use crate::browser::clock::{format_time, fresh_id, now_ms};
use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::components::link_out::{make_and_copy, LinkOut, LinkSlot};
use crate::components::unique_id;
use crate::domain::envelope::{self, Kind};
use crate::domain::files::slug;
use crate::domain::proposal::mask::mentions;
use crate::domain::proposal::request::{
    other_names, Disclose, Masked, Request, MAX_CONTACT_CHARS, MAX_NOTE_CHARS,
};
use crate::domain::share::body::{Sender, SharedDoc};
use crate::domain::text::and_list;

/// Builds the request to `provider` and records it as sent (keeping the id of one sent
/// before, so its answers still match). `Err` is a sentence to show.
/// `Ok` carries what the buyer should check in it (`checks_text`).
fn make(lib: Lib, provider: &str) -> Result<(Request, Option<String>), String> {
    let mut made = Err(String::new());
    let mut changed = false;
    // The same request sent again changes nothing to save.
    lib.change_active(|ws| {
        let id = ws.request_id(provider, || format!("{}{}", fresh_id(), fresh_id()));
        let at = ws.request_made_ms(provider, now_ms());
        made = Request::of(ws, provider, id, at, &ws.disclose).map(|(request, masked)| {
            changed = ws.note_sent(provider, &request);
            let others = other_names(ws, provider);
            let named = mentions(&request.buyer.note, &others, &request.provider);
            let check = checks_text(&masked, &named);
            (request, check)
        });
        changed
    });
    made.map_err(|why| format!("The request could not be made: {why}."))
}

/// Changes what the requests disclose; a change that changes nothing saves nothing.
fn edit(lib: Lib, change: impl FnOnce(&mut Disclose)) {
    lib.change_active(|ws| {
        let before = ws.disclose.clone();
        change(&mut ws.disclose);
        ws.disclose != before
    });
}

/// Where other providers' names were replaced, and words of their names the note still
/// has, for the buyer to check before sending.
fn checks_text(masked: &[Masked], named: &[(String, String)]) -> Option<String> {
    let places: Vec<&str> = masked.iter().map(|m| m.0.as_str()).collect();
    let mut out = Vec::new();
    if !places.is_empty() {
        out.push(format!(
            "Other providers' names were replaced by “another provider” in {}. Check the request reads well.",
            and_list(&places)
        ));
    }
    if !named.is_empty() {
        let words: Vec<String> = named.iter().map(|(w, n)| format!("“{w}” ({n})")).collect();
        out.push(format!(
            "Your note to the providers has {}: if it means another provider, change the note before you send it.",
            and_list(&words)
        ));
    }
    (!out.is_empty()).then(|| out.join(" "))
}

fn company_label(name: &str) -> String {
    match name {
        "" => "Name your company (set its name in the profile above)".to_owned(),
        name => format!("Name your company ({name}); otherwise only its industry and size"),
    }
}

#[component]
pub fn Requests() -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let slot = LinkSlot::default();
    // The provider the link on screen is for.
    let made_for = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let providers = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            ws.providers
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let link = move |provider: String| {
        error.set(None);
        slot.clear();
        match make(lib, &provider) {
            Err(why) => error.set(Some(why)),
            Ok((request, check)) => {
                message.set(Some(check.unwrap_or_default()));
                made_for.set(request.provider.clone());
                let sender = Sender {
                    by: request.buyer.contact.clone(),
                    at_ms: request.made_ms,
                };
                make_and_copy(SharedDoc::Request(Box::new(request)), sender, slot, error);
            }
        }
    };
    let file = move |provider: String| {
        error.set(None);
        // The last link was for someone else, maybe, or is still being made: a file goes
        // to this one.
        slot.clear();
        match make(lib, &provider) {
            Err(why) => error.set(Some(why)),
            Ok((request, check)) => {
                message.set(check);
                let name = format!("splitline-request-{}.json", slug(&request.provider));
                offer(
                    notices,
                    &name,
                    "application/json",
                    &envelope::encode_pretty(Kind::Request, &request),
                );
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="requests-title">
            <h2 id="requests-title">"Requests for proposal"</h2>
            <p class="hint">
                "Send each provider a link or a file that asks for their quote, their answers to \
                    your scorecard's questions and their position on your RACI. They answer in \
                    their own browser, with no account, and send a response back for you to import \
                    here. A request never carries your weights, scores, notes, other providers or \
                    their prices. Other providers' names are replaced by “another provider” \
                    wherever you wrote them; any figure you write in your note to the providers \
                    goes as you wrote it."
            </p>
            <DiscloseFields />
            <Show
                when=move || providers.with(|p| !p.is_empty())
                fallback=|| {
                    view! {
                        <p class="hint">
                            "Add the providers you are evaluating, in the scorecard or the \
                                pricing comparison, to send them requests."
                        </p>
                    }
                }
            >
                <ul class="request-list">
                    <For each=move || providers.get() key=String::clone let(id)>
                        <RequestRow
                            id=id
                            on_link=Callback::new(link)
                            on_file=Callback::new(file)
                        />
                    </For>
                </ul>
            </Show>
            <p class="field-error" role="alert">{move || error.get()}</p>
            {move || {
                message
                    .get()
                    .filter(|m| !m.is_empty())
                    .map(|m| view! { <p class="notice warning">{m}</p> })
            }}
            <LinkOut made=slot.made label="Request link" to=made_for />
        </section>
    }
}

/// What every request of the round tells the providers about the buyer, kept in the
/// workspace: a request sent next week says what this one said.
#[component]
fn DiscloseFields() -> impl IntoView {
    let lib = Lib::get();
    let disclose = move || lib.0.with(|l| l.active().disclose.clone());
    let company_name = move || {
        lib.0
            .with(|l| l.active().profile.company_name.trim().to_owned())
    };
    let company_id = unique_id("disclose-company");
    let contact_id = unique_id("request-contact");
    let note_id = unique_id("request-note");
    view! {
        <div class="form-grid">
            <div class="request-check">
                <input
                    id=company_id.clone()
                    type="checkbox"
                    prop:checked=move || disclose().company
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit(lib, |d| d.company = on);
                    }
                />
                <label for=company_id>
                    {move || company_label(&company_name())}
                </label>
            </div>
            <div class="field">
                <label for=contact_id.clone()>"Your name and how to reach you"</label>
                <input
                    id=contact_id
                    type="text"
                    autocomplete="email"
                    maxlength=MAX_CONTACT_CHARS.to_string()
                    prop:value=move || disclose().contact
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit(lib, |d| d.contact = text);
                    }
                />
            </div>
        </div>
        <div class="field">
            <label for=note_id.clone()>"Note to the providers (deadline, call dates)"</label>
            <textarea
                id=note_id
                rows="2"
                maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || disclose().note
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(lib, |d| d.note = text);
                }
            ></textarea>
        </div>
    }
}

/// One provider: when its request was sent, and the link and file buttons.
#[component]
fn RequestRow(id: String, on_link: Callback<String>, on_file: Callback<String>) -> impl IntoView {
    let lib = Lib::get();
    let pid = StoredValue::new(id);
    let name = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            ws.providers
                .iter()
                .find(|p| p.id == pid.get_value())
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    });
    let status = move || {
        lib.0.with(|l| match l.active().sent(&pid.get_value()) {
            Some(s) => match s.answered_ms {
                Some(at) if at > 0 && s.answered_earlier() => format!(
                    " Sent again with changes {}. Answered the earlier version {}; no response \
                     to this one yet.",
                    format_time(s.made_ms),
                    format_time(at)
                ),
                Some(at) if at > 0 => format!(
                    " Sent {}. Answered {}{}.",
                    format_time(s.made_ms),
                    format_time(at),
                    s.contact
                        .as_ref()
                        .map(|c| format!(" by {c}"))
                        .unwrap_or_default()
                ),
                _ => format!(
                    " Sent {}. No response brought in yet.",
                    format_time(s.made_ms)
                ),
            },
            None => " Not sent yet.".to_owned(),
        })
    };
    // Built from the workspace as it is now: a change anywhere that a request carries.
    let changed = move || {
        lib.0
            .with(|l| l.active().changed_since_sent(&pid.get_value()))
    };
    view! {
        <li>
            <strong>{name}</strong>
            <span class="request-status">
                <span class="hint">{status}</span>
                <Show when=changed>
                    <span class="changed-since">
                        "You changed what the request asks since: send it again so they answer \
                            the latest version."
                    </span>
                </Show>
            </span>
            <button type="button" on:click=move |_| on_link.run(pid.get_value())>
                "Copy request link"
                <span class="visually-hidden">{move || format!(" for {}", name.get())}</span>
            </button>
            <button type="button" class="secondary" on:click=move |_| on_file.run(pid.get_value())>
                "Download request file"
                <span class="visually-hidden">{move || format!(" for {}", name.get())}</span>
            </button>
        </li>
    }
}
