//! One cell of the score grid: 0 to 5 or N typed in, Delete clears, arrow keys and Enter move.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::live::Selected;
use super::live::{CellView, Live};
use super::sig::text;
use crate::domain::anchor::{dom_id, score_cell};
use crate::domain::scorecard::model::Score;

fn shown(view: &CellView) -> String {
    label(view.score)
}

/// A score as the cell shows it; nothing for no score.
fn label(score: Option<Score>) -> String {
    score.map(Score::label).unwrap_or_default()
}

/// The input an event happened in.
fn input_of(ev: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target().and_then(|t| t.dyn_into().ok())
}

fn classes(view: &CellView) -> &'static str {
    match (view.disagree, view.agreed.is_some()) {
        (true, _) => "sc-cell disagree",
        (false, true) => "sc-cell agreed",
        _ => "sc-cell",
    }
}

/// Moves focus to the cell `dp` providers across and `dc` criteria down, if any.
fn move_focus(live: Live, provider: &str, criterion: &str, dp: i32, dc: i32) {
    let providers = live.providers.get_untracked();
    let criteria = live.criteria.get_untracked();
    let step = |list: &[String], at: &str, d: i32| -> Option<String> {
        let i = list.iter().position(|x| x == at)? as i32 + d;
        usize::try_from(i).ok().and_then(|i| list.get(i)).cloned()
    };
    let (Some(p), Some(c)) = (
        step(&providers, provider, dp),
        step(&criteria, criterion, dc),
    ) else {
        return;
    };
    if let Some(input) = document()
        .get_element_by_id(&score_cell(&p, &c))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Makes `input` the grid's one Tab stop. The arrow keys move between cells, so Tab
/// steps into the grid at the cell last used and out past it, not through every cell
/// (20 providers × 30 criteria would be 600 stops).
fn take_tab_stop(input: &web_sys::HtmlInputElement) {
    if input.tab_index() == 0 {
        return;
    }
    if let Ok(Some(table)) = input.closest(".sc-grid") {
        if let Ok(Some(old)) = table.query_selector("input[tabindex='0']") {
            let _ = old.set_attribute("tabindex", "-1");
        }
    }
    input.set_tab_index(0);
}

/// Gives the first cell of `table` the grid's Tab stop when no cell has it: on the first
/// render, and after the cell that had it went with its provider or criterion. Searched
/// in the table, which may not be in the document yet on a first load.
pub fn keep_a_tab_stop(table: &web_sys::Element) {
    if let Ok(None) = table.query_selector("input[tabindex='0']") {
        if let Ok(Some(first)) = table.query_selector("tbody input") {
            let _ = first.set_attribute("tabindex", "0");
        }
    }
}

/// Writes the new score into the input at once, selected so the next key replaces it.
/// The page's update then finds it already shown: setting a focused input to a different
/// value moves its selection, which forces a layout of the whole grid after the update
/// has changed it (5 to 9 ms at 20 providers × 100 criteria); here layout is still clean.
fn show_now(ev: &web_sys::KeyboardEvent, score: Option<Score>) {
    if let Some(input) = input_of(ev) {
        input.set_value(&label(score));
        input.select();
    }
}

/// What the grid says to a screen reader about a refused key (`refuse`), in the grid's
/// one status line.
#[derive(Clone, Copy)]
pub struct GridSay(pub RwSignal<String>);

/// Says beside the cell of `ev`, and to a screen reader, why what was typed is refused;
/// `None` takes it away (and does nothing at the keys of a cell that shows none).
fn refuse(ev: &web_sys::Event, why: Option<String>) {
    let Some(td) = input_of(ev).and_then(|i| i.parent_element()) else {
        return;
    };
    let _ = match &why {
        Some(why) => td.set_attribute("data-refused", why),
        None if td.has_attribute("data-refused") => td.remove_attribute("data-refused"),
        None => return,
    };
    // try_: blur also fires as the page goes, its signals gone.
    if let Some(say) = use_context::<GridSay>() {
        say.0.try_set(why.unwrap_or_default());
    }
}

/// Why "3.5" is refused, and what the cell keeps.
fn no_halves(score: Option<Score>) -> String {
    match score {
        Some(s) => format!("Whole points only, 0 to 5: the cell keeps {}.", s.label()),
        None => "Whole points only, 0 to 5: the cell stays empty.".to_owned(),
    }
}

/// One score cell of the grid: type 0 to 5 or N, Delete clears, arrows move.
#[component]
pub fn GridCell(provider: String, criterion: String, selected: Selected) -> impl IntoView {
    let live = expect_context::<Live>();
    let view = live.cell(&provider, &criterion);
    let labelled_by = format!(
        "{} {}",
        dom_id("sc-c", &criterion),
        dom_id("sc-p", &provider)
    );
    let input_id = score_cell(&provider, &criterion);
    let ids = StoredValue::new((provider, criterion));
    let set = move |score: Option<Score>| {
        let (provider, criterion) = ids.get_value();
        live.score(provider, criterion, score);
    };
    // After "." or ",": the digit that follows is the fraction, not a new score ("3.5"
    // had saved 5).
    let half = StoredValue::new(false);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        // A touch keyboard's keys come as "Unidentified": `on_input` reads what they typed.
        if matches!(key.as_str(), "Unidentified" | "Process") {
            return;
        }
        if matches!(key.as_str(), "." | ",") {
            ev.prevent_default();
            half.set_value(true);
            refuse(&ev, Some(no_halves(view.with_untracked(|v| v.score))));
            return;
        }
        if half.get_value() {
            half.set_value(false);
            if key.len() == 1 && key.chars().all(|c| c.is_ascii_digit()) {
                ev.prevent_default();
                return;
            }
        }
        refuse(&ev, None);
        let (p, c) = ids.get_value();
        let motion = match key.as_str() {
            "ArrowUp" => Some((0, -1)),
            "ArrowDown" | "Enter" => Some((0, 1)),
            "ArrowLeft" => Some((-1, 0)),
            "ArrowRight" => Some((1, 0)),
            _ => None,
        };
        if let Some((dp, dc)) = motion {
            ev.prevent_default();
            move_focus(live, &p, &c, dp, dc);
            return;
        }
        let score = match key.as_str() {
            "Backspace" | "Delete" => None,
            k if k.chars().count() == 1 => match Score::parse(k) {
                Some(score) => Some(score),
                None => {
                    ev.prevent_default();
                    return;
                }
            },
            _ => return,
        };
        ev.prevent_default();
        show_now(&ev, score);
        set(score);
    };
    let view_for_input = view;
    // On-screen keyboards may not report keys; read what was typed instead.
    let on_input = move |ev: web_sys::Event| {
        let typed = event_target_value(&ev);
        let last: String = typed.chars().last().map(String::from).unwrap_or_default();
        // Touch keyboards report no keys: the "." and the digit after it come here.
        let fraction = half.get_value() && last.chars().all(|c| c.is_ascii_digit());
        half.set_value(typed.contains(['.', ',']));
        let score = if half.get_value() {
            refuse(
                &ev,
                Some(no_halves(view_for_input.with_untracked(|v| v.score))),
            );
            None
        } else if fraction {
            None
        } else {
            Score::parse(&typed).or_else(|| Score::parse(&last))
        };
        match score {
            Some(score) => set(Some(score)),
            None if typed.is_empty() => set(None),
            None => {
                if let Some(input) = input_of(&ev) {
                    input.set_value(&view_for_input.with_untracked(shown));
                }
            }
        }
    };
    let on_blur = move |ev: web_sys::FocusEvent| {
        half.try_set_value(false);
        refuse(&ev, None);
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some(input) = input_of(&ev) {
            take_tab_stop(&input);
        }
        let current = ids.get_value();
        if selected.with_untracked(|s| s.as_ref() != Some(&current)) {
            selected.set(Some(current));
        }
    };
    let (value_view, class_view, mark_view) = (view, view, view);
    view! {
        <td class=text(move || class_view.with(classes).to_owned())>
            <input
                id=input_id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                spellcheck="false"
                maxlength="3"
                tabindex="-1"
                // Not free text: Ctrl+Z here undoes the scorecard (components/doc.rs).
                data-doc-keys=""
                aria-labelledby=labelled_by
                prop:value=text(move || value_view.with(shown))
                on:keydown=on_key
                on:input=on_input
                on:focus=on_focus
                on:blur=on_blur
            />
            <span class="sc-marks" aria-hidden="true">
                {text(move || {
                    mark_view
                        .with(|v| {
                            let mut marks = String::new();
                            if v.has_note {
                                marks.push('•');
                            }
                            if v.has_claim {
                                marks.push('“');
                            }
                            if v.disagree {
                                marks.push('≠');
                            }
                            if let Some(a) = v.agreed {
                                marks.push_str(&format!("={}", a.label()));
                            }
                            marks
                        })
                })}
            </span>
        </td>
    }
}
