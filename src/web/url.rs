//! The view in the URL's fragment (`#sample=003&tab=targets&kind=percent&t=18`), so a link
//! restores it. A fragment is never sent to a server.

use super::dom;
use super::logic;
use super::state::App;

/// Puts the view in the URL's fragment, replacing the history entry (a fragment is never sent
/// to a server): the sample, the tab, the filters, the selected row.
pub fn write_url(app: &App) {
    let Some(a) = &app.analysis else { return };
    let v = logic::ViewState {
        sample: app.sample.clone(),
        tab: app.view.tab,
        filter: app.view.filter.clone(),
        target: app.view.selected_target(a),
        packed: None,
    };
    let frag = logic::encode_view(&v);
    let loc = dom::window().location();
    let now = loc.hash().unwrap_or_default();
    if now.trim_start_matches('#') != frag && !(frag.is_empty() && now.is_empty()) {
        let _ = loc.replace(&format!("#{frag}"));
    }
}
