//! The status line under the input: what the page is doing or just did, kept as an i18n key
//! with arguments so a language switch re-renders it; and the progress bar beside it.

use super::dom;
use super::i18n;
use super::state::{with_app, App, Status};

/// Says `key` (with `args`) in the status line; `error` shows it as an error.
pub fn set_status(key: &'static str, args: Vec<(&'static str, String)>, error: bool) {
    with_app(move |app| {
        app.status = Status { key, args, error };
        render_status(app);
    });
}

pub fn render_status(app: &App) {
    let args: Vec<(&str, &str)> = app
        .status
        .args
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    let s = i18n::fmt(app.lang, app.status.key, &args);
    app.els.status.set_text_content(Some(&s));
    let _ = app
        .els
        .status
        .class_list()
        .toggle_with_force("error", app.status.error);
}

pub fn show_progress(app: &App, on: bool) {
    dom::set_hidden(&app.els.progress, !on);
}
