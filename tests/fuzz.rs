//! Structure-aware robustness harness for everything that reads untrusted input: share
//! links (the container and the JSON and binary bodies inside it), JSON files, RACI CSV
//! files and the browser's storage at start-up.
//!
//! Inputs are mutations of valid documents (the golden fixtures and documents built from
//! the default templates). Link bodies are mutated *inside* the link and re-packed with a
//! valid length and checksum, so the mutations reach the body decoders instead of dying
//! at the CRC. JSON is mutated as a tree (numbers, strings, arrays and objects swapped for
//! edge cases) as well as byte by byte. Every accepted document then goes through what the
//! app does with it: checks, scoring, totals, exports (CSV, Markdown, the SoW appendix), a
//! few edits through the domain's edit APIs, and re-encoding.
//!
//! Targets: `link-text` (whole link text), `link-json` (workspace, RACI and pricing
//! bodies), `link-card` (the binary scorecard body), `csv` (`raci::csv::import`),
//! `storage` (`persist::start` over a set of key/text pairs, then a save) and `file`
//! (`files::read`).
//!
//! A run fails on any panic and on any input slower than `FUZZ_SLOW_MS` (200 ms for
//! `make fuzz`). Each distinct panic is printed once with its target and a replay file;
//! `FUZZ_REPLAY=<file> cargo test --profile fuzz --test fuzz replay -- --ignored
//! --nocapture` runs one input again.
//!
//! Environment: `FUZZ_INPUTS` (default 10,000,000 in `make fuzz`, 20,000 in the smoke
//! test), `FUZZ_SEED`, `FUZZ_THREADS` (default: the number of cores), `FUZZ_SLOW_MS`.
//! A run is deterministic for a given seed and thread count.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use serde_json::{json, Value};

use splitline::domain::documents::{self, PricingDoc, RaciDoc};
use splitline::domain::envelope::{self, Kind};
use splitline::domain::files::{self, Imported};
use splitline::domain::persist::save::wanted_texts;
use splitline::domain::persist::store::Memory;
use splitline::domain::persist::{self, Meta};
use splitline::domain::pricing::{compare, crosscheck, csv as pricing_csv, totals, Pick, Pricing};
use splitline::domain::profile::{CompanyProfile, Industry};
use splitline::domain::proposal::request::Disclose;
use splitline::domain::proposal::{intake, Change, Request, Response};
use splitline::domain::provider::Provider;
use splitline::domain::raci::{
    self, checks, csv as raci_csv, markdown, sow, template, workload, Letter, Letters, Mark, Raci,
    Shift, Side, TextField,
};
use splitline::domain::scorecard::agreement;
use splitline::domain::scorecard::card_file::{self, CardFile};
use splitline::domain::scorecard::edit::ScorecardEdit;
use splitline::domain::scorecard::merge::{self, Options};
use splitline::domain::scorecard::model::CriterionText;
use splitline::domain::scorecard::{
    call, chart, csv as scorecard_csv, knockout, scoring, Score, Scorecard, Weight,
};
use splitline::domain::share::body::{self, open_link, Sender, SharedDoc};
use splitline::domain::share::card;
use splitline::domain::share::crc::crc32;
use splitline::domain::share::link::{self, LinkKind};
use splitline::domain::workspace::Workspace;

/// Largest input fed to any decoder.
const MAX_INPUT: usize = 64 * 1024;

// ---------------------------------------------------------------------------------------
// Randomness

/// xorshift64*: tiny, deterministic, good enough to drive mutations.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so nearby seeds give unrelated streams (never zero).
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Seeds are sorted small to large: three times in four, one from the smaller half.
    fn pick_small<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        if self.chance(4) {
            self.pick(items)
        } else {
            &items[self.below(items.len().div_ceil(2))]
        }
    }
}

/// FNV-1a: the edits applied to an accepted document follow from the input alone, so a
/// replay repeats them.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

// ---------------------------------------------------------------------------------------
// Edge-case values

/// Edge-case numbers: type bounds, the app's limits and either side of them, floats.
const NUMBERS: &str =
    "0 1 -1 2 3 5 6 7 12 24 25 36 50 60 61 75 100 101 120 121 127 128 200 201 255 \
    256 500 501 730 1000 1001 2000 10000 65535 65536 1000000 1000001 2147483647 \
    2147483648 -2147483648 4294967295 4294967296 9007199254740993 \
    9223372036854775807 -9223372036854775808 18446744073709551615 0.5 1.5 2.5 -0.0 \
    0.001 0.0001 1e-9 1e9 1e15 1e300 -1e300 1000.0000001 999.999";

fn long(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

fn strings() -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        " ",
        "a",
        "x",
        "A",
        "R",
        "C",
        "I",
        "A/R",
        "r/a/c/i",
        "RACI",
        "R A",
        "Q",
        "internal",
        "msp",
        "business",
        "other",
        "Internal IT",
        "MSP",
        "=SUM(A1:A9)",
        "+1",
        "-2",
        "@x",
        "'=1",
        "''=1",
        "\"",
        ",",
        ";",
        "\n",
        "\r\n",
        "\t",
        "é",
        "Ⅸ",
        "ß",
        "İ",
        "ǅ",
        "ﬃ",
        "👩🏽‍💻",
        "\u{feff}",
        "\u{0}",
        "\u{202e}",
        "<script>alert(1)</script>",
        "$d",
        "raci-written",
        "ko-vague-sla",
        "incident-response",
        "splitline",
        "workspace",
        "raci",
        "pricing",
        "scorecard",
        "library",
        "meta",
        "3",
        "-1",
        "1e9",
        "NaN",
        "null",
        "a1b2c3d4e5",
        "19a4c2f1e00a1b2c3d4",
        "Name [msp]",
        "Name [nope]",
        "[internal]",
        "x [internal] [msp]",
        "per_user",
        "per_device",
        "usd",
        "eur",
        "gbp",
        "included",
        "rated",
        "excluded",
        "p1,dr,sec",
        "Security",
        "Functions",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for n in [60, 61, 120, 121, 256, 257, 2000, 2001, 8000] {
        out.push(long('x', n));
    }
    out.push(long('é', 121));
    out.push(long('👩', 2001));
    out
}

// ---------------------------------------------------------------------------------------
// Seeds

fn strip_ws(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Small workspaces from the templates and the fixtures.
fn seed_workspaces() -> Vec<Workspace> {
    let mut out = Vec::new();
    for (i, industry) in Industry::ALL.into_iter().enumerate() {
        let mut ws = Workspace::new(format!("t{i}"), format!("Template {i}"), 1_763_942_400_000);
        ws.profile.industry = industry;
        ws.profile.employees = 40 + 60 * i as u32;
        ws.profile.internal_it = i as u32;
        ws.raci = template::co_managed(industry).into();
        for (k, name) in ["Harbor IT", "Keystone", "Northwind MSP"]
            .iter()
            .take(1 + i % 3)
            .enumerate()
        {
            ws.pricing
                .add_quote(
                    &mut ws.providers,
                    Pick::New((*name).into()),
                    format!("p{i}{k}"),
                )
                .unwrap();
        }
        let providers: Vec<String> = ws.providers.iter().map(|p| p.id.clone()).collect();
        let criteria: Vec<String> = ws.scorecard.criteria.iter().map(|c| c.id.clone()).collect();
        for (pi, p) in providers.iter().enumerate() {
            for (ci, c) in criteria.iter().enumerate().take(12) {
                let score = match (pi + ci + i) % 8 {
                    7 => None,
                    6 => Some(Score::NotApplicable),
                    n => Some(Score::Points(n as u8 % 6)),
                };
                ws.scorecard.set_score(p, c, score);
            }
            if pi == 1 {
                let flag = ws.scorecard.flags[0].id.clone();
                knockout::set_ticked(&mut ws.scorecard, p, &flag, true);
            }
        }
        out.push(ws);
    }
    out.push(Workspace::new("blank".into(), "Blank".into(), 0));
    let mut blank_raci = Workspace::new("b2".into(), "Blank RACI".into(), 5);
    blank_raci.raci = template::blank().into();
    out.push(blank_raci);
    for text in [
        include_str!("fixtures/workspace-full-v1.json"),
        include_str!("fixtures/workspace-v1.json"),
        include_str!("fixtures/raci-workspace-v1.json"),
    ] {
        out.push(envelope::decode(text, Kind::Workspace).expect("fixture loads"));
    }
    let lib: persist::LibraryFile =
        envelope::decode(include_str!("fixtures/library-v1.json"), Kind::Library)
            .expect("fixture loads");
    out.extend(lib.workspaces);
    out
}

struct Seeds {
    /// Whole link texts, for the container's own checks.
    links: Vec<String>,
    /// JSON link bodies (parsed) and the kind of link that carries them.
    bodies: Vec<(LinkKind, Value)>,
    /// Binary scorecard bodies.
    cards: Vec<Vec<u8>>,
    csv: Vec<String>,
    /// Files as parsed JSON.
    files: Vec<Value>,
    /// Compact workspace envelopes as stored, by workspace id.
    stored: Vec<(String, Value)>,
    strings: Vec<String>,
}

fn long_csv(raci: &Raci) -> String {
    let mut out = String::from("Category,Function,Party,Letter,Side,P1 escalation,Notes\r\n");
    let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    for f in &raci.functions {
        let cat = raci.category(f.category).map_or("", |c| c.name.as_str());
        for p in &raci.parties {
            let letters = f.letters(p.id);
            if letters.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\r\n",
                field(cat),
                field(&f.name),
                field(&p.name),
                letters.label(),
                p.side.key(),
                field(&f.p1),
                field(&f.notes)
            ));
        }
    }
    out
}

