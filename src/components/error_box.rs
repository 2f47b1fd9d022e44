//! A readable error in place of a chart: the sentence for readers, and (when known) the
//! technical detail behind a disclosure, with a Retry link for errors a reload can fix.

use leptos::prelude::*;

/// Separates the reader's sentence from the technical detail in an error string made by
/// [`with_detail`] (ASCII unit separator: never part of a sentence).
const DETAIL_SEPARATOR: char = '\u{1f}';

/// One string carrying a reader's `message` and the technical `detail` apart, for code
/// that passes errors as `String` (the snapshot loader's [`crate::data::Loaded`]).
/// [`ErrorBox`] shows the message, the detail behind a disclosure and a Retry link.
pub fn with_detail(message: &str, detail: &str) -> String {
    format!("{message}{DETAIL_SEPARATOR}{detail}")
}

/// The reader's sentence and, for strings made by [`with_detail`], the technical detail.
pub fn split_detail(text: &str) -> (&str, Option<&str>) {
    match text.split_once(DETAIL_SEPARATOR) {
        Some((message, detail)) => (message, Some(detail)),
        None => (text, None),
    }
}

/// Shows `message` where the chart would be. A `message` made by [`with_detail`], or an
/// explicit `detail`, adds a "Technical detail" disclosure and a Retry link (reload).
#[component]
pub fn ErrorBox(
    #[prop(into)] message: String,
    /// Technical detail (file, status, browser error), shown behind a disclosure.
    #[prop(optional, into)]
    detail: Option<String>,
) -> impl IntoView {
    let (sentence, embedded) = split_detail(&message);
    let sentence = sentence.to_owned();
    let detail = detail.or_else(|| embedded.map(str::to_owned));
    let retry = detail.is_some().then(|| {
        view! {
            " "
            <a class="retry" href="" on:click=|ev| {
                ev.prevent_default();
                let _ = window().location().reload();
            }>{crate::state::t("retry")}</a>
        }
    });
    let disclosure = detail.map(|d| {
        view! {
            <details class="error-detail">
                <summary>{crate::state::t("error-detail")}</summary>
                <code>{d}</code>
            </details>
        }
    });
    view! {
        <div class="chart-error" role="alert">
            <strong>{crate::state::t("error-chart-title")}" "</strong>
            <span>{sentence}</span>
            {retry}
            {disclosure}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_round_trips_and_plain_messages_have_none() {
        let text = with_detail("The data file did not arrive.", "HTTP 404 for data/snapshot.json");
        assert_eq!(
            split_detail(&text),
            (
                "The data file did not arrive.",
                Some("HTTP 404 for data/snapshot.json")
            )
        );
        assert_eq!(split_detail("no series `gld`"), ("no series `gld`", None));
    }
}
