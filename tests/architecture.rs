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
            "storage/activity.rs",
            "storage/envelope.rs",
            "storage/repo.rs",
            "storage/store.rs",
            "storage/persist.rs",
            "storage/sharded.rs",
            "storage/pack.rs",
            "storage/backup.rs",
            "storage/mod.rs",
        ]
        .contains(&rel.as_str())
        || [
            "preferences.rs",
            "paths.rs",
            "editing/merge.rs",
            "working.rs",
            "tabular/csv.rs",
            "tabular/import.rs",
            "tabular/mod.rs",
            "money.rs",
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

/// The sections: each owns its pages, state and stored documents.
const SECTIONS: &[&str] = &[
    "customers",
    "surveys",
    "blueprints",
    "credit",
    "learn",
    "settings",
    "dashboard",
];

/// What one section may use of another: its domain, its stored book and derived state,
/// its labels and constants (never its pages, forms or routes).
const SHARED_PARTS_OF_A_SECTION: &[&str] = &[
    "domain",
    "book",
    "state",
    "derived",
    "labels",
    // Each section offers its own figures to the dashboard and its lessons to Learn.
    "dashboard",
    "learn",
];

/// A source file's module path: `src/customers/list/page.rs` → ["customers", "list", "page"].
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file without its test module and comments.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b` path a file names (in `use` lines and in code), as segments. A
/// grouped `use crate::{a, b::c}` names each member.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c == '$' || c.is_alphanumeric() || c == '_') {
            continue; // `$crate::` in a macro, or part of another name
        }
        let group = if rest.starts_with('{') {
            let end = rest.find('}').unwrap_or(rest.len());
            rest[1..end].split(',').map(str::trim).collect::<Vec<_>>()
        } else {
            vec![rest]
        };
        for member in group {
            let mut segments: Vec<String> = Vec::new();
            for piece in member.split("::") {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let whole = name.len() == piece.len();
                if !name.is_empty() {
                    segments.push(name);
                }
                if !whole {
                    break; // the path ends inside this piece
                }
            }
            if !segments.is_empty() {
                paths.push(segments);
            }
        }
    }
    paths
}

/// (importing module, imported `crate::` path) for every file.
fn imports() -> Vec<(Vec<String>, Vec<String>)> {
    let mut all = Vec::new();
    for path in rust_files(&src()) {
        let module = module_of(&path);
        let code = code_of(&fs::read_to_string(&path).unwrap());
        for imported in crate_paths(&code) {
            all.push((module.clone(), imported));
        }
    }
    all
}

#[test]
fn the_import_reader_understands_groups_and_ignores_macros() {
    let code = "use crate::{a::b, c};\nlet x = crate::d::E;\n$crate::f::g\nmy_crate::h";
    assert_eq!(
        crate_paths(code),
        vec![
            vec!["a".to_owned(), "b".to_owned()],
            vec!["c".to_owned()],
            vec!["d".to_owned(), "E".to_owned()],
        ]
    );
}

#[test]
fn components_state_and_shared_modules_never_import_a_section() {
    let shared = [
        "components",
        "state",
        "storage",
        "editing",
        "working",
        "i18n",
    ];
    let violations: Vec<_> = imports()
        .into_iter()
        .filter(|(from, to)| {
            shared.contains(&from[0].as_str()) && SECTIONS.contains(&to[0].as_str())
        })
        .map(|(from, to)| format!("{} uses crate::{}", from.join("::"), to.join("::")))
        .collect();
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
fn a_section_never_imports_another_sections_pages() {
    let violations: Vec<_> = imports()
        .into_iter()
        .filter(|(from, to)| {
            let (from, to_section) = (from[0].as_str(), to[0].as_str());
            if !SECTIONS.contains(&from) || !SECTIONS.contains(&to_section) || from == to_section {
                return false;
            }
            let part = to.get(1).map(String::as_str).unwrap_or("");
            let constant = part.chars().all(|c| c.is_ascii_uppercase() || c == '_');
            !(SHARED_PARTS_OF_A_SECTION.contains(&part) || constant && !part.is_empty())
        })
        .map(|(from, to)| format!("{} uses crate::{}", from.join("::"), to.join("::")))
        .collect();
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
fn the_paths_module_imports_nothing_of_the_app() {
    let text = fs::read_to_string(src().join("paths.rs")).unwrap();
    let used = crate_paths(&code_of(&text));
    assert!(used.is_empty(), "paths.rs uses {used:?}");
}

/// The import graph between modules `depth` segments deep (`customers::list`, `state`).
fn module_graph(depth: usize) -> std::collections::BTreeMap<String, Vec<String>> {
    let top_level: Vec<String> = rust_files(&src())
        .iter()
        .map(|p| module_of(p))
        .filter(|m| !m.is_empty())
        .map(|m| m[0].clone())
        .collect();
    let mut graph = std::collections::BTreeMap::<String, Vec<String>>::new();
    for (from, to) in imports() {
        if from.is_empty() || !top_level.contains(&to[0]) {
            continue;
        }
        let cut = |m: &[String]| m[..m.len().min(depth)].join("::");
        let (from, to) = (cut(&from), cut(&to));
        // A module's own parts may use each other; its parent module re-exports them.
        if from == to
            || from.starts_with(&format!("{to}::"))
            || to.starts_with(&format!("{from}::"))
        {
            continue;
        }
        let edges = graph.entry(from).or_default();
        if !edges.contains(&to) {
            edges.push(to);
        }
    }
    graph
}

/// A loop in `graph`, if there is one, as the modules along it.
fn find_loop(graph: &std::collections::BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &std::collections::BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.iter().any(|n| n == node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.push(node.to_owned());
        None
    }
    let mut done = Vec::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn modules_never_import_each_other_in_a_loop() {
    for depth in [1, 2] {
        let graph = module_graph(depth);
        assert!(graph.len() > 5, "the graph should cover the app: {graph:?}");
        if let Some(found) = find_loop(&graph) {
            panic!("modules import each other in a loop: {}", found.join(" → "));
        }
    }
}

#[test]
fn the_loop_finder_finds_loops() {
    let graph = std::collections::BTreeMap::from([
        ("a".to_owned(), vec!["b".to_owned()]),
        ("b".to_owned(), vec!["c".to_owned()]),
        ("c".to_owned(), vec!["a".to_owned()]),
    ]);
    assert_eq!(find_loop(&graph).unwrap(), ["a", "b", "c", "a"]);
    let tree = std::collections::BTreeMap::from([("a".to_owned(), vec!["b".to_owned()])]);
    assert_eq!(find_loop(&tree), None);
}

/// Latin words a Chinese text may keep: abbreviations in capitals (CSV, NPS) pass as
/// they are; these are the names and terms that are written in Latin letters in Chinese
/// too.
const LATIN_NAMES_IN_CHINESE: &[&str] = &[
    "Gupta",
    "Lehmann",
    "Payne",
    "Altman",
    "Wald",
    "Safari",
    "localStorage",
];

/// The Chinese texts of every catalogue entry (`Key => "English", "中文";`) and every
/// bilingual name (`zh: "中文"`) in a source file.
fn chinese_texts(code: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for line in code.lines() {
        let line = line.trim();
        let zh = if let Some(entry) = line.split_once("=> \"") {
            // `Key => "en", "zh"` : the second string literal.
            let after_en = entry.1.split_once("\", \"").map(|(_, rest)| rest);
            after_en
                .and_then(|rest| rest.rsplit_once('"'))
                .map(|(zh, _)| zh)
        } else {
            line.strip_prefix("zh: \"")
                .and_then(|rest| rest.rsplit_once('"'))
                .map(|(zh, _)| zh)
        };
        if let Some(zh) = zh {
            texts.push(zh.to_owned());
        }
    }
    texts
}

/// The English words in a Chinese text: runs of Latin letters with a small letter in
/// them, other than the names Chinese writes in Latin letters too.
fn english_words(zh: &str) -> Vec<&str> {
    zh.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_lowercase()))
        .filter(|w| !LATIN_NAMES_IN_CHINESE.contains(w))
        .collect()
}

#[test]
fn no_english_word_appears_in_a_chinese_message() {
    let mut found = Vec::new();
    let mut checked = 0;
    for path in rust_files(&src()) {
        let code = code_of(&fs::read_to_string(&path).unwrap());
        for zh in chinese_texts(&code) {
            checked += 1;
            let words = english_words(&zh);
            if !words.is_empty() {
                found.push(format!("{}: {zh:?} has {words:?}", path.display()));
            }
        }
    }
    assert!(
        checked > 300,
        "only {checked} Chinese texts found: is the reader right?"
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_chinese_text_reader_and_word_finder_work() {
    let code = "Save => \"Save\", \"保存\";\nBad => \"Open {0}\", \"打开 file {0}\", latin;\nzh: \"位客户\",";
    assert_eq!(chinese_texts(code), ["保存", "打开 file {0}", "位客户"]);
    assert_eq!(english_words("打开 file CSV localStorage"), ["file"]);
}
