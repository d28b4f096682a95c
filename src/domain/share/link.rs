//! The share-link container.
//!
//! `1w2f.<base64url>`: format `1`, kind `w`, then the payload length in base 36, a dot,
//! and the payload: raw deflate of the body against the format-1 preset dictionary
//! (`dict`, `preset`), followed by the body's CRC-32 (4 bytes, big-endian), in unpadded
//! base64url. The length tells a link cut off by a mail or
//! chat app apart from a damaged one; the checksum catches every other change.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use super::crc::crc32;
use super::dict::DICT_V1;
use super::preset;

/// The format this build writes. Every earlier format must keep decoding.
pub const FORMAT: char = '1';
/// No Splitline link is longer; anything longer is refused before any work is done.
pub const MAX_LINK_CHARS: usize = 16 * 1024;
/// No Splitline document is bigger; inflating stops here, so a decompression bomb is refused.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// Email clients and Teams cut links at about this length.
pub const EMAIL_LIMIT: usize = 2_000;
/// Slack cuts links at about this length.
pub const SLACK_LIMIT: usize = 4_000;

/// Where a link of a given length survives being pasted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Short enough for email, Teams and Slack.
    Everywhere,
    /// Email and Teams cut it; Slack keeps it.
    SlackOnly,
    /// Every common chat and mail app cuts it.
    FileOnly,
}

impl Reach {
    pub fn of(url_chars: usize) -> Reach {
        if url_chars <= EMAIL_LIMIT {
            Reach::Everywhere
        } else if url_chars <= SLACK_LIMIT {
            Reach::SlackOnly
        } else {
            Reach::FileOnly
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Reach::Everywhere => "Short enough for email, Teams and Slack.",
            Reach::SlackOnly => "Too long for email and Teams, which cut links at about 2,000 characters; Slack keeps it. For email, send the JSON file instead.",
            Reach::FileOnly => "Too long for email, Teams and Slack, which cut links at 2,000 to 4,000 characters. Send the JSON file instead.",
        }
    }
}

/// What a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Workspace,
    Scorecard,
    Raci,
    Pricing,
    Request,
    Response,
}

impl LinkKind {
    pub const ALL: [LinkKind; 6] = [
        LinkKind::Workspace,
        LinkKind::Scorecard,
        LinkKind::Raci,
        LinkKind::Pricing,
        LinkKind::Request,
        LinkKind::Response,
    ];

    fn tag(self) -> char {
        match self {
            LinkKind::Workspace => 'w',
            LinkKind::Scorecard => 's',
            LinkKind::Raci => 'r',
            LinkKind::Pricing => 'p',
            LinkKind::Request => 'q',
            LinkKind::Response => 'a',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Workspace => "workspace",
            LinkKind::Scorecard => "scorecard",
            LinkKind::Raci => "RACI matrix",
            LinkKind::Pricing => "pricing comparison",
            LinkKind::Request => "request for proposal",
            LinkKind::Response => "provider's response",
        }
    }
}

/// Why a link could not be opened. Each has a plain message; none changes any data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    TooLong { chars: usize },
    NewerFormat(char),
    NotALink,
    Truncated { have: usize, expected: usize },
    Damaged,
    TooLarge,
    BadBody(String),
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::Empty => "The link carries no data.".into(),
            LinkError::TooLong { chars } => format!(
                "This link is {chars} characters long, more than any Splitline link can be, so it was not opened."
            ),
            LinkError::NewerFormat(f) => format!(
                "This link was made by a newer version of Splitline (link format {f}). Reload the page to update, then open the link again. If it still says this, this site does not have that version yet: ask the sender for a link made with this one."
            ),
            LinkError::NotALink => "This is not a Splitline share link, or it was changed on the way.".into(),
            LinkError::Truncated { have, expected } => format!(
                "The link is incomplete: it has {have} of its {expected} data characters. It was probably cut off by the app it was pasted into. Ask for the JSON file instead, or copy the whole link again."
            ),
            LinkError::Damaged => "The link is damaged: its checksum does not match its contents. Copy the whole link again, or ask for the JSON file.".into(),
            LinkError::TooLarge => "The link expands to more than 256 KB, more than any Splitline document, so it was refused.".into(),
            LinkError::BadBody(detail) => format!("The link's contents could not be read: {detail}"),
        }
    }
}

