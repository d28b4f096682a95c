//! Who is asking and for what, and how much of the response is done.

use leptos::prelude::*;

use super::Draft;
use crate::browser::clock::format_time;
use crate::components::page_jumps::PageJumps;
use crate::domain::pricing::environment::{EMPLOYEES_PER_NETWORK_DEVICE, EMPLOYEES_PER_SERVER};
use crate::domain::profile::Industry;
use crate::domain::proposal::request::Request;
use crate::domain::proposal::response::ChangedRows;
use crate::domain::text::{and_list, lower};

/// "Acme Legal LLP" or "A legal company", with its size (a clause: it ends in a comma).
fn asker(request: &Request) -> String {
    let b = &request.buyer;
    let who = match (b.company.is_empty(), b.industry) {
        (false, _) => b.company.clone(),
        (true, Industry::General) => "A company".to_owned(),
        (true, industry) => format!("A {} company", lower(industry.label())),
    };
    format!(
        "{who}, {} employees with {} in internal IT,",
        b.employees, b.internal_it
    )
}

/// The counts every figure on the page uses, saying which the buyer gave and which are
/// estimated from the company's size (the page said "not given" and priced them anyway).
fn counts(request: &Request) -> String {
    let (e, c) = (&request.env, request.counts());
    let n = |given: Option<u32>, used: u32| match given {
        Some(_) => used.to_string(),
        None => format!("{used} (estimated)"),
    };
    let estimated = if [e.users, e.workstations, e.servers, e.network].contains(&None) {
        format!(
            " Estimated counts follow the company's {} employees: a user and a workstation \
                per employee, a server per {EMPLOYEES_PER_SERVER} (at least 1) and a network \
                device per {EMPLOYEES_PER_NETWORK_DEVICE} (at least 2).",
            request.buyer.employees.max(1)
        )
    } else {
        String::new()
    };
    format!(
        "Users: {}. Workstations: {}. Servers: {}. Network devices: {}.{estimated}",
        n(e.users, c.users),
        n(e.workstations, c.workstations),
        n(e.servers, c.servers),
        n(e.network, c.network)
    )
}

fn yearly_use(request: &Request) -> String {
    let u = &request.usage;
    format!(
        "Expected each year: {} project hours, {} advisory hours, {} after-hours incidents, {} hours of compliance work, {} site visits.",
        u.project_hours, u.advisory_hours, u.incidents, u.compliance_hours, u.visits
    )
}

/// Said at the top when a draft carries over to the request sent again with changes:
/// `reworded` names the questions whose answers were written for an earlier wording;
/// `dropped` counts the answers and the positions on parts the buyer removed.
pub fn resent_text(reworded: &[String], dropped: (usize, usize), rows: &ChangedRows) -> String {
    let (again, adopted, to_check) = (&rows.again, &rows.adopted, &rows.to_check);
    let mut text = "The buyer sent this request again with changes after you started your \
        response."
        .to_owned();
    let quoted = |n: &String| format!("“{n}”");
    match reworded {
        [] => {}
        [one] => text.push_str(&format!(
            " Your answer to {} was written for an earlier wording of the question: it is \
             marked below, so check it and change it or confirm it.",
            quoted(one)
        )),
        many => text.push_str(&format!(
            " Your answers to {} were written for an earlier wording of their questions: \
             each is marked below, so check it and change it or confirm it.",
            and_list(&many.iter().map(quoted).collect::<Vec<_>>())
        )),
    }
    text.push_str(&match dropped.0 {
        0 => String::new(),
        1 => " Your answer to a question the buyer removed is no longer in your response.".into(),
        n => format!(
            " Your answers to {n} questions the buyer removed are no longer in your response."
        ),
    });
    text.push_str(&match dropped.1 {
        0 => String::new(),
        1 => " Your position on a RACI function the buyer removed is no longer in your response."
            .into(),
        n => format!(
            " Your positions on {n} RACI functions the buyer removed are no longer in your \
             response."
        ),
    });
    let names = |rows: &[String]| and_list(&rows.iter().map(quoted).collect::<Vec<_>>());
    text.push_str(&match to_check.as_slice() {
        [] => String::new(),
        [_] => format!(
            " The buyer changed {} since you proposed a change to it: your change stays, so \
             check it against the row as it stands.",
            names(to_check)
        ),
        _ => format!(
            " The buyer changed {} since you proposed changes to them: your changes stay, so \
             check each against the row as it stands.",
            names(to_check)
        ),
    });
    text.push_str(&match again.as_slice() {
        [] => String::new(),
        [_] => format!(
            " The buyer changed {} since you accepted it: decide it again in part 3.",
            names(again)
        ),
        many => format!(
            " The buyer changed {} rows since you accepted them, {}: decide them again in \
             part 3.",
            many.len(),
            names(again)
        ),
    });
    text.push_str(&match adopted.as_slice() {
        [] => String::new(),
        [_] => format!(
            " The buyer's row for {} is now the change you proposed: it counts as accepted.",
            names(adopted)
        ),
        _ => format!(
            " The buyer's rows for {} are now the changes you proposed: they count as accepted.",
            names(adopted)
        ),
    });
    if reworded.is_empty() && dropped == (0, 0) && *rows == ChangedRows::default() {
        text.push_str(" Your answers carry over; read the request again before you send.");
    }
    text
}

