//! Entry point of the explainer page (the Leptos app arrives with its own issue).

fn main() {}