fn build_seeds() -> Seeds {
    let workspaces = seed_workspaces();
    let sender = Sender {
        by: "Dana (IT)".into(),
        at_ms: 1_763_942_400_000,
    };
    let mut links: Vec<String> = [
        include_str!("fixtures/link-v1-workspace.txt"),
        include_str!("fixtures/link-v1-scorecard.txt"),
        include_str!("fixtures/link-v1-raci.txt"),
        include_str!("fixtures/link-v1-pricing.txt"),
    ]
    .iter()
    .map(|s| strip_ws(s))
    .collect();
    let mut cards = Vec::new();
    let mut csv = Vec::new();
    let mut files = Vec::new();
    let mut stored = Vec::new();
    for (i, ws) in workspaces.iter().enumerate() {
        let small = ws.raci.functions.len() < 60;
        if small || i % 3 == 0 {
            links.push(body::workspace_link(ws, &sender));
            links.push(body::raci_link(&RaciDoc::of(ws), &sender));
            links.push(body::pricing_link(&PricingDoc::of(ws), &sender));
        }
        let cf = card_file::card_file(&ws.scorecard, &ws.providers, &ws.name, 1_763_946_000_000);
        links.push(body::scorecard_link(&cf));
        cards.push(card::encode(&cf));
        files.push(serde_json::from_str(&card_file::encode(&cf)).unwrap());
        csv.push(raci_csv::export_wide(&ws.raci));
        csv.push(long_csv(&ws.raci));
        files.push(envelope::to_value(Kind::Workspace, ws));
        files.push(envelope::to_value(Kind::Raci, &RaciDoc::of(ws)));
        files.push(envelope::to_value(Kind::Pricing, &PricingDoc::of(ws)));
        if let Some((request, response)) = proposal_seed(ws) {
            if small || i % 3 == 0 {
                links.push(body::request_link(&request, &sender));
                links.push(body::response_link(&response, &sender));
            }
            files.push(envelope::to_value(Kind::Request, &request));
            files.push(envelope::to_value(Kind::Response, &response));
        }
        stored.push((ws.id.clone(), envelope::to_value(Kind::Workspace, ws)));
    }
    links.push(link::pack(LinkKind::Workspace, &[0u8; 2000]));
    for text in [
        include_str!("fixtures/workspace-full-v1.json"),
        include_str!("fixtures/workspace-v1.json"),
        include_str!("fixtures/raci-workspace-v1.json"),
        include_str!("fixtures/raci-v1.json"),
        include_str!("fixtures/pricing-v1.json"),
        include_str!("fixtures/scorecard-v1.json"),
        include_str!("fixtures/library-v1.json"),
    ] {
        files.push(serde_json::from_str(text).unwrap());
    }
    csv.push(
        "Category,Function,Party,Letter,Side,P1 escalation,After hours owner\n\
         Security,Security alerts,MSP SOC,R,msp,SOC on-call then IT manager,\n\
         Security,Security alerts,MSP SOC,A,,,MSP SOC\n\
         Security,Security alerts,Internal IT,I,internal,,\n\
         Operations,Backups,MSP SOC,r/a,,,\n\
         Operations,Backups,Compliance officer,,,,\n"
            .into(),
    );
    let mut bodies = Vec::new();
    for text in &links {
        let (kind, bytes) = link::unpack(text).expect("seed links open");
        match kind {
            LinkKind::Scorecard => cards.push(bytes),
            _ => {
                if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
                    bodies.push((kind, value));
                }
            }
        }
    }
    // Smaller documents first, for `pick_small`.
    bodies.sort_by_key(|(_, v)| v.to_string().len());
    cards.sort_by_key(Vec::len);
    csv.sort_by_key(String::len);
    files.sort_by_key(|v| v.to_string().len());
    stored.sort_by_key(|(_, v)| v.to_string().len());
    Seeds {
        links,
        bodies,
        cards,
        csv,
        files,
        stored,
        strings: strings(),
    }
}

// ---------------------------------------------------------------------------------------
// Link packing, cheaply

/// Link text carrying `body`, exactly as `link::pack` lays it out (length, deflate after
/// the preset dictionary, CRC-32), but without compressing the 22 KB dictionary for every
/// input: small bodies go in stored blocks, larger ones through a fast deflate that does
/// not refer back into the dictionary. Both are valid continuations of the dictionary's
/// stream, so `link::unpack` opens them like any link.
fn pack_fast(kind: LinkKind, body: &[u8]) -> String {
    let mut bytes = if body.len() <= 8 * 1024 {
        let mut out = Vec::with_capacity(body.len() + 16);
        let mut chunks = body.chunks(65_535).peekable();
        if body.is_empty() {
            out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
        }
        while let Some(chunk) = chunks.next() {
            out.push(u8::from(chunks.peek().is_none()));
            let len = chunk.len() as u16;
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&(!len).to_le_bytes());
            out.extend_from_slice(chunk);
        }
        out
    } else {
        miniz_oxide::deflate::compress_to_vec(body, 1)
    };
    bytes.extend_from_slice(&crc32(body).to_be_bytes());
    let payload = URL_SAFE_NO_PAD.encode(bytes);
    let tag = match kind {
        LinkKind::Workspace => 'w',
        LinkKind::Scorecard => 's',
        LinkKind::Raci => 'r',
        LinkKind::Pricing => 'p',
        LinkKind::Request => 'q',
        LinkKind::Response => 'a',
    };
    format!("1{tag}{}.{payload}", base36(payload.len()))
}

fn base36(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

// ---------------------------------------------------------------------------------------
// Mutations

const ALPHABET: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.1swrp{}[]\":, \n";
const TOKENS: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "0", "-1", "1e999", "\\u0000",
    "\\ud800", "\"\":", "{}", "[]", ",,", "\r\n", "\"\"\"", "'", "=", "/",
];

