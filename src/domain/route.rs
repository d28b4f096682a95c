//! The pages of the app and how they map to the URL fragment.
//!
//! Routes live in the fragment (`#/raci`) rather than the path: a static host then
//! serves the same `index.html` for every page, so a reload or a deep link works on any
//! host and under any sub-path without server rewrites, and the fragment is never sent
//! to a server.

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Workspaces,
    Raci,
    Scorecard,
    Pricing,
    /// The decision brief: the three tools joined into one recommendation.
    Decision,
    /// A share link: the document travels in the rest of the fragment (`#/s/<data>`).
    Shared,
    NotFound,
}

impl Route {
    /// The three tools, in the order the buyer uses them.
    pub const TOOLS: [Route; 3] = [Route::Raci, Route::Scorecard, Route::Pricing];

    /// The header's navigation: the tools, then the brief that joins them.
    pub const NAV: [Route; 4] = [
        Route::Raci,
        Route::Scorecard,
        Route::Pricing,
        Route::Decision,
    ];

    /// The data part of a share-link fragment (`#/s/<data>`), if this is one.
    pub fn shared_data(fragment: &str) -> Option<&str> {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        path.trim_start_matches('/').strip_prefix("s/")
    }

    /// The value of `key` in a fragment's query (`#/scorecard?view=call&at=…`), the first
    /// if it is given twice; the query ends at a second `#`.
    pub fn param<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
        let query = fragment.split_once('?')?.1;
        let query = query.split('#').next().unwrap_or("");
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
    }

    /// The fragment with every `key=` pair taken out of its query, and the `?` too when
    /// nothing is left.
    pub fn without_param(fragment: &str, key: &str) -> String {
        let Some((page, query)) = fragment.split_once('?') else {
            return fragment.to_owned();
        };
        let rest: Vec<&str> = query
            .split('&')
            .filter(|pair| {
                pair.strip_prefix(key)
                    .and_then(|r| r.strip_prefix('='))
                    .is_none()
            })
            .collect();
        if rest.is_empty() {
            page.to_owned()
        } else {
            format!("{page}?{}", rest.join("&"))
        }
    }

    /// Reads a fragment such as `#/raci`, `#/raci/` or `#/raci?x=1`. An empty fragment is home.
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = path.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_matches('/');
        if path.starts_with("s/") {
            return Route::Shared;
        }
        match path {
            "" => Route::Home,
            "workspaces" => Route::Workspaces,
            "raci" => Route::Raci,
            "scorecard" => Route::Scorecard,
            "pricing" => Route::Pricing,
            "decision" => Route::Decision,
            _ => Route::NotFound,
        }
    }

    /// The link to the page, relative to the current document so sub-paths keep working.
    pub fn href(self) -> &'static str {
        match self {
            Route::Home => "#/",
            Route::Workspaces => "#/workspaces",
            Route::Raci => "#/raci",
            Route::Scorecard => "#/scorecard",
            Route::Pricing => "#/pricing",
            Route::Decision => "#/decision",
            Route::Shared => "#/s/",
            Route::NotFound => "#/not-found",
        }
    }

    /// The page's heading and navigation label.
    pub fn title(self) -> &'static str {
        match self {
            Route::Home => "Splitline",
            Route::Workspaces => "Workspaces",
            Route::Raci => "RACI builder",
            Route::Scorecard => "Provider scorecard",
            Route::Pricing => "Pricing comparison",
            Route::Decision => "Decision brief",
            Route::Shared => "Shared with you",
            Route::NotFound => "Page not found",
        }
    }

    /// The navigation label on a phone, where the four full titles take two rows. Each is
    /// a word of the title, so the link's name (the full title) still contains what shows.
    pub fn short_title(self) -> &'static str {
        match self {
            Route::Raci => "RACI",
            Route::Scorecard => "Scorecard",
            Route::Pricing => "Pricing",
            Route::Decision => "Brief",
            other => other.title(),
        }
    }

    /// The browser tab's title while the page is open.
    pub fn document_title(self) -> String {
        match self {
            Route::Home => "Splitline: co-managed IT toolkit".to_owned(),
            other => format!("{} · Splitline", other.title()),
        }
    }

    /// One line on what the page is for.
    pub fn purpose(self) -> &'static str {
        match self {
            Route::Home => "Draw the line between your IT team and your managed service provider.",
            Route::Workspaces => "Each engagement keeps its company profile, RACI, scorecard and quotes together.",
            Route::Raci => "Decide who is responsible, accountable, consulted and informed for every IT function, and find the gaps before they become incidents.",
            Route::Scorecard => "Score providers side by side on the questions that separate a real co-managed partner from a sales pitch.",
            Route::Pricing => "Turn every quote into an honest all-in, multi-year figure and compare it with the market and the alternatives.",
            Route::Decision => "One page for the approval meeting: scores, all-in prices and the RACI side by side, with a recommendation and the questions to settle before signing.",
            Route::Shared => "A read-only copy of a document someone shared. Nothing in your own workspaces changes unless you choose to save it.",
            Route::NotFound => "There is no page at this address.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_page_and_its_variants() {
        for route in [
            Route::Home,
            Route::Workspaces,
            Route::Raci,
            Route::Scorecard,
            Route::Pricing,
            Route::Decision,
        ] {
            assert_eq!(Route::parse(route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/raci/"), Route::Raci);
        assert_eq!(Route::parse("#raci"), Route::Raci);
        assert_eq!(Route::parse("#/pricing?year=2"), Route::Pricing);
    }

    #[test]
    fn reads_a_query_parameter_by_its_whole_key() {
        let fragment = "#/scorecard?view=call&at=sc-1&atx=2#view=export";
        assert_eq!(Route::param(fragment, "view"), Some("call"));
        assert_eq!(Route::param(fragment, "at"), Some("sc-1"));
        assert_eq!(Route::param(fragment, "atx"), Some("2"));
        assert_eq!(Route::param(fragment, "a"), None);
        assert_eq!(Route::param("#/scorecard?view=", "view"), Some(""));
        assert_eq!(Route::param("#/scorecard", "view"), None);
        assert_eq!(
            Route::param("#/scorecard?x=1&view=knockouts", "view"),
            Some("knockouts")
        );
    }

    #[test]
    fn each_short_label_is_a_word_of_its_title() {
        for route in Route::NAV {
            let title = route.title().to_ascii_lowercase();
            let short = route.short_title().to_ascii_lowercase();
            assert!(
                title.split(' ').any(|word| word == short),
                "{short} in {title}"
            );
        }
    }

    #[test]
    fn share_links_carry_their_data_in_the_fragment() {
        assert_eq!(Route::parse("#/s/1w2.abc"), Route::Shared);
        assert_eq!(Route::shared_data("#/s/1w2.abc"), Some("1w2.abc"));
        assert_eq!(Route::shared_data("#/raci"), None);
    }

    #[test]
    fn unknown_pages_are_not_found() {
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(Route::parse("#/raci/extra"), Route::NotFound);
        assert_eq!(Route::parse(Route::NotFound.href()), Route::NotFound);
    }

    #[test]
    fn every_page_has_a_title_and_purpose() {
        for route in [
            Route::Home,
            Route::Workspaces,
            Route::Raci,
            Route::Scorecard,
            Route::Pricing,
            Route::Decision,
            Route::NotFound,
        ] {
            assert!(!route.title().is_empty());
            assert!(route.purpose().ends_with('.'));
        }
    }
}
