//! Robustness harness for the decoders of untrusted input: share links and JSON files.
//! Slow by design, so ignored by `cargo test`; `make fuzz` runs it in release mode and
//! prints how many inputs it fed and how many panicked (the goal is zero).
//!
//! Inputs are random text, random bytes, and mutations of valid links and files (bit
//! flips, cuts, insertions, swapped characters, duplicated spans), from a fixed seed so a
//! failure can be replayed.

use std::panic::{catch_unwind, AssertUnwindSafe};

use splitline::domain::files;
use splitline::domain::share::body::open_link;
use splitline::domain::share::link::{self, LinkKind};

/// xorshift64*: tiny, deterministic, good enough to drive mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const ALPHABET: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.1swrp{}[]\":, \n";

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.truncate(at),
            2 => out.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            3 if at < out.len() => {
                out.remove(at);
            }
            4 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] = ALPHABET[rng.below(ALPHABET.len())];
            }
            _ => {
                let end = (at + rng.below(16)).min(out.len());
                let span = out[at.min(end)..end].to_vec();
                out.splice(at..at, span);
            }
        }
    }
    out
}

fn random_bytes(rng: &mut Rng, text_like: bool) -> Vec<u8> {
    let len = rng.below(600);
    (0..len)
        .map(|_| {
            if text_like {
                ALPHABET[rng.below(ALPHABET.len())]
            } else {
                rng.next() as u8
            }
        })
        .collect()
}

/// Valid links and files of every kind: the golden fixtures, plus a highly compressible body.
fn seeds() -> (Vec<String>, Vec<String>) {
    let links = vec![
        include_str!("fixtures/link-v1-workspace.txt")
            .trim()
            .to_owned(),
        include_str!("fixtures/link-v1-scorecard.txt")
            .trim()
            .to_owned(),
        include_str!("fixtures/link-v1-raci.txt").trim().to_owned(),
        include_str!("fixtures/link-v1-pricing.txt")
            .trim()
            .to_owned(),
        link::pack(LinkKind::Workspace, &[0u8; 2000]),
    ];
    let files = vec![
        include_str!("fixtures/workspace-full-v1.json").to_owned(),
        include_str!("fixtures/raci-v1.json").to_owned(),
        include_str!("fixtures/pricing-v1.json").to_owned(),
        include_str!("fixtures/scorecard-v1.json").to_owned(),
    ];
    (links, files)
}

#[test]
#[ignore = "slow: run with `make fuzz`"]
fn decoders_never_panic_on_a_million_inputs() {
    let total: usize = std::env::var("FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let (links, file_seeds) = seeds();
    let mut rng = Rng(0x5EED_5EED_1234_5678);
    let mut panics = 0usize;
    let mut opened = 0usize;
    std::panic::set_hook(Box::new(|_| {}));
    for i in 0..total {
        let input = match i % 5 {
            0 => random_bytes(&mut rng, true),
            1 => random_bytes(&mut rng, false),
            2 | 3 => {
                let seed = &links[rng.below(links.len())];
                mutate(&mut rng, seed.as_bytes())
            }
            _ => {
                let seed = &file_seeds[rng.below(file_seeds.len())];
                mutate(&mut rng, seed.as_bytes())
            }
        };
        let text = String::from_utf8_lossy(&input).into_owned();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let link_ok = open_link(&text).is_ok();
            let file_ok = files::read(input.len() as u64, &text).is_ok();
            link_ok || file_ok
        }));
        match result {
            Ok(true) => opened += 1,
            Ok(false) => {}
            Err(_) => {
                panics += 1;
                eprintln!("panic on input #{i}: {text:?}");
            }
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "fuzz: {total} inputs fed to the link and file decoders, {opened} opened, {panics} panics"
    );
    assert_eq!(panics, 0);
}
