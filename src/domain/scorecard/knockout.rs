//! Knock-outs: red flags that disqualify a provider whatever its scores.

use super::model::{EditError, RedFlag, Scorecard, MAX_CUSTOM_FLAGS, MAX_TEXT_CHARS};
use crate::domain::provider::Provider;

/// One ticked red flag of a provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnockOut {
    pub flag: String,
    pub text: String,
    /// What was seen or said, in the evaluator's words.
    pub note: String,
}

/// The ticked red flags of a provider, in checklist order. Ticks of a flag that was
/// since removed from the checklist do not count.
pub fn reasons(sc: &Scorecard, provider: &str) -> Vec<KnockOut> {
    let Some(ticked) = sc.knockouts.get(provider) else {
        return Vec::new();
    };
    sc.flags
        .iter()
        .filter_map(|f| {
            ticked.get(&f.id).map(|note| KnockOut {
                flag: f.id.clone(),
                text: f.text.clone(),
                note: note.clone(),
            })
        })
        .collect()
}

/// The providers knocked out, in `providers` order, each with its red flags' texts.
pub fn knocked_out(sc: &Scorecard, providers: &[Provider]) -> Vec<(String, Vec<String>)> {
    providers
        .iter()
        .filter_map(|p| {
            let flags = reasons(sc, &p.id);
            (!flags.is_empty()).then(|| (p.id.clone(), flags.into_iter().map(|k| k.text).collect()))
        })
        .collect()
}

/// The red flags other evaluators ticked for a provider this card does not knock out, by
/// evaluator, while their cards may be seen: the ranking applies only this card's ticks,
/// so the results and the brief say what a panel member saw. (Cards carry flag texts,
/// not ids: a colleague's own flag may have no box on this card's checklist.)
pub fn by_others(sc: &Scorecard, provider: &str) -> Vec<(String, Vec<String>)> {
    if !sc.others_visible() || !reasons(sc, provider).is_empty() {
        return Vec::new();
    }
    sc.others
        .iter()
        .filter_map(|o| {
            let theirs = o.red_flags.get(provider).filter(|f| !f.is_empty())?;
            Some((o.evaluator.clone(), theirs.clone()))
        })
        .collect()
}

