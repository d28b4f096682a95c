//! The company profile form of the open workspace: name, employees, internal IT staff and industry.

use leptos::prelude::*;

use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::components::unique_id;
use crate::domain::edit::Changed;
use crate::domain::profile::{Industry, ProfileEdit, MAX_EMPLOYEES, MAX_NAME_CHARS};

/// The company profile of the open workspace; the tools take their defaults from it.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let lib = Lib::get();
    let profile = move || lib.0.with(|l| l.active().profile.clone());
    // Applies a change only if the whole profile stays valid; otherwise says why.
    let cross_error = RwSignal::new(None::<String>);
    let change = move |edit: ProfileEdit| {
        let mut outcome = Ok(Changed::No);
        lib.change_active(|ws| {
            outcome = ws.profile.apply(edit);
            outcome.is_ok_and(Changed::is_yes)
        });
        cross_error.set(outcome.err().map(|e| e.message().to_owned()));
    };
    let name_id = unique_id("company");
    let industry_id = unique_id("industry");
    let fit = move || profile().fit().map(|f| f.message());
    view! {
        <section class="panel" aria-labelledby="profile-title">
            <h2 id="profile-title">"Company profile"</h2>
            <p class="hint">
                "The tools use this for their defaults: the RACI template for your industry, and \
                    user counts for pricing."
            </p>
            <div class="form-grid">
                <div class="field">
                    <label for=name_id.clone()>"Company name"</label>
                    <input
                        id=name_id
                        type="text"
                        maxlength=MAX_NAME_CHARS.to_string()
                        autocomplete="organization"
                        prop:value=move || profile().company_name
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            change(ProfileEdit::CompanyName(v));
                        }
                    />
                </div>
                <NumberField
                    label="Employees"
                    value=Signal::derive(move || i64::from(profile().employees))
                    on_change=Callback::new(move |v: i64| change(ProfileEdit::Employees(v)))
                    min=1
                    max=i64::from(MAX_EMPLOYEES)
                />
                <NumberField
                    label="Internal IT staff"
                    value=Signal::derive(move || i64::from(profile().internal_it))
                    on_change=Callback::new(move |v: i64| change(ProfileEdit::InternalIt(v)))
                    min=0
                    max=i64::from(MAX_EMPLOYEES)
                    hint="People whose main job is IT, including the IT manager."
                />
                <div class="field">
                    <label for=industry_id.clone()>"Industry"</label>
                    <select
                        id=industry_id
                        on:change=move |ev| {
                            if let Some(i) = Industry::from_key(&event_target_value(&ev)) {
                                change(ProfileEdit::Industry(i));
                            }
                        }
                    >
                        {Industry::ALL
                            .into_iter()
                            .map(|i| {
                                view! {
                                    <option value=i.key() selected=move || profile().industry == i>
                                        {i.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="field-error" aria-live="polite">
                {move || cross_error.get()}
            </p>
            <Show when=move || fit().is_some()>
                <p class="advice">{fit}</p>
            </Show>
        </section>
    }
}