/// Byte-level mutations (text-like when `text`), possibly splicing in another seed.
fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>, others: &[&[u8]], text: bool) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(if text { 11 } else { 12 }) {
            0 if !data.is_empty() => {
                let i = at.min(data.len() - 1);
                data[i] ^= 1 << rng.below(8);
            }
            1 => data.truncate(at),
            2 => {
                let b = if text {
                    ALPHABET[rng.below(ALPHABET.len())]
                } else {
                    rng.next() as u8
                };
                data.insert(at, b);
            }
            3 if at < data.len() => {
                let end = (at + 1 + rng.below(32)).min(data.len());
                data.drain(at..end);
            }
            4 if !data.is_empty() => {
                let i = at.min(data.len() - 1);
                data[i] = if text {
                    ALPHABET[rng.below(ALPHABET.len())]
                } else {
                    *rng.pick(&[0, 1, 2, 0x7f, 0x80, 0xff, 0x3f, 0x40])
                };
            }
            5 => {
                // Duplicate a span, sometimes many times (long inputs, repeated ids).
                let end = (at + 1 + rng.below(64)).min(data.len());
                let span = data[at.min(end)..end].to_vec();
                let times = if rng.chance(8) { 1 + rng.below(64) } else { 1 };
                for _ in 0..times {
                    data.splice(at..at, span.iter().copied());
                }
            }
            6 if !others.is_empty() => {
                // Crossover: our head, another seed's tail.
                let other = rng.pick(others);
                let from = rng.below(other.len() + 1);
                data.truncate(at);
                data.extend_from_slice(&other[from..]);
            }
            7 if text => {
                let token = rng.pick(TOKENS);
                data.splice(at..at, token.bytes());
            }
            7 => {
                // A varint: a large, a boundary or an overlong one.
                let varint: &[u8] = rng.pick::<&[u8]>(&[
                    &[0xff, 0xff, 0xff, 0xff, 0x0f][..],
                    &[0x80, 0x01],
                    &[0xc8, 0x01],
                    &[0x81, 0x04],
                    &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
                    &[
                        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00,
                    ],
                    &[0x7f],
                    &[0x00],
                ]);
                data.splice(at..at, varint.iter().copied());
            }
            8 if !data.is_empty() => {
                let i = at.min(data.len() - 1);
                data[i] = data[i].wrapping_add(rng.below(5) as u8).wrapping_sub(2);
            }
            9 if at + 1 < data.len() => {
                let j = rng.below(data.len());
                data.swap(at, j);
            }
            10 if !text && !data.is_empty() => {
                // Overwrite a byte with a small count or index.
                let i = at.min(data.len() - 1);
                data[i] = rng.below(40) as u8;
            }
            _ => {}
        }
    }
    data.truncate(MAX_INPUT);
}

fn number(rng: &mut Rng, current: Option<f64>) -> Value {
    if let (Some(c), true) = (current, rng.chance(4)) {
        let delta = *rng.pick(&[-1.0, 1.0, -0.5, 0.5, 10.0, -10.0]);
        if let Some(n) = serde_json::Number::from_f64(c + delta) {
            let n = if (c + delta).fract() == 0.0 && (c + delta).abs() < 9e15 {
                json!((c + delta) as i64)
            } else {
                Value::Number(n)
            };
            return n;
        }
    }
    let all: Vec<&str> = NUMBERS.split_whitespace().collect();
    serde_json::from_str(rng.pick::<&str>(&all)).unwrap()
}

fn scalar(rng: &mut Rng, strings: &[String]) -> Value {
    match rng.below(5) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => number(rng, None),
        3 => json!([]),
        _ => Value::String(rng.pick(strings).clone()),
    }
}

fn child_count(v: &Value) -> usize {
    match v {
        Value::Array(a) => a.len(),
        Value::Object(o) => o.len(),
        _ => 0,
    }
}

/// A node reached by a random walk from `v`: shallow nodes more often, any depth possible.
fn pick_node<'a>(rng: &mut Rng, v: &'a mut Value) -> &'a mut Value {
    let n = child_count(v);
    if n == 0 || rng.chance(5) {
        return v;
    }
    let i = rng.below(n);
    match v {
        Value::Array(a) => pick_node(rng, &mut a[i]),
        Value::Object(o) => pick_node(rng, o.values_mut().nth(i).unwrap()),
        _ => unreachable!(),
    }
}

/// Some string found somewhere in `v` (an id or a name to repeat elsewhere).
fn some_string(rng: &mut Rng, v: &Value) -> Option<String> {
    let mut cur = v;
    for _ in 0..12 {
        match cur {
            Value::String(s) => return Some(s.clone()),
            Value::Array(a) if !a.is_empty() => cur = &a[rng.below(a.len())],
            Value::Object(o) if !o.is_empty() => cur = o.values().nth(rng.below(o.len())).unwrap(),
            _ => return None,
        }
    }
    None
}

/// Every number in the tree, for a uniform pick (a counter deep in the document is as
/// likely to change as a field near the top).
fn numbers_in<'a>(v: &'a mut Value, out: &mut Vec<&'a mut Value>) {
    match v {
        Value::Number(_) => out.push(v),
        Value::Array(a) => a.iter_mut().for_each(|x| numbers_in(x, out)),
        Value::Object(o) => o.values_mut().for_each(|x| numbers_in(x, out)),
        _ => {}
    }
}

