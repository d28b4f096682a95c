//! Requests for proposal and providers' responses as files and links: golden fixtures
//! of format 1, what a request must never carry, and the size limits.

use serde_json::Value;

use splitline::domain::envelope::{self, Kind};
use splitline::domain::files::{self, Imported};
use splitline::domain::pricing::exclusions::CostItem;
use splitline::domain::proposal::request::Disclose;
use splitline::domain::proposal::{intake, Change, Request, Response};
use splitline::domain::raci::{Letter, Letters};
use splitline::domain::share::body::{open_link, request_link, response_link, Sender, SharedDoc};
use splitline::domain::share::link::{Reach, MAX_LINK_CHARS};
use splitline::domain::workspace::Workspace;

const ORIGIN: &str = "https://splitline.example/#/s/";
const KEYSTONE: &str = "0b22d8e3c5";
const HARBOR: &str = "0a11c9f2b4";

fn full_workspace() -> Workspace {
    envelope::decode(
        include_str!("fixtures/workspace-full-v1.json"),
        Kind::Workspace,
    )
    .expect("the full v1 workspace must load")
}

fn dana() -> Sender {
    Sender {
        by: "Dana Reyes".into(),
        at_ms: 1_764_000_000_000,
    }
}

/// The request the fixtures hold: the full workspace's, to Keystone.
fn request() -> Request {
    let disclose = Disclose {
        company: true,
        contact: "Dana Reyes, dana@northwind.example".into(),
        note: "Answers by 12 January, please; calls in the week after.".into(),
    };
    let ws = full_workspace();
    Request::of(
        &ws,
        KEYSTONE,
        "5eedc0ffee5eedc0ffee".into(),
        1_764_000_000_000,
        &disclose,
    )
    .expect("the fixture workspace makes a request")
    .0
}

/// The fixture response as the provider's page makes it now: it also says that the
/// provider answered for every rate card item (the fixture predates that count).
fn typical() -> Response {
    Response {
        covers: Some(CostItem::ALL.to_vec()),
        ..response()
    }
}

/// Keystone's response of the fixtures: a quote, three answers, two positions.
fn response() -> Response {
    let req = request();
    let mut r = Response::blank(&req);
    r.contact = "Sam Ortiz, Keystone".into();
    r.made_ms = 1_764_100_000_000;
    r.quote.rates.per_user = 11_000;
    r.quote.onboarding = 500_000;
    r.quote.term_months = 24;
    for (i, q) in req.questions.iter().take(3).enumerate() {
        let a = r.answer_mut(&req, &q.id.clone()).unwrap();
        a.text = format!("Answer {i}: yes, in the contract.");
        a.rating = (i != 1).then_some(4);
    }
    let f = &req.raci.functions[3];
    let mut roles = f.roles.clone();
    roles.insert(req.raci.parties[1].id, Letters::of(&[Letter::Consulted]));
    let change = Change {
        roles,
        day_owner: f.day_owner,
        night_owner: Some(req.raci.parties[0].id),
        reason: "Your team owns it after hours; we advise.".into(),
    };
    r.set_reply(&req, f.id, Some(change));
    r.set_reply(&req, req.raci.functions[0].id, None);
    r
}

/// `response()` as the fixture files hold it: they were made before a position kept the
/// sum of the row it was taken on, so they open with none (and count as they did).
fn fixture_response() -> Response {
    let mut r = response();
    r.raci.iter_mut().for_each(|reply| reply.asked = None);
    r
}

fn read(text: &str) -> Imported {
    files::read(text.len() as u64, text).expect("file format 1 must import")
}

#[test]
fn format_1_requests_and_responses_keep_opening() {
    assert_eq!(
        read(include_str!("fixtures/request-v1.json")),
        Imported::Request(Box::new(request()))
    );
    assert_eq!(
        read(include_str!("fixtures/response-v1.json")),
        Imported::Response(Box::new(fixture_response()))
    );
    let open = |text: &str| open_link(text.trim()).expect("link format 1 must open");
    assert_eq!(
        open(include_str!("fixtures/link-v1-request.txt")),
        (SharedDoc::Request(Box::new(request())), dana())
    );
    assert_eq!(
        open(include_str!("fixtures/link-v1-response.txt")),
        (SharedDoc::Response(Box::new(fixture_response())), dana())
    );
}

/// Every string and key in a JSON value, for searching a decoded request.
fn words(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| words(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                words(v, out);
            }
        }
        _ => {}
    }
}

