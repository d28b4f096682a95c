//! The letters of one cell: any combination of R, A, C and I.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One RACI letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Letter {
    Responsible,
    Accountable,
    Consulted,
    Informed,
}

impl Letter {
    /// In the order cells show them: the accountable party first, as in "A/R".
    pub const ALL: [Letter; 4] = [
        Letter::Accountable,
        Letter::Responsible,
        Letter::Consulted,
        Letter::Informed,
    ];

    fn bit(self) -> u8 {
        match self {
            Letter::Responsible => 1,
            Letter::Accountable => 2,
            Letter::Consulted => 4,
            Letter::Informed => 8,
        }
    }

    pub fn char(self) -> char {
        match self {
            Letter::Responsible => 'R',
            Letter::Accountable => 'A',
            Letter::Consulted => 'C',
            Letter::Informed => 'I',
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Letter::Responsible => "Responsible",
            Letter::Accountable => "Accountable",
            Letter::Consulted => "Consulted",
            Letter::Informed => "Informed",
        }
    }

    /// The letter a key or character stands for, in either case.
    pub fn from_char(c: char) -> Option<Letter> {
        match c.to_ascii_uppercase() {
            'R' => Some(Letter::Responsible),
            'A' => Some(Letter::Accountable),
            'C' => Some(Letter::Consulted),
            'I' => Some(Letter::Informed),
            _ => None,
        }
    }
}

/// A set of letters. Empty means the party has no role in the function.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Letters(u8);

/// Why a cell's text is not a set of RACI letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadLetter(pub char);

impl Letters {
    pub const NONE: Letters = Letters(0);

    pub fn of(letters: &[Letter]) -> Letters {
        letters.iter().fold(Letters::NONE, |acc, l| acc.with(*l))
    }

    pub fn has(self, letter: Letter) -> bool {
        self.0 & letter.bit() != 0
    }

    pub fn with(self, letter: Letter) -> Letters {
        Letters(self.0 | letter.bit())
    }

    pub fn toggle(self, letter: Letter) -> Letters {
        Letters(self.0 ^ letter.bit())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Letter> {
        Letter::ALL.into_iter().filter(move |l| self.has(*l))
    }

    /// What a click shows next: none → R → A → A/R → C → I → none. Any other
    /// combination (made with the keyboard) starts the cycle again.
    pub fn cycle(self) -> Letters {
        use Letter::*;
        const ORDER: [&[Letter]; 6] = [
            &[],
            &[Responsible],
            &[Accountable],
            &[Accountable, Responsible],
            &[Consulted],
            &[Informed],
        ];
        let at = ORDER.iter().position(|set| Letters::of(set) == self);
        match at {
            Some(i) => Letters::of(ORDER[(i + 1) % ORDER.len()]),
            None => Letters::NONE,
        }
    }

    /// The letters joined with "/", as cells and CSV files show them: "A/R".
    pub fn label(self) -> String {
        let mut out = String::new();
        for l in self.iter() {
            if !out.is_empty() {
                out.push('/');
            }
            out.push(l.char());
        }
        out
    }

    /// The letters spelled out for screen readers, starting with what the cell shows
    /// (so the name contains the visible text): "A/R: Accountable, Responsible".
    pub fn spoken(self) -> String {
        if self.is_empty() {
            return "No role".to_owned();
        }
        let words: Vec<&str> = self.iter().map(Letter::name).collect();
        format!("{}: {}", self.label(), words.join(", "))
    }

    /// Reads "A/R", "a,r", "A+R", "A R" or "AR". Blank text is no letters.
    pub fn parse(text: &str) -> Result<Letters, BadLetter> {
        let mut out = Letters::NONE;
        for c in text.chars() {
            if matches!(c, '/' | ',' | '+' | ';') || c.is_whitespace() {
                continue;
            }
            out = out.with(Letter::from_char(c).ok_or(BadLetter(c))?);
        }
        Ok(out)
    }
}

impl Serialize for Letters {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iter().map(Letter::char).collect::<String>())
    }
}

impl<'de> Deserialize<'de> for Letters {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Letters, D::Error> {
        let text = String::deserialize(d)?;
        Letters::parse(&text)
            .map_err(|BadLetter(c)| serde::de::Error::custom(format!("not a RACI letter: {c}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Letter::*;

    #[test]
    fn parse_accepts_every_separator_lowercase_and_run_together_letters() {
        let ar = Letters::of(&[Accountable, Responsible]);
        for text in [
            "A/R", "a/r", "A,R", "A+R", "A R", "AR", "ra", " r / a ", "A;R",
        ] {
            assert_eq!(Letters::parse(text), Ok(ar), "{text}");
        }
        assert_eq!(Letters::parse(""), Ok(Letters::NONE));
        assert_eq!(Letters::parse("  "), Ok(Letters::NONE));
        assert_eq!(Letters::parse("A/X"), Err(BadLetter('X')));
        assert_eq!(Letters::parse("-"), Err(BadLetter('-')));
    }

    #[test]
    fn label_puts_the_accountable_letter_first() {
        assert_eq!(Letters::of(&[Responsible, Accountable]).label(), "A/R");
        assert_eq!(Letters::of(&[Informed, Consulted]).label(), "C/I");
        assert_eq!(Letters::NONE.label(), "");
        assert_eq!(
            Letters::of(&[Responsible, Accountable]).spoken(),
            "A/R: Accountable, Responsible"
        );
        assert_eq!(Letters::NONE.spoken(), "No role");
    }

    #[test]
    fn a_click_cycles_through_the_common_combinations_and_back() {
        let mut seen = vec![Letters::NONE];
        let mut l = Letters::NONE.cycle();
        while !l.is_empty() {
            seen.push(l);
            l = l.cycle();
        }
        let labels: Vec<String> = seen.iter().map(|l| l.label()).collect();
        assert_eq!(labels, ["", "R", "A", "A/R", "C", "I"]);
        assert_eq!(Letters::of(&[Consulted, Informed]).cycle(), Letters::NONE);
    }

    #[test]
    fn toggle_adds_and_removes_one_letter() {
        let a = Letters::NONE.toggle(Accountable);
        assert!(a.has(Accountable) && !a.has(Responsible));
        assert_eq!(a.toggle(Accountable), Letters::NONE);
    }

    #[test]
    fn serde_stores_compact_text_and_refuses_unknown_letters() {
        let ar = Letters::of(&[Accountable, Responsible]);
        assert_eq!(serde_json::to_string(&ar).unwrap(), "\"AR\"");
        assert_eq!(serde_json::from_str::<Letters>("\"AR\"").unwrap(), ar);
        assert!(serde_json::from_str::<Letters>("\"Q\"").is_err());
    }
}