/// One to three changes to the tree: edge-case numbers and strings, repeated ids, grown,
/// shrunk and reordered lists, dropped and unknown fields, wrong types.
fn mutate_tree(rng: &mut Rng, root: &mut Value, strings: &[String]) {
    for _ in 0..1 + rng.below(3) {
        let borrowed = if rng.chance(3) {
            some_string(rng, root)
        } else {
            None
        };
        if rng.chance(4) {
            let mut numbers = Vec::new();
            numbers_in(root, &mut numbers);
            if !numbers.is_empty() {
                let i = rng.below(numbers.len());
                let current = numbers[i].as_f64();
                *numbers[i] = number(rng, current);
                continue;
            }
        }
        let node = pick_node(rng, root);
        if rng.chance(12) {
            *node = scalar(rng, strings);
            continue;
        }
        match node {
            Value::Number(n) => {
                let current = n.as_f64();
                *node = number(rng, current);
            }
            Value::String(s) => {
                *s = match (borrowed, rng.below(4)) {
                    (Some(b), 0) => b,
                    (_, 1) => format!("{s}{}", rng.pick(strings)),
                    _ => rng.pick(strings).clone(),
                };
            }
            Value::Bool(b) => *b = !*b,
            Value::Null => *node = scalar(rng, strings),
            Value::Array(a) => {
                let len = a.len();
                match rng.below(7) {
                    0 | 1 if len > 0 => {
                        let item = a[rng.below(len)].clone();
                        let times = if rng.chance(6) { 1 + rng.below(300) } else { 1 };
                        for _ in 0..times {
                            a.insert(rng.below(a.len() + 1), item.clone());
                        }
                    }
                    2 if len > 0 => {
                        a.remove(rng.below(len));
                    }
                    3 if len > 1 => a.swap(rng.below(len), rng.below(len)),
                    4 => a.clear(),
                    5 => a.reverse(),
                    _ => a.push(scalar(rng, strings)),
                }
            }
            Value::Object(o) => {
                let len = o.len();
                match rng.below(5) {
                    0 if len > 0 => {
                        let key = o.keys().nth(rng.below(len)).unwrap().clone();
                        o.remove(&key);
                    }
                    1 if len > 0 => {
                        let key = o.keys().nth(rng.below(len)).unwrap().clone();
                        o.insert(key, scalar(rng, strings));
                    }
                    2 => {
                        let key = rng.pick(strings).clone();
                        o.insert(key, scalar(rng, strings));
                    }
                    3 if len > 1 => {
                        let from = o.values().nth(rng.below(len)).unwrap().clone();
                        let key = o.keys().nth(rng.below(len)).unwrap().clone();
                        o.insert(key, from);
                    }
                    _ => {
                        if let Some(v) = o.values_mut().nth(rng.below(len.max(1))) {
                            if let Some(n) = v.as_f64() {
                                *v = number(rng, Some(n));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A mutated JSON document as bytes: tree mutations, byte mutations or both.
fn mutate_json(rng: &mut Rng, seed: &Value, strings: &[String], others: &[&[u8]]) -> Vec<u8> {
    let mut tree = seed.clone();
    let how = rng.below(8);
    if how < 6 {
        mutate_tree(rng, &mut tree, strings);
    }
    let mut bytes = if rng.chance(4) {
        serde_json::to_vec_pretty(&tree).unwrap()
    } else {
        serde_json::to_vec(&tree).unwrap()
    };
    if how >= 5 {
        mutate_bytes(rng, &mut bytes, others, true);
    }
    bytes.truncate(MAX_INPUT);
    bytes
}

/// A mutated CSV file: fields, rows and columns changed, or bytes.
fn mutate_csv(rng: &mut Rng, seed: &str, strings: &[String], others: &[&[u8]]) -> Vec<u8> {
    if rng.chance(4) {
        let mut bytes = seed.as_bytes().to_vec();
        mutate_bytes(rng, &mut bytes, others, true);
        return bytes;
    }
    let mut lines: Vec<Vec<String>> = seed
        .lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    for _ in 0..1 + rng.below(3) {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        let li = if rng.chance(5) { 0 } else { rng.below(n) };
        match rng.below(8) {
            0..=2 => {
                let line = &mut lines[li];
                let fi = rng.below(line.len());
                let value = rng.pick(strings);
                line[fi] = if rng.chance(2) {
                    format!("\"{}\"", value.replace('"', "\"\""))
                } else {
                    value.clone()
                };
            }
            3 => {
                let line = lines[li].clone();
                let times = if rng.chance(4) { 1 + rng.below(400) } else { 1 };
                for _ in 0..times {
                    lines.insert(1 + rng.below(n), line.clone());
                }
            }
            4 if n > 1 => {
                lines.remove(li);
            }
            4 => {
                // Many rows with unique names: lookups by name must stay linear. Rare,
                // as a quadratic import makes each of these take a large share of a second.
                if rng.chance(60) {
                    let line = lines[li].clone();
                    let fi = rng.below(line.len());
                    for k in 0..100 + rng.below(1500) {
                        let mut copy = line.clone();
                        copy[fi] = format!("{}{k}", copy[fi]);
                        lines.push(copy);
                    }
                }
            }
            5 => {
                let j = rng.below(n);
                lines.swap(li, j);
            }
            6 => {
                // A column more or fewer on one line or on every line.
                let all = rng.chance(2);
                let extra = rng.pick(strings).clone();
                for (i, line) in lines.iter_mut().enumerate() {
                    if all || i == li {
                        if rng.chance(2) {
                            line.push(extra.clone());
                        } else if line.len() > 1 {
                            line.pop();
                        }
                    }
                }
            }
            _ => {
                // Repeat one column (a party twice, a second Function column).
                let line = &mut lines[li];
                let fi = rng.below(line.len());
                let value = line[fi].clone();
                line.insert(rng.below(line.len() + 1), value);
            }
        }
    }
    let eol = if rng.chance(2) { "\r\n" } else { "\n" };
    let mut out: Vec<u8> = lines
        .iter()
        .map(|l| l.join(","))
        .collect::<Vec<_>>()
        .join(eol)
        .into_bytes();
    out.truncate(MAX_INPUT);
    out
}

// ---------------------------------------------------------------------------------------
// Targets

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    LinkText,
    LinkJson,
    LinkCard,
    Csv,
    Storage,
    File,
}

const TARGETS: [Target; 6] = [
    Target::LinkText,
    Target::LinkJson,
    Target::LinkCard,
    Target::Csv,
    Target::Storage,
    Target::File,
];

impl Target {
    fn name(self) -> &'static str {
        match self {
            Target::LinkText => "link-text",
            Target::LinkJson => "link-json",
            Target::LinkCard => "link-card",
            Target::Csv => "csv",
            Target::Storage => "storage",
            Target::File => "file",
        }
    }

    fn from_name(name: &str) -> Option<Target> {
        TARGETS.into_iter().find(|t| t.name() == name)
    }
}

/// Out of every 64 inputs, how many go to each target (in the order of `TARGETS`).
/// Tuned so that accepted documents, which go through the heavy pipeline, stay a
/// minority of the time while every target gets a good share.
const MIX: [usize; 6] = [6, 18, 14, 10, 6, 10];

fn target_for(rng: &mut Rng) -> Target {
    let mut r = rng.below(MIX.iter().sum());
    for (t, &w) in TARGETS.iter().zip(MIX.iter()) {
        if r < w {
            return *t;
        }
        r -= w;
    }
    unreachable!()
}

/// One input: text for most targets, key/text pairs for storage.
#[derive(Clone, Debug)]
enum Input {
    Text(String),
    Entries(Vec<(String, String)>),
}

impl Input {
    fn size(&self) -> usize {
        match self {
            Input::Text(t) => t.len(),
            Input::Entries(e) => e.iter().map(|(k, v)| k.len() + v.len()).sum(),
        }
    }

    /// What a replay file holds.
    fn replay_bytes(&self) -> Vec<u8> {
        match self {
            Input::Text(t) => t.clone().into_bytes(),
            Input::Entries(e) => serde_json::to_vec(e).unwrap(),
        }
    }

    fn from_replay(target: Target, bytes: &[u8]) -> Input {
        match target {
            Target::Storage => Input::Entries(serde_json::from_slice(bytes).expect("pairs")),
            _ => Input::Text(String::from_utf8_lossy(bytes).into_owned()),
        }
    }
}

fn text(bytes: Vec<u8>) -> Input {
    Input::Text(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn generate(rng: &mut Rng, seeds: &Seeds, target: Target) -> Input {
    match target {
        Target::LinkText => {
            let mut bytes = rng.pick(&seeds.links).clone().into_bytes();
            if rng.chance(10) {
                bytes = (0..rng.below(600))
                    .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                    .collect();
            } else {
                mutate_bytes(rng, &mut bytes, &[], true);
            }
            text(bytes)
        }
        Target::LinkJson => {
            let (kind, seed) = rng.pick_small(&seeds.bodies);
            let mut kind = *kind;
            let others: Vec<&[u8]> = Vec::new();
            let body = mutate_json(rng, seed, &seeds.strings, &others);
            if rng.chance(16) {
                kind = *rng.pick(&LinkKind::ALL);
            }
            Input::Text(pack_fast(kind, &body))
        }
        Target::LinkCard => {
            let mut body = rng.pick_small(&seeds.cards).clone();
            let other = rng.pick(&seeds.cards).as_slice();
            mutate_bytes(rng, &mut body, &[other], false);
            Input::Text(pack_fast(LinkKind::Scorecard, &body))
        }
        Target::Csv => {
            let seed = rng.pick_small(&seeds.csv);
            let other = rng.pick(&seeds.csv).as_bytes();
            text(mutate_csv(rng, seed, &seeds.strings, &[other]))
        }
        Target::File => {
            let seed = rng.pick_small(&seeds.files);
            text(mutate_json(rng, seed, &seeds.strings, &[]))
        }
        Target::Storage => Input::Entries(storage(rng, seeds)),
    }
}

/// A browser's storage: workspaces (some damaged), settings, backups, newer versions
/// and foreign keys.
fn storage(rng: &mut Rng, seeds: &Seeds) -> Vec<(String, String)> {
    let ids = ["a", "b", "t0", "", "a.b", "0a11c9f2b4", "ws.x", "é"];
    let mut entries = Vec::new();
    let mut budget = MAX_INPUT;
    for _ in 0..*rng.pick(&[0, 1, 1, 1, 2, 2, 3]) {
        let (seed_id, seed) = rng.pick_small(&seeds.stored);
        let id = if rng.chance(2) {
            seed_id.clone()
        } else {
            (*rng.pick(&ids)).to_owned()
        };
        let raw = if rng.chance(3) {
            serde_json::to_string(seed).unwrap()
        } else {
            text_of(mutate_json(rng, seed, &seeds.strings, &[]))
        };
        if raw.len() > budget {
            continue;
        }
        budget -= raw.len();
        entries.push((persist::workspace_key(&id), raw));
    }
    if rng.chance(2) {
        let active = match rng.below(3) {
            0 => None,
            1 => entries
                .first()
                .map(|(k, _)| k.trim_start_matches(persist::WORKSPACE_PREFIX).to_owned()),
            _ => Some((*rng.pick(&ids)).to_owned()),
        };
        let meta = Meta {
            active,
            ..Meta::default()
        };
        let mut value = envelope::to_value(Kind::Meta, &meta);
        if rng.chance(3) {
            mutate_tree(rng, &mut value, &seeds.strings);
        }
        entries.push((persist::META_KEY.to_owned(), value.to_string()));
    }
    if rng.chance(4) {
        let version = *rng.pick(&[2, 42, 0, -1, 4_294_967_296_i64]);
        let kind = *rng.pick(&["workspace", "meta", "library", "raci", "spreadsheet"]);
        let key = if rng.chance(2) {
            persist::workspace_key(rng.pick::<&str>(&ids))
        } else {
            persist::META_KEY.to_owned()
        };
        entries.push((
            key,
            format!(r#"{{"format":"splitline","kind":"{kind}","version":{version},"data":{{}}}}"#),
        ));
    }
    if rng.chance(4) {
        let key = persist::backup_key(
            &persist::workspace_key(rng.pick::<&str>(&ids)),
            rng.next() as i64,
        );
        entries.push((key, "junk".into()));
    }
    if rng.chance(6) {
        entries.push(("splitline.something-else".into(), "{}".into()));
        entries.push((persist::PROBE_KEY.into(), "1".into()));
    }
    if rng.chance(8) && !entries.is_empty() {
        // The same key twice, as a buggy glue might list it.
        let dup = entries[rng.below(entries.len())].clone();
        entries.push(dup);
    }
    entries
}

fn text_of(bytes: Vec<u8>) -> String {
    match text(bytes) {
        Input::Text(t) => t,
        Input::Entries(_) => unreachable!(),
    }
}

/// Feeds one input to its decoder and, when accepted, runs the document through the app's
/// pipeline. Returns whether it was accepted.
fn run(target: Target, input: &Input) -> bool {
    match (target, input) {
        (Target::LinkText | Target::LinkJson | Target::LinkCard, Input::Text(t)) => {
            match open_link(t) {
                Ok((doc, _sender)) => {
                    let h = hash(t.as_bytes());
                    match doc {
                        SharedDoc::Workspace(ws) => workspace(&ws, h),
                        SharedDoc::Raci(doc) => raci_doc(&doc, h),
                        SharedDoc::Pricing(doc) => pricing_doc(&doc, h),
                        SharedDoc::Scorecard(card) => card_file(&card, h),
                        SharedDoc::Request(r) => request_doc(&r, h),
                        SharedDoc::Response(r) => response_doc(&r, h),
                    }
                    true
                }
                Err(e) => {
                    let _ = e.message();
                    false
                }
            }
        }
        (Target::Csv, Input::Text(t)) => match raci_csv::import(t) {
            Ok(imported) => {
                raci_pipeline(&imported.raci, "Imported", hash(t.as_bytes()));
                true
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "an import error lists no problem");
                for e in errors {
                    let _ = e.text();
                }
                false
            }
        },
        (Target::File, Input::Text(t)) => match files::read(t.len() as u64, t) {
            Ok(imported) => {
                let h = hash(t.as_bytes());
                match imported {
                    Imported::Workspace(ws) => workspace(&ws, h),
                    Imported::Library {
                        workspaces: list, ..
                    } => {
                        for (i, ws) in list.iter().take(4).enumerate() {
                            workspace(ws, h.wrapping_add(i as u64));
                        }
                    }
                    Imported::Raci(doc) => raci_doc(&doc, h),
                    Imported::Pricing(doc) => pricing_doc(&doc, h),
                    Imported::Scorecard(card) => card_file(&card, h),
                    Imported::Request(r) => request_doc(&r, h),
                    Imported::Response(r) => response_doc(&r, h),
                }
                true
            }
            Err(e) => {
                let _ = e.message();
                false
            }
        },
        (Target::Storage, Input::Entries(entries)) => {
            let mut store = Memory::default();
            store.entries.extend(entries.iter().cloned());
            let mut started = persist::start(&mut store, entries, 1_763_950_000_000);
            for (_, error) in &started.left_alone {
                let _ = error.message();
            }
            for moved in &started.quarantined {
                let _ = moved.error.message();
            }
            match started.library {
                Some(mut lib) => {
                    let h = hash(&Input::Entries(entries.clone()).replay_bytes());
                    assert!(
                        lib.get(lib.active_id()).is_some(),
                        "the open workspace is not in the library"
                    );
                    // Storage is trusted less than it looks: run what the app runs.
                    // Start-up checks what needs no tool; each tool checks its document
                    // when it opens, and the app sets aside a workspace that fails there.
                    for (i, ws) in lib.workspaces().iter().take(3).enumerate() {
                        assert_eq!(
                            ws.check_head(),
                            Ok(()),
                            "a stored workspace opened unchecked"
                        );
                        if ws.check().is_ok() {
                            workspace(ws, h.wrapping_add(i as u64));
                        }
                    }
                    // Then a save that deletes the open workspace, as a buyer would.
                    let active = lib.active_id().to_owned();
                    lib.delete(&active, "fuzz-next".into(), 1_763_950_000_001);
                    let meta = Meta {
                        active: Some(lib.active_id().to_owned()),
                        ..Meta::default()
                    };
                    let wanted = wanted_texts(&lib);
                    let _ = started.saving.save(
                        &mut store,
                        &wanted,
                        &Default::default(),
                        &meta,
                        1_763_950_000_002,
                    );
                    true
                }
                None => false,
            }
        }
        _ => unreachable!("input of the wrong shape for {}", target.name()),
    }
}

// ---------------------------------------------------------------------------------------
// The pipeline an accepted document goes through

fn workspace(ws: &Workspace, h: u64) {
    raci_pipeline(&ws.raci, ws.display_name(), h);
    let duties = ws.raci.msp_duties();
    scorecard_pipeline(&ws.scorecard, &ws.providers, ws.display_name(), h);
    pricing_pipeline(&ws.pricing, &ws.profile, &ws.providers, &duties, h);
    // Edits that cross tools.
    let mut rng = Rng::new(h ^ 0x77);
    let mut edited = ws.clone();
    if let Some(p) = ws.providers.first() {
        edited.remove_provider(&p.id);
    }
    let _ = edited.pricing.add_quote(
        &mut edited.providers,
        Pick::New(rng.pick(&["Fresh MSP", "harbor it", " ", "Ⅸ"]).to_string()),
        "fresh-provider".into(),
    );
    if let Some(p) = ws.providers.get(1) {
        let _ = edited.pricing.add_quote(
            &mut edited.providers,
            Pick::Existing(p.id.clone()),
            String::new(),
        );
    }
    let _ = documents::RaciDoc::of(&edited);
    let _ = PricingDoc::of(&edited);
    // Round trips are sampled: they cost as much as the decode itself.
    if !h.is_multiple_of(8) {
        return;
    }
    let text = envelope::encode(Kind::Workspace, ws);
    assert!(
        files::read(text.len() as u64, &text).is_ok() || ws.check().is_err(),
        "a valid workspace written to a file does not read back"
    );
}

/// A request from `ws` to its first provider, and a response with an answer, a
/// self-rating and one RACI change.
fn proposal_seed(ws: &Workspace) -> Option<(Request, Response)> {
    let provider = ws.providers.first()?;
    let disclose = Disclose {
        company: true,
        contact: "Dana <dana@acme.example>".into(),
        note: "By Friday".into(),
    };
    let (request, _) = Request::of(ws, &provider.id, "00ff00ff00ff".into(), 5, &disclose).ok()?;
    let mut response = Response::blank(&request);
    if let Some(q) = request.questions.first() {
        let a = response.answer_mut(&request, &q.id.clone()).unwrap();
        a.text = "Yes, in writing.".into();
        a.rating = Some(4);
    }
    if let (Some(f), Some(p)) = (request.raci.functions.first(), request.raci.parties.first()) {
        let mut roles = f.roles.clone();
        roles.insert(p.id, Letters::of(&[Letter::Accountable]));
        let change = Change {
            roles,
            day_owner: Some(p.id),
            night_owner: None,
            reason: "Ours".into(),
        };
        response.set_reply(&request, f.id, Some(change));
    }
    response.quote.rates.per_user = 9_900;
    Some((request, response))
}

fn request_doc(r: &Request, h: u64) {
    raci_pipeline(&r.raci, &r.provider, h);
    let _ = r.sum();
    let blank = Response::blank(r);
    if let Err(e) = blank.check() {
        panic!("a blank response to an accepted request fails its check: {e}");
    }
    let _ = blank.progress(r);
    let sender = Sender::default();
    match open_link(&body::request_link(r, &sender)) {
        Ok((SharedDoc::Request(again), _)) => {
            assert_eq!(&*again, r, "a request does not survive its link")
        }
        other => panic!("an accepted request does not re-open from its link: {other:?}"),
    }
}

/// An accepted response, brought into a workspace that sent its request, must leave the
/// workspace passing its own check.
fn response_doc(r: &Response, h: u64) {
    let mut ws = Workspace::new("buyer".into(), "Buyer".into(), 1);
    ws.raci = template::co_managed(Industry::ALL[(h % 4) as usize]).into();
    ws.pricing
        .add_quote(
            &mut ws.providers,
            Pick::New("Harbor IT".into()),
            "p1".into(),
        )
        .unwrap();
    let disclose = Disclose::default();
    let (request, _) =
        Request::of(&ws, "p1", r.request.clone(), 1, &disclose).expect("a checked id");
    ws.note_sent("p1", &request);
    match intake::check(&ws, r) {
        Ok(incoming) => {
            incoming.apply(&mut ws);
            if let Err(e) = ws.check() {
                panic!("an accepted response leaves the workspace failing its check: {e}");
            }
        }
        Err(e) => {
            let _ = e.message();
        }
    }
}

fn raci_doc(doc: &RaciDoc, h: u64) {
    raci_pipeline(&doc.raci, &doc.name, h);
    let ws = doc.clone().into_workspace("from-raci".into(), 1);
    if let Err(e) = ws.check() {
        panic!("a workspace made from an accepted RACI fails its check: {e}");
    }
}

fn pricing_doc(doc: &PricingDoc, h: u64) {
    pricing_pipeline(&doc.pricing, &doc.profile, &doc.providers, &[], h);
    let ws = doc.clone().into_workspace("from-pricing".into(), 1);
    if let Err(e) = ws.check() {
        panic!("a workspace made from an accepted pricing comparison fails its check: {e}");
    }
}

fn card_file(card_in: &CardFile, h: u64) {
    let sc = card_in.scorecard();
    scorecard_pipeline(&sc, &card_in.providers, &card_in.workspace, h);
    // Re-encoding may normalise (empty rows drop out) but then must be stable.
    let once = card::decode(&card::encode(card_in)).expect("an accepted card re-encodes");
    assert_eq!(
        card::decode(&card::encode(&once)).as_ref(),
        Ok(&once),
        "a card does not survive re-encoding"
    );
    let mut n = 0;
    // An accepted card must make a workspace that passes the same check.
    let ws = documents::workspace_from_card(card_in, "from-card".into(), 1, || {
        n += 1;
        format!("fresh{n}")
    })
    .unwrap_or_else(|e| panic!("a workspace made from an accepted card fails its check: {e}"));
    scorecard_pipeline(&ws.scorecard, &ws.providers, &ws.name, h);
    // Import it into another evaluator's workspace.
    let mut other = Scorecard::default();
    let mut providers = vec![
        Provider {
            id: "mine-1".into(),
            name: card_in
                .providers
                .first()
                .map_or("Harbor IT".into(), |p| p.name.to_uppercase()),
        },
        Provider {
            id: "mine-2".into(),
            name: "Somebody else".into(),
        },
    ];
    let _ = merge::plan(&other, &providers, card_in);
    let options = Options {
        add_criteria: h & 1 == 1,
        add_providers: h & 2 == 2,
    };
    let mut k = 0;
    for _ in 0..2 {
        let _ = merge::apply(&mut other, &mut providers, card_in, options, 2, || {
            k += 1;
            format!("new{k}")
        });
    }
    let results = scoring::results(&other, &providers);
    let _ = chart::layout(&results, chart::NARROW);
    let _ = agreement::disagreements(&other, &providers);
    for p in &providers {
        for c in other.criteria.iter().take(8) {
            let _ = agreement::cell_stats(&other, &p.id, &c.id);
        }
    }
}

fn raci_pipeline(raci: &Raci, name: &str, h: u64) {
    let report = checks::check(raci);
    let _ = (report.score_pct(), report.matrix_findings());
    let counts = report.counts_by_function();
    assert_eq!(
        counts.values().sum::<usize>(),
        report.findings.len() - report.matrix_findings()
    );
    let _ = sow::appendix(raci);
    let _ = sow::markdown(raci, name);
    let _ = sow::party_line(raci);
    let _ = markdown::table(raci);
    let _ = workload::workload(raci);
    let _ = workload::heatmap(raci);
    let _ = raci.msp_duties();
    let _ = raci.canonical();
    let _ = raci::slug(name);
    let csv = raci_csv::export_wide(raci);
    if h.is_multiple_of(4) && raci.check_integrity().is_ok() {
        if let Err(e) = raci_csv::import(&csv) {
            // An empty matrix has nothing to export; anything else must read back.
            assert!(
                raci.functions.is_empty() || raci.parties.is_empty(),
                "an exported matrix does not import: {:?}",
                e.first().map(|e| e.text())
            );
        }
    }
    raci_edits(raci, h);
}

/// A few edits through the edit API, then the checks again.
/// Drops an edit's result: the edits only have to keep the document sound.
fn ignore<T>(_: T) {}

fn raci_edits(raci: &Raci, h: u64) {
    let mut rng = Rng::new(h);
    let mut r = raci.clone();
    let strings = ["Edited", "", "x", "MSP", "  ", "Ⅸ", "a/b"];
    let pick_id = |rng: &mut Rng, ids: Vec<u32>| -> u32 {
        if ids.is_empty() || rng.chance(8) {
            rng.next() as u32 % 1000
        } else {
            ids[rng.below(ids.len())]
        }
    };
    for _ in 0..6 {
        let f = pick_id(&mut rng, r.row_ids());
        let p = pick_id(&mut rng, r.party_ids());
        let c = pick_id(&mut rng, r.categories.iter().map(|c| c.id).collect());
        let s = *rng.pick(&strings);
        let delta = *rng.pick(&[-1, 1, -3, i32::MAX, i32::MIN]);
        match rng.below(24) {
            0 => ignore(r.add_party(s, *rng.pick(&Side::ALL))),
            1 => ignore(r.rename_party(p, s)),
            2 => ignore(r.set_party_side(p, *rng.pick(&Side::ALL))),
            3 => ignore(r.move_party(p, delta)),
            4 => ignore(r.remove_party(p)),
            5 => ignore(r.add_category(s)),
            6 => ignore(r.category_named(s)),
            7 => ignore(r.rename_category(c, s)),
            8 => ignore(r.move_category(c, delta)),
            9 => ignore(r.remove_category(c)),
            10 => ignore(r.add_function(c, s)),
            11 => ignore(r.rename_function(f, s)),
            12 => ignore(r.move_function(f, delta)),
            13 => ignore(r.set_function_category(f, c)),
            14 => ignore(r.remove_function(f)),
            15 => ignore(r.set_cell(f, p, Letters::of(&[*rng.pick(&Letter::ALL)]))),
            16 => ignore(r.toggle_letter(f, p, *rng.pick(&Letter::ALL))),
            17 => ignore(r.cycle_cell(f, p)),
            18 => ignore(r.set_owner(
                f,
                *rng.pick(&[Shift::Day, Shift::Night]),
                rng.chance(3).then_some(p),
            )),
            19 => ignore(r.set_text(
                f,
                *rng.pick(&[TextField::P1, TextField::Handoff, TextField::Notes]),
                s,
            )),
            20 => ignore(r.set_mark(f, *rng.pick(&Mark::ALL), rng.chance(2))),
            21 => ignore(r.set_overload_pct(*rng.pick(&[0, 1, 50, 100, 101, 255]))),
            22 => {
                if let Some(func) = r.function(f).cloned() {
                    ignore(r.insert_function(func));
                }
            }
            _ => ignore(template::add_seed(&mut r, "incident-response")),
        }
    }
    if raci.check_integrity().is_ok() {
        if let Err(e) = r.check_integrity() {
            panic!("edits broke the matrix: {e}");
        }
    }
    let _ = checks::check(&r);
    let _ = sow::appendix(&r);
    let _ = workload::heatmap(&r);
}

fn scorecard_pipeline(sc: &Scorecard, providers: &[Provider], name: &str, h: u64) {
    let results = scoring::results(sc, providers);
    let _ = chart::layout(&results, chart::NARROW);
    if let Some(flip) = &results.sensitivity.score_flip {
        let _ = flip.sentence();
    }
    let _ = results.sensitivity.line();
    let _ = results.sensitivity.weight_line();
    let _ = scorecard_csv::to_csv(sc, providers);
    let _ = scorecard_csv::file_name(name);
    let _ = agreement::disagreements(sc, providers);
    let order = call::order(sc);
    let _ = call::resolve(sc, providers);
    for p in providers.iter().take(6) {
        let _ = knockout::reasons(sc, &p.id);
        if let Some(first) = order.first() {
            let _ = call::progress(sc, &p.id, &order, first);
            let _ = call::next_unscored(sc, &p.id, &order, first);
            let _ = call::step(&order, first, -1);
        }
    }
    if h.is_multiple_of(4) {
        let card = card_file::card_file(sc, providers, name, 3);
        let text = card_file::encode(&card);
        let _ = card_file::decode(&text);
        let _ = card::decode(&card::encode(&card));
    }
    scorecard_edits(sc, providers, h);
}

fn scorecard_edits(sc: &Scorecard, providers: &[Provider], h: u64) {
    let mut rng = Rng::new(h ^ 0x5c);
    let mut s = sc.clone();
    let mut providers = providers.to_vec();
    let texts = ["Edited", "", "  ", "Ⅸ", "Security"];
    for i in 0..6 {
        let p = providers
            .get(rng.below(providers.len() + 1))
            .map_or("nobody".to_owned(), |p| p.id.clone());
        let c = s
            .criteria
            .get(rng.below(s.criteria.len() + 1))
            .map_or("nothing".to_owned(), |c| c.id.clone());
        let f = s
            .flags
            .get(rng.below(s.flags.len() + 1))
            .map_or("no-flag".to_owned(), |f| f.id.clone());
        let t = *rng.pick(&texts);
        let score = *rng.pick(&[
            None,
            Some(Score::Points(0)),
            Some(Score::Points(5)),
            Some(Score::NotApplicable),
        ]);
        match rng.below(16) {
            0 | 1 => s.set_score(&p, &c, score),
            2 => ignore(s.set_note(&p, &c, t)),
            3 => {
                if let Ok(w) = Weight::new(*rng.pick(&[0.0, 0.001, 1.0, 2.5, 1000.0])) {
                    ignore(s.set_weight(&c, w));
                }
            }
            4 => ignore(s.add_criterion(format!("new-{i}"), t, "New", Weight::ONE)),
            5 => s.remove_criterion(&c),
            6 => ignore(s.move_criterion(&c, *rng.pick(&[-1, 1, i32::MAX, i32::MIN]))),
            7 => {
                let group = s
                    .criteria
                    .first()
                    .map(|c| c.group.clone())
                    .unwrap_or_default();
                ignore(s.move_group(&group, *rng.pick(&[-1, 1, i32::MIN])));
            }
            8 => knockout::set_ticked(&mut s, &p, &f, rng.chance(2)),
            9 => ignore(knockout::set_note(&mut s, &p, &f, t)),
            10 => ignore(knockout::add_flag(&mut s, format!("flag-{i}"), t)),
            11 => knockout::remove_flag(&mut s, &f),
            12 => ignore(s.restore_default_criteria()),
            13 => {
                let margin = *rng.pick(&["0", "5", "50", "51", "-1", "2,5", "x"]);
                ignore(s.apply(ScorecardEdit::CloseMargin(margin.into())))
            }
            14 => s.set_agreed(&p, &c, score),
            _ => {
                s.forget_provider(&p);
                providers.retain(|q| q.id != p);
            }
        }
        if rng.chance(3) {
            ignore(s.set_text(
                &c,
                *rng.pick(&[CriterionText::Name, CriterionText::Question]),
                t,
            ));
        }
    }
    let results = scoring::results(&s, &providers);
    let _ = chart::layout(&results, chart::NARROW);
    let _ = scorecard_csv::to_csv(&s, &providers);
}

fn pricing_pipeline(
    pricing: &Pricing,
    profile: &CompanyProfile,
    providers: &[Provider],
    duties: &[splitline::domain::duty::MspDuty],
    h: u64,
) {
    let comparison = compare::compare(pricing, profile, providers, duties);
    let _ = pricing_csv::comparison_csv(&comparison, &[]);
    for q in comparison.ranked() {
        let _ = comparison.rank_text(q);
        let _ = q.rank_label();
    }
    let _ = (comparison.terms_differ(), comparison.max_years());
    for q in &pricing.quotes {
        let t = totals::totals(q, &pricing.env, profile, &pricing.usage);
        let _ = t.unknown();
        let _: Vec<_> = t.years.iter().map(|y| y.total()).collect();
        let _ = crosscheck::cross_check(q, &q.provider, duties, pricing.env.currency);
    }
    // Edits: a new quote, a removed one, then prices again.
    let mut rng = Rng::new(h ^ 0x9e);
    let mut p = pricing.clone();
    let mut list = providers.to_vec();
    let _ = p.add_quote(&mut list, Pick::New("Another MSP".into()), "another".into());
    if let Some(q) = pricing.quotes.get(rng.below(pricing.quotes.len() + 1)) {
        p.remove_quote(&q.provider);
    }
    let _ = p.unquoted(&list);
    let again = compare::compare(&p, profile, &list, duties);
    let _ = pricing_csv::comparison_csv(&again, &[]);
}

// ---------------------------------------------------------------------------------------
// The runner

thread_local! {
    /// The message and place of the last panic on this thread, from the panic hook.
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
            (*s).to_owned()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "(no message)".to_owned()
        };
        let place = info.location().map_or("?".into(), |l| {
            format!("{}:{}:{}", l.file(), l.line(), l.column())
        });
        LAST_PANIC.with(|p| *p.borrow_mut() = Some((message, place)));
    }));
}

struct Finding {
    kind: &'static str,
    target: Target,
    message: String,
    place: String,
    count: usize,
    /// The smallest input seen for this finding.
    input: Input,
    ms: f64,
}

#[derive(Default)]
struct Tally {
    inputs: usize,
    accepted: [usize; 6],
    per_target: [usize; 6],
    /// Seconds spent in each target's decoder and pipeline.
    seconds: [f64; 6],
    panics: usize,
    slow: usize,
    slowest: Option<(f64, Target, usize)>,
    /// Distinct panics by place, slow inputs by target.
    findings: BTreeMap<String, Finding>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.inputs += other.inputs;
        for i in 0..6 {
            self.accepted[i] += other.accepted[i];
            self.per_target[i] += other.per_target[i];
            self.seconds[i] += other.seconds[i];
        }
        self.panics += other.panics;
        self.slow += other.slow;
        if let Some(s) = other.slowest {
            if self.slowest.is_none_or(|m| s.0 > m.0) {
                self.slowest = Some(s);
            }
        }
        for (key, f) in other.findings {
            match self.findings.get_mut(&key) {
                Some(mine) => {
                    mine.count += f.count;
                    if f.input.size() < mine.input.size() {
                        mine.input = f.input;
                        mine.ms = f.ms;
                    }
                }
                None => {
                    self.findings.insert(key, f);
                }
            }
        }
    }

    fn record(&mut self, key: String, finding: Finding) {
        match self.findings.get_mut(&key) {
            Some(f) => {
                f.count += 1;
                if finding.input.size() < f.input.size() {
                    f.input = finding.input;
                    f.ms = finding.ms;
                }
            }
            None => {
                self.findings.insert(key, finding);
            }
        }
    }
}

fn index(target: Target) -> usize {
    TARGETS.iter().position(|&t| t == target).unwrap()
}

fn worker(seeds: &Seeds, seed: u64, count: usize, slow_ms: f64) -> Tally {
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    let started = Instant::now();
    for i in 0..count {
        if i > 0 && i % 500_000 == 0 {
            eprintln!(
                "fuzz progress: seed {seed:#x}: {i} inputs in {:.0} s, {} panics, {} slow",
                started.elapsed().as_secs_f64(),
                tally.panics,
                tally.slow
            );
        }
        let target = target_for(&mut rng);
        let input = generate(&mut rng, seeds, target);
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| run(target, &input)));
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        // A busy machine can stall any input: time it twice more and keep the fastest.
        let ms = if ms > slow_ms {
            (0..2)
                .map(|_| {
                    let again = Instant::now();
                    let _ = catch_unwind(AssertUnwindSafe(|| run(target, &input)));
                    again.elapsed().as_secs_f64() * 1000.0
                })
                .fold(ms, f64::min)
        } else {
            ms
        };
        let t = index(target);
        tally.inputs += 1;
        tally.per_target[t] += 1;
        tally.seconds[t] += ms / 1000.0;
        if tally.slowest.is_none_or(|s| ms > s.0) {
            tally.slowest = Some((ms, target, input.size()));
        }
        match outcome {
            Ok(accepted) => tally.accepted[t] += usize::from(accepted),
            Err(_) => {
                tally.panics += 1;
                let (message, place) = LAST_PANIC
                    .with(|p| p.borrow_mut().take())
                    .unwrap_or_else(|| ("?".into(), "?".into()));
                let key = format!("panic {} {place}", target.name());
                tally.record(
                    key,
                    Finding {
                        kind: "panic",
                        target,
                        message,
                        place,
                        count: 1,
                        input: input.clone(),
                        ms,
                    },
                );
            }
        }
        if ms > slow_ms {
            tally.slow += 1;
            tally.record(
                format!("slow {}", target.name()),
                Finding {
                    kind: "slow",
                    target,
                    message: format!("took {ms:.1} ms (limit {slow_ms} ms)"),
                    place: String::new(),
                    count: 1,
                    input: input.clone(),
                    ms,
                },
            );
        }
    }
    tally
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// CPU time of this process so far (Linux), to tell the harness's speed from a busy machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn failures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures")
}

fn show(input: &Input) -> String {
    let bytes = input.replay_bytes();
    let cut = &bytes[..bytes.len().min(600)];
    let more = if bytes.len() > cut.len() {
        format!(" … ({} bytes in all)", bytes.len())
    } else {
        String::new()
    };
    match std::str::from_utf8(cut) {
        Ok(s) if !s.contains(['\0', '\u{1b}']) => format!("{s:?}{more}"),
        _ => format!("base64:{}{more}", STANDARD.encode(cut)),
    }
}

/// Feeds `total` inputs on every core; returns the report and whether the run passed.
fn fuzz(total: usize, slow_ms: f64) -> (String, bool) {
    let seed = env_num("FUZZ_SEED", 0x5EED_5EED_1234_5678);
    let threads = env_num(
        "FUZZ_THREADS",
        std::thread::available_parallelism().map_or(2, |n| n.get()) as u64,
    )
    .max(1) as usize;
    let started = Instant::now();
    let seeds = build_seeds();
    install_hook();
    let tally = Mutex::new(Tally::default());
    std::thread::scope(|s| {
        for t in 0..threads {
            let count = total / threads + usize::from(t < total % threads);
            let seeds = &seeds;
            let tally = &tally;
            s.spawn(move || {
                let mine = worker(seeds, seed.wrapping_add(t as u64), count, slow_ms);
                tally.lock().unwrap().merge(mine);
            });
        }
    });
    let _ = std::panic::take_hook();
    let tally = tally.into_inner().unwrap();
    let secs = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds();
    let mut out = String::new();
    let accepted: usize = tally.accepted.iter().sum();
    out.push_str(&format!(
        "fuzz: {} inputs in {secs:.1} s ({:.0}/s on {threads} threads, seed {seed:#x})\n",
        tally.inputs,
        tally.inputs as f64 / secs
    ));
    if let Some(cpu) = cpu {
        out.push_str(&format!(
            "fuzz: {cpu:.1} s of CPU, {:.0} µs per input: {:.0}/s on 2 idle cores\n",
            cpu * 1e6 / tally.inputs as f64,
            2.0 * tally.inputs as f64 / cpu
        ));
    }
    let per: Vec<String> = TARGETS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "{} {}/{} in {:.1} s",
                t.name(),
                tally.accepted[i],
                tally.per_target[i],
                tally.seconds[i]
            )
        })
        .collect();
    out.push_str(&format!("fuzz: accepted {accepted} ({})\n", per.join(", ")));
    if let Some((ms, target, size)) = tally.slowest {
        out.push_str(&format!(
            "fuzz: slowest input {ms:.1} ms ({}, {size} bytes); limit {slow_ms} ms\n",
            target.name()
        ));
    }
    out.push_str(&format!(
        "fuzz: panics {} ({} distinct), slow inputs {}\n",
        tally.panics,
        tally
            .findings
            .values()
            .filter(|f| f.kind == "panic")
            .count(),
        tally.slow
    ));
    let dir = failures_dir();
    // Only this run's findings: an earlier run's files would mislead.
    let _ = std::fs::remove_dir_all(&dir);
    for (n, f) in tally.findings.values().enumerate() {
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join(format!("{}-{}-{n}.txt", f.kind, f.target.name()));
        let _ = std::fs::write(&file, f.input.replay_bytes());
        out.push_str(&format!(
            "fuzz: {} in {} ({}×): {} {}\n  input ({} bytes, {:.1} ms): {}\n  replay: FUZZ_REPLAY={} cargo test --profile fuzz --test fuzz replay -- --ignored --nocapture\n",
            f.kind,
            f.target.name(),
            f.count,
            f.message,
            f.place,
            f.input.size(),
            f.ms,
            show(&f.input),
            file.display()
        ));
    }
    (out, tally.panics == 0 && tally.slow == 0)
}