#[test]
fn a_request_never_carries_scores_weights_notes_or_other_providers() {
    let mut ws = full_workspace();
    // The buyer named the incumbent where a provider will read it, and wrote notes.
    ws.raci.functions[1].handoff = "Harbor Managed IT hands over to our desk".into();
    ws.raci.functions[2].notes = "Keep private: Harbor charges 95.50".into();
    ws.scorecard.criteria[4].question = "Unlike HARBOR MANAGED IT, will you name owners?".into();
    let (req, masked) = Request::of(
        &ws,
        KEYSTONE,
        "5eedc0ffee5eedc0ffee".into(),
        1,
        &Disclose {
            company: false,
            ..Disclose::default()
        },
    )
    .unwrap();
    assert_eq!(masked.len(), 2, "{masked:?}");
    // Decoded as the provider decodes it, from the link and from the file.
    let Ok((SharedDoc::Request(from_link), _)) = open_link(&request_link(&req, &dana())) else {
        panic!("the request link opens")
    };
    let Imported::Request(from_file) = read(&envelope::encode_pretty(Kind::Request, &req)) else {
        panic!("the request file opens")
    };
    for decoded in [from_link, from_file] {
        let value = serde_json::to_value(&*decoded).unwrap();
        let mut all = Vec::new();
        words(&value, &mut all);
        let text = all.join("\n").to_lowercase();
        for secret in ["harbor", HARBOR, "keep private", "95.50", "9550"] {
            assert!(
                !text.contains(&secret.to_lowercase()),
                "the request leaks {secret:?}"
            );
        }
        for key in [
            "weight",
            "cells",
            "score",
            "agreed",
            "knockouts",
            "quotes",
            "notes",
            "others",
            "evaluator",
        ] {
            assert!(!all.iter().any(|w| w == key), "the request carries {key:?}");
        }
        // Prices: the request has the counts, never a rate.
        let rates = serde_json::to_string(&ws.pricing.quotes).unwrap();
        assert!(rates.contains("9550"));
        assert!(!serde_json::to_string(&value).unwrap().contains("9550"));
        // Scores and the company name (not disclosed here).
        assert_eq!(decoded.buyer.company, "");
        assert_eq!(decoded.questions.len(), ws.scorecard.criteria.len());
    }
}

/// `chars` characters of varied English-like text: repeated text would compress to
/// nothing and make the link look shorter than a real answer's.
fn prose(seed: u64, chars: usize) -> String {
    const WORDS: [&str; 24] = [
        "our",
        "service",
        "desk",
        "patches",
        "monthly",
        "with",
        "named",
        "engineers",
        "and",
        "escalates",
        "within",
        "fifteen",
        "minutes",
        "after",
        "hours",
        "SOC",
        "reviews",
        "alerts",
        "quarterly",
        "reports",
        "include",
        "evidence",
        "for",
        "auditors",
    ];
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut out = String::new();
    while out.len() < chars {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(WORDS[(state >> 33) as usize % WORDS.len()]);
        out.push(' ');
    }
    out.truncate(chars);
    out
}

#[test]
fn a_full_response_opens_from_a_file_and_its_link_says_where_it_fits() {
    let req = request();
    assert!(
        req.questions.len() >= 34,
        "the default scorecard asks {} questions",
        req.questions.len()
    );
    let mut r = typical();
    for (i, q) in req.questions.iter().take(34).enumerate() {
        let a = r.answer_mut(&req, &q.id.clone()).unwrap();
        a.text = prose(i as u64, 300);
        a.evidence = format!("https://keystone.example/evidence/{i}");
        a.rating = Some(3);
    }
    for f in &req.raci.functions {
        r.set_reply(&req, f.id, None);
    }
    let text = envelope::encode_pretty(Kind::Response, &r);
    assert_eq!(read(&text), Imported::Response(Box::new(r.clone())));
    let link = response_link(&r, &dana());
    assert!(
        link.len() <= MAX_LINK_CHARS,
        "a full response still fits a link: {}",
        link.len()
    );
    let url = ORIGIN.len() + link.len();
    println!("request link: {} characters; typical response link: {} characters; full response link: {url}; files: request {} bytes, full response {} bytes",
        ORIGIN.len() + request_link(&request(), &dana()).len(),
        ORIGIN.len() + response_link(&typical(), &dana()).len(),
        envelope::encode_pretty(Kind::Request, &request()).len(),
        text.len());
    assert_ne!(
        Reach::of(url),
        Reach::Everywhere,
        "300-character answers make a long link"
    );
    assert!(!Reach::of(url).message().is_empty());
}

#[test]
fn the_typical_request_and_response_links_fit_an_email() {
    let request_url = ORIGIN.len() + request_link(&request(), &dana()).len();
    let response_url = ORIGIN.len() + response_link(&typical(), &dana()).len();
    assert_eq!(Reach::of(request_url), Reach::Everywhere, "{request_url}");
    assert_eq!(Reach::of(response_url), Reach::Everywhere, "{response_url}");
}

#[test]
fn the_fixture_response_comes_back_into_the_fixture_workspace() {
    let mut ws = full_workspace();
    ws.note_sent(KEYSTONE, &request());
    let incoming = intake::check(&ws, &response()).expect("it answers the request sent");
    assert_eq!(incoming.provider_name, "Keystone <Tech> Partners");
    assert_eq!(incoming.earlier, None);
    assert_eq!(
        (
            incoming.claims.len(),
            incoming.counters.len(),
            incoming.accepted
        ),
        (3, 1, 1)
    );
    incoming.apply(&mut ws);
    assert_eq!(ws.check(), Ok(()));
    assert_eq!(ws.pricing.quote(KEYSTONE).unwrap().rates.per_user, 11_000);
    assert_eq!(
        ws.pricing.quote(HARBOR).unwrap().rates.per_user,
        9_550,
        "the other quote is untouched"
    );
}
