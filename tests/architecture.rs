//! Architecture rules checked as ordinary tests (after rust-analyzer's tidy checks):
//! pure modules stay pure, every file says what it is for, user text is never HTML.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Modules that must not touch the UI, the browser or the clock: the domain.
fn is_pure(path: &Path) -> bool {
    let rel = path
        .strip_prefix(src())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    rel.contains("/domain/")
        || rel.starts_with("i18n/")
        || [
            "storage/envelope.rs",
            "storage/repo.rs",
            "storage/store.rs",
            "storage/persist.rs",
            "storage/sharded.rs",
            "storage/pack.rs",
            "storage/mod.rs",
        ]
        .contains(&rel.as_str())
        || [
            "settings/model.rs",
            "settings/backup.rs",
            "editing/merge.rs",
            "working.rs",
            "tabular/csv.rs",
            "tabular/import.rs",
            "tabular/mod.rs",
        ]
        .contains(&rel.as_str())
}

#[test]
fn pure_modules_never_import_the_ui_the_browser_or_the_clock() {
    let forbidden = [
        "leptos",
        "web_sys",
        "js_sys",
        "gloo",
        "wasm_bindgen",
        "Utc::now",
        "Local::now",
        "SystemTime",
    ];
    let mut violations = Vec::new();
    let files: Vec<_> = rust_files(&src())
        .into_iter()
        .filter(|p| is_pure(p))
        .collect();
    assert!(
        files.len() >= 8,
        "the purity rule should cover the domain, found {files:?}"
    );
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if code.contains(word) {
                    violations.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "pure modules must not use these:\n{}",
        violations.join("\n")
    );
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let missing: Vec<_> = rust_files(&src())
        .into_iter()
        .filter(|p| !fs::read_to_string(p).unwrap().starts_with("//!"))
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading //! line: {missing:?}"
    );
}

#[test]
fn user_text_is_never_rendered_as_html() {
    let offenders: Vec<_> = rust_files(&src())
        .into_iter()
        .filter(|p| fs::read_to_string(p).unwrap().contains("inner_html"))
        .collect();
    assert!(
        offenders.is_empty(),
        "inner_html is not allowed: {offenders:?}"
    );
}

#[test]
fn the_wasm_bundle_does_not_pull_in_regex() {
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let deps = manifest.split("[dev-dependencies]").next().unwrap();
    assert!(
        !deps.contains("regex"),
        "regex is too large for the wasm bundle"
    );
}