/// `make fuzz`: 10,000,000 inputs by default, each under 200 ms.
#[test]
#[ignore = "slow: run with `make fuzz`"]
fn decoders_never_panic_nor_stall() {
    let total = env_num("FUZZ_INPUTS", 10_000_000) as usize;
    let slow_ms = env_num("FUZZ_SLOW_MS", 200) as f64;
    let (report, ok) = fuzz(total, slow_ms);
    print!("{report}");
    assert!(ok, "the fuzzer found panics or slow inputs (above)");
}

/// A short run in every `cargo test`. Debug builds are some 20 times slower than the
/// fuzz profile, so the time limit here only catches gross stalls.
#[test]
fn fuzz_smoke() {
    let total = env_num("FUZZ_SMOKE_INPUTS", 20_000) as usize;
    let (report, ok) = fuzz(total, 5_000.0);
    assert!(ok, "the fuzz smoke found panics or slow inputs:\n{report}");
    print!("{report}");
}

/// Runs one saved input again: `FUZZ_REPLAY=<file>`, the target read from the file name.
#[test]
#[ignore = "replays FUZZ_REPLAY"]
fn replay() {
    let Ok(path) = std::env::var("FUZZ_REPLAY") else {
        return;
    };
    let name = std::path::Path::new(&path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let target = TARGETS
        .into_iter()
        .find(|t| name.contains(&format!("-{}-", t.name())))
        .or_else(|| {
            std::env::var("FUZZ_TARGET")
                .ok()
                .and_then(|t| Target::from_name(&t))
        })
        .expect("name the target in the file name or FUZZ_TARGET");
    let input = Input::from_replay(target, &std::fs::read(&path).unwrap());
    let started = Instant::now();
    let accepted = run(target, &input);
    println!(
        "replay: {} {} bytes, accepted {accepted}, {:.1} ms",
        target.name(),
        input.size(),
        started.elapsed().as_secs_f64() * 1000.0
    );
}

/// The harness's cheap packing must produce links the real decoder opens exactly like
/// the real encoder's.
#[test]
fn fast_packing_matches_the_real_links() {
    for body in [&b""[..], b"{}", &[7u8; 9000][..], &[1u8; 70_000][..]] {
        for kind in LinkKind::ALL {
            assert_eq!(
                link::unpack(&pack_fast(kind, body)),
                link::unpack(&link::pack(kind, body))
            );
        }
    }
}

/// What each stage costs on the seeds, to tune the mix: `cargo test --profile fuzz --test
/// fuzz stage_costs -- --ignored --nocapture`.
#[test]
#[ignore = "prints timings"]
fn stage_costs() {
    let seeds = build_seeds();
    let time = |name: &str, n: usize, f: &mut dyn FnMut()| {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "{name}: {:.1} us",
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    };
    let c = seeds.cards[0].clone();
    time("card::decode", 200, &mut || drop(card::decode(&c)));
    let link = pack_fast(LinkKind::Scorecard, &c);
    time("open_link card", 200, &mut || drop(open_link(&link)));
    let cf = card::decode(&c).unwrap();
    time("card_file pipeline", 50, &mut || card_file(&cf, 1));
    let sc = cf.scorecard();
    time("scoring::results", 50, &mut || {
        drop(scoring::results(&sc, &cf.providers))
    });
    time("scorecard_pipeline", 50, &mut || {
        scorecard_pipeline(&sc, &cf.providers, "x", 1)
    });
    for (i, (kind, body)) in seeds.bodies.iter().enumerate() {
        let b = serde_json::to_vec(body).unwrap();
        let l = pack_fast(*kind, &b);
        let (doc, _) = open_link(&l).unwrap();
        time(
            &format!("open_link {i} {kind:?} {}", b.len()),
            20,
            &mut || drop(open_link(&l)),
        );
        time(&format!("  pipeline {i}"), 10, &mut || match &doc {
            SharedDoc::Workspace(ws) => workspace(ws, 1),
            SharedDoc::Raci(d) => raci_doc(d, 1),
            SharedDoc::Pricing(d) => pricing_doc(d, 1),
            SharedDoc::Scorecard(c) => card_file(c, 1),
            SharedDoc::Request(r) => request_doc(r, 1),
            SharedDoc::Response(r) => response_doc(r, 1),
        });
    }
    for (i, s) in seeds.csv.iter().enumerate().take(4) {
        time(&format!("csv import {i} {}", s.len()), 20, &mut || {
            drop(raci_csv::import(s))
        });
    }
}
