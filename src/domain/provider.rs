//! The managed service providers under evaluation in a workspace.
//!
//! One list per workspace, shared by the scorecard and the pricing comparison, so the
//! same MSP is the same entity in both tools.

use serde::{Deserialize, Serialize};

/// Side-by-side comparison stops being readable beyond this many providers.
pub const MAX_PROVIDERS: usize = 20;
pub const MAX_PROVIDER_NAME_CHARS: usize = 80;

/// Colours the charts tell providers apart by, before they repeat.
pub const COLOURS: usize = 8;

/// A provider's colour in every chart, below `COLOURS`: from its place in the workspace's
/// list, so it keeps one colour from tool to tool whatever order a chart ranks it in.
pub fn colour(providers: &[Provider], id: &str) -> usize {
    providers.iter().position(|p| p.id == id).unwrap_or(0) % COLOURS
}

/// An MSP being evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provider {
    /// Stable across renames and across evaluators' copies of a shared scorecard.
    pub id: String,
    pub name: String,
}

/// Why a provider name or addition was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderError {
    EmptyName,
    NameTooLong,
    DuplicateName,
    TooMany,
}

impl ProviderError {
    pub fn message(self) -> &'static str {
        match self {
            ProviderError::EmptyName => "Give the provider a name.",
            ProviderError::NameTooLong => "Keep the provider name under 80 characters.",
            ProviderError::DuplicateName => "Another provider already has this name.",
            ProviderError::TooMany => "You can compare up to 20 providers.",
        }
    }
}

/// Names are compared without case or surrounding space: "Acme IT" and "acme it " are one MSP.
pub fn same_name(a: &str, b: &str) -> bool {
    crate::domain::text::same_ignoring_case(a.trim(), b.trim())
}

fn check_name(list: &[Provider], name: &str, except_id: Option<&str>) -> Result<(), ProviderError> {
    if name.trim().is_empty() {
        return Err(ProviderError::EmptyName);
    }
    if name.trim().chars().count() > MAX_PROVIDER_NAME_CHARS {
        return Err(ProviderError::NameTooLong);
    }
    let clash = list
        .iter()
        .any(|p| Some(p.id.as_str()) != except_id && same_name(&p.name, name));
    if clash {
        return Err(ProviderError::DuplicateName);
    }
    Ok(())
}

/// Adds a provider with a fresh id (supplied by the caller) and a checked name.
pub fn add(list: &mut Vec<Provider>, id: String, name: &str) -> Result<(), ProviderError> {
    if list.len() >= MAX_PROVIDERS {
        return Err(ProviderError::TooMany);
    }
    check_name(list, name, None)?;
    list.push(Provider {
        id,
        name: name.trim().to_owned(),
    });
    Ok(())
}

/// Renames a provider; unknown ids are ignored.
pub fn rename(list: &mut [Provider], id: &str, name: &str) -> Result<(), ProviderError> {
    check_name(list, name, Some(id))?;
    if let Some(p) = list.iter_mut().find(|p| p.id == id) {
        p.name = name.trim().to_owned();
    }
    Ok(())
}

/// The name of the provider with this id, if the list has it.
pub fn name_of<'a>(list: &'a [Provider], id: &str) -> Option<&'a str> {
    list.iter().find(|p| p.id == id).map(|p| p.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds a provider by name, ignoring case and surrounding space.
    pub fn find_by_name<'a>(list: &'a [Provider], name: &str) -> Option<&'a Provider> {
        list.iter().find(|p| same_name(&p.name, name))
    }

    #[test]
    fn names_are_found_by_id() {
        let providers = list(&["Harbor IT", "Keystone"]);
        assert_eq!(name_of(&providers, "p1"), Some("Keystone"));
        assert_eq!(name_of(&providers, "nope"), None);
    }

    fn list(names: &[&str]) -> Vec<Provider> {
        let mut out = Vec::new();
        for (i, n) in names.iter().enumerate() {
            add(&mut out, format!("p{i}"), n).unwrap();
        }
        out
    }

    #[test]
    fn add_trims_and_refuses_blank_duplicate_and_long_names() {
        let mut l = list(&["Acme IT"]);
        assert_eq!(l[0].name, "Acme IT");
        assert_eq!(add(&mut l, "x".into(), "  "), Err(ProviderError::EmptyName));
        assert_eq!(
            add(&mut l, "x".into(), " acme it "),
            Err(ProviderError::DuplicateName)
        );
        assert_eq!(
            add(&mut l, "x".into(), &"n".repeat(81)),
            Err(ProviderError::NameTooLong)
        );
        assert_eq!(l.len(), 1);
    }

    #[test]
    fn at_most_twenty_providers() {
        let names: Vec<String> = (0..MAX_PROVIDERS).map(|i| format!("MSP {i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut l = list(&refs);
        assert_eq!(
            add(&mut l, "x".into(), "One more"),
            Err(ProviderError::TooMany)
        );
    }

    #[test]
    fn rename_keeps_the_id_and_allows_a_case_change_of_its_own_name() {
        let mut l = list(&["Acme IT", "Bravo"]);
        assert_eq!(rename(&mut l, "p0", "ACME IT"), Ok(()));
        assert_eq!(
            l[0],
            Provider {
                id: "p0".into(),
                name: "ACME IT".into()
            }
        );
        assert_eq!(
            rename(&mut l, "p0", "bravo"),
            Err(ProviderError::DuplicateName)
        );
        assert_eq!(
            find_by_name(&l, " acme it").map(|p| p.id.as_str()),
            Some("p0")
        );
    }
}