/// `by_others` in one phrase: "Bob: “Vague SLAs”; Ana: “No references”".
pub fn by_others_phrase(flags: &[(String, Vec<String>)]) -> String {
    flags
        .iter()
        .map(|(who, texts)| {
            let quoted: Vec<String> = texts.iter().map(|t| format!("“{t}”")).collect();
            format!("{who}: {}", quoted.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn is_ticked(sc: &Scorecard, provider: &str, flag: &str) -> bool {
    sc.knockouts
        .get(provider)
        .is_some_and(|t| t.contains_key(flag))
}

/// Ticks or unticks a red flag for a provider. Unticking forgets the note.
pub fn set_ticked(sc: &mut Scorecard, provider: &str, flag: &str, ticked: bool) {
    if !sc.flags.iter().any(|f| f.id == flag) {
        return;
    }
    if ticked {
        sc.knockouts
            .entry(provider.to_owned())
            .or_default()
            .entry(flag.to_owned())
            .or_default();
    } else if let Some(t) = sc.knockouts.get_mut(provider) {
        t.remove(flag);
        if t.is_empty() {
            sc.knockouts.remove(provider);
        }
    }
}

/// Records what was seen for a ticked flag; a note on an unticked flag ticks it.
pub fn set_note(
    sc: &mut Scorecard,
    provider: &str,
    flag: &str,
    note: &str,
) -> Result<(), EditError> {
    if note.chars().count() > MAX_TEXT_CHARS {
        return Err(EditError::TextTooLong);
    }
    set_ticked(sc, provider, flag, true);
    if let Some(slot) = sc.knockouts.get_mut(provider).and_then(|t| t.get_mut(flag)) {
        *slot = note.to_owned();
    }
    Ok(())
}

/// Adds a custom red flag to every provider's checklist.
pub fn add_flag(sc: &mut Scorecard, id: String, text: &str) -> Result<(), EditError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(EditError::EmptyName);
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(EditError::TextTooLong);
    }
    if sc.flags.iter().filter(|f| f.custom).count() >= MAX_CUSTOM_FLAGS {
        return Err(EditError::TooManyFlags);
    }
    if sc
        .flags
        .iter()
        .any(|f| crate::domain::text::same_ignoring_case(f.text.trim(), text))
    {
        return Err(EditError::DuplicateFlag);
    }
    sc.flags.push(RedFlag {
        id,
        text: text.to_owned(),
        custom: true,
    });
    Ok(())
}

/// Removes a custom red flag and every tick of it. The market's red flags stay.
pub fn remove_flag(sc: &mut Scorecard, id: &str) {
    if !sc.flags.iter().any(|f| f.id == id && f.custom) {
        return;
    }
    sc.flags.retain(|f| f.id != id);
    for ticked in sc.knockouts.values_mut() {
        ticked.remove(id);
    }
    sc.knockouts.retain(|_, t| !t.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_knocked_out(sc: &Scorecard, provider: &str) -> bool {
        !reasons(sc, provider).is_empty()
    }

    #[test]
    fn a_ticked_flag_knocks_a_provider_out_with_its_reason() {
        let mut sc = Scorecard::default();
        assert!(!is_knocked_out(&sc, "p1"));
        set_ticked(&mut sc, "p1", "ko-lock-in", true);
        set_note(&mut sc, "p1", "ko-lock-in", "Own RMM, no export").unwrap();
        let r = reasons(&sc, "p1");
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0].text,
            "Proprietary tooling lock-in, with no clean hand-back"
        );
        assert_eq!(r[0].note, "Own RMM, no export");
        assert!(is_knocked_out(&sc, "p1"));
        assert!(!is_knocked_out(&sc, "p2"));
        set_ticked(&mut sc, "p1", "ko-lock-in", false);
        assert!(!is_knocked_out(&sc, "p1"));
        assert!(sc.knockouts.is_empty());
    }

    #[test]
    fn flags_other_evaluators_ticked_are_told_until_this_card_agrees() {
        let mut sc = Scorecard::default();
        let other = |name: &str, flags: &[&str]| crate::domain::scorecard::model::OtherCard {
            id: name.to_lowercase(),
            evaluator: name.to_owned(),
            red_flags: [(
                "p1".to_owned(),
                flags.iter().map(|f| (*f).to_owned()).collect(),
            )]
            .into(),
            complete: true,
            imported_ms: 0,
            shared_ms: 0,
            cells: Default::default(),
            unmatched: Default::default(),
        };
        let lock_in = "Proprietary tooling lock-in, with no clean hand-back";
        sc.others = vec![
            other("Bob", &[lock_in, "Vague SLAs"]),
            other("Ana", &[lock_in]),
        ];
        assert_eq!(
            by_others_phrase(&by_others(&sc, "p1")),
            format!("Bob: “{lock_in}”, “Vague SLAs”; Ana: “{lock_in}”")
        );
        assert!(by_others(&sc, "p2").is_empty());
        sc.blind = true;
        assert!(
            by_others(&sc, "p1").is_empty(),
            "blind until this card is complete"
        );
        sc.blind = false;
        set_ticked(&mut sc, "p1", "ko-lock-in", true);
        assert!(
            by_others(&sc, "p1").is_empty(),
            "knocked out by this card, the provider is out of the ranking already"
        );
    }

    #[test]
    fn reasons_follow_checklist_order_and_unknown_flags_are_ignored() {
        let mut sc = Scorecard::default();
        set_ticked(&mut sc, "p1", "ko-takes-credit", true);
        set_ticked(&mut sc, "p1", "ko-no-raci", true);
        set_ticked(&mut sc, "p1", "no-such-flag", true);
        let ids: Vec<String> = reasons(&sc, "p1").into_iter().map(|r| r.flag).collect();
        assert_eq!(ids, ["ko-no-raci", "ko-takes-credit"]);
        // A tick stored for a flag that no longer exists does not count.
        sc.knockouts
            .entry("p2".into())
            .or_default()
            .insert("gone".into(), String::new());
        assert!(!is_knocked_out(&sc, "p2"));
    }

    #[test]
    fn a_note_ticks_the_flag_and_long_notes_are_refused() {
        let mut sc = Scorecard::default();
        set_note(&mut sc, "p1", "ko-bypass", "Emailed our CEO").unwrap();
        assert!(is_ticked(&sc, "p1", "ko-bypass"));
        assert_eq!(
            set_note(&mut sc, "p1", "ko-bypass", &"x".repeat(MAX_TEXT_CHARS + 1)),
            Err(EditError::TextTooLong)
        );
    }

    #[test]
    fn custom_flags_are_added_checked_and_removed_with_their_ticks() {
        let mut sc = Scorecard::default();
        let n = sc.flags.len();
        add_flag(&mut sc, "f1".into(), "  No UK data centre ").unwrap();
        assert_eq!(sc.flags.len(), n + 1);
        assert_eq!(sc.flags[n].text, "No UK data centre");
        assert_eq!(
            add_flag(&mut sc, "f2".into(), "no uk data centre"),
            Err(EditError::DuplicateFlag)
        );
        assert_eq!(
            add_flag(&mut sc, "f2".into(), "  "),
            Err(EditError::EmptyName)
        );
        set_ticked(&mut sc, "p1", "f1", true);
        assert!(is_knocked_out(&sc, "p1"));
        remove_flag(&mut sc, "f1");
        assert!(!is_knocked_out(&sc, "p1"));
        assert_eq!(sc.flags.len(), n);
        // The market's red flags cannot be removed.
        remove_flag(&mut sc, "ko-vague-sla");
        assert_eq!(sc.flags.len(), n);
    }

    #[test]
    fn at_most_thirty_custom_flags() {
        let mut sc = Scorecard::default();
        for i in 0..MAX_CUSTOM_FLAGS {
            add_flag(&mut sc, format!("f{i}"), &format!("Flag {i}")).unwrap();
        }
        assert_eq!(
            add_flag(&mut sc, "x".into(), "One more"),
            Err(EditError::TooManyFlags)
        );
    }
}
