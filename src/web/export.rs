//! The export toolbar: the targets as CSV, the analysis as JSON or Markdown, the visible rows
//! copied as a table, a label file of the (corrected) analysis, print.

use super::dom::{self, add, attr, on};
use super::engine;
use super::i18n::{num, tr};
use super::logic;
use super::panels::char_slice;
use super::panels::grid::visible_targets;
use super::state::{with_app, App};
use super::status::set_status;
use super::widgets::{button, labelled, Labels};
use crate::model::Analysis;
use web_sys::Element;

/// The media type of an `.xlsx` workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The reader's export of targets `which` (header first), in the page's language.
fn export_rows(app: &App, a: &Analysis, which: &[usize]) -> Vec<Vec<String>> {
    let lang = app.lang;
    let label = |k: &str| tr(lang, k).to_string();
    let mut rows = vec![logic::EXPORT_COLS.iter().map(|k| label(k)).collect()];
    for &i in which {
        let t = &a.targets[i];
        let (cs, ce) = (
            t.clause_span[0].min(t.span[0]),
            t.clause_span[1].max(t.span[1]),
        );
        let fix = match logic::corrected_flag(t) {
            Some(logic::FLAG_REMOVED) => label("x.removed"),
            Some(logic::FLAG_ADDED) => label("x.added"),
            Some(_) => label("x.yes"),
            None => String::new(),
        };
        rows.push(logic::export_row(
            a,
            t,
            char_slice(app, cs, ce),
            &fix,
            &label,
        ));
    }
    rows
}

fn file_base(a: &Analysis) -> String {
    let t = a
        .document
        .title
        .clone()
        .unwrap_or_else(|| "planlens".into());
    let s: String = t
        .chars()
        .filter(|c| !"/\\:*?\"<>|\n\r\t".contains(*c))
        .take(60)
        .collect();
    if s.trim().is_empty() {
        "planlens".into()
    } else {
        s
    }
}

/// The export buttons.
pub fn export(id: &str) {
    if id == "export-print" {
        let _ = dom::window().print();
        return;
    }
    if id == "export-link" {
        return super::share::make_link();
    }
    let copy = id == "export-copy";
    let Some(Some((a, rows))) = with_app(move |app| {
        let a = app.analysis.clone()?;
        // the CSV holds every target, the copied list the visible ones: the same columns
        let which = if copy {
            visible_targets(app)
        } else {
            (0..a.targets.len()).collect()
        };
        Some((a.clone(), export_rows(app, &a, &which)))
    }) else {
        return;
    };
    let base = file_base(&a);
    match id {
        "export-csv" => dom::download(
            &format!("{base}.csv"),
            "text/csv;charset=utf-8",
            &logic::rows_csv(&rows),
        ),
        "export-json" => dom::download(
            &format!("{base}.json"),
            "application/json",
            &crate::render::json(&a),
        ),
        "export-xlsx" => {
            let sheet = with_app(|app| tr(app.lang, "export.sheet")).unwrap_or("planlens");
            wasm_bindgen_futures::spawn_local(async move {
                match engine::rows_xlsx(sheet, &rows).await {
                    Ok(b) => dom::download_bytes(&format!("{base}.xlsx"), XLSX, &b),
                    Err(e) => set_status("status.failed", vec![("e", e)], true),
                }
            });
        }
        "export-md" => dom::download(
            &format!("{base}.md"),
            "text/markdown;charset=utf-8",
            &crate::render::markdown(&a),
        ),
        "export-labels" => {
            let Some(text) = with_app(move |app| app.text.clone()) else {
                return;
            };
            let json = crate::render::json(&a);
            wasm_bindgen_futures::spawn_local(async move {
                match engine::labels_json(json, text).await {
                    Ok(j) => dom::download(&format!("{base}.labels.json"), "application/json", &j),
                    Err(e) => set_status("status.failed", vec![("e", e)], true),
                }
            });
        }
        "export-copy" => {
            let n = rows.len() - 1;
            let clip = dom::window().navigator().clipboard();
            let p = clip.write_text(&logic::rows_tsv(&rows));
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(p).await {
                    Ok(_) => set_status("status.copied", vec![("n", num(n))], false),
                    Err(_) => set_status("status.copyFailed", vec![], true),
                }
            });
        }
        _ => {}
    }
}

/// The export toolbar at the end of `results`.
pub fn build(results: &Element, l: &mut Labels) {
    let exports = add(results, "div", "exports");
    attr(&exports, "role", "toolbar");
    labelled(l, &exports, "export.label", "aria-label");
    for (id, key) in [
        ("export-csv", "export.csv"),
        ("export-xlsx", "export.xlsx"),
        ("export-json", "export.json"),
        ("export-md", "export.md"),
        ("export-copy", "export.copy"),
        ("export-labels", "export.labels"),
        ("export-print", "export.print"),
        ("export-link", "share.button"),
    ] {
        button(&exports, id, "", key, l);
    }
}

/// Each button exports.
pub fn wire() {
    let Some(root) = with_app(move |a| a.els.root.clone()) else {
        return;
    };
    let Ok(Some(bar)) = root.query_selector(".results-pane > .exports") else {
        return;
    };
    on(&bar, "click", |e| {
        if let Some(b) = dom::closest(&e, "button[id^=export-]") {
            export(&b.id());
        }
    });
}
