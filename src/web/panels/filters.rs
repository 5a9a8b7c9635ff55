//! The targets grid's filters (kind, section, deadline, subject, corrected, due by, search)
//! and the legend of the marks' colours.

use super::super::dom::{add, attr, on};
use super::super::i18n::{fmt, kind_key, tr};
use super::super::logic::{self, DeadlineFilter, KINDS};
use super::super::state::{with_app, App};
use super::super::url::write_url;
use super::super::widgets::{fill_select, labelled, select, Labels};
use super::grid::render_grid;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

pub fn render_filters(app: &App) {
    let lang = app.lang;
    let all = tr(lang, "filter.all").to_string();
    let Some(a) = &app.analysis else { return };
    let mut kinds = vec![(String::new(), all.clone())];
    for k in KINDS {
        let n = a.targets.iter().filter(|t| t.kind == k).count();
        if n > 0 {
            kinds.push((
                logic::kind_name(k).into(),
                format!(
                    "{} ({})",
                    tr(lang, &format!("kind.{}", logic::kind_name(k))),
                    n
                ),
            ));
        }
    }
    let kind_v = app
        .view
        .filter
        .kind
        .map(|k| logic::kind_name(k).to_string())
        .unwrap_or_default();
    fill_select(&app.els.f_kind, &kinds, &kind_v);
    let counts = logic::target_counts(a);
    let mut secs = vec![(String::new(), all.clone())];
    for (i, n) in a.outline.iter().enumerate() {
        let c = counts.get(&vec![i]).copied().unwrap_or(0);
        secs.push((i.to_string(), format!("{}{} ({c})", n.marker, n.title)));
    }
    fill_select(
        &app.els.f_section,
        &secs,
        &app.view
            .filter
            .section
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let mut dl = vec![
        (String::new(), all),
        ("with".into(), tr(lang, "filter.with").into()),
        ("without".into(), tr(lang, "filter.without").into()),
    ];
    for y in logic::due_years(a) {
        dl.push((
            y.to_string(),
            fmt(lang, "filter.year", &[("y", &y.to_string())]),
        ));
    }
    let dv = match app.view.filter.deadline {
        DeadlineFilter::Any => String::new(),
        DeadlineFilter::With => "with".into(),
        DeadlineFilter::Without => "without".into(),
        DeadlineFilter::Year(y) => y.to_string(),
    };
    fill_select(&app.els.f_deadline, &dl, &dv);
    let subj = [
        (String::new(), tr(lang, "filter.all").to_string()),
        ("with".into(), tr(lang, "filter.subjectWith").into()),
        ("without".into(), tr(lang, "filter.subjectWithout").into()),
    ];
    let sv = match app.view.filter.subject {
        None => "",
        Some(true) => "with",
        Some(false) => "without",
    };
    fill_select(&app.els.f_subject, &subj, sv);
    let fixed = [
        (String::new(), tr(lang, "filter.all").to_string()),
        ("1".into(), tr(lang, "filter.correctedOnly").into()),
    ];
    fill_select(
        &app.els.f_fixed,
        &fixed,
        if app.view.filter.corrected { "1" } else { "" },
    );
    app.els
        .f_due_by
        .set_value(app.view.filter.due_by.as_deref().unwrap_or(""));
    app.els.f_search.set_value(&app.view.filter.query);
}

/// A filter control changed.
pub fn set_filter(id: &str, v: &str) {
    let (id, v) = (id.to_string(), v.to_string());
    with_app(move |app| {
        app.view.set_filter(&id, &v);
        render_grid(app);
        write_url(app);
    });
}

fn value_of(e: &web_sys::Event) -> Option<String> {
    let t = e.target()?;
    if let Some(s) = t.dyn_ref::<HtmlSelectElement>() {
        return Some(s.value());
    }
    t.dyn_ref::<HtmlInputElement>().map(|i| i.value())
}

/// The filter controls (and the legend) in `panel`. Returns (kind, section, deadline, subject,
/// corrected, due by, search).
#[allow(clippy::type_complexity)]
pub fn build(
    panel: &Element,
    l: &mut Labels,
) -> (
    HtmlSelectElement,
    HtmlSelectElement,
    HtmlSelectElement,
    HtmlSelectElement,
    HtmlSelectElement,
    HtmlInputElement,
    HtmlInputElement,
) {
    let filters = add(panel, "div", "filters");
    let f_kind = select(&filters, "filter-kind", "filter.kind", l);
    let f_section = select(&filters, "filter-section", "filter.section", l);
    let f_deadline = select(&filters, "filter-deadline", "filter.deadline", l);
    let f_subject = select(&filters, "filter-subject", "filter.subject", l);
    let f_fixed = select(&filters, "filter-corrected", "filter.corrected", l);
    let dw = add(&filters, "label", "field");
    let dlab = add(&dw, "span", "field-label");
    labelled(l, &dlab, "filter.dueBy", "");
    let f_due_by = add(&dw, "input", "");
    attr(&f_due_by, "type", "date");
    attr(&f_due_by, "id", "filter-due-by");
    let sw = add(&filters, "label", "field");
    let sl = add(&sw, "span", "field-label");
    labelled(l, &sl, "filter.search", "");
    let f_search = add(&sw, "input", "");
    attr(&f_search, "type", "search");
    attr(&f_search, "id", "filter-search");
    labelled(l, &f_search, "filter.search.placeholder", "placeholder");
    build_legend(panel, l);
    (
        f_kind,
        f_section,
        f_deadline,
        f_subject,
        f_fixed,
        f_due_by.unchecked_into(),
        f_search.unchecked_into(),
    )
}

/// What the colours of the marks and quantity cells mean.
fn build_legend(panel: &Element, l: &mut Labels) {
    let legend = add(panel, "ul", "legend");
    attr(&legend, "id", "legend");
    labelled(l, &legend, "legend.label", "aria-label");
    for k in KINDS {
        let name = logic::kind_name(k);
        let li = add(&legend, "li", "");
        let sw = add(&li, "span", &format!("swatch k-{name}"));
        attr(&sw, "aria-hidden", "true");
        let lab = add(&li, "span", "");
        labelled(l, &lab, kind_key(k), "");
    }
}

/// A changed control narrows the grid.
pub fn wire() {
    let Some((selects, search)) = with_app(move |a| {
        let e = &a.els;
        let selects: [Element; 6] = [
            e.f_kind.clone().into(),
            e.f_section.clone().into(),
            e.f_deadline.clone().into(),
            e.f_subject.clone().into(),
            e.f_due_by.clone().into(),
            e.f_fixed.clone().into(),
        ];
        (selects, e.f_search.clone())
    }) else {
        return;
    };
    for s in &selects {
        on(s, "change", |e| {
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .map(|t| t.id())
                .unwrap_or_default();
            let v = value_of(&e).unwrap_or_default();
            set_filter(&id, &v);
        });
    }
    on(&search, "input", |e| {
        let v = value_of(&e).unwrap_or_default();
        set_filter("filter-search", &v);
    });
}