/// Said at the top when an older link of the request is opened after a newer one.
pub fn older_text(newer_ms: i64) -> String {
    format!(
        "This is an earlier version of the request. The buyer sent a newer one on {}, which \
         you opened in this browser before, and your draft answers that one. Open the \
         buyer's latest link to go on: nothing you type on this page is kept.",
        format_time(newer_ms)
    )
}

/// The request's heading, what is asked, and the buyer's note and contact.
#[component]
pub fn About() -> impl IntoView {
    let draft = Draft::get();
    let r = draft.request.get_value();
    let when = (r.made_ms > 0).then(|| format!(" Sent on {}.", format_time(r.made_ms)));
    let asks = format!(
        "{} asks {} for a proposal for co-managed IT: a quote, answers to {} questions, and \
         your position on who does what for {} IT functions.{}",
        asker(&r),
        r.provider,
        r.questions.len(),
        r.raci.functions.len(),
        when.unwrap_or_default()
    );
    let contact = (!r.buyer.contact.is_empty())
        .then(|| format!("Send your response to: {}", r.buyer.contact));
    let note = (!r.buyer.note.is_empty()).then(|| r.buyer.note.clone());
    view! {
        <h1 tabindex="-1">{format!("Request for proposal to {}", r.provider)}</h1>
        <p class="purpose">{asks}</p>
        <p class="notice info">
            "Nothing you type here is sent anywhere. Your draft is kept in this browser until \
                you make the response link or file at the end and send it yourself. No account \
                is needed."
        </p>
        {note.map(|n| view! { <blockquote class="buyer-note">{n}</blockquote> })}
        {contact.map(|c| view! { <p>{c}</p> })}
        <details class="panel">
            <summary>"Their environment and expected use"</summary>
            <p>{counts(&r)}</p>
            <p>{yearly_use(&r)}</p>
        </details>
    }
}

/// The four parts of the response. The RACI alone is about 9,000 px on a phone, and
/// "Send" is below it.
const SECTIONS: &[(&str, &str)] = &[
    ("Quote", "proposal-quote"),
    ("Questions", "proposal-questions"),
    ("Roles", "proposal-raci"),
    ("Send", "proposal-send"),
];

/// How much is answered: the quote, the questions and the RACI positions; with "Go to"
/// under it, so that from anywhere in the form each part is one press away.
#[component]
pub fn ProgressLine() -> impl IntoView {
    let draft = Draft::get();
    let progress = Memo::new(move |_| {
        draft
            .request
            .with_value(|req| draft.response.with(|r| r.progress(req)))
    });
    let text = move || {
        let p = progress.get();
        let (done, of) = p.done();
        format!(
            "{done} of {of} parts done: quote {}, {} of {} questions answered{}, {} of {} RACI functions decided.",
            match (p.quoted, p.priced, p.covers_open) {
                (true, ..) => "filled in".to_owned(),
                (false, true, 1) => "priced, 1 rate card item to answer".to_owned(),
                (false, true, n) => format!("priced, {n} rate card items to answer"),
                (false, false, _) => "not filled in yet".to_owned(),
            },
            p.answered,
            p.questions,
            match p.reworded {
                0 => String::new(),
                1 => ", 1 answer to check".to_owned(),
                n => format!(", {n} answers to check"),
            },
            p.replied,
            p.functions
        )
    };
    view! {
        <div class="proposal-progress">
            <progress
                max=move || progress.get().done().1
                value=move || progress.get().done().0
                aria-label="Response progress"
            ></progress>
            <p>{text}</p>
            <PageJumps sections=SECTIONS />
        </div>
    }
}
