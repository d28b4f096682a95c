//! What a share link's page is, told from the link's first characters before anything is
//! decoded: a provider's request, a buyer's returned response, or a read-only copy. It
//! names the browser tab and the screen shown while the page's code loads, so an MSP
//! opening a request never reads "Shared with you" first. `scripts/first-screen.js` reads
//! links the same way before the app starts.

use crate::domain::route::Route;
use crate::domain::share::link::{kind_named, LinkKind};

/// The page a share link opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPage {
    /// A document shared read-only (workspace, scorecard, RACI, pricing).
    Copy,
    /// A request for proposal, opened by the provider it was sent to.
    Request,
    /// A provider's response, opened by the buyer who asked.
    Response,
}

impl LinkPage {
    pub const ALL: [LinkPage; 3] = [LinkPage::Copy, LinkPage::Request, LinkPage::Response];

    /// The page of a fragment's share link (`#/s/1q…`); `None` for any other address.
    pub fn of(fragment: &str) -> Option<LinkPage> {
        let data = Route::shared_data(fragment)?;
        Some(match kind_named(data) {
            Some(LinkKind::Request) => LinkPage::Request,
            Some(LinkKind::Response) => LinkPage::Response,
            _ => LinkPage::Copy,
        })
    }

    /// The name `scripts/first-screen.js` knows its static screen by.
    pub fn key(self) -> &'static str {
        match self {
            LinkPage::Copy => "shared",
            LinkPage::Request => "request",
            LinkPage::Response => "response",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            LinkPage::Copy => Route::Shared.title(),
            LinkPage::Request => "Request for proposal",
            LinkPage::Response => "A provider's response",
        }
    }

    pub fn purpose(self) -> &'static str {
        match self {
            LinkPage::Copy => Route::Shared.purpose(),
            LinkPage::Request => "A buyer of co-managed IT asks you for a proposal: a quote, answers to their questions and your position on who does what. No account is needed, and nothing you type is sent anywhere.",
            LinkPage::Response => "A provider's answer to your request for proposal. Nothing in your workspaces changes until you bring it in.",
        }
    }

    pub fn document_title(self) -> String {
        format!("{} · Splitline", self.title())
    }
}

/// The heading and purpose of the page at `fragment`, for its loading screen.
pub fn heading(fragment: &str) -> (&'static str, &'static str) {
    match LinkPage::of(fragment) {
        Some(page) => (page.title(), page.purpose()),
        None => {
            let route = Route::parse(fragment);
            (route.title(), route.purpose())
        }
    }
}

/// The browser tab's title for the page at `fragment`.
pub fn document_title(fragment: &str) -> String {
    match LinkPage::of(fragment) {
        Some(page) => page.document_title(),
        None => Route::parse(fragment).document_title(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::share::link::pack;

    #[test]
    fn each_link_kind_opens_its_page() {
        let link = |kind| format!("#/s/{}", pack(kind, b"{}"));
        assert_eq!(
            LinkPage::of(&link(LinkKind::Request)),
            Some(LinkPage::Request)
        );
        assert_eq!(
            LinkPage::of(&link(LinkKind::Response)),
            Some(LinkPage::Response)
        );
        for kind in [
            LinkKind::Workspace,
            LinkKind::Scorecard,
            LinkKind::Raci,
            LinkKind::Pricing,
        ] {
            assert_eq!(LinkPage::of(&link(kind)), Some(LinkPage::Copy));
        }
        // A damaged or foreign link still opens the shared page, which says what is wrong.
        assert_eq!(LinkPage::of("#/s/zz"), Some(LinkPage::Copy));
        assert_eq!(LinkPage::of("#/raci"), None);
    }

    #[test]
    fn the_provider_never_reads_the_buyers_wording() {
        let request = format!("#/s/{}", pack(LinkKind::Request, b"{}"));
        assert_eq!(heading(&request).0, "Request for proposal");
        assert!(!heading(&request).1.contains("Shared"));
        assert_eq!(document_title(&request), "Request for proposal · Splitline");
        assert_eq!(
            document_title("#/pricing"),
            "Pricing comparison · Splitline"
        );
        assert_eq!(heading("#/raci").0, "RACI builder");
    }

    #[test]
    fn keys_are_distinct() {
        let keys: Vec<_> = LinkPage::ALL.iter().map(|p| p.key()).collect();
        assert_eq!(keys, ["shared", "request", "response"]);
    }
}