/// The kind of document link text names in its first characters, read without decoding
/// anything (a request link is shown to a provider without the buyer's tools). The same
/// reading is in `scripts/first-screen.js`, for the screen before the app starts.
pub fn kind_named(text: &str) -> Option<LinkKind> {
    let mut chars = text.chars();
    if chars.next()? != FORMAT {
        return None;
    }
    let tag = chars.next()?;
    LinkKind::ALL.into_iter().find(|k| k.tag() == tag)
}

/// Wraps a body into link text (the part after `#/s/`).
pub fn pack(kind: LinkKind, body: &[u8]) -> String {
    let mut bytes = preset::deflate_with(DICT_V1, body);
    bytes.extend_from_slice(&crc32(body).to_be_bytes());
    let payload = URL_SAFE_NO_PAD.encode(bytes);
    format!(
        "{FORMAT}{}{}.{payload}",
        kind.tag(),
        to_base36(payload.len())
    )
}

/// Opens link text, checking every layer before trusting the next.
pub fn unpack(text: &str) -> Result<(LinkKind, Vec<u8>), LinkError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong {
            chars: text.chars().count(),
        });
    }
    // Mail clients wrap long links; the wrapping is not part of the data. Pasted into
    // the address bar, a line break may arrive percent-encoded ("%0A"): a link never
    // holds '%' otherwise.
    let mut text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for encoded in ["%0A", "%0a", "%0D", "%0d", "%20", "%09"] {
        if text.contains(encoded) {
            text = text.replace(encoded, "");
        }
    }
    let mut chars = text.chars();
    let format = chars.next().ok_or(LinkError::Empty)?;
    if format != FORMAT {
        return Err(if format.is_ascii_digit() && format > FORMAT {
            LinkError::NewerFormat(format)
        } else {
            LinkError::NotALink
        });
    }
    let tag = chars.next().ok_or(LinkError::NotALink)?;
    let kind = LinkKind::ALL
        .into_iter()
        .find(|k| k.tag() == tag)
        .ok_or(LinkError::NotALink)?;
    let rest = chars.as_str();
    let (length, payload) = rest.split_once('.').ok_or(LinkError::NotALink)?;
    let expected = from_base36(length).ok_or(LinkError::NotALink)?;
    if payload.len() < expected {
        return Err(LinkError::Truncated {
            have: payload.len(),
            expected,
        });
    }
    // Mail and chat apps can take a ")" or "." after a link into it: what follows the
    // length the link declares is dropped, and the checksum still guards the rest.
    let payload = payload.get(..expected).ok_or(LinkError::Damaged)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| LinkError::Damaged)?;
    if bytes.len() < 4 {
        return Err(LinkError::Damaged);
    }
    let (compressed, crc) = bytes.split_at(bytes.len() - 4);
    let body =
        preset::inflate_with(DICT_V1, compressed, MAX_BODY_BYTES).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Damaged,
        })?;
    let expected_crc = u32::from_be_bytes([crc[0], crc[1], crc[2], crc[3]]);
    if crc32(&body) != expected_crc {
        return Err(LinkError::Damaged);
    }
    Ok((kind, body))
}

