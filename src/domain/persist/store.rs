//! What saving needs from a key-value store. The browser's localStorage implements it in
//! `crate::browser::storage`; `Memory` stands in for it in tests, with a quota, so the save path's
//! decisions (what is written, kept, backed up or refused) are tested natively.

use std::collections::BTreeMap;

/// Why one write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's quota for this site is used up.
    Full,
    Other(String),
}

impl WriteError {
    pub fn message(&self) -> String {
        match self {
            WriteError::Full => "This browser's storage for Splitline is full.".into(),
            WriteError::Other(detail) => format!("The browser refused to save ({detail})."),
        }
    }
}

pub trait Store {
    fn read(&self, key: &str) -> Option<String>;
    fn write(&mut self, key: &str, text: &str) -> Result<(), WriteError>;
    /// A failed removal only leaves stale data behind, so it is not reported.
    fn remove(&mut self, key: &str);
}

/// An in-memory store that counts characters against a quota, as browsers do.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    pub entries: BTreeMap<String, String>,
    pub quota_chars: Option<usize>,
}

impl Memory {
    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    /// Every pair, as the browser glue lists them at start-up.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.entries
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

impl Store for Memory {
    fn read(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn write(&mut self, key: &str, text: &str) -> Result<(), WriteError> {
        let needed = self.used_without(key) + key.chars().count() + text.chars().count();
        if self.quota_chars.is_some_and(|quota| needed > quota) {
            return Err(WriteError::Full);
        }
        self.entries.insert(key.to_owned(), text.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }
}