fn to_base36(mut n: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

fn from_base36(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 4 {
        return None;
    }
    usize::from_str_radix(text, 36).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_kind_a_link_names_is_read_from_its_first_characters() {
        let link = pack(LinkKind::Request, b"{}");
        assert!(
            link.starts_with("1q"),
            "first-screen.js reads request links as 1q: {link}"
        );
        assert_eq!(kind_named(&link), Some(LinkKind::Request));
        assert_eq!(
            kind_named(&pack(LinkKind::Response, b"{}")),
            Some(LinkKind::Response)
        );
        assert_eq!(kind_named("2q.abc"), None);
        assert_eq!(kind_named("1"), None);
        assert_eq!(kind_named(""), None);
    }

    #[test]
    fn pack_then_unpack_is_the_identity() {
        let body = b"{\"hello\":\"<script>alert(1)</script>\"}";
        let link = pack(LinkKind::Scorecard, body);
        assert!(link.starts_with("1s"));
        assert_eq!(unpack(&link), Ok((LinkKind::Scorecard, body.to_vec())));
    }

    #[test]
    fn wrapped_links_still_open() {
        let link = pack(LinkKind::Raci, &[7u8; 300]);
        let (head, tail) = link.split_at(20);
        let wrapped = format!("{head}\r\n  {tail}");
        assert_eq!(unpack(&wrapped).unwrap().1, vec![7u8; 300]);
        // The same break as the address bar keeps it, percent-encoded.
        let encoded = format!("{head}%0D%0a%20{tail}");
        assert_eq!(unpack(&encoded).unwrap().1, vec![7u8; 300]);
    }

    #[test]
    fn a_cut_off_link_says_so_with_the_numbers() {
        let link = pack(
            LinkKind::Workspace,
            "a fairly long body that compresses".repeat(20).as_bytes(),
        );
        let cut = &link[..link.len() - 5];
        match unpack(cut) {
            Err(LinkError::Truncated { have, expected }) => assert_eq!(expected - have, 5),
            other => panic!("{other:?}"),
        }
        assert!(LinkError::Truncated {
            have: 1,
            expected: 2
        }
        .message()
        .contains("cut off by the app it was pasted into"));
    }

    #[test]
    fn a_changed_character_fails_the_checksum_or_the_inflate() {
        let link = pack(
            LinkKind::Workspace,
            b"the quick brown fox jumps over the lazy dog",
        );
        let dot = link.find('.').unwrap();
        for i in dot + 1..link.len() {
            let mut chars: Vec<char> = link.chars().collect();
            chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
            let changed: String = chars.into_iter().collect();
            assert!(unpack(&changed).is_err(), "change at {i} went unnoticed");
        }
    }

    #[test]
    fn unknown_and_foreign_text_is_refused() {
        assert_eq!(unpack(""), Err(LinkError::Empty));
        assert_eq!(unpack("9s1.AA"), Err(LinkError::NewerFormat('9')));
        assert_eq!(unpack("hello"), Err(LinkError::NotALink));
        assert_eq!(unpack("1x1.A"), Err(LinkError::NotALink));
        assert_eq!(unpack("1s"), Err(LinkError::NotALink));
        assert_eq!(unpack("1szzzzz.AA"), Err(LinkError::NotALink));
        assert_eq!(unpack("1s2.AAA"), Err(LinkError::Damaged));
        assert_eq!(unpack("1s2.A!"), Err(LinkError::Damaged));
    }

    #[test]
    fn a_link_says_its_kind_even_when_it_does_not_open() {
        let link = pack(LinkKind::Request, b"{}");
        assert_eq!(kind_named(&link[..link.len() - 3]), Some(LinkKind::Request));
        assert_eq!(kind_named("9q"), None);
    }

    #[test]
    fn punctuation_a_mail_app_took_into_the_link_is_dropped() {
        let link = pack(LinkKind::Workspace, b"{\"a\":1}");
        for tail in [")", ".", ",", ">", "AB"] {
            assert_eq!(unpack(&format!("{link}{tail}")), unpack(&link), "{tail}");
        }
        assert!(unpack(&link).is_ok());
    }

    #[test]
    fn oversized_links_are_refused_unread() {
        let huge = format!("1s0.{}", "A".repeat(MAX_LINK_CHARS));
        assert!(matches!(unpack(&huge), Err(LinkError::TooLong { .. })));
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_expands() {
        let bomb = vec![0u8; MAX_BODY_BYTES * 4];
        let link = pack(LinkKind::Workspace, &bomb);
        assert!(link.len() < MAX_LINK_CHARS, "the bomb link itself is small");
        assert_eq!(unpack(&link), Err(LinkError::TooLarge));
    }

    #[test]
    fn reach_follows_the_limits_of_mail_and_chat_apps() {
        assert_eq!(Reach::of(2_000), Reach::Everywhere);
        assert_eq!(Reach::of(2_001), Reach::SlackOnly);
        assert_eq!(Reach::of(4_000), Reach::SlackOnly);
        assert_eq!(Reach::of(4_001), Reach::FileOnly);
    }

    #[test]
    fn base36_round_trips() {
        for n in [0, 1, 35, 36, 1295, 16384] {
            assert_eq!(from_base36(&to_base36(n)), Some(n));
        }
    }

    proptest! {
        #[test]
        fn any_body_round_trips(body in proptest::collection::vec(any::<u8>(), 0..2000), k in 0usize..4) {
            let kind = LinkKind::ALL[k];
            prop_assert_eq!(unpack(&pack(kind, &body)), Ok((kind, body)));
        }

        #[test]
        fn any_text_is_refused_or_opened_never_a_panic(text in ".{0,300}") {
            let _ = unpack(&text);
        }

        #[test]
        fn any_cut_of_a_link_is_an_error(body in proptest::collection::vec(any::<u8>(), 1..500), cut in 1usize..50) {
            let link = pack(LinkKind::Workspace, &body);
            let keep = link.len().saturating_sub(cut).max(1);
            prop_assert!(unpack(&link[..keep]).is_err());
        }
    }
}
